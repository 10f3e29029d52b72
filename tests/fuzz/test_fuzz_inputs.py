"""Fuzzed .md/.txt letters and mutated .docx files: checked, or refused with an InputError naming
the file ("unusable input"), within the deadline; never a traceback."""
from __future__ import annotations

import io
import re
import tempfile
import zipfile
from functools import lru_cache
from pathlib import Path
from xml.sax.saxutils import escape

from hypothesis import given, strategies as st

from circular_studio.core.checks import load_letter, run_checks
from circular_studio.core.docx.writer import docx_bytes
from circular_studio.core.errors import InputError
from tests.core.conftest import make_arabic_letter, make_french_letter
from tests.fuzz.conftest import FUZZ, timed
from tests.fuzz.strategies import FRAGMENTS, hostile_text

FIXTURES = Path(__file__).resolve().parents[1] / "checks" / "fixtures"
LETTERS = [p.read_text(encoding="utf-8") for p in sorted(FIXTURES.glob("seed-*.md"))]
WORK = Path(tempfile.mkdtemp(prefix="cs-fuzz-"))


def _check(path: Path) -> None:
    try:
        letters = load_letter(path)
    except InputError as exc:
        assert str(path.name) in str(exc)
        return
    versions = {doc.language: doc for doc, _d in letters}
    for doc, draft in letters:
        run_checks(doc, draft, versions=versions)


@st.composite
def text_letters(draw):
    """A real letter with hostile pieces spliced in, or hostile text alone."""
    if draw(st.booleans()):
        return draw(hostile_text())
    text = draw(st.sampled_from(LETTERS))
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(text)))
        cut = draw(st.integers(0, 40))
        text = text[:at] + draw(hostile_text()) + text[at + cut:]
    return text


@FUZZ
@given(text=text_letters(), suffix=st.sampled_from([".md", ".txt"]),
       encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "latin-1"]))
def test_fuzzed_text_letter(text, suffix, encoding):
    path = WORK / f"letter{suffix}"
    path.write_bytes(text.encode(encoding, errors="replace") if encoding != "utf-8" else
                     text.encode("utf-8", errors="surrogatepass"))
    with timed("text inputs", f"{len(text)} chars {suffix} {encoding}: {text[:60]!r}"):
        _check(path)


@lru_cache(maxsize=None)
def _base_docx(which: str) -> bytes:
    return docx_bytes(make_french_letter() if which == "fr" else make_arabic_letter())


_ATTR = re.compile(rb'(w:(?:val|ilvl|numId|abstractNumId|id|type|ascii|cs|bidi|eastAsia)|Id|Target|TargetMode|Type)="([^"]*)"')
_ELEMENT = re.compile(rb"<(w:[a-zA-Z]+)[^<>]*?(?:/>|>.*?</\1>)", re.S)


@st.composite
def mutated_docx(draw) -> bytes:
    data = _base_docx(draw(st.sampled_from(["fr", "ar"])))
    if draw(st.integers(0, 3)) == 0:  # bytes damaged anywhere (deflate streams, zip headers)
        out = bytearray(data)
        for _ in range(draw(st.integers(1, 8))):
            out[draw(st.integers(0, len(out) - 1))] = draw(st.integers(0, 255))
        return bytes(out)
    z = zipfile.ZipFile(io.BytesIO(data))
    parts = {n: z.read(n) for n in z.namelist()}
    xml_parts = sorted(n for n in parts if n.endswith((".xml", ".rels")))
    for _ in range(draw(st.integers(1, 5))):
        name = draw(st.sampled_from(xml_parts))
        xml = parts[name]
        action = draw(st.sampled_from(["attr", "attr", "drop", "double", "text", "truncate"]))
        if action == "attr" and (hits := list(_ATTR.finditer(xml))):
            m = hits[draw(st.integers(0, len(hits) - 1))]
            value = escape(draw(st.one_of(st.sampled_from(FRAGMENTS), hostile_text(max_repeat=200))),
                           {'"': "&quot;"}).encode("utf-8", errors="surrogatepass")
            xml = xml[:m.start(2)] + value + xml[m.end(2):]
        elif action in ("drop", "double") and (hits := list(_ELEMENT.finditer(xml))):
            m = hits[draw(st.integers(0, len(hits) - 1))]
            xml = xml[:m.start()] + (m.group() * 2 if action == "double" else b"") + xml[m.end():]
        elif action == "text":
            at = draw(st.integers(0, len(xml)))
            xml = xml[:at] + draw(hostile_text(max_repeat=200)).encode("utf-8", errors="surrogatepass") + xml[at:]
        elif action == "truncate":
            xml = xml[:draw(st.integers(0, len(xml)))]
        parts[name] = xml
    if draw(st.integers(0, 5)) == 0:
        parts.pop(draw(st.sampled_from(sorted(parts))))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for n, d in parts.items():
            zf.writestr(n, d)
    return out.getvalue()


@FUZZ
@given(data=mutated_docx())
def test_mutated_docx(data):
    path = WORK / "letter.docx"
    path.write_bytes(data)
    with timed("docx inputs", f"{len(data)} bytes"):
        _check(path)
