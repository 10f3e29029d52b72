"""Language versions: the Arabic, French and English versions of one letter must say the same
things. The versions are a draft's languages (the editor) or files given together (``check
a.fr.docx a.ar.docx a.en.md --versions``, any mix of .docx, .md and .txt).

What is compared, in the language-neutral form each takes in every language: addresses (links and
e-mails), numbers, dates (day, month, year), references (CL-25/14), telephone numbers, acronyms and
event names written with Latin capitals (WSIS+20; the French and English forms of the
organisation's acronyms are one: UIT = ITU, SMSI = WSIS), the officials named and the signatory's
title, and the number of paragraphs and list items. Facts typed once in a draft are the same in
every language by construction, so a draft's versions are compared on their prose only.

Each finding cites both places: it stands in this version (on the disagreeing value when this
version has one in the matching paragraph, else at the start of that paragraph) and names the
other version's paragraph and text. Paragraphs are matched by a sequence alignment on their kinds,
the facts they share and their place in the letter.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from ...document import BlockKind, Document
from ...errors import StudioError
from ...compose.pipeline import build_document
from ...intake.classify import REF_ANYWHERE, classify, needs_classification
from ...locale import datetext, languages
from ...locale.text import EMAIL_RE, URL_RE
from ...model.officials import all_officials, all_titles
from ..registry import Example, Hit, register

FAMILY = "versions"
_NUMBER = re.compile(r"(?<![\w/.,-])\d{1,3}(?:[ \u00a0\u202f,.]\d{3})+(?![\d])|(?<![\w/.-])\d{2,}(?:[/.]\d+)*")
_TIME = re.compile(r"(?<![\d.,:/])(\d{1,2})\s?(?:h|:|\.)\s?(\d{2})(?![\d.,:/])|(?<!\d)([01]\d|2[0-3])([0-5]\d)(?=\s?hours)")
_PHONE = re.compile(r"\+\s?\d{1,3}(?:[\s\u00a0\u2011-]\d{1,4}){2,5}")
_ACRONYM = re.compile(r"(?<![\w-])[A-Z][A-Z0-9]*[A-Z](?:-[A-Z])?(?:\s?[+-]\s?\d{1,4})?(?![\w])")
_FACTS = {"letter_date": "2019-12-06", "sector": "SG", "signatory": "houlin-zhao",
          "start_date": "2020-04-06", "end_date": "2020-04-09", "subject": "WSIS",
          "addressees": ["Member States"], "event_name": "WSIS Forum"}
_NOTHING = {"en": "nothing", "fr": "rien", "ar": "لا شيء"}
# The French form of acronyms of the UN system that differ from the English one: one key for both.


@lru_cache(maxsize=1)
def _acronym_table() -> tuple[dict, frozenset, frozenset]:
    """(acronym -> English acronym, the languages whose acronyms are known: English and those
    with an ``[acronyms]`` table, the languages that write the English ones as they are)."""
    table, known, as_is = {}, {"en"}, set()
    for entry in languages.ordered():
        rows = entry.data.get("acronyms", {})
        if rows.get("latin_as_is"):
            as_is.add(entry.code)
        pairs = {k: v for k, v in rows.items() if isinstance(v, str)}
        if pairs:
            known.add(entry.code)
            table.update(pairs)
    return table, frozenset(known), frozenset(as_is)


def _norm_link(target: str) -> str:
    target = target.strip().rstrip("/").lower()
    if target.startswith("mailto:"):
        target = target[7:]
    target = re.sub(r"^https?://", "", target)
    return target[4:] if target.startswith("www.") else target


@dataclass(frozen=True)
class Mention:
    """A fact written in a version: its kind, language-neutral key, text and place."""

    kind: str  # address, number, date, reference, phone, acronym, official, title
    key: object
    shown: str
    block: int
    start: int
    end: int


def _blocks(doc: Document, prose_only: bool = False):
    """The blocks compared: a draft's prose (fields typed once agree by construction), every block
    but the letterhead of a letter read from a file."""
    if prose_only and any(b.field for b in doc.blocks):
        return [(i, b) for i, b in enumerate(doc.blocks) if (b.field or "").startswith(("clause:", "free:"))]
    return [(i, b) for i, b in enumerate(doc.blocks) if b.kind != BlockKind.LETTERHEAD]


def _date_key(m) -> tuple:
    return (m.day, m.month, m.year if m.explicit_year or m.is_range_end else None)


def _acronym_key(token: str) -> str:
    token = re.sub(r"\s", "", token)
    m = re.match(r"([A-Z][A-Z0-9]*(?:-[A-Z]+)?)([+-]\d+)?$", token)
    head, tail = (m.group(1), m.group(2) or "") if m else (token, "")
    return _acronym_table()[0].get(head, head) + tail


@lru_cache(maxsize=1)
def _official_names() -> list[tuple[str, str]]:
    """(name as written in some language, official id), longest first."""
    rows = {(name, o.id) for o in all_officials() for name in o.names.values() if name}
    return sorted(rows, key=lambda r: -len(r[0]))


def mentions(doc: Document, prose_only: bool = False) -> list[Mention]:
    """The facts written in ``doc``'s compared blocks, each once (an e-mail is not also a number).
    Acronyms count when they name the letter's subject: with an edition (WSIS+20, WRC-27), in the
    subject line, or written more than once; a name spelled out in one language and abbreviated
    in another (UNGA / l'Assemblée générale) is not a disagreement."""
    out: list[Mention] = []
    titles = [row for rows in all_titles().values() for row in rows]
    titles.sort(key=lambda r: -len(r[0]))
    for i, b in _blocks(doc, prose_only):
        text = b.text
        # spans taken, sorted and disjoint: a new one is tested against its neighbour by bisection
        # (testing it against all of them made a paragraph of many dates or numbers quadratic)
        starts: list[int] = []
        ends: list[int] = []

        def free(s, e):
            k = bisect.bisect_left(starts, e)
            return not (k and ends[k - 1] > s)

        def add(kind, key, s, e, shown=None):
            k = bisect.bisect_left(starts, s)
            starts.insert(k, s)
            ends.insert(k, e)
            out.append(Mention(kind, key, shown if shown is not None else text[s:e], i, s, e))

        for s, e, span in b.links():
            if span.link and span.link.strip("#"):
                add("address", _norm_link(span.link), s, e)
        for rx in (EMAIL_RE, URL_RE):
            for m in rx.finditer(text):
                value = m.group().rstrip(".,;:)")
                if free(m.start(), m.start() + len(value)):
                    add("address", _norm_link(value), m.start(), m.start() + len(value))
        for m in REF_ANYWHERE.finditer(text):
            if free(m.start(), m.end()):
                add("reference", _reference_key(m.group()), m.start(), m.end())
        for m in _PHONE.finditer(text):
            if free(m.start(), m.end()):
                add("phone", re.sub(r"\D", "", m.group()), m.start(), m.end())
        for m in datetext.find_dates(i, text):
            if free(m.start, m.end):
                add("date", _date_key(m), m.start, m.end)
        for name, oid in _official_names():
            for m in re.finditer(re.escape(name), text):
                if free(m.start(), m.end()):
                    add("official", oid, m.start(), m.end())
        if b.kind == BlockKind.SIGNATURE:
            for title, _office, _gender in titles:
                at = text.find(title)
                if at >= 0 and free(at, at + len(title)):
                    # "Director" is the title of three offices: the key is every office it can be
                    add("title", frozenset(o for t, o, _g in titles if t == title), at, at + len(title))
                    break
        for m in _TIME.finditer(text):
            if free(m.start(), m.end()):
                h, mi = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
                add("number", f"{int(h):02d}:{mi}", m.start(), m.end())
        for m in _ACRONYM.finditer(text):
            if free(m.start(), m.end()) and not m.group().isdigit():
                add("acronym", _acronym_key(m.group()), m.start(), m.end())
        for m in _NUMBER.finditer(text):
            if free(m.start(), m.end()):
                add("number", re.sub(r"[ \u00a0\u202f,]", "", m.group())
                    if re.fullmatch(r"\d{1,3}(?:[ \u00a0\u202f,.]\d{3})+", m.group()) else m.group(),
                    m.start(), m.end())
    seen: dict = {}
    for mt in out:
        if mt.kind == "acronym":
            seen[mt.key] = seen.get(mt.key, 0) + 1
    return [mt for mt in out if mt.kind != "acronym" or re.search(r"\d", mt.key) or
            seen[mt.key] > 1 or doc.blocks[mt.block].kind == BlockKind.SUBJECT]


def _reference_key(text: str) -> str:
    """One key for a reference however a language writes it (TSB Circular 245 = Circulaire TSB 245)."""
    key = re.sub(r"[\s\u00a0]", "", text).upper().replace("–", "-")
    if "TSB" in key and "CIRC" in key:
        return "TSB-CIRC-" + re.sub(r"\D", "", key)
    return key


def _same(kind: str, a, b) -> bool:
    if kind == "date":  # a year written in one version only is not a disagreement
        return a[:2] == b[:2] and (a[2] is None or b[2] is None or a[2] == b[2])
    if kind == "title":
        return bool(a & b)
    return a == b


# a list item typed by hand ("- ", "• ", "1. ") rather than made with Word's numbering
_TYPED_ITEM = re.compile(r"^\s*(?:[-–•·▪]|\d{1,2}[.)])\s")


def _shape(doc: Document, prose_only: bool = False) -> tuple[int, int]:
    """(paragraphs, list items) of the letter's body: between the salutation and the closing when
    the letter has them (a letterhead or heading read as a paragraph is not counted)."""
    kinds = [b.kind for b in doc.blocks]
    first = kinds.index(BlockKind.SALUTATION) if BlockKind.SALUTATION in kinds else -1
    last = kinds.index(BlockKind.CLOSING) if BlockKind.CLOSING in kinds else len(kinds)
    body = [b for i, b in _blocks(doc, prose_only) if b.kind == BlockKind.PARAGRAPH and first < i < last]
    items = [b for b in body if b.is_list_item or _TYPED_ITEM.match(b.text)]
    return len(body) - len(items), len(items)


# -- matching paragraphs ------------------------------------------------------------------------

def align(a: Document, b: Document, prose_only: bool = False) -> dict[int, int]:
    """Block index in ``a`` → block index in ``b`` for the compared blocks, by a global alignment
    (Needleman-Wunsch): same kind of letter part, shared facts, near places in the letter."""
    ia, ib = _blocks(a, prose_only), _blocks(b, prose_only)
    fa, fb = _facts_by_block(a, prose_only), _facts_by_block(b, prose_only)
    n, m = len(ia), len(ib)
    if not n or not m:
        return {}

    def score(x, y) -> float:
        (i, bx), (j, by) = ia[x], ib[y]
        if bx.kind != by.kind:
            return -1.0
        if bx.is_list_item != by.is_list_item:
            return -0.5
        s = 0.4 if bx.kind != BlockKind.PARAGRAPH else 0.2
        ka, kb = fa.get(i, set()), fb.get(j, set())
        if ka or kb:
            s += 0.6 * len(ka & kb) / len(ka | kb)
        s -= 0.3 * abs(x / n - y / m)
        return s

    gap = -0.1
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    for x in range(1, n + 1):
        best[x][0] = x * gap
    for y in range(1, m + 1):
        best[0][y] = y * gap
    for x in range(1, n + 1):
        for y in range(1, m + 1):
            best[x][y] = max(best[x - 1][y - 1] + score(x - 1, y - 1), best[x - 1][y] + gap,
                             best[x][y - 1] + gap)
    out: dict[int, int] = {}
    x, y = n, m
    while x and y:
        if best[x][y] == best[x - 1][y - 1] + score(x - 1, y - 1):
            if score(x - 1, y - 1) > -0.5:
                out[ia[x - 1][0]] = ib[y - 1][0]
            x, y = x - 1, y - 1
        elif best[x][y] == best[x - 1][y] + gap:
            x -= 1
        else:
            y -= 1
    return out


def _facts_by_block(doc: Document, prose_only: bool) -> dict[int, set]:
    out: dict[int, set] = {}
    for mt in mentions(doc, prose_only):
        key = (mt.kind, mt.key[:2] if mt.kind == "date" else mt.key)
        out.setdefault(mt.block, set()).add(key)
    return out


# -- the versions ------------------------------------------------------------------------------

def _prepared(doc: Document) -> Document:
    return classify(doc) if needs_classification(doc) else doc


def _others(ctx):
    """(language, document) of the other language versions: the files given with this one, or
    the draft's other languages (built once, shared by the checks)."""
    cache = ctx.versions
    draft = ctx.draft
    if draft is None or len(getattr(draft, "languages", {})) < 2:
        return [(lang, _prepared(doc)) for lang, doc in sorted(cache.items())
                if doc is not None and lang != ctx.language]
    out = []
    for lang in draft.languages:
        if lang == ctx.language:
            continue
        if lang not in cache:
            try:
                cache[lang] = build_document(draft, lang, strict=False)
            except StudioError:
                cache[lang] = None
        if cache[lang] is not None:
            out.append((lang, cache[lang]))
    return out


def _prose_only(ctx) -> bool:
    return ctx.draft is not None and len(getattr(ctx.draft, "languages", {})) > 1


def _acronyms_anywhere(doc: Document) -> frozenset:
    """Every acronym key the document writes, in any block and however often (``mentions`` keeps
    only those that name the letter's subject)."""
    keys = {_acronym_key(m.group()) for b in doc.blocks for m in _ACRONYM.finditer(b.text)
            if not m.group().isdigit()}
    keys |= {_acronym_key(m.group(1)) for b in doc.blocks for m in _PLURAL_ACRONYM.finditer(b.text)}
    return frozenset(keys)


_PLURAL_ACRONYM = re.compile(r"(?<![\w-])([A-Z]{2,})s(?!\w)")  # LDCs, SIDS written "LLDCs"


def _mentions(ctx, doc: Document) -> list[Mention]:
    """mentions(doc), worked out once per check run (eight checks read them)."""
    cache = ctx.__dict__.setdefault("_version_mentions", {})
    if id(doc) not in cache:
        cache[id(doc)] = (doc, mentions(doc, _prose_only(ctx)))
    return cache[id(doc)][1]


def _alignment(ctx, lang: str, other: Document) -> dict[int, int]:
    """Block in the other version → block in this one."""
    cache = ctx.__dict__.setdefault("_version_alignments", {})
    if lang not in cache:
        cache[lang] = {v: k for k, v in align(ctx.doc, other, _prose_only(ctx)).items()}
    return cache[lang]


def _version_name(lang: str, ui: str) -> str:
    """"Spanish" / "espagnole" / "الإسبانية": the table's ``[names] version`` in the
    interface language ("the {version} version")."""
    entry = languages.get(lang)
    forms = entry.data["names"].get("version", {}) if entry is not None else {}
    return forms.get(ui) or forms.get("en") or lang


def _place(doc: Document, block: int) -> int:
    """The paragraph number a reader counts (1-based, letterhead not counted)."""
    return block + (0 if doc.blocks and doc.blocks[0].kind == BlockKind.LETTERHEAD else 1)


def _disagreements(ctx, kinds: tuple[str, ...]):
    """Hits for the facts of ``kinds`` that another version writes and this one does not."""
    others = _others(ctx)
    if not others:
        return
    doc = ctx.doc
    prose = _prose_only(ctx)
    mine = [mt for mt in _mentions(ctx, doc) if mt.kind in kinds]
    for lang, other in others:
        theirs = [mt for mt in _mentions(ctx, other) if mt.kind in kinds]
        # versions that mention no fact of the kind at all do not disagree about it;
        # an Arabic version translates names and acronyms: missing ones are not reported there
        if not theirs:
            continue
        # an Arabic letter writes "الرسالة المعممة 245" where French writes "Circulaire TSB 245":
        # references are compared between versions that both cite some
        if set(kinds) == {"reference"} and not mine:
            continue
        digits = None
        if "number" in kinds:  # a number written in a date, a reference or a phone here is there
            digits = {d for _i, b in _blocks(doc, prose) for d in re.findall(r"\d+", b.text)}
        back = _alignment(ctx, lang, other)
        used: set = set()
        told: list = []  # a value missing here is reported once, where the other version first has it
        for t in theirs:
            if any(_same(t.kind, t.key, mt.key) for mt in mine if mt.kind == t.kind):
                continue
            if t.kind == "acronym" and t.key in _acronyms_anywhere(doc):
                continue  # written here once, or only in the subject: it is not missing
            if any(_same(t.kind, t.key, k) for kind, k in told if kind == t.kind):
                continue
            told.append((t.kind, t.key))
            if t.kind == "number" and digits is not None and \
                    all(d in digits for d in re.findall(r"\d+", str(t.key))):
                continue
            known, as_is = _acronym_table()[1:]
            if t.kind == "acronym" and (ctx.language not in known or lang not in known | as_is):
                continue
            here = back.get(t.block)
            # the value this version writes instead, in the matching paragraph
            instead = [mt for mt in mine if mt.block == here and mt.kind == t.kind
                       and not any(_same(mt.kind, mt.key, o.key) for o in theirs if o.kind == mt.kind)
                       and (mt.block, mt.start) not in used]
            args = {"version": _version_name(lang, ctx.ui_language), "value": t.shown,
                    "where": _place(other, t.block), "key": f"{lang}:{t.kind}:{t.key}",
                    "mine": f"«{instead[0].shown}»" if instead else _NOTHING.get(ctx.ui_language, "nothing")}
            if instead:
                used.add((instead[0].block, instead[0].start))
                yield Hit(instead[0].block, instead[0].start, instead[0].end, None, args)
            elif here is not None:
                yield Hit(here, 0, 0, None, args)
            else:
                first = _blocks(doc, prose)
                yield Hit(first[0][0] if first else 0, 0, 0, None, args)


_WHY = ("The language versions of one letter no longer say the same thing: a reader of one "
        "language gets another date, number or address than the others (a translator worked from "
        "an older draft, or a correction was made in one language only).")
_FIX = "Bring the versions into agreement (check which one is right)."


@register("LANG001", "address-missing-in-version", family=FAMILY, severity="warning",
          en="the {version} version points to \"{value}\" (paragraph {where}); this version: {mine}",
          fr="la version {version} renvoie à « {value} » (paragraphe {where}) ; cette version : {mine}",
          ar="تحيل النسخة {version} إلى \"{value}\" (الفقرة {where})؛ وفي هذه النسخة: {mine}",
          what="A link or e-mail address in another language version of the same letter that this "
               "version does not contain.",
          why="Readers of one language are sent elsewhere than the others, often to an old page "
              "the translator copied from an earlier letter.",
          fix="Use the same address in every language version.",
          examples=[Example("en", "The programme is at www.itu.int/wsis-old.",
                            "The programme is at www.itu.int/wsis.", letter_type="invitation",
                            fields=_FACTS,
                            options={"other_versions": {"fr": "Le programme est à l'adresse www.itu.int/wsis."}})])
def address_missing(ctx):
    yield from _disagreements(ctx, ("address",))


@register("LANG002", "number-missing-in-version", family=FAMILY, severity="info",
          en="the {version} version cites the number {value} (paragraph {where}); this version: {mine}",
          fr="la version {version} cite le nombre {value} (paragraphe {where}) ; cette version : {mine}",
          ar="تذكر النسخة {version} الرقم {value} (الفقرة {where})؛ وفي هذه النسخة: {mine}",
          what="A number (a resolution, an amount, a year on its own) in another language version "
               "that this version does not contain.",
          why=_WHY, fix=_FIX,
          examples=[Example("en", "See Resolution 198 of 2018.", "See Resolution 198 of 2022.",
                            letter_type="invitation", fields=_FACTS,
                            options={"other_versions": {"fr": "Voir la Résolution 198 de 2022."}})])
def number_missing(ctx):
    yield from _disagreements(ctx, ("number",))


@register("LANG003", "date-differs-in-version", family=FAMILY, severity="warning",
          en="the {version} version gives the date {value} (paragraph {where}); this version: {mine}",
          fr="la version {version} donne la date {value} (paragraphe {where}) ; cette version : {mine}",
          ar="تذكر النسخة {version} التاريخ {value} (الفقرة {where})؛ وفي هذه النسخة: {mine}",
          what="A date (day and month, and the year when both write it) in another language version "
               "that this version does not give.",
          why=_WHY, fix=_FIX,
          examples=[Example("en", "Please register by 15 May 2020.", "Please register by 15 March 2020.",
                            letter_type="invitation", fields=_FACTS,
                            options={"other_versions": {"fr": "Veuillez vous inscrire avant le 15 mars 2020."}})])
def date_differs(ctx):
    yield from _disagreements(ctx, ("date",))


@register("LANG004", "reference-differs-in-version", family=FAMILY, severity="warning",
          en="the {version} version cites the reference {value} (paragraph {where}); this version: {mine}",
          fr="la version {version} cite la référence {value} (paragraphe {where}) ; cette version : {mine}",
          ar="تذكر النسخة {version} المرجع {value} (الفقرة {where})؛ وفي هذه النسخة: {mine}",
          what="A reference of a known series (CL-25/14, DM-24/1009, BDT/DIR/123) in another language "
               "version that this version does not cite.",
          why="The versions of one circular carry one reference; a different one points the reader "
              "to another letter.",
          fix=_FIX,
          examples=[Example("en", "This replaces Circular Letter CL-19/58.",
                            "This replaces Circular Letter CL-19/59.",
                            letter_type="invitation", fields=_FACTS,
                            options={"other_versions": {"fr": "Elle remplace la Lettre circulaire CL-19/59."}})])
def reference_differs(ctx):
    yield from _disagreements(ctx, ("reference",))


@register("LANG005", "phone-differs-in-version", family=FAMILY, severity="warning",
          en="the {version} version gives the telephone number {value} (paragraph {where}); this version: {mine}",
          fr="la version {version} donne le numéro de téléphone {value} (paragraphe {where}) ; cette version : {mine}",
          ar="تذكر النسخة {version} رقم الهاتف {value} (الفقرة {where})؛ وفي هذه النسخة: {mine}",
          what="A telephone number in another language version that this version does not give.",
          why=_WHY, fix=_FIX,
          examples=[Example("en", "Call +41 22 730 5615 for details.", "Call +41 22 730 5614 for details.",
                            letter_type="invitation", fields=_FACTS,
                            options={"other_versions": {"fr": "Appeler le +41 22 730 5614 pour en savoir plus."}})])
def phone_differs(ctx):
    yield from _disagreements(ctx, ("phone",))


@register("LANG006", "acronym-differs-in-version", family=FAMILY, severity="warning",
          en="the {version} version names {value} (paragraph {where}); this version: {mine}",
          fr="la version {version} nomme {value} (paragraphe {where}) ; cette version : {mine}",
          ar="تذكر النسخة {version} {value} (الفقرة {where})؛ وفي هذه النسخة: {mine}",
          what="An event name or acronym written in Latin capitals (WSIS+20, WRC-27, UNDP) in another "
               "language version that this English or French version does not name (the French and "
               "English forms of the UN system's acronyms count as one: UIT = ITU, SMSI = WSIS).",
          why="The versions announce different events, or one names an edition the other does not.",
          fix=_FIX,
          examples=[Example("en", "The WSIS+15 Forum will review the Action Lines.",
                            "The WSIS+20 Forum will review the Action Lines.",
                            letter_type="invitation", fields=_FACTS,
                            options={"other_versions": {"fr": "Le Forum SMSI+20 examinera les grandes orientations."}})])
def acronym_differs(ctx):
    yield from _disagreements(ctx, ("acronym",))


@register("LANG007", "signatory-differs-in-version", family=FAMILY, severity="error",
          en="the {version} version names {value} (paragraph {where}); this version: {mine}",
          fr="la version {version} nomme {value} (paragraphe {where}) ; cette version : {mine}",
          ar="تذكر النسخة {version} {value} (الفقرة {where})؛ وفي هذه النسخة: {mine}",
          what="An official (the signatory, or one named in the text) or the signatory's title in "
               "another language version that this version does not name.",
          why="Versions of one letter signed by different people, or naming another official, cannot "
              "both be right.",
          fix="Sign every version with the same official and title.",
          examples=[Example("en", "Mr Houlin Zhao will open the Forum.",
                            "Ms Doreen Bogdan-Martin will open the Forum.",
                            letter_type="invitation", fields=_FACTS,
                            options={"other_versions": {"fr": "Mme Doreen Bogdan-Martin ouvrira le Forum."}})])
def signatory_differs(ctx):
    yield from _disagreements(ctx, ("official", "title"))


@register("LANG008", "shape-differs-in-version", family=FAMILY, severity="warning",
          en="the {version} version has {paragraphs} paragraph(s) and {items} list item(s); this "
             "version has {my_paragraphs} and {my_items}",
          fr="la version {version} a {paragraphs} paragraphe(s) et {items} élément(s) de liste ; "
             "cette version en a {my_paragraphs} et {my_items}",
          ar="في النسخة {version} {paragraphs} فقرة و{items} بند في القوائم؛ وفي هذه النسخة "
             "{my_paragraphs} و{my_items}",
          what="A different number of body paragraphs or list items from another language version.",
          why="A paragraph or a list item added, dropped or split in one language only.",
          fix="Translate the missing paragraph or item, or join what was split.",
          examples=[Example("en", "The Forum will open on Monday.\n\nIt will close on Friday.",
                            "The Forum will open on Monday and close on Friday.",
                            letter_type="invitation", fields=_FACTS,
                            options={"other_versions": {"fr": "Le Forum ouvrira lundi et fermera vendredi."}})])
def shape_differs(ctx):
    prose = _prose_only(ctx)
    mine = _shape(ctx.doc, prose)
    for lang, other in _others(ctx):
        theirs = _shape(other, prose)
        if theirs == mine:
            continue
        first = [i for i, b in _blocks(ctx.doc, prose) if b.kind == BlockKind.PARAGRAPH]
        yield Hit(first[0] if first else 0, 0, 0, None,
                  {"version": _version_name(lang, ctx.ui_language), "paragraphs": theirs[0],
                   "items": theirs[1], "my_paragraphs": mine[0], "my_items": mine[1],
                   "key": f"{lang}:shape"})
