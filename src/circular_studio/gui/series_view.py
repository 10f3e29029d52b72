"""The Series tab: one letter per addressee (issue 13).

A tab of the editor's form (``install`` puts it there each time the form is built; the view
itself lives as long as the draft). It lets the drafter:

- choose the addressees: none (one letter), the Member States register, or a CSV/XLSX list —
  the draft's ``series`` field, changed as one undoable step;
- filter them by a name in any language or a code (accents and case ignored), by world region
  (UN M49 from CLDR, core/model/regions.py) or to the letters that have findings;
- preview any one addressee's letter: selecting a row makes it the draft's ``series.preview``,
  and the editor's preview and findings show that letter;
- see which addressees' letters have findings: every addressee's letters are built and checked
  in a worker thread (``SeriesCheckJob``) while the tab is shown, a count per row;
- export the letters of the rows shown (or of the rows selected) in the chosen languages and
  formats into a folder (``SeriesExportJob`` → core ``render_series``), with progress, Cancel,
  Resume (the letters already written are kept) and a summary naming the letters with errors.
"""
from __future__ import annotations

import os
import unicodedata
from pathlib import Path

import shiboken6
from PySide6.QtCore import QSortFilterProxyModel, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QIcon, QStandardItem, QStandardItemModel, QUndoCommand
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QCheckBox, QComboBox, QFileDialog, QFormLayout,
                               QGroupBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QMessageBox,
                               QPlainTextEdit, QProgressBar, QPushButton, QSplitter, QStyle, QTableView,
                               QVBoxLayout, QWidget)

from circular_studio.core.errors import StudioError
from circular_studio.core.model import addressees as addr_mod
from circular_studio.core.model import regions
from circular_studio.core.model.addressees import Addressee
from circular_studio.core.outputs import batch
from circular_studio.core.outputs.batch import MEMBER_STATES, SeriesReport
from . import i18n
from .i18n import language_name, tr, tr_n
from .printing import have_libreoffice
from . import worker
from .worker import SeriesCheckJob, SeriesExportJob

SERIES = "series"  # the name valueChanged carries when the draft's series changes
COL_NAME, COL_CODE, COL_REGION, COL_ERRORS, COL_WARNINGS = range(5)
ID_ROLE = Qt.ItemDataRole.UserRole + 1
KEY_ROLE = Qt.ItemDataRole.UserRole + 2  # folded names in every language, for the text filter
REGION_ROLE = Qt.ItemDataRole.UserRole + 3  # "region sub-region" codes
SORT_ROLE = Qt.ItemDataRole.UserRole + 4
FILE = "file"  # the source combo's "choose a file" entry


def fold(text: str) -> str:
    """Case- and accent-insensitive form for the filter ("etat" finds "État")."""
    text = unicodedata.normalize("NFKD", text)
    return " ".join("".join(c for c in text if not unicodedata.combining(c)).casefold().split())


def install(editor) -> "SeriesView":
    """Put the Series tab into the editor's (new) form. The view is made once per draft and
    moved into each form the editor builds, so a running batch, the loaded list and the counts
    survive a rebuilt form (a change of interface language)."""
    view = getattr(editor, "series_view", None)
    if view is None or not shiboken6.isValid(view) or view.model is not editor.model:
        if view is not None and shiboken6.isValid(view):
            view.shut()
        view = SeriesView(editor.model, editor)
        editor.series_view = view
    form = editor.form
    form.addTab(view, tr("series.tab"))
    form.currentChanged.connect(view._on_form_tab)
    view.retranslate()
    return view


def show_tab(editor) -> bool:
    """Bring the Series tab to the front (the Letter ▸ Series Letters action)."""
    view = getattr(editor, "series_view", None)
    if editor.form is None or view is None or not shiboken6.isValid(view):
        return False
    editor.form.setCurrentWidget(view)
    return True


class SeriesCommand(QUndoCommand):
    """Replace the draft's ``series`` (one undoable step): the source of its addressees."""

    def __init__(self, model, old: dict | None, new: dict | None, text: str):
        super().__init__(text)
        self.model = model
        self.old = dict(old) if old else None
        self.new = dict(new) if new else None

    def redo(self) -> None:
        _set_series(self.model, self.new)

    def undo(self) -> None:
        _set_series(self.model, self.old)


