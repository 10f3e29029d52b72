"""The check view with the language versions of one letter (issue 14 item 4): their findings side
by side, the disagreements between them (LANG), annotated copies of every .docx, and a .docx's
corrected copy with tracked changes."""
from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog

from tests.checks.test_versions import PLANTED, version_files
from tests.core.docx import readback

pytestmark = pytest.mark.gui


@pytest.fixture
def versions(tmp_path):
    """sg17 in English (.md), French (.docx) and Arabic (.docx); the French date changed."""
    return version_files("sg17", {"fr": ".docx", "en": ".md", "ar": ".docx"}, tmp_path, PLANTED[0])


def test_versions_side_by_side_and_annotated_copies_of_each_docx(window, versions, qtbot, monkeypatch, tmp_path):
    w = window
    paths = [str(versions[lang]) for lang in ("fr", "en", "ar")]
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(lambda *a, **k: (paths, "")))
    with qtbot.waitSignal(w.findingsUpdated, timeout=10000):
        w.actions["file.check_versions"].trigger()
    assert w.check_path == paths[0]
    panel = w.check_view.versions_panel
    assert panel.isVisible()
    columns = panel.texts()
    assert len(columns) == 3
    # the date changed in the French version is reported in the two others, citing its paragraph
    for column in columns[1:]:
        assert any("LANG003" in t and "18 septembre 2025 (paragraph" in t for t in column)
    assert w.actions["file.write_annotated"].isEnabled()
    out = tmp_path / "review"
    out.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(lambda *a, **k: str(out)))
    said = []
    monkeypatch.setattr(w, "show_message", lambda text, *a, **k: said.append(text))
    assert w.write_annotated_dialog()
    assert "2 annotated" in said[0] and "sg17.en.md" in said[0]
    written = sorted(p.name for p in out.iterdir())
    assert written == ["sg17.ar.annotated.docx", "sg17.fr.annotated.docx"]  # the .md is not a Word file
    fr_findings = w.check_view.all_findings()[0][2]
    assert len(readback.comments(out / "sg17.fr.annotated.docx")) == len(fr_findings)


def test_two_files_in_one_language_are_refused(window, versions, monkeypatch, qtbot):
    w = window
    errors = []
    monkeypatch.setattr(w, "show_error", lambda title, text: errors.append(text))
    assert not w.open_letter(str(versions["fr"]), confirmed=True, versions=[str(versions["fr"])])
    assert errors and "one file per language" in errors[0]
    assert w.check_path is None


def test_a_docx_gets_a_corrected_copy_with_tracked_changes(window, tmp_path, qtbot):
    src = Path(__file__).resolve().parents[1] / "checks" / "corpora" / "corpus2" / "docx" / "ar01_sg_wsis20.defective.docx"
    w = window
    with qtbot.waitSignal(w.findingsUpdated, timeout=10000):
        assert w.open_letter(str(src), confirmed=True)
    assert w.actions["file.save_corrected"].isEnabled()
    chosen = [f for f in w.findings if f.certain]
    target = tmp_path / "corrected.docx"
    assert w.save_corrected(str(target), chosen)
    xml = zipfile.ZipFile(target).read("word/document.xml").decode("utf-8")
    assert 'w:author="Circular Studio"' in xml and ("<w:ins " in xml or "<w:del " in xml)


def test_dropping_several_letters_opens_them_as_language_versions(window, versions, qtbot):
    from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
    from PySide6.QtGui import QDropEvent

    w = window
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(versions[lang])) for lang in ("en", "fr", "ar")])
    drop = QDropEvent(QPointF(50, 50), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    w.dropEvent(drop)
    qtbot.waitUntil(lambda: w.check_path == str(versions["en"]), timeout=5000)
    assert [Path(p).name for p, _d in w.check_view.others] == ["sg17.fr.docx", "sg17.ar.docx"]
    qtbot.waitUntil(lambda: len(w.check_view.versions_panel.texts()) == 3, timeout=5000)
