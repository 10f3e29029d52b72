"""Review of the command line on odd inputs: empty files, clashing output names, an unknown
signatory."""
from __future__ import annotations

import json
import shutil

import docx

from circular_studio.cli import main
from tests.conftest import example_path


def test_check_refuses_an_empty_file_instead_of_reporting_no_error(tmp_path, capsys):
    """An empty .md/.txt or a .docx never typed in gave "0 error(s)" and exit 0, as if a
    letter had been checked and found clean (the wrong file picked, say)."""
    empty_md = tmp_path / "empty.md"
    empty_md.write_text("\n\n", encoding="utf-8")
    blank = tmp_path / "blank.docx"
    docx.Document().save(blank)
    for path in (empty_md, blank):
        assert main(["check", str(path)]) == 2
        err = capsys.readouterr().err
        assert str(path) in err and "no text" in err


def test_render_refuses_two_drafts_that_would_write_the_same_file(tmp_path, capsys):
    """a/letter.json and b/letter.json both became out/letter.fr.docx: the second replaced the
    first without a word, and both paths were printed as written."""
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        shutil.copy(example_path("000"), tmp_path / folder / "letter.json")
    out = tmp_path / "out"
    code = main(["render", str(tmp_path / "a" / "letter.json"), str(tmp_path / "b" / "letter.json"),
                 "-o", str(out)])
    assert code == 2
    assert "letter.fr.docx" in capsys.readouterr().err
    assert not out.exists() or not any(out.iterdir())


def test_render_same_draft_twice_is_still_fine(tmp_path):
    out = tmp_path / "out"
    assert main(["render", str(example_path("000")), str(example_path("000")), "-o", str(out)]) == 0
    assert [p.name for p in out.iterdir()] == ["seed-000.fr.docx"]


def test_unknown_signatory_error_names_the_draft(tmp_path, capsys):
    data = json.loads(example_path("000").read_text(encoding="utf-8"))
    data["fields"]["signatory"] = "nobody"
    path = tmp_path / "draft.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert main(["render", str(path), "-o", str(tmp_path / "x.docx")]) == 2
    err = capsys.readouterr().err
    assert str(path) in err and "nobody" in err and len(err.strip().splitlines()) == 1


def test_render_one_letter_into_an_existing_folder_with_a_dot_in_its_name(tmp_path):
    """``-o letters.2024`` (an existing folder) was taken for a file name because it has a
    suffix: "cannot write here (Is a directory)"."""
    folder = tmp_path / "letters.2024"
    folder.mkdir()
    assert main(["render", str(example_path("000")), "-o", str(folder)]) == 0
    assert [p.name for p in folder.iterdir()] == ["seed-000.fr.docx"]


def test_render_one_letter_into_a_new_folder_written_with_a_slash(tmp_path, monkeypatch):
    """``-o out/`` (as in the README) with a one-language draft wrote ./out.docx."""
    monkeypatch.chdir(tmp_path)
    assert main(["render", str(example_path("000")), "-o", "out/"]) == 0
    assert (tmp_path / "out" / "seed-000.fr.docx").is_file()
    assert not (tmp_path / "out.docx").exists()
