"""How a language puts a name after "to" and "of" (an addressee, an event typed with its
article), read from the language table's ``[grammar]``: the prepositions, their contractions with
an article (à + le = au, de + les = des, a + el = al), the elided "of" (d'Haïti), or the case a
language uses instead (Russian dative/genitive)."""
from __future__ import annotations

from . import languages


def _grammar(lang: str) -> dict:
    entry = languages.get(lang)
    return entry.data.get("grammar", {}) if entry is not None else {}


def preposition(kind: str, lang: str) -> str:
    """The word for ``kind`` ("to"/"of") before a name; "" when the language uses none."""
    return _grammar(lang).get(kind, "")


def case(kind: str, lang: str) -> str | None:
    """The case ("dative"…) a name takes for ``kind`` in a language that declines names."""
    return _grammar(lang).get("cases", {}).get(kind)


def contract(prep: str, article: str, lang: str) -> str | None:
    """The fused form of ``prep`` + ``article`` ("à" + "le" → "au"), or None."""
    if not prep or not article:
        return None
    return _grammar(lang).get("contractions", {}).get(f"{prep.lower()} {article.lower()}")


def elided_of(lang: str) -> str | None:
    """The "of" written before a vowel when the name has no article ("d'"), or None."""
    return _grammar(lang).get("elided_of")
