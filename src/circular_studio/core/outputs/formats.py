"""The export formats, as a registry: each format says its id, file suffix, what it is called and
how one letter (and, where it is cheaper, many letters at once) is written. The command line
(``render -f``), the editor's File ▸ Export menu and its file dialogs all read ``FORMATS``: adding
a format is adding one ``register(ExportFormat(...))`` here (and its writer module).

Every write is atomic; failures are ExportError with the path and the reason."""
from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable

from ..compose.pipeline import build_document, markdown_of
from ..errors import ExportError
from ..files import atomic_write_bytes
from ..model.draft import Draft
from .pdf import docx_many_to_pdf, docx_to_pdf

#: (draft, language, target) -> the written path
Writer = Callable[[Draft, str, Path], Path]
#: ([(draft, language)], [target]) -> the written paths, in order
BatchWriter = Callable[[list, list], list]


@dataclass(frozen=True)
class ExportFormat:
    id: str  # "docx": the -f value, the suffix without its dot
    name: str  # what a user calls it: "Word document"
    write: Writer
    write_many: BatchWriter | None = None  # several letters in one go (one LibreOffice run)
    menu: bool = True  # offered in the editor's File ▸ Export menu
    needs_libreoffice: bool = False

    @property
    def suffix(self) -> str:
        return "." + self.id


FORMATS: dict[str, ExportFormat] = {}


def register(fmt: ExportFormat) -> ExportFormat:
    if fmt.id in FORMATS:
        raise ValueError(f"export format '{fmt.id}' registered twice")
    FORMATS[fmt.id] = fmt
    return fmt


def get_format(fmt_id: str, target=None) -> ExportFormat:
    try:
        return FORMATS[fmt_id]
    except KeyError:
        where = f"{target}: " if target is not None else ""
        raise ExportError(f"{where}unknown export format '{fmt_id}' ({', '.join(FORMATS)})") from None


def format_of_path(path, default: str = "docx") -> str:
    """The format a file name asks for (its suffix), else ``default``."""
    suffix = Path(path).suffix.lstrip(".").lower()
    return suffix if suffix in FORMATS else default


def _write(target: Path, data: bytes) -> Path:
    try:
        atomic_write_bytes(target, data)
    except OSError as exc:
        raise ExportError(f"{target}: cannot write here ({exc.strerror or exc}); nothing was written") from None
    return target


def _write_md(draft: Draft, language: str, target: Path) -> Path:
    """A proof to read: the facts not typed yet show as [placeholders]."""
    return _write(target, markdown_of(draft, language, strict=False).encode("utf-8"))


def _write_docx(draft: Draft, language: str, target: Path) -> Path:
    from ..docx.writer import docx_bytes  # lazy: python-docx costs ~55 ms at start-up

    return _write(target, docx_bytes(build_document(draft, language)))


def _write_pdf(draft: Draft, language: str, target: Path) -> Path:
    with tempfile.TemporaryDirectory(prefix="circular-studio-") as tmp:
        docx = _write_docx(draft, language, Path(tmp) / (target.stem + ".docx"))
        pdf = docx_to_pdf(docx, Path(tmp))
        return _write(target, Path(pdf).read_bytes())


def _write_many_pdf(jobs: list, targets: list) -> list:
    """Every (draft, language) to its PDF through one LibreOffice run (≈0.15 s a letter instead
    of ≈1.2 s)."""
    with tempfile.TemporaryDirectory(prefix="circular-studio-") as tmp:
        docx_paths = [_write_docx(d, lang, Path(tmp) / f"{i:04d}-{Path(target).stem}.docx")
                      for i, ((d, lang), target) in enumerate(zip(jobs, targets))]
        pdfs = docx_many_to_pdf(docx_paths, Path(tmp) / "pdf")
        written = []
        for pdf, target in zip(pdfs, targets):
            target = Path(target)
            part = target.with_name(f".{target.name}.part")
            try:
                shutil.copyfile(pdf, part)
                part.replace(target)
            except OSError as exc:
                part.unlink(missing_ok=True)
                raise ExportError(f"{target}: cannot write ({exc.strerror})") from None
            written.append(target)
        return written


register(ExportFormat("docx", "Word document", _write_docx))
register(ExportFormat("pdf", "PDF document", _write_pdf, _write_many_pdf, needs_libreoffice=True))
register(ExportFormat("md", "Markdown text", _write_md, menu=False))


def export_document(draft: Draft, language: str, target, fmt: str | None = None) -> Path:
    """Render ``draft`` in ``language`` and write it to ``target`` as ``fmt`` (from the suffix
    when None)."""
    target = Path(target)
    fmt = (fmt or target.suffix.lstrip(".") or "docx").lower()
    return get_format(fmt, target).write(draft, language, target)


def export_all(jobs: Iterable, targets: Iterable, fmt: str) -> list[Path]:
    """Write every (draft, language) of ``jobs`` to its target, in one go where the format can
    (PDF: one LibreOffice run)."""
    jobs, targets = list(jobs), [Path(t) for t in targets]
    spec = get_format(fmt, targets[0] if targets else None)
    if spec.write_many is not None and len(jobs) > 1:
        return spec.write_many(jobs, targets)
    return [spec.write(d, lang, target) for (d, lang), target in zip(jobs, targets)]
