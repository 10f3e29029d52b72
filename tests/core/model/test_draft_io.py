"""Loading and saving drafts: clear messages on bad files, and saves that never lose data."""
import json
import os

import pytest

from circular_studio.core.model import draft as draft_io
from circular_studio.core.errors import DraftError
from tests.conftest import example_path


def test_examples_load_and_round_trip(tmp_path):
    d = draft_io.load(example_path("001"))
    assert d.letter_type == "invitation" and "ar" in d.languages
    out = draft_io.save(d, tmp_path / "copy.json")
    again = draft_io.load(out)
    assert again.fields == d.fields and again.languages == d.languages


def test_malformed_json_names_file_and_line(tmp_path):
    bad = tmp_path / "broken.json"
    bad.write_text('{\n  "letter_type": "invitation",\n  "fields": {,\n}', encoding="utf-8")
    with pytest.raises(DraftError) as err:
        draft_io.load(bad)
    assert "broken.json" in str(err.value) and "line 3" in str(err.value)


@pytest.mark.parametrize("payload, field", [
    ([], "JSON object"),
    ({"languages": {"fr": {}}}, "letter_type"),
    ({"letter_type": "invitation", "languages": {}}, "languages"),
    ({"letter_type": "invitation", "languages": {"fr": "text"}}, "languages"),
    ({"letter_type": "invitation", "fields": [], "languages": {"fr": {}}}, "fields"),
    ({"letter_type": "invitation", "version": 99, "languages": {"fr": {}}}, "version"),
])
def test_incomplete_draft_names_the_field(tmp_path, payload, field):
    path = tmp_path / "d.json"
    path.write_text(json.dumps(payload), encoding="utf-8")
    with pytest.raises(DraftError, match=field):
        draft_io.load(path)


def test_not_utf8_and_missing_file(tmp_path):
    path = tmp_path / "latin1.json"
    path.write_bytes('{"letter_type": "é"}'.encode("latin-1"))
    with pytest.raises(DraftError, match="UTF-8"):
        draft_io.load(path)
    with pytest.raises(DraftError, match="cannot read"):
        draft_io.load(tmp_path / "absent.json")


def test_control_characters_are_removed_and_reported(tmp_path):
    d = draft_io.load(example_path("000"))
    data = d.to_json()
    data["languages"]["fr"]["subject"] = "Invitation\x00 à la CMDT\x1f-25"
    data["free"] = [{"id": "p1", "after": "", "text": {"fr": "Ligne pastée de Word\x0bsuite"}}]
    path = tmp_path / "ctrl.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    loaded = draft_io.load(path)
    assert loaded.languages["fr"]["subject"] == "Invitation à la CMDT-25"
    assert loaded.free[0]["text"]["fr"] == "Ligne pastée de Word\nsuite"  # Word's line break
    assert any("languages.fr.subject" in n for n in loaded.notices)


def test_failed_save_keeps_the_existing_file(tmp_path, monkeypatch):
    d = draft_io.load(example_path("000"))
    target = tmp_path / "letter.json"
    draft_io.save(d, target)
    before = target.read_bytes()

    def boom(*a, **k):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", boom)
    d.languages["fr"]["subject"] = "changed"
    with pytest.raises(DraftError, match="No space left"):
        draft_io.save(d, target)
    assert target.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["letter.json"]


def test_save_into_unwritable_place_is_a_clear_error(tmp_path):
    d = draft_io.load(example_path("000"))
    blocker = tmp_path / "file.txt"
    blocker.write_text("x")
    with pytest.raises(DraftError, match="cannot save"):
        draft_io.save(d, blocker / "letter.json")
