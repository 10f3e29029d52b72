"""IR → DOCX for signature: python-docx for the structure, ``oxml`` for what it lacks.

Layout choices, following ITU circular letters:

* A4, 2 cm margins. The letterhead (organisation + sector) is the first page's header; pages
  2+ carry a centred ``- N -`` page number (PAGE field) in the footer, none on page 1.
* The place/date line sits at the far side from where the text starts: flush right in French
  and English letters, flush left in Arabic ones (ITU's Arabic letters mirror the layout).
* The reference block ("Référence: DM-24/1009", "Contact: …") is a borderless two-column table,
  label | value, with fixed widths; in Arabic the table is right-to-left (``w:bidiVisual``).
* The subject is bold, label and text, with a hanging indent so wrapped lines align.
* Fonts: Calibri for Latin, Amiri for Arabic (installed with fonts-hosny-amiri; declared in the
  font table with the alternate name "Traditional Arabic" for Word machines without Amiri).

Arabic letters (``doc.direction == "rtl"``): every paragraph and the section carry ``w:bidi``;
``w:rtl`` is set only on Arabic runs, never on Latin or digit runs; complex-script font, size and
bold are always written beside their Latin twins; LTR tokens such as phone numbers are wrapped in
LRM (U+200E) in runs without ``w:rtl``. Flush-right text has no ``w:jc`` (``jc`` is logical in a
bidi paragraph). Text is written in logical order, unshaped: presentation forms are normalised
back to letters, XML-illegal control characters are dropped.
"""
from __future__ import annotations

import io
import unicodedata
from pathlib import Path

import docx
from docx.shared import Cm, Pt
from docx.text.run import Run

from . import oxml
from .bidi import LRM, ltr_token_spans, script_runs
from .document import Block, BlockKind, Document, Span
from .draft import atomic_write_bytes, clean_text
from .errors import ExportError

LATIN_FONT = "Calibri"
ARABIC_FONT = "Amiri"
ARABIC_FONT_ALT = "Traditional Arabic"
PAGE_W, PAGE_H, MARGIN = Cm(21.0), Cm(29.7), Cm(2.0)
TEXT_W_CM = 17.0
LABEL_W_CM = 4.0
LANG_TAGS = {"fr": "fr-FR", "en": "en-GB", "ar": "en-GB", "es": "es-ES", "ru": "ru-RU"}
ORGANISATION = {"fr": "Union internationale des télécommunications",
                "en": "International Telecommunication Union",
                "ar": "الاتحاد الدولي للاتصالات",
                "es": "Unión Internacional de Telecomunicaciones"}


class _Ctx:
    """Per-document settings every paragraph writer needs."""

    def __init__(self, doc: Document):
        self.lang = doc.language.split("-")[0]
        self.rtl = doc.direction == "rtl"
        self.size = 12.0 if self.rtl else 11.0
        self.size_cs = 14.0 if self.rtl else 11.0
        self.lists: dict[tuple, int] = {}
        self.numbering = None


def _unpresent(text: str) -> str:
    """Presentation-form Arabic (pasted from PDFs or reshaped) back to letters; BOM dropped."""
    if not any("\ufb50" <= c <= "\ufdff" or "\ufe70" <= c <= "\ufeff" for c in text):
        return text
    return "".join(unicodedata.normalize("NFKC", c) if ("\ufb50" <= c <= "\ufdff"
                                                         or "\ufe70" <= c <= "\ufefe") else
                   ("" if c == "\ufeff" else c) for c in text)


def _clean(text: str) -> str:
    return _unpresent(clean_text(text)[0])


def _protect_spans(spans: list[Span]) -> list[Span]:
    """Insert LRM around LTR tokens, computed on the whole paragraph (context matters); an LRM
    goes into the span of the token character it touches."""
    full = "".join(s.text for s in spans)
    tokens = ltr_token_spans(full)
    if not tokens:
        return spans
    before = {a for a, _ in tokens if not full[:a].endswith(LRM)}
    after = {b for _, b in tokens if not full[b:].startswith(LRM)}
    owner = [si for si, s in enumerate(spans) for _ in s.text]
    parts: list[list[str]] = [[] for _ in spans]
    for i, ch in enumerate(full):
        if i in after:
            parts[owner[i - 1]].append(LRM)
        if i in before:
            parts[owner[i]].append(LRM)
        parts[owner[i]].append(ch)
    if len(full) in after:
        parts[owner[-1]].append(LRM)
    return [Span("".join(part), s.bold, s.italic, s.link) for part, s in zip(parts, spans)]


