"""Reading a letter's signature: which official signs (by name in any language, or the
draft's signatory) and which title line follows, with where each is written. The signatory
checks (core/checks/families/sign.py) judge what this finds."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..document import BlockKind
from ..model.officials import Official, all_officials, all_titles, official


def norm(s: str) -> str:
    s = re.sub(r"[\u064b-\u0652\u0640]", "", s)
    s = s.replace("‐", "-").replace("–", "-").replace("\u00a0", " ")
    return re.sub(r"\s+", " ", s).strip().strip(",.،").strip().casefold()


@lru_cache(maxsize=1)
def _names() -> dict[str, Official]:
    """Normalised names → official: the full names, and the short form of first and last name
    ("Cosmas Zavazava" for "Cosmas Luckyson Zavazava"), as letters sign."""
    out = {}
    for o in all_officials():
        for n in o.names.values():
            out[norm(n)] = o
    for o in all_officials():
        for n in o.names.values():
            parts = norm(n).split(" ")
            if len(parts) > 2:
                out.setdefault(f"{parts[0]} {parts[-1]}", o)
    return out


def _lookup_name(text: str) -> Official | None:
    """The official named ``text`` (a hyphen or a space between double family names is the same
    name: "Bogdan Martin", "Bogdan-Martin"); titles like "Mr"/"Dr" ignored."""
    n = norm(text)
    n = re.sub(r"^(?:mr\.?|mrs\.?|ms\.?|dr\.?|m\.|mme|h\.e\.|السيد|السيدة|الدكتور|الدكتورة)\s+", "", n)
    found = _names().get(n)
    if found:
        return found
    flat = n.replace("-", " ")
    for key, o in _names().items():
        if key.replace("-", " ") == flat:
            return o
    return None


@lru_cache(maxsize=1)
def _titles() -> list[tuple[str, str, str, str]]:
    """(normalised title, office, gender, language), longest first."""
    rows = []
    for lang, items in all_titles().items():
        for title, office, gender in items:
            rows.append((norm(title), office, gender, lang))
    rows.sort(key=lambda r: -len(r[0]))
    return rows


@dataclass
class Signature:
    official: Official | None
    name_loc: tuple[int, int, int] | None  # block, start, end
    title_loc: tuple[int, int, int] | None
    title: str | None
    title_match: tuple | None  # (office, gender, language)
    from_draft: bool = False


_ARTICLE = re.compile(r"^(?:Le|La|The)\s+(?=\S)")


def _lines(ctx):
    """(block, start, end, text) of each signature line; "Name, Title" on one line gives two,
    and a title's article ("Le Secrétaire général") is left out."""
    for i, text, _lang in ctx.blocks(kinds={BlockKind.SIGNATURE}):
        for m in re.finditer(r"[^\n]+", text):
            raw = m.group()
            lead = len(raw) - len(raw.lstrip())
            s, e, line = m.start() + lead, m.start() + len(raw.rstrip()), raw.strip()
            parts = [(s, e, line)]
            cut = re.search(r"\s*[,،]\s*", line)
            if cut and _lookup_name(line[:cut.start()]) and not _lookup_name(line):
                parts = [(s, s + cut.start(), line[:cut.start()]), (s + cut.end(), e, line[cut.end():])]
            for ps, pe, pl in parts:
                art = _ARTICLE.match(pl)
                if art and not _match_title(pl) and _match_title(pl[art.end():]):
                    ps, pl = ps + art.end(), pl[art.end():]
                yield i, ps, pe, pl


def _loose(s: str) -> str:
    return re.sub(r"[\s\-,،]+", " ", s).strip()


_OF_THE = re.compile(r"^(\s*Director)\s+of\s+the\s+(?=\S)", re.I)


def canon_title(line: str) -> str:
    """``line`` normalised, "Director of the X Bureau" written as the house "Director, X Bureau"."""
    return norm(_OF_THE.sub(r"\1, ", line))


def match_titles(line: str, loose: bool = False) -> list[tuple[str, str, str]]:
    """Every (office, gender, language) whose title ``line`` is ("Director" is the title of
    three offices). ``loose``: ignoring hyphens and commas ("Secretary General")."""
    n = canon_title(line)
    if loose:
        n = _loose(n)
    return [(office, gender, lang) for t, office, gender, lang in _titles() if n == (_loose(t) if loose else t)]


def _match_title(line: str):
    found = match_titles(line) or match_titles(line, loose=True)
    return found[0] if found else None


def find_signature(ctx) -> Signature | None:
    """The signature of the letter seen by ``ctx`` (anything with ``blocks(kinds=…)`` and
    ``fact(name)``): the official named (or the draft's signatory), the title line and where
    both are written. The check context caches it as ``ctx.signature``."""
    sig = None
    lines = list(_lines(ctx))
    name_i = None
    who = None
    for k, (i, s, e, text) in enumerate(lines):
        o = _lookup_name(text)
        if o:
            who, name_i = o, k
            break
    title_k = None
    for k, (i, s, e, text) in enumerate(lines):
        if _match_title(text):
            title_k = k
            break
    draft_id = ctx.fact("signatory")
    from_draft = False
    if isinstance(draft_id, str) and draft_id:
        try:
            who = official(draft_id)
            from_draft = True
        except KeyError:
            who = None
    if who or title_k is not None or name_i is not None:
        name_loc = lines[name_i][:3] if name_i is not None else None
        if name_loc is None and title_k is not None and title_k > 0:
            name_loc = lines[title_k - 1][:3]
        title_loc = lines[title_k][:3] if title_k is not None else None
        title = lines[title_k][3] if title_k is not None else None
        sig = Signature(who, name_loc, title_loc, title, _match_title(title) if title else None, from_draft)
    return sig
