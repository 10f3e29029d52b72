"""IR → DOCX for signature: python-docx for the structure, ``oxml`` for what it lacks.

The page's look (fonts, sizes, colours, spacing, widths) comes from ``style`` — the same source
the preview reads — never from constants here. Layout choices, following ITU circular letters:

* A4, 2 cm margins. The letterhead (organisation + sector, in the house blue, with a rule under
  it) is the first page's header; pages 2+ carry a centred ``- N -`` page number (PAGE field)
  in the footer, none on page 1. Why a header and not the body: see docs/page.md.
* The place/date line sits at the far side from where the text starts: flush right in French
  and English letters, flush left in Arabic ones (ITU's Arabic letters mirror the layout).
* The reference block ("Référence: DM-24/1009", "Contact: …") is a borderless two-column table,
  label | value, with fixed widths, flush with both margins (no indent, no cell margins); in
  Arabic the table is right-to-left (``w:bidiVisual``).
* The subject is bold, label and text, with a hanging indent so wrapped lines align.
* Fonts: ``style.fonts_for(language)``: Calibri (LibreOffice: its metric twin Carlito) and
  Amiri for Arabic, embedded in Arabic letters (``fonts.py``) since Word does not have it.

Typesetting (``typeset.py``): no line breaks inside phone numbers, references, day+month,
"Résolution N", e-mails and URLs (U+00A0 and ``w:noBreakHyphen``); keep-with-next from a list's
lead-in to the list, from the last paragraph to the closing, the closing to the signature;
widow/orphan control on every paragraph.

Arabic letters (``doc.direction == "rtl"``): every paragraph and the section carry ``w:bidi``;
``w:rtl`` is set only on Arabic runs and on digit ranges ("7-8 أبريل", see ``_RANGE``), never on
Latin or other digit runs; complex-script font, size and bold are always written beside their
Latin twins; LTR tokens such as phone numbers are wrapped in LRM (U+200E) in runs without
``w:rtl``, and an LRM goes before a bracket that opens a Latin group ("(UNDP)"). Flush-right text
has no ``w:jc`` (``jc`` is logical in a bidi paragraph). Text is written in logical order,
unshaped: presentation forms are normalised back to letters, XML-illegal control characters
are dropped.
"""
from __future__ import annotations

import copy
import functools
import io
import re
import struct
import time
import unicodedata
import zlib
from pathlib import Path
from xml.sax.saxutils import escape

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import CONTENT_TYPES_URI, PACKAGE_URI
from docx.opc.pkgwriter import _ContentTypesItem
from docx.oxml import OxmlElement, parse_xml
from docx.parts.styles import StylesPart
from docx.shared import Cm, Pt
from docx.text.paragraph import Paragraph

from . import fonts as font_files, oxml, style, typeset
from ..locale.bidi import LRM, ltr_token_spans, script_runs
from ..document import Block, BlockKind, Document, Span, live_link
from ..files import atomic_write_bytes
from ..model.draft import clean_text
from ..errors import ExportError
from ..locale import languages
from ..resources import load_json

STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"
# A digit range in Arabic text ("7-8 أبريل", "2019-2020"): written as a right-to-left run so Word
# resolves its hyphen right to left, as LibreOffice and Qt do by the bidi algorithm after Arabic
# text: both show "8-7", read right to left as "from 7 to 8" (docs/page.md, "Digit ranges").
_RANGE = re.compile(r"(?<![\w.+/\u2011-])\d+[-\u2011\u2013]\d+(?![\w/\u2011-])")


def _organisation(lang: str) -> str | None:
    return load_json("house.json").get("organisation", {}).get(lang)