def _fill(p, spans: list[Span], ctx: _Ctx, *, bold: bool = False, size: float | None = None,
          size_cs: float | None = None) -> None:
    """Write spans into paragraph ``p`` as runs split by script (rtl only on Arabic runs)."""
    spans = [Span(_clean(s.text), s.bold, s.italic, s.link) for s in spans]
    spans = [s for s in spans if s.text]
    if ctx.rtl:
        spans = _protect_spans(spans)
    full = "".join(s.text for s in spans)
    runs = script_runs(full, rtl_default=ctx.rtl)
    pos = 0
    for s in spans:
        container = p._p
        target = (s.link or "").strip()
        if target and target != "#":
            container = oxml.add_hyperlink(p, _clean(target))
        s_start, s_end = pos, pos + len(s.text)
        for r_start, r_end, is_rtl in runs:
            a, b = max(s_start, r_start), min(s_end, r_end)
            if a >= b:
                continue
            r = container.add_r() if container is p._p else _new_r(container)
            Run(r, p).text = full[a:b]
            oxml.set_run_fonts(r, LATIN_FONT, ARABIC_FONT)
            oxml.set_run_style(r, bold=bold or s.bold, italic=s.italic, size_pt=size,
                               size_cs_pt=size_cs)
            if container is not p._p:
                oxml.set_run_link_look(r)
            if is_rtl:
                oxml.set_run_rtl(r, True, "ar-SA")
        pos = s_end


def _new_r(parent):
    from docx.oxml import OxmlElement

    r = OxmlElement("w:r")
    parent.append(r)
    return r


def _para(container, ctx: _Ctx, *, before: float = 6, after: float = 0, far: bool = False,
          keep_next: bool = False):
    """A paragraph with direction and spacing; ``far`` = aligned to the side opposite the start."""
    p = container.add_paragraph()
    pf = p.paragraph_format
    pf.space_before, pf.space_after = Pt(before), Pt(after)
    if keep_next:
        pf.keep_with_next = True
    if ctx.rtl:
        oxml.set_paragraph_bidi(p._p)
    if far:
        oxml.set_jc(p._p, "right")  # in a bidi paragraph "right" is logical: the end (left)
    elif not ctx.rtl:
        oxml.set_jc(p._p, "left")
    return p


def _split_lines(spans: list[Span]) -> list[list[Span]]:
    """Spans cut at each "\\n" into lines, formatting kept."""
    lines: list[list[Span]] = [[]]
    for s in spans:
        parts = s.text.split("\n")
        for k, part in enumerate(parts):
            if k:
                lines.append([])
            if part:
                lines[-1].append(Span(part, s.bold, s.italic, s.link))
    return lines


def _split_label(spans: list[Span], max_label: int = 30) -> tuple[list[Span], list[Span]]:
    """("Référence:" spans, value spans) at the first colon of a short label, else ([], spans)."""
    text = "".join(s.text for s in spans)
    cut = text.find(":")
    if cut <= 0 or cut > max_label or "/" in text[:cut] or "@" in text[:cut]:
        return [], spans
    cut += 1
    label, value, pos = [], [], 0
    for s in spans:
        a, b = pos, pos + len(s.text)
        if a < cut:
            label.append(Span(s.text[: cut - a], s.bold, s.italic, s.link))
        if b > cut:
            value.append(Span(s.text[max(0, cut - a):], s.bold, s.italic, s.link))
        pos = b
    if value:
        value[0] = Span(value[0].text.lstrip(), value[0].bold, value[0].italic, value[0].link)
    return label, [v for v in value if v.text]


def _reference_table(document, block: Block, ctx: _Ctx) -> None:
    lines = [ln for ln in _split_lines(block.spans) if "".join(s.text for s in ln).strip()]
    if not lines:
        return
    table = document.add_table(rows=len(lines), cols=2)
    table.autofit = False
    tbl = table._tbl
    oxml.set_table_borders_none(tbl)
    if ctx.rtl:
        oxml.set_table_bidi_visual(tbl)
    widths = (Cm(LABEL_W_CM), Cm(TEXT_W_CM - LABEL_W_CM))
    for col, w in zip(table.columns, widths):
        col.width = w
    for row, line in zip(table.rows, lines):
        label, value = _split_label(line)
        for cell, w, spans in zip(row.cells, widths, (label, value)):
            cell.width = w
            p = cell.paragraphs[0]
            p.paragraph_format.space_before = Pt(0)
            p.paragraph_format.space_after = Pt(0)
            if ctx.rtl:
                oxml.set_paragraph_bidi(p._p)
            else:
                oxml.set_jc(p._p, "left")
            _fill(p, spans, ctx)


