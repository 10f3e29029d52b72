"""The window's commands as data, and one adapter that makes QActions of them.

``ACTIONS`` lists every command once: a stable id (tests trigger ``window.actions["file.save"]``),
the i18n key of its title, a shortcut, its menu, an icon, the window method it calls and *when it
is enabled* (a name from ``CONDITIONS``, a predicate over the window's state). ``ActionRegistry``
turns each row into a QAction, retitles them when the interface language changes and re-evaluates
every enablement in ``update_enabled`` — the window never enables an action by hand.

The export commands are not written here: one row per format of the core's format registry
(``core.outputs.formats.FORMATS``) is added by ``export_specs``.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from PySide6.QtGui import QAction, QIcon, QKeySequence
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QProxyStyle, QStyle, QStyleOptionMenuItem, QWidget

from circular_studio.core.outputs.formats import FORMATS
from circular_studio.core.resources import resources_dir
from .i18n import plain, tr

SK = QKeySequence.StandardKey
SP = QStyle.StandardPixmap


@dataclass(frozen=True)
class ActionSpec:
    id: str
    title: str  # i18n key; ``title_args`` fill its {placeholders}
    callback: str | Callable | None  # a method name of the window, or a callable
    shortcut: QKeySequence.StandardKey | str | None = None
    menu: str | None = "file"  # i18n key suffix of the menu: menu.<menu>; None: no menu
    icon: QStyle.StandardPixmap | str | None = None  # a standard pixmap or a themed icon name
    checkable: bool = False
    separator_before: bool = False
    enabled: str | None = None  # a key of CONDITIONS; None: always enabled
    args: tuple = ()  # passed to the callback
    title_args: tuple = ()  # (name, value) pairs for the title's placeholders
    context: str | None = None  # "window" (default) or "widget": a shortcut only inside its widget


def _draft(w) -> bool:
    return w.model is not None


def _checking(w) -> bool:
    return w.check_path is not None


def _has_fix(w) -> bool:
    return any(f.fix is not None for f in w.findings)


#: when an action is enabled: predicates over the window's state
CONDITIONS: dict[str, Callable] = {
    "draft": _draft,
    "letter": lambda w: _draft(w) or _checking(w),
    "draft_fixable": lambda w: _draft(w) and _has_fix(w),
    "draft_idle": lambda w: _draft(w) and w._export_job is None,
    "draft_multilingual_idle": lambda w: _draft(w) and w._export_job is None and len(w.model.languages) > 1,
    "correctable": lambda w: (_checking(w) and Path(w.check_path).suffix.lower() in w.CORRECTABLE_SUFFIXES
                              and _has_fix(w)),
    # a letter (or language versions) of which at least one is a .docx to annotate
    "annotatable": lambda w: _checking(w) and any(
        Path(p).suffix.lower() == ".docx" for p in [w.check_path] + [p for p, _d in w.check_view.others]),
}


ACTIONS: list[ActionSpec] = [
    ActionSpec("file.new", "action.new", "new_letter", SK.New, "file", "document-new"),
    ActionSpec("file.open", "action.open", "open_dialog", SK.Open, "file", "document-open"),
    ActionSpec("file.check_letter", "action.check_letter", "check_letter_dialog", "Ctrl+Shift+K", "file",
               "check-letter"),
    ActionSpec("file.check_versions", "action.check_versions", "check_versions_dialog", None, "file"),
    ActionSpec("file.save", "action.save", "save", SK.Save, "file", "document-save",
               separator_before=True, enabled="draft"),
    ActionSpec("file.save_as", "action.save_as", "save_as", SK.SaveAs, "file", enabled="draft"),
    ActionSpec("file.save_corrected", "action.save_corrected", "save_corrected_dialog", None, "file",
               enabled="correctable"),
    ActionSpec("file.write_annotated", "action.write_annotated", "write_annotated_dialog", None, "file",
               enabled="annotatable"),
    # File ▸ Export … rows come from the format registry (export_specs), here
    ActionSpec("file.print", "action.print", "print_letter", SK.Print, "file", "document-print",
               separator_before=True, enabled="letter"),
    ActionSpec("file.close", "action.close_window", "close_letter", SK.Close, "file", separator_before=True),
    ActionSpec("file.quit", "action.quit", "quit_app", SK.Quit, "file"),
    ActionSpec("edit.undo", "action.undo", "undo", SK.Undo, "edit", "edit-undo"),
    ActionSpec("edit.redo", "action.redo", "redo", SK.Redo, "edit", "edit-redo"),
    ActionSpec("edit.cut", "action.cut", "edit_cut", SK.Cut, "edit", separator_before=True),
    ActionSpec("edit.copy", "action.copy", "edit_copy", SK.Copy, "edit"),
    ActionSpec("edit.paste", "action.paste", "edit_paste", SK.Paste, "edit"),
    ActionSpec("edit.select_all", "action.select_all", "edit_select_all", SK.SelectAll, "edit"),
    ActionSpec("edit.find", "action.find", "show_find", SK.Find, "edit", separator_before=True,
               enabled="draft"),
    ActionSpec("edit.replace", "action.replace", "show_replace", "Ctrl+H", "edit", enabled="draft"),
    ActionSpec("view.side_by_side", "action.side_by_side", "set_side_by_side", "Ctrl+\\", "view",
               checkable=True),
    ActionSpec("view.findings", "action.findings", "set_findings_visible", "F8", "view", checkable=True),
    ActionSpec("view.zoom_in", "action.zoom_in", "zoom_in", SK.ZoomIn, "view", separator_before=True,
               enabled="letter"),
    ActionSpec("view.zoom_out", "action.zoom_out", "zoom_out", SK.ZoomOut, "view", enabled="letter"),
    ActionSpec("view.fit_width", "action.fit_width", "fit_width", "Ctrl+0", "view", enabled="letter"),
    ActionSpec("letter.next_finding", "action.next_finding", "next_finding", "F2", "letter",
               "go-next-finding", enabled="letter"),
    ActionSpec("letter.apply_fix", "action.apply_fix", "apply_current_fix", "Ctrl+.", "letter",
               "apply-fix", enabled="draft_fixable"),
    ActionSpec("letter.series", "action.series", "show_series", "Ctrl+Shift+L", "letter", enabled="draft"),
    ActionSpec("letter.recheck", "action.recheck", "recheck", SK.Refresh, "letter", "view-refresh",
               enabled="letter"),
    ActionSpec("help.guide", "action.guide", "show_guide", SK.HelpContents, "help"),
    ActionSpec("help.checks", "action.check_catalogue", "show_check_catalogue", None, "help"),
    ActionSpec("help.about", "action.about", "about", None, "help", separator_before=True),
]

#: the shortcuts of the export rows, by format id (a format without one has none)
EXPORT_SHORTCUTS = {"docx": "Ctrl+E", "pdf": "Ctrl+Shift+E"}


def export_specs() -> list[ActionSpec]:
    """One File ▸ Export row per format the core offers to the editor, and one "Export All
    Languages" row per format."""
    specs = []
    for i, fmt in enumerate(f for f in FORMATS.values() if f.menu):
        specs.append(ActionSpec(f"file.export_{fmt.id}", "action.export_format", "export",
                                EXPORT_SHORTCUTS.get(fmt.id), "file",
                                "document-export" if i == 0 else None, separator_before=i == 0,
                                enabled="draft_idle", args=(fmt.id,),
                                title_args=(("name", fmt.id.upper()),)))
    for fmt in (f for f in FORMATS.values() if f.menu):
        specs.append(ActionSpec(f"file.export_all_{fmt.id}", "action.export_all_format", "export_all_languages",
                                None, "file", separator_before=fmt is next(f for f in FORMATS.values() if f.menu),
                                enabled="draft_multilingual_idle", args=(fmt.id,),
                                title_args=(("name", fmt.id.upper()),)))
    return specs


