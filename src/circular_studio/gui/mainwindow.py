"""The main window: a welcome page, the editor view or the check view, findings below.

The window is composed of two views and coordinates them; it keeps no letter state itself:
- ``EditorView`` (editor_view.py): one draft — form on the left, page preview(s) on the right.
  Edits go through its DraftModel's QUndoStack; the preview is rebuilt 150 ms after the last edit
  (``previewUpdated`` is emitted then), the checks shortly after.
- ``CheckView`` (check_view.py): a letter drafted elsewhere (.docx, .md, .txt: File ▸ Check a
  Letter…, a drop on the window, or ``circular-studio letter.docx``), read-only, its text on
  pages exactly as read; Check Again re-reads the file from disk.
``self.view`` is the one shown (None on the welcome page); preview, checks, findings, titles go
through it. Commands are rows of ``actions.ACTIONS`` (enabled by their conditions), exports are
run by ``export_flow.ExportFlow`` in the formats of the core's registry.
"""
from __future__ import annotations

import html
import os
from pathlib import Path

import shiboken6
from PySide6.QtCore import (QLibraryInfo, QSignalBlocker, QSize, QStandardPaths, Qt, QTimer, QTranslator,
                            Signal)
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (QApplication, QDockWidget, QFileDialog, QLabel, QListWidget,
                               QMainWindow, QMessageBox, QPushButton, QStackedWidget, QToolBar,
                               QVBoxLayout, QWidget)

from circular_studio import __version__
from circular_studio.core.model import draft as draft_io
from circular_studio.core.model.draft import Draft
from circular_studio.core.errors import StudioError
from circular_studio.core.outputs.html_preview import Highlight
from circular_studio.core.model.lettertypes import letter_type, letter_types
from circular_studio.core.resources import examples_dir, resources_dir
from . import i18n, series_view, services
from .actions import ActionRegistry, ShortcutStyle, all_specs
from .autosave import Autosaver
from .check_view import CORRECTABLE_SUFFIXES, LETTER_SUFFIXES, CheckView, read_letter
from .dialogs import FixesDialog, MessageBar, NewDialog
from .editor_view import EditorView
from .export_flow import ExportFlow
from .find_replace import FindReplaceBar
from .findings import FindingsPanel
from .help import HelpDialog, check_catalogue_markdown, guide_markdown
from .i18n import findings_summary, plain, tr, tr_n
from .model import DISABLED_CHECKS
from .printing import Printer, have_libreoffice
from .settings import Settings

PREVIEW_DELAY_MS = 150
CHECK_DELAY_MS = 250
MENUS = ("file", "edit", "view", "letter", "settings", "help")


