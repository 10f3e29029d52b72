"""Letter types own their clauses: aligned across languages, checked at load, chosen per draft."""
import json
import shutil
import textwrap

import pytest

from circular_studio.core.checks import load_letter, run_checks
from circular_studio.core.compose.pipeline import build_document, prepare
from circular_studio.core.errors import TemplateError
from circular_studio.core.model import draft as draft_io
from circular_studio.core.model import lettertypes
from circular_studio.core.resources import templates_dir
from tests.conftest import example_path


@pytest.fixture
def own_templates(tmp_path, monkeypatch):
    """A private copy of templates/ the test may change."""
    root = tmp_path / "templates"
    shutil.copytree(templates_dir(), root)
    monkeypatch.setenv("CIRCULAR_STUDIO_TEMPLATES", str(root))
    return root


def _edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _line_of(path, needle) -> int:
    return next(i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in line)


# ---------------------------------------------------------------- refused at load, clearly

def test_a_clause_missing_a_language_is_refused_naming_file_clause_and_language(own_templates):
    path = own_templates / "invitation" / "clauses.toml"
    text = path.read_text(encoding="utf-8")
    start = text.index('id = "gender"')
    en = text.index('\nen = """', start)
    fr = text.index('\nfr = """', en)
    path.write_text(text[:en] + text[fr:], encoding="utf-8")
    broken = lettertypes.broken_letter_types()
    assert "invitation" in broken and "call_for_contributions" in lettertypes.letter_types()
    msg = str(broken["invitation"])
    assert str(path) in msg and "clause 'gender'" in msg and "no text in en" in msg


def test_a_clause_using_an_undeclared_fact_is_refused(own_templates):
    path = own_templates / "invitation" / "clauses.toml"
    _edit(path, "Je compte sur votre participation et vos", "Je compte sur {{ budget }} votre participation et vos")
    msg = str(lettertypes.broken_letter_types()["invitation"])
    line = _line_of(path, "{{ budget }}")
    assert f"{path}, line {line}: clause 'look_forward' [fr] uses budget" in msg
    assert "schema.json does not declare" in msg


def test_a_jinja_syntax_error_names_the_file_and_its_line(own_templates):
    path = own_templates / "call_for_contributions" / "clauses.toml"
    _edit(path, "Toutes les parties prenantes sont invitées", "Toutes {% if form_url %} les parties prenantes sont invitées")
    msg = str(lettertypes.broken_letter_types()["call_for_contributions"])
    line = _line_of(path, "Toutes {% if form_url %}")
    assert msg.startswith(f"{path}, line ") and "clause 'how' [fr]: template syntax error" in msg
    # the error is reported at the end of the text (where the endif is missing), in the file's lines
    assert line <= int(msg.split(", line ")[1].split(":")[0]) <= line + 2


def test_a_syntax_error_on_the_first_line_of_a_text_points_at_it(own_templates):
    path = own_templates / "expression_of_interest" / "clauses.toml"
    _edit(path, "Pour de plus amples informations, veuillez consulter", "Pour {{ de plus }} amples informations, veuillez consulter")
    msg = str(lettertypes.broken_letter_types()["expression_of_interest"])
    assert f"{path}, line {_line_of(path, '{{ de plus }}')}: clause 'information' [fr]: template syntax error" in msg


def test_broken_toml_is_refused_with_its_line(own_templates):
    path = own_templates / "invitation" / "clauses.toml"
    path.write_text(path.read_text(encoding="utf-8") + '\n[[clause]]\nid = "x\n', encoding="utf-8")
    msg = str(lettertypes.broken_letter_types()["invitation"])
    assert str(path) in msg and "broken TOML" in msg and "line" in msg


def test_a_fact_no_clause_or_template_uses_is_refused(own_templates):
    path = own_templates / "invitation" / "schema.json"
    schema = json.loads(path.read_text(encoding="utf-8"))
    schema["fields"].append({"name": "dress_code", "kind": "text", "label": {"en": "Dress code"}})
    path.write_text(json.dumps(schema), encoding="utf-8")
    msg = str(lettertypes.broken_letter_types()["invitation"])
    assert "dress_code" in msg and "no clause or template of the type uses" in msg


