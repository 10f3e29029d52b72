"""circular-studio check: exit codes, JSON shape, text output."""
import json
from pathlib import Path

from circular_studio.cli import main

FIX = Path(__file__).resolve().parents[1] / "checks" / "fixtures"


def test_json_shape_and_exit_1(capsys):
    rc = main(["check", "--format", "json", str(FIX / "seed-002.md")])
    out = json.loads(capsys.readouterr().out)
    assert rc == 1
    assert set(out) == {"files"}
    f = out["files"][0]
    assert set(f) == {"path", "language", "findings"} and f["language"] == "ar"
    for x in f["findings"]:
        assert set(x) == {"code", "severity", "message", "paragraph", "start", "end", "excerpt", "fix"}
        assert x["severity"] in ("error", "warning", "info")


def test_clean_exit_0(capsys):
    assert main(["check", str(FIX / "seed-000-clean.md")]) == 0


def test_unusable_input_exit_2_and_continue(tmp_path, capsys):
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"garbage")
    rc = main(["check", "--format", "json", str(bad), str(FIX / "seed-000.md")])
    cap = capsys.readouterr()
    assert rc == 2
    assert "bad.docx" in cap.err
    assert json.loads(cap.out)["files"][0]["path"].endswith("seed-000.md")


def test_select_ignore_and_no_bidi(capsys):
    rc = main(["check", "--format", "json", "--select", "BIDI", str(FIX / "seed-001.md")])
    codes = {x["code"] for x in json.loads(capsys.readouterr().out)["files"][0]["findings"]}
    assert codes == {"BIDI001"} and rc == 1
    rc = main(["check", "--format", "json", "--no-bidi-display", "--ignore", "SPELL,LINK", str(FIX / "seed-001.md")])
    codes = {x["code"] for x in json.loads(capsys.readouterr().out)["files"][0]["findings"]}
    assert "BIDI001" not in codes and not any(c.startswith(("SPELL", "LINK")) for c in codes)


def test_text_output_reshapes_arabic(capsys):
    main(["check", "--select", "SPELL001", str(FIX / "seed-004.md")])
    out = capsys.readouterr().out
    assert "SPELL001" in out and "أعتنم" not in out  # shown reshaped and reordered
    main(["check", "--no-reshape", "--select", "SPELL001", str(FIX / "seed-004.md")])
    assert "أعتنم" in capsys.readouterr().out


def test_language_option(capsys):
    rc = main(["check", "--format", "json", "--language", "fr", str(FIX / "seed-000-clean.md")])
    assert rc == 0
    assert json.loads(capsys.readouterr().out)["files"][0]["language"] == "fr"


def test_missing_dictionary_is_said_not_silent(monkeypatch, capsys, tmp_path):
    from circular_studio.cli import main
    from circular_studio.core.locale import spelling

    letter = tmp_path / "lettre.md"
    letter.write_text("Genève, le 31 octobre 2024\n\nMadame, Monsieur,\n\nUne letre.\n", encoding="utf-8")
    monkeypatch.setattr(spelling, "dictionary", lambda lang: None)
    main(["check", str(letter)])
    err = capsys.readouterr().err
    assert "spelling in 'fr' was not checked" in err and "hunspell-fr" in err


def _draft_with_deadline(tmp_path, deadline: str, sentence: str = "") -> Path:
    data = json.loads((Path(__file__).resolve().parents[2] / "resources" / "examples" / "seed-000.json")
                      .read_text(encoding="utf-8"))
    data["fields"].update(start_date="2027-03-10", end_date="2027-03-12", deadline=deadline,
                          letter_date="2027-01-15")
    if sentence.strip():  # a paragraph the drafter added at the end of the letter
        data["free"].append({"id": "p9", "after": "look_forward", "text": {"fr": sentence.strip()}})
    path = tmp_path / "draft.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_a_drafts_deadline_after_its_event_is_flagged(tmp_path, capsys):
    """Issue 12 item 2: the draft's facts are checked, not only its prose."""
    path = _draft_with_deadline(tmp_path, "2027-03-20", "\n\nMerci de répondre avant le 20 mars 2027.")
    main(["check", "--format", "json", str(path)])
    found = [x for f in json.loads(capsys.readouterr().out)["files"] for x in f["findings"]
             if x["code"] == "DATE005"]
    assert found and found[0]["excerpt"] == "20 mars 2027"  # placed where the letter says it


def test_a_drafts_deadline_written_nowhere_is_still_checked(tmp_path, capsys):
    main(["check", "--format", "json", str(_draft_with_deadline(tmp_path, "2027-03-20"))])
    assert any(x["code"] == "DATE005" for f in json.loads(capsys.readouterr().out)["files"]
               for x in f["findings"])


