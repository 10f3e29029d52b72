"""Terms: the names of bodies and their acronyms (resources/terms.json), e.g. a body's name
followed by another body's acronym."""
from __future__ import annotations

import re
from functools import lru_cache

from ...resources import load_json
from ..registry import Example, Hit, register

FAMILY = "terms"


@lru_cache(maxsize=1)
def terms() -> tuple[dict, ...]:
    """Each body as {lang: (name, acronym)} from resources/terms.json."""
    try:
        rows = load_json("terms.json")["terms"]
    except (OSError, KeyError, ValueError):
        return ()
    return tuple({lang: tuple(v) for lang, v in row.items()} for row in rows)


@lru_cache(maxsize=None)
def _patterns(lang: str) -> tuple:
    """(regex of a name followed by an acronym in parentheses, expected acronym) per body, and
    every acronym of the term base."""
    known = {v[1] for row in terms() for v in row.values()}
    out = []
    for row in terms():
        if lang not in row:
            continue
        name, acronym = row[lang]
        words = [re.escape(w) for w in re.split(r"\s+", name)]
        rx = re.compile(r"(?<![\w])" + r"\s+".join(words) + r"\s*\(\s*([A-Z][A-Za-z]{1,9})(?:[-\s]\d{2,4})?\s*\)",
                        re.I)
        out.append((rx, acronym))
    return tuple(out), frozenset(known)


_COMPLEMENT = re.compile(r"(?:\b(?:de l['’]|de la|du|des|de|d['’]|of the|of|for the|for)\s*)$", re.I)


@register("TERM001", "name-acronym-disagree", family=FAMILY, severity="error",
          en="\"{acronym}\" is the acronym of another body: {name} is {expected}",
          fr="« {acronym} » est le sigle d'un autre organe : {name} s'abrège {expected}",
          ar="\"{acronym}\" مختصر هيئة أخرى؛ ومختصر {name} هو {expected}",
          what="A body's name followed by the acronym of another body (World Telecommunication Development "
               "Conference (WTSA)), by the term base of bodies and acronyms in resources/terms.json.",
          why="The reader cannot tell which body is meant; a wrong body in an official letter must not go out.",
          fix="Write the acronym of the body named (or the name of the body abbreviated).",
          examples=[Example("en", "You are invited to the World Telecommunication Development Conference (WTSA).",
                            "You are invited to the World Telecommunication Development Conference (WTDC)."),
                    Example("fr", "La Conférence mondiale des radiocommunications (CMDT) se tiendra à Genève.",
                            "La Conférence mondiale des radiocommunications (CMR) se tiendra à Genève.")])
def name_acronym(ctx):
    for i, text, lang in ctx.blocks():
        pats, known = _patterns(lang)
        for rx, expected in pats:
            for m in rx.finditer(text):
                # "la Conférence de plénipotentiaires de l'Union … (PP-26)": the name is the
                # complement of a larger name, to which the acronym may belong
                if _COMPLEMENT.search(text[max(0, m.start() - 8):m.start()]):
                    continue
                acronym = m.group(1)
                if acronym.upper() == expected.upper() or acronym.upper() not in known:
                    continue
                name = text[m.start():m.start(1)].rstrip(" (")
                yield Hit(i, m.start(1), m.end(1), expected, {"acronym": acronym, "name": name, "expected": expected})
