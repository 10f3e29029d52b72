"""Finding dates, ranges, weekdays in letter text, and the cues that make a date the letter's
event or its deadline — in every language of the table.

Nothing here names a language: month and weekday names come from babel/CLDR and the variants,
range words, ordinals and cue words from the language table (``[read]`` of
resources/languages/*.toml). A :class:`Reader` is built for the set of languages a letter uses
(the first time that set is seen), so a French letter never loads Chinese data.
"""
from __future__ import annotations

import bisect
import calendar
import datetime as dt
import re
from dataclasses import dataclass
from functools import cached_property, lru_cache

from . import languages
from ..caching import text_cache

_D = r"[0-9٠-٩]{1,2}"
_Y = r"[0-9٠-٩]{4}"
_DASHES = ["-", "–", "—"]
_STOPS = ".!?؟。！？\n"  # sentence ends: a cue belongs to the date's sentence
_LATIN_PREFIX = r"(?<!\w)"


def _alt(names) -> str:
    return "|".join(re.escape(n) for n in sorted(set(names), key=len, reverse=True))


def _rx_alt(fragments) -> str:
    """Regex fragments (the table's cue words) as one alternation, longest first."""
    return "|".join(sorted(set(fragments), key=len, reverse=True))


class Reader:
    """The regexes that read dates and cues in a set of languages."""

    def __init__(self, codes: frozenset[str]):
        self.codes = codes
        self.entries = [languages.language(c) for c in sorted(codes)]

    @cached_property
    def month_num(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for e in self.entries:
            for name, i in e.month_lookup.items():
                out.setdefault(name, i)
        return out

    @cached_property
    def weekday_num(self) -> dict[str, tuple[int, str]]:
        out: dict[str, tuple[int, str]] = {}
        for e in self.entries:
            for name, i in e.weekday_lookup.items():
                out.setdefault(name, (i, e.code))
        return out

    def _words(self, key: str) -> list[str]:
        return [w for e in self.entries for w in e.words(key)]

    @cached_property
    def range_words(self) -> list[str]:
        return self._words("range_words")

    @cached_property
    def list_words(self) -> frozenset[str]:
        return frozenset(w.lower() for w in self._words("list_words"))

    @cached_property
    def day_first(self) -> re.Pattern:
        """[weekday[,]] [le|the|el] D[ord] [sep D2] [of|de] MONTH [[,|de] YEAR]"""
        wd = _alt(self.weekday_num) or "(?!)"
        month = _alt(self.month_num) or "(?!)"
        ords = _alt(self._words("ordinals"))
        ordinal = f"(?:{ords})?" if ords else ""
        seps = _alt(_DASHES + self.range_words + sorted(self.list_words))
        articles = _alt(self._words("day_articles"))
        article = rf"(?:(?:{articles})\s+)?" if articles else ""
        before_month = _alt(self._words("before_month"))
        of = rf"(?:(?:{before_month})\s+)?" if before_month else ""
        before_year = _alt(self._words("before_year"))
        year_sep = rf"(?:\s*,?\s*|\s+(?:{before_year})\s+)" if before_year else r"\s*,?\s*"
        return re.compile(
            rf"(?<![\w/.-])(?:(?P<wd>{wd})(?:\s*[,،，]\s*|\s+){article})?"
            rf"(?P<d>{_D}){ordinal}(?:\s*(?P<sep>{seps})\s*(?:(?P<wd2>{wd})\s*[,،]?\s*)?(?P<d2>{_D}){ordinal})?"
            rf"\s+{of}(?P<m>{month})(?![\w])(?:{year_sep}(?P<y>{_Y})(?![\w]))?", re.I)

    @cached_property
    def month_first(self) -> re.Pattern | None:
        """[weekday,] MONTH D[ord][-D2], YEAR — for the languages that write it (US English)."""
        entries = [e for e in self.entries if e.read.get("month_first")]
        if not entries:
            return None
        months = _alt(n for e in entries for n in e.months)
        wd = _alt(n for e in entries for n in e.weekday_lookup)
        ords = _alt(w for e in entries for w in e.words("ordinals"))
        ordinal = f"(?:{ords})?" if ords else ""
        seps = _alt(_DASHES + [w for e in entries for w in e.words("range_words")])
        return re.compile(
            rf"(?<![\w])(?:(?P<wd>(?i:{wd}))\s*,?\s+)?(?P<m>{months})\s+(?P<d>{_D}){ordinal}"
            rf"(?:\s*(?P<sep>{seps})\s*(?P<d2>{_D}){ordinal})?(?:\s*,?\s*(?P<y>{_Y}))?(?![\w])")

    @cached_property
    def numeric(self) -> list[re.Pattern]:
        """The table's own date patterns (Chinese 2019年12月6日)."""
        return [re.compile(p) for p in self._words("date_patterns")]

    @cached_property
    def between_range(self) -> re.Pattern:
        words = _alt(_DASHES + self.range_words)
        return re.compile(rf"^\s*(?:{words})\s*$", re.I)

    def _cues(self, key: str) -> str:
        parts = []
        for e in self.entries:
            words = e.words(key)
            if words:
                prefix = e.read.get("cue_prefix", _LATIN_PREFIX)
                parts.append(f"{prefix}(?:{_rx_alt(words)})")
        return "|".join(parts) or "(?!)"

    @cached_property
    def deadline_cues(self) -> re.Pattern:
        return re.compile(rf"(?:{self._cues('deadline_cues')})(?:[^{_STOPS}]{{0,40}})$", re.I)

    @cached_property
    def event_cues(self) -> re.Pattern:
        return re.compile(rf"(?:{self._cues('event_cues')})[^{_STOPS}]*$", re.I)

    def month(self, name: str) -> int:
        return self.month_num[name.lower().rstrip(".")]

    def weekday(self, name: str) -> tuple[int, str] | None:
        return self.weekday_num.get(name.lower()) if name else None


@lru_cache(maxsize=16)
def _reader(codes: frozenset[str]) -> Reader:
    return Reader(codes)


def reader(codes=None) -> Reader:
    """The reader of ``codes`` (languages of the table; unknown codes are skipped); every
    language of the table when None."""
    wanted = languages.codes() if codes is None else codes
    return _reader(frozenset(languages.base_code(c) for c in wanted if languages.known(c)))


# The years a letter's date can be in. A year outside (0000, 2204, 1024) is a typing error the
# checks report (DATE010); no other check reasons with it, so none fails on it.
FIRST_YEAR, LAST_YEAR = 1900, 2100


def plausible_year(year: int | None) -> bool:
    return year is not None and FIRST_YEAR <= year <= LAST_YEAR


def to_int(s: str) -> int:
    return int(s)  # int() reads Arabic-Indic digits too


@dataclass
class DateMention:
    block: int
    start: int
    end: int
    day: int
    month: int
    year: int | None  # explicit or taken from the range it belongs to
    explicit_year: bool
    weekday: int | None = None
    weekday_span: tuple[int, int] | None = None
    weekday_lang: str | None = None
    range_end: "DateMention | None" = None  # set on the first date of a range
    range_start: "DateMention | None" = None  # set on the second
    range_sep: str | None = None
    ordinal: str = ""
    numeric: bool = False  # written with digits only (2019年12月6日)

    def date(self, year: int | None = None) -> dt.date | None:
        y = self.year if self.year is not None else year
        if not plausible_year(y) or not valid(self.day, self.month, y):
            return None
        return dt.date(y, self.month, self.day)

    @property
    def is_range_end(self) -> bool:
        return self.range_start is not None


def valid(day: int, month: int, year: int | None) -> bool:
    if not 1 <= month <= 12 or day < 1:
        return False
    if year is None or not plausible_year(year):  # an implausible year is DATE010's to report
        return day <= (29 if month == 2 else calendar.monthrange(2001, month)[1])
    return day <= calendar.monthrange(year, month)[1]


@text_cache(maxsize=4096)
def _parse_block(text: str, codes: frozenset[str]) -> tuple[tuple, ...]:
    """Raw tuples (start, end, d, m, y, wd, wdspan, d2, sep, d2span, wd2, wd2span, dspan, m2,
    numeric)."""
    rd = _reader(codes)
    found = []
    # the spans taken so far, sorted and not overlapping: a new match is tested against its
    # neighbour by bisection (a scan of all of them made long paragraphs of dates quadratic)
    starts: list[int] = []
    ends: list[int] = []
    for rx in [*rd.numeric, rd.day_first, rd.month_first]:
        if rx is None:
            continue
        for m in rx.finditer(text):
            s, e = m.span()
            k = bisect.bisect_left(starts, e)  # spans starting before this one ends
            if k and ends[k - 1] > s:
                continue
            starts.insert(k, s)
            ends.insert(k, e)
            found.append(m)
    found.sort(key=lambda m: m.start())
    rows = []
    for m in found:
        g = m.groupdict()
        numeric = "mn" in g
        month = int(g["mn"]) if numeric else rd.month(g["m"])
        month2 = int(g["mn2"]) if numeric and g.get("mn2") else month
        wd = rd.weekday(g.get("wd") or "")
        wd2 = rd.weekday(g.get("wd2") or "")
        rows.append((m.start(), m.end(), to_int(g["d"]), month,
                     to_int(g["y"]) if g.get("y") else None,
                     wd, m.span("wd") if g.get("wd") else None,
                     to_int(g["d2"]) if g.get("d2") else None, (g.get("sep") or "").lower() or None,
                     m.span("d2") if g.get("d2") else None, wd2,
                     m.span("wd2") if g.get("wd2") else None, m.span("d"), month2, numeric))
    return tuple(rows)


def find_dates(block: int, text: str, codes=None) -> list[DateMention]:
    """All dates of ``text`` written in the languages ``codes`` (every language of the table
    when None); a range gives two linked mentions."""
    rd = reader(codes)
    mentions: list[DateMention] = []
    for (s, e, d, mo, y, wd, wdspan, d2, sep, d2span, wd2, wd2span, dspan, mo2, numeric) in _parse_block(text, rd.codes):
        first = DateMention(block, s, e, d, mo, y, y is not None, numeric=numeric)
        if wd is not None:
            first.weekday, first.weekday_lang = wd
            first.weekday_span = wdspan
        after_day = text[dspan[1]:dspan[1] + 2]
        first.ordinal = "er" if after_day.startswith("er") else ""
        if d2 is not None:
            first.end = d2span[0]
            second = DateMention(block, d2span[0], e, d2, mo2, y, y is not None, numeric=numeric)
            second.ordinal = "er" if text[d2span[1]:d2span[1] + 2] == "er" else ""
            if wd2 is not None:
                second.weekday, second.weekday_lang = wd2
                second.weekday_span = wd2span
                second.start = wd2span[0]
            if sep not in rd.list_words:
                first.range_end, second.range_start, first.range_sep = second, first, sep
            mentions += [first, second]
        else:
            mentions.append(first)
    # "du 30 novembre au 2 décembre 2025": link neighbours separated by a range word
    for a, b in zip(mentions, mentions[1:]):
        if a.range_end is None and b.range_start is None and rd.between_range.match(text[a.end:b.start]):
            a.range_end, b.range_start = b, a
            if a.year is None and b.year is not None:
                # "du 30 décembre au 2 janvier 2026" spans the new year; "from 2 December to
                # 30 November 2026" is an inverted range, not one of almost a year
                if a.month > b.month:
                    start, end = a.date(b.year - 1), b.date()
                    if start and end and (end - start).days <= 62:
                        a.year = b.year - 1
                if a.year is None:
                    a.year = b.year
                a.explicit_year = True
    return mentions


def deadline_cues(codes=None) -> re.Pattern:
    """Words before a date that make it a deadline ("avant le", "by", "قبل", "请于"…)."""
    return reader(codes).deadline_cues


def event_cues(codes=None) -> re.Pattern:
    """Words before a date that make it the event's ("se tiendra", "will be held", "将于"…)."""
    return reader(codes).event_cues


def cue_before(text: str, pos: int, rx: re.Pattern, window: int = 200) -> bool:
    return rx.search(text[max(0, pos - window):pos]) is not None
