"""The language table: everything the program knows about a letter language, read from
``resources/languages/<code>.toml`` — one file per language, nothing in code.

An entry holds the language's names (in each interface language and in itself), direction,
script, babel locale, how the house writes dates, date lines and ranges, the header labels, the
salutation, closing and "(signed)" forms, the words the checker reads (deadline and event cues,
range words, letter parts), the spelling dictionaries, the DOCX language tags and fonts.
Month and weekday names are not in the table: they come from babel/CLDR through
:mod:`.dates` (``Language.months`` etc.), the table only adds variants babel does not know.

Adding a language is adding ``resources/languages/<code>.toml`` (and its templates); see
``docs/languages.md``.

Loading is lazy and cached: ``codes()`` lists the files without reading them, ``language(code)``
parses one file the first time it is asked for, and babel data and dictionaries are read only
when a letter in that language needs them — a French check does not pay for Chinese.
"""
from __future__ import annotations

import os
import pickle
import re
import tomllib
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path

from babel.core import get_global
from babel.localedata import resolve_locale_filename

from ..document import direction_of as _script_direction
from ..errors import DraftError
from ..resources import resources_dir

FOLDER = "languages"
INTERFACE_FALLBACK = "en"
REQUIRED_KEYS = ("code", "babel", "direction", "script", "names", "dates", "labels", "letter")
LABEL_KEYS = ("reference", "contact", "email", "telephone", "subject", "to")


class LanguageError(DraftError):
    """A language file that is missing or broken; the message names the file and the key."""


@dataclass(frozen=True, eq=False)
class Language:
    """One entry of the table. ``data`` is the parsed TOML; the properties give it names."""

    code: str
    data: dict = field(repr=False)
    path: Path | None = None

    # ---- identity -----------------------------------------------------------------------------
    @property
    def babel(self) -> str:
        return self.data["babel"]

    @property
    def direction(self) -> str:
        return self.data["direction"]

    @property
    def rtl(self) -> bool:
        return self.direction == "rtl"

    @property
    def script(self) -> str:
        return self.data["script"]

    @property
    def order(self) -> int:
        return int(self.data.get("order", 99))

    @property
    def interface(self) -> bool:
        """The program's own interface is translated into this language."""
        return bool(self.data.get("interface", False))

    def name(self, in_language: str | None = None) -> str:
        """The language's name in ``in_language`` (an interface language), or in itself."""
        names = self.data["names"]
        if in_language is None:
            return names.get("own") or self.code
        return names.get(in_language) or names.get(INTERFACE_FALLBACK) or names.get("own") or self.code

    @property
    def own_name(self) -> str:
        return self.name(None)

    # ---- letters --------------------------------------------------------------------------------
    @property
    def dates(self) -> dict:
        return self.data["dates"]

    @property
    def labels(self) -> dict:
        return self.data["labels"]

    def label(self, key: str) -> str:
        return self.labels[key]

    @property
    def colon(self) -> str:
        """What follows a label: ':' (no space before it in any of our languages), '：' in
        Chinese."""
        return self.labels.get("colon", ":")

    @property
    def letter(self) -> dict:
        return self.data["letter"]

    @property
    def salutation(self) -> list[str]:
        """The salutation's paragraphs (Arabic has two)."""
        value = self.letter["salutation"]
        return [value] if isinstance(value, str) else list(value)

    @property
    def closing(self) -> str:
        return self.letter["closing"]

    @property
    def signed(self) -> str:
        return self.letter["signed"]

    def courtesy(self, gender: str) -> str:
        """'Mme' / 'M.', 'Sra.' / 'Sr.', 'السيدة' / 'السيد'; '' when the gender is not known."""
        return self.letter.get("courtesy", {}).get(gender or "", "")

    # ---- what the checker reads -------------------------------------------------------------------
    @property
    def read(self) -> dict:
        return self.data.get("read", {})

    def words(self, key: str) -> list[str]:
        """A list of words or regex fragments of the ``[read]`` section (empty when absent)."""
        return list(self.read.get(key, ()))

    @property
    def parts(self) -> dict:
        """Regex fragments that recognise the letter's parts in text written elsewhere."""
        return self.data.get("parts", {})

    def part(self, key: str) -> list[str]:
        return list(self.parts.get(key, ()))

    @property
    def months(self) -> tuple[str, ...]:
        """The 12 month names as written in a date (babel/CLDR, format context: Russian
        'декабря')."""
        return cldr_months(self.babel, "format")

    @property
    def standalone_months(self) -> tuple[str, ...]:
        """The 12 month names standing alone (Russian 'декабрь')."""
        return cldr_months(self.babel, "stand-alone")

    @property
    def weekdays(self) -> tuple[str, ...]:
        """Monday..Sunday (babel/CLDR)."""
        return cldr_weekdays(self.babel, "format")

    @cached_property
    def month_lookup(self) -> dict[str, int]:
        """Every way this language writes a month (babel's names in both contexts, and the
        table's variants), lower-cased, to its number."""
        out: dict[str, int] = {}
        for names in (self.months, self.standalone_months):
            for i, n in enumerate(names, 1):
                if n and not n[0].isdigit():
                    out.setdefault(n.lower(), i)
        for key in ("month_variants", "non_standard_months"):
            for number, variants in self.read.get(key, {}).items():
                for v in variants:
                    out.setdefault(v.lower(), int(number))
        return out

    @cached_property
    def non_standard_months(self) -> dict[str, str]:
        """Month names read in dates but not written by the house (``[read]
        non_standard_months``), each with the house name (babel's)."""
        return {v: self.months[int(number) - 1]
                for number, variants in self.read.get("non_standard_months", {}).items() for v in variants}

    @cached_property
    def weekday_lookup(self) -> dict[str, int]:
        out = {n.lower(): i for i, n in enumerate(self.weekdays)}
        for number, variants in self.read.get("weekday_variants", {}).items():
            for v in variants:
                out.setdefault(v.lower(), int(number))
        return out

    # ---- spelling, DOCX -------------------------------------------------------------------------------
    @property
    def dictionaries(self) -> tuple[str, ...]:
        """Enchant dictionary tags, best first (``fr_FR``, ``es_ES``…)."""
        return tuple(self.data.get("spelling", {}).get("dictionaries", ()))

    @property
    def docx(self) -> dict:
        return self.data.get("docx", {})

    @property
    def fonts(self) -> dict:
        """``latin``, ``complex`` and ``east_asia`` font names (each with an ``*_alt`` name a
        Word machine without it may use), ``size`` and ``size_complex`` in points."""
        return self.data.get("fonts", {})

    def font(self, slot: str, default: str = "") -> str:
        return self.fonts.get(slot) or default


