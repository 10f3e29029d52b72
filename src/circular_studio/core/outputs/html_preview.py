"""The Document IR as HTML for Qt's rich-text engine (QTextDocument): the letter as it will print.

Qt-free on purpose: this module only builds a string, so it is tested without a screen and the
core never imports Qt. Qt's HTML subset is small (no CSS borders on paragraphs, no flexbox), so
the page is built from a one-cell table (the A4 sheet) holding one ``<p>`` per IR block: block
index ``i`` of the Document is the ``i``-th paragraph after the letterhead band.

Arabic paragraphs get ``dir="rtl"``, right alignment and an Arabic font; their text goes through
``bidi.protect`` exactly as in the DOCX, because Qt ignores ``<span dir="ltr">`` while LRM marks
around phone numbers work (DESIGN.md, "Arabic and bidi").
"""
from __future__ import annotations

import html
from dataclasses import dataclass

from ..document import Block, BlockKind, Document, Span
from ..locale import languages
from ..locale.languages import direction_of
from ..resources import load_json

try:  # written by the DOCX engineer; the preview must protect text exactly like the DOCX does
    from ..locale.bidi import protect as _protect
except ImportError:  # pragma: no cover - only while core/bidi.py does not exist yet
    def _protect(text: str) -> str:
        return text

A4_WIDTH_MM = 210
A4_HEIGHT_MM = 297
#: Page width in CSS pixels (96 dpi) and the margins of the sheet, in the same unit.
PAGE_WIDTH_PX = 794
PAGE_HEIGHT_PX = 1123
PAGE_MARGIN_PX = 72

ARABIC_FONTS = "'Amiri', 'Noto Naskh Arabic'"
LATIN_FONTS = "'Carlito', 'Calibri', 'Liberation Sans', 'DejaVu Sans'"


def _fonts(language: str, rtl: bool) -> str:
    """The CSS font families of a paragraph: the language table's ``preview`` fonts (a Chinese
    letter lists its CJK face, so Han characters are not drawn from a Latin font's fallback)."""
    entry = languages.get(language)
    if entry is not None and entry.rtl != rtl:  # an Arabic paragraph quoted in a French letter
        entry = next((e for e in languages.ordered() if e.rtl == rtl), None)
    names = entry.fonts.get("preview") if entry is not None else None
    if not names:
        return ARABIC_FONTS if rtl else LATIN_FONTS
    return ", ".join(f"'{n}'" for n in names)
HIGHLIGHT_COLOUR = "#ffd54f"
HIGHLIGHT_ANCHOR = "cs-highlight"
ITU_BLUE = "#1d5aa5"


@dataclass(frozen=True)
class Highlight:
    """A character span of one block to mark in the preview (a finding's location)."""

    block: int
    start: int
    end: int


def protect_with_map(text: str) -> tuple[str, list[int]]:
    """``bidi.protect(text)`` and, for each index of ``text`` (and its end), the index in the
    protected text. ``protect`` only inserts marks, so a two-pointer walk recovers the map."""
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


def _span_html(span: Span, text: str) -> str:
    out = _escape(text)
    if span.bold:
        out = f"<b>{out}</b>"
    if span.italic:
        out = f"<i>{out}</i>"
    if span.link is not None:
        if span.link:
            out = f'<a href="{html.escape(span.link)}">{out}</a>'
        else:  # a link whose target was lost: show it as a link that goes nowhere, in red
            out = f'<a href="#" style="color:#b00020;">{out}</a>'
    return out


def spans_html(block: Block, highlight: tuple[int, int] | None = None, protect: bool = True) -> str:
    """The block's runs as inline HTML, bidi-protected when RTL (unless ``protect`` is False:
    a letter read from a file is shown exactly as read), with an optional highlight of
    characters ``[start, end)`` of ``block.text``."""
    rtl = block.direction == "rtl" and protect
    parts: list[str] = []
    pos = 0
    for span in block.spans:
        text = span.text
        if rtl:
            text, mapping = protect_with_map(text)
        else:
            mapping = list(range(len(text) + 1))
        n = len(span.text)
        if highlight and highlight[0] < pos + n and highlight[1] > pos or (
                highlight and highlight[0] == highlight[1] == pos):
            a = mapping[max(highlight[0] - pos, 0)]
            b = mapping[min(highlight[1] - pos, n)]
            if highlight[0] >= pos:
                parts.append(f'<a name="{HIGHLIGHT_ANCHOR}"></a>')
            pieces = [_span_html(span, text[:a]) if a else "",
                      f'<span style="background-color:{HIGHLIGHT_COLOUR};">'
                      f'{_span_html(span, text[a:b]) if b > a else "&#8203;"}</span>',
                      _span_html(span, text[b:]) if b < len(text) else ""]
            parts.append("".join(pieces))
        else:
            parts.append(_span_html(span, text))
        pos += n
    return "".join(parts)


