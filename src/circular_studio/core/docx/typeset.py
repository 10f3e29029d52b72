"""The typesetting pass: tokens a line must not break inside, and marks that fix their direction.

A reader of a printed letter must never find "CL-" at the end of a line and "24/49" on the
next, nor "+41 22 730" / "5614", "28" / "novembre", "Résolution" / "70/125", "mailto:wsis-" /
"info@itu.int". ``keep`` rewrites such tokens one character for one character:

* a space inside the token becomes a no-break space (U+00A0). OOXML has no other way to forbid
  a break at a space, in Word or in LibreOffice. A reader who copies the text gets U+00A0, which
  every editor, mail client and search field shows and matches as a space; LibreOffice writes it
  into the PDF's text layer as a plain space (checked: ``pdftotext`` gives "+41 22 730 5614").
* a hyphen inside the token becomes U+2011 (non-breaking hyphen) here and ``w:noBreakHyphen`` in
  the DOCX (``oxml.add_run``): Word and LibreOffice draw it with the run's own hyphen glyph and
  both copy it as "-", the PDF text layer has "-" (so "CL-24/49" is found by a search of the PDF),
  and our own reader reads it back as "-".
* except in right-to-left paragraphs: there LibreOffice (24.x) draws ``w:noBreakHyphen`` as
  U+2011 from a fallback font (DejaVu Sans, which Carlito lacks), then breaks the Latin token in
  mid-word and, in one line of the stress test, printed two lines on top of each other. So in
  Arabic letters the hyphen stays "-" followed by WORD JOINER (U+2060, ``RTL_NBHY``), which
  forbids the break in LibreOffice (ICU) and is not written into the PDF text layer (checked:
  ``pdftotext`` gives "wsis-info@itu.int"); our reader drops it. U+200D, Word's own "no-width
  non break", was tried too: LibreOffice copies it into the PDF text, where searches then fail.

The length of the text never changes, so offsets computed on the IR stay valid. Which words
keep their number ("Résolution 70/125", "القرار 70/125") is house data (``page_style.json``,
"keep_with_number"); month names from the language table (CLDR names and its variants).

In right-to-left paragraphs ``direction_marks`` inserts LRM (U+200E) before an opening bracket
that starts a Latin group ("(UNDP)."): without it LibreOffice breaks the line between "(" and
"UNDP" and shows the bracket on the wrong side. (Phone numbers are protected by
``locale.bidi.protect``; digit ranges are handled by run direction in the writer, see there.)
"""
from __future__ import annotations

import functools
import re

from . import style
from ..locale import languages
from ..locale.bidi import LRM
from ..resources import load_json

NBSP = "\u00a0"
NBHY = "\u2011"
WORD_JOINER = "\u2060"
RTL_NBHY = "-" + WORD_JOINER

_PHONE = re.compile(r"(?<![\w+/.-])(?:\+\s?)?(?:\(\d{1,5}\)\s?)?\d+"
                    r"(?:(?:[ \u00a0-]|[ \u00a0]?\(\d{1,5}\)[ \u00a0]?)\d+)+(?![\w/])")
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_URL = re.compile(r"(?:https?://|mailto:|www\.)[^\s<>\"]+")
_URL_TAIL = ".,;:!?)]}»\"'"
_GENERIC_REF = r"[A-Z][A-Z/]*-\d{2}/\d+"
_NUMBER = r"(?:No\.?\s?|n°\s?|N°\s?|№\s?)?\d+(?:[/.-]\d+)*"


def _reference_patterns() -> list[str]:
    out = []
    for series in load_json("house.json").get("reference_series", []):
        pattern = series.get("pattern", "").strip("^$")
        if pattern:
            out.append(re.sub(r"\(\?P<\w+>", "(?:", pattern))
    return out


@functools.lru_cache(maxsize=None)
def _keep_regex(lang: str) -> re.Pattern:
    lang = lang.split("-")[0]
    refs = "|".join([*_reference_patterns(), _GENERIC_REF])
    entry = languages.get(lang)
    # month names and the table's variants ("Sept", "janv."), read safely (babel #1234)
    months = set(entry.month_lookup) if entry is not None else set()
    months = sorted((re.escape(m) for m in months if m and not m.isdigit()), key=len, reverse=True)
    keep_words = sorted(set(style.keep_with_number(lang)), key=len, reverse=True)
    alternatives = [rf"(?<![\w/-])(?:{refs})(?![\w/])"]
    if months:
        m = "(?i:" + "|".join(months) + ")"
        alternatives.append(rf"(?<!\w)(?:\d{{1,2}}-)?\d{{1,2}}(?:er|st|nd|rd|th)?[ \u00a0](?:{m})(?!\w)")
        alternatives.append(rf"(?<!\w)(?:{m})[ \u00a0]\d{{1,2}}(?!\d)")
    if keep_words:
        w = "|".join(re.escape(k) for k in keep_words)
        alternatives.append(rf"(?<!\w)(?:{w})[ \u00a0]+{_NUMBER}")
    return re.compile("|".join(alternatives))


def keep_spans(text: str, lang: str) -> list[tuple[int, int]]:
    """(start, end) of each token of ``text`` that must not be broken across lines."""
    spans = []
    for m in _PHONE.finditer(text):
        groups = re.findall(r"\d+", m.group())
        if m.group().startswith(("+", "(")) or len(groups) >= 3:
            spans.append(m.span())
    for m in _keep_regex(lang).finditer(text):
        spans.append(m.span())
    for rx in (_URL, _EMAIL):
        for m in rx.finditer(text):
            start, end = m.span()
            while end > start and text[end - 1] in _URL_TAIL:
                end -= 1
            spans.append((start, end))
    return spans


def keep(text: str, lang: str) -> str:
    """``text`` with the spaces and hyphens inside ``keep_spans`` made non-breaking (same
    length: one character for one)."""
    if not text:
        return text
    spans = keep_spans(text, lang)
    if not spans:
        return text
    chars = list(text)
    for start, end in spans:
        for i in range(start, end):
            if chars[i] == " ":
                chars[i] = NBSP
            elif chars[i] == "-":
                chars[i] = NBHY
    return "".join(chars)


_LATIN_BRACKET = re.compile(r"(?<!\u200e)\((?=[A-Za-z0-9\u00c0-\u024f])")


def bracket_marks(text: str) -> list[int]:
    """Indices before which an LRM goes in a right-to-left paragraph: an opening bracket that
    starts a Latin group such as "(UNDP)" (see the module's docstring)."""
    return [m.start() for m in _LATIN_BRACKET.finditer(text)]


def direction_marks(text: str) -> str:
    """``text`` with LRM before each bracket of ``bracket_marks`` (right-to-left paragraphs)."""
    marks = bracket_marks(text)
    if not marks:
        return text
    out, pos = [], 0
    for i in marks:
        out.append(text[pos:i])
        out.append(LRM)
        pos = i
    out.append(text[pos:])
    return "".join(out)
