"""The DOCX a user sends for signature: Arabic bidi markup, fonts, links, lists, safe writing."""
from __future__ import annotations

import io
import re
import zipfile

import pytest
from lxml import etree

from circular_studio.core.locale.bidi import LRM, has_arabic
from circular_studio.core.document import Block, BlockKind, Document, Span
from circular_studio.core.docx.writer import docx_bytes, write_docx
from circular_studio.core.errors import ExportError

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS = {"w": W, "r": R}
PRESENTATION_FORMS = re.compile("[\ufb50-\ufdff\ufe70-\ufeff]")


class Docx:
    """The parts of a written .docx, parsed."""

    def __init__(self, data: bytes):
        self.zip = zipfile.ZipFile(io.BytesIO(data))
        self.names = self.zip.namelist()
        self.doc = self.xml("word/document.xml")
        self.body = self.doc.find("w:body", NS)

    def raw(self, name):
        return self.zip.read(name).decode("utf-8")

    def xml(self, name):
        return etree.fromstring(self.zip.read(name))

    def rels(self, name="word/_rels/document.xml.rels"):
        root = self.xml(name)
        return {r.get("Id"): (r.get("Target"), r.get("TargetMode")) for r in root}

    def runs(self):
        return self.body.iter(f"{{{W}}}r")

    def paragraphs(self):
        return list(self.body.iter(f"{{{W}}}p"))


def _copied(el) -> str:
    """The text a reader copies: w:noBreakHyphen is "-", a no-break space is a space, a word
    joiner (glue after a hyphen in Arabic letters) is nothing."""
    out = []
    for node in el.iter(f"{{{W}}}t", f"{{{W}}}noBreakHyphen"):
        out.append("-" if node.tag.endswith("noBreakHyphen") else (node.text or ""))
    return "".join(out).replace("\u00a0", " ").replace("\u2060", "")


def run_text(r):
    return _copied(r)


def para_text(p):
    return _copied(p)


@pytest.fixture
def ar(arabic_letter):
    return Docx(docx_bytes(arabic_letter))


@pytest.fixture
def fr(french_letter):
    return Docx(docx_bytes(french_letter))


def test_every_arabic_paragraph_and_the_section_are_bidi(ar):
    paras = ar.paragraphs()
    assert len(paras) > 15  # body and table cells
    for p in paras:
        assert p.find("w:pPr/w:bidi", NS) is not None, para_text(p)
    assert ar.body.find("w:sectPr/w:bidi", NS) is not None


def test_rtl_only_on_arabic_runs_with_complex_script_twins(ar):
    arabic_runs = latin_runs = 0
    for r in ar.runs():
        text = run_text(r)
        if not text:
            continue
        rpr = r.find("w:rPr", NS)
        fonts = rpr.find("w:rFonts", NS)
        assert fonts.get(f"{{{W}}}cs") == "Amiri" and fonts.get(f"{{{W}}}ascii")
        if rpr.find("w:b", NS) is not None:
            assert rpr.find("w:bCs", NS) is not None
        if rpr.find("w:sz", NS) is not None:
            assert rpr.find("w:szCs", NS) is not None
        if has_arabic(text):
            arabic_runs += 1
            assert rpr.find("w:rtl", NS) is not None, text
            assert rpr.find("w:lang", NS).get(f"{{{W}}}bidi", "").startswith("ar")
        elif re.search(r"[0-9A-Za-z]", text):
            latin_runs += 1
            assert rpr.find("w:rtl", NS) is None, text
    assert arabic_runs > 10 and latin_runs > 5


def test_phone_number_is_wrapped_in_lrm_in_a_run_without_rtl(ar):
    protected = [r for r in ar.runs() if "+41 22 730 5614" in run_text(r)]
    assert len(protected) == 2  # reference table and body paragraph
    for r in protected:
        assert run_text(r).startswith(LRM) and run_text(r).endswith(LRM)
        assert r.find("w:rPr/w:rtl", NS) is None


