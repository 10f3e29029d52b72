"""The form, generated from the letter type's schema: one editor per FieldSpec kind.

Shared facts sit on a "Facts" tab, translatable fields on one tab per language. Editors never
write into the draft: they emit ``edited(value, mergeable)``; the FormWidget turns that into an
undoable ``DraftModel.set_value`` and, when the model changes (undo, redo, a fix), puts the
value back into the editor with its signals blocked.
"""
from __future__ import annotations

import datetime as dt
import re

from PySide6.QtCore import QDate, QEvent, QObject, QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QKeySequence, QTextCursor, QTextOption
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QFormLayout,
                               QHBoxLayout, QLabel, QLineEdit, QListWidget, QListWidgetItem,
                               QScrollArea, QSizePolicy, QTabWidget, QToolButton,
                               QVBoxLayout, QWidget)

from circular_studio.core.checks.families.ref import series_help
from circular_studio.core.locale.languages import direction_of
from circular_studio.core.model.lettertypes import FieldSpec
from circular_studio.core.model.officials import all_officials, in_office
from circular_studio.core.resources import load_json
from .body_edit import BodyEdit
from .date_field import EMPTY_DATE, DateField
from .i18n import language, language_name, tr
from .model import DraftModel

TEXTS_DELAY_MS = 120  # the clause texts in the body editors follow the facts after this pause

ARABIC_FONT = "Amiri"
LETTER_DATE = "letter_date"


def _ui() -> str:
    return language()


def _label_text(spec: FieldSpec) -> str:
    text = spec.label(_ui())
    return f"{text} *" if spec.required else text


class FieldEditor(QWidget):
    """Base of the editors: ``value()``, ``set_value(v)`` and the ``edited`` signal."""

    edited = Signal(object, bool)  # value, mergeable (typing merges into one undo step)

    def __init__(self, spec: FieldSpec, lang: str | None, parent=None):
        super().__init__(parent)
        self.spec, self.lang = spec, lang
        self.setObjectName(f"field:{spec.name}:{lang or ''}")

    def value(self):  # pragma: no cover - overridden
        raise NotImplementedError

    def set_value(self, value) -> None:  # pragma: no cover - overridden
        raise NotImplementedError

    def focus_widget(self) -> QWidget:
        return self

    def select_text(self, excerpt: str) -> bool:
        return False

    def _accessible(self, widget: QWidget) -> None:
        widget.setAccessibleName(self.spec.label(_ui()))
        helptext = self.spec.help(_ui())
        if helptext:
            widget.setToolTip(helptext)
        # a screen reader does not read the label's " *": say "Required" in the description
        parts = [tr("form.required")] if self.spec.required else []
        if helptext:
            parts.append(helptext)
        if parts:
            widget.setAccessibleDescription(". ".join(parts))


class _WindowUndoKeys(QObject):
    """Leaves Undo and Redo keys (Ctrl+Z, Ctrl+Shift+Z, Ctrl+Y) to the window's actions.

    QLineEdit, QPlainTextEdit and QDateEdit claim those keys for their own undo (by accepting
    the ShortcutOverride event), so the window's Undo never ran from the keyboard: in the body
    editor, whose own undo is off, Ctrl+Z did nothing; in a line edit it ran the line edit's
    undo, which emits ``textEdited`` and was recorded as one more edit, leaving Redo disabled.
    Ignoring the override lets the key reach the window's QUndoStack, as the Edit menu says."""

    _KEYS = (QKeySequence.StandardKey.Undo, QKeySequence.StandardKey.Redo)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.ShortcutOverride and any(event.matches(k) for k in self._KEYS):
            event.ignore()  # not overridden: the shortcut (the window's action) fires
            return True
        return False


_WINDOW_UNDO_KEYS: _WindowUndoKeys | None = None


def _route_undo_keys(widget: QWidget) -> None:
    """Send ``widget``'s Undo/Redo keys to the window's undo stack (see _WindowUndoKeys)."""
    global _WINDOW_UNDO_KEYS
    if _WINDOW_UNDO_KEYS is None:
        _WINDOW_UNDO_KEYS = _WindowUndoKeys()
    widget.installEventFilter(_WINDOW_UNDO_KEYS)


