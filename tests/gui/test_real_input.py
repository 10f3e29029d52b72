"""Regressions found by typing into the running app with real X input (xdotool on Xvfb).

The keys go through Qt's shortcut machinery exactly as a keyboard's do: ``qtbot.keyClick``
sends the ShortcutOverride first, so a text widget that claims Ctrl+Z for itself is caught here
while ``actions["edit.undo"].trigger()`` would not be.
"""
from __future__ import annotations

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtCore import QEvent
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QApplication

pytestmark = pytest.mark.gui

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def _type(widget, text: str) -> None:
    """Type ``text`` one key event per character, carrying the character as an X keyboard
    does (QTest.keyClicks aborts on Arabic: it only maps Latin-1 characters to keys)."""
    for ch in text:
        key = Qt.Key.Key_Space if ch == " " else Qt.Key(ord(ch.upper()))
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, ch))


def _undo_key(qtbot, widget) -> None:
    qtbot.keyClick(widget, Qt.Key.Key_Z, CTRL)


def _redo_key(qtbot, widget) -> None:
    seq = QKeySequence(QKeySequence.StandardKey.Redo)[0]
    qtbot.keyClick(widget, seq.key(), seq.keyboardModifiers())


def _focus(qtbot, widget) -> None:
    widget.window().activateWindow()
    widget.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is widget, timeout=2000)


def test_ctrl_z_in_the_arabic_body_undoes_the_typing(opened, qtbot):
    """Ctrl+Z pressed in the body editor did nothing: the QPlainTextEdit (its own undo off)
    took the key, so the window's Undo, which the Edit menu showed as Ctrl+Z, never ran."""
    w = opened
    body = w.form.editor("free:p1", "ar").edit
    before = body.toPlainText()
    _focus(qtbot, body)
    body.moveCursor(body.textCursor().MoveOperation.End)
    typed = "وأود أن أغتنم هذه الفرصة"
    with qtbot.waitSignal(w.previewUpdated, timeout=3000):
        _type(body, typed)
    assert body.toPlainText().endswith(typed)
    assert typed in w.preview.plain_text()
    with qtbot.waitSignal(w.previewUpdated, timeout=3000):
        _undo_key(qtbot, body)
    assert body.toPlainText() == before
    assert typed not in w.preview.plain_text()
    assert not w.model.modified
    # and the redo key brings the words back (one step, as typed)
    assert body.textCursor().position() == len(before)  # where the words were
    _redo_key(qtbot, body)
    assert body.toPlainText().endswith(typed)
    # the cursor follows the words brought back, instead of staying where it was
    assert body.textCursor().position() == len(body.toPlainText())
    assert w.model.undo_stack.index() == w.model.undo_stack.count() == 1


def test_ctrl_z_in_a_line_edit_is_the_window_undo(opened, qtbot):
    """In a QLineEdit Ctrl+Z ran the line edit's own undo, which emitted ``textEdited`` and so
    was recorded as a new edit: Redo stayed disabled and the Edit menu disagreed with the key."""
    w = opened
    phone = w.form.editor("contact_phone").edit
    before = phone.text()
    _focus(qtbot, phone)
    phone.selectAll()
    qtbot.keyClicks(phone, "+41 22 730 1234")
    assert w.model.value("contact_phone") == "+41 22 730 1234"
    _undo_key(qtbot, phone)
    assert phone.text() == before
    assert w.model.value("contact_phone") == before
    assert w.model.undo_stack.index() == 0 and w.model.undo_stack.canRedo()
    _redo_key(qtbot, phone)
    assert phone.text() == "+41 22 730 1234"


def test_ctrl_z_in_the_date_field_is_the_window_undo(opened, qtbot):
    w = opened
    date = w.form.editor("letter_date").edit
    before = date.date()
    _focus(qtbot, date)
    qtbot.keyClick(date, Qt.Key.Key_Up)
    assert date.date() != before
    _undo_key(qtbot, date)
    assert date.date() == before
    assert w.model.undo_stack.index() == 0


def test_typing_a_day_is_one_undo_step(opened, qtbot):
    """Typing "15" over the selected day is one undo step (not day 1, then 15), and Ctrl+Z in
    the date field undoes it."""
    w = opened
    date = w.form.editor("letter_date").edit
    before = date.date()
    _focus(qtbot, date)
    date.setSelectedSection(date.Section.DaySection)
    qtbot.keyClicks(date, "15")
    assert date.date() == QDate(before.year(), before.month(), 15)
    assert w.model.undo_stack.count() == 1
    _undo_key(qtbot, date)
    assert date.date() == before
