"""The Document IR as HTML for Qt's rich-text engine (QTextDocument): the letter as it will print.

Qt-free on purpose: this module only builds a string, so it is tested without a screen and the
core never imports Qt. Qt's HTML subset is small (no CSS borders on paragraphs, no flexbox), so
the page is built from a one-cell table (the A4 sheet) holding one ``<p>`` per IR block: block
index ``i`` of the Document is the ``i``-th paragraph after the letterhead band.

Everything that decides the page's look comes from ``core/docx/style.py`` (page size and
margins, fonts and sizes, letterhead colour and rule, spacing between blocks, the reference
block's label column), the source the DOCX writer reads too, so the two cannot drift; the text
goes through the writer's typesetting pass (``typeset.prepare``: bidi marks, no-break spaces and
hyphens). The reference block is the DOCX's two-column table; the subject's hanging indent is
drawn the same way (Qt has no tab stops in HTML).

Arabic paragraphs get ``dir="rtl"``, right alignment and an Arabic font; Qt ignores ``<span
dir="ltr">`` while LRM marks around phone numbers work (DESIGN.md, "Arabic and bidi").
"""
from __future__ import annotations

import html
from dataclasses import dataclass, replace

from ..docx import style, typeset
from ..document import Block, BlockKind, Document, Span, live_link
from ..locale.bidi import protect as _protect, script_runs
from ..locale.languages import direction_of
from ..resources import load_json

_PAGE = style.page()
A4_WIDTH_MM = round(_PAGE["width_cm"] * 10)
A4_HEIGHT_MM = round(_PAGE["height_cm"] * 10)
#: Page width in CSS pixels (96 dpi) and the margins of the sheet, in the same unit: the DOCX's
#: page (core/docx/style.py), so the preview breaks lines and pages where the print does.
PX_PER_CM = 96 / 2.54
PAGE_WIDTH_PX = round(_PAGE["width_cm"] * PX_PER_CM)
PAGE_HEIGHT_PX = round(_PAGE["height_cm"] * PX_PER_CM)
PAGE_MARGIN_PX = round(_PAGE["margin_cm"] * PX_PER_CM)
#: The top margin of the flow when the letterhead is in it: the DOCX prints the letterhead in the
#: first page's header, from the header distance down, and the body under it; the preview has
#: one flow with the same margin on every page, so it starts at the header distance (page 1 is
#: then the printed page; pages 2+ start 1 cm higher than in print).
PAGE_TOP_MARGIN_PX = round(_PAGE["header_cm"] * PX_PER_CM)
HIGHLIGHT_COLOUR = "#ffd54f"
HIGHLIGHT_ANCHOR = "cs-highlight"
LETTERHEAD_COLOUR = "#" + style.colour("letterhead")
RULE_COLOUR = "#" + style.colour("rule")
LINK_COLOUR = "#" + style.colour("link")


#: the tint of a paragraph the drafter wrote herself in place of a standard clause
BY_HAND_COLOUR = "#fdf1dc"

def _px(pt: float) -> int:
    return round(pt * style.PX_PER_PT)


def _fonts(language: str, rtl: bool) -> str:
    """CSS font families of a paragraph: the font the DOCX names, after its metric twin."""
    return ", ".join(f"'{n}'" for n in style.preview_families(language, rtl))


def _size(language: str, rtl: bool) -> float:
    f = style.fonts_for(language)
    return f.size_complex if rtl else f.size


@dataclass(frozen=True)
class Highlight:
    """A character span of one block to mark in the preview (a finding's location)."""

    block: int
    start: int
    end: int


def protect_with_map(text: str) -> tuple[str, list[int]]:
    """``bidi.protect(text)`` and, for each index of ``text`` (and its end), the index in the
    protected text. ``protect`` only inserts marks, so a two-pointer walk recovers the map.
    (The page itself is typeset with ``typeset.prepare``/``source_map``, which do more.)"""
    protected = _protect(text)
    mapping: list[int] = []
    j = 0
    for ch in text:
        while j < len(protected) and protected[j] != ch:
            j += 1
        mapping.append(j)
        j += 1
    mapping.append(len(protected))
    # marks inserted right before index i belong before the highlight, keep them outside it
    return protected, mapping


