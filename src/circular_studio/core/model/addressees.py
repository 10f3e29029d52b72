"""Addressees: the Member States register, addressee lists from CSV/XLSX, and the grammar of names.

The register (resources/registers/member_states.json, built by scripts/build_register.py from
CLDR and iso-codes plus a hand-kept overrides file) gives, per language, an addressee's names:

``formal``  the full formal name for running text, without article ("République de Corée")
``short``   the short name for running text ("République de Corée", "Royaume-Uni", "Japon")
``list``    the sorting form of the organisation's lists ("Corée (République de)")
``common``  the everyday name (CLDR), used to recognise the addressee in text

and for ``formal`` and ``short`` the grammar that templates need (article, gender, number,
elision). The short name is the default everywhere (it is the UN's name for running text);
``form="formal"`` asks for the formal one. This module turns that into phrases: :func:`to` ("à l'État de Palestine",
"au Royaume-Uni", "al Reino Unido", "to the United Kingdom"), :func:`of` ("de l'Inde",
"du Japon", "des Pays-Bas"), :func:`name` and :func:`the` ("les Émirats arabes unis").
It also finds near-misses of register names in a text (:func:`misspelt_addressee`).

Nothing here imports Qt.
"""
from __future__ import annotations

import csv
import io
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Mapping

from ..errors import StudioError
from ..locale import grammar as grammar_of
from ..locale import languages
from ..resources import load_json

REGISTER_FILE = "registers/member_states.json"
LANGUAGES = ("ar", "en", "es", "fr", "ru", "zh")
NAME_FORMS = ("formal", "short", "list", "common")
GRAMMAR_FORMS = ("formal", "short")  # the forms that carry an article and take to/of


class AddresseeError(StudioError, LookupError):
    """An addressee that cannot be found, or an addressee list that cannot be read.

    ``user_message`` is the sentence to show; ``row`` the 1-based row of the file (header = 1)
    when the problem is in one row."""

    def __init__(self, user_message: str, *, path: str | Path | None = None, row: int | None = None):
        self.user_message = user_message
        self.path = str(path) if path is not None else None
        self.row = row
        super().__init__(user_message)


# ---------------------------------------------------------------------------------------------
# Grammar of a name in one language (pure functions; the builder uses them too)

_FR_VOWELS = set("aeiouâàäéèêëîïôöûùüœæ")


def fr_elides(word: str, mute_h: bool = False) -> bool:
    """Whether French elides "le/la/de" before ``word`` (a vowel, or a mute h when told so)."""
    first = word[:1].lower()
    return first in _FR_VOWELS or (first == "h" and mute_h)


def fr_article(gender: str, number: str, elision: bool) -> str:
    """The French definite article: "les", "l'", "la" or "le"."""
    if number == "pl":
        return "les"
    if elision:
        return "l'"
    return "la" if gender == "f" else "le"


def _join(article: str, name: str) -> str:
    if not article:
        return name
    return article + name if article.endswith("'") else f"{article} {name}"


def phrase(name: str, lang: str, grammar: Mapping | None, kind: str) -> str:
    """``kind`` = "the" (name with its article), "to" or "of", for a name with ``grammar``
    (its ``article``, "" for none, and in French its ``elision``; Russian case forms
    ``dative``/``genitive`` when known). How the language builds the phrase is the language
    table's ``[grammar]`` (core/locale/grammar.py)."""
    g = grammar or {}
    article = g.get("article", "") or ""
    if kind == "the":
        return _join(article, name)
    declined = grammar_of.case(kind, lang)
    if declined:
        return g.get(declined) or name
    prep = grammar_of.preposition(kind, lang)
    if not prep:
        return name
    fused = grammar_of.contract(prep, article, lang)
    if fused:
        return f"{fused} {name}"
    elided = grammar_of.elided_of(lang) if kind == "of" else None
    if elided and not article and g.get("elision"):
        return elided + name
    return f"{prep} {_join(article, name)}"


# ---------------------------------------------------------------------------------------------
# Addressees


