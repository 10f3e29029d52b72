"""Export a draft's letter to a file: DOCX (python-docx), PDF (DOCX through LibreOffice) or the
rendered Markdown. Every write is atomic; failures are ExportError with the path and the reason."""
from __future__ import annotations

import tempfile
from pathlib import Path

from ..model.draft import Draft, atomic_write_bytes
from ..errors import ExportError
from ..compose.pipeline import build_document, markdown_of


def _write(target: Path, data: bytes) -> Path:
    try:
        atomic_write_bytes(target, data)
    except OSError as exc:
        raise ExportError(f"{target}: cannot write here ({exc.strerror or exc}); nothing was written") from None
    return target


def export_document(draft: Draft, language: str, target, fmt: str | None = None) -> Path:
    """Render ``draft`` in ``language`` and write it to ``target`` as ``fmt`` (from the suffix
    when None)."""
    target = Path(target)
    fmt = (fmt or target.suffix.lstrip(".") or "docx").lower()
    if fmt == "md":
        return _write(target, markdown_of(draft, language).encode("utf-8"))
    doc = build_document(draft, language)
    from ..docx.writer import docx_bytes  # lazy: python-docx costs ~55 ms at start-up

    if fmt == "docx":
        return _write(target, docx_bytes(doc))
    if fmt == "pdf":
        from .pdf import docx_to_pdf  # lazy: only for PDF

        with tempfile.TemporaryDirectory(prefix="circular-studio-") as tmp:
            docx = _write(Path(tmp) / (target.stem + ".docx"), docx_bytes(doc))
            pdf = docx_to_pdf(docx, Path(tmp))
            return _write(target, Path(pdf).read_bytes())
    raise ExportError(f"{target}: unknown export format '{fmt}' (docx, pdf or md)")