def test_no_presentation_forms_and_logical_order(ar):
    xml = ar.raw("word/document.xml")
    assert not PRESENTATION_FORMS.search(xml)
    assert "حضرات السادة والسيدات،" in xml  # logical order, as typed


def test_reshaped_input_is_written_as_plain_letters():
    import arabic_reshaper

    shaped = arabic_reshaper.reshape("تحية طيبة")
    assert PRESENTATION_FORMS.search(shaped)
    doc = Document("ar", [Block(BlockKind.PARAGRAPH, [Span(shaped)], direction="rtl")])
    xml = Docx(docx_bytes(doc)).raw("word/document.xml")
    assert not PRESENTATION_FORMS.search(xml)
    assert "تحية طيبة" in xml


def test_flush_right_paragraphs_have_no_jc_and_date_goes_to_the_far_side(ar, fr):
    ar_paras = {para_text(p): p for p in ar.paragraphs()}
    body = next(p for t, p in ar_paras.items() if t.startswith("سيُعقد"))
    assert body.find("w:pPr/w:jc", NS) is None
    date = ar_paras["جنيف، 6 ديسمبر 2019"]
    assert date.find("w:pPr/w:jc", NS).get(f"{{{W}}}val") == "right"  # logical end: the left
    fr_date = next(p for p in fr.paragraphs() if para_text(p).startswith("Genève"))
    assert fr_date.find("w:pPr/w:jc", NS).get(f"{{{W}}}val") == "right"
    assert fr_date.find("w:pPr/w:bidi", NS) is None


def test_french_letter_has_no_bidi_markup(fr):
    xml = fr.raw("word/document.xml")
    assert "<w:bidi" not in xml and "<w:rtl" not in xml


def test_hyperlinks_are_real_relationships(ar, fr):
    for d, expected in ((ar, {"mailto:wsis-info@itu.int", "https://www.wsis.org/forum"}),
                        (fr, {"mailto:wtdc@itu.int", "https://www.itu.int/itu-d/meetings/wtdc25/"})):
        rels = d.rels()
        targets = set()
        for h in d.body.iter(f"{{{W}}}hyperlink"):
            target, mode = rels[h.get(f"{{{R}}}id")]
            assert mode == "External"
            targets.add(target)
        assert targets == expected


def test_lost_link_is_plain_text(ar, fr):
    for d, text in ((ar, "صفحة الحدث"), (fr, "CL-24/49")):
        for h in d.body.iter(f"{{{W}}}hyperlink"):
            assert text not in para_text(h)
        assert any(text in para_text(p) for p in d.paragraphs())


def test_lists_are_real_word_numbering_restarting_per_list(fr):
    items = {para_text(p): p for p in fr.paragraphs() if p.find("w:pPr/w:numPr", NS) is not None}
    assert set(items) == {"premier point", "second point", "une puce"}
    num = {t: p.find("w:pPr/w:numPr/w:numId", NS).get(f"{{{W}}}val") for t, p in items.items()}
    assert num["premier point"] == num["second point"] != num["une puce"]
    numbering = fr.xml("word/numbering.xml")

    def fmt(num_id):
        n = numbering.find(f"w:num[@w:numId='{num_id}']", NS)
        aid = n.find("w:abstractNumId", NS).get(f"{{{W}}}val")
        ab = numbering.find(f"w:abstractNum[@w:abstractNumId='{aid}']", NS)
        return ab.find("w:lvl[@w:ilvl='0']/w:numFmt", NS).get(f"{{{W}}}val")

    assert fmt(num["premier point"]) == "decimal"
    assert fmt(num["une puce"]) == "bullet"


def test_two_ordered_lists_restart():
    def item(text, n, lid):
        return Block(BlockKind.PARAGRAPH, [Span(text)], list_kind="ordered", number=n, list_id=lid)

    doc = Document("en", [item("a", 1, 1), item("b", 2, 1), Block(BlockKind.PARAGRAPH, [Span("x")]),
                          item("c", 1, 2)])
    d = Docx(docx_bytes(doc))
    ids = [p.find("w:pPr/w:numPr/w:numId", NS).get(f"{{{W}}}val") for p in d.paragraphs()
           if p.find("w:pPr/w:numPr", NS) is not None]
    assert ids[0] == ids[1] != ids[2]
    num = d.xml("word/numbering.xml").find(f"w:num[@w:numId='{ids[2]}']", NS)
    assert num.find("w:lvlOverride[@w:ilvl='0']/w:startOverride", NS).get(f"{{{W}}}val") == "1"