def test_every_declared_fact_of_every_type_has_a_place():
    """Loading refuses a fact nobody prints; here, more strongly: each fact of each shipped type
    shows up in a letter when it is given (and its clauses are on)."""
    from tests.core.model.test_lettertypes import filled

    types = lettertypes.letter_types()
    assert not lettertypes.broken_letter_types()
    for type_id, lt in types.items():
        d = filled(type_id, ["en"])
        for clause in lt.clauses:
            if clause.optional:
                d.clauses[clause.id] = True
        values = {"text": "Zq{n}", "list": ["Zq{n}"], "url": "https://www.itu.int/zq{n}/",
                  "email": "zq{n}@itu.int", "phone": "+41 22 730 56{n:02d}", "reference": "CL-25/{n}"}
        for spec in lt.fields:
            if spec.kind == "date" and not d.fields.get(spec.name):
                d.fields[spec.name] = "2025-10-01"
        for n, spec in enumerate(lt.fields, 10):
            if spec.kind in values and spec.name not in ("subject",):
                raw = values[spec.kind]
                value = [v.format(n=n) for v in raw] if isinstance(raw, list) else raw.format(n=n)
                (d.languages["en"] if spec.translatable else d.fields)[spec.name] = value
        text = build_document(d, "en").text
        for n, spec in enumerate(lt.fields, 10):
            if spec.kind in ("text", "list", "url", "email") and spec.name not in ("subject",):
                assert f"zq{n}" in text.lower(), f"{type_id}: {spec.name} is printed nowhere"


def test_every_clause_has_a_text_in_every_language_of_its_type():
    for lt in lettertypes.letter_types().values():
        assert {"ar", "fr", "en"} <= set(lt.languages)
        for clause in lt.clauses:
            assert set(clause.texts) == set(lt.languages), (lt.id, clause.id)


# ---------------------------------------------------------------- a fourth type, from files alone

EXPERTS_SCHEMA = {
    "extends": "_base",
    "title": {"en": "Call for experts", "fr": "Appel à experts", "ar": "دعوة إلى ترشيح خبراء"},
    "fields": [
        {"name": "expertise", "kind": "text", "translatable": True, "required": True,
         "label": {"en": "Expertise sought", "fr": "Expertise recherchée", "ar": "الخبرة المطلوبة"}},
        {"name": "deadline", "kind": "date", "required": True,
         "label": {"en": "Nominations due", "fr": "Date limite des candidatures", "ar": "آخر موعد للترشيحات"}},
        {"name": "remunerated", "kind": "bool", "default": False,
         "label": {"en": "Paid assignment", "fr": "Mission rémunérée", "ar": "مهمة مدفوعة الأجر"}},
    ],
}

EXPERTS_CLAUSES = '''
[subject]
en = "Call for experts: {{ expertise }}"
fr = "Appel à experts: {{ expertise }}"
ar = "دعوة إلى ترشيح خبراء: {{ expertise }}"

[addressees]
en = ["To Administrations of ITU Member States"]
fr = ["Aux Administrations des États Membres de l'UIT"]
ar = ["إلى إدارات الدول الأعضاء في الاتحاد"]

[[clause]]
id = "ask"
label = {en = "What is asked"}
en = "I should be grateful if you would nominate experts in {{ expertise }} by {{ deadline|long_date }}."
fr = "Je vous saurais gré de bien vouloir proposer des experts en {{ expertise }} d'ici au {{ deadline|long_date }}."
ar = "وسأكون {% if signatory_gender == 'f' %}ممتنة{% else %}ممتناً{% endif %} لو تفضلتم بترشيح خبراء في {{ expertise }} قبل {{ deadline|long_date }}."

[[clause]]
id = "paid"
optional = true
default = false
label = {en = "Remuneration"}
en = "{% if remunerated %}The assignment is remunerated.{% else %}The assignment is voluntary.{% endif %}"
fr = "{% if remunerated %}La mission est rémunérée.{% else %}La mission est bénévole.{% endif %}"
ar = "{% if remunerated %}وهذه المهمة مدفوعة الأجر.{% else %}وهذه المهمة تطوعية.{% endif %}"

[[clause]]
id = "reply_by_mail"
choice = "reply"
default = true
label = {en = "Reply by letter"}
en = "Please reply by letter."
fr = "Veuillez répondre par courrier."
ar = "يرجى الرد بالمراسلة."

[[clause]]
id = "reply_by_mail_and_email"
choice = "reply"
label = {en = "Reply by letter or e-mail"}
en = "Please reply by letter or e-mail."
fr = "Veuillez répondre par courrier ou par courrier électronique."
ar = "يرجى الرد بالمراسلة أو بالبريد الإلكتروني."
'''