def _rtl(lang: str | None) -> bool:
    return bool(lang) and direction_of(lang) == "rtl"


def _apply_direction(widget: QWidget, lang: str | None) -> None:
    if _rtl(lang):
        widget.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        font = QFont(widget.font())
        font.setFamilies([ARABIC_FONT, "Noto Naskh Arabic"])
        font.setPointSizeF(max(font.pointSizeF(), 10) * 1.25)
        widget.setFont(font)
    elif lang:
        widget.setLayoutDirection(Qt.LayoutDirection.LeftToRight)


class LineEditor(FieldEditor):
    """Text, e-mail, telephone and reference fields; the last three are validated as you type
    (never blocked: a half-typed value is normal, and the checks report what stays wrong)."""

    def __init__(self, spec, lang, parent=None):
        super().__init__(spec, lang, parent)
        self.edit = QLineEdit(self)
        self.edit.setObjectName(f"edit:{spec.name}:{lang or ''}")
        self.edit.setClearButtonEnabled(True)
        _apply_direction(self.edit, lang)
        if spec.kind in ("email", "phone", "reference"):
            self.edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
            placeholder = {"email": "name@itu.int", "phone": "+41 22 730 5614",
                           "reference": "CL-24/49"}[spec.kind]
            self.edit.setPlaceholderText(placeholder)
        self._accessible(self.edit)
        _route_undo_keys(self.edit)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.edit)
        self.edit.textEdited.connect(self._on_edited)

    def _on_edited(self, text: str) -> None:
        self._validate(text)
        self.edited.emit(text, True)

    def problem(self, text: str) -> str | None:
        if not text:
            return None
        why = self.spec.validate(text, language())
        if why is None and self.spec.kind == "reference":
            series = load_json("house.json").get("reference_series", [])
            if not any(re.match(s["pattern"], text.strip()) for s in series):
                why = "; ".join(series_help(s.get("help", ""), language()) for s in series)
        return why

    def _validate(self, text: str) -> None:
        why = self.problem(text)
        self.edit.setProperty("invalid", why is not None)
        self.edit.setStyleSheet("QLineEdit { border: 1px solid #c62828; background: #fff3f3; }" if why else "")
        tip = self.spec.help(_ui())
        self.edit.setToolTip(tr("form.invalid", why=why) if why else tip)
        described = ". ".join(([tr("form.required")] if self.spec.required else []) + ([tip] if tip else []))
        self.edit.setAccessibleDescription(tr("form.invalid", why=why) if why else described)

    def value(self):
        return self.edit.text()

    def set_value(self, value) -> None:
        text = "" if value is None else str(value)
        if text != self.edit.text():
            with QSignalBlocker(self.edit):
                self.edit.setText(text)
                if _rtl(self.lang) and not self.edit.hasFocus():
                    self.edit.setCursorPosition(0)  # a long Arabic subject shows its beginning
        self._validate(text)

    def focus_widget(self):
        return self.edit

    def select_text(self, excerpt: str) -> bool:
        i = self.edit.text().find(excerpt) if excerpt else -1
        if i < 0:
            return False
        self.edit.setSelection(i, len(excerpt))
        return True


def _end_of_change(old: str, new: str) -> int:
    """Index in ``new`` just after the text that differs from ``old`` (common prefix and
    suffix left out)."""
    prefix = 0
    limit = min(len(old), len(new))
    while prefix < limit and old[prefix] == new[prefix]:
        prefix += 1
    suffix = 0
    while suffix < limit - prefix and old[-1 - suffix] == new[-1 - suffix]:
        suffix += 1
    return len(new) - suffix