def test_reference_block_is_a_fixed_borderless_two_column_table(ar, fr):
    for d, rtl in ((ar, True), (fr, False)):
        tbl = d.body.find("w:tbl", NS)
        assert tbl.find("w:tblPr/w:tblLayout", NS).get(f"{{{W}}}type") == "fixed"
        assert len(tbl.findall("w:tblGrid/w:gridCol", NS)) == 2
        assert (tbl.find("w:tblPr/w:bidiVisual", NS) is not None) == rtl
        first_row = [para_text(tc) for tc in tbl.find("w:tr", NS).findall("w:tc", NS)]
        assert first_row in (["المرجع:", "CL-19/59"], ["Référence:", "DM-24/1009- SG/BDT"])


def test_letterhead_in_first_page_header_and_page_numbers_in_footer(fr):
    rels = fr.rels()
    sect = fr.body.find("w:sectPr", NS)
    assert sect.find("w:titlePg", NS) is not None
    first = sect.find("w:headerReference[@w:type='first']", NS).get(f"{{{R}}}id")
    assert "Secrétariat général (SG)" in fr.raw("word/" + rels[first][0])
    footer = sect.find("w:footerReference[@w:type='default']", NS).get(f"{{{R}}}id")
    assert "PAGE" in fr.raw("word/" + rels[footer][0])


def test_subject_is_bold(fr):
    subject = next(p for p in fr.paragraphs() if para_text(p).startswith("Objet:"))
    for r in subject.iter(f"{{{W}}}r"):
        if run_text(r).strip():
            assert r.find("w:rPr/w:b", NS) is not None


def test_document_properties(ar):
    core = ar.raw("docProps/core.xml")
    assert "منتدى القمة العالمية" in core and ">ar<" in core


def test_page_is_a4_with_2cm_margins(fr):
    sect = fr.body.find("w:sectPr", NS)
    size, mar = sect.find("w:pgSz", NS), sect.find("w:pgMar", NS)
    assert abs(int(size.get(f"{{{W}}}w")) - 11906) < 5 and abs(int(size.get(f"{{{W}}}h")) - 16838) < 5
    assert all(abs(int(mar.get(f"{{{W}}}{k}")) - 1134) < 5 for k in ("left", "right", "top"))


def test_control_characters_are_dropped():
    doc = Document("en", [Block(BlockKind.PARAGRAPH, [Span("a\x01bc\ud800d", bold=True)])])
    xml = Docx(docx_bytes(doc)).raw("word/document.xml")
    assert "abcd" in xml


def test_word_manual_line_break_pasted_in_text_stays_a_line_break():
    doc = Document("en", [Block(BlockKind.PARAGRAPH, [Span("first line\x0bsecond line")])])
    xml = Docx(docx_bytes(doc)).raw("word/document.xml")
    assert "first line</w:t><w:br/><w:t>second line" in xml


def test_write_docx_writes_atomically(tmp_path, french_letter):
    out = write_docx(french_letter, tmp_path / "lettre.docx")
    assert out.read_bytes()[:2] == b"PK"
    assert [p.name for p in tmp_path.iterdir()] == ["lettre.docx"]


def test_unwritable_folder_gives_export_error_and_no_leftover(tmp_path, french_letter):
    blocker = tmp_path / "file.txt"
    blocker.write_text("not a folder")
    with pytest.raises(ExportError, match="cannot write"):
        write_docx(french_letter, blocker / "out.docx")
    with pytest.raises(ExportError):
        write_docx(french_letter, tmp_path / "missing" / "out.docx")
    assert [p.name for p in tmp_path.iterdir()] == ["file.txt"]