def test_a_fourth_type_is_files_alone_and_renders_in_all_its_languages(own_templates):
    folder = own_templates / "call_for_experts"
    folder.mkdir()
    (folder / "schema.json").write_text(json.dumps(EXPERTS_SCHEMA), encoding="utf-8")
    (folder / "clauses.toml").write_text(textwrap.dedent(EXPERTS_CLAUSES), encoding="utf-8")
    lt = lettertypes.letter_types()["call_for_experts"]
    assert lt.languages == ("ar", "en", "fr")
    assert [c.id for c in lt.clauses] == ["ask", "paid", "reply_by_mail", "reply_by_mail_and_email"]
    d = lt.new_draft(["ar", "en", "fr"])
    d.fields.update(signatory="doreen-bogdan-martin", letter_date="2024-05-02", reference="CL-24/30",
                    deadline="2024-06-28")
    d.languages["en"]["expertise"] = "spectrum management"
    d.languages["fr"]["expertise"] = "gestion du spectre"
    d.languages["ar"]["expertise"] = "إدارة الطيف"
    d.clauses.update(paid=True, reply="reply_by_mail_and_email")
    texts = {lang: build_document(d, lang).text for lang in lt.languages}
    assert "Subject: Call for experts: spectrum management" in texts["en"]
    assert "nominate experts in spectrum management by 28 June 2024." in texts["en"]
    assert "The assignment is voluntary." in texts["en"]
    assert "Please reply by letter or e-mail." in texts["en"] and "Please reply by letter." not in texts["en"]
    assert "d'ici au 28 juin 2024." in texts["fr"] and "La mission est bénévole." in texts["fr"]
    assert "ممتنة لو تفضلتم بترشيح خبراء في إدارة الطيف قبل 28 يونيو 2024." in texts["ar"]
    assert "Doreen Bogdan-Martin\nSecretary-General" in texts["en"]


# ---------------------------------------------------------------- drafts: choices, overrides, free text

def _invitation(languages=("fr",)):
    from tests.core.model.test_lettertypes import filled

    return filled("invitation", list(languages))


def test_switches_and_variants_choose_the_paragraphs():
    d = _invitation(["fr", "en"])
    fr = build_document(d, "fr").text
    assert "inviter par la présente votre Gouvernement à envoyer une délégation" in fr and "égalité hommes-femmes" in fr
    d.clauses.update(gender=False, audience="invite_all", visa=True)
    fr, en = build_document(d, "fr").text, build_document(d, "en").text
    assert "égalité hommes-femmes" not in fr and "gender equality" not in en
    assert "toutes les parties prenantes intéressées" in fr and "votre Gouvernement" not in fr
    assert "Pour entrer en Suisse" in fr and "enter and spend time in Switzerland" in en
    d.clauses["audience"] = False  # none of the variants
    assert "y participer" not in build_document(d, "fr").text


def test_an_override_replaces_the_clause_in_one_language_only():
    d = _invitation(["fr", "en"])
    d.overrides["fr"] = {"look_forward": {"text": "Je compte **vivement** sur vous.", "facts": {}}}
    fr, en = build_document(d, "fr"), build_document(d, "en")
    block = next(b for b in fr.blocks if b.field == "clause:look_forward")
    assert block.text == "Je compte vivement sur vous." and any(s.bold for s in block.spans)
    assert "I look forward to your participation" in en.text


def test_free_paragraphs_sit_after_their_clause_in_every_language():
    d = _invitation(["fr", "en"])
    d.free.append({"id": "p1", "after": "announce", "text": {"fr": "Un mot de plus.", "en": "One more word."}})
    d.free.append({"id": "p2", "after": "", "text": {"fr": "En tête.", "en": ""}})
    fr = [b.field for b in build_document(d, "fr").blocks if b.kind.value == "paragraph"]
    assert fr[:3] == ["free:p2", "clause:announce", "free:p1"]
    preview_en = build_document(d, "en", strict=False).text
    assert "[Paragraph to write in this language]" in preview_en
    assert "Paragraph to write" not in build_document(d, "en").text
    (doc_en, draft), = [(doc, dr) for doc, dr in [(build_document(d, "en", strict=False), d)]]
    found = [f.code for f in run_checks(doc_en, draft, select=["CLAUSE004"])]
    assert found == ["CLAUSE004"]


def test_a_changed_fact_after_an_override_is_a_warning_until_the_text_is_edited(tmp_path):
    d = _invitation(["fr"])
    lt = lettertypes.letter_type("invitation")
    facts = {name: d.value(name, "fr") for name in lt.clause_facts("announce", "fr")}
    assert {"event_name", "venue", "start_date", "end_date", "host"} <= set(facts)
    d.overrides["fr"] = {"announce": {"text": "La réunion se tiendra à Bakou, du 17 au 28 novembre 2025.",
                                      "facts": facts}}
    doc = build_document(d, "fr")
    assert not [f for f in run_checks(doc, d, select=["CLAUSE"])]
    d.fields["start_date"] = "2025-11-18"
    doc = build_document(d, "fr")
    (finding,) = run_checks(doc, d, select=["CLAUSE001"], ui_language="fr")
    assert finding.severity.value == "warning" and finding.field == "clause:announce"
    assert "2025-11-17" in finding.message and "2025-11-18" in finding.message
    assert doc.blocks[finding.paragraph].field == "clause:announce"