def _letterhead(section, block: Block, ctx: _Ctx) -> None:
    header = section.first_page_header
    header.is_linked_to_previous = False
    p = header.paragraphs[0]
    org = ORGANISATION.get(ctx.lang)
    lines = _split_lines(block.spans)
    text = block.text
    if org and org.lower() not in text.lower():
        lines.insert(0, [Span(org)])
    for k, line in enumerate(lines):
        if k:
            p = header.add_paragraph()
        p.paragraph_format.space_before = Pt(0)
        p.paragraph_format.space_after = Pt(0)
        if ctx.rtl:
            oxml.set_paragraph_bidi(p._p)
        _fill(p, line, ctx, bold=(k == 0), size=ctx.size + (2 if k == 0 else 0),
              size_cs=ctx.size_cs + (2 if k == 0 else 0))
    # space between the letterhead and the letter
    spacer = header.add_paragraph()
    spacer.paragraph_format.space_after = Pt(12)
    if ctx.rtl:
        oxml.set_paragraph_bidi(spacer._p)


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
        oxml.set_run_fonts(r, LATIN_FONT, ARABIC_FONT)
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


def _block(document, block: Block, ctx: _Ctx, prev: Block | None) -> None:
    kind = block.kind
    if kind == BlockKind.REFERENCE:
        _reference_table(document, block, ctx)
        return
    if kind == BlockKind.DATE_LINE:
        p = _para(document, ctx, before=0, after=12, far=True)
        _fill(p, block.spans, ctx)
        return
    if kind == BlockKind.SUBJECT:
        p = _para(document, ctx, before=12, after=6, keep_next=True)
        label, value = _split_label(block.spans)
        if label:
            indent = Cm(2.0)
            p.paragraph_format.left_indent = indent  # logical start in a bidi paragraph
            p.paragraph_format.first_line_indent = -indent
            p.paragraph_format.tab_stops.add_tab_stop(indent)
            _fill(p, label + [Span("\t")] + value, ctx, bold=True)
        else:
            _fill(p, block.spans, ctx, bold=True)
        return
    spacing = {BlockKind.ADDRESSEES: (12, 0), BlockKind.SALUTATION: (12, 0),
               BlockKind.CLOSING: (12, 0), BlockKind.SIGNED: (24, 0),
               BlockKind.SIGNATURE: (6 if (prev is not None and prev.kind == BlockKind.SIGNED)
                                     else 36, 0),
               BlockKind.HEADING: (12, 0)}
    before, after = spacing.get(kind, (6, 0))
    if block.is_list_item and prev is not None and prev.is_list_item:
        before = 3
    keep = kind in (BlockKind.HEADING, BlockKind.SALUTATION, BlockKind.SIGNED,
                    BlockKind.CLOSING)
    p = _para(document, ctx, before=before, after=after, keep_next=keep)
    if kind in (BlockKind.SIGNATURE, BlockKind.SIGNED):
        p.paragraph_format.keep_together = True
    if block.is_list_item:
        oxml.set_num_pr(p._p, _list_num(block, ctx, prev), block.level)
    _fill(p, block.spans, ctx, bold=kind == BlockKind.HEADING)


def build(doc: Document) -> "docx.document.Document":
    """The python-docx document for ``doc`` (not saved)."""
    ctx = _Ctx(doc)
    document = docx.Document()
    body = document.element.body
    for child in list(body):  # the template's empty paragraph, keep sectPr
        if child.tag != oxml.qn("w:sectPr"):
            body.remove(child)
    oxml.set_doc_defaults(document, latin=LATIN_FONT, cs=ARABIC_FONT, size_pt=ctx.size,
                          size_cs_pt=ctx.size_cs, lang=LANG_TAGS.get(ctx.lang, "en-GB"))
    oxml.set_font_alt_name(document, ARABIC_FONT, ARABIC_FONT_ALT)
    normal = document.styles["Normal"]
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.line_spacing = 1.0
    if ctx.rtl:
        oxml.set_paragraph_bidi(normal.element)
    section = document.sections[0]
    section.page_width, section.page_height = PAGE_W, PAGE_H
    section.left_margin = section.right_margin = MARGIN
    section.top_margin = section.bottom_margin = MARGIN
    section.header_distance = section.footer_distance = Cm(1.0)
    section.different_first_page_header_footer = True
    if ctx.rtl:
        oxml.set_section_bidi(section._sectPr)
    ctx.numbering = oxml.Numbering(document, rtl=ctx.rtl)
    prev = None
    for block in doc.blocks:
        if block.kind == BlockKind.LETTERHEAD:
            _letterhead(section, block, ctx)
            continue
        _block(document, block, ctx, prev)
        prev = block
    _page_numbers(section, ctx)
    oxml.set_core_properties(document, title=_clean(doc.title or _subject_text(doc)),
                             subject=_clean(doc.subject or _subject_text(doc)),
                             language=doc.language)
    return document


def _subject_text(doc: Document) -> str:
    block = doc.first(BlockKind.SUBJECT)
    if block is None:
        return ""
    label, value = _split_label(block.spans)
    return "".join(s.text for s in value).strip().replace("\n", " ")


def docx_bytes(doc: Document) -> bytes:
    """The .docx file for ``doc`` as bytes."""
    buf = io.BytesIO()
    build(doc).save(buf)
    return buf.getvalue()


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