class ProseEditor(FieldEditor):
    """Markdown prose in a plain-text editor; right-to-left for Arabic. The widget's own undo
    is off: every change goes to the window's QUndoStack."""

    def __init__(self, spec, lang, parent=None):
        super().__init__(spec, lang, parent)
        self.edit = BodyEdit(self, lang)  # paste as Markdown, spelling underlined (body_edit.py)
        self.edit.setObjectName(f"edit:{spec.name}:{lang or ''}")
        self.edit.setUndoRedoEnabled(False)
        self.edit.setTabChangesFocus(True)
        self.edit.setMinimumHeight(220)
        self.edit.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        _apply_direction(self.edit, lang)
        if _rtl(lang):
            option = self.edit.document().defaultTextOption()
            option.setTextDirection(Qt.LayoutDirection.RightToLeft)
            option.setAlignment(Qt.AlignmentFlag.AlignRight)
            self.edit.document().setDefaultTextOption(option)
        else:
            option = self.edit.document().defaultTextOption()
            option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
            self.edit.document().setDefaultTextOption(option)
        self._accessible(self.edit)
        _route_undo_keys(self.edit)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.edit)
        self.edit.textChanged.connect(lambda: self.edited.emit(self.edit.toPlainText(), True))

    def value(self):
        return self.edit.toPlainText()

    def set_value(self, value) -> None:
        text = "" if value is None else str(value)
        before = self.edit.toPlainText()
        if text == before:
            return
        # undo, redo or a fix: put the cursor at the end of what changed, and show it (keeping
        # the old position left a redone paragraph out of sight below the cursor)
        pos = _end_of_change(before, text) if before else 0
        with QSignalBlocker(self.edit):
            self.edit.setPlainText(text)
            cursor = self.edit.textCursor()
            cursor.setPosition(pos)
            self.edit.setTextCursor(cursor)
        if before:
            self.edit.ensureCursorVisible()

    def focus_widget(self):
        return self.edit

    def select_text(self, excerpt: str) -> bool:
        text = self.edit.toPlainText()
        i = text.find(excerpt) if excerpt else -1
        if i < 0:
            return False
        cursor = self.edit.textCursor()
        cursor.setPosition(i)
        cursor.setPosition(i + len(excerpt), QTextCursor.MoveMode.KeepAnchor)
        self.edit.setTextCursor(cursor)
        self.edit.ensureCursorVisible()
        return True


class DateEditor(FieldEditor):
    def __init__(self, spec, lang, parent=None):
        super().__init__(spec, lang, parent)
        self.edit = DateField(self)  # typed into when empty, a calendar button (date_field.py)
        self.edit.setObjectName(f"edit:{spec.name}:{lang or ''}")
        self._accessible(self.edit)
        _route_undo_keys(self.edit)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.edit)
        self.edit.dateChanged.connect(lambda _d: self.edited.emit(self.value(), False))

    def value(self):
        d = self.edit.date()
        return "" if d == EMPTY_DATE else d.toString("yyyy-MM-dd")

    def set_value(self, value) -> None:
        d = EMPTY_DATE
        if value:
            parsed = QDate.fromString(str(value), "yyyy-MM-dd")
            if parsed.isValid():
                d = parsed
        with QSignalBlocker(self.edit):
            self.edit.setDate(d)

    def focus_widget(self):
        return self.edit


class ChoiceEditor(FieldEditor):
    def __init__(self, spec, lang, parent=None):
        super().__init__(spec, lang, parent)
        self.combo = QComboBox(self)
        self.combo.setObjectName(f"edit:{spec.name}:{lang or ''}")
        for option in spec.options:
            self.combo.addItem(self._option_label(option), option)
        self._accessible(self.combo)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.combo)
        self.combo.activated.connect(lambda _i: self.edited.emit(self.value(), False))

    def _option_label(self, option: str) -> str:
        if option == "":
            return tr("form.none")
        house = load_json("house.json")
        for table in ("sectors", "places"):
            row = house.get(table, {}).get(option)
            if row:
                return row.get(_ui()) or row.get("en") or option
        return {"f": "♀ Ms / Mme / السيدة", "m": "♂ Mr / M. / السيد"}.get(option, option)

    def value(self):
        return self.combo.currentData()

    def set_value(self, value) -> None:
        i = self.combo.findData(value if value is not None else "")
        with QSignalBlocker(self.combo):
            if i < 0 and value not in (None, ""):
                self.combo.addItem(str(value), value)
                i = self.combo.count() - 1
            self.combo.setCurrentIndex(max(i, 0) if self.combo.count() else -1)

    def focus_widget(self):
        return self.combo