YEAR0 = ("Genève, le 1er janvier 0000\n\nRéférence: CL-00/1\n\nMadame, Monsieur,\n\n"
         "La réunion aura lieu du 3 au 5 mars 0000 à Genève.\n\nVeuillez agréer, Madame, "
         "Monsieur, l'expression de ma considération distinguée.\n")


def test_check_that_could_not_run_is_an_error_exit_1(tmp_path, capsys, monkeypatch):
    """A check that raises is an error finding CHECK001 naming it, and the command exits 1:
    a letter not fully checked never looks clean."""
    import dataclasses

    from circular_studio.core.checks.registry import REGISTRY

    def broken(ctx):
        raise ValueError("year 0 is out of range")
    monkeypatch.setitem(REGISTRY, "DATE003", dataclasses.replace(REGISTRY["DATE003"], func=broken))
    letter = tmp_path / "clean.md"
    letter.write_text((FIX / "seed-000-clean.md").read_text(encoding="utf-8"), encoding="utf-8")
    rc = main(["check", "--format", "json", str(letter)])
    findings = json.loads(capsys.readouterr().out)["files"][0]["findings"]
    assert rc == 1
    assert [f["message"] for f in findings if f["code"] == "CHECK001"] == \
        ["check DATE003 could not run: ValueError('year 0 is out of range')"]


def test_year_0000_is_a_finding_not_a_failed_check(tmp_path, capsys):
    """A year 0000 in a letter used to make 12 checks raise (and, before CHECK001, pass silently):
    a date outside 1900-2100 is a finding and every other check still runs."""
    letter = tmp_path / "year0.txt"
    letter.write_text(YEAR0, encoding="utf-8")
    rc = main(["check", "--format", "json", str(letter)])
    findings = json.loads(capsys.readouterr().out)["files"][0]["findings"]
    assert rc == 1
    assert not [f for f in findings if f["code"] == "CHECK001"]
    assert any(f["code"].startswith("DATE") and "0000" in f["excerpt"] for f in findings)


def test_damaged_docx_among_several_files(tmp_path, capsys):
    """A damaged deflate stream crashed the reader and lost every file's results (issue 15
    item 3): now exit 2 naming the file and part, and the other files are still reported."""
    from circular_studio.core.docx.writer import write_docx
    from tests.core.conftest import make_french_letter
    from tests.core.docx.test_docx_reader import _damage_deflate

    bad = write_docx(make_french_letter(), tmp_path / "damaged.docx")
    _damage_deflate(bad, "word/document.xml")
    rc = main(["check", "--format", "json", str(bad), str(FIX / "seed-000.md")])
    cap = capsys.readouterr()
    assert rc == 2
    assert "damaged.docx: unusable input: part word/document.xml" in cap.err
    assert "Traceback" not in cap.err
    assert [f["path"] for f in json.loads(cap.out)["files"]] == [str(FIX / "seed-000.md")]


def test_internal_fault_in_one_file_keeps_the_others(tmp_path, capsys, monkeypatch):
    from circular_studio.commands import check as check_command

    real = check_command.load_letter

    def flaky(path, language=None):
        if path.endswith("first.md"):
            raise KeyError("boom")
        return real(path, language)
    monkeypatch.setattr(check_command, "load_letter", flaky)
    first = tmp_path / "first.md"
    first.write_text("x", encoding="utf-8")
    rc = main(["check", "--format", "json", str(first), str(FIX / "seed-000.md")])
    cap = capsys.readouterr()
    assert rc == 2 and "first.md: could not be checked (internal error KeyError" in cap.err
    assert len(json.loads(cap.out)["files"]) == 1


def test_sign005_names_the_gender_in_the_message_language(tmp_path, capsys):
    """Issue 12 item 9: no raw "(f)" in the Arabic message."""
    letter = tmp_path / "letter.md"
    letter.write_text("وسأكون ممتناً لو تفضلتم بتأكيد مشاركتكم.\n\nوتفضلوا بقبول فائق التقدير والاحترام.\n\n"
                      "دورين بوغدان-مارتن\nالأمينة العامة\n", encoding="utf-8")
    for lang, word in (("ar", "مؤنث"), ("en", "female"), ("fr", "féminin")):
        main(["check", "--format", "json", "--messages", lang, str(letter)])
        found = [x for f in json.loads(capsys.readouterr().out)["files"] for x in f["findings"]
                 if x["code"] == "SIGN005"]
        assert found and f"({word})" in found[0]["message"] and "(f)" not in found[0]["message"]
