"""Left-to-right tokens inside right-to-left text, decided by running the bidi algorithm.

Word, LibreOffice and Qt all apply the Unicode Bidirectional Algorithm (UBA). In an Arabic
paragraph a phone number such as ``+41 22 730 5614`` comes out as ``5614 730 22 41+``: after an
Arabic letter its digits are Arabic numbers and the spaces between them take the paragraph's
right-to-left direction. ``CL-19/59``, e-mails and URLs come out right (a Latin letter before the
digits makes them left-to-right). Rather than guess from the shape of a token, we compute its
display with python-bidi's reference implementation and protect a token only when the order of
its characters on screen differs from their logical order. The fix verified in LibreOffice and Qt
(see DESIGN.md) is LRM (U+200E) before and after the token; ``protect`` inserts those.

Range-like ``7-8`` and ``2019-2020`` are deliberately not tokens: in Arabic text they display as
``8-7`` and read right to left, which is the Arabic convention for a range.

``display`` (python-bidi, optionally arabic-reshaper) is for terminals and checks only: reshaped or
visually reordered text must never be written into a document.
"""
from __future__ import annotations

import functools
import re
from unicodedata import bidirectional

from bidi import algorithm as _uba
from ..caching import text_cache

LRM = "\u200e"
RLM = "\u200f"

_ARABIC_RANGES = ((0x0600, 0x06FF), (0x0750, 0x077F), (0x0870, 0x08FF),
                  (0xFB50, 0xFDFF), (0xFE70, 0xFEFF))

# A phone-like number: optional "+", digit groups separated by spaces or hyphens, optional
# parenthesised group ("+41 (0)22 730 5614"). Whether it needs protection is then computed.
_PHONE = re.compile(r"(?<![\w+])(?:\+\s?)?(?:\(\d{1,5}\)\s?)?\d+"
                    r"(?:(?:[ \u00a0-]|[ \u00a0]?\(\d{1,5}\)[ \u00a0]?)\d+)+(?!\w)")
# Any other candidate: a run of characters that are neither whitespace nor Arabic.
_TOKEN = re.compile(r"[^\s\u0600-\u06ff\u0750-\u077f\u0870-\u08ff\ufb50-\ufdff\ufe70-\ufeff]+")
# Explicit directional formatting characters (embeddings, overrides, isolates).
_EXPLICIT = re.compile("[\u202a-\u202e\u2066-\u2069]")
# Sentence punctuation and brackets around a token display fine (brackets are mirrored).
_EDGE = "()[]{}«»\"'“”‘’.,;:!?،؛؟"


def is_arabic_char(ch: str) -> bool:
    """True for a character of the Arabic blocks (letters, marks, Arabic punctuation, digits)."""
    cp = ord(ch)
    return any(lo <= cp <= hi for lo, hi in _ARABIC_RANGES)


def has_arabic(text: str) -> bool:
    return any(is_arabic_char(c) for c in text)


def arabic_letter_count(text: str) -> int:
    return sum(1 for c in text if c.isalpha() and is_arabic_char(c))


# python-bidi's pure-Python algorithm predates the isolates (Unicode 6.3) and asserts on them.
# Read each isolate as its closest older control (LRI→LRE, RLI/FSI→RLE, PDI→PDF): same length,
# so indices stay valid, and the display it computes is close enough to decide on protection.
_ISOLATES_AS_EMBEDDINGS = str.maketrans({"\u2066": "\u202a", "\u2067": "\u202b",
                                         "\u2068": "\u202b", "\u2069": "\u202c"})


def _visual_order(text: str, rtl: bool = True) -> list[int]:
    """Logical indices of ``text`` in left-to-right display order (one line, UBA L1-L2).
    Text the algorithm cannot resolve (unbalanced controls…) is taken as displayed in order:
    the Arabic checks report those controls themselves."""
    try:
        return _uba_order(text.translate(_ISOLATES_AS_EMBEDDINGS), rtl)
    except (AssertionError, IndexError, KeyError, ValueError):
        return list(range(len(text)))


def _uba_order(text: str, rtl: bool) -> list[int]:
    storage = _uba.get_empty_storage()
    storage["base_level"] = 1 if rtl else 0
    storage["base_dir"] = "R" if rtl else "L"
    _uba.get_embedding_levels(text, storage)
    for i, ch in enumerate(storage["chars"]):
        ch["idx"] = i  # surrogates cannot occur on wide builds: one dict per code point
    _uba.explicit_embed_and_overrides(storage)
    _uba.resolve_weak_types(storage)
    _uba.resolve_neutral_types(storage, False)
    _uba.resolve_implicit_levels(storage, False)
    _uba.reorder_resolved_levels(storage, False)
    return [ch["idx"] for ch in storage["chars"]]


def _reordered(position: dict[int, int], start: int, end: int) -> bool:
    """True if characters start..end-1 are not shown left to right, contiguously, in order."""
    cols = [position[i] for i in range(start, end) if i in position]
    return any(b != a + 1 for a, b in zip(cols, cols[1:]))


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _EDGE:
        start += 1
    while end > start and text[end - 1] in _EDGE:
        end -= 1
    # keep a closing bracket that belongs to the token, e.g. "(0)22"
    return start, end


def ltr_token_spans(text: str) -> list[tuple[int, int]]:
    """See ``_ltr_token_spans``; cached (a pure function of the text: the same paragraphs come
    back at every export of a letter, and in every letter of a series)."""
    return list(_ltr_token_spans_cached(text))


