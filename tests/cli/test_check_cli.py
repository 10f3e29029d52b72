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