class BoolEditor(FieldEditor):
    def __init__(self, spec, lang, parent=None):
        super().__init__(spec, lang, parent)
        self.box = QCheckBox(spec.label(_ui()), self)
        self.box.setObjectName(f"edit:{spec.name}:{lang or ''}")
        self._accessible(self.box)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.box)
        self.box.toggled.connect(lambda on: self.edited.emit(bool(on), False))

    def value(self):
        return self.box.isChecked()

    def set_value(self, value) -> None:
        with QSignalBlocker(self.box):
            self.box.setChecked(bool(value))

    def focus_widget(self):
        return self.box


class SignatoryEditor(FieldEditor):
    """Offers only the officials in office on the letter date; a value saved earlier that is no
    longer valid stays visible (marked), never silently replaced."""

    def __init__(self, spec, lang, parent=None):
        super().__init__(spec, lang, parent)
        self.combo = QComboBox(self)
        self.combo.setObjectName(f"edit:{spec.name}:{lang or ''}")
        self._accessible(self.combo)
        self.day = dt.date.today()
        self._value = ""
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.combo)
        self.combo.activated.connect(self._on_activated)
        self._fill()

    def _on_activated(self, _i) -> None:
        self._value = self.combo.currentData() or ""
        self.edited.emit(self._value, False)

    def set_day(self, value) -> None:
        try:
            day = dt.date.fromisoformat(value) if value else dt.date.today()
        except ValueError:
            day = dt.date.today()
        if day != self.day:
            self.day = day
            self._fill()

    def _fill(self) -> None:
        ui = _ui()
        with QSignalBlocker(self.combo):
            self.combo.clear()
            self.combo.addItem(tr("form.no_signatory"), "")
            ids = []
            for o in in_office(self.day):
                try:
                    title = o.title(ui, self.day)
                except LookupError:
                    title = ""
                self.combo.addItem(f"{o.name(ui)} — {title}" if title else o.name(ui), o.id)
                ids.append(o.id)
            if self._value and self._value not in ids:
                name = next((o.name(ui) for o in all_officials() if o.id == self._value), self._value)
                self.combo.addItem(tr("form.not_in_office", name=name, day=self.day.isoformat()),
                                   self._value)
            self.combo.setCurrentIndex(max(self.combo.findData(self._value), 0))

    def value(self):
        return self._value

    def set_value(self, value) -> None:
        self._value = value or ""
        self._fill()

    def focus_widget(self):
        return self.combo


class ListEditor(FieldEditor):
    """One line per item (addressees): edit in place, add, remove, reorder."""

    def __init__(self, spec, lang, parent=None):
        super().__init__(spec, lang, parent)
        self.list = QListWidget(self)
        self.list.setObjectName(f"edit:{spec.name}:{lang or ''}")
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                  | QAbstractItemView.EditTrigger.EditKeyPressed
                                  | QAbstractItemView.EditTrigger.SelectedClicked)
        self.list.setMinimumHeight(90)
        self.list.setMaximumHeight(140)
        _apply_direction(self.list, lang)
        self._accessible(self.list)
        buttons = QHBoxLayout()
        for key, slot in (("form.add", self.add_item), ("form.remove", self.remove_item),
                          ("form.up", lambda: self.move(-1)), ("form.down", lambda: self.move(1))):
            b = QToolButton(self)
            b.setText({"form.add": "+", "form.remove": "−", "form.up": "↑", "form.down": "↓"}[key])
            b.setToolTip(tr(key))
            b.setAccessibleName(tr(key))
            b.clicked.connect(slot)
            buttons.addWidget(b)
        buttons.addStretch(1)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.list)
        lay.addLayout(buttons)
        self.list.itemChanged.connect(lambda _item: self.edited.emit(self.value(), False))

    def _make_item(self, text: str) -> QListWidgetItem:
        item = QListWidgetItem(text)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
        return item

    def add_item(self) -> None:
        """An empty line opened for typing: nothing enters the letter until something is typed
        (no placeholder text that could be left in it)."""
        with QSignalBlocker(self.list):
            item = self._make_item("")
            self.list.addItem(item)
        self.list.setCurrentItem(item)
        self.list.editItem(item)

    def remove_item(self) -> None:
        row = self.list.currentRow()
        if row >= 0:
            with QSignalBlocker(self.list):
                self.list.takeItem(row)
            self.edited.emit(self.value(), False)

    def move(self, delta: int) -> None:
        row = self.list.currentRow()
        target = row + delta
        if row < 0 or not 0 <= target < self.list.count():
            return
        with QSignalBlocker(self.list):
            item = self.list.takeItem(row)
            self.list.insertItem(target, item)
            self.list.setCurrentRow(target)
        self.edited.emit(self.value(), False)

    def value(self):
        """The lines, empty ones left out (a line added and not typed into is no addressee)."""
        return [t for t in (self.list.item(i).text() for i in range(self.list.count())) if t.strip()]

    def set_value(self, value) -> None:
        items = list(value or [])
        if items == self.value():
            return
        with QSignalBlocker(self.list):
            self.list.clear()
            for text in items:
                self.list.addItem(self._make_item(str(text)))

    def focus_widget(self):
        return self.list

    def select_text(self, excerpt: str) -> bool:
        for i in range(self.list.count()):
            if excerpt and excerpt in self.list.item(i).text():
                self.list.setCurrentRow(i)
                return True
        return False


