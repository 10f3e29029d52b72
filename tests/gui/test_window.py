"""The window driven as a user would: new letter, typing, findings, fixes, undo, save, recovery,
export, interface language, broken files."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QLineEdit, QPlainTextEdit

from circular_studio.core.outputs.html_preview import HIGHLIGHT_COLOUR
from circular_studio.gui.dialogs import NewDialog
from circular_studio.gui.form import DateEditor, SignatoryEditor

pytestmark = pytest.mark.gui

LRM = "\u200e"


def editor(window, name, lang=None):
    return window.form.editor(name, lang)


def test_new_letter_from_the_dialog(window, qtbot, monkeypatch):
    def fake_exec(dialog):
        dialog.select("invitation", ["fr", "ar"])
        dialog.accept()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(NewDialog, "exec", fake_exec)
    with qtbot.waitSignal(window.previewUpdated, timeout=3000):
        window.actions["file.new"].trigger()
    assert window.model is not None
    assert window.model.draft.letter_type == "invitation"
    assert sorted(window.model.languages) == ["ar", "fr"]
    assert window.model.modified  # a new letter is unsaved
    tabs = [window.form.tabText(i) for i in range(window.form.count())]
    assert tabs[0] == "Facts" and sorted(tabs[1:-1]) == ["Arabic", "French"] and tabs[-1] == "Series"
    # the letter date defaults to today, and the Arabic preview is shown first
    assert editor(window, "letter_date").edit.date() == QDate.currentDate()
    assert window.preview.language() == "ar"
    assert window.windowTitle().startswith("Untitled")


def test_new_dialog_needs_a_language(qtbot, boxes, fresh_dirs):
    from circular_studio.core.model.lettertypes import letter_types

    dialog = NewDialog(letter_types())
    qtbot.addWidget(dialog)
    dialog.select("invitation", [])
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.error.text()


def test_typing_in_a_field_updates_the_preview(opened, qtbot):
    w = opened
    line = editor(w, "subject", "ar").edit
    assert isinstance(line, QLineEdit)
    line.setFocus()
    line.end(False)
    with qtbot.waitSignal(w.previewUpdated, timeout=3000):
        qtbot.keyClicks(line, " - revised 2")
    assert "revised 2" in w.preview.plain_text()
    assert w.model.modified and w.isWindowModified()
    # typing is one undo step, and undo puts the field and the preview back
    assert w.model.undo_stack.count() == 1
    with qtbot.waitSignal(w.previewUpdated, timeout=3000):
        w.actions["edit.undo"].trigger()
    assert "revised 2" not in line.text()
    assert "revised 2" not in w.preview.plain_text()
    assert not w.model.modified


def test_arabic_preview_is_rtl_right_aligned_and_protects_the_phone(opened):
    w = opened
    html = w.preview.html
    assert 'dir="rtl"' in html and 'align="right"' in html
    assert "Amiri" in html
    # same bidi protection and typesetting as the DOCX (LRM around, no-break spaces inside)
    assert f"{LRM}+41\u00a022\u00a0730\u00a05614{LRM}" in html
    doc = w.preview.browser.document()
    block = doc.begin()
    rtl_blocks = 0
    while block.isValid():
        if any("\u0600" <= ch <= "\u06ff" for ch in block.text()):
            assert block.textDirection() == Qt.LayoutDirection.RightToLeft
            rtl_blocks += 1
        block = block.next()
    assert rtl_blocks > 5


def test_prose_editor_is_right_to_left_for_arabic(opened):
    body = editor(opened, "free:p1", "ar").edit
    assert isinstance(body, QPlainTextEdit)
    assert body.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert body.document().defaultTextOption().textDirection() == Qt.LayoutDirection.RightToLeft


def test_signatory_picker_offers_only_officials_in_office(opened, qtbot):
    w = opened
    sig = editor(w, "signatory")
    assert isinstance(sig, SignatoryEditor)
    ids = [sig.combo.itemData(i) for i in range(sig.combo.count())]
    assert "houlin-zhao" in ids and "seizo-onoe" not in ids
    date = editor(w, "letter_date")
    assert isinstance(date, DateEditor)
    date.edit.setDate(QDate(2024, 3, 1))  # as if picked in the calendar
    ids = [sig.combo.itemData(i) for i in range(sig.combo.count())]
    assert "seizo-onoe" in ids and "doreen-bogdan-martin" in ids
    # the saved signatory is out of office now: kept, marked, never silently replaced
    assert sig.value() == "houlin-zhao"
    assert "not in office" in sig.combo.currentText()


def _draft_with_first_of_month(example, tmp_path) -> Path:
    path = example("000")
    data = json.loads(path.read_text(encoding="utf-8"))
    data["free"].append({"id": "p9", "after": "look_forward", "text": {"fr": "Merci de répondre avant le 1 décembre 2025."}})
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def _wait_finding(w, qtbot, code):
    qtbot.waitUntil(lambda: any(f.code == code for f in w.findings), timeout=5000)
    return next(f for f in w.findings if f.code == code)


def test_click_finding_focuses_field_and_highlights_preview(window, example, tmp_path, qtbot):
    w = window
    assert w.open_path(str(_draft_with_first_of_month(example, tmp_path)))
    finding = _wait_finding(w, qtbot, "DATE009")
    item = w.findings_panel.item_for(finding)
    tree = w.findings_panel.tree
    tree.scrollToItem(item)
    rect = tree.visualItemRect(item)
    with qtbot.waitSignal(w.previewUpdated, timeout=3000):
        qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    body = editor(w, "free:p9", "fr").edit
    assert w.form.currentWidget() is w.form.pages["fr"]
    assert body.hasFocus() or QApplication.focusWidget() is body or w.form.isActiveWindow() is False
    assert body.textCursor().selectedText() == "1"
    assert HIGHLIGHT_COLOUR in w.preview.html


def test_one_click_fix_is_undoable(window, example, tmp_path, qtbot):
    w = window
    assert w.open_path(str(_draft_with_first_of_month(example, tmp_path)))
    finding = _wait_finding(w, qtbot, "DATE009")
    button = w.findings_panel.tree.itemWidget(w.findings_panel.item_for(finding), 1)
    assert button is not None and button.text() == "Fix"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    body = w.model.value("free:p9", "fr")
    assert "avant le 1er décembre 2025" in body
    assert editor(w, "free:p9", "fr").value() == body
    assert "1er décembre 2025" in w.preview.plain_text()
    qtbot.waitUntil(lambda: not any(f.code == "DATE009" for f in w.findings), timeout=3000)
    assert "DATE009" in w.model.undo_stack.undoText()
    w.actions["edit.undo"].trigger()
    assert "avant le 1 décembre 2025" in w.model.value("free:p9", "fr")
    assert "avant le 1 décembre 2025" in editor(w, "free:p9", "fr").value()
    _wait_finding(w, qtbot, "DATE009")
    w.actions["edit.redo"].trigger()
    assert "avant le 1er décembre 2025" in w.model.value("free:p9", "fr")


def test_save_and_reopen(opened, make_window, tmp_path, qtbot, monkeypatch):
    w = opened
    line = editor(w, "contact_name").edit
    line.selectAll()
    qtbot.keyClicks(line, "Jane Doe")
    assert w.model.modified
    target = tmp_path / "saved" / "letter.json"
    target.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))
    assert w.save_as()
    assert not w.model.modified and not w.isWindowModified()
    assert "letter.json" in w.windowTitle()
    saved = json.loads(target.read_text(encoding="utf-8"))
    assert saved["fields"]["contact_name"] == "Jane Doe"
    assert saved["languages"]["ar"]["subject"] == w.model.value("subject", "ar")
    other = make_window()
    assert other.open_path(str(target))
    assert editor(other, "contact_name").value() == "Jane Doe"
    assert other.settings.recent_files[0] == str(target.resolve())
    # the recent-files menu lists it
    other._fill_recent()
    assert any("letter.json" in a.text() for a in other.recent_menu.actions())


def test_unsaved_changes_prompt_before_closing(opened, boxes, qtbot):
    from PySide6.QtWidgets import QMessageBox

    w = opened
    qtbot.keyClicks(editor(w, "contact_name").edit, "x")
    boxes.answers["question"] = QMessageBox.StandardButton.Cancel
    assert not w.close()
    assert w.isVisible()
    assert boxes.of("question") and "Save the changes" in boxes.of("question")[-1][2]
    boxes.answers["question"] = QMessageBox.StandardButton.Discard
    assert w.close()


def test_recovery_after_a_crash(qtbot, boxes, fresh_dirs, example):
    from circular_studio.core.model.draft import load
    from circular_studio.gui import app as app_module

    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    draft = load(example("001"))
    draft.fields["contact_name"] = "Typed before the crash"
    folder = fresh_dirs["data"] / "autosave"
    folder.mkdir(parents=True)
    orphan = folder / f"session-{dead.pid}-1.json"
    orphan.write_text(json.dumps({"format": "circular-studio-autosave", "pid": dead.pid,
                                  "saved_at": "2025-01-02T10:11:12", "original_path": str(draft.path),
                                  "draft": draft.to_json()}, ensure_ascii=False), encoding="utf-8")
    from PySide6.QtWidgets import QMessageBox

    boxes.answers["question"] = QMessageBox.StandardButton.Yes
    windows = app_module.open_windows([])
    try:
        for w in windows:
            qtbot.addWidget(w)
        assert len(windows) == 1
        w = windows[0]
        assert boxes.of("question") and "did not close normally" in boxes.of("question")[0][2]
        assert w.model is not None
        assert w.model.value("contact_name") == "Typed before the crash"
        assert w.model.modified  # recovered work is unsaved until saved
        assert str(w.model.draft.path) == str(draft.path)
        assert not orphan.exists()  # taken over by this session's own autosave
        assert w.autosaver.path.exists()
        assert "Recovered" in w.message_bar.text.text()
    finally:
        for w in windows:
            w.autosaver.clear()
        app_module.WINDOWS.clear()


def test_autosave_writes_while_editing_and_clears_on_save(opened, qtbot, monkeypatch, tmp_path):
    w = opened
    w.autosaver._timer.setInterval(50)
    qtbot.keyClicks(editor(w, "contact_name").edit, " (acting)")
    qtbot.waitUntil(w.autosaver.path.exists, timeout=3000)
    data = json.loads(w.autosaver.path.read_text(encoding="utf-8"))
    assert data["draft"]["fields"]["contact_name"].endswith("(acting)")
    assert w.save()
    assert not w.autosaver.path.exists()


def test_export_docx(opened, tmp_path, qtbot, monkeypatch, boxes):
    import docx

    w = opened
    target = tmp_path / "out" / "letter-ar.docx"
    target.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))
    with qtbot.waitSignal(w.exportFinished, timeout=20000) as blocker:
        w.actions["file.export_docx"].trigger()
    assert Path(blocker.args[0]) == target
    text = "\n".join(p.text for p in docx.Document(str(target)).paragraphs)
    tables = docx.Document(str(target)).tables
    text += "\n".join(c.text for t in tables for r in t.rows for c in r.cells)
    assert "دعوة إلى المشاركة في منتدى القمة العالمية لمجتمع المعلومات" in text
    assert "CL-19/59" in text
    assert not w.progress.isVisible()
    assert "Exported" in w.message_bar.text.text()
    assert w.actions["file.export_docx"].isEnabled()


def test_export_warns_when_errors_remain(opened, qtbot, monkeypatch, boxes, tmp_path):
    from PySide6.QtWidgets import QMessageBox

    from circular_studio.gui.services import UiFinding

    w = opened
    fake = UiFinding("TEST001", "error", "an error", 0, 0, 1, "x", None, None, "ar")
    monkeypatch.setattr("circular_studio.gui.services.check", lambda *a, **k: [fake])
    boxes.answers["warning"] = QMessageBox.StandardButton.No
    called = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: called.append(1) or ("", "")))
    assert not w.export("docx")
    assert boxes.of("warning") and "error(s) remain" in boxes.of("warning")[-1][2]
    assert not called  # stopped before asking where to write


def test_export_to_unwritable_folder_shows_a_message(opened, qtbot, tmp_path, boxes):
    w = opened
    target = tmp_path / "missing-folder" / "letter.docx"
    with qtbot.waitSignal(w.exportFailed, timeout=20000) as blocker:
        w.start_export(str(target), "docx", "ar")
    assert "missing-folder" in blocker.args[0]
    assert w.message_bar.isVisible() and w.message_bar.level == "error"
    assert w.model.value("subject", "ar")  # nothing typed is lost


def test_save_to_unwritable_folder_keeps_the_text(opened, qtbot, tmp_path, boxes):
    w = opened
    qtbot.keyClicks(editor(w, "contact_name").edit, " kept")
    assert not w.save_to(tmp_path / "no" / "such" / "folder" / "x.json")
    assert boxes.of("warning") and "could not be saved" in boxes.of("warning")[-1][2]
    assert w.model.modified
    assert editor(w, "contact_name").value().endswith(" kept")
    assert w.autosaver.path.exists()  # the text is safe on disk too


def test_interface_in_arabic(window, qtbot):
    w = window
    w.lang_actions["ar"].trigger()
    assert QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert w.menus["file"].title() == "&ملف"
    assert w.actions["file.save"].text() == "&حفظ"
    from circular_studio.gui.settings import Settings

    assert Settings.load().interface_language == "ar"  # stored
    w.lang_actions["en"].trigger()
    assert QApplication.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert Settings.load().interface_language == "en"


def test_interface_language_is_restored_at_start(qtbot, boxes, fresh_dirs):
    from circular_studio.gui import app as app_module
    from circular_studio.gui.settings import Settings

    s = Settings.load()
    s.interface_language = "fr"
    s.save()
    windows = app_module.open_windows([])
    try:
        for w in windows:
            qtbot.addWidget(w)
        assert windows[0].menus["file"].title() == "&Fichier"
    finally:
        app_module.WINDOWS.clear()


def test_broken_draft_shows_a_message_and_no_crash(window, tmp_path, boxes):
    bad = tmp_path / "broken.json"
    bad.write_text('{"format": "circular-studio-draft", "letter_type": ', encoding="utf-8")
    assert not window.open_path(str(bad))
    assert boxes.of("warning")
    title, text = boxes.of("warning")[-1][1:]
    assert "broken.json" in text and "line" in text
    assert window.model is None and window.isVisible()
    assert window.message_bar.isVisible()


def test_broken_draft_keeps_the_open_letter(opened, tmp_path, boxes):
    bad = tmp_path / "unknown-type.json"
    bad.write_text(json.dumps({"letter_type": "no-such-type", "languages": {"fr": {}}}), encoding="utf-8")
    before = opened.model
    assert not opened.open_path(str(bad))
    assert "no-such-type" in boxes.of("warning")[-1][2]
    assert opened.model is before


def test_side_by_side_shows_two_languages(window, example, qtbot):
    w = window
    path = example("000")
    data = json.loads(path.read_text(encoding="utf-8"))
    data["languages"]["ar"] = {**data["languages"]["fr"], "subject": "دعوة", "body": "نص الرسالة.",
                               "addressees": ["إلى دولة فلسطين"]}
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert w.open_path(str(path))
    with qtbot.waitSignal(w.previewUpdated, timeout=3000):
        w.actions["view.side_by_side"].trigger()
    assert w.preview2.isVisible()
    langs = {w.preview.language(), w.preview2.language()}
    assert langs == {"fr", "ar"}
    assert "Objet" in (w.preview.plain_text() + w.preview2.plain_text())
    assert "دعوة" in (w.preview.plain_text() + w.preview2.plain_text())


def test_actions_have_standard_shortcuts_and_accessible_names(opened):
    from PySide6.QtGui import QKeySequence

    w = opened
    assert w.actions["file.save"].shortcut() == QKeySequence(QKeySequence.StandardKey.Save)
    assert w.actions["file.open"].shortcut() == QKeySequence(QKeySequence.StandardKey.Open)
    assert w.actions["edit.undo"].shortcut() == QKeySequence(QKeySequence.StandardKey.Undo)
    assert editor(w, "subject", "ar").edit.accessibleName() == "Subject"
    assert w.preview.browser.accessibleName().startswith("Letter preview")
    assert w.findings_panel.tree.accessibleName()


def test_pdf_export_without_libreoffice_says_so(opened, qtbot, tmp_path, monkeypatch):
    monkeypatch.setenv("CIRCULAR_STUDIO_SOFFICE", str(tmp_path / "no-soffice"))
    with qtbot.waitSignal(opened.exportFailed, timeout=20000) as blocker:
        opened.start_export(str(tmp_path / "letter.pdf"), "pdf", "ar")
    assert "LibreOffice" in blocker.args[0]
    assert "LibreOffice" in opened.message_bar.text.text()
    assert not (tmp_path / "letter.pdf").exists()


@pytest.mark.libreoffice
def test_pdf_export(opened, qtbot, tmp_path):
    from circular_studio.core.outputs.pdf import soffice_path

    if soffice_path() is None:
        pytest.skip("LibreOffice is not installed")
    target = tmp_path / "letter.pdf"
    with qtbot.waitSignal(opened.exportFinished, timeout=120000):
        opened.start_export(str(target), "pdf", "ar")
    assert target.read_bytes().startswith(b"%PDF")
