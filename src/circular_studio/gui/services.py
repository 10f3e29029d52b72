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
    for module, name in (("..core.checks.engine", "run_checks"), ("..core.checks", "run_checks")):
        try:
            mod = importlib.import_module(module, __package__)
        except ImportError:
            continue
        func = getattr(mod, name, None)
        if func is not None:
            return func
    return None


def check(doc: Document, draft: Draft | None, language: str, ui_language: str = "en",
          **options) -> list[UiFinding]:
    """The findings on ``doc``; ``options`` go to the checks (``ignore``, ``project``)."""
    func = _run_checks_function()
    if func is None:
        return []
    try:
        raw = func(doc, draft=draft, ui_language=ui_language, **options)
    except ImportError as exc:  # a check family missing from an incomplete install
        return [UiFinding("CHECK000", "info", f"checks unavailable: {exc}", 0, 0, 0, "", None, None,
                          language)]
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
    """Write the letter in ``language`` to ``path`` as DOCX or PDF with the same code as the
    command line. Runs in a worker thread on its own copy of the draft; raises StudioError
    subclasses with one-line messages (unwritable folder, LibreOffice missing…)."""
    from ..core.export import export_document

    step = progress or (lambda _pct, _msg="": None)
    step(10, "build")
    path = Path(path)
    if not path.parent.is_dir():
        raise ExportError(f"{path.parent}: the folder does not exist; nothing was written")
    result = export_document(draft, language, path, fmt)
    step(100, "done")
    return Path(result)


__all__ = ["UiFinding", "build", "check", "export", "StudioError"]
