"""Export of the draft being edited to .docx or .pdf, kept apart from the editor.

An export is a small flow of its own: the checks are run first and, if errors remain in the
language shown, the user is asked whether to export anyway; then a file name is asked for, the
file is written by an ``ExportJob`` in the thread pool (the window stays responsive, a progress
bar shows in the status bar, a second export is refused meanwhile), and the result is reported
with an offer to open the file or its folder (``exportFinished``/``exportFailed`` are emitted).

``ExportFlowMixin`` is mixed into ``MainWindow`` and uses its model, settings, preview, findings
panel, actions, message bar and signals.
"""
from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QThreadPool, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressBar

from .i18n import language_name, tr
from .worker import ExportJob


class ExportFlowMixin:
    """The window's export: the errors-remain prompt, the worker and its progress, the result."""

    _export_job: ExportJob | None = None  # the running export, if any

    def _build_export_progress(self) -> None:
        self.progress = QProgressBar(self)
        self.progress.setMaximumWidth(180)
        self.progress.setRange(0, 100)
        self.progress.hide()
        self.statusBar().addPermanentWidget(self.progress)

    def export(self, fmt: str) -> bool:
        if self.model is None:
            return False
        if self._export_job is not None:
            self.show_message(tr("export.busy"), "info")
            return False
        lang = self.preview.language() or self.model.languages[0]
        self.run_checks()
        errors = self.findings_panel.error_count(lang)
        if errors:
            answer = QMessageBox.warning(
                self, tr(f"export.title.{fmt}"), tr("export.errors_remain", n=errors, lang=language_name(lang)),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
            if answer != QMessageBox.StandardButton.Yes:
                return False
        base = Path(self.model.draft.path).stem if self.model.draft.path else self.model.draft.letter_type
        folder = self.settings.last_folder or str(Path.home())
        path, _ = QFileDialog.getSaveFileName(self, tr(f"export.title.{fmt}"),
                                              os.path.join(folder, f"{base}-{lang}.{fmt}"),
                                              tr(f"export.filter.{fmt}"))
        if not path:
            return False
        if not path.lower().endswith(f".{fmt}"):
            path += f".{fmt}"
        return self.start_export(path, fmt, lang)

    def start_export(self, path: str, fmt: str, lang: str) -> bool:
        job = ExportJob(self.model.draft.copy(), lang, path, fmt)
        job.signals.progress.connect(self._on_export_progress)
        job.signals.finished.connect(self._on_export_finished)
        job.signals.failed.connect(self._on_export_failed)
        self._export_job = job
        self.message_bar.hide()  # the last export's "Exported …" would read as this one's result
        self.progress.setValue(0)
        self.progress.show()
        self.statusBar().showMessage(tr("export.running", name=Path(path).name))
        self.actions["file.export_docx"].setEnabled(False)
        self.actions["file.export_pdf"].setEnabled(False)
        QThreadPool.globalInstance().start(job)
        return True

    def _on_export_progress(self, pct: int, _msg: str) -> None:
        self.progress.setValue(pct)

    def _export_done(self) -> None:
        self._export_job = None
        self.progress.hide()
        self._update_enabled()

    def _on_export_finished(self, path: str) -> None:
        self._export_done()
        self.statusBar().showMessage(tr("export.done", path=path), 6000)
        self.show_message(tr("export.done", path=path), "info", [
            (tr("export.open_file"), lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(path))),
            (tr("export.open_folder"), lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(Path(path).parent)))),
        ])
        self.exportFinished.emit(path)

    def _on_export_failed(self, message: str) -> None:
        self._export_done()
        self.statusBar().clearMessage()
        self.show_message(tr("export.failed", error=message), "error")
        self.exportFailed.emit(message)