# ---------------------------------------------------------------- CLDR names, read safely
#
# python-babel issue #1234 (2.18 still affected): babel resolves a locale's aliased data into
# dictionaries shared with the root locale, so once a Chinese stand-alone month (``LLLL``) has
# been formatted, French, Spanish and Arabic stand-alone months come back in Chinese for the rest
# of the process. We never go through that cache: each locale's own CLDR data (the pickles babel
# ships) is read along the locale's parent chain, so the names cannot be corrupted by anything
# formatted before, here or elsewhere in the process (tests/core/locale/test_babel_1234.py).


@lru_cache(maxsize=None)
def _cldr_own(name: str) -> dict:
    """The locale's own CLDR data (not merged with its parents, never shared)."""
    try:
        with open(resolve_locale_filename(name), "rb") as fh:
            return pickle.load(fh)
    except (OSError, ValueError):
        return {}


def _cldr_chain(name: str) -> list[str]:
    chain = []
    while name and name != "root":
        chain.append(name)
        parent = get_global("parent_exceptions").get(name)
        name = parent or ("_".join(name.split("_")[:-1]) if "_" in name else "")
    return chain


def _cldr_names(locale: str, kind: str, context: str, width: str = "wide") -> dict | None:
    for name in _cldr_chain(locale):
        table = _cldr_own(name).get(kind, {}).get(context, {}).get(width)
        if isinstance(table, dict) and table:
            return table
    return None


@lru_cache(maxsize=None)
def cldr_months(locale: str, context: str = "format") -> tuple[str, ...]:
    """January..December of a babel locale ('format': inside a date; 'stand-alone')."""
    table = _cldr_names(locale, "months", context) or _cldr_names(locale, "months", "format") or {}
    return tuple(table.get(i, str(i)) for i in range(1, 13))