def all_specs() -> list[ActionSpec]:
    """ACTIONS with the export rows in their place (after Save a Corrected Copy)."""
    rows = list(ACTIONS)
    at = next(i for i, s in enumerate(rows) if s.id == "file.save_corrected") + 1
    return rows[:at] + export_specs() + rows[at:]


class ActionRegistry:
    """The adapter: QActions made from specs, kept by id, retitled and enabled from the table."""

    def __init__(self, parent: QWidget):
        self.parent = parent
        self.specs: dict[str, ActionSpec] = {}
        self.actions: dict[str, QAction] = {}

    def add_all(self, specs: list[ActionSpec]) -> None:
        for spec in specs:
            self.add(spec)

    def _callback(self, spec: ActionSpec) -> Callable | None:
        cb = spec.callback
        if cb is None:
            return None
        if isinstance(cb, str):
            method = getattr(self.parent, cb)
            return (lambda *a: method(*spec.args, *a)) if spec.args else method
        return (lambda *a: cb(*spec.args, *a)) if spec.args else cb

    def add(self, spec: ActionSpec) -> QAction:
        action = QAction(self.parent)
        action.setObjectName(spec.id)
        if spec.shortcut is not None:
            if isinstance(spec.shortcut, QKeySequence.StandardKey):
                action.setShortcuts(spec.shortcut)
            else:
                action.setShortcut(QKeySequence(spec.shortcut))
        if spec.icon is not None:
            action.setIcon(icon(self.parent, spec.icon))
        action.setCheckable(spec.checkable)
        callback = self._callback(spec)
        if callback is not None:
            if spec.checkable:
                action.toggled.connect(callback)
            else:
                action.triggered.connect(lambda _checked=False, cb=callback: cb())
        self.specs[spec.id] = spec
        self.actions[spec.id] = action
        self._retitle(spec, action)
        return action

    def _retitle(self, spec: ActionSpec, action: QAction) -> None:
        title = tr(spec.title, **dict(spec.title_args))
        action.setText(title)
        tip = plain(title).rstrip("…")
        if not action.shortcut().isEmpty():
            tip += f" ({ltr(action.shortcut().toString(QKeySequence.SequenceFormat.NativeText))})"
        action.setToolTip(tip)
        action.setStatusTip(plain(title).rstrip("…"))

    def retranslate(self) -> None:
        for action_id, action in self.actions.items():
            self._retitle(self.specs[action_id], action)

    def update_enabled(self, window) -> None:
        """Enable each action whose condition holds for ``window`` now."""
        for action_id, spec in self.specs.items():
            if spec.enabled is not None:
                self.actions[action_id].setEnabled(bool(CONDITIONS[spec.enabled](window)))

    def by_menu(self, menu: str) -> list[tuple[ActionSpec, QAction]]:
        return [(s, self.actions[i]) for i, s in self.specs.items() if s.menu == menu]

    def __getitem__(self, action_id: str) -> QAction:
        return self.actions[action_id]

    def __contains__(self, action_id: str) -> bool:
        return action_id in self.actions


