"""References: the format of each series (resources/house.json "reference_series") and the year
in the reference against the letter's date."""
from __future__ import annotations

import re
from functools import lru_cache

from ...document import BlockKind
from ...intake.classify import REF_END
from ...locale import languages
from ...resources import load_json
from ..registry import Example, Hit, register

FAMILY = "references"


@lru_cache(maxsize=1)
def _label():
    """A reference line's label in any language of the table ("Référence:", "Ref.:", "文号："),
    a circular's name before its number, or the reference itself."""
    words = [w for e in languages.ordered() for w in e.part("reference")]
    lines = [w for e in languages.ordered() for w in e.part("reference_line")]
    alt = lambda xs: "|".join(sorted(set(xs), key=len, reverse=True)) or "(?!)"  # noqa: E731
    return re.compile(rf"^\s*(?:{alt(words)})\s*[:：]\s*|^\s*(?:{alt(lines)})\s+"
                      r"|^\s*(?=(?:CL|DM)\s?[-–/]?\s?\d|BDT\s?/\s?DIR|TSB[\s-]+Circ|CACE)", re.I)


# things that look like a reference of a known series, even badly written
_LOOKS = re.compile(r"(?<![\w/])(?:(?:CL|DM)\s?[-–/]?\s?\d{1,4}\s?[/-]\s?\d{1,5}|BDT\s?/\s?DIR\s?/\s?\d+|"
                    r"TSB[\s-]+Circ(?:ular)?\.?\s*(?:No\.?\s*)?\d+|Circulaire\s+TSB\s*\d+|CACE\s?[-/–]?\s?\d+)"
                   + REF_END, re.I)


@lru_cache(maxsize=1)
def series():
    out = []
    for s in load_json("house.json")["reference_series"]:
        out.append((s["id"], re.compile(s["pattern"]), s.get("help", {})))
    return tuple(out)


def series_help(help_: dict | str, lang: str) -> str:
    """A series' description in ``lang`` (house.json holds en, fr, ar)."""
    if isinstance(help_, str):
        return help_
    return help_.get(lang) or help_.get("en", "")


def _match(token: str):
    for sid, rx, help_ in series():
        m = rx.match(token)
        if m:
            return sid, m
    return None


def _suggest(token: str, letter_year: int | None) -> str | None:
    t = re.sub(r"\s+", "", token).upper().replace("–", "-")
    m = re.match(r"^(CL|DM)-?(\d{1,4})[/-](\d+)$", t)
    if m:
        prefix, yy, n = m.groups()
        yy = yy[-2:].zfill(2)
        n = str(int(n))
        if prefix == "DM" and len(n) < 4:
            n = str(1000 + int(n))
        cand = f"{prefix}-{yy}/{n}"
        return cand if _match(cand) else None
    m = re.match(r"^BDT/DIR/(\d+)$", t)
    if m:
        cand = f"BDT/DIR/{int(m.group(1)):03d}"
        return cand if _match(cand) else None
    m = re.match(r"^TSBCIRC(?:ULAR)?\.?(\d+)$", t)
    if m:
        return f"TSB Circular {int(m.group(1))}"
    m = re.match(r"^CIRCULAIRETSB(\d+)$", t)
    if m:
        return f"Circulaire TSB {int(m.group(1))}"
    m = re.match(r"^CACE[-/–]?(\d+)$", t)
    if m:
        return f"CACE/{int(m.group(1))}"
    return None


def _letter_year(ctx):
    ld = ctx.letter_date
    return ld.value.year if ld else None


def _references(ctx):
    """(block, start, end, token, own) for every reference-like token; own=True in the letter's
    own reference line (or the draft's reference field)."""
    for i, text, _lang in ctx.blocks():
        own_block = ctx.kind(i) == BlockKind.REFERENCE or ctx.doc.blocks[i].field == "reference"
        for line_m in re.finditer(r"[^\n]+", text):
            line = line_m.group()
            label = _label().match(line)
            for m in _LOOKS.finditer(line):
                own = own_block and label is not None
                yield i, line_m.start() + m.start(), line_m.start() + m.end(), m.group(), own


@register("REF001", "reference-format", family=FAMILY, severity="error",
          en="\"{token}\" is not in the format of its series ({help})",
          fr="« {token} » n'est pas au format de sa série ({help})",
          ar="\"{token}\" لا يطابق صيغة السلسلة التي ينتمي إليها ({help})",
          what="A reference of a known series (CL-YY/N, DM-YY/1NNN, BDT/DIR/NNN, TSB Circular N, CACE/N) "
               "written in another format.",
          why="References are filed and searched by their exact form.",
          fix="Rewrite the reference in the series' format, e.g. CL-19/59, DM-24/1009.",
          examples=[Example("fr", "Référence: DM-24/09", "Référence: DM-24/1009"),
                    Example("en", "Ref: CL-2019/59", "Ref: CL-19/59"),
                    Example("ar", "المرجع: BDT/DIR/11", "المرجع: BDT/DIR/110")])
def reference_format(ctx):
    ly = _letter_year(ctx)
    for i, s, e, token, _own in _references(ctx):
        if _match(token):
            continue
        fix = _suggest(token, ly)
        prefix = re.match(r"[A-Za-z]+(?:\s?/\s?DIR)?", token).group().upper().replace(" ", "")
        help_ = next((series_help(h, ctx.ui_language) for sid, _rx, h in series()
                       if sid.replace(" ", "").upper().startswith(prefix[:3])), "")
        yield Hit(i, s, e, fix, {"token": token, "help": help_ or "resources/house.json"})


