"""The GUI's one doorway into the core: build, check, export. Qt-free, so the worker thread and
the benchmarks call the same functions as the window.

Findings from the checks package are turned into ``UiFinding`` (the fields the panel needs plus
the language of the version they were found in).
"""
from __future__ import annotations

import importlib
from dataclasses import dataclass
from pathlib import Path

from ..core.document import Document
from ..core.draft import Draft
from ..core.errors import ExportError, StudioError
from ..core.pipeline import build_document


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

    @property
    def key(self) -> tuple:
        return (self.language, self.code, self.paragraph, self.start, self.end)


def build(draft: Draft, language: str, strict: bool = False) -> Document:
    return build_document(draft, language, strict=strict)


def _run_checks_function():
    """The checks package's entry point, whichever module holds it."""
    for module, name in (("..core.checks", "run_checks"), ("..core.checks.engine", "run_checks"),
                         ("..core.checks.engine", "check_document")):
        try:
            mod = importlib.import_module(module, __package__)
        except ImportError:
            continue
        func = getattr(mod, name, None)
        if func is not None:
            return func
    return None


def check(doc: Document, draft: Draft | None, language: str, ui_language: str = "en") -> list[UiFinding]:
    func = _run_checks_function()
    if func is None:
        return []
    try:
        raw = func(doc, draft=draft, message_language=ui_language)
    except TypeError:
        raw = func(doc, draft=draft)
    if isinstance(raw, tuple):  # (findings, extra) shapes
        raw = raw[0]
    disabled = [c.upper() for c in (draft.disabled_checks if draft else [])]
    out = []
    for f in raw or []:
        code = str(getattr(f, "code", ""))
        if any(code.upper().startswith(d) for d in disabled):
            continue
        sev = getattr(f, "severity", "warning")
        sev = getattr(sev, "value", sev)
        paragraph = int(getattr(f, "paragraph", getattr(f, "block", 0)) or 0)
        field = getattr(f, "field", None)
        if field is None and 0 <= paragraph < len(doc.blocks):
            field = doc.blocks[paragraph].field
        out.append(UiFinding(code, str(sev), str(getattr(f, "message", "")), paragraph,
                             int(getattr(f, "start", 0) or 0), int(getattr(f, "end", 0) or 0),
                             str(getattr(f, "excerpt", "") or ""), getattr(f, "fix", None), field,
                             getattr(f, "language", None) or language))
    rank = {"error": 0, "warning": 1, "info": 2}
    out.sort(key=lambda f: (rank.get(f.severity, 3), f.paragraph, f.start, f.code))
    return out


def export(draft: Draft, language: str, path: str | Path, fmt: str, progress=None) -> Path:
    """Build the letter strictly and write ``path`` as DOCX or PDF. Runs in a worker thread:
    it only reads its own copy of the draft. Raises StudioError subclasses with one-line messages."""
    path = Path(path)
    step = progress or (lambda _pct, _msg="": None)
    step(5, "build")
    doc = build_document(draft, language, strict=True)
    folder = path.parent
    if not folder.is_dir():
        raise ExportError(f"{folder}: the folder does not exist")
    step(25, "docx")
    from ..core.docx_writer import write_docx

    if fmt == "docx":
        try:
            write_docx(doc, path)
        except OSError as exc:
            raise ExportError(f"{path}: cannot write ({exc.strerror or exc})") from None
        step(100, "done")
        return path
    from ..core import pdf

    docx_path = path.with_suffix(".docx")
    tmp_docx = docx_path if not docx_path.exists() else path.with_name(f".{path.stem}.export.docx")
    try:
        write_docx(doc, tmp_docx)
    except OSError as exc:
        raise ExportError(f"{tmp_docx}: cannot write ({exc.strerror or exc})") from None
    step(50, "pdf")
    try:
        result = pdf.docx_to_pdf(tmp_docx, path)
    finally:
        if tmp_docx.name.startswith("."):
            try:
                tmp_docx.unlink()
            except OSError:
                pass
    step(100, "done")
    return Path(result) if result else path


__all__ = ["UiFinding", "build", "check", "export", "StudioError"]