def ltr(text: str) -> str:
    """``text`` isolated left to right (LRI…PDI): "Ctrl+." stays "Ctrl+." in an Arabic line
    instead of showing as ".+Ctrl"."""
    return f"\u2066{text}\u2069"


class ShortcutStyle(QProxyStyle):
    """Menus draw each item's shortcut isolated left to right, so that a right-to-left interface
    shows "Ctrl+." and "Ctrl+\\" as written, not mirrored."""

    def drawControl(self, element, option, painter, widget=None):  # noqa: N802 - Qt's name
        if (element == QStyle.ControlElement.CE_MenuItem and isinstance(option, QStyleOptionMenuItem)
                and "\t" in option.text and option.direction == Qt.LayoutDirection.RightToLeft):
            label, _, keys = option.text.partition("\t")
            option = QStyleOptionMenuItem(option)
            option.text = f"{label}\t{ltr(keys)}"
        super().drawControl(element, option, painter, widget)


def icon(widget: QWidget, which: QStyle.StandardPixmap | str) -> QIcon:
    """A named icon from the desktop's theme, else the one shipped in resources/icons/actions
    (a system without an icon theme gets ours, not the style's generic arrows)."""
    if isinstance(which, str):
        return QIcon.fromTheme(which, QIcon(str(resources_dir() / "icons" / "actions" / f"{which}.svg")))
    return widget.style().standardIcon(which)
