"""Give the blocks of a letter written elsewhere (all PARAGRAPH) their kinds, heuristically:
date line, reference block, addressees, subject, salutation, closing, "(signed)", signature.

Only PARAGRAPH blocks are reclassified; kinds set by a template are kept. Usable by the .docx
reader and by the checks (``classify(doc)`` returns a new Document, the input is not changed).
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import replace
from functools import lru_cache

from ..document import Block, BlockKind, Document
from ..locale import languages
from ..resources import load_json
from ..model.officials import all_officials

# a reference of a known series, however badly written (the checks judge the format)
REF_TOKEN = (r"(?:CL|DM)\s?[-–/]?\s?\d{1,4}\s?[/-]\s?\d{1,5}|BDT\s?/\s?DIR\s?/\s?\d+|"
             r"TSB[\s-]+Circ(?:ular)?\.?\s*(?:No\.?\s*)?\d+|Circulaire\s+(?:de\s+la\s+)?TSB\s*\d+|CACE\s?[-/–]?\s?\d+")
# not followed by a letter or "/" — but a Chinese "号" may follow at once (CL-18/18号通函)
REF_END = r"(?![/]|(?![\u4e00-\u9fff])\w)"
REF_ANYWHERE = re.compile(rf"(?<![\w/])(?:{REF_TOKEN}){REF_END}", re.I)
_COLON = r"\s*[:：]"


def _alt(fragments) -> str:
    """Regex fragments of the table as one alternation, longest first."""
    return "|".join(sorted(set(fragments), key=len, reverse=True)) or "(?!)"


def _words(key: str) -> list[str]:
    return [w for entry in languages.ordered() for w in entry.part(key)]


def _places() -> list[str]:
    """Every name of every place of resources/house.json, with and without its accents."""
    out = set()
    for names in load_json("house.json").get("places", {}).values():
        for name in names.values():
            out.add(re.escape(name))
            plain = "".join(c for c in unicodedata.normalize("NFD", name) if not unicodedata.combining(c))
            out.add(re.escape(plain))
    return sorted(out, key=len, reverse=True)


class _Patterns:
    """The regexes that recognise a letter's parts, built from every language of the table (a
    letter read from a file may be in any of them)."""

    def __init__(self):
        entries = languages.ordered()
        ordinals = _alt(w for e in entries for w in e.words("ordinals"))
        articles = _alt(w for e in entries for w in e.words("day_articles"))
        numeric = [p for e in entries for p in e.words("date_patterns")]
        core = (rf"(?:(?:[^\W\d_]+\s*[,،，]?\s*)?(?:(?:{articles})\s+)?[0-9٠-٩]{{1,2}}(?:{ordinals})?"
                rf"(?:\s+[^\W\d_]+){{1,3}}\s*,?\s*[0-9٠-٩]{{4}}(?:\s+[^\W\d_]+\.?)?"
                rf"|[^\W\d_]+\s+[0-9٠-٩]{{1,2}},?\s+[0-9٠-٩]{{4}}"
                + "".join(f"|(?:{p})" for p in numeric) + ")")
        self.DATE_LINE = re.compile(rf"^\s*(?:(?:{_alt(_places())})\s*[,،，]?\s*(?:(?:{articles})\s+)?)?"
                                    rf"{core}\s*[.。]?(?:\s*[,،]?\s*\d{{1,2}}[:h]\d{{2}})?\s*$", re.I)  # "…, 20:44": a page's time
        # "Ref.: BDT/…", and "Ref. BDT/IEE/1234" with no colon (as BDT writes it)
        self.REFERENCE = re.compile(rf"^\s*(?:{_alt(_words('reference'))}){_COLON}"
                                    rf"|^\s*(?:{_alt(_words('reference'))})\s+(?=[A-Z]{{2,}}[\w]*[-/ ]?\S*\d)"
                                    rf"|^\s*(?:{_alt(_words('reference_line'))})\s+\S*\d"
                                    rf"|^\s*(?:{REF_TOKEN})", re.I)
        self.CONTACT = re.compile(rf"^\s*(?:{_alt(_words('contact'))}){_COLON}", re.I)
        self.SUBJECT = re.compile(rf"^\s*(?:{_alt(_words('subject'))}){_COLON}", re.I)
        self.ADDRESSEES = re.compile(rf"^\s*(?:{_alt(_words('to'))})(?:{_COLON}|\s+\S)", re.I)
        self.SALUTATION = re.compile(rf"^\s*(?:{_alt(_words('salutation'))})", re.I)
        self.SALUTATION_SECOND = re.compile(rf"^\s*(?:{_alt(_words('salutation_second'))})")
        self.CLOSING = re.compile(rf"^\s*(?:{_alt(_words('closing'))})", re.I)
        self.SIGNED = re.compile(rf"^\s*[(（]?\s*(?:{_alt(_words('signed'))})\s*[)）]?\s*$", re.I)
        self.LETTERHEAD = re.compile(rf"\((?:SG|BDT|TSB|BR)\)\s*$|^(?:{_alt(_words('letterhead'))})", re.I)


@lru_cache(maxsize=1)
def patterns() -> _Patterns:
    return _Patterns()


def __getattr__(name: str):
    """``DATE_LINE``, ``SUBJECT``… as module attributes, built on first use."""
    if name.isupper() and hasattr(patterns(), name):
        return getattr(patterns(), name)
    raise AttributeError(name)


def _is_official_name(line: str) -> bool:
    """``line`` is the name of a known official (in any language), as a signature begins."""

    key = re.sub(r"\s+", " ", line).strip().casefold()
    return any(key == name.casefold() for o in all_officials() for name in o.names.values())


def _first_line(text: str) -> str:
    return text.strip().split("\n", 1)[0].strip()


def classify(doc: Document) -> Document:
    """A copy of ``doc`` with kinds given to its PARAGRAPH blocks."""
    blocks = [replace(b) for b in doc.blocks]
    kinds = [b.kind for b in blocks]
    free = [b.kind == BlockKind.PARAGRAPH for b in blocks]
    n = len(blocks)

    def lines(i):
        return [ln.strip() for ln in blocks[i].text.strip().split("\n") if ln.strip()]

    def set_kind(i, kind):
        if free[i]:
            kinds[i] = kind

    texts = [b.text.strip() for b in blocks]
    P = patterns()
    DATE_LINE, SUBJECT, REFERENCE, CONTACT, SIGNED = P.DATE_LINE, P.SUBJECT, P.REFERENCE, P.CONTACT, P.SIGNED
    SALUTATION, CLOSING, ADDRESSEES, LETTERHEAD = P.SALUTATION, P.CLOSING, P.ADDRESSEES, P.LETTERHEAD
    has = lambda k: k in kinds  # noqa: E731
    # the date line: first short block that is a (placed) date, near the top
    top = max(8, n // 3)
    for i in range(min(n, top + 4)):
        if free[i] and not blocks[i].is_list_item and len(texts[i]) < 60 and DATE_LINE.match(texts[i]):
            set_kind(i, BlockKind.DATE_LINE)
            break
    # subject, reference, addressees, salutation, closing, signed
    first_sal = None
    closing = None
    for i in range(n):
        if not free[i] or not texts[i]:
            continue
        first = _first_line(texts[i])
        if kinds[i] != BlockKind.PARAGRAPH:
            continue
        if SUBJECT.match(first):
            set_kind(i, BlockKind.SUBJECT)
        elif REFERENCE.match(first) or (CONTACT.match(first) and len(texts[i]) < 200):
            set_kind(i, BlockKind.REFERENCE)
        elif any(REFERENCE.match(ln) for ln in lines(i)) and len(lines(i)) <= 6 and len(texts[i]) < 300:
            set_kind(i, BlockKind.REFERENCE)
        elif SIGNED.match(texts[i]):
            set_kind(i, BlockKind.SIGNED)
        elif first_sal is None and len(texts[i]) < 90 and SALUTATION.match(first) \
                and not has(BlockKind.CLOSING) and i < n - 1:
            set_kind(i, BlockKind.SALUTATION)
            first_sal = i
            # a salutation of two paragraphs (the table's ``salutation_second``)
            if i + 1 < n and free[i + 1] and P.SALUTATION_SECOND.match(texts[i + 1]):
                set_kind(i + 1, BlockKind.SALUTATION)
        elif first_sal is not None and closing is None and i > first_sal and CLOSING.match(first) \
                and len(texts[i]) < 400:
            set_kind(i, BlockKind.CLOSING)
            closing = i
        elif first_sal is None and ADDRESSEES.match(first) and len(texts[i]) < 400:
            set_kind(i, BlockKind.ADDRESSEES)
    # a salutation over several lines ("Vos Excellences," / "Mesdames et Messieurs,", "Madame," /
    # "Monsieur,"): the short vocative lines right above and below the one recognised
    if first_sal is not None:
        def vocative(k):
            t = texts[k]
            return (free[k] and kinds[k] == BlockKind.PARAGRAPH and not blocks[k].is_list_item and 0 < len(t) < 70
                    and "\n" not in t and t.rstrip().endswith((",", "،")) and ":" not in t
                    and not re.search(r"\d", t) and not (CLOSING.match(t) or ADDRESSEES.match(t) or REFERENCE.match(t)))
        j = first_sal - 1
        while j >= 0 and vocative(j):
            kinds[j] = BlockKind.SALUTATION
            first_sal = j
            j -= 1
        j = first_sal + 1
        while j < n and kinds[j] == BlockKind.SALUTATION:
            j += 1
        while j < n - 1 and vocative(j):
            kinds[j] = BlockKind.SALUTATION
            j += 1
    # a closing formula at the end of the last paragraph ("… the assurance of my highest consideration.")
    if closing is None:
        for i in range(n - 1, max(-1, n - 8), -1):
            if free[i] and kinds[i] == BlockKind.PARAGRAPH and CLOSING.match(_first_line(texts[i])):
                set_kind(i, BlockKind.CLOSING)
                closing = i
                break
    # a short block above the subject and the salutation holding a reference of a known series
    # ("Administrative Circular CACE/1012", "Our ref. CL-24/12 - SG/BDT")
    if not has(BlockKind.REFERENCE):
        stop = min([k for k in range(n) if kinds[k] in (BlockKind.SUBJECT, BlockKind.SALUTATION)] or [min(n, 12)])
        for i in range(stop):
            if free[i] and kinds[i] in (BlockKind.PARAGRAPH, BlockKind.ADDRESSEES) and len(texts[i]) < 120 \
                    and REF_ANYWHERE.search(texts[i]):
                kinds[i] = BlockKind.REFERENCE
                break
    # list items and plain lines right after addressees belong to them
    for i in range(1, n):
        if kinds[i] == BlockKind.PARAGRAPH and free[i] and kinds[i - 1] == BlockKind.ADDRESSEES \
                and (blocks[i].is_list_item or len(texts[i]) < 80) and first_sal is not None and i < first_sal:
            set_kind(i, BlockKind.ADDRESSEES)
    # "المرجع:" with nothing after it, followed by a list: the addressees' label, as in some letters
    # the subject without its label: the short block just before the salutation
    if not has(BlockKind.SUBJECT) and first_sal is not None and first_sal > 0:
        j = first_sal - 1
        if free[j] and kinds[j] in (BlockKind.PARAGRAPH, BlockKind.ADDRESSEES) and not blocks[j].is_list_item \
                and 10 < len(texts[j]) < 300 and "\n" not in texts[j]:
            kinds[j] = BlockKind.SUBJECT
    # letterhead: short blocks before the date line
    date_i = kinds.index(BlockKind.DATE_LINE) if has(BlockKind.DATE_LINE) else None
    for i in range(0, (date_i if date_i is not None else min(n, 3))):
        if free[i] and kinds[i] == BlockKind.PARAGRAPH and len(texts[i]) < 80 and \
                (date_i is not None or LETTERHEAD.search(texts[i])):
            kinds[i] = BlockKind.LETTERHEAD
    # signature: short blocks after the closing (and "(signed)")
    if closing is not None:
        for i in range(closing + 1, n):
            if free[i] and kinds[i] == BlockKind.PARAGRAPH and texts[i] and len(texts[i]) < 160 \
                    and not blocks[i].is_list_item:
                kinds[i] = BlockKind.SIGNATURE
            elif kinds[i] == BlockKind.PARAGRAPH and texts[i]:
                break
    # no closing (it was forgotten): the signature is still there, after "(signed)" or, failing
    # that, the last short blocks beginning with the name of a known official
    if BlockKind.SIGNATURE not in kinds:
        signed = [i for i in range(n) if kinds[i] == BlockKind.SIGNED]
        start = None
        if signed:
            start = signed[-1] + 1
        else:
            for i in range(n - 1, max(-1, n - 4), -1):
                if free[i] and kinds[i] == BlockKind.PARAGRAPH and len(texts[i]) < 160 \
                        and _is_official_name(_first_line(texts[i])):
                    start = i
                    break
        if start is not None:
            for i in range(start, n):
                if free[i] and kinds[i] == BlockKind.PARAGRAPH and texts[i] and len(texts[i]) < 160 \
                        and not blocks[i].is_list_item:
                    kinds[i] = BlockKind.SIGNATURE
                elif kinds[i] == BlockKind.PARAGRAPH and texts[i]:
                    break
    # heading-like block right after the date line when nothing else: leave as paragraph
    for b, k in zip(blocks, kinds):
        b.kind = k
    return doc.with_blocks(blocks)


def needs_classification(doc: Document) -> bool:
    """True when no block carries a letter part's kind (a letter read from a file, not rendered
    from a template; a reader may have marked a letterhead or headings only)."""
    parts = {BlockKind.DATE_LINE, BlockKind.SUBJECT, BlockKind.SALUTATION, BlockKind.CLOSING,
             BlockKind.SIGNATURE, BlockKind.REFERENCE}
    return not any(b.kind in parts for b in doc.blocks)


__all__ = ["classify", "needs_classification", "Block"]