@lru_cache(maxsize=None)
def cldr_weekdays(locale: str, context: str = "format") -> tuple[str, ...]:
    """Monday..Sunday of a babel locale."""
    table = _cldr_names(locale, "days", context) or _cldr_names(locale, "days", "format") or {}
    return tuple(table.get(i, str(i + 1)) for i in range(7))


def folder() -> Path:
    """resources/languages/ (found once per value of CIRCULAR_STUDIO_RESOURCES: the checks ask
    for a language thousands of times a letter, and finding the folder stats the disk)."""
    return _folder(os.environ.get("CIRCULAR_STUDIO_RESOURCES"))


@lru_cache(maxsize=8)
def _folder(_env: str | None) -> Path:
    return resources_dir() / FOLDER


@lru_cache(maxsize=4)
def _codes(root: Path) -> tuple[str, ...]:
    if not root.is_dir():
        return ()
    return tuple(sorted(p.stem for p in root.glob("*.toml")))


def codes() -> tuple[str, ...]:
    """The codes of every language in the table (file names; no file is read), in table order
    once their entries are read: see :func:`ordered`."""
    return _codes(folder())


def _check(code: str, data: dict, path: Path) -> None:
    missing = [k for k in REQUIRED_KEYS if k not in data]
    if missing:
        raise LanguageError(f"{path}: missing {', '.join(missing)}")
    if data["code"] != code:
        raise LanguageError(f"{path}: code = \"{data['code']}\" does not match the file name")
    if data["direction"] not in ("ltr", "rtl"):
        raise LanguageError(f"{path}: direction must be \"ltr\" or \"rtl\"")
    lacking = [k for k in LABEL_KEYS if k not in data["labels"]]
    if lacking:
        raise LanguageError(f"{path}: [labels] lacks {', '.join(lacking)}")
    for key in ("long", "line", "range_same_month", "range_same_year", "range_other"):
        if key not in data["dates"]:
            raise LanguageError(f"{path}: [dates] lacks {key}")
    for key in ("salutation", "closing", "signed"):
        if key not in data["letter"]:
            raise LanguageError(f"{path}: [letter] lacks {key}")


@lru_cache(maxsize=None)
def _load(path: Path) -> Language:
    try:
        with open(path, "rb") as fh:
            data = tomllib.load(fh)
    except FileNotFoundError:
        raise LanguageError(f"no language file {path}") from None
    except tomllib.TOMLDecodeError as exc:
        raise LanguageError(f"{path}: broken TOML: {exc}") from None
    _check(path.stem, data, path)
    return Language(path.stem, data, path)


def language(code: str) -> Language:
    """The table entry of ``code`` ('fr', 'zh'…; 'fr-FR' is read as 'fr')."""
    return _language(code, folder())


@lru_cache(maxsize=256)
def _language(code: str, root: Path) -> Language:
    base = base_code(code)
    if base not in _codes(root):
        raise LanguageError(f"unknown language '{code}' (the table has {', '.join(_codes(root)) or 'none'}; "
                            f"add resources/languages/{base}.toml)")
    return _load(root / f"{base}.toml")


def get(code: str | None) -> Language | None:
    """The entry of ``code``, or None for an unknown or empty code."""
    if not code or base_code(code) not in codes():
        return None
    return language(code)


def base_code(code: str) -> str:
    return re.split(r"[-_]", code or "")[0].lower()


def known(code: str | None) -> bool:
    return bool(code) and base_code(code) in codes()


def ordered() -> list[Language]:
    """Every entry, in the table's order (``order`` key), reading every file."""
    return sorted((language(c) for c in codes()), key=lambda lang: (lang.order, lang.code))


def interface_languages() -> tuple[str, ...]:
    """The languages the program's interface speaks."""
    return tuple(lang.code for lang in ordered() if lang.interface)


def direction_of(code: str) -> str:
    """'rtl' or 'ltr': the table's direction of ``code``; for a language not in the table,
    whether its script is written right to left."""
    entry = get(code)
    return entry.direction if entry is not None else _script_direction(code or "")


def by_script(script: str) -> list[Language]:
    return [lang for lang in ordered() if lang.script == script]


def clear_cache() -> None:
    """Forget the table (tests that point CIRCULAR_STUDIO_RESOURCES elsewhere)."""
    _codes.cache_clear()
    _load.cache_clear()
    _language.cache_clear()
    _folder.cache_clear()
