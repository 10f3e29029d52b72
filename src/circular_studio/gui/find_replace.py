"""Find (Ctrl+F) and replace (Ctrl+H) across the languages of the letter.

The bar searches the draft itself — every text field of every language version (subject,
venue…, and the body's paragraphs) and the shared text facts — not only the editor in view: "Next" goes to the following
match, switching the form's language tab and selecting it; "Replace All" replaces in every
language (or only the one in view) as one undoable step.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QTextCursor
from PySide6.QtWidgets import (QApplication, QCheckBox, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit,
                               QPushButton, QToolButton, QWidget)

from .i18n import language_name, plain, tr


@dataclass(frozen=True)
class Match:
    name: str  # the draft field
    lang: str | None  # its language (None: a fact shared by all languages)
    start: int
    end: int


def text_fields(model, languages: list[str] | None = None):
    """(name, lang, text) of the draft's text fields: each language's, then the shared ones."""
    for lang in (languages if languages is not None else model.languages):
        for name, value in model.draft.languages.get(lang, {}).items():
            if isinstance(value, str) and model.is_translatable(name):
                yield name, lang, value
        for name, value in model.body_texts(lang):  # the paragraphs: clauses and free ones
            yield name, lang, value
    for name, value in model.draft.fields.items():
        spec = model.spec(name)
        if isinstance(value, str) and spec is not None and spec.kind in ("line", "prose"):
            yield name, None, value


def find_all(model, needle: str, case: bool = False, languages: list[str] | None = None) -> list[Match]:
    if not needle:
        return []
    flags = 0 if case else re.IGNORECASE
    pattern = re.compile(re.escape(needle), flags)
    return [Match(name, lang, m.start(), m.end())
            for name, lang, text in text_fields(model, languages)
            for m in pattern.finditer(text)]


def replace_all(model, needle: str, replacement: str, case: bool = False,
                languages: list[str] | None = None, text: str = "") -> int:
    """Replace every match as one undo step; how many were replaced."""
    matches = find_all(model, needle, case, languages)
    if not matches:
        return 0
    pattern = re.compile(re.escape(needle), 0 if case else re.IGNORECASE)
    fields = {(m.name, m.lang) for m in matches}
    model.undo_stack.beginMacro(text or tr("undo.replace_all", n=len(matches)))
    try:
        for name, lang in sorted(fields, key=lambda f: (f[1] or "", f[0])):
            value = model.value(name, lang)
            model.set_value(name, pattern.sub(lambda _m: replacement, value), lang, mergeable=False)
    finally:
        model.undo_stack.endMacro()
    return len(matches)


class FindReplaceBar(QWidget):
    """The bar above the editor; ``window`` gives the model and the form."""

    closed = Signal()

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.setObjectName("find-bar")
        self.find_edit = QLineEdit(self)
        self.find_edit.setObjectName("find-text")
        self.find_edit.setClearButtonEnabled(True)
        self.replace_edit = QLineEdit(self)
        self.replace_edit.setObjectName("replace-text")
        self.case = QCheckBox(self)
        self.all_languages = QCheckBox(self)
        self.all_languages.setChecked(True)
        self.next_button = QPushButton(self)
        self.replace_button = QPushButton(self)
        self.replace_all_button = QPushButton(self)
        self.count = QLabel(self)
        self.close_button = QToolButton(self)
        self.close_button.setText("×")
        lay = QHBoxLayout(self)
        lay.setContentsMargins(4, 2, 4, 2)
        self.find_label, self.replace_label = QLabel(self), QLabel(self)
        self.find_label.setBuddy(self.find_edit)
        self.replace_label.setBuddy(self.replace_edit)
        for wdg in (self.find_label, self.find_edit, self.next_button, self.replace_label, self.replace_edit,
                    self.replace_button, self.replace_all_button, self.case, self.all_languages, self.count):
            lay.addWidget(wdg)
        lay.addStretch(1)
        lay.addWidget(self.close_button)
        self.find_edit.textChanged.connect(lambda _t: self._update_count())
        self.find_edit.returnPressed.connect(self.find_next)
        self.replace_edit.returnPressed.connect(self.replace_one)
        self.case.toggled.connect(lambda _c: self._update_count())
        self.all_languages.toggled.connect(lambda _c: self._update_count())
        self.next_button.clicked.connect(self.find_next)
        self.replace_button.clicked.connect(self.replace_one)
        self.replace_all_button.clicked.connect(self.replace_everywhere)
        self.close_button.clicked.connect(self.close_bar)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.close_bar,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self._last: Match | None = None
        self.retranslate()
        self.hide()

    def retranslate(self) -> None:
        self.find_label.setText(tr("find.find"))
        self.replace_label.setText(tr("find.replace_with"))
        self.next_button.setText(tr("find.next"))
        self.replace_button.setText(tr("find.replace"))
        self.replace_all_button.setText(tr("find.replace_all"))
        self.case.setText(tr("find.case"))
        self.all_languages.setText(tr("find.all_languages"))
        self.close_button.setAccessibleName(plain(tr("find.close")))
        self._update_count()

    # ------------------------------------------------------------------ showing
    def open_bar(self, replace: bool) -> None:
        for wdg in (self.replace_label, self.replace_edit, self.replace_button, self.replace_all_button):
            wdg.setVisible(replace)
        self.show()
        selected = self._selected_text()
        if selected:
            self.find_edit.setText(selected)
        self.find_edit.setFocus()
        self.find_edit.selectAll()
        self._update_count()

    def close_bar(self) -> None:
        self.hide()
        self.closed.emit()

    def _selected_text(self) -> str:
        focus = QApplication.focusWidget()
        if isinstance(focus, QPlainTextEdit):
            return focus.textCursor().selectedText().replace("\u2029", " ")
        if isinstance(focus, QLineEdit) and focus is not self.find_edit:
            return focus.selectedText()
        return ""

    # ------------------------------------------------------------------ searching
    def languages(self) -> list[str] | None:
        model = self.window.model
        if model is None:
            return []
        if self.all_languages.isChecked():
            return None
        shown = self.window.editor_view.language()
        return [shown] if shown else None

    def matches(self) -> list[Match]:
        model = self.window.model
        if model is None:
            return []
        return find_all(model, self.find_edit.text(), self.case.isChecked(), self.languages())

    def _update_count(self) -> None:
        if not self.find_edit.text():
            self.count.setText("")
            return
        found = self.matches()
        langs = sorted({language_name(m.lang) for m in found if m.lang})
        self.count.setText(tr("find.count", n=len(found)) + (f" ({', '.join(langs)})" if langs else ""))

    def find_next(self) -> Match | None:
        found = self.matches()
        if not found:
            self._last = None
            self._update_count()
            return None
        order = [(m.lang or "", m.name, m.start) for m in found]
        i = 0
        if self._last is not None:
            key = (self._last.lang or "", self._last.name, self._last.start)
            i = next((k for k, o in enumerate(order) if o > key), 0)
        m = found[i]
        self._last = m
        self.select(m)
        return m

    def select(self, m: Match) -> None:
        """Show the match in the form: its language tab, its field, the text selected."""
        form = self.window.form
        if form is None:
            return
        form.focus_field(m.name, m.lang)
        editor = form.editor(m.name, m.lang)
        widget = editor.focus_widget() if editor is not None else None
        if isinstance(widget, QPlainTextEdit):
            cursor = widget.textCursor()
            cursor.setPosition(m.start)
            cursor.setPosition(m.end, QTextCursor.MoveMode.KeepAnchor)
            widget.setTextCursor(cursor)
            widget.ensureCursorVisible()
        elif isinstance(widget, QLineEdit):
            widget.setSelection(m.start, m.end - m.start)
        if m.lang and self.window.editor_view.preview.language() != m.lang:
            self.window.editor_view.preview.set_language(m.lang)

    def replace_one(self) -> bool:
        """Replace the selected match and go to the next."""
        model = self.window.model
        m = self._last
        if model is None or m is None:
            self.find_next()
            return False
        value = model.value(m.name, m.lang) or ""
        needle = self.find_edit.text()
        if value[m.start:m.end].lower() != needle.lower():
            self.find_next()
            return False
        model.set_value(m.name, value[:m.start] + self.replace_edit.text() + value[m.end:], m.lang,
                        mergeable=False, text=tr("undo.replace", what=needle))
        self._last = Match(m.name, m.lang, m.start, m.start + len(self.replace_edit.text()))
        self.find_next()
        self._update_count()
        return True

    def replace_everywhere(self) -> int:
        model = self.window.model
        if model is None:
            return 0
        n = replace_all(model, self.find_edit.text(), self.replace_edit.text(), self.case.isChecked(),
                        self.languages())
        self.window.statusBar().showMessage(tr("find.replaced", n=n), 4000)
        self._last = None
        self._update_count()
        return n