EDITORS = {"text": LineEditor, "email": LineEditor, "phone": LineEditor, "reference": LineEditor,
           "prose": ProseEditor, "date": DateEditor, "choice": ChoiceEditor, "bool": BoolEditor,
           "signatory": SignatoryEditor, "list": ListEditor}


class ParagraphEditor(ProseEditor):
    """One paragraph of the body in one language: a clause (its text, or the drafter's own) or a
    free paragraph. As tall as its text, within limits."""

    MIN_LINES, MAX_LINES = 3, 14

    def __init__(self, spec, lang, parent=None):
        super().__init__(spec, lang, parent)
        self.edit.setMinimumHeight(0)
        self.edit.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.edit.document().documentLayout().documentSizeChanged.connect(lambda _s: self._fit())
        self._fit()

    def _fit(self) -> None:
        lines = int(self.edit.document().documentLayout().documentSize().height())
        lines = max(self.MIN_LINES, min(self.MAX_LINES, lines))
        height = lines * self.edit.fontMetrics().lineSpacing() + 2 * self.edit.frameWidth() + 10
        if self.edit.height() != height:
            self.edit.setFixedHeight(height)


def _paragraph_spec(name: str, labels: dict, helps: dict | None = None) -> FieldSpec:
    return FieldSpec(name, "prose", False, True, dict(labels), dict(helps or {}))


