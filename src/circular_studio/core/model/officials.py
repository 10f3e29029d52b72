"""Signatories as data: who held which office when, and the title in each language and gender.

The facts live in resources/officials.json; this module only answers questions about them.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache

from ..resources import load_json


@dataclass(frozen=True)
class Term:
    office: str
    start: dt.date
    end: dt.date | None

    def covers(self, day: dt.date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)


@dataclass(frozen=True)
class Official:
    id: str
    gender: str  # "f" or "m"
    names: dict[str, str]
    terms: tuple[Term, ...]

    def name(self, language: str) -> str:
        return self.names.get(language) or self.names["en"]

    def office_on(self, day: dt.date) -> str | None:
        """The office held on ``day``, or None when out of office."""
        for term in self.terms:
            if term.covers(day):
                return term.office
        return None

    def title(self, language: str, day: dt.date | None = None, office: str | None = None,
              long: bool = False) -> str:
        """The title of the office held on ``day`` (or of ``office``), agreeing with the gender."""
        office = office or (self.office_on(day) if day else self.terms[-1].office)
        if office is None:
            raise LookupError(f"{self.name('en')} held no office on {day}")
        return office_title(office, language, self.gender, long=long)


def office_title(office: str, language: str, gender: str, long: bool = False) -> str:
    data = load_json("officials.json")["offices"][office]
    table = data.get("long_titles" if long else "titles") or data["titles"]
    per_lang = table.get(language) or table["en"]
    return per_lang[gender]


def _date(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


@lru_cache(maxsize=1)
def all_officials() -> tuple[Official, ...]:
    out = []
    for row in load_json("officials.json")["officials"]:
        terms = tuple(Term(t["office"], _date(t["start"]), _date(t.get("end"))) for t in row["offices"])
        out.append(Official(row["id"], row["gender"], dict(row["names"]), terms))
    return tuple(out)


def official(official_id: str) -> Official:
    for o in all_officials():
        if o.id == official_id:
            return o
    raise KeyError(official_id)


def in_office(day: dt.date) -> list[Official]:
    """Officials holding an office on ``day`` (the signatory picker offers only these)."""
    return [o for o in all_officials() if o.office_on(day)]


def all_titles() -> dict[str, list[tuple[str, str, str]]]:
    """language -> [(title, office, gender)], longest first, for finding titles in text."""
    out: dict[str, list[tuple[str, str, str]]] = {}
    for office, data in load_json("officials.json")["offices"].items():
        for key in ("titles", "long_titles"):
            for lang, by_gender in data.get(key, {}).items():
                for gender, title in by_gender.items():
                    out.setdefault(lang, []).append((title, office, gender))
    for rows in out.values():
        rows.sort(key=lambda r: -len(r[0]))
    return out