def _set_series(model, series: dict | None) -> None:
    model.draft.series = dict(series) if series else None
    model.revision += 1
    model.valueChanged.emit("", SERIES)


class _Filter(QSortFilterProxyModel):
    """Rows whose names contain the text, in the region, with findings if asked."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.text = ""
        self.region = ""
        self.findings_only = False
        self.setSortRole(SORT_ROLE)
        self.setSortLocaleAware(True)

    def set_filter(self, text: str | None = None, region: str | None = None,
                   findings_only: bool | None = None) -> None:
        self.beginFilterChange()
        if text is not None:
            self.text = fold(text)
        if region is not None:
            self.region = region
        if findings_only is not None:
            self.findings_only = findings_only
        self.endFilterChange()

    def refresh(self) -> None:
        """Filter again (the counts of the findings changed)."""
        self.beginFilterChange()
        self.endFilterChange()

    def filterAcceptsRow(self, row, parent) -> bool:  # noqa: N802 - Qt's name
        src = self.sourceModel()
        item = src.item(row, COL_NAME)
        if self.text and self.text not in item.data(KEY_ROLE):
            return False
        if self.region and self.region not in (item.data(REGION_ROLE) or "").split():
            return False
        if self.findings_only:
            errors = src.item(row, COL_ERRORS).data(SORT_ROLE) or 0
            warnings = src.item(row, COL_WARNINGS).data(SORT_ROLE) or 0
            if not (errors or warnings):
                return False
        return True


class SeriesView(QWidget):
    """The Series tab of one draft (``model``: its DraftModel)."""

    previewChanged = Signal(str)  # the addressee id now previewed
    rowChecked = Signal(str, int, int)  # addressee id, errors, warnings
    checksFinished = Signal()
    exportProgress = Signal(int, int)  # letters done, letters in all
    exportFinished = Signal(object)  # the SeriesReport (``stopped`` says why when it failed)

    def __init__(self, model, parent=None):
        super().__init__(parent)
        self.setObjectName("series-view")
        self.model = model
        self.addressees: list[Addressee] = []
        self.by_id: dict[str, Addressee] = {}
        self.problems: list[str] = []
        self.counts: dict[str, tuple[int, int]] = {}
        self.check_job: SeriesCheckJob | None = None
        self.export_job: SeriesExportJob | None = None
        self.last_report: SeriesReport | None = None
        self._last_export: tuple | None = None  # what Resume runs again
        self._stale = True  # the counts do not match the draft
        self._loaded_source: str | None = None
        self._build()
        model.valueChanged.connect(self._on_draft_changed)
        model.destroyed.connect(lambda *_: self.shut())
        self._check_timer = QTimer(self)
        self._check_timer.setSingleShot(True)
        self._check_timer.setInterval(400)
        self._check_timer.timeout.connect(self._maybe_check)
        self._loaded = False  # the list is read when the tab is first shown (~150 ms for 195)
        self._fill_sources()
        if model.draft.path:  # a folder beside the draft, named after it, until one is chosen
            self.folder.setText(str(Path(model.draft.path).with_name(Path(model.draft.path).stem + "-letters")))

    # ------------------------------------------------------------------ widgets
    def _build(self) -> None:
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        top = QFormLayout()
        self.source_label = QLabel(self)
        self.source = QComboBox(self)
        self.source.setObjectName("series-source")
        self.source.activated.connect(self._on_source_chosen)
        top.addRow(self.source_label, self.source)
        self.filter_label = QLabel(self)
        row = QHBoxLayout()
        self.filter = QLineEdit(self)
        self.filter.setObjectName("series-filter")
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(lambda text: self._refilter(text=text))
        self.filter_label.setBuddy(self.filter)
        self.region = QComboBox(self)
        self.region.setObjectName("series-region")
        self.region.currentIndexChanged.connect(lambda _i: self._refilter(region=self.region.currentData() or ""))
        row.addWidget(self.filter, 3)
        row.addWidget(self.region, 2)
        top.addRow(self.filter_label, row)
        self.findings_only = QCheckBox(self)
        self.findings_only.setObjectName("series-findings-only")
        self.findings_only.toggled.connect(lambda on: self._refilter(findings_only=on))
        top.addRow("", self.findings_only)
        lay.addLayout(top)

        # the list above, the export below; the drafter can move the line between them
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.setChildrenCollapsible(False)
        upper = QWidget(split)
        upper_lay = QVBoxLayout(upper)
        upper_lay.setContentsMargins(0, 0, 0, 0)
        self.rows = QStandardItemModel(0, 5, self)
        self.proxy = _Filter(self)
        self.proxy.setSourceModel(self.rows)
        self.table = QTableView(upper)
        self.table.setObjectName("series-table")
        self.table.setModel(self.proxy)
        self.table.setMinimumHeight(140)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(COL_NAME, Qt.SortOrder.AscendingOrder)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.Stretch)
        for col in (COL_CODE, COL_REGION, COL_ERRORS, COL_WARNINGS):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_row)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_scope())
        upper_lay.addWidget(self.table, 1)
        self.status = QLabel(upper)
        self.status.setObjectName("series-status")
        self.status.setWordWrap(True)
        upper_lay.addWidget(self.status)
        self.notice = QLabel(upper)
        self.notice.setObjectName("series-notice")
        self.notice.setWordWrap(True)
        self.notice.hide()
        upper_lay.addWidget(self.notice)

        self.export_box = QGroupBox(split)
        form = QFormLayout(self.export_box)
        form.setVerticalSpacing(4)
        self.languages_label, self.formats_label, self.folder_label = QLabel(self), QLabel(self), QLabel(self)
        self.language_boxes: dict[str, QCheckBox] = {}
        choices = QHBoxLayout()
        for lang in self.model.languages:
            box = QCheckBox(self)
            box.setObjectName(f"series-language-{lang}")
            box.setChecked(True)
            box.toggled.connect(lambda _on: self._update_scope())
            self.language_boxes[lang] = box
            choices.addWidget(box)
        choices.addSpacing(16)
        choices.addWidget(self.formats_label)
        self.format_boxes: dict[str, QCheckBox] = {}
        for fmt in batch.FORMATS:
            box = QCheckBox(fmt.upper(), self)
            box.setObjectName(f"series-format-{fmt}")
            box.setChecked(fmt == "docx")
            box.toggled.connect(lambda _on: self._update_scope())
            self.format_boxes[fmt] = box
            choices.addWidget(box)
        self.format_boxes["pdf"].setEnabled(have_libreoffice())
        choices.addStretch(1)
        form.addRow(self.languages_label, choices)
        folder_row = QHBoxLayout()
        self.folder = QLineEdit(self)
        self.folder.setObjectName("series-folder")
        self.folder.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.folder_label.setBuddy(self.folder)
        self.browse = QPushButton(self)
        self.browse.clicked.connect(self.choose_folder)
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(self.browse)
        form.addRow(self.folder_label, folder_row)
        self.resume = QCheckBox(self)
        self.resume.setObjectName("series-resume")
        form.addRow(self.resume)
        self.scope = QLabel(self)
        self.scope.setObjectName("series-scope")
        form.addRow(self.scope)
        buttons = QHBoxLayout()
        self.export_button = QPushButton(self)
        self.export_button.setObjectName("series-export")
        self.export_button.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_ArrowDown))
        self.export_button.clicked.connect(self.export)
        self.cancel_button = QPushButton(self)
        self.cancel_button.setObjectName("series-cancel")
        self.cancel_button.clicked.connect(self.cancel_export)
        self.cancel_button.hide()
        self.resume_button = QPushButton(self)
        self.resume_button.setObjectName("series-resume-button")
        self.resume_button.clicked.connect(self.resume_export)
        self.resume_button.hide()
        self.open_folder = QPushButton(self)
        self.open_folder.clicked.connect(self._open_folder)
        self.open_folder.hide()
        self.progress = QProgressBar(self)
        self.progress.setObjectName("series-progress")
        self.progress.hide()
        for w in (self.export_button, self.cancel_button, self.resume_button, self.open_folder):
            buttons.addWidget(w)
        buttons.addWidget(self.progress, 1)
        form.addRow(buttons)
        self.summary = QPlainTextEdit(self)
        self.summary.setObjectName("series-summary")
        self.summary.setReadOnly(True)
        self.summary.setMaximumHeight(self.fontMetrics().height() * 5 + 12)
        self.summary.hide()
        form.addRow(self.summary)
        split.addWidget(upper)
        split.addWidget(self.export_box)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 0)
        lay.addWidget(split, 1)
        self.splitter = split

    def retranslate(self) -> None:
        self.source_label.setText(tr("series.source"))
        self.filter_label.setText(tr("series.filter"))
        self.filter.setPlaceholderText(tr("series.filter.placeholder"))
        self.findings_only.setText(tr("series.findings_only"))
        self.export_box.setTitle(tr("series.export_group"))
        self.languages_label.setText(tr("series.languages"))
        self.formats_label.setText(tr("series.formats"))
        self.folder_label.setText(tr("series.folder"))
        self.browse.setText(tr("series.browse"))
        self.resume.setText(tr("series.resume"))
        self.cancel_button.setText(tr("series.cancel"))
        self.resume_button.setText(tr("series.resume_button"))
        self.open_folder.setText(tr("export.open_folder"))
        for lang, box in self.language_boxes.items():
            box.setText(language_name(lang))
        self.rows.setHorizontalHeaderLabels([tr("series.col.name"), tr("series.col.code"), tr("series.col.region"),
                                             tr("series.col.errors"), tr("series.col.warnings")])
        self.table.setAccessibleName(tr("series.tab"))
        self._fill_sources()
        self._fill_regions()
        self._relabel_rows()
        self._update_scope()
        self._update_status()
        if self.last_report is not None:
            self._show_summary(self.last_report)

    # ------------------------------------------------------------------ the source of addressees
    @property
    def source_id(self) -> str:
        """"member-states", a file path as the draft holds it, or "" (no series)."""
        return (self.model.draft.series or {}).get("addressees", "") or ""

    def _fill_sources(self) -> None:
        self.source.blockSignals(True)
        self.source.clear()
        self.source.addItem(tr("series.none"), "")
        self.source.addItem(tr("series.register", n=len(addr_mod.register())), MEMBER_STATES)
        current = self.source_id
        if current and current != MEMBER_STATES:
            self.source.addItem(tr("series.file", name=Path(current).name), current)
            self.source.setItemData(self.source.count() - 1, current, Qt.ItemDataRole.ToolTipRole)
        self.source.addItem(tr("series.choose_file"), FILE)
        index = self.source.findData(current)
        self.source.setCurrentIndex(max(index, 0))
        self.source.blockSignals(False)

    def _on_source_chosen(self, index: int) -> None:
        data = self.source.itemData(index)
        if data == FILE:
            self._fill_sources()  # back to the current source while the dialog is open
            start = str(Path(self.model.draft.path).parent) if self.model.draft.path else str(Path.home())
            path, _ = QFileDialog.getOpenFileName(self, tr("series.choose_file").rstrip("…"), start,
                                                  tr("series.file_filter"))
            if path:
                self.set_source(path)
            return
        self.set_source(data or "")

    def set_source(self, source: str) -> bool:
        """Make ``source`` ("member-states", a .csv/.xlsx path, or "" for a single letter) the
        draft's addressees, as one undoable step. A list that cannot be read is refused with its
        message; nothing changes then."""
        if source and source != MEMBER_STATES:
            source = self._relative(source)
            try:
                batch.series_addressees(self._draft_with(source), None, ())
            except StudioError as exc:
                message = getattr(exc, "user_message", None) or str(exc)
                self._fill_sources()
                QMessageBox.warning(self, tr("series.file_error"), message)
                self._show_notice(message)
                return False
        old = self.model.draft.series
        new = None
        if source:
            new = {"addressees": source}
            if old and old.get("preview"):
                new["preview"] = old["preview"]
        if (old or None) == new:
            return False
        self.model.undo_stack.push(SeriesCommand(self.model, old, new, tr("undo.series")))
        return True

    def _relative(self, path: str) -> str:
        """A list beside (or below) the draft is kept relative, so both can move together."""
        draft_path = self.model.draft.path
        if draft_path:
            try:
                return str(Path(path).resolve().relative_to(Path(draft_path).resolve().parent))
            except ValueError:
                pass
        return str(path)

    def _draft_with(self, source: str):
        d = self.model.draft.copy()
        d.series = {"addressees": source}
        return d

    def reload(self) -> None:
        """Read the addressees of the draft's source into the table."""
        self._loaded = True
        source = self.source_id
        self._loaded_source = source
        self.addressees, self.problems = [], []
        notice = ""
        if source:
            try:
                found = batch.series_addressees(self.model.draft, None, ())
            except StudioError as exc:
                notice = getattr(exc, "user_message", None) or str(exc)
            else:
                self.addressees, self.problems = list(found.addressees), list(found.problems)
        self.by_id = {a.id: a for a in self.addressees}
        self.counts = {}
        self._stale = True
        self._cancel_checks()
        self._fill_rows()
        self._fill_sources()
        if self.problems and not notice:
            notice = tr("series.summary.problems", n=len(self.problems)) + " " + "; ".join(self.problems[:5])
        self._show_notice(notice)
        self.export_box.setEnabled(bool(self.addressees))
        self._update_scope()
        self._update_status()
        self._schedule_checks()

    def _show_notice(self, text: str) -> None:
        self.notice.setText(text)
        self.notice.setVisible(bool(text))

    def _ui_name(self, a: Addressee) -> str:
        for lang in (i18n.language(), "en", *self.model.languages):
            if a.has_name(lang):
                return a.name(lang, "short")
        return a.id

    def _fill_rows(self) -> None:
        self.rows.removeRows(0, self.rows.rowCount())
        for a in self.addressees:
            name = QStandardItem()
            name.setData(a.id, ID_ROLE)
            keys = [a.id, a.alpha2]
            for names in a.names.values():
                keys += [names.get(form) or "" for form in addr_mod.NAME_FORMS]
            name.setData(fold(" | ".join(k for k in keys if k)), KEY_ROLE)
            name.setData(" ".join(regions.regions_of(a.alpha2)), REGION_ROLE)  # a string: no Python object in a QVariant
            code = QStandardItem(a.alpha2 or a.id)
            code.setData(a.alpha2 or a.id, SORT_ROLE)
            items = [name, code, QStandardItem(), QStandardItem(), QStandardItem()]
            for item in items:
                item.setEditable(False)
            for col in (COL_ERRORS, COL_WARNINGS):
                items[col].setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            self.rows.appendRow(items)
        self._relabel_rows()
        self._select_previewed()

    def _relabel_rows(self) -> None:
        """Names and regions in the interface language (after a change of it too)."""
        ui = i18n.language()
        for row in range(self.rows.rowCount()):
            item = self.rows.item(row, COL_NAME)
            a = self.by_id.get(item.data(ID_ROLE))
            if a is None:
                continue
            name = self._ui_name(a)
            item.setText(name)
            item.setData(fold(name), SORT_ROLE)
            tips = [f"{language_name(lang)}: {a.name(lang, 'short')}" for lang in self.model.languages if a.has_name(lang)]
            if a.status == "observer":
                tips.insert(0, tr("series.observer"))
            item.setToolTip("\n".join(tips))
            codes = regions.regions_of(a.alpha2)
            region_item = self.rows.item(row, COL_REGION)
            region_item.setText(regions.region_name(codes[1], ui) if len(codes) > 1 else "")
            region_item.setData(region_item.text(), SORT_ROLE)
            self._show_counts(row, a.id)

    def _fill_regions(self) -> None:
        current = self.region.currentData() or ""
        ui = i18n.language()
        self.region.blockSignals(True)
        self.region.clear()
        self.region.addItem(tr("series.all_regions"), "")
        for code, subs in regions.regions().items():
            self.region.addItem(regions.region_name(code, ui), code)
            for sub in sorted(subs, key=lambda s: regions.region_name(s, ui)):
                self.region.addItem("    " + regions.region_name(sub, ui), sub)
        self.region.setCurrentIndex(max(self.region.findData(current), 0))
        self.region.blockSignals(False)

    # ------------------------------------------------------------------ filter, preview
    def _refilter(self, **kw) -> None:
        self.proxy.set_filter(**kw)
        self._update_scope()
        self._update_status()

    def set_filter(self, text: str = "", region: str = "", findings_only: bool = False) -> None:
        self.filter.setText(text)
        self.region.setCurrentIndex(max(self.region.findData(region), 0))
        self.findings_only.setChecked(findings_only)

    def shown_ids(self) -> list[str]:
        return [self.proxy.index(r, COL_NAME).data(ID_ROLE) for r in range(self.proxy.rowCount())]

    def selected_ids(self) -> list[str]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.proxy.index(r, COL_NAME).data(ID_ROLE) for r in rows]

    def select(self, addressee_id: str) -> bool:
        """Select the row of ``addressee_id`` (among those shown) and preview its letter."""
        for r in range(self.proxy.rowCount()):
            index = self.proxy.index(r, COL_NAME)
            if index.data(ID_ROLE) == addressee_id:
                self.table.setCurrentIndex(index)
                self.table.selectRow(r)
                self.table.scrollTo(index)
                return True
        return False

    def _select_previewed(self) -> None:
        previewed = (self.model.draft.series or {}).get("preview")
        if previewed:
            blocker = self.table.selectionModel().blockSignals(True)
            self.select(previewed)
            self.table.selectionModel().blockSignals(blocker)

    def _on_current_row(self, current, _previous) -> None:
        if current.isValid():
            self.preview(self.proxy.index(current.row(), COL_NAME).data(ID_ROLE))

    def preview(self, addressee_id: str) -> None:
        """Show ``addressee_id``'s letter in the editor's preview: the draft's ``series.preview``
        (saved with the draft, not an undo step: choosing whom to look at changes no letter)."""
        series = dict(self.model.draft.series or {})
        if not series or series.get("preview") == addressee_id:
            return
        series["preview"] = addressee_id
        self.model.draft.series = series
        self.model.revision += 1
        self.model.valueChanged.emit("", SERIES)
        self.previewChanged.emit(addressee_id)

    # ------------------------------------------------------------------ checks per addressee
    def _on_form_tab(self, _index: int) -> None:
        self._schedule_checks()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if not self._loaded:
            self.reload()
        self._schedule_checks()

    def _on_draft_changed(self, _lang: str, name: str) -> None:
        if name == SERIES:
            if self.source_id != self._loaded_source:
                if self._loaded or self.isVisible():
                    self.reload()
                else:
                    self._fill_sources()
            return
        self._stale = True  # the letters changed: their counts are old
        self._cancel_checks()
        self._schedule_checks()

    def _schedule_checks(self) -> None:
        if self._stale and self.addressees and self.check_job is None:
            self._check_timer.start()

    def _maybe_check(self) -> None:
        if self.isVisible():
            self.start_checks()

    def start_checks(self) -> bool:
        """Check every addressee's letters in a worker thread; rows fill in as they come."""
        if not self.addressees or self.check_job is not None:
            return False
        self._stale = False
        self.counts = {}
        for row in range(self.rows.rowCount()):
            self._show_counts(row, None)
        job = SeriesCheckJob(self.model.draft.copy(), self.addressees, self.model.languages)
        job.signals.row.connect(self._on_row_checked)
        job.signals.progress.connect(lambda *_: self._update_status())
        job.signals.checked.connect(self._on_checks_finished)
        job.signals.failed.connect(self._show_notice)
        self.check_job = job
        self._update_status()
        self._run(job)
        return True

    def _cancel_checks(self) -> None:
        if self.check_job is not None:
            self.check_job.cancel()

    def _on_row_checked(self, addressee_id: str, errors: int, warnings: int) -> None:
        job = self.check_job
        if job is None or job.cancelled or self.sender() is not job.signals:
            return  # a row of a cancelled run
        self.counts[addressee_id] = (errors, warnings)
        for row in range(self.rows.rowCount()):
            if self.rows.item(row, COL_NAME).data(ID_ROLE) == addressee_id:
                self._show_counts(row, addressee_id)
                break
        self.rowChecked.emit(addressee_id, errors, warnings)

    def _show_counts(self, row: int, addressee_id: str | None) -> None:
        counts = self.counts.get(addressee_id) if addressee_id else None
        for col, value in ((COL_ERRORS, counts[0] if counts else None), (COL_WARNINGS, counts[1] if counts else None)):
            item = self.rows.item(row, col)
            item.setText("" if value is None else str(value))
            item.setData(-1 if value is None else value, SORT_ROLE)
        name = self.rows.item(row, COL_NAME)
        icon = QStyle.StandardPixmap.SP_MessageBoxCritical if counts and counts[0] else \
            QStyle.StandardPixmap.SP_MessageBoxWarning if counts and counts[1] else None
        name.setIcon(self.style().standardIcon(icon) if icon is not None else QIcon())

    def _on_checks_finished(self) -> None:
        job = self.check_job
        self.check_job = None
        if job is not None and job.cancelled:
            self._stale = True
            self._schedule_checks()
        else:
            if self.proxy.findings_only:
                self.proxy.refresh()
            self.checksFinished.emit()
        self._update_status()

    def _update_status(self) -> None:
        total = len(self.addressees)
        parts = [tr("series.shown", shown=self.proxy.rowCount(), total=total)] if total else []
        if self.check_job is not None:
            parts.append(tr("series.checking", done=len(self.counts), total=total))
        elif self.counts and len(self.counts) == total:
            with_findings = sum(1 for e, w in self.counts.values() if e or w)
            parts.append(tr("series.checked", n=with_findings, total=total))
        self.status.setText(" — ".join(parts))

    # ------------------------------------------------------------------ export
    def export_ids(self) -> list[str]:
        """The rows selected when there are several, else every row shown."""
        selected = self.selected_ids()
        return selected if len(selected) > 1 else self.shown_ids()

    def chosen_languages(self) -> list[str]:
        return [lang for lang, box in self.language_boxes.items() if box.isChecked()]

    def chosen_formats(self) -> list[str]:
        return [fmt for fmt, box in self.format_boxes.items() if box.isChecked() and box.isEnabled()]

    def _update_scope(self) -> None:
        if not hasattr(self, "scope"):
            return
        selected = len(self.selected_ids()) > 1
        a, l, f = len(self.export_ids()), len(self.chosen_languages()), len(self.chosen_formats())  # noqa: E741
        self.scope.setText(tr("series.scope.selected" if selected else "series.scope.shown", a=a, l=l, f=f))
        self.export_button.setText(tr_n("series.export", a * l * f))
        self.export_button.setEnabled(a * l * f > 0 and self.export_job is None)

    def choose_folder(self) -> None:
        start = self.folder.text() or (str(Path(self.model.draft.path).parent) if self.model.draft.path else str(Path.home()))
        folder = QFileDialog.getExistingDirectory(self, tr("series.export_group"), start)
        if folder:
            self.folder.setText(folder)

    def export(self) -> bool:
        """Write the letters of the rows shown (or selected) into the chosen folder."""
        if self.export_job is not None:
            self._show_notice(tr("series.busy"))
            return False
        if not self.addressees:
            self._show_notice(tr("series.need_series"))
            return False
        ids, langs, fmts = self.export_ids(), self.chosen_languages(), self.chosen_formats()
        if not (ids and langs and fmts):
            self._show_notice(tr("series.need_choice"))
            return False
        if not self.folder.text().strip():
            self.choose_folder()
        folder = self.folder.text().strip()
        if folder and not Path(folder).is_dir() and not Path(folder).parent.is_dir():
            self._show_notice(tr("series.need_folder"))
            return False
        if not folder:
            self._show_notice(tr("series.need_folder"))
            return False
        resume = self.resume.isChecked()
        if not resume:
            existing = [1 for i in ids for lang in langs for fmt in fmts
                        if (Path(folder) / batch.target_name(self.model.draft, self.by_id[i], lang, fmt)).exists()]
            if existing:
                answer = QMessageBox.question(
                    self, tr("series.export_group"), tr("series.replace", n=len(existing), folder=folder),
                    QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No | QMessageBox.StandardButton.Cancel,
                    QMessageBox.StandardButton.No)
                if answer == QMessageBox.StandardButton.No:
                    resume = True
                elif answer != QMessageBox.StandardButton.Yes:
                    return False
        return self.start_export(ids, langs, fmts, folder, resume)

    def start_export(self, ids: list[str], languages: list[str], formats: list[str], folder: str,
                     resume: bool = False) -> bool:
        if self.export_job is not None:
            return False
        addressees = [self.by_id[i] for i in ids]
        job = SeriesExportJob(self.model.draft.copy(), addressees, languages, folder, formats, resume)
        job.signals.progress.connect(self._on_export_progress)
        job.signals.finished.connect(self._on_export_finished)
        job.signals.failed.connect(self._on_export_failed)
        self.export_job = job
        self._last_export = (list(ids), list(languages), list(formats), folder)
        self.summary.hide()
        self.open_folder.hide()
        self.resume_button.hide()
        self.cancel_button.show()
        self.cancel_button.setEnabled(True)
        self.progress.setRange(0, job.total)
        self.progress.setValue(0)
        self.progress.setFormat("%v / %m")
        self.progress.show()
        self._update_scope()
        self._run(job)
        return True

    def cancel_export(self) -> None:
        """Stop before the next letter; the letters written stay complete."""
        if self.export_job is not None:
            self.export_job.cancel()
            self.cancel_button.setEnabled(False)

    def resume_export(self) -> bool:
        """Run the interrupted batch again, keeping the letters it wrote."""
        if self._last_export is None:
            return False
        ids, langs, fmts, folder = self._last_export
        ids = [i for i in ids if i in self.by_id]
        return self.start_export(ids, langs, fmts, folder, resume=True)

    def _on_export_progress(self, done: int, total: int, name: str) -> None:
        self.progress.setValue(done)
        self.progress.setToolTip(tr("series.progress", done=done, total=total, name=name))
        self.exportProgress.emit(done, total)

    def _export_done(self) -> None:
        self.export_job = None
        self.cancel_button.hide()
        self.progress.hide()
        self._update_scope()

    def _on_export_finished(self, report: SeriesReport) -> None:
        self._export_done()
        self.last_report = report
        self._show_summary(report)
        self.resume_button.setVisible(bool(report.cancelled or report.stopped))
        self.open_folder.show()
        self.exportFinished.emit(report)

    def _on_export_failed(self, message: str) -> None:
        self._export_done()
        self.summary.setPlainText(tr("export.failed", error=message))
        self.summary.show()
        self.exportFinished.emit(SeriesReport(stopped=message))

    def _show_summary(self, report: SeriesReport) -> None:
        self.summary.setPlainText(summary_text(report))
        self.summary.show()

    def _open_folder(self) -> None:
        if self._last_export is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(self._last_export[3]))

    def _run(self, job) -> None:
        """Start ``job`` in the thread pool; it is cancelled if this view goes away first."""
        worker.RUNNING.add(job)
        self.destroyed.connect(job.cancel)
        app = QApplication.instance()
        if app is not None and not getattr(app, "_series_quit_hooked", False):
            app.aboutToQuit.connect(lambda: worker.cancel_all(wait_ms=30000))
            app._series_quit_hooked = True
        worker.series_pool().start(job)

    # ------------------------------------------------------------------ end
    def shut(self) -> None:
        """The draft is closing: stop the checks and the batch (its letters stay complete)."""
        self._cancel_checks()
        if self.export_job is not None:
            self.export_job.cancel()


