"""The open draft as a Qt object: every edit goes through a QUndoCommand on one QUndoStack.

Widgets never write into the Draft themselves: they call ``DraftModel.set_value`` and listen to
``valueChanged`` to show values changed by undo/redo or by a fix. Consecutive typing in one field
merges into one undo step; a fix is a step of its own.

Besides the schema's facts, the body of the letter is edited through names of its own:
``clause:ID`` (per language: the clause's text; typing writes an override, which keeps the facts
it was written with), ``free:ID`` (per language: a free paragraph's text), ``switch:ID`` (an
optional clause on/off, or a choice's variant) and ``free`` (the list of free paragraphs, for
adding and removing them). Each is one undoable step like any field.
"""
from __future__ import annotations

import copy
import time

import shiboken6

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

import re

from circular_studio.core.compose.pipeline import clause_texts, prepare
from circular_studio.core.errors import StudioError
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
#: names of the body's parts (see the module's docstring)
CLAUSE, FREE, SWITCH = "clause:", "free:", "switch:"
FREE_LIST = "free"


def shown(markdown: str) -> str:
    """A clause's text as the editor shows it: placeholders without their Markdown escapes."""
    return re.sub(r"\\([\[\]])", r"\1", markdown)


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
        self._texts: dict[str, tuple[int, dict]] = {}  # language -> (revision, clause texts)
        try:  # fit the draft to its type and render a converted body's template code, once
            prepare(draft)
        except StudioError:
            pass  # the preview says what is wrong
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
        if name.startswith((CLAUSE, FREE)):
            return True
        if name.startswith(SWITCH) or name == FREE_LIST:
            return False
        spec = self.spec(name)
        if spec is not None:
            return spec.translatable
        return any(name in v for v in self.draft.languages.values()) and name not in self.draft.fields

    # ------------------------------------------------------------------ the body's parts
    def clause_text(self, clause_id: str, lang: str) -> str:
        """The type's own text of a clause in ``lang``, facts filled, as the editor shows it."""
        cached = self._texts.get(lang)
        if cached is None or cached[0] != self.revision:
            try:
                texts = {cid: shown(md) for cid, md in clause_texts(self.draft, lang).items()}
            except StudioError:
                texts = {}
            cached = (self.revision, texts)
            self._texts[lang] = cached
        return cached[1].get(clause_id, "")

    def body_texts(self, lang: str):
        """(name, text) of the body's paragraphs in ``lang``, in letter order: each clause in
        the letter (its own text or the type's) and each free paragraph."""
        lt, draft = self.letter_type, self.draft
        after: dict[str, list[dict]] = {}
        for block in draft.free:
            after.setdefault(block.get("after", ""), []).append(block)
        order = [("", None)] + [(c.id, c) for c in lt.included(draft)]
        for anchor, clause in order:
            if clause is not None:
                yield CLAUSE + clause.id, self.value(CLAUSE + clause.id, lang)
            for block in after.pop(anchor, []):
                yield FREE + block["id"], (block.get("text") or {}).get(lang, "")
        for blocks in after.values():
            for block in blocks:
                yield FREE + block["id"], (block.get("text") or {}).get(lang, "")

    def is_overridden(self, clause_id: str, lang: str) -> bool:
        return self.draft.override(lang, clause_id) is not None

    def _raw(self, name: str, lang: str | None):
        """What an undo step stores for ``name``: a clause's override (dict or None), a free
        paragraph's text, a switch, the free paragraphs' list, or a fact's value."""
        if name.startswith(CLAUSE):
            return copy.deepcopy(self.draft.override(lang or "", name[len(CLAUSE):]))
        if name.startswith(FREE):
            block = self.draft.free_block(name[len(FREE):])
            return (block.get("text") or {}).get(lang or "", "") if block else None
        if name.startswith(SWITCH):
            return self.draft.clauses.get(name[len(SWITCH):])
        if name == FREE_LIST:
            return copy.deepcopy(self.draft.free)
        if self.is_translatable(name):
            return self.draft.languages.get(lang or "", {}).get(name) if lang else None
        return self.draft.fields.get(name)

    def value(self, name: str, lang: str | None = None):
        if name.startswith(CLAUSE):
            own = self.draft.override(lang or "", name[len(CLAUSE):])
            return own["text"] if own is not None else self.clause_text(name[len(CLAUSE):], lang or "")
        return self._raw(name, lang)

    def _label(self, name: str) -> str:
        ui = _ui_lang()
        if name.startswith((CLAUSE, SWITCH)):
            key = name.split(":", 1)[1]
            clause = self.letter_type.clause(key)
            if clause is not None:
                return clause.label(ui)
            variants = self.letter_type.choices().get(key)
            return variants[0].label(ui) if variants else key
        if name.startswith(FREE) or name == FREE_LIST:
            return tr("body.free")
        spec = self.spec(name)
        return spec.label(ui) if spec else name

    def set_value(self, name: str, value, lang: str | None = None, *, mergeable: bool = True,
                  text: str | None = None) -> bool:
        """Record an edit as an undoable command. Returns False when nothing changed. For a
        clause, ``value`` is its text: the type's own text means no override."""
        lang = lang if self.is_translatable(name) else None
        old = self._raw(name, lang)
        if name.startswith(CLAUSE):
            value = self._override(name[len(CLAUSE):], lang or "", value, old)
        if old == value or (old in (None, "") and value in (None, "")):
            return False
        self.undo_stack.push(SetValueCommand(self, name, lang, old, value, mergeable,
                                             text or tr("undo.edit", field=self._label(name))))
        return True

    def _override(self, clause_id: str, lang: str, text, old):
        """The override a clause's new text makes: None when it is the type's own text; else
        the text with the facts the clause reads as they are now (so a later change is flagged)."""
        if text is None or text == self.clause_text(clause_id, lang):
            return None
        facts = {name: self.draft.value(name, lang) for name in self.letter_type.clause_facts(clause_id, lang)}
        return {"text": text, "facts": copy.deepcopy(facts)}

    def reset_clause(self, clause_id: str, lang: str) -> bool:
        """Back to the type's text of a clause in ``lang`` (one undoable step)."""
        return self.set_value(CLAUSE + clause_id, None, lang, mergeable=False,
                              text=tr("undo.reset", field=self._label(CLAUSE + clause_id)))

    def set_switch(self, key: str, value) -> bool:
        """An optional clause on/off (bool), or a choice's variant (clause id, or False: none)."""
        return self.set_value(SWITCH + key, value, mergeable=False)

    def add_free(self, after: str) -> str:
        """A new free paragraph after clause ``after`` ("" = first), empty in every language;
        its id."""
        blocks = copy.deepcopy(self.draft.free)
        new_id = self.draft.new_free_id()
        position = len(blocks)
        for i, block in enumerate(blocks):  # after the last paragraph already placed there
            if block.get("after", "") == after:
                position = i + 1
        if not any(b.get("after", "") == after for b in blocks):
            position = len(blocks)
        blocks.insert(position, {"id": new_id, "after": after, "text": {lang: "" for lang in self.languages}})
        self.set_value(FREE_LIST, blocks, mergeable=False, text=tr("undo.add_paragraph"))
        return new_id

    def remove_free(self, block_id: str) -> bool:
        blocks = [b for b in copy.deepcopy(self.draft.free) if b.get("id") != block_id]
        return self.set_value(FREE_LIST, blocks, mergeable=False, text=tr("undo.remove_paragraph"))

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
        value = copy.deepcopy(value)
        if name.startswith(CLAUSE):
            own = self.draft.overrides.setdefault(lang or "", {})
            if value is None:
                own.pop(name[len(CLAUSE):], None)
            else:
                own[name[len(CLAUSE):]] = value
        elif name.startswith(FREE):
            block = self.draft.free_block(name[len(FREE):])
            if block is not None:
                block.setdefault("text", {})[lang or ""] = value or ""
                block.pop("from_clause", None)  # read and edited: CLAUSE002 has been heard
        elif name.startswith(SWITCH):
            if value is None:
                self.draft.clauses.pop(name[len(SWITCH):], None)
            else:
                self.draft.clauses[name[len(SWITCH):]] = value
        elif name == FREE_LIST:
            self.draft.free[:] = value
        elif lang:
            self.draft.languages.setdefault(lang, {})[name] = value
        else:
            self.draft.fields[name] = value
        self.revision += 1
        self.valueChanged.emit(lang or "", name)


def _ui_lang() -> str:
    return language()