class _Ctx:
    """Per-document settings every paragraph writer needs."""

    def __init__(self, doc: Document):
        entry = languages.get(languages.base_code(doc.language)) or languages.language("en")
        self.lang = entry.code  # an unknown language writes as English
        self.rtl = doc.direction == "rtl"
        self.fonts = style.fonts_for(self.lang)
        self.size, self.size_cs = self.fonts.size, self.fonts.size_complex
        self.link_colour = style.colour("link")
        self.lists: dict[tuple, int] = {}
        self.numbering = None

    def rpr(self, **kw):
        f = self.fonts
        return oxml.run_properties(f.latin, f.complex, east_asia=f.east_asian,
                                   link_colour=self.link_colour, **kw)


_PRESENTATION_FORMS = re.compile("[\ufb50-\ufdff\ufe70-\ufeff]")


def _unpresent(text: str) -> str:
    """Presentation-form Arabic (pasted from PDFs or reshaped) back to letters; BOM dropped."""
    if not _PRESENTATION_FORMS.search(text):
        return text
    return "".join(unicodedata.normalize("NFKC", c) if ("\ufb50" <= c <= "\ufdff"
                                                         or "\ufe70" <= c <= "\ufefe") else
                   ("" if c == "\ufeff" else c) for c in text)


def _clean(text: str) -> str:
    return _unpresent(clean_text(text)[0])


def _protect_spans(spans: list[Span]) -> list[Span]:
    """Insert LRM around LTR tokens and before brackets opening a Latin group, computed on the
    whole paragraph (context matters); an LRM goes into the span of the character it touches."""
    full = "".join(s.text for s in spans)
    tokens = ltr_token_spans(full)
    brackets = typeset.bracket_marks(full)
    if not tokens and not brackets:
        return spans
    before = {a for a, _ in tokens if not full[:a].endswith(LRM)} | set(brackets)
    after = {b for _, b in tokens if not full[b:].startswith(LRM)}
    owner = [si for si, s in enumerate(spans) for _ in s.text]
    parts: list[list[str]] = [[] for _ in spans]
    for i, ch in enumerate(full):
        if i in after:
            parts[owner[i - 1]].append(LRM)
        if i in before and not (i in after):
            parts[owner[i]].append(LRM)
        parts[owner[i]].append(ch)
    if len(full) in after:
        parts[owner[-1]].append(LRM)
    return [Span("".join(part), s.bold, s.italic, s.link) for part, s in zip(parts, spans)]


def _rtl_ranges(full: str, runs: list[tuple[int, int, bool]]) -> list[tuple[int, int, bool]]:
    """``runs`` with each digit range of ``full`` cut out as a right-to-left run."""
    ranges = [m.span() for m in _RANGE.finditer(full)
              if not full[:m.start()].endswith(LRM)]
    if not ranges:
        return runs
    out = []
    for a, b, is_rtl in runs:
        cuts = [(max(a, s), min(b, e)) for s, e in ranges if s < b and e > a]
        if is_rtl or not cuts:
            out.append((a, b, is_rtl))
            continue
        pos = a
        for s, e in cuts:
            if s > pos:
                out.append((pos, s, False))
            out.append((s, e, True))
            pos = e
        if pos < b:
            out.append((pos, b, False))
    return out


def _fill(p, spans: list[Span], ctx: _Ctx, *, bold: bool = False, size: float | None = None,
          size_cs: float | None = None, colour: str | None = None) -> None:
    """Write spans into paragraph ``p`` as runs split by script (rtl only on Arabic runs and
    digit ranges), typeset (no breaks inside the tokens of ``typeset.keep``)."""
    spans = [Span(_clean(s.text), s.bold, s.italic, s.link) for s in spans]
    spans = [s for s in spans if s.text]
    if ctx.rtl:
        spans = _protect_spans(spans)
    full = typeset.keep("".join(s.text for s in spans), ctx.lang)
    runs = script_runs(full, rtl_default=ctx.rtl)
    if ctx.rtl:
        runs = _rtl_ranges(full, runs)
    pos = 0
    for s in spans:
        container, link = p._p, False
        target = (s.link or "").strip()
        if live_link(target):  # web, e-mail, anchors only: any other target stays text (LINK006)
            container, link = oxml.add_hyperlink(p, _clean(target)), True
        s_start, s_end = pos, pos + len(s.text)
        for r_start, r_end, is_rtl in runs:
            a, b = max(s_start, r_start), min(s_end, r_end)
            if a >= b:
                continue
            rpr = ctx.rpr(bold=bold or s.bold, italic=s.italic, size_pt=size, size_cs_pt=size_cs,
                          link=link, rtl=is_rtl, colour=colour)
            text = full[a:b]
            if ctx.rtl:  # w:noBreakHyphen garbles right-to-left lines in LibreOffice (typeset.py)
                text = typeset.rtl_hyphens(text)
            oxml.add_run(container, text, rpr)
        pos = s_end


