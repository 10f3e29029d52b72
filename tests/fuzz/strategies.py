"""Hostile and unlucky text: what pasting from PDFs, terminals, Word and attackers brings."""
from __future__ import annotations

from hypothesis import strategies as st

FRAGMENTS = [
    # bidi controls and marks, BOM, presentation forms, controls XML cannot hold
    "\u202e", "\u202d", "\u202a", "\u202c", "\u2066", "\u2069", "\u200e", "\u200f", "\u061c", "\ufeff",
    "\ufeed\ufe8e", "\x00", "\x0b", "\x0c", "\x1f", "\r\n", "\n", "\n\n", "\t", "\u00a0", "\u2028",
    # Markdown and template syntax
    "*", "**", "_", "#", "> ", "- ", "1. ", "[", "](", ")", "`", "|", "<", ">", "&", "\\",
    "{{", "}}", "{%", "%}", "{{ start_date|date_range(end_date) }}", "{% for i in range(9999) %}x{% endfor %}",
    "{{ 'a' * 99999999 }}", "{{ 9 ** 9999999 }}", "{{ lipsum(99999) }}", "{{ ''.__class__ }}",
    # dates: odd years, impossible days, ranges, weekdays
    "le 31 avril 2025", "du 30 au 2 mars 0000", "29 février 2023", "lundi 4 mars 2025", "3 March 2205",
    "March 4-3, 2025", "31/12/9999", "2025-02-30", "avant le 1er janvier", "15 يونيو 1025", "من 6 إلى 9 أبريل 2020",
    # links and addresses
    "[x](ms-msdt:/id PCWDiagnostic)", "[x](//host/share)", "[x](\\\\host\\s)", "[x](java%0ascript:1)",
    "[x](https://www.itu.int/x)", "<https://www.itu.int>", "http:/www.itu.int", "htp://x", "a@b", "x@itu.int",
    "mailto:", "www.itu,int", "(#)", "[]()", "[x](#)",
    # references, phones, names
    "CL-24/49", "DM-99/9999", "+41 22 730 5614", "Réf.:", "Objet:", "Madame, Monsieur,", "حضرات السادة والسيدات،",
    "Doreen Bogdan-Martin", "Houlin Zhao", "Secrétaire générale", "(signé)", "XXX", "TODO", "[DATE]",
    # scripts
    "مرحبا", "العالم", "日内瓦", "Женева", "é", "œ", "ß", "𝔘", "\U0001F600", "\ud800",
]


@st.composite
def hostile_text(draw, max_repeat: int = 3000) -> str:
    """Pieces of text, some repeated many times (long runs are where work turned quadratic)."""
    parts = draw(st.lists(st.one_of(
        st.sampled_from(FRAGMENTS),
        st.text(max_size=40),
        st.tuples(st.sampled_from(FRAGMENTS + ["a", " ", ".", "\n", "1"]),
                  st.integers(1, max_repeat)).map(lambda t: t[0] * t[1]),
    ), max_size=12))
    return "".join(parts)


def odd_value():
    """A value of a field: text mostly, sometimes a value of the wrong kind."""
    return st.one_of(hostile_text(), hostile_text(), hostile_text(),
                     st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True),
                     st.lists(st.text(max_size=10), max_size=3), st.dictionaries(st.text(max_size=3), st.integers(), max_size=2))