class BodyPanel(QWidget):
    """The letter's body in one language: each clause in the letter (its text, editable: typing
    writes this language's own text, which a button takes back to the standard text), the free
    paragraphs after the clause they follow, and a button after each clause to add one."""

    def __init__(self, model: DraftModel, lang: str, connect, parent=None):
        super().__init__(parent)
        self.setObjectName(f"body:{lang}")
        self.model, self.lang, self.connect = model, lang, connect
        self.editors: dict[str, ParagraphEditor] = {}
        self.headers: dict[str, tuple] = {}
        self.lay = QVBoxLayout(self)
        self.lay.setContentsMargins(0, 6, 0, 0)
        self.rebuild()

    def rebuild(self) -> None:
        focused = next((n for n, e in self.editors.items() if e.edit.hasFocus()), None)
        _clear(self.lay)
        self.editors, self.headers = {}, {}
        title = QLabel(f"<b>{tr('body.title')}</b>", self)
        note = QLabel(tr("body.help"), self)
        note.setWordWrap(True)
        note.setStyleSheet("font-style: italic;")
        self.lay.addWidget(title)
        self.lay.addWidget(note)
        lt, draft = self.model.letter_type, self.model.draft
        after: dict[str, list[dict]] = {}
        for block in draft.free:
            after.setdefault(block.get("after", ""), []).append(block)
        self._add_button("")
        self._free(after.pop("", []))
        for clause in lt.included(draft):
            self._clause(clause)
            self._free(after.pop(clause.id, []))
            self._add_button(clause.id)
        for anchor in list(after):  # after a clause that is off: where the letter prints them
            self._free(after.pop(anchor))
        if focused in self.editors:
            self.editors[focused].focus_widget().setFocus(Qt.FocusReason.OtherFocusReason)

    def _clause(self, clause) -> None:
        name = f"clause:{clause.id}"
        editor = ParagraphEditor(_paragraph_spec(name, clause.labels, clause.helps), self.lang, self)
        reset = QToolButton(self)
        reset.setObjectName(f"reset:{name}:{self.lang}")
        reset.setText(tr("body.reset"))
        reset.setToolTip(tr("body.reset_tip"))
        reset.setAccessibleName(tr("body.reset_tip"))
        reset.clicked.connect(lambda _c=False, cid=clause.id: self.model.reset_clause(cid, self.lang))
        self._row(name, editor, reset)

    def _free(self, blocks: list[dict]) -> None:
        for block in blocks:
            name = f"free:{block['id']}"
            editor = ParagraphEditor(_paragraph_spec(name, {_ui(): tr("body.free")}), self.lang, self)
            remove = QToolButton(self)
            remove.setObjectName(f"remove:{name}:{self.lang}")
            remove.setText("×")
            remove.setToolTip(tr("body.remove_tip"))
            remove.setAccessibleName(tr("body.remove_tip"))
            remove.clicked.connect(lambda _c=False, bid=block["id"]: self.model.remove_free(bid))
            self._row(name, editor, remove)

    def _row(self, name: str, editor: ParagraphEditor, button: QToolButton) -> None:
        header = QWidget(self)
        row = QHBoxLayout(header)
        row.setContentsMargins(0, 4, 0, 0)
        text = QLabel(header)
        text.setWordWrap(True)
        text.setBuddy(editor.focus_widget())
        row.addWidget(text, 1)
        button.setParent(header)
        row.addWidget(button)
        self.lay.addWidget(header)
        self.lay.addWidget(editor)
        self.editors[name] = editor
        self.headers[name] = (text, button)
        editor.set_value(self.model.value(name, self.lang))
        self.connect(name, self.lang, editor)
        self.update_header(name)

    def _add_button(self, after: str) -> None:
        add = QToolButton(self)
        add.setObjectName(f"add-free:{after}:{self.lang}")
        add.setText(tr("body.add"))
        add.setToolTip(tr("body.add_tip"))
        add.setAccessibleName(tr("body.add_tip"))
        add.setAutoRaise(True)
        add.clicked.connect(lambda _c=False, a=after: self._add(a))
        self.lay.addWidget(add, 0, Qt.AlignmentFlag.AlignLeading)

    def _add(self, after: str) -> None:
        new_id = self.model.add_free(after)
        editor = self.editors.get(f"free:{new_id}")
        if editor is not None:
            editor.focus_widget().setFocus(Qt.FocusReason.OtherFocusReason)

    def update_header(self, name: str) -> None:
        """A clause written by hand in this language says so, and offers its standard text back;
        a paragraph kept from a clause the type no longer has says that."""
        label, button = self.headers.get(name, (None, None))
        if label is None:
            return
        kind, key = name.split(":", 1)
        if kind == "clause":
            clause = self.model.letter_type.clause(key)
            own = self.model.is_overridden(key, self.lang)
            text = clause.label(_ui()) if clause else key
            label.setText(tr("body.edited", label=text) if own else text)
            label.setStyleSheet("color: #8a4b00; font-weight: bold;" if own else "")
            button.setVisible(own)
        else:
            block = self.model.draft.free_block(key) or {}
            kept = block.get("from_clause")
            label.setText(tr("body.kept", label=tr("body.free"), clause=kept) if kept else tr("body.free"))
            label.setStyleSheet("color: #8a4b00;" if kept else "")

    def refresh_texts(self) -> None:
        """The standard texts again (a fact changed): every clause not written by hand."""
        for name, editor in self.editors.items():
            if name.startswith("clause:") and not self.model.is_overridden(name[len("clause:"):], self.lang):
                editor.set_value(self.model.value(name, self.lang))


def _clear(layout) -> None:
    """Take every widget out of ``layout`` and delete it."""
    while layout.count():
        item = layout.takeAt(0)
        widget, inner = item.widget(), item.layout()
        if widget is not None:
            widget.hide()
            widget.deleteLater()
        elif inner is not None:
            _clear(inner)