def _para(container, ctx: _Ctx, *, before: float = 6, after: float = 0, far: bool = False,
          keep_next: bool = False, keep_lines: bool = False):
    """A paragraph with direction and spacing; ``far`` = aligned to the side opposite the start."""
    p = oxml.add_paragraph(container)
    _format_new(p, ctx, before=before, after=after, far=far, keep_next=keep_next,
                keep_lines=keep_lines)
    return p


def _format_new(p, ctx: _Ctx, *, before: float, after: float, far: bool = False,
                keep_next: bool = False, keep_lines: bool = False) -> None:
    """Give the new paragraph ``p`` (no ``w:pPr`` yet) its direction, spacing and alignment."""
    # in a bidi paragraph "right" is logical: the end (left); flush right there needs no jc
    jc = "right" if far else None if ctx.rtl else "left"
    p._p.insert(0, copy.deepcopy(_paragraph_props(before, after, keep_next, keep_lines,
                                                  ctx.rtl, jc)))


@functools.lru_cache(maxsize=None)
def _paragraph_props(before: float, after: float, keep_next: bool, keep_lines: bool, bidi: bool,
                     jc: str | None):
    """A ``w:pPr`` prototype per combination, built once with python-docx and ``oxml`` and
    copied into each paragraph (cheaper than building every paragraph's pPr child by child).
    Shared: never modify it."""
    p = Paragraph(OxmlElement("w:p"), None)
    pf = p.paragraph_format
    pf.space_before, pf.space_after = Pt(before), Pt(after)
    if keep_next:
        pf.keep_with_next = True
    if keep_lines:
        pf.keep_together = True
    if bidi:
        oxml.set_paragraph_bidi(p._p)
    if jc:
        oxml.set_jc(p._p, jc)
    return p._p.pPr


def _reference_table(document, block: Block, ctx: _Ctx, before: float) -> None:
    lines = [ln for ln in typeset.split_lines(block.spans) if "".join(s.text for s in ln).strip()]
    if not lines:
        return
    # what Document.add_table does, without its table-style lookup (which would parse styles.xml)
    table = document._body.add_table(len(lines), 2, document._block_width)
    table.autofit = False
    tbl = table._tbl
    oxml.set_table_borders_none(tbl)
    text_w = style.text_width_cm()
    oxml.set_table_flush(tbl, int(round(text_w * style.PT_PER_CM * style.TWIPS_PER_PT)))
    if ctx.rtl:
        oxml.set_table_bidi_visual(tbl)
    label_w = style.label_width_cm()
    line_pt = style.reference_line_pt(ctx.rtl)
    widths = (Cm(label_w), Cm(text_w - label_w))
    for col, w in zip(table.columns, widths):
        col.width = w
    for k, (row, line) in enumerate(zip(table.rows, lines)):
        label, value = typeset.split_label(line)
        last = k == len(lines) - 1
        for cell, w, spans in zip(row.cells, widths, (label, value)):
            cell.width = w
            p = cell.paragraphs[0]
            # the rows stay together and with what follows (a block of facts is read at once)
            _format_new(p, ctx, before=before if k == 0 else 0, after=0, keep_next=not last)
            if line_pt:  # label and value baselines level (style.reference_line_pt says why)
                p.paragraph_format.line_spacing = Pt(line_pt)
            _fill(p, spans, ctx)


