"""Exports run in a QThreadPool worker so the window stays responsive (LibreOffice takes ~1.5 s).

The worker gets its own copy of the draft; it reports progress, the written path or a one-line
error through queued signals.
"""
from __future__ import annotations

import traceback

from PySide6.QtCore import QObject, QRunnable, Signal

from circular_studio.core.model.draft import Draft
from circular_studio.core.errors import StudioError
from . import services


class ExportSignals(QObject):
    progress = Signal(int, str)
    finished = Signal(str)
    failed = Signal(str)


class ExportJob(QRunnable):
    """One language to ``path``; or, with ``languages``, each of them into the folder ``path``
    (one file per language, named by language; PDFs in one LibreOffice run)."""

    def __init__(self, draft: Draft, language: str, path: str, fmt: str, languages: list[str] | None = None):
        super().__init__()
        self.draft, self.language, self.path, self.fmt = draft, language, path, fmt
        self.languages = languages
        self.signals = ExportSignals()
        self.setAutoDelete(False)

    def run(self) -> None:
        step = lambda pct, msg="": self.signals.progress.emit(pct, msg)  # noqa: E731
        try:
            if self.languages:
                written = services.export_languages(self.draft, self.languages, self.path, self.fmt,
                                                    progress=step)
                result = self.path if len(written) != 1 else written[0]
            else:
                result = services.export(self.draft, self.language, self.path, self.fmt, progress=step)
        except StudioError as exc:
            self.signals.failed.emit(str(exc))
        except OSError as exc:
            self.signals.failed.emit(f"{self.path}: {exc.strerror or exc}")
        except Exception as exc:  # noqa: BLE001 - a bug must not kill the window; show it
            traceback.print_exc()
            self.signals.failed.emit(f"{type(exc).__name__}: {exc}")
        else:
            self.signals.finished.emit(str(result))
