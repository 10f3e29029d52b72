"""Which language a paragraph or a letter is written in: Arabic, French or English.

Arabic by script; French against English by common words and accents. Short or ambiguous
paragraphs take the letter's language."""
from __future__ import annotations

import re
from collections import Counter

from .bidi import arabic_letter_count, is_arabic_char

_FR = frozenset("""le la les des du de et à en une un pour que qui sur dans par est au aux vous
votre vos nous ce cette ces avec ne pas sont été être je j l d qu il elle leur leurs ou où
madame monsieur veuillez agréer objet référence""".split())
_EN = frozenset("""the and of to in for is on that with by this be are as at from an your you
we will which have has it its not or our was been would should dear sir madam yours
faithfully subject""".split())
_WORD = re.compile(r"[a-zà-ÿœ]+")


def detect(text: str, default: str | None = None) -> str | None:
    """'ar', 'fr' or 'en'; ``default`` when the text has too few letters to tell."""
    arabic = arabic_letter_count(text)
    latin = sum(1 for c in text if c.isalpha() and not is_arabic_char(c))
    if arabic + latin < 3:
        return default
    if arabic and arabic >= latin * 0.5:
        return "ar"
    words = _WORD.findall(text.lower())
    fr = sum(1 for w in words if w in _FR)
    en = sum(1 for w in words if w in _EN)
    fr += len(re.findall(r"[éèêàçùâîôûë]", text.lower())) * 0.5
    if fr == en:
        return default or ("fr" if fr else None)
    return "fr" if fr > en else "en"


def detect_document(texts: list[str], default: str = "en") -> str:
    """The language most of the letter's letters are in."""
    weight: Counter = Counter()
    for t in texts:
        lang = detect(t)
        if lang:
            weight[lang] += len(t)
    return weight.most_common(1)[0][0] if weight else default
