"""`circular-studio render DRAFT --addressees …`: one letter per addressee and language."""
import docx

from circular_studio.cli import main
from circular_studio.core.resources import examples_dir

SERIES = examples_dir() / "series-000.json"


def _text(path):
    """The document's text, no-break spaces (which the DOCX writer puts in "Rés. 99") as spaces."""
    return "\n".join(p.text for p in docx.Document(path).paragraphs).replace("\u00a0", " ")


def test_member_states_in_french(tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["render", str(SERIES), "--addressees", "member-states", "-l", "fr", "--no-check",
                 "-o", str(out)]) == 0
    files = sorted(out.iterdir())
    assert len(files) == 195
    assert "À l'État de Palestine (Rés. 99)" in _text(out / "series-000.pse.fr.docx")
    assert "Aux Émirats arabes unis" in _text(out / "series-000.are.fr.docx")
    assert "195 letters written (of 195)" in capsys.readouterr().err


def test_csv_list_checked_and_summarised(tmp_path, capsys):
    csv = tmp_path / "orgs.csv"
    csv.write_text("id,name_fr,name_en,email\nau,l'Union africaine,the African Union,au@example.org\n"
                   "gsma,,GSMA,\n", encoding="utf-8")
    out = tmp_path / "out"
    code = main(["render", str(SERIES), "--addressees", str(csv), "-l", "fr", "-l", "en", "-o", str(out)])
    err = capsys.readouterr().err
    assert code == 1  # a row could not be made in French
    assert sorted(p.name for p in out.iterdir()) == ["series-000.au.en.docx", "series-000.au.fr.docx"]
    assert "orgs.csv, row 3 ('gsma'): no name in fr; row skipped" in err
    assert "2 letters written (of 2)" in err


def test_csv_missing_column_is_one_line(tmp_path, capsys):
    csv = tmp_path / "orgs.csv"
    csv.write_text("name_fr\nl'Union africaine\n", encoding="utf-8")
    assert main(["render", str(SERIES), "--addressees", str(csv), "-o", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert "orgs.csv: no 'id' column" in err and "Traceback" not in err


def test_resume(tmp_path, capsys):
    csv = tmp_path / "l.csv"
    csv.write_text("id,name_fr\na,l'Alpha\nb,le Bêta\n", encoding="utf-8")
    out = tmp_path / "out"
    assert main(["render", str(SERIES), "--addressees", str(csv), "-l", "fr", "-o", str(out)]) == 0
    (out / "series-000.b.fr.docx").unlink()
    capsys.readouterr()
    assert main(["render", str(SERIES), "--addressees", str(csv), "-l", "fr", "--resume", "-o", str(out)]) == 0
    assert "1 letter written, 1 already there (of 2)" in capsys.readouterr().err
