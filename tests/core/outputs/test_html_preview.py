"""The preview's HTML (Qt-free): RTL paragraphs, Arabic fonts, bidi protection like the DOCX,
highlights at the right characters even when LRM marks were inserted."""
from __future__ import annotations

import re

from circular_studio.core.locale.bidi import LRM
from circular_studio.core.document import Block, BlockKind, Document, Span
from circular_studio.core.outputs.html_preview import (HIGHLIGHT_ANCHOR, HIGHLIGHT_COLOUR, Highlight,
                                                document_html, paged_html, protect_with_map,
                                                spans_html)

PHONE_LINE = "الهاتف: +41 22 730 5614"


def _doc(lang="ar"):
    d = "rtl" if lang == "ar" else "ltr"
    return Document(lang, [
        Block(BlockKind.LETTERHEAD, [Span("الأمانة العامة (SG)")], d, "sector"),
        Block(BlockKind.DATE_LINE, [Span("جنيف، 6 ديسمبر 2019")], d, "letter_date"),
        Block(BlockKind.REFERENCE, [Span("المرجع: CL-19/59\n" + PHONE_LINE)], d, "reference"),
        Block(BlockKind.PARAGRAPH, [Span("انظر "), Span("الموقع", bold=True), Span(" و"),
                                    Span("الرابط", link="")], d, "body"),
        Block(BlockKind.PARAGRAPH, [Span("بند")], d, "body", list_kind="ordered", number=2),
    ])


def test_arabic_paragraphs_are_rtl_right_aligned_in_an_arabic_font():
    html = document_html(_doc())
    assert '<html dir="rtl"' in html
    assert html.count('dir="rtl"') >= 6
    assert 'align="right"' in html and "Amiri" in html
    assert 'align="left"' in html  # the date line sits at the far end, as in the DOCX


def test_phone_number_is_protected_and_kept_whole_like_the_docx():
    html = document_html(_doc())
    # LRM around it (digit groups in order), no-break spaces inside (never broken across lines)
    assert f"{LRM}+41\u00a022\u00a0730\u00a05614{LRM}" in html
    assert "CL-19/59" in html  # no break between a hyphen and a number anyway
    doc = Document("ar", [Block(BlockKind.PARAGRAPH, [Span("البريد: wsis-info@itu.int")], "rtl")])
    assert "wsis-\u2060info@itu.int" in document_html(doc)  # glued to the letter after it


def test_line_breaks_inside_a_block():
    doc = Document("fr", [Block(BlockKind.ADDRESSEES, [Span("A\nB")], "ltr")])
    assert "A<br/>B" in document_html(doc)


def test_latin_letter_is_not_protected_and_left_aligned():
    doc = Document("fr", [Block(BlockKind.PARAGRAPH, [Span("Téléphone: +41 22 730 5614")], "ltr", "body")])
    html = document_html(doc)
    assert LRM not in html and 'align="left"' in html and 'dir="ltr"' in html


def test_bold_links_and_lost_links():
    html = document_html(_doc())
    assert "<b>الموقع</b>" in html
    assert 'href="#"' in html and "#b00020" in html  # a link whose target was lost shows in red
    assert "2.\u00a0بند" in html


def test_highlight_maps_offsets_through_inserted_marks():
    block = Block(BlockKind.PARAGRAPH, [Span(PHONE_LINE)], "rtl")
    start = PHONE_LINE.index("+41")
    out = spans_html(block, (start, len(PHONE_LINE)), language="ar")
    marked = out.split(f'<span style="background-color:{HIGHLIGHT_COLOUR};">', 1)[1]
    assert re.sub("<[^>]+>", "", marked).startswith("+41\u00a022\u00a0730\u00a05614")
    assert "font-size:12pt" in marked  # the number in the Latin font and size, as in the DOCX
    html = document_html(_doc(), Highlight(3, 5, 11))
    assert f'name="{HIGHLIGHT_ANCHOR}"' in html
    assert "الموقع</b></span>" in html or "الموقع" in html.split(HIGHLIGHT_COLOUR)[1][:80]


def test_protect_with_map_is_monotonic():
    text, mapping = protect_with_map(PHONE_LINE)
    assert len(mapping) == len(PHONE_LINE) + 1
    assert all(text[mapping[i]] == ch for i, ch in enumerate(PHONE_LINE))
    assert mapping == sorted(mapping)


def test_html_escapes_markup():
    doc = Document("en", [Block(BlockKind.PARAGRAPH, [Span("a <b> & c")], "ltr")])
    assert "a &lt;b&gt; &amp; c" in document_html(doc)


def test_page_width_scales_margins():
    narrow = document_html(_doc(), page_width=397)
    assert 'width="397"' in narrow and 'cellpadding="38"' in narrow  # 2 cm at half scale


def test_preview_draws_the_page_the_docx_prints():
    """One style source: the letterhead's colour and rule, the reference block as a two-column
    table with the DOCX's label width, the fonts the DOCX names (after their metric twins)."""
    from circular_studio.core.docx import style

    html = document_html(_doc("fr"))
    colour = "#" + style.colour("letterhead")
    assert html.count(colour) >= 2 and "<hr" in html  # organisation and sector, then the rule
    label_px = round(style.label_width_cm() * 96 / 2.54)
    assert f'<td width="{label_px}"' in html
    fonts = style.fonts_for("fr")
    assert f"'{style.twin(fonts.latin)}', '{fonts.latin}'" in html
    ar = paged_html(_doc("ar"))
    row = ar.split('id="b2"', 1)[1].split("</tr>")[0]
    assert row.index("CL-") < row.index("المرجع")  # the label cell is on the right in Arabic
    assert f"'{style.fonts_for('ar').complex}'" in ar