def _escape(text: str) -> str:
    return html.escape(text, quote=False).replace("\n", "<br/>")


def _span_html(span: Span, text: str, inner: str | None = None) -> str:
    out = _escape(text) if inner is None else inner
    if span.bold:
        out = f"<b>{out}</b>"
    if span.italic:
        out = f"<i>{out}</i>"
    if span.link is not None:
        if span.link.strip() and span.link.strip() != "#" and not live_link(span.link):
            pass  # not a web, e-mail or anchor link: shown as text, as the DOCX writes it (LINK006)
        elif span.link:
            out = (f'<a href="{html.escape(span.link)}" style="color:{LINK_COLOUR};'
                   f'text-decoration:underline;">{out}</a>')
        else:  # a link whose target was lost: show it as a link that goes nowhere, in red
            out = f'<a href="#" style="color:#b00020;">{out}</a>'
    return out


# A paragraph longer than this (a pasted run of 80,000 letters, 30,000 bidi controls) is shown
# cut, with a note: laying it out took the window seconds. The DOCX and the checks keep it all.
PREVIEW_MAX_CHARS = 5000


def _shortened(block: Block) -> Block:
    spans, left = [], PREVIEW_MAX_CHARS
    for span in block.spans:
        if left <= 0:
            break
        spans.append(replace(span, text=span.text[:left]))
        left -= len(span.text)
    hidden = len(block.text) - PREVIEW_MAX_CHARS
    spans.append(Span(f" […{hidden} more characters, not shown in the preview]", italic=True))
    return replace(block, spans=spans)


def spans_html(block: Block, highlight: tuple[int, int] | None = None, protect: bool = True,
               language: str = "en") -> str:
    """The block's runs as inline HTML, typeset as the DOCX is (bidi marks in RTL text, no
    breaks inside phone numbers, references, dates…: ``typeset.prepare``) unless ``protect``
    is False (a letter read from a file is shown exactly as read), with an optional highlight
    of characters ``[start, end)`` of ``block.text``."""
    if len(block.text) > PREVIEW_MAX_CHARS:
        block = _shortened(block)
        if highlight:
            highlight = (min(highlight[0], PREVIEW_MAX_CHARS), min(highlight[1], PREVIEW_MAX_CHARS))
    full = block.text
    if protect:
        text = typeset.prepare(full, language, block.direction == "rtl", glue=True)
        mapping = typeset.source_map(full, text)
    else:
        text, mapping = full, list(range(len(full) + 1))
    latin_css = None
    if protect and block.direction == "rtl":
        # Latin runs in the Latin font and size, as the DOCX writes them (w:rtl runs only
        # for Arabic): "CL-19/59" in Carlito 12 pt, not in Amiri 14 pt
        f = style.fonts_for(language)
        latin_css = (f"font-family:{_fonts(language, False)};font-size:{f.size:g}pt")
        flags = [False] * len(text)
        for a, b, is_rtl in script_runs(text, rtl_default=True):
            if not is_rtl:
                flags[a:b] = [True] * (b - a)

    def inner(lo: int, hi: int) -> str | None:
        if latin_css is None:
            return None
        out, k = [], lo
        while k < hi:
            j = k
            while j < hi and flags[j] == flags[k]:
                j += 1
            chunk = _escape(text[k:j])
            out.append(f'<span style="{latin_css}">{chunk}</span>' if flags[k] and chunk.strip()
                       else chunk)
            k = j
        return "".join(out)

    parts: list[str] = []
    pos = 0
    for k, span in enumerate(block.spans):
        n = len(span.text)
        lo = 0 if pos == 0 else mapping[pos]
        hi = len(text) if k == len(block.spans) - 1 else mapping[pos + n]
        piece = text[lo:hi]
        if highlight and highlight[0] < pos + n and highlight[1] > pos or (
                highlight and highlight[0] == highlight[1] == pos):
            a = mapping[max(highlight[0], pos)] - lo
            b = mapping[min(highlight[1], pos + n)] - lo
            if highlight[0] >= pos:
                parts.append(f'<a name="{HIGHLIGHT_ANCHOR}"></a>')
            a0 = max(a, 0)
            pieces = [_span_html(span, piece[:a], inner(lo, lo + a)) if a > 0 else "",
                      f'<span style="background-color:{HIGHLIGHT_COLOUR};">'
                      f'{_span_html(span, piece[a0:b], inner(lo + a0, lo + b)) if b > a else "&#8203;"}'
                      f'</span>',
                      _span_html(span, piece[b:], inner(lo + b, hi)) if b < len(piece) else ""]
            parts.append("".join(pieces))
        else:
            parts.append(_span_html(span, piece, inner(lo, hi)))
        pos += n
    return "".join(parts)


