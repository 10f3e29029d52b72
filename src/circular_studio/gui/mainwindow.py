"""The main window: form on the left, page preview(s) on the right, findings below.

One draft per window. Edits go through the DraftModel's QUndoStack; the preview is rebuilt
150 ms after the last edit (``previewUpdated`` is emitted then), the checks shortly after.

A letter drafted elsewhere (.docx, .md, .txt: File ▸ Check a Letter…, a drop on the window, or
``circular-studio letter.docx``) opens in the *check view* instead: read-only, its text on pages
exactly as read, its findings below; Check Again re-reads the file from disk.

Two parts live in their own modules, mixed into ``MainWindow``: the check view
(``check_view.CheckViewMixin``) and export to .docx/.pdf (``export_flow.ExportFlowMixin``).
"""
from __future__ import annotations

import os
import time

import shiboken6
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QSignalBlocker, QSize, Qt, QTimer, QTranslator, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (QApplication, QDockWidget, QFileDialog, QLabel, QListWidget,
                               QMainWindow, QMessageBox, QPushButton, QSplitter, QStackedWidget,
                               QStyle, QToolBar, QVBoxLayout, QWidget)

from circular_studio import __version__
from circular_studio.core.model import draft as draft_io
from circular_studio.core.document import Document
from circular_studio.core.model.draft import Draft
from circular_studio.core.errors import StudioError
from circular_studio.core.checks.status import BUILD_FAILED, CHECKER_FAILED
from circular_studio.core.outputs.html_preview import Highlight
from circular_studio.core.model.lettertypes import letter_type, letter_types
from circular_studio.core.resources import examples_dir
from . import fixes, i18n, services
from .actions import ActionRegistry, ActionSpec
from .autosave import Autosaver
from .check_view import CORRECTABLE_SUFFIXES, LETTER_SUFFIXES, CheckViewMixin
from .dialogs import MessageBar, NewDialog
from .export_flow import ExportFlowMixin
from .findings import FindingsPanel
from .form import FormWidget
from .i18n import plain, tr
from .model import DISABLED_CHECKS, DraftModel
from .preview import PreviewPane
from .settings import Settings

PREVIEW_DELAY_MS = 150
CHECK_DELAY_MS = 250
SP = QStyle.StandardPixmap
MENUS = ("file", "edit", "view", "letter", "settings", "help")


