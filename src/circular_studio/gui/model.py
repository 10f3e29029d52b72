"""The open draft as a Qt object: every edit goes through a QUndoCommand on one QUndoStack.

Widgets never write into the Draft themselves: they call ``DraftModel.set_value`` and listen to
``valueChanged`` to show values changed by undo/redo or by a fix. Consecutive typing in one field
merges into one undo step; a fix is a step of its own.
"""
from __future__ import annotations

import copy
import time

import shiboken6

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from circular_studio.core.model.draft import Draft
from circular_studio.core.model.lettertypes import FieldSpec, LetterType
from circular_studio.core.checks.registry import code_matches
from .i18n import tr
from .i18n import language

_MERGE_ID = 0x5E7
_MERGE_WINDOW_S = 2.0


class SetValueCommand(QUndoCommand):
    def __init__(self, model: "DraftModel", name: str, lang: str | None, old, new,
                 mergeable: bool, text: str):
        super().__init__(text)
        self.model, self.name, self.lang = model, name, lang
        self.old, self.new = copy.deepcopy(old), copy.deepcopy(new)
        self.mergeable = mergeable
        self.stamp = time.monotonic()

    def id(self) -> int:  # noqa: A003 - Qt's name
        return _MERGE_ID if self.mergeable else -1

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt's name
        if not isinstance(other, SetValueCommand) or not other.mergeable:
            return False
        if (other.name, other.lang) != (self.name, self.lang):
            return False
        if other.stamp - self.stamp > _MERGE_WINDOW_S:
            return False
        self.new = other.new
        self.stamp = other.stamp
        self.setObsolete(self.new == self.old)
        return True

    def redo(self) -> None:
        self.model._apply(self.name, self.lang, self.new)

    def undo(self) -> None:
        self.model._apply(self.name, self.lang, self.old)


class DisabledChecksCommand(QUndoCommand):
    """Replace the draft's ``disabled_checks`` list (one undoable step)."""

    def __init__(self, model: "DraftModel", old: list[str], new: list[str], text: str):
        super().__init__(text)
        self.model, self.old, self.new = model, list(old), list(new)

    def redo(self) -> None:
        self.model._apply_disabled(self.new)

    def undo(self) -> None:
        self.model._apply_disabled(self.old)


#: the name ``valueChanged`` carries when the draft's disabled checks change
DISABLED_CHECKS = "disabled_checks"


class DraftModel(QObject):
    #: (language or "" for a shared fact, field name)
    valueChanged = Signal(str, str)
    #: the draft differs from the saved file (or was never saved)
    modifiedChanged = Signal(bool)

    def __init__(self, draft: Draft, letter_type: LetterType, parent: QObject | None = None,
                 modified: bool = False):
        super().__init__(parent)
        self.draft = draft
        self.letter_type = letter_type
        self.undo_stack = QUndoStack(self)
        self._forced_modified = modified  # recovered or new drafts count as unsaved
        self.undo_stack.cleanChanged.connect(self._on_clean_changed)
        self.revision = 0  # bumped on every change; the preview and autosave compare it

    def _on_clean_changed(self, _clean: bool) -> None:
        if shiboken6.isValid(self.undo_stack):  # not while the stack is being destroyed
            self.modifiedChanged.emit(self.modified)

    @property
    def languages(self) -> list[str]:
        return list(self.draft.languages)

    @property
    def modified(self) -> bool:
        return self._forced_modified or not self.undo_stack.isClean()

    def mark_saved(self) -> None:
        self._forced_modified = False
        self.undo_stack.setClean()
        self.modifiedChanged.emit(False)

    def spec(self, name: str) -> FieldSpec | None:
        return self.letter_type.field(name)

    def is_translatable(self, name: str) -> bool:
        spec = self.spec(name)
        if spec is not None:
            return spec.translatable
        return any(name in v for v in self.draft.languages.values()) and name not in self.draft.fields

    def value(self, name: str, lang: str | None = None):
        if self.is_translatable(name):
            return self.draft.languages.get(lang or "", {}).get(name) if lang else None
        return self.draft.fields.get(name)

    def set_value(self, name: str, value, lang: str | None = None, *, mergeable: bool = True,
                  text: str | None = None) -> bool:
        """Record an edit as an undoable command. Returns False when nothing changed."""
        lang = lang if self.is_translatable(name) else None
        old = self.value(name, lang)
        if old == value or (old in (None, "") and value in (None, "")):
            return False
        spec = self.spec(name)
        label = spec.label(_ui_lang()) if spec else name
        self.undo_stack.push(SetValueCommand(self, name, lang, old, value, mergeable,
                                             text or tr("undo.edit", field=label)))
        return True

    def disable_check(self, code: str, text: str | None = None) -> bool:
        """Add ``code`` to the draft's disabled checks as an undoable step. False when it is
        already disabled (by itself or by a prefix such as ``SPELL``)."""
        code = code.strip().upper()
        current = list(self.draft.disabled_checks or [])
        if not code or code_matches(code, current):
            return False
        self.undo_stack.push(DisabledChecksCommand(self, current, current + [code],
                                                   text or tr("undo.disable", code=code)))
        return True

    def _apply_disabled(self, codes: list[str]) -> None:
        self.draft.disabled_checks = list(codes)
        self.revision += 1
        self.valueChanged.emit("", DISABLED_CHECKS)

    def _apply(self, name: str, lang: str | None, value) -> None:
        if lang:
            self.draft.languages.setdefault(lang, {})[name] = copy.deepcopy(value)
        else:
            self.draft.fields[name] = copy.deepcopy(value)
        self.revision += 1
        self.valueChanged.emit(lang or "", name)


def _ui_lang() -> str:
    return language()