def _spacing(block: Block, prev: Block | None) -> tuple[float, float]:
    """Space before/after in points, as the DOCX writer sets it (``style.spacing``)."""
    kind = block.kind.value
    if block.is_list_item and prev is not None and prev.is_list_item:
        kind = "list_item"
    elif block.kind == BlockKind.SIGNATURE and prev is not None and prev.kind == BlockKind.SIGNED:
        kind = "signature_after_signed"
    before, after = style.spacing(kind)
    return (0.0 if prev is None else before), after


def _block_style(block: Block, doc_dir: str, language: str = "en",
                 prev: Block | None = None) -> tuple[str, str]:
    """(align attribute, CSS) of a block's paragraph."""
    rtl = block.direction == "rtl"
    start, end = ("right", "left") if rtl else ("left", "right")
    before, after = _spacing(block, prev)
    css = [f"font-family:{_fonts(language, rtl)}", f"font-size:{_size(language, rtl):g}pt",
           f"margin-top:{_px(before)}px", f"margin-bottom:{_px(after)}px"]
    align = start
    kind = block.kind
    if kind == BlockKind.DATE_LINE:
        align = end
    elif kind == BlockKind.SUBJECT or kind == BlockKind.HEADING:
        css.append("font-weight:bold")
    if block.is_list_item:
        indent = round(style.list_indent_cm() * PX_PER_CM * (block.level + 1))
        css.append(f"margin-{start}:{indent}px")
    if block.by_hand:  # a clause written by hand: tinted on screen, never in the DOCX
        css.append(f"background-color:{BY_HAND_COLOUR}")
    return align, ";".join(css)


def _label_rows(block: Block) -> list[tuple[Block, int, Block, int]]:
    """The block's lines as (label, its offset, value, its offset) in ``block.text``."""
    rows, offset = [], 0
    for line in typeset.split_lines(block.spans):
        line_text = "".join(s.text for s in line)
        label, value = typeset.split_label(line)
        if line_text.strip():
            value_text = "".join(s.text for s in value)
            rows.append((Block(block.kind, label, block.direction), offset,
                         Block(block.kind, value, block.direction),
                         offset + len(line_text) - len(value_text)))
        offset += len(line_text) + 1
    return rows


