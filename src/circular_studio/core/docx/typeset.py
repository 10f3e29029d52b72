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
  mid-word and, in one line of the stress test, printed two lines on top of each other. There
  the hyphen stays "-": before a digit ("CL-24/49", "DM-24/1009") nothing else is needed (no
  line breaks between a hyphen and a number, checked in the stress test); before a letter
  ("wsis-info@itu.int") it is followed by WORD JOINER (U+2060, ``rtl_hyphens``), which forbids
  the break in LibreOffice (ICU) and is not written into the PDF text layer (``pdftotext``
  gives "wsis-info@itu.int"); our reader drops it. The cost: copying such an address from the
  Arabic DOCX in Word carries the invisible U+2060 (its link target is intact). U+200D, Word's
  "no-width non break", was tried too: LibreOffice writes it into the PDF text, where searches
  then fail.

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
from ..document import Span
from ..locale.bidi import LRM, protect
from ..resources import load_json
from ..caching import text_cache

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
# an event's acronym with its edition: WTDC-25, FMPT-27, WSIS+20 (broke as "FMPT-" / "27")
_EVENT_ACRONYM = r"[A-Z]{2,}[-+]\d{2,4}"
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
    refs = "|".join([*_reference_patterns(), _GENERIC_REF, _EVENT_ACRONYM])
    entry = languages.get(lang)
    # month names and the table's variants ("Sept", "janv."), read safely (babel #1234)
    months = set(entry.month_lookup) if entry is not None else set()
    months = sorted((re.escape(m) for m in months if m and not m.isdigit()), key=len, reverse=True)
    keep_words = sorted(set(style.keep_with_number(lang)), key=len, reverse=True)
    alternatives = [rf"(?<![\w/-])(?:{refs})(?![\w/])"]
    if months:
        m = "(?i:" + "|".join(months) + ")"
        alternatives.append(rf"(?<!\w)(?:\d{{1,2}}-)?\d{{1,2}}(?:er|st|nd|rd|th)?[ \u00a0](?:de[ \u00a0])?(?:{m})(?!\w)")
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


@text_cache(maxsize=4096)
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


_NBHY_BEFORE_LETTER = re.compile(NBHY + r"(?=[^\W\d_])")


def rtl_hyphens(text: str) -> str:
    """The kept hyphens of a right-to-left paragraph: "-" + WORD JOINER before a letter, a plain
    "-" before anything else (see the module's docstring). Not the same length as ``text``."""
    if NBHY not in text:
        return text
    return _NBHY_BEFORE_LETTER.sub(RTL_NBHY, text).replace(NBHY, "-")


def prepare(text: str, lang: str, rtl: bool, *, glue: bool = False) -> str:
    """``text`` as the page shows it: in a right-to-left paragraph LRM around the LTR tokens
    that need it and before brackets opening a Latin group; then the kept tokens glued
    (``keep``). With ``glue`` (the preview: Qt has no ``w:noBreakHyphen``) the kept hyphens are
    written as in right-to-left paragraphs (``rtl_hyphens``). The DOCX writer does the same per
    run."""
    if rtl:
        text = direction_marks(protect(text))
    text = keep(text, lang)
    return rtl_hyphens(text) if (glue or rtl) else text


def source_map(original: str, prepared: str) -> list[int]:
    """For each index of ``original`` (and its end) the index of that character in
    ``prepared`` (``prepare`` only inserts invisible marks and swaps a space or hyphen for its
    no-break twin, so a two-pointer walk recovers it)."""
    same = {" ": (" ", NBSP), "-": ("-", NBHY)}  # (a "-" may also be followed by a joiner)
    mapping, j = [], 0
    for ch in original:
        accepted = same.get(ch, (ch,))
        while j < len(prepared) and prepared[j] not in accepted:
            j += 1
        mapping.append(j)
        j += 1
    mapping.append(len(prepared))
    return mapping


# -- the block shapes the DOCX and the preview share -----------------------------------------

def split_lines(spans: list[Span]) -> list[list[Span]]:
    """Spans cut at each "\\n" into lines, formatting kept."""
    lines: list[list[Span]] = [[]]
    for s in spans:
        parts = s.text.split("\n")
        for k, part in enumerate(parts):
            if k:
                lines.append([])
            if part:
                lines[-1].append(Span(part, s.bold, s.italic, s.link))
    return lines


def split_label(spans: list[Span], max_label: int = 30) -> tuple[list[Span], list[Span]]:
    """("Référence:" spans, value spans) at the first colon of a short label, else ([], spans).
    The colon may be the full-width one of Chinese labels ("文号：")."""
    text = "".join(s.text for s in spans)
    m = re.search("[:\uff1a]", text)
    cut = m.start() if m else -1
    if cut <= 0 or cut > max_label or "/" in text[:cut] or "@" in text[:cut]:
        return [], spans
    cut += 1
    label, value, pos = [], [], 0
    for s in spans:
        a, b = pos, pos + len(s.text)
        if a < cut:
            label.append(Span(s.text[: cut - a], s.bold, s.italic, s.link))
        if b > cut:
            value.append(Span(s.text[max(0, cut - a):], s.bold, s.italic, s.link))
        pos = b
    if value:
        value[0] = Span(value[0].text.lstrip(), value[0].bold, value[0].italic, value[0].link)
    return label, [v for v in value if v.text]
