"""Chinese text: half-width punctuation inside Chinese, dates not in the form 2019年12月6日.

Which languages these apply to is data: ZH001 to the languages whose table entry has
``[typography] full_width``, ZH002 to those that write dates with digits (``[read] date_patterns``).
"""
from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from ...locale import dates, languages
from ...locale.datetext import find_dates
from ...locale.text import masked
from ..registry import Example, Hit, register

FAMILY = "chinese"
_HAN = "\u3400-\u4dbf\u4e00-\u9fff\u3000-\u303f\uff00-\uffef"


@lru_cache(maxsize=8)
def _full_width(lang: str) -> dict[str, str]:
    entry = languages.get(lang)
    return dict(entry.data.get("typography", {}).get("full_width", {})) if entry is not None else {}


@lru_cache(maxsize=8)
def _half_width_rx(marks: str) -> re.Pattern:
    """A half-width mark touching a Chinese character: after one (峰会, 文号:) or, for an opening
    bracket, before one (x(中)."""
    cls = re.escape(marks)
    return re.compile(rf"(?<=[{_HAN}])\s*[{cls}]|[{cls}](?=\s*[\u4e00-\u9fff])")


@register("ZH001", "half-width-punctuation-in-chinese", family=FAMILY, severity="warning",
          en="half-width \"{mark}\" in Chinese text: write \"{fix}\"",
          fr="« {mark} » demi-chasse dans un texte chinois : écrire « {fix} »",
          ar="علامة \"{mark}\" نصف العرض في نص صيني؛ والصواب \"{fix}\"",
          what="A half-width comma, colon, semicolon, exclamation or question mark or bracket next to Chinese "
               "characters (文号:、峰会(WSIS)论坛), where Chinese writes the full-width marks (，：；！？（）).",
          why="Chinese typography (GB/T 15834) sets punctuation full-width; half-width marks look cramped and "
              "show a text typed with a Western keyboard layout.",
          fix="Write the full-width mark (the fix). Latin acronyms, numbers and links keep their own punctuation.",
          examples=[Example("zh", "文号:CL-19/59\n\n信息社会世界峰会(WSIS)论坛将于2020年4月6日举行,欢迎参加.",
                            "文号：CL-19/59\n\n信息社会世界峰会（WSIS）论坛将于2020年4月6日举行，欢迎参加。")])
def half_width(ctx):
    for i, text, lang in ctx.blocks():
        table = _full_width(lang)
        if not table:
            continue
        t = masked(text)  # links and e-mail addresses keep their punctuation
        rx = _half_width_rx("".join(table))
        for m in rx.finditer(t):
            mark = m.group().strip()
            s = m.start() + m.group().index(mark)
            yield Hit(i, s, s + 1, table[mark], {"mark": mark, "fix": table[mark]})


# dates written in a Western form inside a language that writes 2019年12月6日
_NUMERIC = re.compile(r"(?<![\d./-])(?P<y>\d{4})(?P<sep>[-/.])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})(?![\d./-])")


@lru_cache(maxsize=8)
def _digit_dates(lang: str) -> bool:
    entry = languages.get(lang)
    return bool(entry is not None and entry.words("date_patterns"))


def _house(day: dt.date, lang: str) -> str:
    """The date as the letter's language writes it (2019年12月6日)."""
    return dates.long_date(day, lang)


@register("ZH002", "date-form-in-chinese", family=FAMILY, severity="warning",
          en="the date \"{text}\" is not in the form of the letter's other dates: write \"{fix}\"",
          fr="la date « {text} » n'a pas la forme des autres dates de la lettre : écrire « {fix} »",
          ar="التاريخ \"{text}\" لا يتبع صيغة سائر تواريخ الرسالة؛ والصواب \"{fix}\"",
          what="A date in Chinese text written in another form than 2019年12月6日: 2019-12-06, 2019/12/6, "
               "6 December 2019, or with a leading zero (2019年12月06日).",
          why="A letter writes its dates one way; mixed forms slow the reader and 2019/12/06 can be misread.",
          fix="Write the date as 2019年12月6日 (the fix).",
          examples=[Example("zh", "论坛将于2020年4月6日举行。请于2020/01/15前确认。",
                            "论坛将于2020年4月6日举行。请于2020年1月15日前确认。"),
                    Example("zh", "请于2020年01月15日前确认。", "请于2020年1月15日前确认。"),
                    Example("zh", "会议于2020年04月07日（星期二）开幕。", "会议于2020年4月7日（星期二）开幕。")])
def date_form(ctx):
    for i, text, lang in ctx.blocks():
        if not _digit_dates(lang):
            continue
        for m in _NUMERIC.finditer(text):
            try:
                day = dt.date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
            except ValueError:
                continue
            fix = _house(day, lang)
            yield Hit(i, m.start(), m.end(), fix, {"text": m.group(), "fix": fix})
        for d in find_dates(i, text, {lang, "en"}):
            if d.range_start is not None or d.range_end is not None or d.year is None:
                continue
            day = d.date()
            if day is None:
                continue
            start, end = d.start, d.end
            if d.weekday_span:  # the date without its weekday (DATE001 reads the weekday)
                if d.numeric:
                    end = d.start + text[d.start:d.end].find("日") + 1
                else:
                    continue
            written = text[start:end]
            fix = _house(day, lang)
            if written != fix:
                yield Hit(i, start, end, fix, {"text": written, "fix": fix})