class MainWindow(CheckViewMixin, ExportFlowMixin, QMainWindow):
    previewUpdated = Signal(str)  # the language shown in the main preview
    findingsUpdated = Signal(int)  # how many findings
    exportFinished = Signal(str)  # the written path
    exportFailed = Signal(str)
    draftLoaded = Signal(str)

    def __init__(self, settings: Settings | None = None, app_windows: list | None = None):
        super().__init__()
        self.setObjectName("main-window")
        self.settings = settings or Settings.load()
        self.app_windows = app_windows if app_windows is not None else []
        self.model: DraftModel | None = None
        self.form: FormWidget | None = None
        self.docs: dict[str, Document] = {}
        self.doc_revisions: dict[str, int] = {}  # the model revision each doc was built from
        self.findings: list[services.UiFinding] = []
        self.highlight: tuple[str, Highlight] | None = None
        self.preview_ms = 0.0
        self._closing = False
        self._editor_balanced = False  # the form/preview split is set once, then left to the user
        self._init_check_view()  # check_path etc.: a letter read from a file (None while editing a draft)

        self.registry = ActionRegistry(self)
        self.actions = self.registry.actions
        self._declare_actions()

        # central area: message bar above a stack (welcome page | editor)
        self.message_bar = MessageBar(self)
        self.stack = QStackedWidget(self)
        self.welcome = self._make_welcome()
        self.stack.addWidget(self.welcome)
        self.editor = QSplitter(Qt.Orientation.Horizontal, self)
        self.editor.setObjectName("editor-splitter")
        self.form_holder = QWidget(self.editor)
        self.form_layout = QVBoxLayout(self.form_holder)
        self.form_layout.setContentsMargins(0, 0, 0, 0)
        self.previews = QSplitter(Qt.Orientation.Horizontal, self.editor)
        self.preview = PreviewPane("preview", self.previews)
        self.preview2 = PreviewPane("preview2", self.previews)
        self.preview2.retranslate("a11y.second_language")
        self.preview2.setVisible(self.settings.side_by_side)
        self.editor.addWidget(self.form_holder)
        self.editor.addWidget(self.previews)
        self.editor.setStretchFactor(0, 2)
        self.editor.setStretchFactor(1, 3)
        self.stack.addWidget(self.editor)
        self._build_check_page()
        central = QWidget(self)
        lay = QVBoxLayout(central)
        lay.setContentsMargins(4, 4, 4, 0)
        lay.addWidget(self.message_bar)
        lay.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.findings_panel = FindingsPanel(self)
        self.findings_dock = QDockWidget(self)
        self.findings_dock.setObjectName("findings-dock")
        self.findings_dock.setWidget(self.findings_panel)
        self.findings_dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                                       | QDockWidget.DockWidgetFeature.DockWidgetClosable)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.findings_dock)
        self.findings_panel.findingActivated.connect(self.go_to_finding)
        self.findings_panel.fixRequested.connect(self.apply_fix)
        self.findings_panel.disableRequested.connect(self.disable_check)
        self.findings_dock.visibilityChanged.connect(
            lambda visible: self.actions["view.findings"].setChecked(visible) if not self._closing else None)

        self._build_export_progress()
        self.findings_label = QLabel(self)
        self.statusBar().addPermanentWidget(self.findings_label)

        self._preview_timer = QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.setInterval(PREVIEW_DELAY_MS)
        self._preview_timer.timeout.connect(self.update_preview)
        self._check_timer = QTimer(self)
        self._check_timer.setSingleShot(True)
        self._check_timer.setInterval(CHECK_DELAY_MS)
        self._check_timer.timeout.connect(self.run_checks)

        self.autosaver = Autosaver(self, self.settings.autosave_seconds)
        self.preview.languageChanged.connect(self._on_preview_language)
        self.preview2.languageChanged.connect(lambda _l: self.schedule_preview(0))

        self._build_menus()
        self._build_toolbar()
        self.retranslate()
        self.resize(1280, 820)
        self.resizeDocks([self.findings_dock], [170], Qt.Orientation.Vertical)
        if self.settings.geometry:
            self.restoreGeometry(self.settings.geometry)
        self._update_enabled()

    # ------------------------------------------------------------------ actions and menus
    def _declare_actions(self) -> None:
        SK = QKeySequence.StandardKey
        specs = [
            ActionSpec("file.new", "action.new", self.new_letter, SK.New, "file", SP.SP_FileIcon),
            ActionSpec("file.open", "action.open", self.open_dialog, SK.Open, "file", SP.SP_DialogOpenButton),
            ActionSpec("file.check_letter", "action.check_letter", self.check_letter_dialog, "Ctrl+Shift+K",
                       "file", SP.SP_FileDialogContentsView),
            ActionSpec("file.save", "action.save", self.save, SK.Save, "file", SP.SP_DialogSaveButton,
                       separator_before=True),
            ActionSpec("file.save_as", "action.save_as", self.save_as, SK.SaveAs, "file"),
            ActionSpec("file.save_corrected", "action.save_corrected", self.save_corrected_dialog, None,
                       "file"),
            ActionSpec("file.export_docx", "action.export_docx", lambda: self.export("docx"), "Ctrl+E",
                       "file", SP.SP_ArrowDown, separator_before=True),
            ActionSpec("file.export_pdf", "action.export_pdf", lambda: self.export("pdf"), "Ctrl+Shift+E",
                       "file"),
            ActionSpec("file.close", "action.close_window", self.close, SK.Close, "file",
                       separator_before=True),
            ActionSpec("file.quit", "action.quit", self.quit_app, SK.Quit, "file"),
            ActionSpec("edit.undo", "action.undo", self.undo, SK.Undo, "edit", SP.SP_ArrowBack),
            ActionSpec("edit.redo", "action.redo", self.redo, SK.Redo, "edit", SP.SP_ArrowForward),
            ActionSpec("view.side_by_side", "action.side_by_side", self.set_side_by_side, "Ctrl+\\",
                       "view", checkable=True),
            ActionSpec("view.findings", "action.findings", self.set_findings_visible, "F8", "view",
                       checkable=True),
            ActionSpec("letter.next_finding", "action.next_finding", self.next_finding, "F2", "letter",
                       SP.SP_MessageBoxWarning),
            ActionSpec("letter.apply_fix", "action.apply_fix", self.apply_current_fix, "Ctrl+.",
                       "letter", SP.SP_DialogApplyButton),
            ActionSpec("letter.recheck", "action.recheck", self.recheck, SK.Refresh, "letter",
                       SP.SP_BrowserReload),
            ActionSpec("help.about", "action.about", self.about, None, "help"),
        ]
        for spec in specs:
            self.registry.add(spec)
        # the panes do not exist yet: no toggled() now (set_side_by_side would fail)
        for action_id, on in (("view.side_by_side", self.settings.side_by_side), ("view.findings", True)):
            blocker = QSignalBlocker(self.actions[action_id])
            self.actions[action_id].setChecked(on)
            blocker.unblock()
        self.lang_group = QActionGroup(self)
        self.lang_actions: dict[str, QAction] = {}
        for code, name in i18n.LANGUAGES.items():
            action = QAction(name, self)
            action.setObjectName(f"settings.language.{code}")
            action.setCheckable(True)
            action.setChecked(code == self.settings.interface_language)
            action.triggered.connect(lambda _c=False, c=code: self.set_interface_language(c))
            self.lang_group.addAction(action)
            self.lang_actions[code] = action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.menus = {}
        for key in MENUS:
            menu = bar.addMenu("")
            menu.setObjectName(f"menu-{key}")
            self.menus[key] = menu
            for spec, action in self.registry.by_menu(key):
                if spec.separator_before:
                    menu.addSeparator()
                menu.addAction(action)
                if spec.id == "file.open":
                    self.recent_menu = menu.addMenu("")
                    self.recent_menu.setObjectName("menu-recent")
                    self.recent_menu.aboutToShow.connect(self._fill_recent)
                    self.examples_menu = menu.addMenu("")
                    self.examples_menu.setObjectName("menu-examples")
                    self.examples_menu.aboutToShow.connect(self._fill_examples)
        self.language_menu = self.menus["settings"].addMenu("")
        for action in self.lang_actions.values():
            self.language_menu.addAction(action)

    def _build_toolbar(self) -> None:
        tb = QToolBar(self)
        tb.setObjectName("main-toolbar")
        tb.setIconSize(QSize(18, 18))
        for action_id in ("file.new", "file.open", "file.check_letter", "file.save", None, "edit.undo",
                          "edit.redo", None, "file.export_docx", None, "letter.recheck",
                          "letter.next_finding", "letter.apply_fix"):
            if action_id is None:
                tb.addSeparator()
            else:
                tb.addAction(self.actions[action_id])
        self.addToolBar(tb)
        self.toolbar = tb

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        files = [p for p in self.settings.recent_files if p]
        if not files:
            a = self.recent_menu.addAction(tr("menu.recent.empty"))
            a.setEnabled(False)
            return
        for i, path in enumerate(files, 1):
            a = self.recent_menu.addAction(f"&{i % 10} {Path(path).name}  —  {Path(path).parent}")
            a.triggered.connect(lambda _c=False, p=path: self.open_path(p))

    def _fill_examples(self) -> None:
        self.examples_menu.clear()
        for path in sorted(examples_dir().glob("*.json")):
            a = self.examples_menu.addAction(path.stem)
            a.triggered.connect(lambda _c=False, p=path: self.open_example(p))

    def open_example(self, path) -> bool:
        """Open a bundled example as an untitled copy: saving asks where, the example stays intact."""
        if not self.maybe_save():
            return False
        try:
            draft = draft_io.load(path)
        except StudioError as exc:
            self.show_error(tr("open.error.title"), str(exc))
            return False
        draft.path = None
        return self.set_draft(draft, modified=True)

    def retranslate(self) -> None:
        self.registry.retranslate()
        for key, menu in self.menus.items():
            menu.setTitle(tr(f"menu.{key}"))
        self.recent_menu.setTitle(tr("menu.recent"))
        self.examples_menu.setTitle(tr("menu.examples"))
        self.language_menu.setTitle(tr("menu.interface_language"))
        self.findings_dock.setWindowTitle(tr("findings.title"))
        self.progress.setAccessibleName(tr("a11y.export_progress"))
        self.findings_panel.retranslate()
        self.preview.retranslate("a11y.preview_language")
        self.preview2.retranslate("a11y.second_language")
        self.check_preview.retranslate("a11y.preview_language")
        self._update_check_banner()
        self.toolbar.setWindowTitle(plain(tr("menu.file")))
        self._retranslate_welcome()
        self._update_undo_titles()
        self._update_title()
        self._update_findings_label()

    def _make_welcome(self) -> QWidget:
        page = QWidget(self)
        page.setObjectName("welcome")
        lay = QVBoxLayout(page)
        lay.addStretch(1)
        self.welcome_label = QLabel(page)
        self.welcome_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.welcome_label.setWordWrap(True)
        self.welcome_new = QPushButton(page)
        self.welcome_new.clicked.connect(self.new_letter)
        self.welcome_open = QPushButton(page)
        self.welcome_open.clicked.connect(self.open_dialog)
        self.welcome_check = QPushButton(page)
        self.welcome_check.setObjectName("welcome-check")
        self.welcome_check.clicked.connect(self.check_letter_dialog)
        self.welcome_recent = QListWidget(page)
        self.welcome_recent.setMaximumHeight(160)
        self.welcome_recent.itemActivated.connect(lambda item: self.open_path(item.data(Qt.ItemDataRole.UserRole)))
        # the label spans the page (centred text): squeezed to its hint, a wrapped label loses lines
        lay.addWidget(self.welcome_label)
        for w in (self.welcome_new, self.welcome_open, self.welcome_check, self.welcome_recent):
            lay.addWidget(w, 0, Qt.AlignmentFlag.AlignHCenter)
        lay.addStretch(2)
        return page

    def _retranslate_welcome(self) -> None:
        self.welcome_label.setText(f"<h2>{tr('app.title')}</h2><p>{tr('status.welcome')}</p>")
        self.welcome_new.setText(plain(tr("action.new")))
        self.welcome_open.setText(plain(tr("action.open")))
        self.welcome_check.setText(plain(tr("action.check_letter")))
        self.welcome_recent.clear()
        for path in self.settings.recent_files:
            self.welcome_recent.addItem(Path(path).name)
            self.welcome_recent.item(self.welcome_recent.count() - 1).setData(Qt.ItemDataRole.UserRole, path)
            self.welcome_recent.item(self.welcome_recent.count() - 1).setToolTip(path)
        self.welcome_recent.setAccessibleName(plain(tr("menu.recent")))
        self.welcome_recent.setVisible(bool(self.settings.recent_files))

    # ------------------------------------------------------------------ draft lifecycle
    def set_draft(self, draft: Draft, modified: bool = False) -> bool:
        """Show ``draft`` in this window (replacing the current one, already confirmed)."""
        try:
            lt = letter_type(draft.letter_type)
        except StudioError as exc:
            self.show_error(tr("open.error.title"), str(exc))
            return False
        if self.model is not None:
            self.model.deleteLater()
        if self.form is not None:
            self.form.deleteLater()
        self.autosaver.clear()
        self._leave_check_view()
        self.model = DraftModel(draft, lt, self, modified=modified)
        self.model.valueChanged.connect(self._on_value_changed)
        self.model.modifiedChanged.connect(lambda _m: self._update_title())
        self.model.undo_stack.indexChanged.connect(lambda _i: self._update_undo_titles())
        self.model.undo_stack.canUndoChanged.connect(lambda _c: self._update_undo_titles())
        self.model.undo_stack.canRedoChanged.connect(lambda _c: self._update_undo_titles())
        self._build_form()
        self.docs, self.doc_revisions, self.findings, self.highlight = {}, {}, [], None
        self.findings_panel.set_findings([])
        langs = self.model.languages
        first = next((l for l in langs if l == "ar"), langs[0]) if langs else None  # noqa: E741
        self.preview.set_languages(langs, first)
        second = next((l for l in langs if l != first), first)  # noqa: E741
        self.preview2.set_languages(langs, second)
        self.stack.setCurrentWidget(self.editor)
        self._balance_editor()
        self.message_bar.hide()
        if draft.notices:
            self.show_message("; ".join(draft.notices), "warning")
        self._update_title()
        self._update_undo_titles()
        self._update_enabled()
        if modified:
            self.autosaver.schedule()
        self.update_preview(check_now=True)
        self.draftLoaded.emit(str(draft.path or ""))
        return True

    def _build_form(self) -> None:
        if self.form is not None:
            self.form.setParent(None)
            self.form.deleteLater()
        self.form = FormWidget(self.model, self.form_holder)
        self.form_layout.addWidget(self.form)
        self.form.languageActivated.connect(self._on_form_language)

    def _on_form_language(self, lang: str) -> None:
        """A language tab chosen in the form: show that version, unless it is already shown in
        the side-by-side pane (two panes showing the same language help nobody)."""
        if self.preview2.isVisible() and self.preview2.language() == lang:
            return
        self.preview.set_language(lang)

    def _balance_editor(self) -> None:
        """Give the form two fifths of the editor the first time it is shown in this window. The
        splitter is first laid out while the welcome page is on top and the form is empty, which
        would leave the form a sliver or the page too small, depending on what was opened."""
        if self._editor_balanced or not self.isVisible() or self.stack.currentWidget() is not self.editor:
            return
        total = sum(self.editor.sizes())
        if total <= 0:
            return
        form = total * 2 // 5
        self.editor.setSizes([form, total - form])
        self._editor_balanced = True

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        QTimer.singleShot(0, self._balance_editor)  # a draft opened before the window was shown

    def _on_value_changed(self, _lang: str, name: str) -> None:
        self.highlight = None
        if name == DISABLED_CHECKS:  # no text changed: only the findings
            self._check_timer.start()
        else:
            self.schedule_preview()
        self.autosaver.schedule()

    def new_letter(self) -> bool:
        if not self.maybe_save():
            return False
        try:
            types = letter_types()
        except StudioError as exc:
            self.show_error(tr("new.title"), str(exc))
            return False
        dialog = NewDialog(types, self)
        self.new_dialog = dialog
        if dialog.exec() != NewDialog.DialogCode.Accepted:
            return False
        try:
            draft = types[dialog.chosen_type()].new_draft(dialog.chosen_languages())
        except (StudioError, KeyError) as exc:
            self.show_error(tr("new.title"), str(exc))
            return False
        return self.set_draft(draft, modified=True)

    def open_dialog(self) -> bool:
        if not self.maybe_save():
            return False
        start = self.settings.last_folder or str(Path.home())
        path, _ = QFileDialog.getOpenFileName(self, plain(tr("action.open")), start, tr("open.filter"))
        return self.open_path(path, confirmed=True) if path else False

    def open_path(self, path: str, confirmed: bool = False) -> bool:
        """Open a draft (.json) in the editor, or a letter drafted elsewhere (.docx, .md, .txt)
        in the read-only check view."""
        if Path(str(path)).suffix.lower() in LETTER_SUFFIXES:
            return self.open_letter(path, confirmed=confirmed)
        if not confirmed and not self.maybe_save():
            return False
        try:
            draft = draft_io.load(path)
            letter_type(draft.letter_type)
        except StudioError as exc:
            self.show_error(tr("open.error.title"), str(exc))
            return False
        if not self.set_draft(draft):
            return False
        self.model.mark_saved()
        self._remember(path)
        return True

    def _leave_draft(self) -> None:
        """Drop the draft being edited (already saved or discarded by the caller)."""
        self._preview_timer.stop()
        self._check_timer.stop()
        self.autosaver.clear()
        if self.form is not None:
            self.form.setParent(None)
            self.form.deleteLater()
            self.form = None
        if self.model is not None:
            self.model.deleteLater()
            self.model = None
        self.docs, self.doc_revisions = {}, {}

    def disable_check(self, finding: services.UiFinding) -> bool:
        """Context menu "Disable this check for this letter": into the draft's disabled_checks
        as an undoable step; for a checked letter, ignored until the letter is closed."""
        code = finding.code.upper()
        if self.model is not None:
            if not self.model.disable_check(code):
                return False
            self.highlight = None
            self._preview_timer.stop()
            self.update_preview(check_now=True)
            return True
        if self.check_path is not None:
            return self._ignore_check(code)
        return False

    def _remember(self, path) -> None:
        self.settings.add_recent(str(path))
        self.settings.last_folder = str(Path(path).resolve().parent)
        self.settings.save()
        self._retranslate_welcome()

    def save(self) -> bool:
        if self.model is None:
            return False
        if self.model.draft.path is None:
            return self.save_as()
        return self.save_to(self.model.draft.path)

    def save_as(self) -> bool:
        if self.model is None:
            return False
        current = self.model.draft.path
        start = str(current) if current else os.path.join(self.settings.last_folder or str(Path.home()),
                                                           f"{self.model.draft.letter_type}.json")
        path, _ = QFileDialog.getSaveFileName(self, plain(tr("action.save_as")), start, tr("open.filter"))
        if not path:
            return False
        if not path.lower().endswith(".json"):
            path += ".json"
        return self.save_to(path)

    def save_to(self, path) -> bool:
        try:
            draft_io.save(self.model.draft, path)
        except (OSError, StudioError) as exc:
            self.autosaver.save_now()
            reason = getattr(exc, "strerror", None) or str(exc)
            message = tr("save.error.text", path=path, error=reason)
            self.show_error(tr("save.error.title"), message)
            return False
        self.model.mark_saved()
        self.autosaver.clear()
        self._remember(path)
        self.statusBar().showMessage(tr("saved", path=path), 4000)
        self._update_title()
        return True

    def maybe_save(self) -> bool:
        """Ask before losing unsaved changes. True when it is fine to go on."""
        if self.model is None or not self.model.modified:
            return True
        name = self._display_name()
        answer = QMessageBox.question(
            self, tr("unsaved.title"), tr("unsaved.text", name=name),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Save)
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        if answer == QMessageBox.StandardButton.Discard:
            self.autosaver.clear()
            return True
        return False

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        if not self.maybe_save():
            event.ignore()
            return
        self._closing = True
        self._preview_timer.stop()
        self._check_timer.stop()
        self.autosaver.clear()
        self.settings.geometry = bytes(self.saveGeometry())
        self.settings.save()
        if self in self.app_windows:
            self.app_windows.remove(self)
        event.accept()

    def quit_app(self) -> None:
        for window in list(self.app_windows) or [self]:
            if not window.close():
                return
        QApplication.quit()

    # ------------------------------------------------------------------ undo / redo
    def undo(self) -> None:
        if self.model is not None:
            self.model.undo_stack.undo()

    def redo(self) -> None:
        if self.model is not None:
            self.model.undo_stack.redo()

    def _update_undo_titles(self) -> None:
        stack = self.model.undo_stack if self.model else None
        if stack is not None and not shiboken6.isValid(stack):
            return  # the model is being torn down
        undo, redo = self.actions["edit.undo"], self.actions["edit.redo"]
        undo.setEnabled(bool(stack and stack.canUndo()))
        redo.setEnabled(bool(stack and stack.canRedo()))
        undo.setText(tr("action.undo_named", what=stack.undoText()) if stack and stack.canUndo() else tr("action.undo"))
        redo.setText(tr("action.redo_named", what=stack.redoText()) if stack and stack.canRedo() else tr("action.redo"))

    # ------------------------------------------------------------------ preview and checks
    def schedule_preview(self, delay: int | None = None) -> None:
        if delay is not None:
            self._preview_timer.setInterval(delay)
        self._preview_timer.start()
        self._preview_timer.setInterval(PREVIEW_DELAY_MS)

    def _on_preview_language(self, lang: str) -> None:
        self.schedule_preview(0)

    def visible_languages(self) -> list[str]:
        langs = [self.preview.language()]
        if self.preview2.isVisible() or self.settings.side_by_side:
            langs.append(self.preview2.language())
        return [l for l in dict.fromkeys(langs) if l]  # noqa: E741

    def update_preview(self, check_now: bool = False) -> None:
        """Rebuild the visible language versions and show them; then schedule the checks."""
        if self.model is None:
            if self.check_doc is not None:
                self._show_checked_letter(check_now)
            return
        start = time.perf_counter()
        for pane in (self.preview, self.preview2):
            if pane is self.preview2 and not (self.preview2.isVisible() or self.settings.side_by_side):
                continue
            lang = pane.language()
            if not lang:
                continue
            try:
                doc = services.build(self.model.draft, lang, strict=False)
            except StudioError as exc:
                pane.show_error(str(exc))
                self.docs.pop(lang, None)
                continue
            self.docs[lang] = doc
            self.doc_revisions[lang] = self.model.revision
            hl = self.highlight[1] if self.highlight and self.highlight[0] == lang else None
            pane.show_document(doc, hl)
        self.preview_ms = (time.perf_counter() - start) * 1000
        self.previewUpdated.emit(self.preview.language() or "")
        if check_now:
            self.run_checks()
        else:
            self._check_timer.start()

    def run_checks(self) -> None:
        if self.model is None:
            if self.check_path is not None:
                self._check_letter_now()
            return
        findings: list[services.UiFinding] = []
        for lang in self.model.languages:  # every version first: the checks compare them
            if self.docs.get(lang) is None or self.doc_revisions.get(lang) != self.model.revision:
                try:
                    self.docs[lang] = services.build(self.model.draft, lang, strict=False)
                    self.doc_revisions[lang] = self.model.revision
                except StudioError as exc:
                    findings.append(services.UiFinding(BUILD_FAILED, "error", str(exc), 0, 0, 0, "",
                                                       None, None, lang))
                    self.docs.pop(lang, None)
        for lang in self.model.languages:
            doc = self.docs.get(lang)
            if doc is None:
                continue
            try:
                findings.extend(services.check(doc, self.model.draft, lang, i18n.language(),
                                               versions=dict(self.docs)))
            except StudioError as exc:
                findings.append(services.UiFinding(CHECKER_FAILED, "error", str(exc), 0, 0, 0, "", None,
                                                   None, lang))
        self.findings = findings
        self.findings_panel.set_findings(findings)
        self._update_findings_label()
        self._update_enabled()
        self.findingsUpdated.emit(len(findings))

    def _update_findings_label(self) -> None:
        self.findings_panel.set_active(self.model is not None or self.check_path is not None)
        errors = sum(1 for f in self.findings if f.severity == "error")
        warnings = sum(1 for f in self.findings if f.severity == "warning")
        self.findings_label.setText(tr("findings.summary", errors=errors, warnings=warnings)
                                    if self.model or self.check_path else "")

    def go_to_finding(self, finding: services.UiFinding) -> None:
        """Focus the field the finding came from and highlight its text in the preview."""
        if self.model is None:
            if self.check_doc is not None:
                self.highlight = (finding.language, Highlight(finding.paragraph, finding.start, finding.end))
                self.update_preview(check_now=False)
            return
        lang = finding.language
        self.highlight = (lang, Highlight(finding.paragraph, finding.start, finding.end))
        if self.preview.language() != lang and self.preview2.language() != lang:
            self.preview.set_language(lang)
        if finding.field and self.form is not None:
            self.form.focus_field(finding.field, lang, finding.excerpt)
        self._preview_timer.stop()
        self.update_preview(check_now=False)

    def next_finding(self) -> None:
        self.findings_panel.select_next()

    def apply_current_fix(self) -> None:
        f = self.findings_panel.current_finding()
        if f is not None and f.fix is not None:
            self.apply_fix(f)

    def apply_fix(self, finding: services.UiFinding) -> bool:
        """Replace the finding's text in the draft field it came from, as one undoable step."""
        if self.model is None or finding.fix is None:
            return False
        field = finding.field
        doc = self.docs.get(finding.language)
        block = doc.blocks[finding.paragraph] if doc and 0 <= finding.paragraph < len(doc.blocks) else None
        if field is None and block is not None:
            field = block.field
        if block is not None:
            text, start, end = block.text, finding.start, finding.end
        else:  # the document is gone (language hidden): fall back on the excerpt alone
            text, start, end = finding.excerpt, 0, len(finding.excerpt)
        excerpt = text[start:end]
        lang = finding.language if self.model.is_translatable(field or "") else None
        value = self.model.value(field, lang) if field else None
        new_value = fixes.apply_fix(value, text, start, end, finding.fix) if field else None
        if new_value is None:
            self.show_message(tr("findings.cannot_fix", excerpt=excerpt), "warning")
            return False
        self.model.set_value(field, new_value, lang, mergeable=False,
                             text=tr("undo.fix", code=finding.code))
        self.highlight = None
        self._preview_timer.stop()
        self.update_preview(check_now=True)
        return True

    # ------------------------------------------------------------------ view and settings
    def set_side_by_side(self, on: bool) -> None:
        self.settings.side_by_side = bool(on)
        self.settings.save()
        self.preview2.setVisible(bool(on))
        self.schedule_preview(0)

    def set_findings_visible(self, on: bool) -> None:
        dock = getattr(self, "findings_dock", None)
        if dock is not None and not self._closing:
            dock.setVisible(bool(on))

    def set_interface_language(self, lang: str) -> None:
        self.settings.interface_language = lang
        self.settings.save()
        apply_interface_language(lang)
        self.lang_actions[lang].setChecked(True)
        for window in self.app_windows or [self]:
            window.retranslate()
            if window.model is not None:
                window._build_form()
                window.run_checks()
            elif window.check_path is not None:
                window.run_checks()
        self.statusBar().showMessage(tr("language.restart"), 3000)

    def about(self) -> None:
        QMessageBox.about(self, plain(tr("action.about")), tr("about.text", version=__version__))

    # ------------------------------------------------------------------ messages and state
    def show_error(self, title: str, message: str) -> None:
        """A modal box (the user must see it) and the same text kept in the message bar."""
        self.show_message(message, "error")
        QMessageBox.warning(self, title, message)

    def show_message(self, text: str, level: str = "info", actions=()) -> None:
        self.message_bar.show_message(text, level, actions)

    def _display_name(self) -> str:
        if self.model is None:
            return Path(self.check_path).name if self.check_path else ""
        path = self.model.draft.path
        return Path(path).name if path else tr("untitled")

    def _update_title(self) -> None:
        if self.model is None and self.check_path is not None:
            self.setWindowTitle(f"{self._display_name()} ({tr('check.read_only')}) — {tr('app.title')}")
            self.setWindowModified(False)
            return
        if self.model is None:
            self.setWindowTitle(tr("app.title"))
            self.setWindowModified(False)
            return
        self.setWindowTitle(f"{self._display_name()}[*] — {tr('app.title')}")
        self.setWindowModified(self.model.modified)

    def _update_enabled(self) -> None:
        has = self.model is not None
        checking = self.check_path is not None
        for action_id in ("file.save", "file.save_as"):
            self.actions[action_id].setEnabled(has)
        self.actions["letter.recheck"].setEnabled(has or checking)
        self.actions["letter.next_finding"].setEnabled(has or checking)
        self.actions["file.save_corrected"].setEnabled(
            checking and Path(self.check_path).suffix.lower() in CORRECTABLE_SUFFIXES
            and any(f.fix is not None for f in self.findings))
        busy = self._export_job is not None
        self.actions["file.export_docx"].setEnabled(has and not busy)
        self.actions["file.export_pdf"].setEnabled(has and not busy)
        self.actions["letter.apply_fix"].setEnabled(has and any(f.fix is not None for f in self.findings))


#: Qt's own strings (OK/Cancel/Save/Discard buttons, file dialogs, text context menus) in the
#: interface language; kept here so the installed translator is not garbage-collected
_QT_TRANSLATOR: QTranslator | None = None


def _install_qt_translator(app: QApplication, lang: str) -> None:
    global _QT_TRANSLATOR
    if _QT_TRANSLATOR is not None:
        app.removeTranslator(_QT_TRANSLATOR)
        _QT_TRANSLATOR = None
    if lang == "en":
        return
    translator = QTranslator(app)
    if translator.load(f"qtbase_{lang}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(translator)
        _QT_TRANSLATOR = translator


def apply_interface_language(lang: str) -> None:
    i18n.set_language(lang)
    app = QApplication.instance()
    if app is not None:
        _install_qt_translator(app, i18n.language())
        app.setLayoutDirection(Qt.LayoutDirection.RightToLeft if lang == "ar"
                               else Qt.LayoutDirection.LeftToRight)
