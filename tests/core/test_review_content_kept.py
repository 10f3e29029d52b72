"""Review: nothing the writer typed may vanish between the source and the letter (IR, DOCX,
checks). Found by rendering odd Markdown bodies and Word files with tracked moves."""
from __future__ import annotations

import copy
import json
import zipfile

import docx

from circular_studio.core.model import draft as draft_io
from circular_studio.core.locale.datetext import find_dates
from circular_studio.core.docx.reader import read_docx
from circular_studio.core.docx.writer import docx_bytes
from circular_studio.core.compose.markdown import parse_markdown
from circular_studio.core.compose.pipeline import build_document
from tests.conftest import example_path


def _texts(doc):
    return [b.text for b in doc.blocks]


def test_indented_and_fenced_paragraphs_are_kept():
    """An indented paragraph (pasted with leading spaces) or a fenced block used to be a
    ``code_block``/``fence`` token, which the parser skipped: the text was silently lost."""
    text = "Intro.\n\n    An indented paragraph.\n\n```\nfenced line 1\nfenced line 2\n```\n\nEnd."
    texts = _texts(parse_markdown(text, "fr"))
    assert "An indented paragraph." in texts
    assert "fenced line 1\nfenced line 2" in texts
    assert texts[0] == "Intro." and texts[-1] == "End."


def test_raw_html_blocks_are_kept_as_text_and_comments_dropped():
    """A paragraph starting with an HTML-like tag (``<Name of the Member State>`` as a
    placeholder, ``<div>``) was an ``html_block`` and vanished; inline HTML was already kept."""
    text = ("<!-- paragraph field=body -->\nBefore.\n\n<Name of the Member State>\n\n"
            "<div>A div paragraph</div>\n\n<!-- a note for the drafter -->\n\nAfter.")
    texts = _texts(parse_markdown(text, "fr"))
    assert texts == ["Before.", "<Name of the Member State>", "<div>A div paragraph</div>", "After."]


def test_an_indented_body_paragraph_reaches_the_docx(tmp_path):
    data = json.loads(example_path("000").read_text(encoding="utf-8"))
    data = copy.deepcopy(data)
    data["free"] = [{"id": "p1", "after": "", "text": {"fr": "Premier paragraphe.\n\n    Paragraphe indenté, à garder."}}]
    d = draft_io.from_json(data, tmp_path / "d.json")
    doc = build_document(d, "fr")
    assert "Paragraphe indenté, à garder." in _texts(doc)
    target = tmp_path / "x.docx"
    target.write_bytes(docx_bytes(doc))
    assert any("Paragraphe indenté" in p.text for p in docx.Document(target).paragraphs)


def test_docx_reader_reads_text_moved_with_tracked_changes(tmp_path):
    """Text moved while Word tracks changes sits in ``w:moveTo``: it is the letter's text now."""
    src = tmp_path / "plain.docx"
    d = docx.Document()
    d.add_paragraph("Genève, le 31 octobre 2024")
    d.add_paragraph("PLACEHOLDER")
    d.save(src)
    with zipfile.ZipFile(src) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    xml = parts["word/document.xml"].decode("utf-8")
    moved = ('<w:r><w:t xml:space="preserve">Le texte </w:t></w:r>'
             '<w:moveTo w:id="1" w:author="A" w:date="2024-10-31T00:00:00Z">'
             '<w:r><w:t>déplacé</w:t></w:r></w:moveTo>'
             '<w:r><w:t xml:space="preserve"> reste.</w:t></w:r>')
    xml = xml.replace("<w:r><w:t>PLACEHOLDER</w:t></w:r>", moved)
    assert "moveTo" in xml
    parts["word/document.xml"] = xml.encode("utf-8")
    out = tmp_path / "moved.docx"
    with zipfile.ZipFile(out, "w") as z:
        for name, blob in parts.items():
            z.writestr(name, blob)
    assert "Le texte déplacé reste." in _texts(read_docx(out))


def test_french_first_as_the_end_of_a_one_month_range_is_an_ordinal():
    """"du 3 au 1er mars" (inverted, reported by DATE003) also got DATE009 with the fix "1er"
    applied to the "1" of "1er" ("1erer"): the second day's ordinal was not read."""
    first, second = find_dates(0, "du 3 au 1er mars 2026")
    assert (first.day, second.day) == (3, 1)
    assert second.ordinal == "er"


def test_no_date009_on_an_inverted_range_ending_on_the_first():
    from circular_studio.core.checks import run_checks

    doc = parse_markdown("Genève, le 10 octobre 2025\n\nLa réunion aura lieu du 3 au 1er mars 2026.",
                         "fr")
    codes = [f.code for f in run_checks(doc, None, language="fr")]
    assert "DATE003" in codes and "DATE009" not in codes


def test_a_placeholder_alone_on_its_line_is_seen_by_the_checks(tmp_path):
    """``<insert name of the event>`` alone on a line parses as an HTML block: it vanished from
    the letter, and LINK005 (leftover placeholder) never saw it."""
    from circular_studio.core.checks import run_checks

    data = json.loads(example_path("000").read_text(encoding="utf-8"))
    data["free"] = [{"id": "p1", "after": "", "text": {"fr": "Premier paragraphe.\n\n<insert name of the event>\n\nFin."}}]
    d = draft_io.from_json(data, tmp_path / "d.json")
    doc = build_document(d, "fr")
    assert "<insert name of the event>" in _texts(doc)
    assert "LINK005" in [f.code for f in run_checks(doc, d, select=["LINK005"])]
