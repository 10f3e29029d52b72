"""Export of the draft being edited, kept apart from the editor.

An export is a small flow of its own: the checks are run first and, if errors remain in the
language shown, the user is asked whether to export anyway; then a file name is asked for, the
file is written by an ``ExportJob`` in the thread pool (the window stays responsive, a progress
bar shows in the status bar, a second export is refused meanwhile), and the result is reported
with an offer to open the file or its folder (the window's ``exportFinished``/``exportFailed``
are emitted). The formats and their suffixes come from the core's format registry.

``ExportFlow`` is a part of the window: it is given the window and reads the draft from its
editor view; it owns the running job and the progress bar.
"""
from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QObject, QThreadPool, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressBar

from circular_studio.core.outputs.formats import get_format
from . import services
from .i18n import language_name, tr
from .worker import ExportJob


def file_filter(fmt_id: str) -> str:
    fmt = get_format(fmt_id)
    return tr("export.filter", name=fmt.id.upper(), suffix=fmt.suffix)


class ExportFlow(QObject):
    """The window's export: the errors-remain prompt, the worker and its progress, the result."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.job: ExportJob | None = None  # the running export, if any
        self.progress = QProgressBar(window)
        self.progress.setMaximumWidth(180)
        self.progress.setRange(0, 100)
        self.progress.hide()
        window.statusBar().addPermanentWidget(self.progress)

    def export(self, fmt: str) -> bool:
        w = self.window
        model = w.model
        if model is None:
            return False
        if self.job is not None:
            w.show_message(tr("export.busy"), "info")
            return False
        lang = w.editor_view.language()
        w.run_checks(wait=True)  # the findings of the letter as it is now
        title = tr("export.title", name=fmt.upper())
        errors = w.findings_panel.error_count(lang)
        if errors:
            answer = QMessageBox.warning(
                w, title, tr("export.errors_remain", n=errors, lang=language_name(lang)),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
            if answer != QMessageBox.StandardButton.Yes:
                return False
        suffix = get_format(fmt).suffix
        base = Path(model.draft.path).stem if model.draft.path else model.draft.letter_type
        folder = w.settings.last_folder or str(Path.home())
        path, _ = QFileDialog.getSaveFileName(w, title, os.path.join(folder, f"{base}-{lang}{suffix}"),
                                              file_filter(fmt))
        if not path:
            return False
        if not path.lower().endswith(suffix):
            path += suffix
        return self.start(path, fmt, lang)

    def export_all_languages(self, fmt: str) -> bool:
        """Every language of the letter at once into a chosen folder, one file per language
        named by language (letter-fr.pdf, letter-ar.pdf…); PDFs in one LibreOffice run."""
        w = self.window
        model = w.model
        if model is None:
            return False
        if self.job is not None:
            w.show_message(tr("export.busy"), "info")
            return False
        w.run_checks(wait=True)  # the findings of the letter as it is now
        title = tr("export.all_title", name=fmt.upper())
        errors = w.findings_panel.error_count()
        if errors:
            answer = QMessageBox.warning(
                w, title, tr("export.errors_remain_all", n=errors),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
            if answer != QMessageBox.StandardButton.Yes:
                return False
        folder = QFileDialog.getExistingDirectory(w, title, w.settings.last_folder or str(Path.home()))
        if not folder:
            return False
        names = [services.language_file_name(model.draft, lang, fmt) for lang in model.languages]
        existing = [n for n in names if (Path(folder) / n).exists()]
        if existing:
            answer = QMessageBox.question(
                w, title, tr("export.replace", names=", ".join(existing)),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
            if answer != QMessageBox.StandardButton.Yes:
                return False
        return self.start(folder, fmt, "", languages=list(model.languages))

    def start(self, path: str, fmt: str, lang: str, languages: list[str] | None = None) -> bool:
        w = self.window
        job = ExportJob(w.model.draft.copy(), lang, path, fmt, languages)
        job.signals.progress.connect(self._on_progress)
        job.signals.finished.connect(self._on_finished)
        job.signals.failed.connect(self._on_failed)
        self.job = job
        w.message_bar.hide()  # the last export's "Exported …" would read as this one's result
        self.progress.setValue(0)
        self.progress.show()
        w.statusBar().showMessage(tr("export.running", name=Path(path).name))
        w.update_enabled()
        QThreadPool.globalInstance().start(job)
        return True

    def _on_progress(self, pct: int, _msg: str) -> None:
        self.progress.setValue(pct)

    def _done(self) -> None:
        self.job = None
        self.progress.hide()
        self.window.update_enabled()

    def _on_finished(self, path: str) -> None:
        w = self.window
        self._done()
        w.statusBar().showMessage(tr("export.done", path=path), 6000)
        w.show_message(tr("export.done", path=path), "info", [
            (tr("export.open_file"), lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(path))),
            (tr("export.open_folder"), lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(Path(path).parent)))),
        ])
        w.exportFinished.emit(path)

    def _on_failed(self, message: str) -> None:
        w = self.window
        self._done()
        w.statusBar().clearMessage()
        w.show_message(tr("export.failed", error=message), "error")
        w.exportFailed.emit(message)
