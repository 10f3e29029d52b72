"""DOCX → IR, for letters drafted elsewhere in Word that must be checked before dispatch.

What is kept: paragraphs in body order (table cells row by row, a row's cells joined by a space
so "Référence:" | "DM-24/1009" reads as one line), the page header as a LETTERHEAD block, bold and
italic runs, hyperlinks with their targets (relationship targets, ``#anchor`` for bookmarks,
HYPERLINK fields), list paragraphs (numbering → "bullet"/"ordered"), paragraph direction
(``w:bidi``). LRM/RLM marks are kept: the bidi checks look for them. Every block is a PARAGRAPH;
the classifier refines kinds later.

The file is untrusted. It is only read as a zip of XML parts: any DTD is refused (no entity
expansion, no XXE), no network, no file the document references is ever opened, parts larger
than ``MAX_PART`` or compressed more than ``MAX_RATIO`` times are refused (zip bombs). Every
failure is an ``InputError("<path>: <reason>")``.
"""
from __future__ import annotations

import posixpath
import re
import zipfile
import zlib
from dataclasses import dataclass, replace
from pathlib import Path

from lxml import etree

from ..locale import languages
from ..locale.langdetect import detect_document
from ..document import Block, BlockKind, Document, Span
from ..model.draft import clean_text
from ..errors import InputError

MAX_PART = 20 * 1024 * 1024
MAX_TOTAL = 100 * 1024 * 1024
MAX_RATIO = 200
MAX_ENTRIES = 5000

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PR = "http://schemas.openxmlformats.org/package/2006/relationships"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
DC = "http://purl.org/dc/elements/1.1/"
OFFICE_DOC = R + "/officeDocument"


def w(tag: str) -> str:
    return f"{{{W}}}{tag}"


@dataclass(frozen=True)
class Piece:
    """Where characters ``start:end`` of a block's text stand in the .docx: in ``part`` (a zip
    name), the ``run``-th ``w:r`` of that part in document order, its ``child``-th element child
    (a ``w:t``, ``w:tab``, ``w:br``…), from character ``offset`` of that child's text. The
    annotator finds the same run by the same count, so findings go back onto the author's runs."""

    start: int
    end: int
    part: str
    run: int
    child: int
    offset: int = 0

    def shifted(self, by: int) -> "Piece":
        return replace(self, start=self.start + by, end=self.end + by)


_CFB_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                          dtd_validation=False, huge_tree=False, remove_comments=True,
                          remove_pis=True)
_FALSE = {"0", "false", "off", "none"}


