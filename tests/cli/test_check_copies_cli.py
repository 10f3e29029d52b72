"""circular-studio check --annotate / --fix: Word copies of .docx letters with the findings as
comments and the certain fixes as tracked changes; bad outputs get a clear message."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

from circular_studio.cli import main
from tests.core.docx import readback

DOCX = Path(__file__).resolve().parents[1] / "checks" / "corpora" / "corpus2" / "docx"
EN = DOCX / "en01_sg_wsis20.defective.docx"
AR = DOCX / "ar01_sg_wsis20.defective.docx"


def _findings(capsys) -> list:
    return json.loads(capsys.readouterr().out)["files"]


def test_annotate_writes_one_comment_per_finding_and_leaves_the_original(tmp_path, capsys):
    before = EN.read_bytes()
    out = tmp_path / "review.docx"
    rc = main(["check", "--format", "json", "--messages", "fr", str(EN), "--annotate", str(out)])
    cap = capsys.readouterr()
    findings = json.loads(cap.out)["files"][0]["findings"]
    assert rc == 1 and EN.read_bytes() == before
    comments = readback.comments(out)
    assert len(comments) == len(findings) > 0
    assert f"wrote {out}: {len(findings)} comment(s)" in cap.err
    assert any("Correction proposée" in c["text"] for c in comments.values())


def test_fix_and_annotate_several_letters_into_a_folder(tmp_path, capsys):
    folder = tmp_path / "out"
    folder.mkdir()
    rc = main(["check", "--format", "json", str(EN), str(AR), "--fix", str(folder),
               "--annotate", str(folder)])
    files = _findings(capsys)
    assert rc == 1
    for f in files:
        stem = Path(f["path"]).stem
        annotated = folder / f"{stem}.annotated.docx"
        corrected = folder / f"{stem}.corrected.docx"
        assert len(readback.comments(annotated)) == len(f["findings"])
        assert len(readback.comments(corrected)) < len(f["findings"])  # some became tracked changes
        assert "<w:ins " in zipfile_text(corrected) or "<w:del " in zipfile_text(corrected)


def zipfile_text(path: Path) -> str:
    import zipfile

    return zipfile.ZipFile(path).read("word/document.xml").decode("utf-8")


def test_several_letters_need_a_folder(tmp_path, capsys):
    rc = main(["check", str(EN), str(AR), "--annotate", str(tmp_path / "one.docx")])
    assert rc == 2 and "needs an existing folder" in capsys.readouterr().err


def test_a_markdown_letter_is_checked_but_not_copied(tmp_path, capsys):
    md = Path(__file__).resolve().parents[1] / "checks" / "fixtures" / "seed-000.md"
    rc = main(["check", str(md), "--annotate", str(tmp_path / "x.docx")])
    assert "writes Word copies of .docx letters only" in capsys.readouterr().err
    assert rc in (0, 1) and not (tmp_path / "x.docx").exists()


def test_read_only_output_folder_exit_2_with_a_clear_message(read_only_folder, capsys):
    rc = main(["check", str(EN), "--annotate", str(read_only_folder / "x.docx")])
    err = capsys.readouterr().err
    assert rc == 2 and "cannot write in" in err and "choose a folder" in err


def test_password_protected_and_corrupt_docx_exit_2(tmp_path, capsys):
    locked = tmp_path / "locked.docx"
    locked.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    assert main(["check", str(locked), "--annotate", str(tmp_path / "a.docx")]) == 2
    assert "password-protected" in capsys.readouterr().err
    broken = tmp_path / "broken.docx"
    broken.write_bytes(EN.read_bytes()[:3000])
    assert main(["check", str(broken), "--annotate", str(tmp_path / "b.docx")]) == 2
    assert "broken.docx: not a .docx file" in capsys.readouterr().err
    assert not (tmp_path / "a.docx").exists() and not (tmp_path / "b.docx").exists()


def test_the_original_is_not_overwritten(tmp_path, capsys):
    letter = tmp_path / "letter.docx"
    shutil.copy(EN, letter)
    assert main(["check", str(letter), "--annotate", str(letter)]) == 2
    assert "not overwritten" in capsys.readouterr().err
    assert letter.read_bytes() == EN.read_bytes()
