"""Series letters: the same draft rendered once per addressee and language.

``render_series`` writes ``<draft>.<addressee-id>.<lang>.<ext>`` into a folder. Every file is
written atomically (a temporary file renamed into place), so an interrupted batch — cancelled, a
full disk, a crash — leaves only complete letters, and ``resume=True`` skips those on the next
run. A letter that cannot be made (no name in its language, a template error for that addressee)
is reported and the others go on; a folder that cannot be written to stops the batch with a
message saying how far it got. Each letter can be checked as it is made: the caller passes the
checker (``check``), since outputs/ does not depend on checks/.
"""
from __future__ import annotations

import os
import shutil
import tempfile
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Sequence

from ..compose.pipeline import build_document
from ..errors import ExportError, StudioError
from ..model import addressees as addr_mod
from ..model.addressees import Addressee, AddresseeList
from ..files import atomic_write_bytes
from ..model.draft import Draft

MEMBER_STATES = "member-states"
FORMATS = ("docx", "pdf")


@dataclass
class LetterOutcome:
    addressee: str
    language: str
    path: Path | None
    status: str  # "written" | "kept" (already there, resumed) | "failed"
    message: str = ""
    errors: int = 0
    warnings: int = 0


@dataclass
class SeriesReport:
    outcomes: list[LetterOutcome] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # rows of the addressee list that were skipped
    stopped: str | None = None  # why the batch stopped before the end (disk full…)
    cancelled: bool = False
    total: int = 0

    def by_status(self, status: str) -> list[LetterOutcome]:
        return [o for o in self.outcomes if o.status == status]

    @property
    def with_errors(self) -> list[LetterOutcome]:
        return [o for o in self.outcomes if o.errors]

    @property
    def complete(self) -> bool:
        return not self.stopped and not self.cancelled and not self.by_status("failed") and not self.problems

    def summary(self) -> str:
        """A few lines for the terminal or the editor's status: counts, then each letter that
        failed or has errors."""
        written, kept, failed = (len(self.by_status(s)) for s in ("written", "kept", "failed"))
        lines = [f"{written} letter{'' if written == 1 else 's'} written" + (f", {kept} already there" if kept else "")
                 + (f", {failed} not made" if failed else "") + f" (of {self.total})"]
        if self.with_errors:
            lines.append(f"{len(self.with_errors)} letters have errors:")
            lines += [f"  {o.path.name if o.path else o.addressee}: {o.errors} error(s), {o.warnings} warning(s)"
                      for o in self.with_errors]
        lines += [f"  {o.addressee} [{o.language}]: {o.message}" for o in self.by_status("failed")]
        lines += [f"  {p}" for p in self.problems]
        if self.cancelled:
            lines.append("cancelled: the letters written so far are complete; run again with resume to finish")
        if self.stopped:
            lines.append(self.stopped)
        return "\n".join(lines)


def series_addressees(draft: Draft, source: str | None = None, languages: Iterable[str] = ()) -> AddresseeList:
    """The addressees of a series: ``source`` ("member-states", or a .csv/.xlsx path), else the
    draft's own ``series.addressees`` (a path relative to the draft's folder)."""
    source = source or (draft.series or {}).get("addressees")
    if not source:
        raise StudioError(f"{draft.name}: no addressees for a series (give the register "
                          f"'{MEMBER_STATES}' or a .csv/.xlsx file)")
    if source == MEMBER_STATES:
        return AddresseeList(addr_mod.member_states(), [], source=MEMBER_STATES)
    path = Path(source)
    if not path.is_absolute() and draft.path is not None and not path.exists():
        path = Path(draft.path).parent / path
    return addr_mod.read_addressees(path, languages)


def target_name(draft: Draft, addressee: Addressee, language: str, fmt: str) -> str:
    stem = Path(draft.path).stem if draft.path else "letter"
    safe = "".join(c if c.isalnum() or c in "-_" else "-" for c in addressee.id)
    return f"{stem}.{safe}.{language}.{fmt}"


def render_series(draft: Draft, addressees: Sequence[Addressee], languages: Sequence[str], out_dir,
                  fmt: str = "docx", *, resume: bool = False,
                  check: Callable | None = None,
                  progress: Callable[[int, int, LetterOutcome], None] | None = None,
                  cancelled: Callable[[], bool] | None = None,
                  pdf_workers: int | None = None) -> SeriesReport:
    """Write one letter per addressee and language into ``out_dir``; see the module docstring.

    ``check(doc, draft) -> (errors, warnings)`` is called on each letter made. ``progress(done,
    total, outcome)`` after each letter; ``cancelled()`` is asked before each one."""
    if fmt not in FORMATS:
        raise ExportError(f"series letters are written as {' or '.join(FORMATS)}, not '{fmt}'")
    out = Path(out_dir)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ExportError(f"{out}: cannot create the output folder ({exc.strerror})") from None
    jobs = [(a, lang, out / target_name(draft, a, lang, fmt)) for a in addressees for lang in languages]
    report = SeriesReport(total=len(jobs))
    if fmt == "pdf":
        return _render_pdf(draft, jobs, report, resume, check, progress, cancelled, pdf_workers)
    for done, (a, lang, target) in enumerate(jobs, 1):
        if cancelled is not None and cancelled():
            report.cancelled = True
            break
        outcome = _one(draft, a, lang, target, resume, check, report)
        if progress is not None:
            progress(done, len(jobs), outcome)
        if report.stopped:
            break
    return report


