"""Inputs: drafts, .docx, .md, .txt; bad input gives InputError with a clear message."""
import json

import pytest

from circular_studio.core.checks import load_letter, run_checks
from circular_studio.core.intake.classify import classify
from circular_studio.core.document import Block, BlockKind, Document, Span
from circular_studio.core.errors import InputError


def test_not_utf8(tmp_path):
    p = tmp_path / "x.md"
    p.write_bytes(b"\xff\xfe\x00abc")
    with pytest.raises(InputError, match="UTF-8"):
        load_letter(p)


def test_corrupt_docx(tmp_path):
    p = tmp_path / "x.docx"
    p.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(InputError):
        load_letter(p)


def test_unknown_suffix(tmp_path):
    p = tmp_path / "x.pdf"
    p.write_bytes(b"%PDF")
    with pytest.raises(InputError, match="cannot check"):
        load_letter(p)


def test_docx_links_and_direction(tmp_path):
    docx = pytest.importorskip("docx")
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    d = docx.Document()
    p = d.add_paragraph("الهاتف: +41 22 730 5614")
    ppr = p._p.get_or_add_pPr()
    ppr.append(OxmlElement("w:bidi"))
    p2 = d.add_paragraph("يرجى استكمال ")
    link = OxmlElement("w:hyperlink")
    link.set(qn("w:anchor"), "")
    r = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.text = "النموذج"
    r.append(t)
    link.append(r)
    p2._p.append(link)
    path = tmp_path / "l.docx"
    d.save(path)
    (doc, _), = load_letter(path)
    fs = run_checks(doc, None, language="ar")
    codes = {f.code for f in fs}
    assert "BIDI001" in codes
    assert "LINK001" in codes or any(s.link is not None for b in doc.blocks for s in b.spans) is False


def test_draft_input(tmp_path):
    p = tmp_path / "d.json"
    p.write_text(json.dumps({"format": "circular-studio-draft", "version": 1, "letter_type": "invitation",
                             "fields": {"letter_date": "2024-10-31", "signatory": "doreen-bogdan-martin",
                                        "start_date": "2023-11-17"},
                             "languages": {"fr": {"subject": "Invitation", "body": "Voir [ici](#)."}}}),
                 encoding="utf-8")
    letters = load_letter(p)
    assert len(letters) == 1
    doc, draft = letters[0]
    fs = run_checks(doc, draft)
    assert any(f.code == "LINK001" for f in fs)


def test_classify_external_letter():
    texts = ["Genève, le 31 octobre 2024", "Référence: DM-24/1009", "Objet: Invitation", "Madame, Monsieur,",
             "Texte.", "Veuillez agréer, Madame, Monsieur, l'expression de ma considération distinguée.",
             "(signé)", "Doreen Bogdan-Martin\nSecrétaire générale"]
    doc = Document("fr", [Block(BlockKind.PARAGRAPH, [Span(t)]) for t in texts])
    kinds = [b.kind for b in classify(doc).blocks]
    assert kinds == [BlockKind.DATE_LINE, BlockKind.REFERENCE, BlockKind.SUBJECT, BlockKind.SALUTATION,
                     BlockKind.PARAGRAPH, BlockKind.CLOSING, BlockKind.SIGNED, BlockKind.SIGNATURE]


def test_language_detected_per_paragraph(tmp_path):
    p = tmp_path / "mixed.txt"
    p.write_text("Geneva, 6 December 2019\n\nThe the meeting will be held.\n\nسيعقد المنتدى في في جنيف.\n", encoding="utf-8")
    (doc, _), = load_letter(p)
    fs = run_checks(doc, None, select=["TYPO001"])
    assert {f.language for f in fs} == {"en", "ar"}
