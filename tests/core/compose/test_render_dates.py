"""The house date forms a reader sees in the letter, per language."""
import datetime as dt

import pytest

from circular_studio.core.compose.render import date_line, date_range, long_date, weekday_name


@pytest.mark.parametrize("day, locale, place, expected", [
    (dt.date(2024, 10, 31), "fr", "Genève", "Genève, le 31 octobre 2024"),
    (dt.date(2025, 3, 1), "fr", "Genève", "Genève, le 1er mars 2025"),
    (dt.date(2019, 12, 6), "ar", "جنيف", "جنيف، 6 ديسمبر 2019"),
    (dt.date(2019, 12, 6), "en", "Geneva", "Geneva, 6 December 2019"),
    (dt.date(2023, 11, 6), "ar", "", "6 نوفمبر 2023"),
])
def test_date_line_in_house_style(day, locale, place, expected):
    assert date_line(day, locale, place) == expected


def test_arabic_dates_use_western_digits():
    text = long_date("2020-04-09", "ar")
    assert "9" in text and "2020" in text
    assert not any("\u0660" <= ch <= "\u0669" for ch in text)


@pytest.mark.parametrize("start, end, locale, expected", [
    ("2025-11-17", "2025-11-28", "fr", "du 17 au 28 novembre 2025"),
    ("2025-11-30", "2025-12-02", "fr", "du 30 novembre au 2 décembre 2025"),
    ("2025-12-30", "2026-01-02", "fr", "du 30 décembre 2025 au 2 janvier 2026"),
    ("2025-03-01", "2025-03-04", "fr", "du 1er au 4 mars 2025"),
    ("2020-04-06", "2020-04-09", "ar", "من 6 إلى 9 أبريل 2020"),
    ("2022-06-07", "2022-06-09", "ar", "من 7 إلى 9 يونيو 2022"),
    ("2026-11-09", "2026-11-27", "en", "from 9 to 27 November 2026"),
    ("2026-11-09", "2026-11-09", "en", "9 November 2026"),
])
def test_date_ranges(start, end, locale, expected):
    assert date_range(start, end, locale) == expected


def test_inverted_range_is_refused():
    with pytest.raises(ValueError, match="before it starts"):
        date_range("2025-11-28", "2025-11-17", "fr")


@pytest.mark.parametrize("locale, expected", [("fr", "vendredi"), ("en", "Friday"), ("ar", "الجمعة")])
def test_weekday_names(locale, expected):
    assert weekday_name("2019-12-06", locale) == expected