def _block_style(block: Block, doc_dir: str, language: str = "en") -> tuple[str, str]:
    """(align attribute, CSS) of a block's paragraph."""
    rtl = block.direction == "rtl"
    start, end = ("right", "left") if rtl else ("left", "right")
    fonts = _fonts(language, rtl)
    size = "14pt" if rtl else "11pt"
    css = [f"font-family:{fonts}", f"font-size:{size}", "margin-top:0px", "margin-bottom:10px"]
    align = start
    kind = block.kind
    if kind == BlockKind.DATE_LINE:
        align = end
    elif kind == BlockKind.SUBJECT or kind == BlockKind.HEADING:
        css.append("font-weight:bold")
        css.append("margin-top:8px")
    elif kind in (BlockKind.ADDRESSEES, BlockKind.SALUTATION, BlockKind.CLOSING):
        css.append("margin-top:6px")
    elif kind == BlockKind.SIGNATURE:
        css.append("margin-bottom:2px")
    elif kind == BlockKind.SIGNED:
        css.append("margin-top:14px")
    if block.is_list_item:
        indent = 24 * (block.level + 1)
        css.append(f"margin-{start}:{indent}px")
        css.append("margin-bottom:4px")
    return align, ";".join(css)


def _list_marker(block: Block) -> str:
    if block.list_kind == "ordered":
        return f"{block.number or 1}.\u00a0"
    return "•\u00a0" if block.level == 0 else "–\u00a0"


def block_html(block: Block, index: int, doc_dir: str, highlight: Highlight | None = None,
               protect: bool = True, language: str = "en") -> str:
    align, css = _block_style(block, doc_dir, language)
    span = (highlight.start, highlight.end) if highlight and highlight.block == index else None
    body = spans_html(block, span, protect)
    if block.is_list_item:
        marker = _list_marker(block)
        body = _escape(marker) + body
    if not block.text.strip():
        body = body or "&nbsp;"
    if not protect:  # shown exactly as read: tabs and runs of spaces kept
        css += ";white-space:pre-wrap"
    return (f'<p dir="{block.direction}" align="{align}" style="{css}" '
            f'id="b{index}">{body}</p>')


def _letterhead(doc: Document) -> str:
    """The organisation band at the top of the sheet, in the letter's language."""
    lang = doc.language.split("-")[0]
    try:
        org = load_json("house.json")["organisation"]
        name = org.get(lang) or org["en"]
    except (OSError, KeyError, ValueError):
        name = "International Telecommunication Union"
    rtl = direction_of(doc.language) == "rtl"
    fonts = _fonts(doc.language, rtl)
    align = "right" if rtl else "left"
    return (f'<p dir="{"rtl" if rtl else "ltr"}" align="{align}" style="font-family:{fonts};'
            f'font-size:{"15pt" if rtl else "13pt"};font-weight:bold;color:{ITU_BLUE};'
            f'margin-bottom:2px;">{_escape(name)}</p>'
            f'<hr style="color:{ITU_BLUE};"/>')


def _body_html(doc: Document, highlight: Highlight | None, letterhead: bool, protect: bool) -> str:
    doc_dir = doc.direction
    body: list[str] = []
    if letterhead:
        body.append(_letterhead(doc))
    for i, block in enumerate(doc.blocks):
        if block.kind == BlockKind.LETTERHEAD:
            b = Block(block.kind, [Span(s.text, True, s.italic, s.link) for s in block.spans],
                      block.direction, block.field)
            align = "right" if block.direction == "rtl" else "left"
            fonts = _fonts(doc.language, block.direction == "rtl")
            span = (highlight.start, highlight.end) if highlight and highlight.block == i else None
            pre = "" if protect else "white-space:pre-wrap;"
            body.append(f'<p dir="{block.direction}" align="{align}" id="b{i}" '
                        f'style="font-family:{fonts};color:{ITU_BLUE};margin-bottom:18px;{pre}">'
                        f'{spans_html(b, span, protect)}</p>')
        else:
            body.append(block_html(block, i, doc_dir, highlight, protect, doc.language))
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