def _make(draft, a, lang, check) -> tuple[bytes | None, LetterOutcome | None, int, int]:
    if not a.has_name(lang):
        return None, LetterOutcome(a.id, lang, None, "failed", f"no name in {lang}"), 0, 0
    try:
        doc = build_document(draft, lang, addressee=a)
    except StudioError as exc:
        return None, LetterOutcome(a.id, lang, None, "failed", str(exc)), 0, 0
    errors = warnings = 0
    if check is not None:
        errors, warnings = check(doc, draft)
    from ..docx.writer import docx_bytes  # lazy: python-docx costs ~55 ms at start-up

    return docx_bytes(doc), None, errors, warnings


def _one(draft, a, lang, target: Path, resume, check, report) -> LetterOutcome:
    if resume and target.is_file():
        outcome = LetterOutcome(a.id, lang, target, "kept")
        report.outcomes.append(outcome)
        return outcome
    data, failed, errors, warnings = _make(draft, a, lang, check)
    if failed is not None:
        report.outcomes.append(failed)
        return failed
    try:
        atomic_write_bytes(target, data)
    except OSError as exc:
        outcome = LetterOutcome(a.id, lang, target, "failed", f"cannot write ({exc.strerror or exc})")
        report.outcomes.append(outcome)
        report.stopped = _stopped_message(target, exc, report)
        return outcome
    outcome = LetterOutcome(a.id, lang, target, "written", errors=errors, warnings=warnings)
    report.outcomes.append(outcome)
    return outcome


def _stopped_message(target: Path, exc: OSError, report: SeriesReport) -> str:
    done = len(report.by_status("written")) + len(report.by_status("kept"))
    return (f"stopped: {target.parent}: cannot write {target.name} ({exc.strerror or exc}); "
            f"{done} of {report.total} letters are written and complete, nothing partial was left; "
            "free some space and run again with resume to finish")


def _render_pdf(draft, jobs, report, resume, check, progress, cancelled, workers) -> SeriesReport:
    """DOCX for every letter first, then LibreOffice in parallel (one process per CPU core, each
    with its own profile), then each PDF moved into place atomically."""
    workers = max(1, workers or os.cpu_count() or 1)
    with tempfile.TemporaryDirectory(prefix="circular-studio-series-") as tmp:
        todo: list[tuple[Addressee, str, Path, Path, int, int]] = []
        for done, (a, lang, target) in enumerate(jobs, 1):
            if cancelled is not None and cancelled():
                report.cancelled = True
                break
            if resume and target.is_file():
                report.outcomes.append(LetterOutcome(a.id, lang, target, "kept"))
                continue
            data, failed, errors, warnings = _make(draft, a, lang, check)
            if failed is not None:
                report.outcomes.append(failed)
                continue
            docx = Path(tmp) / f"{len(todo):05d}.docx"
            docx.write_bytes(data)
            todo.append((a, lang, target, docx, errors, warnings))
        chunks = [todo[i::workers] for i in range(workers) if todo[i::workers]]
        lock = threading.Lock()

        from .pdf import docx_many_to_pdf  # lazy: only for PDF, like formats.py

        def convert(chunk):
            outdir = Path(tmp) / f"pdf-{id(chunk)}"
            pdfs = docx_many_to_pdf([c[3] for c in chunk], outdir)
            return list(zip(chunk, pdfs))

        with ThreadPoolExecutor(max_workers=len(chunks) or 1) as pool:
            results = [pair for part in pool.map(convert, chunks) for pair in part]
        finished = 0
        for (a, lang, target, _docx, errors, warnings), pdf in results:
            if report.stopped:
                break
            part = target.with_name(f".{target.name}.part")
            try:
                shutil.copyfile(pdf, part)
                part.replace(target)
            except OSError as exc:
                part.unlink(missing_ok=True)
                outcome = LetterOutcome(a.id, lang, target, "failed", f"cannot write ({exc.strerror or exc})")
                report.outcomes.append(outcome)
                report.stopped = _stopped_message(target, exc, report)
                break
            outcome = LetterOutcome(a.id, lang, target, "written", errors=errors, warnings=warnings)
            with lock:
                report.outcomes.append(outcome)
            finished += 1
            if progress is not None:
                progress(finished, len(results), outcome)
    return report
