"""The registry of checks. Each check is a small function with a stable code (never reused),
a severity, a message in English, French and Arabic, documentation and good/bad examples that run as
tests (tests/checks/test_catalogue_examples.py)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator

from .finding import Severity

_CODE = re.compile(r"^[A-Z]+\d{3}$")


@dataclass(frozen=True)
class Hit:
    """What a check function yields: a span in one block, message arguments, an optional fix."""

    block: int
    start: int
    end: int
    fix: str | None = None
    args: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Example:
    """A bad text the check must flag and a good text it must not flag. ``text`` is Markdown;
    ``fields`` are draft facts (letter_date, signatory…) given to the check as if from a draft."""

    language: str
    bad: str
    good: str
    fields: dict | None = None
    letter_type: str | None = None
    options: dict | None = None  # {"direction": "ltr"}: every block gets that direction, as from a .docx


@dataclass(frozen=True)
class Check:
    code: str
    name: str
    family: str
    severity: Severity
    messages: dict  # language -> str.format template
    func: Callable[..., Iterable[Hit]]
    what: str
    why: str
    fix: str
    examples: tuple[Example, ...]
    languages: frozenset | None = None  # None: every language
    needs_bidi_display: bool = False
    profiles: frozenset | None = None  # None: every style profile; {"itu"}: a house rule

    def applies_to_profile(self, profile: str) -> bool:
        return self.profiles is None or profile in self.profiles

    def message(self, lang: str, args: dict) -> str:
        template = self.messages.get(lang) or self.messages["en"]
        try:
            return template.format(**args)
        except (KeyError, IndexError, ValueError):
            return template

    def applies_to(self, language: str) -> bool:
        return self.languages is None or language in self.languages


# Style profiles: "itu", the house style of ITU letters (the default); "other", text of another
# publisher (another UN body's French puts a space before ":"), where only the house rules are off.
PROFILES = ("itu", "other")
DEFAULT_PROFILE = "itu"

REGISTRY: dict[str, Check] = {}
RETIRED: set[str] = set()  # codes once used and withdrawn: never reuse them


def register(code: str, name: str, *, family: str, severity: str, en: str, fr: str,
             what: str, why: str, fix: str, examples: list[Example],
             languages: Iterable[str] | None = None, ar: str | None = None,
             needs_bidi_display: bool = False, profiles: Iterable[str] | None = None):
    """Decorator registering ``func(ctx) -> Iterable[Hit]`` as check ``code``.

    ``profiles``: the style profiles the check belongs to (``PROFILES``); a house rule of the ITU
    (no space before ":" in French) is ``["itu"]`` and stays silent on other publishers' text."""
    if profiles is not None and not set(profiles) <= set(PROFILES):
        raise ValueError(f"unknown profile in {profiles!r}")
    if not _CODE.match(code):
        raise ValueError(f"bad check code {code!r}")
    if code in REGISTRY or code in RETIRED:
        raise ValueError(f"check code {code} already used")

    def deco(func):
        messages = {"en": en, "fr": fr}
        if ar:
            messages["ar"] = ar
        REGISTRY[code] = Check(code, name, family, Severity(severity), messages, func, what, why,
                               fix, tuple(examples),
                               frozenset(languages) if languages is not None else None,
                               needs_bidi_display,
                               frozenset(profiles) if profiles is not None else None)
        return func

    return deco


def all_checks() -> list[Check]:
    """Every registered check; the families register when ``circular_studio.core.checks`` is
    imported (its ``__init__`` imports them)."""
    return sorted(REGISTRY.values(), key=lambda c: c.code)


def code_matches(code: str, patterns: Iterable[str]) -> bool:
    """True if ``code`` equals or starts with one of ``patterns`` (``"SPELL"``, ``"DATE00"``…)."""
    code = code.upper()
    return any(code.startswith(p.strip().upper()) for p in patterns if p.strip())


def split_codes(values: Iterable[str] | str | None) -> list[str]:
    """"A,B" "C" → ["A", "B", "C"]."""
    if values is None:
        return []
    if isinstance(values, str):
        values = [values]
    out: list[str] = []
    for v in values:
        out.extend(p.strip().upper() for p in re.split(r"[,\s]+", v) if p.strip())
    return out


def iter_hits(hits: Iterable[Hit] | None) -> Iterator[Hit]:
    return iter(hits or ())
