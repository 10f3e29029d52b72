"""Series letters (issue 13, item 3): one letter per addressee and language, checked, resumable."""
from __future__ import annotations

import errno
import os
import stat
import zipfile

import pytest

from circular_studio.core.compose.pipeline import build_document
from circular_studio.core.document import BlockKind
from circular_studio.core.model import addressees as A
from circular_studio.core.model import draft as draft_io
from circular_studio.core.outputs import batch
from circular_studio.core.resources import examples_dir
from tests.core.model.test_addressees import FRENCH


@pytest.fixture(scope="module")
def series():
    return draft_io.load(examples_dir() / "series-000.json")


def _lines(doc):
    addressee = next(b.text for b in doc.blocks if b.kind == BlockKind.ADDRESSEES)
    body = " ".join(b.text for b in doc.blocks if b.kind == BlockKind.PARAGRAPH)
    return addressee, body


@pytest.fixture(scope="module")
def french_letters(series):
    """The seed-000 invitation rendered for every Member State (and Palestine) in French."""
    return {a.id: _lines(build_document(series, "fr", addressee=a)) for a in A.member_states()}


def test_every_member_state_gets_a_letter(french_letters):
    assert len(french_letters) == 195


@pytest.mark.parametrize("key, to_short, of_short, formal, to_formal", FRENCH, ids=[r[0] for r in FRENCH])
def test_french_addressee_line_and_body_phrase(french_letters, key, to_short, of_short, formal, to_formal):
    line, body = french_letters[key]
    expected_line = to_short[0].upper() + to_short[1:] + (" (Rés. 99)" if key == "pse" else "")
    assert line == expected_line
    the = A.the(key, "fr")
    assert f"j'ai par conséquent l'honneur d'inviter par la présente {the} à envoyer une délégation" in body
    assert ("Résolution 99" in body) == (key == "pse")


@pytest.mark.parametrize("key, lang, line, phrase", [
    ("pse", "en", "To the State of Palestine (Res. 99)", "the honour to invite the State of Palestine to send"),
    ("gbr", "en", "To the United Kingdom", "the honour to invite the United Kingdom to send"),
    ("nld", "en", "To the Netherlands", "the honour to invite the Netherlands to send"),
    ("cub", "en", "To Cuba", "the honour to invite Cuba to send"),
    ("kor", "en", "To the Republic of Korea", "the honour to invite the Republic of Korea to send"),
    ("pse", "ar", "إلى دولة فلسطين (القرار 99)", "يشرفني أن أدعو دولة فلسطين إلى إرسال وفد"),
    ("gbr", "ar", "إلى المملكة المتحدة", "يشرفني أن أدعو المملكة المتحدة إلى إرسال وفد"),
    ("kor", "ar", "إلى جمهورية كوريا", "يشرفني أن أدعو جمهورية كوريا إلى إرسال وفد"),
    ("are", "ar", "إلى الإمارات العربية المتحدة", "يشرفني أن أدعو الإمارات العربية المتحدة إلى إرسال وفد"),
])
def test_english_and_arabic_letters(series, key, lang, line, phrase):
    got_line, body = _lines(build_document(series, lang, addressee=A.lookup(key)))
    assert got_line == line
    assert phrase in body


def test_a_series_draft_alone_renders_its_preview_addressee(series):
    line, _ = _lines(build_document(series, "fr"))
    assert line == "À l'État de Palestine (Rés. 99)"


def test_lenient_preview_without_series_shows_a_placeholder(series):
    d = series.copy()
    d.series = None
    line, _ = _lines(build_document(d, "fr", strict=False))
    assert line == "À [Destinataire]"


# ------------------------------------------------------------------ writing a batch

def _some(ids=("pse", "gbr", "cub", "are")):
    return [A.lookup(k) for k in ids]


def _count(doc, draft):
    text = " ".join(b.text for b in doc.blocks)
    return (1, 0) if "Cuba" in text or "كوبا" in text else (0, 0)


def test_files_are_named_and_complete(series, tmp_path):
    report = batch.render_series(series, _some(), ["fr", "ar"], tmp_path, check=_count)
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == sorted(f"series-000.{k}.{lang}.docx" for k in ("pse", "gbr", "cub", "are") for lang in ("fr", "ar"))
    for p in tmp_path.iterdir():
        assert zipfile.is_zipfile(p)
    assert report.complete and len(report.by_status("written")) == 8
    assert [o.path.name for o in report.with_errors] == ["series-000.cub.fr.docx", "series-000.cub.ar.docx"]
    assert "8 letters written (of 8)" in report.summary()
    assert "series-000.cub.fr.docx: 1 error(s)" in report.summary()


def test_resume_keeps_what_is_there(series, tmp_path):
    batch.render_series(series, _some(), ["fr"], tmp_path)
    (tmp_path / "series-000.gbr.fr.docx").unlink()
    report = batch.render_series(series, _some(), ["fr"], tmp_path, resume=True)
    assert [o.addressee for o in report.by_status("written")] == ["gbr"]
    assert len(report.by_status("kept")) == 3