def _letterhead(section, block: Block, ctx: _Ctx) -> None:
    header = section.first_page_header
    header.is_linked_to_previous = False
    p = header.paragraphs[0]
    org = _organisation(ctx.lang)
    lines = typeset.split_lines(block.spans)
    text = block.text
    if org and org.lower() not in text.lower():
        lines.insert(0, [Span(org)])
    look = style.letterhead()
    bigger = float(look["first_line_bigger_pt"])
    colour = style.colour("letterhead")
    for k, line in enumerate(lines):
        if k:
            p = header.add_paragraph()
        elif p._p.pPr is not None:  # the template's "Header" style: direct formatting instead
            p._p.remove(p._p.pPr)
        last = k == len(lines) - 1
        _format_new(p, ctx, before=0, after=float(look["space_after_pt"]) if last else 0)
        if last:
            oxml.set_bottom_rule(p._p, style.colour("rule"), float(look["rule_pt"]))
        _fill(p, line, ctx, bold=(k == 0), size=ctx.size + (bigger if k == 0 else 0),
              size_cs=ctx.size_cs + (bigger if k == 0 else 0), colour=colour)


def _page_numbers(section, ctx: _Ctx) -> None:
    """``- N -`` centred in the footer of pages 2+ (page 1 has the letterhead instead)."""
    footer = section.footer
    footer.is_linked_to_previous = False
    p = footer.paragraphs[0]
    if ctx.rtl:
        oxml.set_paragraph_bidi(p._p)
    oxml.set_jc(p._p, "center")
    _fill(p, [Span("- ")], ctx)
    for r in oxml.add_field(p, "PAGE", "2"):
        oxml.set_run_fonts(r, ctx.fonts.latin, ctx.fonts.complex, ctx.fonts.east_asian)
    _fill(p, [Span(" -")], ctx)
    section.first_page_footer.is_linked_to_previous = False


def _list_num(block: Block, ctx: _Ctx, prev: Block | None) -> int:
    kind = "bullet" if block.list_kind == "bullet" else "ordered"
    if block.list_id is not None:
        key = ("id", block.list_id, kind)
    else:  # no id: consecutive items of the same kind form one list
        same = prev is not None and prev.list_kind == block.list_kind and prev.list_id is None
        key = ctx.lists.get("_current") if same else None
        if key is None:
            key = ("anon", len(ctx.lists), kind)
        ctx.lists["_current"] = key
    if key not in ctx.lists:
        start = block.number if (kind == "ordered" and block.number) else 1
        ctx.lists[key] = ctx.numbering.new_list(kind, start)
    return ctx.lists[key]


_KEEP_WITH_NEXT = (BlockKind.HEADING, BlockKind.SUBJECT, BlockKind.SALUTATION, BlockKind.CLOSING,
                   BlockKind.SIGNED, BlockKind.DATE_LINE, BlockKind.ADDRESSEES)
_SIGN_OFF = (BlockKind.CLOSING, BlockKind.SIGNED, BlockKind.SIGNATURE)


def _keep_next(block: Block, nxt: Block | None) -> bool:
    """Keep-with-next: headings, subject, salutation, closing and "(signed)" stay with what
    follows; so does a list's lead-in with the list's first item, and the last paragraph of
    the body with the closing (no page starts with the closing or the signature alone)."""
    if nxt is None:
        return False
    if block.kind in _KEEP_WITH_NEXT:
        return True
    if nxt.is_list_item and not block.is_list_item:
        return True  # the lead-in ("…the following:") and its list
    return nxt.kind in _SIGN_OFF and block.kind not in _SIGN_OFF


