"""Text with bidi control characters (pasted from other tools) never breaks export or checking."""
import io

import docx
import pytest

from circular_studio.core.checks import run_checks
from circular_studio.core.document import Block, BlockKind, Document, Span
from circular_studio.core.docx.writer import docx_bytes

PASTED = [
    "الهاتف: \u2066+41 22 730 5614\u2069 للاستفسار عن WSIS",   # balanced isolate
    "نص \u2067عربي\u2069 ثم الرقم +41 22 730 5614",             # RLI … PDI then a phone number
    "نص \u2066 ABC 12 34",                                      # isolate never closed
    "نص \u2069\u2069\u202c +41 22 730 5614 \u202b",             # stray closers and an open embedding
]


@pytest.mark.parametrize("text", PASTED)
def test_arabic_paragraph_with_controls_exports_and_checks(text):
    doc = Document("ar", [Block(BlockKind.PARAGRAPH, [Span(text)], "rtl")])
    data = docx_bytes(doc)
    # (no-break spaces keep the number on one line: docx/typeset.py)
    body = "".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs).replace("\u00a0", " ")
    assert "730 5614" in body or "ABC" in body
    run_checks(doc)  # must not raise


def test_unbalanced_controls_are_reported():
    doc = Document("ar", [Block(BlockKind.PARAGRAPH, [Span(PASTED[2])], "rtl")])
    assert "AR002" in {f.code for f in run_checks(doc)}