@dataclass(frozen=True)
class Addressee:
    """One addressee: a register entry or a row of an addressee list."""

    id: str
    names: Mapping[str, Mapping]  # lang -> {"formal":…, "short":…, "grammar": {form: {...}}}
    status: str = "member"  # member | observer | other (a row of a file)
    verified: bool = False
    email: str = ""
    greeting: Mapping[str, str] = field(default_factory=dict)  # lang -> greeting
    alpha2: str = ""

    def __bool__(self) -> bool:
        """The placeholder a letter shows before an addressee is chosen is false in ``{% if
        addressee %}``, like a fact not yet typed, so a clause writes its words for "no addressee"."""
        return self.id != PLACEHOLDER_ID

    def languages(self) -> tuple[str, ...]:
        return tuple(lang for lang, n in self.names.items() if n.get("formal") or n.get("short"))

    def has_name(self, lang: str) -> bool:
        n = self.names.get(lang) or {}
        return bool(n.get("formal") or n.get("short"))

    def name(self, lang: str, form: str = "formal") -> str:
        if form not in NAME_FORMS:
            raise ValueError(f"unknown name form {form!r} (use one of {', '.join(NAME_FORMS)})")
        n = self.names.get(lang) or {}
        text = n.get(form) or n.get("formal") or n.get("short")
        if not text:
            raise AddresseeError(f"{self.id} has no name in {lang}")
        return text

    def grammar(self, lang: str, form: str = "formal") -> dict:
        n = self.names.get(lang) or {}
        g = (n.get("grammar") or {})
        return dict(g.get(form) or g.get("formal") or {})

    def phrase(self, lang: str, kind: str, form: str = "formal") -> str:
        if form not in GRAMMAR_FORMS:
            form = "formal"
        g = self.grammar(lang, form)
        stored = g.get(kind)
        return stored or phrase(self.name(lang, form), lang, g, kind)

    def __str__(self) -> str:  # what "{{ addressee }}" prints: the English short name
        try:
            return self.name("en", "short")
        except AddresseeError:
            return self.id


PLACEHOLDER_ID = "addressee"


def placeholder(language: str = "en") -> Addressee:
    """The addressee a series letter shows before one is chosen ("à [Destinataire]")."""
    entry = languages.get(language) or languages.get("en")
    text = entry.letter.get("placeholder_addressee", "[Addressee]")
    g = {"article": ""}
    names = {lang: {"formal": text, "short": text, "grammar": {"formal": g, "short": g}} for lang in LANGUAGES}
    return Addressee(id=PLACEHOLDER_ID, names=names, status="other")


def _entry_to_addressee(key: str, e: Mapping) -> Addressee:
    return Addressee(id=key, names=e.get("names", {}), status=e.get("status", "member"),
                     verified=bool(e.get("verified")), alpha2=e.get("alpha2", ""))


@lru_cache(maxsize=1)
def register() -> dict[str, Addressee]:
    """The Member States register, id -> Addressee, read once per process."""
    data = load_json(REGISTER_FILE)
    return {key: _entry_to_addressee(key, e) for key, e in data["entries"].items()}


def member_states(include_observers: bool = True) -> list[Addressee]:
    """The register's entries in id order (observers such as the State of Palestine included
    unless told otherwise)."""
    return [a for a in register().values() if include_observers or a.status == "member"]


def _fold(text: str) -> str:
    """Case- and accent-insensitive key (Arabic: without vowel marks, alef/yaa/taa marbuta folded)."""
    text = unicodedata.normalize("NFKD", text.replace("’", "'"))
    text = "".join(c for c in text if not unicodedata.combining(c) and c not in "\u0640")
    text = text.translate(_AR_FOLD)
    return " ".join(text.casefold().split())


_AR_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي"})


@lru_cache(maxsize=1)
def _name_index() -> dict[str, str]:
    index: dict[str, str] = {}
    for a in register().values():
        index.setdefault(_fold(a.id), a.id)
        if a.alpha2:
            index.setdefault(_fold(a.alpha2), a.id)
        for n in a.names.values():
            for form in NAME_FORMS:
                if n.get(form):
                    index.setdefault(_fold(n[form]), a.id)
    return index


def lookup(key: str) -> Addressee:
    """A register entry by id ("pse"), ISO code ("PS") or any of its names in any language
    ("État de Palestine", "Etat de Palestine", "دولة فلسطين"), ignoring case and accents."""
    reg = register()
    if key in reg:
        return reg[key]
    found = _name_index().get(_fold(key))
    if found is None:
        raise AddresseeError(f"no addressee '{key}' in the Member States register")
    return reg[found]


AddresseeLike = "Addressee | str | Mapping"


