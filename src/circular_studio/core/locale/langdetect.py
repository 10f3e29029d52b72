"""Which language of the table a paragraph or a letter is written in.

By script first (Arabic, Cyrillic, Han… each the script of one language of the table), then,
among the languages that share a script (French, English, Spanish… in Latin), by their common
words and accented letters (``common_words`` and ``accents`` in the table's ``[read]``). Short or
ambiguous paragraphs take the letter's language. The one guesser of the program: the checks, the
intake of letters and the .docx reader all ask here.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import lru_cache

from . import languages

_WORD = re.compile(r"[^\W\d_]+")
# Unicode script of a letter, by the first word of its Unicode name (LATIN, ARABIC, CYRILLIC,
# CJK…); the table names scripts with ISO 15924 codes.
_SCRIPT_OF_NAME = {"LATIN": "Latn", "ARABIC": "Arab", "CYRILLIC": "Cyrl", "CJK": "Hani", "GREEK": "Grek",
                   "HEBREW": "Hebr", "DEVANAGARI": "Deva", "HIRAGANA": "Jpan", "KATAKANA": "Jpan",
                   "HANGUL": "Kore", "THAI": "Thai"}


@lru_cache(maxsize=4096)
def _script(ch: str) -> str | None:
    if "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf":
        return "Hani"
    try:
        first = unicodedata.name(ch).split(" ", 1)[0]
    except ValueError:
        return None
    return _SCRIPT_OF_NAME.get(first)


@lru_cache(maxsize=1)
def _table() -> tuple[dict, dict]:
    """{script: [codes]} and {code: (common words, accents)} of every language of the table."""
    by_script: dict[str, list[str]] = {}
    words: dict[str, tuple[frozenset, str]] = {}
    for entry in languages.ordered():
        by_script.setdefault(entry.script, []).append(entry.code)
        common = entry.read.get("common_words", "")
        words[entry.code] = (frozenset(common.split()), entry.read.get("accents", ""),
                             int(entry.read.get("detect_rank", 10)))
    return by_script, words


def clear_cache() -> None:
    _table.cache_clear()


def script_counts(text: str) -> Counter:
    counts: Counter = Counter()
    for ch in text:
        if ch.isalpha():
            script = _script(ch)
            if script:
                counts[script] += 1
    return counts


_PRIOR = 2.0  # common-word hits the letter's own language is granted before a paragraph is read


def _by_words(text: str, candidates: list[str], default: str | None) -> str | None:
    _, words = _table()
    low = text.lower()
    tokens = _WORD.findall(low)
    scores = {}
    for code in candidates:
        common, accents, _rank = words[code]
        score = float(sum(1 for w in tokens if w in common))
        if accents:
            score += sum(1 for ch in low if ch in accents) * 0.5
        scores[code] = score
    # the letter's language is the prior: a short paragraph ("Al-Kuwari.", a bullet "all under
    # study") goes to another language only on more evidence than one or two common words
    if default in scores:
        scores[default] += _PRIOR
    best = max(scores.values(), default=0)
    leaders = [c for c, v in scores.items() if v == best]
    if len(leaders) == 1:
        return leaders[0]
    if default in leaders:
        return default
    if not best:
        return default
    return min(leaders, key=lambda c: (words[c][2], candidates.index(c)))


def detect(text: str, default: str | None = None) -> str | None:
    """The table's code of the language of ``text``; ``default`` when it has too few letters
    to tell."""
    counts = script_counts(text)
    total = sum(counts.values())
    if total < 3:
        return default
    by_script, _ = _table()
    latin = counts.get("Latn", 0)
    # the strongest non-Latin script of the table, if it holds a good share of the letters:
    # Latin acronyms, addresses and links are common inside Arabic, Russian or Chinese text
    others = [(n, s) for s, n in counts.items() if s != "Latn" and s in by_script]
    if others:
        n, script = max(others)
        if n >= latin * 0.5:
            candidates = by_script[script]
            return candidates[0] if len(candidates) == 1 else _by_words(text, candidates, default)
    candidates = by_script.get("Latn", [])
    if not candidates:
        return default
    if len(candidates) == 1:
        return candidates[0]
    return _by_words(text, candidates, default)


def detect_document(texts: list[str], default: str = "en") -> str:
    """The language most of the letter's letters are in."""
    weight: Counter = Counter()
    for t in texts:
        lang = detect(t)
        if lang:
            weight[lang] += len(t)
    return weight.most_common(1)[0][0] if weight else default