def summary_text(report: SeriesReport) -> str:
    """The end of a batch in the interface language: counts, then the letters with errors, the
    letters not made, the list's skipped rows, and whether it was cancelled or stopped."""
    written = len(report.by_status("written"))
    kept = len(report.by_status("kept"))
    failed = report.by_status("failed")
    lines = [tr("series.summary.written", written=written, total=report.total)]
    if kept:
        lines.append(tr("series.summary.kept", n=kept))
    if report.cancelled:
        lines.append(tr("series.summary.cancelled"))
    if report.stopped:
        lines.append(report.stopped)
    with_errors = report.with_errors
    if with_errors:
        lines.append(tr("series.summary.errors", n=len(with_errors)))
        lines += [f"  {os.path.basename(o.path) if o.path else o.addressee}: "
                  + i18n.findings_summary(o.errors, o.warnings) for o in with_errors]
    elif written:
        lines.append(tr("series.summary.no_errors"))
    if failed:
        lines.append(tr("series.summary.failed", n=len(failed)))
        lines += [f"  {o.addressee} [{o.language}]: {o.message}" for o in failed]
    if report.problems:
        lines.append(tr("series.summary.problems", n=len(report.problems)))
        lines += [f"  {p}" for p in report.problems]
    return "\n".join(lines)
