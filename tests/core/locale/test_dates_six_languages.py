"""Dates as the house writes them in the six languages (forms and sources: docs/conventions.md)."""
import pytest

from circular_studio.core.locale.dates import date_line, date_range, long_date, weekday_name
from circular_studio.core.locale.datetext import find_dates


@pytest.mark.parametrize("lang, place, expected", [
    ("es", "Ginebra", "Ginebra, 6 de diciembre de 2019"),
    ("ru", "Женева", "Женева, 6 декабря 2019 года"),
    ("zh", "日内瓦", "日内瓦，2019年12月6日"),
    ("ar", "جنيف", "جنيف، 6 ديسمبر 2019"),
    ("fr", "Genève", "Genève, le 6 décembre 2019"),
    ("en", "Geneva", "Geneva, 6 December 2019"),
])
def test_date_line(lang, place, expected):
    assert date_line("2019-12-06", lang, place) == expected


@pytest.mark.parametrize("lang, start, end, expected", [
    ("es", "2025-11-17", "2025-11-28", "del 17 al 28 de noviembre de 2025"),
    ("es", "2010-05-24", "2010-06-04", "del 24 de mayo al 4 de junio de 2010"),
    ("ru", "2025-11-17", "2025-11-28", "с 17 по 28 ноября 2025 года"),
    ("ru", "2010-05-24", "2010-06-04", "с 24 мая по 4 июня 2010 года"),
    ("zh", "2025-11-17", "2025-11-28", "2025年11月17日至28日"),
    ("zh", "2010-05-24", "2010-06-04", "2010年5月24日至6月4日"),
    ("zh", "2025-12-30", "2026-01-02", "2025年12月30日至2026年1月2日"),
])
def test_date_range(lang, start, end, expected):
    assert date_range(start, end, lang) == expected


def test_russian_writes_goda_not_babels_abbreviation():
    assert long_date("2011-03-24", "ru") == "24 марта 2011 года"


def test_weekdays_come_from_cldr():
    assert [weekday_name("2019-12-06", lang) for lang in ("es", "ru", "zh")] == ["viernes", "пятница", "星期五"]


@pytest.mark.parametrize("lang, text, expected", [
    ("es", "que se celebrará del 24 de mayo al 4 de junio de 2010", [(24, 5, 2010), (4, 6, 2010)]),
    ("ru", "состоится с 17 по 28 ноября 2025 года", [(17, 11, 2025), (28, 11, 2025)]),
    ("zh", "将于2010年5月24日至6月4日举行", [(24, 5, 2010), (4, 6, 2010)]),
    ("zh", "2019年12月6日（星期五）", [(6, 12, 2019)]),
])
def test_dates_are_read_back(lang, text, expected):
    found = find_dates(0, text, {lang})
    assert [(m.day, m.month, m.year) for m in found] == expected
    if len(found) == 2:
        assert found[0].range_end is found[1]