# ---------------------------------------------------------------- old drafts and changed types

def _version_1(tmp_path, body):
    data = json.loads(example_path("000").read_text(encoding="utf-8"))
    data["version"] = 1
    for key in ("clauses", "overrides", "free"):
        data.pop(key)
    data["languages"]["fr"]["body"] = body
    path = tmp_path / "old.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_a_version_1_draft_opens_converted_its_template_code_rendered_once(tmp_path):
    path = _version_1(tmp_path, "La {{ event_name }} se tiendra {{ start_date|date_range(end_date) }}.\n\n"
                                "Deuxième **paragraphe**.")
    d = draft_io.load(path)
    assert any("converted from draft format 1" in n for n in d.notices)
    prepare(d)  # what opening it for editing or composing does first
    (block,) = d.free
    assert block["text"]["fr"] == ("La la Conférence mondiale de développement des télécommunications de 2025 "
                                   "se tiendra du 17 au 28 novembre 2025.\n\nDeuxième **paragraphe**.")
    doc = build_document(d, "fr")
    body = [b.text for b in doc.blocks if (b.field or "").startswith(("clause:", "free:"))]
    assert body == ["La la Conférence mondiale de développement des télécommunications de 2025 se tiendra "
                    "du 17 au 28 novembre 2025.", "Deuxième paragraphe."]  # as before: no clause added
    assert "{{" not in json.dumps(d.to_json())
    saved = draft_io.load(draft_io.save(d, tmp_path / "new.json"))
    assert saved.to_json()["version"] == 2 and not saved.notices
    infos = {f.code for f in run_checks(doc, d, select=["CLAUSE"])}
    assert infos == {"CLAUSE003"}  # the type's required paragraphs are off: said, not imposed


def test_template_code_that_cannot_render_is_kept_and_said(tmp_path):
    d = draft_io.load(_version_1(tmp_path, "Réponse avant le {{ nowhere|long_date }}."))
    prepare(d)
    assert d.free[0]["text"]["fr"] == "Réponse avant le {{ nowhere|long_date }}."
    assert any("kept its template code" in n for n in d.notices)


def test_a_draft_naming_a_clause_the_type_no_longer_has_keeps_the_text(tmp_path):
    data = json.loads(example_path("000").read_text(encoding="utf-8"))
    data["overrides"]["fr"]["old_clause"] = {"text": "Un paragraphe écrit pour une clause disparue.", "facts": {}}
    data["free"] = [{"id": "p1", "after": "vanished", "text": {"fr": "Placé après une clause disparue."}}]
    data["clauses"]["vanished"] = False
    path = tmp_path / "old-clause.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    ((doc, d),) = load_letter(path)
    texts = [b.text for b in doc.blocks]
    assert texts.index("Un paragraphe écrit pour une clause disparue.") > texts.index(
        next(t for t in texts if t.startswith("Je compte sur votre participation")))
    assert "Placé après une clause disparue." in texts
    found = [f for f in run_checks(doc, d, select=["CLAUSE002"])]
    assert len(found) == 1 and "old_clause" in found[0].message
    assert doc.blocks[found[0].paragraph].text == "Un paragraphe écrit pour une clause disparue."
    assert "vanished" not in d.clauses


def test_a_saved_draft_reads_back_the_same():
    d = draft_io.load(example_path("001"))
    again = draft_io.from_json(json.loads(d.dumps()))
    assert again.to_json() == d.to_json() and again.free and again.overrides and again.clauses


@pytest.mark.parametrize("bad, message", [
    ({"clauses": {"gender": 3}}, "field 'clauses'"),
    ({"overrides": {"fr": {"announce": "text"}}}, "field 'overrides'"),
    ({"free": [{"id": "p1", "text": {"fr": 5}}]}, "field 'free'"),
    ({"free": [{"id": "p1"}, {"id": "p1"}]}, "same id"),
])
def test_a_malformed_body_part_is_one_clear_error(bad, message):
    data = json.loads(example_path("000").read_text(encoding="utf-8"))
    data.update(bad)
    with pytest.raises(draft_io.DraftError, match=message):
        draft_io.from_json(data)