class _Package:
    """Bounded, DTD-free access to the parts of a zip."""

    def __init__(self, path: Path):
        self.path = path
        try:
            with open(path, "rb") as fh:
                magic = fh.read(8)
        except OSError as exc:
            raise InputError(f"{path}: cannot read the file ({exc.strerror or exc})") from None
        if magic == _CFB_MAGIC:
            raise InputError(f"{path}: the document is password-protected (encrypted) or is an old "
                             f"Word 97-2003 file: remove the password in Word (File > Info > Protect "
                             f"Document) or save it as .docx, then check it again")
        try:
            self.zip = zipfile.ZipFile(path)
        except zipfile.BadZipFile:
            raise InputError(f"{path}: not a .docx file (not a zip archive)") from None
        except OSError as exc:
            raise InputError(f"{path}: cannot read the file ({exc.strerror or exc})") from None
        infos = self.zip.infolist()
        if len(infos) > MAX_ENTRIES:
            raise InputError(f"{path}: refused: {len(infos)} parts in the archive")
        total = 0
        for info in infos:
            total += info.file_size
            if info.file_size > MAX_PART:
                raise InputError(f"{path}: refused: part {info.filename} would expand to "
                                 f"{info.file_size // (1024 * 1024)} MB")
            if info.file_size > 1024 * 1024 and info.file_size > MAX_RATIO * max(info.compress_size, 1):
                raise InputError(f"{path}: refused: part {info.filename} is compressed "
                                 f"{info.file_size // max(info.compress_size, 1)} times (zip bomb?)")
        if total > MAX_TOTAL:
            raise InputError(f"{path}: refused: the archive would expand to {total // 2**20} MB")
        self.names = {info.filename for info in infos}

    def read(self, name: str) -> bytes | None:
        if name not in self.names:
            return None
        try:
            with self.zip.open(name) as fh:
                data = fh.read(MAX_PART + 1)  # actual size, whatever the header declares
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError, RuntimeError,
                ValueError) as exc:  # zlib.error: a damaged deflate stream
            raise InputError(f"{self.path}: unusable input: part {name} is damaged ({exc})") from None
        if len(data) > MAX_PART:
            raise InputError(f"{self.path}: refused: part {name} is larger than "
                             f"{MAX_PART // 2**20} MB")
        return data

    def xml(self, name: str):
        data = self.read(name)
        if data is None:
            return None
        if re.search(rb"<!DOCTYPE|<!ENTITY", data[:4096], re.I) or b"<!ENTITY" in data:
            raise InputError(f"{self.path}: refused: part {name} declares a DTD or entities "
                             f"(Word never writes them)")
        try:
            return etree.fromstring(data, _PARSER)
        except etree.XMLSyntaxError as exc:
            raise InputError(f"{self.path}: part {name} is not well-formed XML ({exc.msg})") from None

    def rels(self, part: str) -> dict[str, tuple[str, bool, str]]:
        """rId → (target, is_external, type) for ``part``; internal targets resolved to names."""
        folder, base = posixpath.split(part)
        root = self.xml(posixpath.join(folder, "_rels", base + ".rels"))
        out = {}
        if root is None:
            return out
        for rel in root.iter(f"{{{PR}}}Relationship"):
            rid, target = rel.get("Id"), rel.get("Target") or ""
            external = (rel.get("TargetMode") or "").lower() == "external"
            if not external:
                target = posixpath.normpath(posixpath.join(folder, target)).lstrip("/")
            out[rid] = (target, external, rel.get("Type") or "")
        return out


class _BadPart(ValueError):
    """An attribute Word would never write (``w:ilvl="x"``); read_docx names the file."""


def _number(value: str | None, part: str, what: str, default: int = 0) -> int:
    """An integer attribute of ``part``, or _BadPart naming it."""
    if value is None:
        return default
    try:
        return int(value)
    except ValueError:
        raise _BadPart(f"part {part}: {what} {value[:40]!r} is not a number") from None


def _on(el) -> bool:
    return el is not None and (el.get(w("val")) or "true").lower() not in _FALSE


class _Numbering:
    """numId/ilvl → "bullet" or "ordered", from numbering.xml."""

    def __init__(self, root):
        self.abstract: dict[str, dict[int, str]] = {}
        self.nums: dict[str, str] = {}
        if root is None:
            return
        for ab in root.iter(w("abstractNum")):
            levels = {}
            for lvl in ab.iter(w("lvl")):
                fmt = lvl.find(w("numFmt"))
                level = _number(lvl.get(w("ilvl")), "word/numbering.xml", "w:lvl/@w:ilvl")
                levels[level] = (fmt.get(w("val")) if fmt is not None
                                                        else "decimal")
            self.abstract[ab.get(w("abstractNumId"))] = levels
        for num in root.iter(w("num")):
            ref = num.find(w("abstractNumId"))
            if ref is not None:
                self.nums[num.get(w("numId"))] = ref.get(w("val"))

    def kind(self, num_id: str, ilvl: int) -> str | None:
        if num_id in (None, "0") or num_id not in self.nums:
            return None
        fmt = self.abstract.get(self.nums[num_id], {}).get(ilvl, "decimal")
        if fmt == "none":
            return None
        return "bullet" if fmt == "bullet" else "ordered"


class _Styles:
    """Paragraph-style inheritance for ``w:bidi`` and ``w:numPr`` (list styles, RTL Normal)."""

    def __init__(self, root):
        self.styles: dict[str, object] = {}
        self.default_para = None
        self.default_bidi = False
        if root is None:
            return
        for st in root.iter(w("style")):
            if st.get(w("type")) == "paragraph":
                self.styles[st.get(w("styleId"))] = st
                if st.get(w("default")) in ("1", "true"):
                    self.default_para = st.get(w("styleId"))
        ppr = root.find(f"{w('docDefaults')}/{w('pPrDefault')}/{w('pPr')}")
        if ppr is not None:
            self.default_bidi = _on(ppr.find(w("bidi")))

    def lookup(self, style_id: str | None, tag: str):
        seen = set()
        style_id = style_id or self.default_para
        while style_id and style_id not in seen and style_id in self.styles:
            seen.add(style_id)
            st = self.styles[style_id]
            el = st.find(f"{w('pPr')}/{w(tag)}")
            if el is not None:
                return el
            based = st.find(w("basedOn"))
            style_id = based.get(w("val")) if based is not None else None
        return None


