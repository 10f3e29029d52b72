"""Exports run in a QThreadPool worker so the window stays responsive (LibreOffice takes ~1.5 s).

Series letters too: ``SeriesExportJob`` runs a batch, ``SeriesCheckJob`` checks each addressee's
letters (the Series tab's counts); both stop on ``cancel()``.

The worker gets its own copy of the draft; it reports progress, the written path or a one-line
error through queued signals.
"""
from __future__ import annotations

import threading
import traceback

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from circular_studio.core.model.draft import Draft
from circular_studio.core.errors import StudioError
from circular_studio.core.outputs.batch import SeriesReport, render_series
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


class SeriesSignals(QObject):
    progress = Signal(int, int, str)  # done, total, what was just done (a file or addressee name)
    row = Signal(str, int, int)  # addressee id, errors, warnings (the series checks)
    finished = Signal(object)  # the SeriesReport of an export (never None: PySide6 would lose
    # a reference to None on each queued emission, and the interpreter aborts at exit)
    checked = Signal()  # the checks are done (or cancelled)
    failed = Signal(str)


_SERIES_POOL: QThreadPool | None = None


def series_pool() -> QThreadPool:
    """The series jobs' own threads (a check run and a batch at once), so that a long run of
    them never keeps File ▸ Export waiting for a thread of the global pool."""
    global _SERIES_POOL
    if _SERIES_POOL is None:
        _SERIES_POOL = QThreadPool()
        _SERIES_POOL.setMaxThreadCount(2)
    return _SERIES_POOL


#: the series jobs still running: kept alive here (their signals must outlive the view that
#: started them) and cancelled together when the application quits
RUNNING: set = set()


def cancel_all(wait_ms: int = 0) -> None:
    """Cancel the running series jobs; with ``wait_ms``, wait (at most that long) for them to
    stop, so that none is left running Python code while the program exits."""
    for job in list(RUNNING):
        job.cancel()
    if wait_ms and _SERIES_POOL is not None:
        _SERIES_POOL.waitForDone(wait_ms)


def _emit(job, signal, *args) -> bool:
    """Emit, unless the receiving side is gone (the window closed): then stop the job."""
    try:
        signal.emit(*args)
        return True
    except RuntimeError:  # "Signal source has been deleted"
        job.cancel()
        return False


class SeriesCheckJob(QRunnable):
    """The checks of a series, addressee by addressee: ``row`` after each one; ``cancel()``
    (thread-safe) stops before the next."""

    def __init__(self, draft: Draft, addressees: list, languages: list[str]):
        super().__init__()
        self.draft, self.addressees, self.languages = draft, list(addressees), list(languages)
        self.signals = SeriesSignals()
        self._cancel = threading.Event()
        self.setAutoDelete(False)

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def run(self) -> None:
        try:
            for done, a in enumerate(self.addressees, 1):
                if self._cancel.is_set():
                    break
                errors, warnings = services.addressee_counts(self.draft, a, self.languages)
                if not (_emit(self, self.signals.row, a.id, errors, warnings)
                        and _emit(self, self.signals.progress, done, len(self.addressees), a.id)):
                    break
        except Exception as exc:  # noqa: BLE001 - a bug must not kill the window; show it
            traceback.print_exc()
            _emit(self, self.signals.failed, f"{type(exc).__name__}: {exc}")
        finally:
            RUNNING.discard(self)
        _emit(self, self.signals.checked)


class SeriesExportJob(QRunnable):
    """A series batch (``core.outputs.batch.render_series``): one file per addressee, language
    and format into ``folder``; each letter checked once (on the first format written).
    ``progress`` after each letter, ``finished`` with the merged report; ``cancel()`` stops
    before the next letter, leaving only complete files (resume=True skips them next time)."""

    def __init__(self, draft: Draft, addressees: list, languages: list[str], folder: str,
                 formats: list[str], resume: bool = False):
        super().__init__()
        self.draft, self.addressees, self.languages = draft, list(addressees), list(languages)
        self.folder, self.formats, self.resume = folder, list(formats), resume
        self.signals = SeriesSignals()
        self._cancel = threading.Event()
        self.setAutoDelete(False)

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def total(self) -> int:
        return len(self.addressees) * len(self.languages) * len(self.formats)

    def run(self) -> None:
        try:
            report = self._run()
        except StudioError as exc:
            _emit(self, self.signals.failed, str(exc))
        except OSError as exc:
            _emit(self, self.signals.failed, f"{self.folder}: {exc.strerror or exc}")
        except Exception as exc:  # noqa: BLE001 - a bug must not kill the window; show it
            traceback.print_exc()
            _emit(self, self.signals.failed, f"{type(exc).__name__}: {exc}")
        else:
            _emit(self, self.signals.finished, report)
        finally:
            RUNNING.discard(self)

    def _run(self) -> SeriesReport:
        total = self.total
        merged = SeriesReport(total=total)
        counts: dict[tuple[str, str], tuple[int, int]] = {}
        per_format = len(self.addressees) * len(self.languages)
        for i, fmt in enumerate(self.formats):
            if self._cancel.is_set():
                merged.cancelled = True
                break
            base = i * per_format

            def progress(done, _n, outcome, base=base):
                name = outcome.path.name if outcome.path is not None else outcome.addressee
                _emit(self, self.signals.progress, base + done, total, name)

            report = render_series(self.draft, self.addressees, self.languages, self.folder, fmt,
                                   resume=self.resume, check=services.letter_counts if i == 0 else None,
                                   progress=progress, cancelled=self._cancel.is_set)
            for o in report.outcomes:
                key = (o.addressee, o.language)
                if i == 0:
                    counts[key] = (o.errors, o.warnings)
                elif key in counts:  # the same letter in another format: checked once
                    o.errors, o.warnings = counts[key]
                merged.outcomes.append(o)
            if report.stopped or report.cancelled:
                merged.stopped, merged.cancelled = report.stopped, report.cancelled
                break
        return merged