@text_cache(maxsize=4096)
def _ltr_token_spans_cached(text: str) -> tuple[tuple[int, int], ...]:
    return tuple(_ltr_token_spans(text))


def _ltr_token_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each left-to-right token that an RTL paragraph would display reordered.

    Candidates are phone-like numbers (groups of digits with spaces, hyphens, "+", brackets)
    and other runs of non-Arabic, non-space characters that contain a Latin letter or a "+";
    a candidate is kept only if python-bidi's display order of its characters differs from
    their logical order. Already protected tokens (LRM around them) display right and are
    therefore not returned again.
    """
    if not text:
        return []
    # The visual order (python-bidi, the costly part) is computed only once a candidate needs
    # it: most paragraphs have none, and exporting a letter calls this for every paragraph.
    position: dict[int, int] = {}

    def reordered(start: int, end: int) -> bool:
        if not position:
            position.update((idx, col) for col, idx in enumerate(_visual_order(text, rtl=True)))
        return _reordered(position, start, end)

    plain = not _EXPLICIT.search(text)  # no embedding, override or isolate characters
    spans: list[tuple[int, int]] = []
    taken = [False] * len(text)
    for m in _PHONE.finditer(text):
        start, end = m.span()
        groups = re.findall(r"\d+", m.group())
        if not (m.group().lstrip().startswith(("+", "(")) or " " in m.group() or "\u00a0" in m.group()
                or len(groups) >= 3):
            continue  # "7-8", "2019-2020": a range, read right to left in Arabic
        if reordered(start, end):
            spans.append((start, end))
            taken[start:end] = [True] * (end - start)
    for m in _TOKEN.finditer(text):
        start, end = _trim(text, *m.span())
        if end - start < 2 or any(taken[start:end]):
            continue
        token = text[start:end]
        if not (re.search(r"[A-Za-z\u00c0-\u024f]", token) or "+" in token):
            continue  # plain numbers, "50%", "70/125" display as Arabic readers expect
        if plain and _all_strong_ltr(token):
            continue  # "WSIS", "Gitanjali": always shown in order, no need to run the UBA
        if reordered(start, end):
            spans.append((start, end))
    return sorted(spans)


def _all_strong_ltr(token: str) -> bool:
    """True if every character is of bidi type L. Without explicit embeddings or overrides in
    the paragraph such a token always displays in order: the UBA's weak and neutral rules
    never retype an L, all its characters resolve to level 2 in a right-to-left paragraph, and
    levels there are only 1 or 2, so the token is reversed twice, as one block."""
    return all(bidirectional(c) == "L" for c in token)


def protect(text: str) -> str:
    """``text`` with LRM before and after each token ``ltr_token_spans`` finds. Idempotent:
    a protected token displays in order, so it is not found (nor wrapped) again."""
    spans = ltr_token_spans(text)
    if not spans:
        return text
    out, pos = [], 0
    for start, end in spans:
        out.append(text[pos:start])
        if not text[:start].endswith(LRM):
            out.append(LRM)
        out.append(text[start:end])
        if not text[end:].startswith(LRM):
            out.append(LRM)
        pos = end
    out.append(text[pos:])
    return "".join(out)


def display(text: str, rtl: bool = True, shape: bool = False) -> str:
    """The visual-order string, for terminals and images drawn without a shaper only."""
    if shape:
        import arabic_reshaper

        text = arabic_reshaper.reshape(text)
    from bidi import get_display

    return get_display(text, base_dir="R" if rtl else "L")


@functools.lru_cache(maxsize=4096)
def _char_class(ch: str) -> str:
    """'A' Arabic, 'L' left-to-right (Latin, digits, LRM), 'N' neutral (spaces, punctuation).
    Cached: a letter classifies thousands of characters drawn from a small alphabet."""
    if is_arabic_char(ch) or ch == RLM:
        return "A"
    if ch == LRM or ch.isalnum():
        return "L"
    return "N"


_NEUTRALS = re.compile("N+")
_SAME_CLASS = re.compile("A+|L+")


def script_runs(text: str, rtl_default: bool = False) -> list[tuple[int, int, bool]]:
    """Split ``text`` into (start, end, is_rtl) runs: Arabic runs get ``w:rtl`` and the
    complex-script font in the DOCX; Latin and digit runs must not.

    Spaces and punctuation resolve as the Unicode bidi algorithm resolves neutrals (rules N1,
    N2): between two neighbours of one direction they take it; otherwise the paragraph's. So in
    an Arabic paragraph "الهاتف: " is one run, and in a French one the comma of "le mot عربي,"
    stays left-to-right instead of being carried to the wrong side of the Arabic word.
    """
    if not text:
        return []
    classes = "".join(map(_char_class, text))  # one letter per character, scanned with re
    n = len(classes)

    def resolve(m: re.Match) -> str:
        i, j = m.span()
        before = classes[i - 1] if i > 0 else None
        after = classes[j] if j < n else None
        paragraph = "A" if rtl_default else "L"
        before, after = before or paragraph, after or paragraph  # the edges are the paragraph's
        if before == after:
            return before * (j - i)
        return paragraph * (j - i)

    resolved = _NEUTRALS.sub(resolve, classes)
    return [(m.start(), m.end(), resolved[m.start()] == "A")
            for m in _SAME_CLASS.finditer(resolved)]
