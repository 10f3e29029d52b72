"""Reading a letter to check: a draft (.json), a .docx, a .md or a .txt file."""
from __future__ import annotations

import os
import re
from pathlib import Path

from ..document import Block, BlockKind, Document, Span, direction_of
from ..errors import DraftError, InputError, StudioError
from ..langdetect import detect_document

_MD_HINT = re.compile(r"\]\([^)\s]*\)|\*\*[^*]+\*\*|<https?://|^#{1,6} |^\s*[-*] ", re.M)


def _read_text(path: Path) -> str:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read the file ({exc.strerror or exc})") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not UTF-8 text (invalid byte at offset {exc.start})") from None
    if "\x00" in text:
        raise InputError(f"{path}: not a text file (contains NUL bytes)")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _guess(text: str) -> str:
    return detect_document([ln for ln in text.split("\n") if ln.strip()], "en")


def parse_md(text: str, language: str, source: str = "") -> Document:
    from ..markdown import parse_markdown

    return parse_markdown(text, language, source=source)


def parse_plain(text: str, language: str, source: str = "") -> Document:
    """Plain text: one block per non-empty line (as a letter pasted from Word)."""
    direction = direction_of(language)
    blocks = [Block(BlockKind.PARAGRAPH, [Span(ln.rstrip())], direction)
              for ln in text.split("\n") if ln.strip()]
    return Document(language=language, blocks=blocks, source=source)


def _draft_documents(path: Path, language: str | None):
    from .. import draft as draft_mod

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
            from ..pipeline import build_document  # the lead's renderer
        except ImportError:
            build_document = None
        if build_document is not None:
            try:
                doc = build_document(d, lang, strict=False)
            except TypeError:
                doc = build_document(d, lang)
            except StudioError as exc:
                raise InputError(str(exc)) from None
        else:
            doc = _draft_fallback(d, lang)
        doc.source = str(path)
        out.append((doc, d))
    return out


def _draft_fallback(d, lang: str) -> Document:
    """Until the pipeline renders drafts: the subject and the body of the draft."""
    fields = d.languages.get(lang, {})
    doc = parse_md(str(fields.get("body", "")), lang)
    for b in doc.blocks:
        b.field = "body"
    if fields.get("subject"):
        doc.blocks.insert(0, Block(BlockKind.SUBJECT, [Span(str(fields["subject"]))], direction_of(lang), "subject"))
    return doc


def _docx_document(path: Path, language: str | None) -> Document:
    try:
        from ..docx_reader import read_docx
    except ImportError:
        read_docx = None
    if read_docx is not None:
        return read_docx(path, language=language)
    return _read_docx_minimal(path, language)


def _read_docx_minimal(path: Path, language: str | None) -> Document:
    """Fallback reader (paragraphs, runs, hyperlinks with targets, w:bidi direction)."""
    import zipfile

    try:
        import docx  # python-docx
        from docx.oxml.ns import qn
    except ImportError as exc:  # pragma: no cover
        raise InputError(f"{path}: cannot read .docx files ({exc})") from None
    try:
        if not zipfile.is_zipfile(path):
            raise InputError(f"{path}: not a .docx file (not a ZIP archive)")
        with zipfile.ZipFile(path) as zf:
            info = zf.getinfo("word/document.xml")
            if info.file_size > 50_000_000:
                raise InputError(f"{path}: document.xml is too large ({info.file_size} bytes)")
        document = docx.Document(str(path))
    except InputError:
        raise
    except KeyError:
        raise InputError(f"{path}: not a Word document (no word/document.xml)") from None
    except Exception as exc:  # noqa: BLE001 - corrupt or hostile file
        raise InputError(f"{path}: cannot read the .docx ({type(exc).__name__}: {exc})") from None
    rels = document.part.rels
    blocks = []
    texts = []
    for p in document.paragraphs:
        spans = []
        for child in p._p.iterchildren():
            if child.tag == qn("w:r"):
                t = "".join(x.text or "" if x.tag == qn("w:t") else ("\n" if x.tag == qn("w:br") else "\t" if x.tag == qn("w:tab") else "")
                            for x in child.iterchildren())
                bold = child.find(qn("w:rPr") + "/" + qn("w:b")) is not None
                if t:
                    spans.append(Span(t, bold))
            elif child.tag == qn("w:hyperlink"):
                rid = child.get(qn("r:id"))
                anchor = child.get(qn("w:anchor"))
                target = ""
                if rid and rid in rels:
                    target = rels[rid].target_ref if rels[rid].is_external else ""
                elif anchor:
                    target = "#" + anchor
                t = "".join(x.text or "" for x in child.iter(qn("w:t")))
                spans.append(Span(t, False, False, target))
        ppr = p._p.pPr
        bidi = ppr is not None and ppr.find(qn("w:bidi")) is not None and \
            ppr.find(qn("w:bidi")).get(qn("w:val"), "1") not in ("0", "false")
        text = "".join(s.text for s in spans)
        if not text.strip():
            continue
        texts.append(text)
        blocks.append(Block(BlockKind.PARAGRAPH, spans, "rtl" if bidi else "ltr"))
    lang = language or detect_document(texts, "en")
    return Document(language=lang, blocks=blocks, source=str(path))


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
        return [(doc, None)]
    if suffix in (".md", ".markdown", ".txt", ""):
        text = _read_text(path)
        lang = language or _guess(text)
        if suffix == ".txt" and not _MD_HINT.search(text):
            doc = parse_plain(text, lang, str(path))
        else:
            doc = parse_md(text, lang, str(path))
        return [(doc, None)]
    raise InputError(f"{path}: cannot check '{suffix}' files (use .json drafts, .docx, .md or .txt)")