def _label_table(block: Block, index: int, language: str, prev: Block | None,
                 highlight: Highlight | None, protect: bool, label_cm: float) -> str:
    """A block of "Label: value" lines as the DOCX's borderless two-column table (reference
    block) or hanging indent (subject): the label column ``label_cm`` wide, on the start
    margin; in Arabic the label is on the right."""
    rtl = block.direction == "rtl"
    align, css = _block_style(block, "", language, prev)
    span = (highlight.start, highlight.end) if highlight and highlight.block == index else None
    width = round(style.label_width_cm() * PX_PER_CM) if label_cm is None else round(label_cm * PX_PER_CM)
    before = _px(_spacing(block, prev)[0])
    rows = []
    for label, l_off, value, v_off in _label_rows(block):
        cells = []
        for part, off in ((label, l_off), (value, v_off)):
            h = (span[0] - off, span[1] - off) if span else None
            cells.append(spans_html(part, h, protect, language))
        # valign="middle": label (Arabic font) and value (often Latin) on one baseline, as
        # the DOCX's exact row height gives them
        label_td = (f'<td width="{width}" align="{align}" valign="middle" '
                    f'style="{css};margin-top:0px">{cells[0]}</td>')
        value_td = (f'<td align="{align}" valign="middle" style="{css};margin-top:0px">'
                    f'{cells[1]}</td>')
        rows.append("<tr>" + (value_td + label_td if rtl else label_td + value_td) + "</tr>")
    return (f'<table id="b{index}" width="100%" cellspacing="0" cellpadding="0" border="0" '
            f'style="margin-top:{before}px;">{"".join(rows)}</table>')


def _list_marker(block: Block) -> str:
    if block.list_kind == "ordered":
        return f"{block.number or 1}.\u00a0"
    return "•\u00a0" if block.level == 0 else "–\u00a0"


def block_html(block: Block, index: int, doc_dir: str, highlight: Highlight | None = None,
               protect: bool = True, language: str = "en", prev: Block | None = None) -> str:
    if protect and block.kind == BlockKind.REFERENCE:
        return _label_table(block, index, language, prev, highlight, protect,
                            style.label_width_cm())
    if protect and block.kind == BlockKind.SUBJECT and typeset.split_label(block.spans)[0]:
        return _label_table(block, index, language, prev, highlight, protect,
                            style.subject_indent_cm())
    align, css = _block_style(block, doc_dir, language, prev)
    span = (highlight.start, highlight.end) if highlight and highlight.block == index else None
    body = spans_html(block, span, protect, language)
    if block.is_list_item:
        marker = _list_marker(block)
        body = _escape(marker) + body
    if not block.text.strip():
        body = body or "&nbsp;"
    if not protect:  # shown exactly as read: tabs and runs of spaces kept
        css += ";white-space:pre-wrap"
    return (f'<p dir="{block.direction}" align="{align}" style="{css}" '
            f'id="b{index}">{body}</p>')


def _organisation(lang: str) -> str:
    org = load_json("house.json").get("organisation", {})
    return org.get(lang) or org.get("en") or ""


def _letterhead_html(doc: Document, block: Block | None, index: int | None,
                     highlight: Highlight | None, protect: bool) -> str:
    """The letterhead as the DOCX's first-page header prints it: the organisation in bold, two
    points larger, the letterhead block's lines, all in the house colour, a rule under them."""
    lang = doc.language.split("-")[0]
    rtl = direction_of(doc.language) == "rtl"
    d = "rtl" if rtl else "ltr"
    align = "right" if rtl else "left"
    size = _size(doc.language, rtl)
    look = style.letterhead()
    fonts = _fonts(doc.language, rtl)
    out = []
    name = _organisation(lang)
    if name and not (block is not None and name.lower() in block.text.lower()):
        out.append(f'<p dir="{d}" align="{align}" style="font-family:{fonts};'
                   f'font-size:{size + float(look["first_line_bigger_pt"]):g}pt;font-weight:bold;'
                   f'color:{LETTERHEAD_COLOUR};margin-top:0px;margin-bottom:0px;">'
                   f'{_escape(name)}</p>')
    if block is not None:
        span = (highlight.start, highlight.end) if highlight and highlight.block == index else None
        pre = "" if protect else "white-space:pre-wrap;"
        out.append(f'<p dir="{block.direction}" align="{align}" id="b{index}" '
                   f'style="font-family:{fonts};font-size:{size:g}pt;color:{LETTERHEAD_COLOUR};'
                   f'margin-top:0px;margin-bottom:0px;{pre}">'
                   f'{spans_html(block, span, protect, doc.language)}</p>')
    out.append(f'<hr style="color:{RULE_COLOUR};background-color:{RULE_COLOUR};'
               f'margin-top:1px;margin-bottom:{_px(float(look["space_after_pt"]))}px;"/>')
    return "".join(out)