def resolve(addr) -> Addressee:
    """An Addressee from an Addressee, a register id or name, or a mapping with an ``id``."""
    if isinstance(addr, Addressee):
        return addr
    if isinstance(addr, str):
        return lookup(addr)
    if isinstance(addr, Mapping) and "id" in addr:
        if "names" in addr:
            return Addressee(id=addr["id"], names=addr["names"], status=addr.get("status", "other"))
        return lookup(addr["id"])
    raise AddresseeError(f"not an addressee: {addr!r}")


def _cap(text: str, capital: bool) -> str:
    return text[:1].upper() + text[1:] if capital and text else text


def name(addr, lang: str, form: str = "short") -> str:
    """The name in ``lang``: form "short" (default: "République de Corée", "Royaume-Uni"),
    "formal" ("Royaume-Uni de Grande-Bretagne et d'Irlande du Nord"), "list" or "common"."""
    return resolve(addr).name(lang, form)


def the(addr, lang: str, form: str = "short", capital: bool = False) -> str:
    """The name with its article: "l'État de Palestine", "les Pays-Bas", "the United Kingdom"."""
    return _cap(resolve(addr).phrase(lang, "the", form), capital)


def to(addr, lang: str, form: str = "short", capital: bool = False) -> str:
    """"à l'État de Palestine", "au Royaume-Uni", "aux Émirats arabes unis", "à Cuba",
    "al Reino Unido", "to the United Kingdom", "إلى دولة فلسطين". ``capital`` for a line start
    ("À l'État de Palestine")."""
    return _cap(resolve(addr).phrase(lang, "to", form), capital)


def of(addr, lang: str, form: str = "short", capital: bool = False) -> str:
    """"de l'Inde", "du Japon", "des Pays-Bas", "d'Haïti", "del Reino Unido", "of the …"."""
    return _cap(resolve(addr).phrase(lang, "of", form), capital)


# ---------------------------------------------------------------------------------------------
# Addressee lists from CSV / XLSX

REQUIRED_COLUMNS = ("id",)


@dataclass
class AddresseeList:
    addressees: list[Addressee]
    problems: list[str]  # one sentence per skipped row, naming the row
    source: str = ""

    def __iter__(self):
        return iter(self.addressees)

    def __len__(self):
        return len(self.addressees)


def _rows_from_csv(path: Path) -> list[list[str]]:
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        row = raw[:exc.start].count(b"\n") + 1
        raise AddresseeError(
            f"{path.name}: row {row} is not UTF-8 text (byte 0x{raw[exc.start]:02x}); "
            "save the file as 'CSV UTF-8' and try again", path=path, row=row) from None
    sample = text[:4096]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    return [row for row in csv.reader(io.StringIO(text), dialect)]


def _rows_from_xlsx(path: Path) -> list[list[str]]:
    try:
        import openpyxl
    except ImportError:  # pragma: no cover - openpyxl is a dependency
        raise AddresseeError(f"{path.name}: reading .xlsx needs openpyxl; save the list as CSV",
                             path=path) from None
    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds (zipfile, KeyError, InvalidFileException)
        raise AddresseeError(f"{path.name}: not a readable Excel workbook ({exc})", path=path) from None
    try:
        sheet = book.worksheets[0]
        rows = [["" if v is None else str(v) for v in row] for row in sheet.iter_rows(values_only=True)]
    finally:
        book.close()
    return rows


