"""The GUI's one doorway into the core: build, check, export. Qt-free, so the worker thread and
the benchmarks call the same functions as the window.

Findings from the checks package are turned into ``UiFinding`` (the fields the panel needs plus
the language of the version they were found in).
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from circular_studio.core.checks import Severity, run_checks
from circular_studio.core.checks.status import BUILD_FAILED, CHECKER_FAILED
from circular_studio.core.document import Document
from circular_studio.core.model.draft import Draft
from circular_studio.core.errors import ExportError, StudioError
from circular_studio.core.compose.pipeline import build_document
from circular_studio.core.locale.spelling import close_suggestions
from circular_studio.core.outputs.formats import export_all, export_document, get_format


@dataclass(frozen=True)
class UiFinding:
    code: str
    severity: str  # "error" | "warning" | "info"
    message: str
    paragraph: int
    start: int
    end: int
    excerpt: str
    fix: str | None
    field: str | None
    language: str
    #: the corrections to choose from when ``fix`` is only a guess (a misspelt word with several
    #: close dictionary words: "contribtions" → contributions, contritions…)
    choices: tuple[str, ...] = ()

    @property
    def key(self) -> tuple:
        return (self.language, self.code, self.paragraph, self.start, self.end)

    @property
    def certain(self) -> bool:
        """A fix that is one click: there is one and nothing else to choose from."""
        return self.fix is not None and len(self.choices) <= 1


#: spelling checks whose fix is the dictionary's first close suggestion
SUGGESTED_FIX_CODES = {"SPELL001": "ar", "SPELL002": "fr", "SPELL003": "en"}


def _choices(code: str, excerpt: str, fix: str | None) -> tuple[str, ...]:
    lang = SUGGESTED_FIX_CODES.get(code)
    if lang is None or fix is None:
        return ()
    close = close_suggestions(excerpt, lang)
    if excerpt[:1].isupper():  # a capitalised word is corrected capitalised
        close = tuple(dict.fromkeys(c[:1].upper() + c[1:] for c in close))
    return tuple(dict.fromkeys((fix,) + close)) if fix not in close else close


def build(draft: Draft, language: str, strict: bool = False) -> Document:
    return build_document(draft, language, strict=strict)


def check(doc: Document, draft: Draft | None, language: str, ui_language: str = "en",
          **options) -> list[UiFinding]:
    """The findings on ``doc`` (the draft's disabled checks are honoured by the engine), most
    serious first; ``options`` go to run_checks (``ignore``, ``project``, ``versions``)."""
    findings = run_checks(doc, draft, ui_language=ui_language, **options)
    out = [UiFinding(f.code, f.severity.value, f.message, f.paragraph, f.start, f.end, f.excerpt,
                     f.fix, f.field, f.language or language, _choices(f.code, f.excerpt, f.fix))
           for f in findings]
    out.sort(key=lambda f: (Severity(f.severity).rank, f.paragraph, f.start, f.code))
    return out


def check_versions(draft: Draft, languages: list[str], docs: dict[str, Document],
                   ui_language: str = "en") -> tuple[list[UiFinding], dict[str, Document]]:
    """Every language version of ``draft`` checked (the versions not in ``docs`` built first: the
    checks compare them): (findings, the versions). Runs off the GUI thread on a copy of the draft;
    a version that cannot be built or checked is an error finding, never a clean letter."""
    docs = dict(docs)
    findings: list[UiFinding] = []
    for lang in languages:
        if lang not in docs:
            try:
                docs[lang] = build(draft, lang, strict=False)
            except StudioError as exc:
                findings.append(UiFinding(BUILD_FAILED, "error", str(exc), 0, 0, 0, "", None, None, lang))
    for lang in languages:
        doc = docs.get(lang)
        if doc is None:
            continue
        try:
            findings.extend(check(doc, draft, lang, ui_language, versions=dict(docs)))
        except StudioError as exc:
            findings.append(UiFinding(CHECKER_FAILED, "error", str(exc), 0, 0, 0, "", None, None, lang))
    return findings, docs


def export(draft: Draft, language: str, path: str | Path, fmt: str, progress=None) -> Path:
    """Write the letter in ``language`` to ``path`` as DOCX or PDF with the same code as the
    command line. Runs in a worker thread on its own copy of the draft; raises StudioError
    subclasses with one-line messages (unwritable folder, LibreOffice missing…)."""

    step = progress or (lambda _pct, _msg="": None)
    step(10, "build")
    path = Path(path)
    if not path.parent.is_dir():
        raise ExportError(f"{path.parent}: the folder does not exist; nothing was written")
    result = export_document(draft, language, path, fmt)
    step(100, "done")
    return Path(result)


def language_file_name(draft: Draft, language: str, fmt: str) -> str:
    """``<draft name>-<language>.<ext>``: what an export of one language is called."""
    base = Path(draft.path).stem if draft.path else draft.letter_type
    return f"{base}-{language}{get_format(fmt).suffix}"


def export_languages(draft: Draft, languages: list[str], folder: str | Path, fmt: str,
                     progress=None) -> list[Path]:
    """Every language of ``languages`` into ``folder``, one file each named by language
    (``language_file_name``); PDFs through one LibreOffice run. Returns the written paths."""
    step = progress or (lambda _pct, _msg="": None)
    folder = Path(folder)
    if not folder.is_dir():
        raise ExportError(f"{folder}: the folder does not exist; nothing was written")
    step(10, "build")
    targets = [folder / language_file_name(draft, lang, fmt) for lang in languages]
    written = export_all([(draft, lang) for lang in languages], targets, fmt)
    step(100, "done")
    return [Path(p) for p in written]


def letter_counts(doc: Document, draft: Draft | None, versions: dict | None = None) -> tuple[int, int]:
    """(errors, warnings) of one letter: what a series batch records for each letter it writes
    (``render_series``'s ``check``)."""
    found = run_checks(doc, draft, versions=versions)
    return (sum(f.severity is Severity.ERROR for f in found),
            sum(f.severity is Severity.WARNING for f in found))


def addressee_counts(draft: Draft, addressee, languages) -> tuple[int, int]:
    """(errors, warnings) over the letters of one addressee of a series, one per language, built
    as the batch builds them; a letter that cannot be made counts as one error."""
    docs: dict[str, Document] = {}
    errors = warnings = 0
    for lang in languages:
        if not addressee.has_name(lang):
            errors += 1  # the batch cannot make this letter: "no name in <lang>"
            continue
        try:
            docs[lang] = build_document(draft, lang, addressee=addressee)
        except StudioError:
            errors += 1
    for lang, doc in docs.items():
        e, w = letter_counts(doc, draft, versions=docs)
        errors, warnings = errors + e, warnings + w
    return errors, warnings


__all__ = ["UiFinding", "build", "check", "export", "StudioError"]
