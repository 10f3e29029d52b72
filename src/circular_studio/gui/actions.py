"""Actions declared once (stable id, title, shortcut, callback) and one adapter making QActions.

The main window lists its commands as ``ActionSpec`` rows; ``ActionRegistry`` turns each into a
QAction, keeps them by id (tests trigger ``window.actions["file.save"]``) and retitles them when
the interface language changes.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from PySide6.QtGui import QAction, QIcon, QKeySequence
from PySide6.QtWidgets import QStyle, QWidget

from .i18n import plain, tr


@dataclass(frozen=True)
class ActionSpec:
    id: str
    title: str  # i18n key
    callback: Callable | None
    shortcut: QKeySequence.StandardKey | str | None = None
    menu: str = "file"  # i18n key suffix of the menu: menu.<menu>
    icon: QStyle.StandardPixmap | None = None
    checkable: bool = False
    separator_before: bool = False


class ActionRegistry:
    def __init__(self, parent: QWidget):
        self.parent = parent
        self.specs: dict[str, ActionSpec] = {}
        self.actions: dict[str, QAction] = {}

    def add(self, spec: ActionSpec) -> QAction:
        action = QAction(self.parent)
        action.setObjectName(spec.id)
        if spec.shortcut is not None:
            if isinstance(spec.shortcut, QKeySequence.StandardKey):
                action.setShortcuts(spec.shortcut)
            else:
                action.setShortcut(QKeySequence(spec.shortcut))
        if spec.icon is not None:
            action.setIcon(self.parent.style().standardIcon(spec.icon))
        action.setCheckable(spec.checkable)
        if spec.callback is not None:
            if spec.checkable:
                action.toggled.connect(spec.callback)
            else:
                action.triggered.connect(lambda _checked=False, cb=spec.callback: cb())
        self.specs[spec.id] = spec
        self.actions[spec.id] = action
        self._retitle(spec, action)
        return action

    def _retitle(self, spec: ActionSpec, action: QAction) -> None:
        title = tr(spec.title)
        action.setText(title)
        tip = plain(title).rstrip("…")
        if not action.shortcut().isEmpty():
            tip += f" ({action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)})"
        action.setToolTip(tip)
        action.setStatusTip(plain(title).rstrip("…"))

    def retranslate(self) -> None:
        for action_id, action in self.actions.items():
            self._retitle(self.specs[action_id], action)

    def by_menu(self, menu: str) -> list[tuple[ActionSpec, QAction]]:
        return [(s, self.actions[i]) for i, s in self.specs.items() if s.menu == menu]

    def __getitem__(self, action_id: str) -> QAction:
        return self.actions[action_id]

    def __contains__(self, action_id: str) -> bool:
        return action_id in self.actions


def icon(widget: QWidget, pixmap: QStyle.StandardPixmap) -> QIcon:
    return widget.style().standardIcon(pixmap)