def read_addressees(path: str | Path, languages: Iterable[str] = ("fr",)) -> AddresseeList:
    """Read an addressee list: columns ``id``, ``name_<lang>`` (name_fr, name_ar…), optional
    ``greeting`` or ``greeting_<lang>``, ``email``. A row whose id is a register id takes the
    register's names and grammar for languages the row leaves empty.

    Raises AddresseeError for a file that cannot be read at all (missing, wrong encoding, no
    ``id`` column, no name column for a requested language). A bad row (empty or duplicate id,
    no name in a requested language) is skipped with a sentence in ``problems``; others are kept."""
    path = Path(path)
    languages = tuple(languages)
    if not path.is_file():
        raise AddresseeError(f"{path}: no such file", path=path)
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        rows = _rows_from_xlsx(path)
    elif suffix in (".csv", ".txt", ".tsv"):
        rows = _rows_from_csv(path)
    else:
        raise AddresseeError(f"{path.name}: addressee lists are .csv or .xlsx files", path=path)
    rows = [r for r in rows if any(c.strip() for c in r)]
    if not rows:
        raise AddresseeError(f"{path.name}: the file is empty", path=path)
    header = [h.strip().lower() for h in rows[0]]
    for col in REQUIRED_COLUMNS:
        if col not in header:
            raise AddresseeError(f"{path.name}: no '{col}' column (row 1 has: {', '.join(h for h in header if h) or 'nothing'})",
                                 path=path, row=1)
    reg = register()
    name_cols = {h[5:]: i for i, h in enumerate(header) if h.startswith("name_") and h[5:]}
    if "name" in header and "name_en" not in name_cols:
        name_cols["en"] = header.index("name")
    missing = [lang for lang in languages if lang not in name_cols]
    ids_in_register = all((r[header.index("id")].strip().lower() in reg) for r in rows[1:]
                          if len(r) > header.index("id"))
    if missing and not ids_in_register:
        raise AddresseeError(
            f"{path.name}: no name column for {', '.join(missing)} (expected "
            f"{', '.join('name_' + m for m in missing)} in row 1)", path=path, row=1)

    def cell(row: list[str], col: str | int | None) -> str:
        i = header.index(col) if isinstance(col, str) else col
        return row[i].strip() if i is not None and i < len(row) else ""

    out: list[Addressee] = []
    problems: list[str] = []
    seen: dict[str, int] = {}
    for number, row in enumerate(rows[1:], start=2):
        ident = cell(row, "id")
        if not ident:
            problems.append(f"{path.name}, row {number}: no id; row skipped")
            continue
        key = ident.lower()
        if key in seen:
            problems.append(f"{path.name}, row {number}: id '{ident}' already used on row {seen[key]}; row skipped")
            continue
        base = reg.get(key)
        names: dict[str, dict] = {}
        for lang, i in name_cols.items():
            text = cell(row, i)
            if text:
                names[lang] = _file_name(text, lang)
        if base is not None:
            for lang in LANGUAGES:
                names.setdefault(lang, dict(base.names.get(lang, {})))
        lacking = [lang for lang in languages if not (names.get(lang) or {}).get("formal")]
        if lacking:
            problems.append(f"{path.name}, row {number} ('{ident}'): no name in "
                            f"{', '.join(lacking)}; row skipped")
            continue
        seen[key] = number
        greetings = {lang: cell(row, f"greeting_{lang}") for lang in LANGUAGES
                     if f"greeting_{lang}" in header and cell(row, f"greeting_{lang}")}
        if "greeting" in header and cell(row, "greeting"):
            for lang in languages:
                greetings.setdefault(lang, cell(row, "greeting"))
        out.append(Addressee(id=key, names=names, status=base.status if base else "other",
                             verified=base.verified if base else False,
                             email=cell(row, "email") if "email" in header else "",
                             greeting=greetings, alpha2=base.alpha2 if base else ""))
    return AddresseeList(out, problems, source=str(path))


_FR_ARTICLE = re.compile(r"^(les|la|le|l['’])\s*(?=\S)", re.IGNORECASE)
_ES_ARTICLE = re.compile(r"^(el|la|los|las)\s+(?=\S)", re.IGNORECASE)
_EN_ARTICLE = re.compile(r"^(the)\s+(?=\S)", re.IGNORECASE)


def _file_name(text: str, lang: str) -> dict:
    """A name typed in a list, with its article if it has one ("l'Union africaine")."""
    article = ""
    pattern = {"fr": _FR_ARTICLE, "es": _ES_ARTICLE, "en": _EN_ARTICLE}.get(lang)
    m = pattern.match(text) if pattern else None
    if m:
        article = m.group(1).lower().replace("’", "'")
        text = text[m.end():]
    g = {"article": article}
    if lang == "fr":
        g["elision"] = fr_elides(text)
    return {"formal": text, "short": text, "grammar": {"formal": g, "short": g}}


# ---------------------------------------------------------------------------------------------
# The checker hook: near-misses of register names


@dataclass(frozen=True)
class _Target:
    id: str
    form: str
    exact: str


@lru_cache(maxsize=65536)
def _fold_char(ch: str) -> str:
    """_fold of one character, remembered: a letter uses a few hundred distinct characters, and
    folding each of 80,000 afresh took a second."""
    return _fold(ch) if not ch.isspace() else " "


def _fold_map(text: str) -> tuple[str, list[int]]:
    """The folded text and, for each folded character, the index of its source character."""
    out: list[str] = []
    where: list[int] = []
    for i, ch in enumerate(text):
        f = _fold_char(ch)
        for c in f:
            out.append(c)
            where.append(i)
    return "".join(out), where


