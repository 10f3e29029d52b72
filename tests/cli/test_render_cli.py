"""`circular-studio render` as a user runs it: files appear, errors are one line and exit non-zero."""
import shutil
import subprocess
import sys

import docx
import pytest

from circular_studio.cli import main
from tests.conftest import example_path


def run(*args):
    return subprocess.run([sys.executable, "-m", "circular_studio", *map(str, args)],
                          capture_output=True, text=True, timeout=300)


def test_help_explains_every_command():
    out = run("--help")
    assert out.returncode == 0
    for command in ("render", "check"):
        assert command in out.stdout
    assert run("render", "--help").stdout.count("OUT") >= 1


def test_render_one_draft_to_a_file(tmp_path, capsys):
    target = tmp_path / "letter.docx"
    assert main(["render", str(example_path("001")), "-l", "ar", "-o", str(target)]) == 0
    document = docx.Document(target)
    assert any("CL-19/59" in p.text for p in document.paragraphs) or "CL-19/59" in "".join(
        c.text for t in document.tables for row in t.rows for c in row.cells)
    assert str(target) in capsys.readouterr().out


def test_render_several_drafts_into_a_folder(tmp_path):
    out = tmp_path / "out"
    code = main(["render", str(example_path("000")), str(example_path("001")), "-o", str(out)])
    assert code == 0
    assert sorted(p.name for p in out.iterdir()) == [
        "seed-000.fr.docx", *(f"seed-001.{lang}.docx" for lang in ("ar", "en", "es", "fr", "ru", "zh"))]


def test_several_letters_to_one_file_is_refused(tmp_path):
    code = main(["render", str(example_path("001")), "-o", str(tmp_path / "one.docx")])
    assert code != 0
    assert list(tmp_path.iterdir()) == []


def test_render_markdown(tmp_path):
    target = tmp_path / "letter.md"
    assert main(["render", str(example_path("000")), "-o", str(target)]) == 0
    assert "Genève, le 31 octobre 2024" in target.read_text(encoding="utf-8")


def test_broken_draft_is_one_line_and_non_zero(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("{ nope", encoding="utf-8")
    out = run("render", bad, "-o", tmp_path / "x.docx")
    assert out.returncode != 0
    assert out.stderr.strip().count("\n") == 0 and "bad.json" in out.stderr and "line 1" in out.stderr
    assert "Traceback" not in out.stderr
    assert not (tmp_path / "x.docx").exists()


def test_unwritable_output_leaves_nothing_behind(tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    out = run("render", example_path("000"), "-o", blocker / "letter.docx")
    assert out.returncode != 0 and "Traceback" not in out.stderr
    assert "letter.docx" in out.stderr
    assert [p.name for p in tmp_path.iterdir()] == ["not-a-folder"]


@pytest.mark.libreoffice
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_render_pdf_through_libreoffice(tmp_path):
    target = tmp_path / "letter.pdf"
    assert main(["render", str(example_path("000")), "-o", str(target)]) == 0
    assert target.read_bytes().startswith(b"%PDF")


def test_pdf_without_libreoffice_says_so(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))  # no soffice anywhere
    monkeypatch.setattr(shutil, "which", lambda *_a, **_k: None)
    code = main(["render", str(example_path("000")), "-o", str(tmp_path / "letter.pdf")])
    assert code != 0
    assert not (tmp_path / "letter.pdf").exists()
