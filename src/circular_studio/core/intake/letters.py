"""Reading a letter to check: a draft (.json), a .docx, a .md or a .txt file."""
from __future__ import annotations

import os
import re
from pathlib import Path

from ..document import Block, BlockKind, Document, Span
from ..locale.languages import direction_of
from ..errors import DraftError, InputError, StudioError
from ..locale.langdetect import detect_document
from ..files import read_utf8
from ..model import draft as draft_mod
from ..docx.reader import read_docx
from ..compose.pipeline import build_document
from ..compose.markdown import parse_markdown
from ..locale import languages

# Markdown only: a link, bold, an autolink, a heading. A line that begins with "- " is not enough:
# letters typed or pasted as plain text list their addressees so ("To:- Member States…"), and
# reading them as Markdown would join their header lines (date, "Ref:", subject) into one paragraph
_MD_HINT = re.compile(r"\]\([^)\s]*\)|\*\*[^*]+\*\*|<https?://|^#{1,6} ", re.M)


def _read_text(path: Path) -> str:
    return read_utf8(path, InputError).replace("\r\n", "\n").replace("\r", "\n")


def _guess(text: str) -> str:
    return detect_document([ln for ln in text.split("\n") if ln.strip()], "en")


_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?:.*\n){0,60}?(?:---|\.\.\.)[ \t]*(?:\n|\Z)")


def parse_md(text: str, language: str, source: str = "") -> Document:
    """A Markdown letter; YAML front matter (--- title: … ---), which editors and static-site
    tools put on top, is not part of the letter."""

    doc = parse_markdown(_FRONT_MATTER.sub("", text, count=1), language, source=source)
    for b in doc.blocks:
        b.spans = _unfold_labels(b.spans)
    return doc


def _contact_label():

    words = sorted({w for e in languages.ordered() for w in e.part("contact")}, key=len, reverse=True)
    return re.compile(rf"^((?:{'|'.join(words) or '(?!)'})\s*[:：]\s*)(\S+@\S+)$", re.I)


def _unfold_labels(spans: list[Span]) -> list[Span]:
    """"E-mail:gbs@itu.int" written without a space: the link finder takes the label for part of
    the address (mailto:E-mail:gbs@itu.int); give the label back to the text."""
    if not any(s.link and s.link.startswith("mailto:") for s in spans):
        return spans
    rx = _contact_label()
    out = []
    for s in spans:
        m = rx.match(s.text) if s.link and s.link.startswith("mailto:") else None
        if m:
            out.append(Span(m.group(1), s.bold, s.italic))
            out.append(Span(m.group(2), s.bold, s.italic, "mailto:" + m.group(2)))
        else:
            out.append(s)
    return out


def parse_plain(text: str, language: str, source: str = "") -> Document:
    """Plain text: one block per non-empty line (as a letter pasted from Word)."""
    direction = direction_of(language)
    blocks = [Block(BlockKind.PARAGRAPH, [Span(ln.rstrip())], direction)
              for ln in text.split("\n") if ln.strip()]
    return Document(language=language, blocks=blocks, source=source, writing_direction=direction)


def _draft_documents(path: Path, language: str | None):

    try:
        d = draft_mod.load(path)
    except DraftError as exc:
        raise InputError(str(exc)) from None
    langs = [language] if language else list(d.languages)
    if language and language not in d.languages:
        raise InputError(f"{path}: the draft has no '{language}' version (it has {', '.join(d.languages)})")

    out = []
    for lang in langs:
        try:
            doc = build_document(d, lang, strict=False)  # an incomplete draft is checked too
        except StudioError as exc:
            raise InputError(str(exc)) from None
        doc.source = str(path)
        out.append((doc, d))
    return out


def _docx_document(path: Path, language: str | None) -> Document:

    return read_docx(path, language=language)


def _not_empty(doc: Document, path: Path) -> tuple[Document, None]:
    """A file with no text (an empty .txt, a .docx never typed in) is unusable input, not a
    letter without findings: "0 errors" would tell the reviewer the letter was checked."""
    if not any(b.text.strip() for b in doc.blocks):
        raise InputError(f"{path}: the file holds no text to check (is it the right file?)")
    return doc, None


def load_letter(path: str | os.PathLike, language: str | None = None) -> list[tuple[Document, object]]:
    """The letter(s) in ``path``: [(Document, Draft or None)]. A draft gives one Document per
    language (or only ``language``). Unusable input raises InputError with a clear message."""
    path = Path(path)
    if not path.exists():
        raise InputError(f"{path}: no such file")
    if path.is_dir():
        raise InputError(f"{path}: is a folder, not a letter")
    suffix = path.suffix.lower()
    if suffix == ".json":
        return _draft_documents(path, language)
    if suffix == ".docx":
        doc = _docx_document(path, language)
        doc.source = str(path)
        return [_not_empty(doc, path)]
    if suffix in (".md", ".markdown", ".txt", ""):
        text = _read_text(path)
        lang = language or _guess(text)
        if suffix == ".txt" and not _MD_HINT.search(text):
            doc = parse_plain(text, lang, str(path))
        else:
            doc = parse_md(text, lang, str(path))
        return [_not_empty(doc, path)]
    raise InputError(f"{path}: cannot check '{suffix}' files (use .json drafts, .docx, .md or .txt)")
