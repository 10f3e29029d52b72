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
def _names(lang: str) -> tuple[dict, frozenset]:
    """{acronym-free name, casefolded, spaces single: expected acronym} for ``lang``, and every
    acronym of the term base."""
    known = frozenset(v[1].upper() for row in terms() for v in row.values())
    names = {}
    for row in terms():
        if lang in row:
            name, acronym = row[lang]
            names[" ".join(name.split()).casefold()] = acronym
    return names, known


_ACRONYM = re.compile(r"\(\s*([A-Z][A-Za-z]{1,9})(?:[-\s]\d{2,4})?\s*\)")


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
        if "(" not in text:
            continue
        names, known = _names(lang)
        if not names:
            continue
        for m in _ACRONYM.finditer(text):
            acronym = m.group(1)
            if acronym.upper() not in known:
                continue
            before = " ".join(text[max(0, m.start() - 90):m.start()].split()).casefold()
            for name, expected in names.items():
                if not before.endswith(name) or acronym.upper() == expected.upper():
                    continue
                head = before[:len(before) - len(name)]
                if head and (head[-1].isalnum() or _COMPLEMENT.search(head)):
                    continue  # part of a longer word, or the complement of a larger name
                shown = text[:m.start()].rstrip()
                yield Hit(i, m.start(1), m.end(1), expected,
                          {"acronym": acronym, "name": shown[len(shown) - len(name):] if len(shown) >= len(name) else name,
                           "expected": expected})
                break


@lru_cache(maxsize=None)
def _name_patterns(lang: str) -> tuple:
    out = []
    for row in terms():
        if lang in row:
            name = row[lang][0]
            words = name.split()
            if len(words) < 2:
                continue
            rx = re.compile(r"(?<![\w])" + r"\s+".join(re.escape(w) for w in words) + r"(?![\w])", re.I)
            out.append((rx, name))
    return tuple(out)


@register("TERM002", "body-name-capitals", family=FAMILY, severity="warning",
          en="\"{found}\": the body writes its name \"{name}\"",
          fr="« {found} » : l'organe écrit son nom « {name} »",
          ar="\"{found}\": تكتب الهيئة اسمها \"{name}\"",
          what="A body's name of the term base (resources/terms.json) with capitals its own spelling "
               "does not have (Union Internationale des Télécommunications).",
          why="A body's name is written as the body writes it; French in particular capitalises only the "
              "first word of such names.",
          fix="Write the name as the term base gives it.",
          examples=[Example("fr", "L'Union Internationale des Télécommunications a été fondée en 1865.",
                            "L'Union internationale des télécommunications a été fondée en 1865.")])
def body_name_capitals(ctx):
    for i, text, lang in ctx.blocks(languages={"fr", "en"}):
        pats = _name_patterns(lang)
        for rx, name in pats:
            if name.split()[0].casefold() not in text.casefold():
                continue
            for m in rx.finditer(text):
                found = m.group()
                got, want = found.split(), name.split()
                # only capitals the name does not have (a lower-case word may be a style choice)
                if any(g[:1].isupper() and w[:1].islower() for g, w in zip(got[1:], want[1:])):
                    yield Hit(i, m.start(), m.end(), name, {"found": " ".join(got), "name": name})