class ClauseSwitches(QWidget):
    """On the facts tab: each optional clause's checkbox, each choice's variants; a required
    clause appears only when it is off (a converted draft), to switch it back on."""

    def __init__(self, model: DraftModel, parent=None):
        super().__init__(parent)
        self.setObjectName("clause-switches")
        self.model = model
        self.widgets: dict[str, QWidget] = {}
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 6, 0, 0)
        lay.addWidget(QLabel(f"<b>{tr('body.switches')}</b>", self))
        lt, seen = model.letter_type, set()
        for clause in lt.clauses:
            if clause.choice:
                if clause.choice in seen:
                    continue
                seen.add(clause.choice)
                combo = QComboBox(self)
                combo.setObjectName(f"switch:{clause.choice}")
                for variant in lt.choices()[clause.choice]:
                    combo.addItem(variant.label(_ui()), variant.id)
                    combo.setItemData(combo.count() - 1, variant.help(_ui()), Qt.ItemDataRole.ToolTipRole)
                combo.addItem(tr("form.none"), False)
                combo.setAccessibleName(clause.label(_ui()))
                combo.activated.connect(lambda _i, c=combo, key=clause.choice:
                                        self.model.set_switch(key, c.currentData()))
                lay.addWidget(combo)
                self.widgets[clause.choice] = combo
            else:
                box = QCheckBox(clause.label(_ui()), self)
                box.setObjectName(f"switch:{clause.id}")
                if clause.help(_ui()):
                    box.setToolTip(clause.help(_ui()))
                box.toggled.connect(lambda on, key=clause.id: self.model.set_switch(key, bool(on)))
                lay.addWidget(box)
                self.widgets[clause.id] = box
        self.sync()

    def sync(self) -> None:
        lt, draft = self.model.letter_type, self.model.draft
        for key, widget in self.widgets.items():
            with QSignalBlocker(widget):
                if isinstance(widget, QComboBox):
                    on = [v.id for v in lt.choices()[key] if lt.is_on(draft, v)]
                    widget.setCurrentIndex(widget.findData(on[0]) if on else widget.count() - 1)
                else:
                    clause = lt.clause(key)
                    on = lt.is_on(draft, clause)
                    widget.setChecked(on)
                    widget.setVisible(clause.optional or not on)