@register("REF002", "reference-year", family=FAMILY, severity="error",
          en="the reference {token} is of 20{yy}, the letter is dated {year}",
          fr="la référence {token} est de 20{yy}, la lettre est datée de {year}",
          ar="المرجع {token} يعود إلى عام 20{yy}، في حين أن الرسالة مؤرخة في عام {year}",
          what="The year in the letter's own reference (CL-YY/…, DM-YY/…) differs from the letter's date.",
          why="Numbering restarts each year: a wrong year points to another letter.",
          fix="Use the letter's year in the reference (and check the number).",
          examples=[Example("fr", "Genève, le 31 octobre 2024\n\nRéférence: DM-23/1009",
                            "Genève, le 31 octobre 2024\n\nRéférence: DM-24/1009"),
                    Example("en", "Geneva, 6 December 2019\n\nRef: CL-18/59", "Geneva, 6 December 2019\n\nRef: CL-19/59"),
                    Example("ar", "جنيف، 6 ديسمبر 2019\n\nالمرجع: CL-18/59", "جنيف، 6 ديسمبر 2019\n\nالمرجع: CL-19/59"),
                    Example("es", "Ginebra, 6 de diciembre de 2019\n\nRef.: CL-18/59", "Ginebra, 6 de diciembre de 2019\n\nRef.: CL-19/59"),
                    Example("ru", "Женева, 6 декабря 2019 года\n\nОсн.: CL-18/59", "Женева, 6 декабря 2019 года\n\nОсн.: CL-19/59"),
                    Example("zh", "日内瓦，2019年12月6日\n\n文号：CL-18/59", "日内瓦，2019年12月6日\n\n文号：CL-19/59")])
def reference_year(ctx):
    ly = _letter_year(ctx)
    if ly is None:
        return
    seen = False
    for i, s, e, token, own in _references(ctx):
        found = _match(token)
        if not own or not found or "yy" not in found[1].groupdict():
            continue
        seen = True
        yy = found[1].group("yy")
        if int(yy) != ly % 100:
            a, b = found[1].span("yy")
            fixed = token[:a] + f"{ly % 100:02d}" + token[b:]
            yield Hit(i, s, e, fixed, {"token": token, "yy": yy, "year": ly})
    ref = ctx.fact("reference")
    if not seen and isinstance(ref, str):
        found = _match(ref.strip())
        if found and "yy" in found[1].groupdict() and int(found[1].group("yy")) != ly % 100:
            lb = ctx.letter_date
            yield Hit(lb.block or 0, lb.start, lb.end, None, {"token": ref, "yy": found[1].group("yy"), "year": ly})


@register("REF003", "cited-reference-from-future", family=FAMILY, severity="warning",
          en="{token} is of 20{yy}, after this letter's year ({year})",
          fr="{token} est de 20{yy}, après l'année de cette lettre ({year})",
          ar="المرجع {token} يعود إلى عام 20{yy}، أي بعد سنة هذه الرسالة ({year})",
          what="A letter cited in the text (CL-YY/N, DM-YY/N) whose year is after the letter's date.",
          why="A letter cannot cite a later one: the year or the cited number is wrong.",
          fix="Correct the cited reference.",
          examples=[Example("fr", "Genève, le 31 octobre 2024\n\nVoir la lettre circulaire CL-25/49.",
                            "Genève, le 31 octobre 2024\n\nVoir la lettre circulaire CL-24/49."),
                    Example("en", "Geneva, 31 October 2024\n\nSee Circular Letter CL-25/49.",
                            "Geneva, 31 October 2024\n\nSee Circular Letter CL-24/49."),
                    Example("ar", "جنيف، 31 أكتوبر 2024\n\nانظر الرسالة CL-25/49.", "جنيف، 31 أكتوبر 2024\n\nانظر الرسالة CL-24/49.")])
def cited_future(ctx):
    ly = _letter_year(ctx)
    if ly is None:
        return
    for i, s, e, token, own in _references(ctx):
        found = _match(token)
        if own or not found or "yy" not in found[1].groupdict():
            continue
        yy = int(found[1].group("yy"))
        if yy > ly % 100 and yy - ly % 100 < 50:
            yield Hit(i, s, e, None, {"token": token, "yy": f"{yy:02d}", "year": ly})


@register("REF004", "reference-unknown-series", family=FAMILY, severity="info",
          en="the reference \"{token}\" is not of a known series",
          fr="la référence « {token} » n'appartient à aucune série connue",
          ar="المرجع \"{token}\" لا ينتمي إلى أي سلسلة معروفة",
          what="The letter's reference line holds something that is not of a known series.",
          why="Most letters carry a reference of a registered series; this may be a placeholder.",
          fix="Use the reference given by the registry, or ignore if intended.",
          examples=[Example("fr", "Référence: LETTRE 12", "Référence: DM-24/1009"),
                    Example("en", "Ref: WSIS 2024", "Ref: CL-24/12"),
                    Example("ar", "المرجع: WSIS 2024", "المرجع: CL-19/59")])
def reference_unknown(ctx):
    for i, text, _lang in ctx.blocks(kinds={BlockKind.REFERENCE}):
        for line_m in re.finditer(r"[^\n]+", text):
            line = line_m.group()
            label = _label().match(line)
            if not label:
                continue
            rest = line[label.end():]
            token = rest.strip().strip("*").strip()
            if not token or _LOOKS.search(rest) or _match(token):
                continue
            s = line_m.start() + label.end() + (len(rest) - len(rest.lstrip()))
            yield Hit(i, s, s + len(rest.strip()), None, {"token": token})