def test_folder_filling_up_mid_batch_leaves_only_complete_files(series, tmp_path, monkeypatch):
    real_fsync = os.fsync
    calls = {"n": 0}

    def fsync(fd):
        if stat.S_ISDIR(os.fstat(fd).st_mode):  # the folder after a rename (core/files.py)
            return real_fsync(fd)
        calls["n"] += 1
        if calls["n"] > 3:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    report = batch.render_series(series, _some(), ["fr", "en"], tmp_path)
    assert report.stopped and "No space left on device" in report.stopped
    assert "3 of 8 letters are written and complete" in report.stopped and "resume" in report.stopped
    files = sorted(tmp_path.iterdir())
    assert len(files) == 3 and all(zipfile.is_zipfile(p) for p in files)  # no temp, no partial file
    monkeypatch.setattr(os, "fsync", real_fsync)
    again = batch.render_series(series, _some(), ["fr", "en"], tmp_path, resume=True)
    assert again.complete and len(again.by_status("kept")) == 3 and len(again.by_status("written")) == 5


def test_cancel_stops_between_letters(series, tmp_path):
    asked = {"n": 0}

    def cancelled():
        asked["n"] += 1
        return asked["n"] > 2

    report = batch.render_series(series, _some(), ["fr"], tmp_path, cancelled=cancelled)
    assert report.cancelled and len(list(tmp_path.iterdir())) == 2
    assert "cancelled" in report.summary()


def test_addressee_list_with_a_bad_row_the_others_go_on(series, tmp_path):
    csv = tmp_path / "list.csv"
    csv.write_text("id,name_fr,name_en\nau,l'Union africaine,the African Union\nx,,Nameless\n"
                   "au,Doublon,Duplicate\ngbr,,\n", encoding="utf-8")
    found = batch.series_addressees(series, str(csv), ["fr"])
    assert [a.id for a in found] == ["au", "gbr"]
    assert found.problems == ["list.csv, row 3 ('x'): no name in fr; row skipped",
                              "list.csv, row 4: id 'au' already used on row 2; row skipped"]
    out = tmp_path / "out"
    report = batch.render_series(series, found.addressees, ["fr", "en"], out)
    assert sorted(p.name for p in out.iterdir()) == [
        "series-000.au.en.docx", "series-000.au.fr.docx", "series-000.gbr.en.docx", "series-000.gbr.fr.docx"]
    line, body = _lines(build_document(series, "fr", addressee=found.addressees[0]))
    assert line == "À l'Union africaine"
    assert "d'inviter par la présente l'Union africaine à envoyer" in body
    assert report.complete


def test_addressee_without_name_in_a_language_is_reported_not_written(series, tmp_path):
    csv = tmp_path / "list.csv"
    csv.write_text("id,name_fr,name_en\nau,l'Union africaine,\n", encoding="utf-8")
    found = batch.series_addressees(series, str(csv), ["fr"])
    report = batch.render_series(series, found.addressees, ["fr", "en"], tmp_path / "out")
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["series-000.au.fr.docx"]
    assert [(o.addressee, o.language, o.message) for o in report.by_status("failed")] == [("au", "en", "no name in en")]
    assert not report.complete


def test_series_survives_a_save(series, tmp_path):
    saved = draft_io.load(draft_io.save(series.copy(), tmp_path / "copy.json"))
    assert saved.series == {"addressees": "member-states", "preview": "pse"}


def test_a_bad_series_field_is_named(tmp_path):
    import json

    data = json.loads((examples_dir() / "series-000.json").read_text("utf-8"))
    data["series"] = "member-states"
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(draft_io.DraftError, match="field 'series' must be an object"):
        draft_io.load(path)


def test_a_series_from_a_file_beside_the_draft(series, tmp_path):
    (tmp_path / "orgs.csv").write_text("id,name_fr\nuit,l'Union internationale des télécommunications\n",
                                       encoding="utf-8")
    d = series.copy()
    d.path = tmp_path / "letter.json"
    d.series = {"addressees": "orgs.csv"}
    line, _ = _lines(build_document(d, "fr"))
    assert line == "À l'Union internationale des télécommunications"
    found = batch.series_addressees(d, None, ["fr"])
    assert [a.id for a in found] == ["uit"]


def test_an_addressee_list_greeting_replaces_the_salutation(series, tmp_path):
    csv = tmp_path / "l.csv"
    csv.write_text("id,name_fr,greeting_fr\nx,l'Union africaine,\"Excellence,\"\ny,la GSMA,\n", encoding="utf-8")
    found = batch.series_addressees(series, str(csv), ["fr"])
    salutations = [next(b.text for b in build_document(series, "fr", addressee=a).blocks
                        if b.kind == BlockKind.SALUTATION) for a in found]
    assert salutations == ["Excellence,", "Madame, Monsieur,"]
