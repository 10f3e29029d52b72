"""`circular-studio new`: a complete letter in every chosen language, from the command line."""
import json
import re

import pytest

from circular_studio.cli import main

# Facts that complete a letter of each type (as a drafter would type them with --set).
FACTS = {
    "invitation": ["event_name.fr=la Conférence mondiale de développement des télécommunications",
                   "event_name.en=World Telecommunication Development Conference",
                   "event_name.ar=المؤتمر العالمي لتنمية الاتصالات", "event_acronym=WTDC-29",
                   "event_acronym.fr=CMDT-29",
                   "venue.fr=Genève (Suisse)", "venue.en=Geneva, Switzerland", "venue.ar=جنيف، سويسرا",
                   "start_date=2029-11-05", "end_date=2029-11-16", "deadline=2029-09-28",
                   "info_url=https://www.itu.int/wtdc29/"],
    "call_for_contributions": ["sought.fr=le Processus de consultation ouverte",
                               "sought.en=the Open Consultation Process",
                               "sought.ar=عملية المشاورة المفتوحة",
                               "event_name.fr=le Forum du SMSI", "event_name.en=WSIS Forum",
                               "event_name.ar=منتدى القمة العالمية لمجتمع المعلومات",
                               "venue.fr=Genève (Suisse)", "venue.en=Geneva, Switzerland", "venue.ar=جنيف، سويسرا",
                               "start_date=2029-05-07", "end_date=2029-05-11", "deadline=2029-02-28",
                               "form_url=https://www.wsis.org/forum/form/", "info_url=https://www.wsis.org/forum/"],
    "expression_of_interest": ["initiative.fr=l'Alliance numérique Partner2Connect",
                               "initiative.en=Partner2Connect Digital Coalition",
                               "initiative.ar=التحالف الرقمي للشراكة من أجل التوصيل",
                               "focus_areas.fr=Connecter les personnes", "focus_areas.fr=Stimuler l'investissement",
                               "focus_areas.en=Connecting people", "focus_areas.en=Stimulating investment",
                               "focus_areas.ar=توصيل الناس في كل مكان", "focus_areas.ar=حفز الاستثمار",
                               "deadline=2029-10-31", "form_url=https://www.itu.int/partner2connect/form/",
                               "info_url=https://www.itu.int/partner2connect/"],
}
COMMON = ["signatory=doreen-bogdan-martin", "reference=CL-29/12"]


def _body_words(markdown: str) -> int:
    """Words between the salutation and the closing, markers left out."""
    body = markdown.split("<!-- closing -->")[0]
    body = re.split(r"<!-- paragraph", body, maxsplit=1)[1] if "<!-- paragraph" in body else ""
    return len(re.sub(r"<!--.*?-->", " ", body).split())


@pytest.mark.parametrize("type_id", sorted(FACTS))
def test_new_gives_a_whole_letter_in_each_language(tmp_path, type_id, capsys):
    draft = tmp_path / "d.json"
    assert main(["new", type_id, "-l", "ar", "-l", "fr", "-l", "en", "-o", str(draft)]) == 0
    assert "still to fill" in capsys.readouterr().err
    assert main(["render", "-f", "md", str(draft), "-o", str(tmp_path / "out") + "/"]) == 0
    for lang in ("ar", "fr", "en"):
        text = (tmp_path / "out" / f"d.{lang}.md").read_text(encoding="utf-8")
        assert _body_words(text) >= 100, (type_id, lang, _body_words(text))
        assert "\\[" in text  # placeholders for the facts not typed yet
        assert "{{" not in text


def test_the_three_types_write_different_bodies(tmp_path):
    bodies = set()
    for type_id in FACTS:
        draft = tmp_path / f"{type_id}.json"
        assert main(["new", type_id, "-l", "en", "-o", str(draft)]) == 0
        assert main(["render", "-f", "md", str(draft), "-o", str(tmp_path / f"{type_id}.md")]) == 0
        text = (tmp_path / f"{type_id}.md").read_text(encoding="utf-8")
        bodies.add(text.split("<!-- salutation -->")[1])
    assert len(bodies) == 3


@pytest.mark.parametrize("type_id", sorted(FACTS))
def test_with_the_facts_set_the_letter_checks_clean(tmp_path, type_id, capsys):
    draft = tmp_path / "d.json"
    args = ["new", type_id, "-l", "ar", "-l", "fr", "-l", "en", "-o", str(draft), "--date", "2029-01-15"]
    for pair in FACTS[type_id] + COMMON:
        args += ["--set", pair]
    assert main(args) == 0
    assert "still to fill" not in capsys.readouterr().err
    assert main(["check", str(draft), "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    serious = [(f["code"], f["message"]) for file in report["files"] for f in file["findings"]
               if f["severity"] in ("error", "warning")]
    assert serious == []
    assert main(["render", "-f", "docx", str(draft), "-o", str(tmp_path / "out") + "/"]) == 0


def test_set_and_clause_options(tmp_path, capsys):
    draft = tmp_path / "d.json"
    assert main(["new", "invitation", "-l", "fr", "-o", str(draft), "--set", "addressees=À l'État de Palestine",
                 "--clause", "gender=off", "--clause", "audience=invite_all", "--clause", "visa=on"]) == 0
    data = json.loads(draft.read_text(encoding="utf-8"))
    assert data["languages"]["fr"]["addressees"] == ["À l'État de Palestine"]
    assert data["clauses"] == {"gender": False, "audience": "invite_all", "visa": True}
    assert "{{" not in draft.read_text(encoding="utf-8")


@pytest.mark.parametrize("args, message", [
    (["--set", "budget=3"], "has no such fact"),
    (["--set", "start_date=17/11/2029"], "not a date"),
    (["--set", "reference.fr=CL-29/1"], "typed once for every language"),
    (["--clause", "audience=everyone"], "is not one of"),
    (["--clause", "nothing=on"], "no such clause"),
    (["-l", "de"], "no template for de"),
])
def test_bad_options_are_one_clear_line(tmp_path, capsys, args, message):
    draft = tmp_path / "d.json"
    assert main(["new", "invitation", "-l", "fr", "-o", str(draft)] + args) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err and not draft.exists()


def test_an_existing_draft_is_not_replaced(tmp_path, capsys):
    draft = tmp_path / "d.json"
    draft.write_text("{}", encoding="utf-8")
    assert main(["new", "invitation", "-o", str(draft)]) == 2
    assert "already exists" in capsys.readouterr().err and draft.read_text() == "{}"


def test_facts_lists_the_type(capsys):
    assert main(["new", "invitation", "--facts"]) == 0
    out = capsys.readouterr().out
    assert "event_name *" in out and "gender  [optional, on]" in out and "variant of 'audience'" in out
