"""Shared text helpers for the checks: scripts, URL/e-mail masking, sentences, normalisation."""
from __future__ import annotations

import re
import unicodedata
from ..caching import text_cache

ARABIC_LETTER = "\u0621-\u063a\u0641-\u064a\u0671-\u06d3\u06fa-\u06ff"
ARABIC_MARKS = "\u064b-\u065f\u0670\u0640"  # harakat, superscript alef, tatweel
ARABIC_RE = re.compile(f"[{ARABIC_LETTER}]")
ARABIC_WORD = re.compile(f"[{ARABIC_LETTER}{ARABIC_MARKS}]+")
LATIN_WORD = re.compile(r"[A-Za-z\u00c0-\u024f\u0153\u0152](?:[A-Za-z\u00c0-\u024f\u0153\u0152]|['’\-](?=[A-Za-z\u00c0-\u024f]))*")
CYRILLIC_WORD = re.compile(r"[\u0400-\u04ff](?:[\u0400-\u04ff]|-(?=[\u0400-\u04ff]))*")
# the word pattern of each script of the language table (ISO 15924 codes)
WORD_OF_SCRIPT = {"Latn": LATIN_WORD, "Cyrl": CYRILLIC_WORD, "Arab": ARABIC_WORD}
MARKS_RE = re.compile(f"[{ARABIC_MARKS}]")

URL_RE = re.compile(r"(?:[a-z]{2,8}:/{1,3}|www\.)[^\s<>()\[\]{}\"'،]+", re.I)
# An address starts where a run of address characters starts (the look-behind): tried from every
# letter of a long word instead, the search took time growing with the square of the word.
EMAIL_RE = re.compile(r"(?<![\w.+\-])[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)*", re.ASCII)
# things that are never prose: URLs, e-mails, references like CL-19/59, placeholders in braces
# (a placeholder is short: bounded, so that a run of "{{" is not searched to the end each time)
_MASK_RE = re.compile(URL_RE.pattern + "|" + EMAIL_RE.pattern + r"|\{\{[^\n{}]{0,200}\}\}", re.I)


@text_cache(maxsize=4096)
def masked(text: str, fill: str = " ") -> str:
    """``text`` with URLs and e-mail addresses replaced by ``fill`` characters (same length, same
    offsets): spaces by default, a letter where what follows the address matters (``"x"``)."""
    return _MASK_RE.sub(lambda m: fill * len(m.group()), text)


def has_arabic(text: str) -> bool:
    return ARABIC_RE.search(text) is not None


def strip_marks(word: str) -> str:
    return MARKS_RE.sub("", word)


def normalise_apostrophe(text: str) -> str:
    return text.replace("’", "'").replace("ʼ", "'")


_SENT_END = re.compile(r"[.!?؟;؛\n]")


def sentence_bounds(text: str, pos: int) -> tuple[int, int]:
    """The sentence of ``text`` around ``pos`` (bounded by . ! ? ; newline, not inside numbers)."""
    start = 0
    for m in _SENT_END.finditer(text, 0, pos):
        if m.group() == "." and 0 < m.start() < len(text) - 1 and text[m.start() - 1].isdigit() \
                and text[m.start() + 1].isdigit():
            continue
        start = m.end()
    m = _SENT_END.search(text, pos)
    end = m.start() if m else len(text)
    return start, end


def nfkc_presentation(text: str) -> str:
    """Arabic presentation forms (U+FB50–FDFF, U+FE70–FEFE) to normal letters; others kept."""
    return "".join(unicodedata.normalize("NFKC", c) if is_presentation_form(c) else c for c in text)


def is_presentation_form(ch: str) -> bool:
    cp = ord(ch)
    return 0xFB50 <= cp <= 0xFDFF or 0xFE70 <= cp <= 0xFEFE


def case_like(word: str, model: str) -> str:
    """``word`` with the capitalisation of ``model``."""
    if model.isupper() and len(model) > 1:
        return word.upper()
    if model[:1].isupper():
        return word[:1].upper() + word[1:]
    return word