class MainWindow(QMainWindow):
    previewUpdated = Signal(str)  # the language shown in the main preview
    findingsUpdated = Signal(int)  # how many findings
    exportFinished = Signal(str)  # the written path
    exportFailed = Signal(str)
    draftLoaded = Signal(str)
    CORRECTABLE_SUFFIXES = CORRECTABLE_SUFFIXES

    def __init__(self, settings: Settings | None = None, app_windows: list | None = None):
        super().__init__()
        self.setObjectName("main-window")
        self.settings = settings or Settings.load()
        self.app_windows = app_windows if app_windows is not None else []
        self.findings: list[services.UiFinding] = []
        self.highlight: tuple[str, Highlight] | None = None
        self._closing = False
        self.setAcceptDrops(True)

        self.registry = ActionRegistry(self)
        self.actions = self.registry.actions
        self._declare_actions()

        # central area: message bar above a stack (welcome page | editor view | check view)
        self.message_bar = MessageBar(self)
        self.stack = QStackedWidget(self)
        self.welcome = self._make_welcome()
        self.stack.addWidget(self.welcome)
        self.editor_view = EditorView(self.settings, self)
        self.editor_view.edited.connect(self._on_value_changed)
        self.editor_view.previewReady.connect(lambda: self.schedule_preview(0))  # built off the GUI thread
        self.editor_view.findingsReady.connect(lambda: self.run_checks(wait=False))
        self.stack.addWidget(self.editor_view)
        self.check_view = CheckView(self)
        self.check_view.real_pages_button.clicked.connect(self.print_letter)
        self.check_view.profileChanged.connect(lambda _p: self.run_checks())
        self.stack.addWidget(self.check_view)
        central = QWidget(self)
        lay = QVBoxLayout(central)
        lay.setContentsMargins(4, 4, 4, 0)
        lay.addWidget(self.message_bar)
        self.find_bar = FindReplaceBar(self)
        lay.addWidget(self.find_bar)
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

        self.exporter = ExportFlow(self)
        self.printer = Printer(self)
        self.findings_label = QLabel(self)
        self.statusBar().addPermanentWidget(self.findings_label)

        self._preview_timer = QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.setInterval(PREVIEW_DELAY_MS)
        self._preview_timer.timeout.connect(self.update_preview)
        self._check_timer = QTimer(self)
        self._check_timer.setSingleShot(True)
        self._check_timer.setInterval(CHECK_DELAY_MS)
        self._check_timer.timeout.connect(lambda: self.run_checks(wait=False))  # while typing: never wait

        self.autosaver = Autosaver(self, self.settings.autosave_seconds)
        self.preview.languageChanged.connect(self._on_preview_language)
        self.preview2.languageChanged.connect(lambda _l: self.schedule_preview(0))

        self._build_menus()
        self._build_toolbar()
        self.retranslate()
        self.resize(1280, 820)
        self.resizeDocks([self.findings_dock], [240], Qt.Orientation.Vertical)  # ~8 rows
        if self.settings.geometry:
            self.restoreGeometry(self.settings.geometry)
        self.update_enabled()

    # ------------------------------------------------------------------ the views' state, read-only
    @property
    def view(self) -> EditorView | CheckView | None:
        """The view shown: the editor (a draft is open), the check view (a letter), or None."""
        if self.editor_view.model is not None:
            return self.editor_view
        if self.check_view.path is not None:
            return self.check_view
        return None

    model = property(lambda self: self.editor_view.model)
    form = property(lambda self: self.editor_view.form)
    docs = property(lambda self: self.editor_view.docs)
    preview = property(lambda self: self.editor_view.preview)
    preview2 = property(lambda self: self.editor_view.preview2)
    editor = property(lambda self: self.editor_view)
    check_path = property(lambda self: self.check_view.path)
    check_doc = property(lambda self: self.check_view.doc)
    check_preview = property(lambda self: self.check_view.preview)
    check_page = property(lambda self: self.check_view)
    progress = property(lambda self: self.exporter.progress)
    _export_job = property(lambda self: self.exporter.job)

    @property
    def preview_ms(self) -> float:
        return self.view.preview_ms if self.view is not None else 0.0

    # ------------------------------------------------------------------ actions and menus
    def _declare_actions(self) -> None:
        self.registry.add_all(all_specs())
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
        self.menu_style = ShortcutStyle()
        for key in MENUS:
            menu = bar.addMenu("")
            menu.setObjectName(f"menu-{key}")
            menu.setStyle(self.menu_style)
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
        self.find_bar.retranslate()
        self.preview.retranslate("a11y.preview_language")
        self.preview2.retranslate("a11y.second_language")
        self.check_view.retranslate()
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
        """Show ``draft`` in the editor view (replacing what was open, already confirmed)."""
        try:
            lt = letter_type(draft.letter_type)
        except StudioError as exc:
            self.show_error(tr("open.error.title"), str(exc))
            return False
        self.autosaver.clear()
        self.check_view.close_letter()
        self.findings_panel.set_read_only(False)
        model = self.editor_view.open(draft, lt, modified)
        model.modifiedChanged.connect(lambda _m: self._update_title())
        model.undo_stack.indexChanged.connect(lambda _i: self._update_undo_titles())
        model.undo_stack.canUndoChanged.connect(lambda _c: self._update_undo_titles())
        model.undo_stack.canRedoChanged.connect(lambda _c: self._update_undo_titles())
        self.findings, self.highlight = [], None
        self.findings_panel.set_findings([])
        self.stack.setCurrentWidget(self.editor_view)
        self.editor_view.balance()
        self.message_bar.hide()
        if draft.notices:
            self.show_message("; ".join(draft.notices), "warning")
        self._update_title()
        self._update_undo_titles()
        self.update_enabled()
        if modified:
            self.autosaver.schedule()
        self.update_preview(check_now=True)
        self.preview.to_top()
        self.preview2.to_top()
        self.draftLoaded.emit(str(draft.path or ""))
        return True

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        QTimer.singleShot(0, self.editor_view.balance)  # a draft opened before the window was shown

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
        self.editor_view.close_draft()

    # ------------------------------------------------------------------ the check view
    def check_letter_dialog(self) -> bool:
        if not self.maybe_save():
            return False
        start = self.settings.last_folder or str(Path.home())
        path, _ = QFileDialog.getOpenFileName(self, plain(tr("action.check_letter")), start,
                                              tr("check.filter"))
        return self.open_letter(path, confirmed=True) if path else False

    def check_versions_dialog(self) -> bool:
        """Several files chosen together: the language versions of one letter, compared."""
        if not self.maybe_save():
            return False
        start = self.settings.last_folder or str(Path.home())
        paths, _ = QFileDialog.getOpenFileNames(self, plain(tr("action.check_versions")), start,
                                                tr("check.filter"))
        return self.open_letter(paths[0], confirmed=True, versions=paths[1:]) if paths else False

    def open_letter(self, path: str, confirmed: bool = False, versions=()) -> bool:
        """Show the letter in ``path`` read-only, with the checks' findings; ``versions``: its
        other language versions, checked beside it and compared with it."""
        if not confirmed and not self.maybe_save():
            return False
        path = str(path)
        try:
            for p in [path, *versions]:
                read_letter(p)  # refuse before leaving what is open
        except StudioError as exc:
            self.show_error(tr("check.error.title"), str(exc))
            return False
        try:
            self.check_view.open(path, [str(p) for p in versions])
        except StudioError as exc:  # two versions in one language: nothing is left
            self.show_error(tr("check.error.title"), str(exc))
            return False
        self._leave_draft()
        self.highlight = None
        self.findings = []
        self.findings_panel.set_read_only(True)
        self.findings_panel.set_findings([])
        self.stack.setCurrentWidget(self.check_view)
        self.message_bar.hide()
        self._update_title()
        self._update_undo_titles()
        self.update_preview(check_now=True)
        self.check_preview.to_top()
        self._remember(path)
        self.draftLoaded.emit(path)
        return True

    def recheck(self) -> None:
        """Check Again: a draft is rebuilt and checked; a checked letter is re-read from disk."""
        if self.view is not self.check_view:
            self.update_preview(check_now=True)
            return
        self.highlight = None
        try:
            self.check_view.reload()
        except StudioError as exc:
            self._set_findings([])
            self.show_message(str(exc), "error")
            return
        self.message_bar.hide()
        self.update_preview(check_now=True)
        self.statusBar().showMessage(tr("check.reloaded", name=self.check_view.display_name(),
                                        findings=tr_n("n.findings", len(self.findings))), 4000)

    def save_corrected_dialog(self) -> bool:
        """Bonus of the check view: a copy of a .md/.txt letter with the chosen fixes applied."""
        if self.check_view.doc is None:
            return False
        if not self.check_view.correctable():
            self.show_message(tr("corrected.only_text"), "warning")
            return False
        fixable = [f for f in self.findings if f.certain]
        if not fixable:
            self.show_message(tr("corrected.none"), "info")
            return False
        dialog = FixesDialog(fixable, self)
        self.fixes_dialog = dialog
        if dialog.exec() != FixesDialog.DialogCode.Accepted:
            return False
        chosen = dialog.chosen()
        src = Path(self.check_view.path)
        start = str(src.with_name(f"{src.stem}.corrected{src.suffix}"))
        path, _ = QFileDialog.getSaveFileName(self, plain(tr("corrected.title")), start,
                                              tr("check.filter"))
        if not path:
            return False
        return self.save_corrected(path, chosen)

    def write_annotated_dialog(self) -> bool:
        """Write Annotated Copies: every .docx version with its findings as Word comments."""
        if self.check_view.doc is None:
            return False
        start = str(Path(self.check_view.path).parent)
        folder = QFileDialog.getExistingDirectory(self, plain(tr("action.write_annotated")), start)
        return self.write_annotated(folder) if folder else False

    def write_annotated(self, folder: str) -> bool:
        try:
            written, skipped = self.check_view.write_annotated(folder)
        except StudioError as exc:
            self.show_error(tr("save.error.title"), str(exc))
            return False
        if not written:
            self.show_message(tr("annotated.none"), "warning")
            return False
        message = tr("annotated.saved", n=len(written), folder=folder)
        if skipped:
            message += " " + tr("annotated.skipped", names=", ".join(Path(p).name for p in skipped))
        self.show_message(message, "warning" if skipped else "info")
        return True

    def save_corrected(self, target: str, chosen: list[services.UiFinding]) -> bool:
        try:
            applied, skipped = self.check_view.write_corrected(target, chosen)
        except StudioError as exc:
            self.show_error(tr("corrected.title"), str(exc))
            return False
        except UnicodeDecodeError as exc:
            self.show_error(tr("corrected.title"), f"{self.check_view.path}: {exc}")
            return False
        except OSError as exc:
            self.show_error(tr("save.error.title"), f"{target}: {getattr(exc, 'strerror', None) or exc}")
            return False
        message = tr("corrected.saved", n=applied, path=target)
        if skipped:
            message += " " + tr("corrected.skipped", n=skipped)
        self.show_message(message, "warning" if skipped else "info", [
            (plain(tr("action.check_letter")).rstrip("…"), lambda: self.open_letter(target, confirmed=True))])
        return True

    # drag and drop: a draft or a letter dropped on the window is opened
    @staticmethod
    def dropped_path(mime) -> str | None:
        """The first local letter or draft file in a drag's data."""
        if mime is None or not mime.hasUrls():
            return None
        for url in mime.urls():
            if url.isLocalFile():
                path = url.toLocalFile()
                if Path(path).suffix.lower() in LETTER_SUFFIXES + (".json",):
                    return path
        return None

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt's name
        if self.dropped_path(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if self.dropped_path(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt's name
        path = self.dropped_path(event.mimeData())
        if not path:
            event.ignore()
            return
        event.acceptProposedAction()
        letters = self.dropped_letters(event.mimeData())
        if len(letters) > 1:  # several letters dropped together: the language versions of one
            QTimer.singleShot(0, lambda: self.open_letter(letters[0], versions=letters[1:]))
            return
        # after the drop returns: opening may ask about unsaved changes (a modal box)
        QTimer.singleShot(0, lambda: self.open_path(path))

    @staticmethod
    def dropped_letters(mime) -> list[str]:
        """Every local letter file (.docx, .md, .txt) in a drag's data."""
        if mime is None or not mime.hasUrls():
            return []
        return [url.toLocalFile() for url in mime.urls() if url.isLocalFile()
                and Path(url.toLocalFile()).suffix.lower() in LETTER_SUFFIXES]

    # ------------------------------------------------------------------ files
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
        start = str(current) if current else os.path.join(self.save_folder(), f"{self.model.draft.letter_type}.json")
        path, _ = QFileDialog.getSaveFileName(self, plain(tr("action.save_as")), start, tr("open.filter"))
        if not path:
            return False
        if not path.lower().endswith(".json"):
            path += ".json"
        return self.save_to(path)

    def save_folder(self) -> str:
        """Where a new letter is saved: the last folder used, unless it is the program's own
        (the bundled examples), else the user's documents folder."""
        last = self.settings.last_folder
        if last and Path(last).is_dir():
            try:
                Path(last).resolve().relative_to(resources_dir().resolve())
            except ValueError:
                return last
        docs = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        return docs if docs and Path(docs).is_dir() else str(Path.home())

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

    def close_letter(self) -> bool:
        """File ▸ Close: back to the start page (the window closes when nothing is open)."""
        if self.view is None:
            return self.close()
        if not self.maybe_save():
            return False
        self._leave_draft()
        self.check_view.close_letter()
        self.findings_panel.set_read_only(False)
        self.find_bar.hide()
        self.highlight = None
        self._set_findings([])
        self.stack.setCurrentWidget(self.welcome)
        self.message_bar.hide()
        self._update_title()
        self._update_undo_titles()
        return True

    # ------------------------------------------------------------------ print, edit, find, zoom
    def print_letter(self) -> bool:
        if self.view is self.editor_view and not have_libreoffice():
            self.show_message(tr("print.fallback"), "info")
        return self.printer.print_letter()

    def _focused_edit(self):
        focus = QApplication.focusWidget()
        return focus if hasattr(focus, "selectAll") and hasattr(focus, "copy") else None

    def edit_cut(self) -> None:
        w = self._focused_edit()
        if w is not None and hasattr(w, "cut"):
            w.cut()

    def edit_copy(self) -> None:
        w = self._focused_edit()
        if w is not None:
            w.copy()
        elif self.view is not None:
            pane = self.preview if self.view is self.editor_view else self.check_preview
            pane.browser.copy_text()

    def edit_paste(self) -> None:
        w = self._focused_edit()
        if w is not None and hasattr(w, "paste"):
            w.paste()

    def edit_select_all(self) -> None:
        w = self._focused_edit()
        if w is not None:
            w.selectAll()

    def show_find(self) -> None:
        if self.model is not None:
            self.find_bar.open_bar(replace=False)

    def show_replace(self) -> None:
        if self.model is not None:
            self.find_bar.open_bar(replace=True)

    def _shown_pages(self):
        if self.view is self.check_view:
            return [self.check_preview.browser]
        return [p.browser for p in (self.preview, self.preview2) if p.isVisible()]

    def zoom_in(self) -> None:
        for page in self._shown_pages():
            page.zoom_in()

    def zoom_out(self) -> None:
        for page in self._shown_pages():
            page.zoom_out()

    def fit_width(self) -> None:
        for page in self._shown_pages():
            page.fit_width()

    def show_guide(self) -> None:
        self.help_dialog = HelpDialog(plain(tr("action.guide")), guide_markdown(self.registry), self)
        self.help_dialog.show()

    def show_check_catalogue(self) -> None:
        self.help_dialog = HelpDialog(plain(tr("action.check_catalogue")), check_catalogue_markdown(), self)
        self.help_dialog.show()

    # ------------------------------------------------------------------ export
    def export(self, fmt: str) -> bool:
        return self.exporter.export(fmt)

    def export_all_languages(self, fmt: str) -> bool:
        return self.exporter.export_all_languages(fmt)

    def start_export(self, path: str, fmt: str, lang: str, languages: list[str] | None = None) -> bool:
        return self.exporter.start(path, fmt, lang, languages)

    def show_series(self) -> bool:
        return series_view.show_tab(self.editor_view)

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
        if self.preview2.isVisible():  # the second pane never shows the same language
            self.editor_view.set_side_by_side(True)
        self.schedule_preview(0)

    def visible_languages(self) -> list[str]:
        return self.editor_view.visible_languages()

    def update_preview(self, check_now: bool = False) -> None:
        """Rebuild what the view shows; then run or schedule the checks."""
        view = self.view
        if view is None or (view is self.check_view and view.doc is None):
            return
        self.previewUpdated.emit(view.refresh(self.highlight))
        if check_now:
            self.run_checks()
        elif view is self.editor_view:
            self._check_timer.start()

    def run_checks(self, wait: bool = True) -> None:
        """The findings of the letter as it is now (a command: open, check again, a fix, an
        export). ``wait=False`` (the checks after typing): the editor's checks may still be
        running in the background (gui/background.py); findingsReady brings them."""
        view = self.view
        if view is None:
            return
        self._set_findings(view.findings(wait=True) if wait and view is self.editor_view else view.findings())

    def _set_findings(self, findings: list[services.UiFinding]) -> None:
        self.findings = findings
        self.findings_panel.set_findings(findings)
        self._update_findings_label()
        self.update_enabled()
        self.findingsUpdated.emit(len(findings))

    def _update_findings_label(self) -> None:
        self.findings_panel.set_active(self.view is not None)
        errors = sum(1 for f in self.findings if f.severity == "error")
        warnings = sum(1 for f in self.findings if f.severity == "warning")
        self.findings_label.setText(findings_summary(errors, warnings) if self.view is not None else "")

    def go_to_finding(self, finding: services.UiFinding) -> None:
        """Focus the field the finding came from and highlight its text in the preview."""
        view = self.view
        if view is None or (view is self.check_view and view.doc is None):
            return
        self.highlight = (finding.language, Highlight(finding.paragraph, finding.start, finding.end))
        if view is self.editor_view:
            view.go_to(finding)
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
        if self.view is not self.editor_view or finding.fix is None:
            return False
        if not finding.certain:  # a guess: the writer chooses, nothing is applied silently
            self.findings_panel.show_fix_menu(finding)
            return False
        failed = self.editor_view.apply_fix(finding)
        if failed is not None:
            self.show_message(tr("findings.cannot_fix", excerpt=failed), "warning")
            return False
        self.highlight = None
        self._preview_timer.stop()
        self.update_preview(check_now=True)
        return True

    def disable_check(self, finding: services.UiFinding) -> bool:
        """Context menu "Disable this check for this letter": into the draft's disabled_checks
        as an undoable step; for a checked letter, ignored until the letter is closed."""
        code = finding.code.upper()
        view = self.view
        if view is self.editor_view:
            if not self.model.disable_check(code):
                return False
            self.highlight = None
            self._preview_timer.stop()
            self.update_preview(check_now=True)
            return True
        if view is self.check_view:
            if not view.ignore(code):
                return False
            self.run_checks()
            self.show_message(tr("check.ignored", code=code), "info")
            return True
        return False

    # ------------------------------------------------------------------ view and settings
    def set_side_by_side(self, on: bool) -> None:
        self.settings.side_by_side = bool(on)
        self.settings.save()
        self.editor_view.set_side_by_side(on)
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
                window.editor_view.build_form(keep_tab=True)
            window.run_checks()
        self.statusBar().showMessage(tr("language.restart"), 3000)

    def about(self) -> None:
        QMessageBox.about(self, plain(tr("action.about")), about_html())

    # ------------------------------------------------------------------ messages and state
    def show_error(self, title: str, message: str) -> None:
        """A modal box (the user must see it) and the same text kept in the message bar."""
        self.show_message(message, "error")
        QMessageBox.warning(self, title, message)

    def show_message(self, text: str, level: str = "info", actions=()) -> None:
        self.message_bar.show_message(text, level, actions)

    def _display_name(self) -> str:
        return self.view.display_name() if self.view is not None else ""

    def _update_title(self) -> None:
        view = self.view
        if view is self.check_view:
            self.setWindowTitle(f"{self._display_name()} ({tr('check.read_only')}) — {tr('app.title')}")
            self.setWindowModified(False)
        elif view is None:
            self.setWindowTitle(tr("app.title"))
            self.setWindowModified(False)
        else:
            self.setWindowTitle(f"{self._display_name()}[*] — {tr('app.title')}")
            self.setWindowModified(self.model.modified)

    def update_enabled(self) -> None:
        """Every action's enablement from its condition in the actions table."""
        self.registry.update_enabled(self)

    _update_enabled = update_enabled


def about_html() -> str:
    """The About text as one block in the interface's direction: in Arabic every line flush
    right, the program's Latin name and version isolated so that they do not flip the line."""
    rtl = QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    direction, align = ("rtl", "right") if rtl else ("ltr", "left")
    lines = tr("about.text", version=f"\u2066{__version__}\u2069").split("\n")
    lines[0] = lines[0].replace("Circular Studio", "\u2066Circular Studio\u2069")
    body = "".join(f'<p dir="{direction}" align="{align}">{html.escape(line)}</p>' for line in lines)
    return f'<div dir="{direction}">{body}</div>'


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