def _spacing(block: Block, prev: Block | None) -> tuple[float, float]:
    kind = block.kind.value
    if block.is_list_item and prev is not None and prev.is_list_item:
        kind = "list_item"
    elif block.kind == BlockKind.SIGNATURE and prev is not None and prev.kind == BlockKind.SIGNED:
        kind = "signature_after_signed"
    return style.spacing(kind)


def _block(document, block: Block, ctx: _Ctx, prev: Block | None, nxt: Block | None) -> None:
    kind = block.kind
    before, after = _spacing(block, prev)
    if prev is None:
        before = 0.0  # the first block sits right under the letterhead
    if kind == BlockKind.REFERENCE:
        _reference_table(document, block, ctx, before)
        return
    keep = _keep_next(block, nxt)
    if kind == BlockKind.DATE_LINE:
        p = _para(document, ctx, before=before, after=after, far=True, keep_next=keep)
        _fill(p, block.spans, ctx)
        return
    if kind == BlockKind.SUBJECT:
        p = _para(document, ctx, before=before, after=after, keep_next=True)
        label, value = typeset.split_label(block.spans)
        if label:
            indent = Cm(style.subject_indent_cm())
            p.paragraph_format.left_indent = indent  # logical start in a bidi paragraph
            p.paragraph_format.first_line_indent = -indent
            p.paragraph_format.tab_stops.add_tab_stop(indent)
            _fill(p, label + [Span("\t")] + value, ctx, bold=True)
        else:
            _fill(p, block.spans, ctx, bold=True)
        return
    p = _para(document, ctx, before=before, after=after, keep_next=keep,
              keep_lines=kind in (BlockKind.SIGNATURE, BlockKind.SIGNED, BlockKind.CLOSING,
                                  BlockKind.ADDRESSEES))
    if block.is_list_item:
        oxml.set_num_pr(p._p, _list_num(block, ctx, prev), block.level)
    _fill(p, block.spans, ctx, bold=kind == BlockKind.HEADING)


class _PreparedStylesPart(StylesPart):
    """styles.xml of a prepared template, kept as the bytes it serialises to: python-docx's
    default styles.xml is 440 KB, and parsing and serialising it again for every letter was a
    fifth of the export time. It is parsed again only if something reads the styles."""

    def __init__(self, part: StylesPart):
        super().__init__(part.partname, part.content_type, None, part.package)
        self._prepared_blob = part.blob

    @property
    def element(self):
        if self._element is None:
            self._element = parse_xml(self._prepared_blob)
        return self._element

    @property
    def blob(self) -> bytes:
        return self._prepared_blob if self._element is None else super().blob


def _drop_leftovers(document) -> None:
    """Parts of python-docx's template a letter must not carry: stylesWithEffects.xml (a Word
    2010 copy of styles.xml that no longer matches it, so Word "repairs" the file) and the
    bibliography customXml item."""
    rels = document.part.rels
    for rid, rel in list(rels.items()):
        if rel.reltype in (STYLES_WITH_EFFECTS, RT.CUSTOM_XML):
            rels.pop(rid)


