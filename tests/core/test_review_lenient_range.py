"""Review: a draft whose event ends before it starts could not be previewed or checked at all
(``check`` exited 2, "unusable input", with a Python ValueError) although DATE003 exists to
report exactly this. Export still refuses it."""
from __future__ import annotations

import json

import pytest

from circular_studio.core.model import draft as draft_io
from circular_studio.core.checks import load_letter, run_checks
from circular_studio.core.errors import TemplateError
from circular_studio.core.compose.pipeline import build_document
from tests.conftest import example_path


def _inverted(tmp_path, number="000"):
    data = json.loads(example_path(number).read_text(encoding="utf-8"))
    data["fields"].update(start_date="2025-11-28", end_date="2025-11-17")
    path = tmp_path / "inverted.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_checking_a_draft_with_an_inverted_event_reports_date003(tmp_path):
    [(doc, d)] = load_letter(_inverted(tmp_path), "fr")
    assert "28 novembre 2025 au 17 novembre 2025" in doc.text
    assert "DATE003" in [f.code for f in run_checks(doc, d, select=["DATE"])]


def test_the_preview_builds_in_every_language(tmp_path):
    d = draft_io.load(_inverted(tmp_path, "001"))
    for lang in d.languages:
        assert build_document(d, lang, strict=False).blocks


def test_export_still_refuses_the_inverted_range(tmp_path):
    d = draft_io.load(_inverted(tmp_path))
    with pytest.raises(TemplateError, match="before it starts"):
        build_document(d, "fr", strict=True)
