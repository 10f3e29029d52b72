"""Dates in the house style of each language: babel/CLDR names, the language table's patterns.

Month and weekday names come from CLDR (babel's locale data); how a date, a date line and a
range are put together comes from the language table (``[dates]`` of resources/languages/*.toml):
'Genève, le 1er mars 2025', 'جنيف، 6 ديسمبر 2019', 'Ginebra, 6 de diciembre de 2019',
'Женева, 6 декабря 2019 года', '日内瓦，2019年12月6日'.

Names are read by :mod:`.languages` from each locale's own CLDR data, never through babel's
shared cache: python-babel issue #1234 (see there) cannot turn French months Chinese here.
"""
from __future__ import annotations

import datetime as dt

from . import languages
from .languages import Language


# ---------------------------------------------------------------- names (CLDR, via the table)


def _entry(lang) -> Language:
    return lang if isinstance(lang, Language) else languages.language(lang)


def month_names(lang, context: str = "format") -> tuple[str, ...]:
    """January..December in ``lang`` (a code or an entry): 'format' is the form inside a date
    (Russian genitive 'декабря'), 'stand-alone' the form alone ('декабрь')."""
    return languages.cldr_months(_entry(lang).babel, context)


def weekday_names(lang, context: str = "format") -> tuple[str, ...]:
    """Monday..Sunday in ``lang``."""
    return languages.cldr_weekdays(_entry(lang).babel, context)


# ---------------------------------------------------------------- formatting


def as_date(value) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and value:
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise ValueError(f"{value!r} is not a date (YYYY-MM-DD)")


def day_number(day: dt.date, locale) -> str:
    """The day of the month: the table's ``first_day`` for the 1st (French '1er'), else the
    number in Western digits (every language, Arabic and Chinese included)."""
    if day.day == 1:
        return _entry(locale).dates.get("first_day", "1")
    return str(day.day)


def month_name(day: dt.date, locale) -> str:
    return month_names(locale)[day.month - 1]


def weekday_name(value, locale) -> str:
    return weekday_names(locale)[as_date(value).weekday()]


def _fields(day: dt.date, locale: Language, n: str = "") -> dict:
    return {f"d{n}": day_number(day, locale), f"month{n}": month_name(day, locale),
            f"mn{n}": str(day.month), f"y{n}": str(day.year)}


def long_date(value, locale) -> str:
    """'31 octobre 2024', '1er mars 2025', '6 ديسمبر 2019', '6 de diciembre de 2019',
    '6 декабря 2019 года', '2019年12月6日'."""
    entry = _entry(locale)
    day = as_date(value)
    f = _fields(day, entry)
    return entry.dates["long"].format(d=f["d"], month=f["month"], mn=f["mn"], y=f["y"])


def date_line(value, locale, place: str = "") -> str:
    """The letter's date line: 'Genève, le 31 octobre 2024', 'جنيف، 6 ديسمبر 2019'. Without a
    place, the date alone."""
    entry = _entry(locale)
    text = long_date(value, entry)
    if not place:
        return text
    return entry.dates["line"].format(place=place, date=text)


def date_range(start, end, locale, *, lenient: bool = False) -> str:
    """'du 17 au 28 novembre 2025', 'من 6 إلى 9 أبريل 2020', 'del 24 de mayo al 4 de junio de
    2010', 'с 17 по 28 ноября 2025 года', '2025年11月17日至28日'. A one-day range is the single
    date.

    A range that ends before it starts is an error, unless ``lenient`` (the preview and the
    checker of a draft being written): then both dates are written in full, as typed, and the
    checks report the inverted range (DATE003) instead of the whole letter failing to build."""
    entry = _entry(locale)
    a, b = as_date(start), as_date(end)
    if a == b:
        return long_date(a, entry)
    values = {**_fields(a, entry, "1"), **_fields(b, entry, "2"),
              "date1": long_date(a, entry), "date2": long_date(b, entry)}
    if b < a:
        if not lenient:
            raise ValueError(f"the range ends ({b}) before it starts ({a})")
        key = "range_other"
    elif a.year != b.year:
        key = "range_other"
    elif a.month != b.month:
        key = "range_same_year"
    else:
        key = "range_same_month"
    return entry.dates[key].format(**values)