@functools.lru_cache(maxsize=8)
def _template(rtl: bool, lang: str):
    """The package of python-docx's default document with everything that is the same for every
    letter of this direction and language applied (styles, fonts, page set-up, settings,
    embedded fonts), opened once: opening the default template took a quarter of the export
    time. Shared: ``build`` works on a deep copy, never on this."""
    fonts = style.fonts_for(lang)
    tags = languages.language(lang).docx
    lang_tag = tags.get("lang", "en-GB")
    document = docx.Document()
    body = document.element.body
    for child in list(body):  # the template's empty paragraph, keep sectPr
        if child.tag != oxml.qn("w:sectPr"):
            body.remove(child)
    _drop_leftovers(document)
    oxml.set_doc_defaults(document, latin=fonts.latin, cs=fonts.complex, size_pt=fonts.size,
                          size_cs_pt=fonts.size_complex, lang=lang_tag,
                          bidi_lang=tags.get("bidi", "ar-SA"), east_asia=fonts.east_asian,
                          east_asia_lang=tags.get("east_asia"))
    normal = document.styles["Normal"]
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.line_spacing = 1.0
    normal.paragraph_format.widow_control = True
    if tags.get("kinsoku"):  # East Asian line-breaking rules (no ，。at the start of a line)
        oxml.set_kinsoku(normal.element)
    if rtl:
        oxml.set_paragraph_bidi(normal.element)
    page = style.page()
    section = document.sections[0]
    section.page_width, section.page_height = Cm(page["width_cm"]), Cm(page["height_cm"])
    section.left_margin = section.right_margin = Cm(page["margin_cm"])
    section.top_margin = section.bottom_margin = Cm(page["margin_cm"])
    section.header_distance = Cm(page["header_cm"])
    section.footer_distance = Cm(page["footer_cm"])
    section.different_first_page_header_footer = True
    if rtl:
        oxml.set_section_bidi(section._sectPr)
    embedded = []
    table_part = oxml.font_table_part(document)
    if rtl and table_part is not None:  # only letters with Arabic text need the Arabic font
        wanted = {name: files for name, files in style.embedded_fonts().items()
                  if name in (fonts.complex, fonts.latin)}
        embedded = font_files.embed(table_part, document.part.package, wanted)
    if table_part is not None:
        declared = {fonts.complex: {"charset": "B2", "family": "roman", "pitch": "variable"}}
        for font, alt in fonts.alt:  # names a Word machine without the font may use
            charset = "B2" if font == fonts.complex else "86" if font == fonts.east_asian else "00"
            declared.setdefault(font, {"charset": charset, "pitch": "variable"})["altName"] = alt
        oxml.set_font_table(table_part, declared, embedded)
    oxml.tidy_settings(document, lang=lang_tag, bidi_lang=tags.get("bidi", "ar-SA"),
                       embed_fonts=bool(embedded))
    rels = document.part.rels
    for rel in [r for r in rels.values() if r.reltype == RT.STYLES]:
        rels.add_relationship(RT.STYLES, _PreparedStylesPart(rel.target_part), rel.rId)
    _own_package_properties(document.part.package, _organisation(lang) or "")
    return document.part.package


def _app_xml(company: str) -> bytes:
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
            f'<Application>Circular Studio</Application><DocSecurity>0</DocSecurity>'
            + (f'<Company>{escape(company)}</Company>' if company else "")
            + '</Properties>').encode()