class FormPage(QScrollArea):
    """One tab: a form layout of editors for ``specs`` in ``lang`` (None = shared facts)."""

    def __init__(self, specs: list[FieldSpec], lang: str | None, intro: str = "", parent=None):
        super().__init__(parent)
        self.lang = lang
        self.setWidgetResizable(True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes from the tab bar to the first field
        inner = QWidget(self)
        self.form = QFormLayout(inner)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        if intro:
            note = QLabel(intro, inner)
            note.setWordWrap(True)
            note.setStyleSheet("font-style: italic;")  # palette(mid) was too faint to read
            self.form.addRow(note)
        self.editors: dict[str, FieldEditor] = {}
        for spec in specs:
            editor = EDITORS.get(spec.kind, LineEditor)(spec, lang, inner)
            self.editors[spec.name] = editor
            if spec.kind == "bool":
                self.form.addRow("", editor)
                continue
            label = QLabel(_label_text(spec), inner)
            label.setBuddy(editor.focus_widget())
            label.setToolTip(spec.help(_ui()))
            if spec.kind == "prose":
                self.form.addRow(label)
                self.form.addRow(editor)
            else:
                self.form.addRow(label, editor)
        self.inner = inner
        self.setWidget(inner)


class FormWidget(QTabWidget):
    """Facts tab + one tab per language, bound to a DraftModel."""

    languageActivated = Signal(str)

    def __init__(self, model: DraftModel, parent=None):
        super().__init__(parent)
        self.setObjectName("form")
        self.setAccessibleName(tr("a11y.form"))
        self.model = model
        self.pages: dict[str | None, FormPage] = {}
        lt = model.letter_type
        shared = [f for f in lt.fields if not f.translatable]
        note = tr("form.required_note")
        facts = FormPage(shared, None, f"{tr('form.facts.help')} {note}", self)
        self.pages[None] = facts
        self.addTab(facts, tr("tab.facts"))
        for lang in model.languages:
            page = FormPage([f for f in lt.fields if f.translatable], lang, note, self)
            self.pages[lang] = page
            self.addTab(page, language_name(lang))
        for lang, page in self.pages.items():
            for name, editor in page.editors.items():
                editor.set_value(model.value(name, lang))
                editor.edited.connect(lambda value, mergeable, n=name, lg=lang:
                                      self._on_edited(n, lg, value, mergeable))
        # the body: clause switches with the facts, each language's paragraphs on its tab
        self.switches = ClauseSwitches(model, facts.inner) if lt.clauses else None
        if self.switches is not None:
            facts.form.addRow(self.switches)
        self.bodies: dict[str, BodyPanel] = {}
        for lang in model.languages:
            page = self.pages[lang]
            self.bodies[lang] = BodyPanel(model, lang, self._connect_paragraph, page.inner)
            page.form.addRow(self.bodies[lang])
        self._texts_timer = QTimer(self)
        self._texts_timer.setSingleShot(True)
        self._texts_timer.setInterval(TEXTS_DELAY_MS)
        self._texts_timer.timeout.connect(self.refresh_texts)
        self._sync_signatory()
        model.valueChanged.connect(self._on_model_changed)
        self.currentChanged.connect(self._on_tab)

    def _connect_paragraph(self, name: str, lang: str, editor: FieldEditor) -> None:
        """A body paragraph's editor, made (again) by a BodyPanel: found by name like a field."""
        self.pages[lang].editors[name] = editor
        editor.edited.connect(lambda value, mergeable, n=name, lg=lang: self._on_edited(n, lg, value, mergeable))

    def _rebuild_bodies(self) -> None:
        for lang, body in self.bodies.items():
            page = self.pages[lang]
            for name in [n for n in page.editors if n.startswith(("clause:", "free:"))]:
                del page.editors[name]
            body.rebuild()

    def refresh_texts(self) -> None:
        for body in self.bodies.values():
            body.refresh_texts()

    def _on_tab(self, index: int) -> None:
        page = self.widget(index)
        if isinstance(page, FormPage) and page.lang:
            self.languageActivated.emit(page.lang)

    def _on_edited(self, name: str, lang: str | None, value, mergeable: bool) -> None:
        self.model.set_value(name, value, lang, mergeable=mergeable)

    def _on_model_changed(self, lang: str, name: str) -> None:
        if name.startswith("switch:") or name == "free":  # the body's shape changed
            if self.switches is not None:
                self.switches.sync()
            self._rebuild_bodies()
            return
        page = self.pages.get(lang or None)
        editor = page.editors.get(name) if page else None
        if editor is not None:
            editor.set_value(self.model.value(name, lang or None))
        if name.startswith(("clause:", "free:")):
            body = self.bodies.get(lang)
            if body is not None:
                body.update_header(name)
            return
        if name == LETTER_DATE:
            self._sync_signatory()
        if self.bodies:  # a fact: the standard texts say it, after a short pause in the typing
            self._texts_timer.start()

    def _sync_signatory(self) -> None:
        day = self.model.value(LETTER_DATE)
        for page in self.pages.values():
            for editor in page.editors.values():
                if isinstance(editor, SignatoryEditor):
                    editor.set_day(day)

    def editor(self, name: str, lang: str | None = None) -> FieldEditor | None:
        translatable = self.model.is_translatable(name)
        page = self.pages.get(lang if translatable else None)
        if page is None and translatable and self.model.languages:
            page = self.pages.get(self.model.languages[0])
        return page.editors.get(name) if page else None

    def focus_field(self, name: str, lang: str | None = None, excerpt: str = "") -> bool:
        editor = self.editor(name, lang)
        if editor is None:
            return False
        page = self.pages[editor.lang]
        self.setCurrentWidget(page)
        page.ensureWidgetVisible(editor)
        editor.focus_widget().setFocus(Qt.FocusReason.OtherFocusReason)
        if excerpt:
            editor.select_text(excerpt)
        return True

    def show_language(self, lang: str) -> None:
        page = self.pages.get(lang)
        if page is not None and self.currentWidget() is not page and self.currentWidget() is not self.pages[None]:
            self.setCurrentWidget(page)