class _Reader:
    def __init__(self, pkg: _Package, main: str):
        self.pkg = pkg
        self.main = main
        self.rels = pkg.rels(main)
        by_type = {t.rsplit("/", 1)[-1]: target for target, ext, t in self.rels.values() if not ext}
        self.numbering = _Numbering(pkg.xml(by_type["numbering"]) if "numbering" in by_type else None)
        self.styles = _Styles(pkg.xml(by_type["styles"]) if "styles" in by_type else None)
        self.counters: dict[tuple[str, int], int] = {}
        self.part = main
        self._run_index: dict = {}

    def set_part(self, part: str, root) -> None:
        """Read ``part`` next; its runs are numbered in document order (see ``Piece``)."""
        self.part = part
        self._run_index = {r: i for i, r in enumerate(root.iter(w("r")))}

    # -- runs ---------------------------------------------------------------------------
    def _runs(self, el, link, out: list[Span], field: list, rels, pieces: list) -> None:
        """Collect spans from the inline content of ``el`` (runs, hyperlinks, smart tags…)."""
        for child in el:
            tag = etree.QName(child).localname if isinstance(child.tag, str) else ""
            ns = etree.QName(child).namespace if isinstance(child.tag, str) else ""
            if ns == MC and tag == "AlternateContent":
                fallback = child.find(f"{{{MC}}}Fallback")
                if fallback is not None:
                    self._runs(fallback, link, out, field, rels, pieces)
                continue
            if ns != W:
                continue
            if tag == "r":
                self._run(child, link, out, field, pieces)
            elif tag == "hyperlink":
                target = None
                rid = child.get(f"{{{R}}}id")
                if rid and rid in rels and rels[rid][1]:
                    target = rels[rid][0]
                elif rid and rid in rels:
                    target = ""  # an internal part is not a letter link
                anchor = child.get(w("anchor"))
                if anchor:
                    target = (target or "") + "#" + anchor
                self._runs(child, target if target is not None else "", out, field, rels, pieces)
            elif tag == "fldSimple":
                m = re.match(r'\s*HYPERLINK\s+"([^"]*)"', child.get(w("instr")) or "")
                self._runs(child, m.group(1) if m else link, out, field, rels, pieces)
            elif tag in ("ins", "moveTo", "smartTag", "customXml", "sdt", "sdtContent", "bdo",
                         "dir"):
                self._runs(child, link, out, field, rels, pieces)
            # w:del, w:moveFrom, w:pPr, bookmarks, proofErr: nothing to read (text moved with
            # tracked changes on is in w:moveTo, where it now stands)

    def _run(self, r, link, out: list[Span], field: list, pieces: list) -> None:
        rpr = r.find(w("rPr"))
        bold = italic = False
        if rpr is not None:
            bold = _on(rpr.find(w("b"))) or _on(rpr.find(w("bCs")))
            italic = _on(rpr.find(w("i"))) or _on(rpr.find(w("iCs")))
            if _on(rpr.find(w("vanish"))):
                return
        parts: list[tuple[int, int, str]] = []  # (element child index, offset in it, text)
        for k, child in enumerate(c for c in r if isinstance(c.tag, str)):
            tag = etree.QName(child).localname
            if tag == "fldChar":
                kind = child.get(w("fldCharType"))
                if kind == "begin":
                    field.append({"instr": "", "result": False})
                elif kind == "separate" and field:
                    field[-1]["result"] = True
                elif kind == "end" and field:
                    field.pop()
            elif tag == "instrText" and field:
                field[-1]["instr"] += child.text or ""
            elif field and not field[-1]["result"]:
                continue  # inside a field's instructions
            elif tag == "t":  # a word joiner only glues a hyphen to its word (docx/typeset.py)
                at = 0
                for chunk in (child.text or "").split("\u2060"):
                    parts.append((k, at, chunk))
                    at += len(chunk) + 1
            elif tag == "tab":
                parts.append((k, 0, "\t"))
            elif tag in ("br", "cr"):
                if child.get(w("type")) in (None, "textWrapping"):
                    parts.append((k, 0, "\n"))
            elif tag == "noBreakHyphen":
                parts.append((k, 0, "-"))  # what the writer emits for U+2011 (typeset.py)
            elif tag == "softHyphen":
                parts.append((k, 0, "\u00ad"))
        parts = [(k, at, clean_text(t)[0]) for k, at, t in parts]
        text = "".join(t for _k, _at, t in parts)
        if not text:
            return
        run_no = self._run_index.get(r)
        pos = pieces[-1].end if pieces else 0
        for k, at, t in parts:
            if t and run_no is not None:
                pieces.append(Piece(pos, pos + len(t), self.part, run_no, k, at))
            pos += len(t)
        for f in field:
            m = re.match(r'\s*HYPERLINK\s+"([^"]*)"(?:\s+\\l\s+"([^"]*)")?', f["instr"])
            if m and f["result"]:
                link = m.group(1) + (("#" + m.group(2)) if m.group(2) else "")
        if out and (out[-1].bold, out[-1].italic, out[-1].link) == (bold, italic, link):
            out[-1] = Span(out[-1].text + text, bold, italic, link)
        else:
            out.append(Span(text, bold, italic, link))

    # -- paragraphs ---------------------------------------------------------------------
    def paragraph(self, p, rels=None) -> Block | None:
        spans: list[Span] = []
        pieces: list[Piece] = []
        self._runs(p, None, spans, [], rels if rels is not None else self.rels, pieces)
        if not "".join(s.text for s in spans).strip():
            return None
        ppr = p.find(w("pPr"))
        style = None
        bidi_el = numpr = None
        if ppr is not None:
            ps = ppr.find(w("pStyle"))
            style = ps.get(w("val")) if ps is not None else None
            bidi_el = ppr.find(w("bidi"))
            numpr = ppr.find(w("numPr"))
        if bidi_el is None:
            bidi_el = self.styles.lookup(style, "bidi")
        rtl = _on(bidi_el) if bidi_el is not None else self.styles.default_bidi
        if numpr is None:
            numpr = self.styles.lookup(style, "numPr")
        block = Block(BlockKind.PARAGRAPH, spans, direction="rtl" if rtl else "ltr",
                      origin=tuple(pieces))
        if numpr is not None:
            nid = numpr.find(w("numId"))
            ilvl_el = numpr.find(w("ilvl"))
            num_id = nid.get(w("val")) if nid is not None else None
            ilvl = _number(ilvl_el.get(w("val")), self.main, "w:ilvl") if ilvl_el is not None else 0
            kind = self.numbering.kind(num_id, ilvl)
            if kind:
                key = (num_id, ilvl)
                self.counters[key] = self.counters.get(key, 0) + 1
                for (n, lv) in list(self.counters):
                    if n == num_id and lv > ilvl:
                        del self.counters[(n, lv)]
                block.list_kind, block.level = kind, ilvl
                block.number = self.counters[key] if kind == "ordered" else None
                block.list_id = int(num_id) if num_id and num_id.isdecimal() else None
        return block

    def container(self, el, rels=None) -> list[Block]:
        """Blocks of a body, cell or header, in order; table rows become one block each."""
        blocks: list[Block] = []
        for child in el:
            if not isinstance(child.tag, str):
                continue
            tag = etree.QName(child).localname
            if tag == "p":
                b = self.paragraph(child, rels)
                if b:
                    blocks.append(b)
            elif tag == "tbl":
                for tr in child.iter(w("tr")):
                    if tr.getparent() is not child:
                        continue
                    blocks.extend(self._row(tr, rels))
            elif tag in ("sdt", "sdtContent", "customXml", "ins"):
                blocks.extend(self.container(child, rels))
            elif etree.QName(child).namespace == MC and tag == "AlternateContent":
                fb = child.find(f"{{{MC}}}Fallback")
                if fb is not None:
                    blocks.extend(self.container(fb, rels))
        return blocks

    def _row(self, tr, rels) -> list[Block]:
        cells = [tc for tc in tr if isinstance(tc.tag, str) and etree.QName(tc).localname in
                 ("tc", "sdt")]
        cell_blocks = [self.container(tc, rels) for tc in cells]
        if all(len(cb) <= 1 for cb in cell_blocks):  # label | value: one line
            parts = [cb[0] for cb in cell_blocks if cb]
            if not parts:
                return []
            spans: list[Span] = []
            origin: list[Piece] = []
            for k, b in enumerate(parts):
                if k:
                    spans.append(Span(" "))
                shift = sum(len(s.text) for s in spans)
                origin.extend(p.shifted(shift) for p in b.origin)
                spans.extend(b.spans)
            return [Block(BlockKind.PARAGRAPH, spans, direction=parts[0].direction,
                          list_kind=parts[0].list_kind, number=parts[0].number,
                          level=parts[0].level, list_id=parts[0].list_id, origin=tuple(origin))]
        return [b for cb in cell_blocks for b in cb]

    def header(self, body) -> Block | None:
        """The letterhead: text of the first-page header if the section has one, else default."""
        sect = body.find(w("sectPr"))
        if sect is None:
            return None
        refs = {ref.get(w("type")) or "default": ref.get(f"{{{R}}}id")
                for ref in sect.findall(w("headerReference"))}
        for kind in (("first", "default") if sect.find(w("titlePg")) is not None else ("default",)):
            rid = refs.get(kind)
            if not rid or rid not in self.rels or self.rels[rid][1]:
                continue
            name = self.rels[rid][0]
            root = self.pkg.xml(name)
            if root is None:
                continue
            self.set_part(name, root)
            blocks = self.container(root, self.pkg.rels(name))
            lines = [b for b in blocks if re.search(r"\w", b.text) and not re.fullmatch(
                r"[\s\-–—]*\d+[\s\-–—]*", b.text)]
            if lines:
                spans: list[Span] = []
                origin: list[Piece] = []
                for k, b in enumerate(lines):
                    if k:
                        spans.append(Span("\n"))
                    shift = sum(len(s.text) for s in spans)
                    origin.extend(p.shifted(shift) for p in b.origin)
                    spans.extend(b.spans)
                return Block(BlockKind.LETTERHEAD, spans, direction=lines[0].direction,
                             origin=tuple(origin))
        return None