def _own_package_properties(package, company: str) -> None:
    """python-docx's template carries a thumbnail of an empty page and says it was written by
    "Microsoft Macintosh Word": file browsers would show that page instead of the letter. The
    sending organisation goes into app.xml's Company (a tool that drops the page header still
    knows who sent the letter)."""
    for rid, rel in list(package.rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            package.rels.pop(rid)
        elif rel.reltype == RT.EXTENDED_PROPERTIES:
            rel.target_part._blob = _app_xml(company)


def build(doc: Document) -> "docx.document.Document":
    """The python-docx document for ``doc`` (not saved)."""
    ctx = _Ctx(doc)
    package = _template(ctx.rtl, ctx.lang)
    document = copy.deepcopy(package).main_document_part.document
    section = document.sections[0]
    ctx.numbering = oxml.Numbering(document, rtl=ctx.rtl)
    blocks = [b for b in doc.blocks if b.kind != BlockKind.LETTERHEAD]
    for block in doc.blocks:
        if block.kind == BlockKind.LETTERHEAD:
            _letterhead(section, block, ctx)
    for k, block in enumerate(blocks):
        _block(document, block, ctx, blocks[k - 1] if k else None,
               blocks[k + 1] if k + 1 < len(blocks) else None)
    _page_numbers(section, ctx)
    oxml.set_core_properties(document, title=_clean(doc.title or _subject_text(doc)),
                             subject=_clean(doc.subject or _subject_text(doc)),
                             language=doc.language)
    return document


def _subject_text(doc: Document) -> str:
    block = doc.first(BlockKind.SUBJECT)
    if block is None:
        return ""
    label, value = typeset.split_label(block.spans)
    return "".join(s.text for s in value).strip().replace("\n", " ")


def docx_bytes(doc: Document) -> bytes:
    """The .docx file for ``doc`` as bytes: the members python-docx's ``PackageWriter``
    writes, in its order, zipped by ``_zip``."""
    package = build(doc).part.package
    parts = package.parts
    for part in parts:
        part.before_marshal()
    members = [(CONTENT_TYPES_URI.membername, _ContentTypesItem.from_parts(parts).blob),
               (PACKAGE_URI.rels_uri.membername, package.rels.xml)]
    for part in parts:
        members.append((part.partname.membername, part.blob))
        if len(part.rels):
            members.append((part.partname.rels_uri.membername, part.rels.xml))
    return _zip(members)


@functools.lru_cache(maxsize=32)
def _deflate_cached(data: bytes) -> tuple[int, bytes]:
    """CRC and deflated bytes of a large member; the style parts' bytes objects are shared by
    every copy of a template, so after the first letter this is a dictionary look-up."""
    return zlib.crc32(data), _deflate(data)


def _deflate(data: bytes) -> bytes:
    """Raw deflate at zlib's default level, as ``zipfile`` (ZIP_DEFLATED) does."""
    compressor = zlib.compressobj(zlib.Z_DEFAULT_COMPRESSION, zlib.DEFLATED, -15)
    return compressor.compress(data) + compressor.flush()


def _zip(members: list[tuple[str, bytes]]) -> bytes:
    """A deflated zip of ``members`` (name, data), with the headers ``zipfile`` writes.

    Written here because ``zipfile`` cannot take a member already compressed: the two style
    parts (780 KB) are the same in every letter and compressing them again took a quarter
    of the export time, so members over 32 KB (only those) are compressed once and cached."""
    now = time.localtime()
    dos_time = now.tm_hour << 11 | now.tm_min << 5 | now.tm_sec // 2
    dos_date = (now.tm_year - 1980) << 9 | now.tm_mon << 5 | now.tm_mday
    out, central = io.BytesIO(), io.BytesIO()
    for name, data in members:
        if len(data) > 32 * 1024:
            crc, deflated = _deflate_cached(data)
        else:
            crc, deflated = zlib.crc32(data), _deflate(data)
        raw_name = name.encode("utf-8")
        flags = 0 if name.isascii() else 0x800  # bit 11: the name is UTF-8
        common = struct.pack("<HHHHLLLH", flags, 8, dos_time, dos_date, crc, len(deflated),
                             len(data), len(raw_name))
        offset = out.tell()
        out.write(b"PK\x03\x04" + struct.pack("<H", 20) + common + b"\0\0" + raw_name)
        out.write(deflated)
        # made by 3.20 (Unix, zip 2.0), needs 2.0; no extra, no comment; mode 0600
        central.write(b"PK\x01\x02" + struct.pack("<HH", 0x314, 20) + common
                      + struct.pack("<HHHHLL", 0, 0, 0, 0, 0o600 << 16, offset) + raw_name)
    start, size = out.tell(), central.tell()
    out.write(central.getvalue())
    out.write(b"PK\x05\x06" + struct.pack("<HHHHLLH", 0, 0, len(members), len(members), size,
                                          start, 0))
    return out.getvalue()


def write_docx(doc: Document, path) -> Path:
    """Write ``doc`` to ``path`` atomically; ``ExportError`` (and no partial file) on failure."""
    path = Path(path)
    data = docx_bytes(doc)
    try:
        atomic_write_bytes(path, data)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise ExportError(f"{path}: cannot write the DOCX here ({reason}); "
                          f"choose a folder you can write to") from None
    return path
