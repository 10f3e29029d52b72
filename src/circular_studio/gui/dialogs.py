"""The New Letter dialog and the in-window message bar."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout,
                               QFrame, QHBoxLayout, QLabel, QPushButton, QStyle, QToolButton,
                               QVBoxLayout, QWidget)

from circular_studio.core.model.lettertypes import LetterType, broken_letter_types
from .i18n import language, language_name, tr


class NewDialog(QDialog):
    """Choose a letter type and the languages of the draft."""

    def __init__(self, types: dict[str, LetterType], parent=None):
        super().__init__(parent)
        self.setObjectName("new-dialog")
        self.setWindowTitle(tr("new.title"))
        self.types = types
        self.type_combo = QComboBox(self)
        self.type_combo.setObjectName("new-type")
        self.type_combo.setAccessibleName(tr("new.type").rstrip(": :"))
        for type_id, lt in types.items():
            self.type_combo.addItem(lt.title(language()), type_id)
        self.lang_box = QWidget(self)
        self.lang_layout = QHBoxLayout(self.lang_box)
        self.lang_layout.setContentsMargins(0, 0, 0, 0)
        self.checks: dict[str, QCheckBox] = {}
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #c62828;")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        type_label = QLabel(tr("new.type"), self)
        type_label.setBuddy(self.type_combo)
        form.addRow(type_label, self.type_combo)
        form.addRow(QLabel(tr("new.languages"), self), self.lang_box)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.error)
        broken = broken_letter_types()
        if broken:  # say which types are missing and why, rather than leaving them out silently
            self.broken = QLabel("\n".join(str(err) for err in broken.values()), self)
            self.broken.setObjectName("new-broken-types")
            self.broken.setWordWrap(True)
            self.broken.setStyleSheet("color: #8a6d00;")
            lay.addWidget(self.broken)
        lay.addWidget(self.buttons)
        self.type_combo.currentIndexChanged.connect(self._fill_languages)
        self._fill_languages()
        if not types:
            self.error.setText(tr("new.no_types"))
            self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)

    def _fill_languages(self, *_args) -> None:
        previous = {lang for lang, box in self.checks.items() if box.isChecked()} or {language()}
        for box in self.checks.values():
            box.deleteLater()
        self.checks = {}
        lt = self.types.get(self.type_combo.currentData())
        if lt is None:
            return
        for lang in lt.languages:
            box = QCheckBox(language_name(lang), self.lang_box)
            box.setObjectName(f"new-lang-{lang}")
            box.setChecked(lang in previous)
            self.lang_layout.addWidget(box)
            self.checks[lang] = box
        if not any(b.isChecked() for b in self.checks.values()) and self.checks:
            next(iter(self.checks.values())).setChecked(True)

    def select(self, type_id: str, languages: list[str]) -> None:
        i = self.type_combo.findData(type_id)
        if i >= 0:
            self.type_combo.setCurrentIndex(i)
        for lang, box in self.checks.items():
            box.setChecked(lang in languages)

    def chosen_type(self) -> str | None:
        return self.type_combo.currentData()

    def chosen_languages(self) -> list[str]:
        return [lang for lang, box in self.checks.items() if box.isChecked()]

    def accept(self) -> None:
        if not self.chosen_languages():
            self.error.setText(tr("new.need_language"))
            return
        super().accept()


class MessageBar(QFrame):
    """A message shown inside the window (error, warning, information) with optional buttons;
    nothing modal, nothing lost."""

    closed = Signal()
    COLOURS = {"error": ("#fdecea", "#c62828"), "warning": ("#fff8e1", "#ef6c00"),
               "info": ("#e8f1fb", "#1d5aa5")}
    ICONS = {"error": QStyle.StandardPixmap.SP_MessageBoxCritical,
             "warning": QStyle.StandardPixmap.SP_MessageBoxWarning,
             "info": QStyle.StandardPixmap.SP_MessageBoxInformation}

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("message-bar")
        self.icon = QLabel(self)
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.buttons = QHBoxLayout()
        self.close_button = QToolButton(self)
        self.close_button.setText("×")
        self.close_button.setAutoRaise(True)
        self.close_button.clicked.connect(self.dismiss)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(8, 4, 4, 4)
        lay.addWidget(self.icon)
        lay.addWidget(self.text, 1)
        lay.addLayout(self.buttons)
        lay.addWidget(self.close_button)
        self.level = "info"
        self.hide()

    def show_message(self, text: str, level: str = "info", actions=()) -> None:
        """``actions``: (title, callback) pairs shown as buttons."""
        self.level = level
        bg, fg = self.COLOURS.get(level, self.COLOURS["info"])
        self.setStyleSheet(f"#message-bar {{ background: {bg}; border: 1px solid {fg}; border-radius: 3px; }}")
        self.icon.setPixmap(self.style().standardIcon(self.ICONS.get(level, self.ICONS["info"])).pixmap(20, 20))
        self.text.setText(text)
        self.setAccessibleName(text)
        self.close_button.setToolTip(tr("bar.close"))
        self.close_button.setAccessibleName(tr("bar.close"))
        while self.buttons.count():
            item = self.buttons.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        for title, callback in actions:
            b = QPushButton(title, self)
            b.clicked.connect(callback)
            self.buttons.addWidget(b)
        self.show()

    def dismiss(self) -> None:
        self.hide()
        self.closed.emit()

    def message(self) -> str:
        return self.text.text() if self.isVisible() or self.text.text() else ""


class FixesDialog(QDialog):
    """Choose the fixes to apply in a corrected copy of a letter (all ticked at first)."""

    def __init__(self, findings, parent=None):
        super().__init__(parent)
        self.setObjectName("fixes-dialog")
        self.setWindowTitle(tr("corrected.title"))
        self.findings = list(findings)
        lay = QVBoxLayout(self)
        label = QLabel(tr("corrected.choose"), self)
        label.setWordWrap(True)
        lay.addWidget(label)
        self.boxes: list[QCheckBox] = []
        for f in self.findings:
            box = QCheckBox(f"{f.code}: “{f.excerpt}” → “{f.fix}”", self)
            box.setToolTip(f.message)
            box.setChecked(True)
            lay.addWidget(box)
            self.boxes.append(box)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)

    def chosen(self):
        return [f for f, box in zip(self.findings, self.boxes) if box.isChecked()]