@lru_cache(maxsize=8)
def _targets(lang: str) -> tuple[re.Pattern | None, dict[str, _Target]]:
    by_fold: dict[str, _Target] = {}
    for a in register().values():
        n = a.names.get(lang) or {}
        for form in NAME_FORMS:
            exact = n.get(form)
            if exact and len(exact) > 3:
                by_fold.setdefault(_fold(exact), _Target(a.id, form, exact))
    if not by_fold:
        return None, {}
    alternatives = sorted(by_fold, key=len, reverse=True)
    body = "|".join(re.escape(k).replace(r"\ ", r"\s+") for k in alternatives)
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])"), by_fold


_FR_PREP = re.compile(r"(?:(?<![\w-])(à|au|aux|de|du|des)\s+(?:(le|la|les)\s+|(l['’]))?|(?<![\w-])(d['’]))$",
                      re.IGNORECASE)


_AR_MARKS = re.compile("[\u064b-\u065f\u0670\u0640]")  # vowel marks and tatweel: optional in Arabic


def _acceptable(found: str, exact: str) -> bool:
    found = " ".join(_AR_MARKS.sub("", found.replace("’", "'")).split())
    return found in (exact, exact.upper(), exact[:1].upper() + exact[1:])


def misspelt_addressee(text: str, lang: str) -> list[tuple[tuple[int, int], str]]:
    """Near-misses of register names in ``text``: ``[((start, end), expected), …]``.

    Finds a name written without its accents or with other letter variants ("Etat de Palestine"
    for "État de Palestine", Arabic "دوله فلسطين"), and in French and Spanish a wrong
    preposition + article before a register name ("à le Royaume-Uni" for "au Royaume-Uni",
    "de Haïti" for "d'Haïti", "a el Reino Unido"). Only capitalised occurrences count as names
    (so "chili" the dish is not "Chili")."""
    pattern, by_fold = _targets(lang)
    if pattern is None:
        return []
    folded, where = _fold_map(text)
    findings: list[tuple[tuple[int, int], str]] = []
    for m in pattern.finditer(folded):
        target = by_fold.get(" ".join(m.group(0).split()))
        if target is None:
            continue
        start, end = where[m.start()], where[m.end() - 1] + 1
        found = text[start:end]
        if not found[:1].isupper() and found[:1].lower() != found[:1].upper():
            continue  # a lower-case word that happens to spell a name
        expected = target.exact
        name_ok = _acceptable(found, expected)
        span_start = start
        phrase_expected = None
        if lang in ("fr", "es") and target.form in GRAMMAR_FORMS:
            addr = register()[target.id]
            before = text[max(0, start - 12):start]
            if lang == "fr":
                pm = _FR_PREP.search(before)
                if pm:
                    prep = (pm.group(1) or pm.group(4) or "").lower().replace("’", "'")
                    article = (pm.group(2) or pm.group(3) or "").lower().replace("’", "'")
                    kind = "to" if prep in ("à", "au", "aux") else "of"
                    wanted = addr.phrase(lang, kind, target.form)
                    written = f"{prep}{'' if prep.endswith(chr(39)) else ' '}{article}{'' if article.endswith(chr(39)) or not article else ' '}"
                    g = addr.grammar(lang, target.form)
                    bare_de = kind == "of" and prep in ("de", "d'") and not article
                    # "de"/"d'" without article is also how a name is nested in another
                    # ("République de Guinée"); only the elision is then checked
                    if bare_de and (g.get("article") or prep == ("d'" if g.get("elision") else "de")):
                        pass
                    elif _fold(written + expected) != _fold(wanted):
                        phrase_expected = wanted
                        span_start = max(0, start - 12) + pm.start()
            else:
                pm = re.search(r"(?<![\w-])(a|al|de|del)\s+(?:(el|la|los|las)\s+)?$", before, re.IGNORECASE)
                if pm and (pm.group(2) or pm.group(1).lower() in ("al", "del")):
                    prep = pm.group(1).lower()
                    kind = "to" if prep in ("a", "al") else "of"
                    wanted = addr.phrase(lang, kind, target.form)
                    written = " ".join(filter(None, [prep, (pm.group(2) or "").lower()])) + " "
                    if _fold(written + expected) != _fold(wanted):
                        phrase_expected = wanted
                        span_start = max(0, start - 12) + pm.start()
        if phrase_expected is not None:
            findings.append(((span_start, end), phrase_expected))
        elif not name_ok:
            findings.append(((start, end), expected))
    return findings