def _body_html(doc: Document, highlight: Highlight | None, letterhead: bool, protect: bool) -> str:
    doc_dir = doc.direction
    body: list[str] = []
    head = next(((i, b) for i, b in enumerate(doc.blocks) if b.kind == BlockKind.LETTERHEAD),
                (None, None))
    if letterhead or head[1] is not None:
        if letterhead:
            body.append(_letterhead_html(doc, head[1], head[0], highlight, protect))
        else:  # a letter read from a file: its own letterhead text, no organisation added
            i, block = head
            span = (highlight.start, highlight.end) if highlight and highlight.block == i else None
            body.append(f'<p dir="{block.direction}" id="b{i}" style="white-space:pre-wrap;'
                        f'color:{LETTERHEAD_COLOUR};">{spans_html(block, span, False)}</p>')
    prev = None
    for i, block in enumerate(doc.blocks):
        if block.kind == BlockKind.LETTERHEAD:
            continue
        body.append(block_html(block, i, doc_dir, highlight, protect, doc.language, prev))
        prev = block
    return "\n".join(body)


def paged_html(doc: Document, highlight: Highlight | None = None, *, letterhead: bool = True,
               protect: bool = True) -> str:
    """The letter's flow for a paginated ``QTextDocument`` (the widget gives the document an A4
    page size and margins and draws the sheets): no table, no desk colour.

    ``letterhead`` puts the organisation band at the top of the first page (a letter made here);
    ``protect`` False shows a letter read from a file exactly as read (no bidi marks added), so
    the preview does not hide what the checks report. ``highlight`` as in ``document_html``.
    """
    inner = _body_html(doc, highlight, letterhead, protect)
    title = html.escape(doc.title or doc.subject or "")
    return (f'<html dir="{doc.direction}"><head><meta charset="utf-8"/><title>{title}</title></head>'
            f'<body style="color:#000000;">{inner}</body></html>')


def document_html(doc: Document, highlight: Highlight | None = None, page: bool = True,
                  page_width: int = PAGE_WIDTH_PX) -> str:
    """The letter as an HTML page for ``QTextDocument.setHtml``.

    With ``page`` the letter sits on a white A4-proportioned sheet with margins; the widget
    showing it provides the grey desk around. ``highlight`` marks one finding's span and puts
    an anchor named ``HIGHLIGHT_ANCHOR`` before it for ``QTextBrowser.scrollToAnchor``.
    """
    doc_dir = doc.direction
    inner = _body_html(doc, highlight, page, True)
    title = html.escape(doc.title or doc.subject or "")
    if not page:
        return (f'<html dir="{doc_dir}"><head><meta charset="utf-8"/><title>{title}</title></head>'
                f'<body style="background-color:#ffffff;color:#000000;">{inner}</body></html>')
    # the sheet: A4 width scaled to the room available, margins scaled alike; the grey desk
    # around it is the body's background
    width = max(int(page_width), 200)
    margin = max(int(PAGE_MARGIN_PX * width / PAGE_WIDTH_PX), 12)
    return (f'<html dir="{doc_dir}"><head><meta charset="utf-8"/><title>{title}</title></head>'
            f'<body style="background-color:#8c8f94;color:#000000;">'
            f'<table align="center" width="{width}" cellspacing="0" cellpadding="{margin}" '
            f'border="1" style="border-color:#6b6e73;border-style:solid;background-color:#ffffff;'
            f'margin-top:16px;margin-bottom:16px;"><tr><td style="background-color:#ffffff;">'
            f'{inner}</td></tr></table></body></html>')