def read_docx(path, language: str | None = None) -> Document:
    """The letter in ``path`` as a Document. ``language`` overrides detection by script/words."""
    path = Path(path)
    if not path.is_file():
        raise InputError(f"{path}: no such file")
    pkg = _Package(path)
    try:
        return _read(pkg, path, language)
    except _BadPart as exc:
        raise InputError(f"{path}: unusable input: {exc}") from None
    except (ValueError, TypeError, KeyError, IndexError, AttributeError, RecursionError) as exc:
        # a structure Word never writes that the reader did not foresee: still a clear message
        raise InputError(f"{path}: unusable input: the document's structure could not be read "
                         f"({type(exc).__name__}: {str(exc)[:200]})") from None
    finally:
        pkg.zip.close()


def _read(pkg: _Package, path: Path, language: str | None) -> Document:
    """read_docx's work on an open package."""
    main = None
    root_rels = pkg.rels("")
    for target, external, rtype in root_rels.values():
        if rtype == OFFICE_DOC and not external:
            main = target
    if main is None or main not in pkg.names:
        main = "word/document.xml"
    root = pkg.xml(main)
    if root is None:
        raise InputError(f"{path}: not a Word document (no word/document.xml inside)")
    body = root.find(w("body"))
    if body is None:
        raise InputError(f"{path}: the document has no body")
    reader = _Reader(pkg, main)
    reader.set_part(main, root)
    blocks = reader.container(body)
    head = reader.header(body)
    if head is not None:
        blocks.insert(0, head)
    title = subject = ""
    core = None
    for target, external, rtype in root_rels.values():
        if rtype.endswith("/core-properties") and not external:
            core = pkg.xml(target)
    if core is not None:
        t = core.find(f"{{{DC}}}title")
        s = core.find(f"{{{DC}}}subject")
        title = clean_text(t.text or "")[0] if t is not None else ""
        subject = clean_text(s.text or "")[0] if s is not None else ""
    lang = language or detect_document([b.text for b in blocks])
    return Document(lang, blocks, title=title, subject=subject, source=str(path),
                writing_direction=languages.direction_of(lang))
