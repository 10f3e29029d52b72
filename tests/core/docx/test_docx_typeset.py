"""The writer's typesetting pass, read from the DOCX XML: what keeps tokens whole, blocks together
and ranges in the right direction, without changing the text a reader copies."""
from __future__ import annotations

import io
import re
import zipfile

from lxml import etree

from circular_studio.core.document import Block, BlockKind, Document, Span
from circular_studio.core.docx import style, typeset
from circular_studio.core.docx.writer import docx_bytes

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}
K = BlockKind


def _xml(doc, part="word/document.xml"):
    return etree.fromstring(zipfile.ZipFile(io.BytesIO(docx_bytes(doc))).read(part))


def _paragraphs(root):
    return root.findall(".//w:body/w:p", NS)


def _copied(el) -> str:
    out = []
    for node in el.iter(f"{{{W}}}t", f"{{{W}}}noBreakHyphen"):
        out.append("-" if node.tag.endswith("noBreakHyphen") else (node.text or ""))
    return "".join(out)


FR = ("Voir la lettre CL-24/49 du 28 novembre 2025 (Résolution 70/125), appeler le "
      "+41 22 730 5484 ou écrire à wsis-info@itu.int.")


def test_tokens_are_glued_and_copy_as_typed():
    doc = Document("fr", [Block(K.PARAGRAPH, [Span(FR)])])
    p = _paragraphs(_xml(doc))[0]
    text = _copied(p)
    assert text.replace("\u00a0", " ") == FR  # what a reader copies: the same characters
    for token in ("28 novembre", "Résolution 70/125", "+41 22 730 5484"):
        assert token.replace(" ", "\u00a0") in text, token
    assert len(p.findall(".//w:noBreakHyphen", NS)) == 2  # CL-24/49 and wsis-info
    assert "novembre\u00a02025" not in text  # month and year may part; day and month may not


def test_keep_spans_cover_every_kind_of_token():
    text = ("Ref DM-24/1009, le 1er octobre, Resolution 198, 7-8 April, mailto:wsis-info@itu.int "
            "https://www.itu.int/go/wsis-2020/forum.")
    kept = [text[a:b] for a, b in typeset.keep_spans(text, "en")]
    for token in ("DM-24/1009", "Resolution 198", "7-8 April", "wsis-info@itu.int",
                  "https://www.itu.int/go/wsis-2020/forum"):
        assert any(token in k for k in kept), (token, kept)
    assert "forum." not in "".join(kept)  # a sentence's full stop is not part of the URL
    assert typeset.keep(text, "en").__len__() == len(text)


def test_arabic_hyphens_glue_with_a_word_joiner_only_before_letters():
    doc = Document("ar", [Block(K.PARAGRAPH, [Span("المرجع CL-24/49 والبريد wsis-info@itu.int")],
                                "rtl")])
    p = _paragraphs(_xml(doc))[0]
    text = "".join(t.text or "" for t in p.iter(f"{{{W}}}t"))
    assert not p.findall(".//w:noBreakHyphen", NS)  # garbles RTL lines in LibreOffice
    assert "CL-24/49" in text and "wsis-\u2060info@itu.int" in text


def test_arabic_brackets_and_ranges():
    doc = Document("ar", [Block(K.PARAGRAPH, [Span(
        "برنامج الأمم المتحدة الإنمائي (UNDP) خلال الفترة 7-8 أبريل 2020")], "rtl")])
    p = _paragraphs(_xml(doc))[0]
    text = "".join(t.text or "" for t in p.iter(f"{{{W}}}t"))
    assert "\u200e(UNDP)" in text  # LRM before the bracket: "(" stays with "UNDP"
    range_runs = [r for r in p.iter(f"{{{W}}}r") if "7-8" in "".join(
        t.text or "" for t in r.findall("w:t", NS))]
    assert range_runs and all(r.find("w:rPr/w:rtl", NS) is not None for r in range_runs)
    latin = [r for r in p.iter(f"{{{W}}}r") if "UNDP" in "".join(
        t.text or "" for t in r.findall("w:t", NS))]
    assert latin and all(r.find("w:rPr/w:rtl", NS) is None for r in latin)


def _letter(lang="en"):
    d = "rtl" if lang == "ar" else "ltr"
    return Document(lang, [
        Block(K.LETTERHEAD, [Span("General Secretariat (SG)")], d),
        Block(K.DATE_LINE, [Span("Geneva, 6 December 2019")], d),
        Block(K.SUBJECT, [Span("Subject: Test")], d),
        Block(K.SALUTATION, [Span("Dear Sir/Madam,")], d),
        Block(K.PARAGRAPH, [Span("Please note the following:")], d),
        Block(K.PARAGRAPH, [Span("one")], d, list_kind="bullet", list_id=1),
        Block(K.PARAGRAPH, [Span("two")], d, list_kind="bullet", list_id=1),
        Block(K.PARAGRAPH, [Span("The last paragraph.")], d),
        Block(K.CLOSING, [Span("Yours faithfully,")], d),
        Block(K.SIGNED, [Span("(signed)")], d),
        Block(K.SIGNATURE, [Span("Houlin Zhao\nSecretary-General")], d),
    ])


def test_keep_with_next_chains_lead_ins_and_the_sign_off():
    paras = _paragraphs(_xml(_letter()))

    def para(prefix):
        return next(p for p in paras if _copied(p).startswith(prefix))

    def keeps(prefix):
        return para(prefix).find("w:pPr/w:keepNext", NS) is not None

    for text in ("Please note the following:", "The last paragraph.", "Yours faithfully,",
                 "(signed)", "Subject:Test", "Dear Sir/Madam,"):
        assert keeps(text), text
    assert not keeps("one") and not keeps("Houlin Zhao")
    assert para("Houlin Zhao").find("w:pPr/w:keepLines", NS) is not None


def test_widow_control_and_house_spacing():
    styles = _xml(_letter(), "word/styles.xml")
    normal = styles.find(".//w:style[@w:styleId='Normal']", NS)
    assert normal.find("w:pPr/w:widowControl", NS) is not None
    for lang in ("en", "ar"):
        paras = {_copied(p): p for p in _paragraphs(_xml(_letter(lang)))}
        before = paras["Dear Sir/Madam,"].find("w:pPr/w:spacing", NS).get(f"{{{W}}}before")
        assert int(before) == int(style.spacing("salutation")[0] * 20)


def test_letterhead_in_the_house_colour_with_a_rule():
    data = zipfile.ZipFile(io.BytesIO(docx_bytes(_letter())))
    header = next(n for n in data.namelist() if n.startswith("word/header"))
    xml = data.read(header).decode()
    assert f'w:color w:val="{style.colour("letterhead")}"' in xml
    assert re.search(r'<w:pBdr><w:bottom [^>]*w:color="%s"' % style.colour("rule"), xml)


def test_chinese_reference_labels_with_full_width_colons_get_their_own_column():
    label, value = typeset.split_label([Span("文号：CL-19/59")])
    assert "".join(s.text for s in label) == "文号：" and "".join(s.text for s in value) == "CL-19/59"


def test_event_acronyms_with_their_edition_stay_whole():
    """Found on the French and Spanish invitations: "FMPT-" at the end of a line, "27" on the next."""
    text = "à l'occasion du FMPT-27, de la CMDT-25 et du SMSI+20, puis l'année 2027-2028."
    kept = [text[a:b] for a, b in typeset.keep_spans(text, "fr")]
    for token in ("FMPT-27", "CMDT-25", "SMSI+20"):
        assert any(token in k for k in kept), (token, kept)
