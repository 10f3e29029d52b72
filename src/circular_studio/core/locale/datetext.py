"""Finding dates, ranges, weekdays in letter text (Arabic, French, English), and the cues that
make a date the letter's event or its deadline."""
from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

MONTHS = {
    "fr": ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
           "octobre", "novembre", "décembre"],
    "en": ["January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December"],
    "ar": ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر",
           "أكتوبر", "نوفمبر", "ديسمبر"],
}
_MONTH_VARIANTS = {
    # month number -> extra spellings
    2: ["fevrier", "Feb", "Fév", "Févr"], 8: ["aout", "Aug", "اغسطس", "آب"], 12: ["decembre", "Dec"],
    4: ["إبريل", "ابريل", "Apr"], 10: ["اكتوبر", "Oct"], 6: ["يونيه"], 7: ["يوليه"],
    1: ["كانون الثاني", "Jan"], 3: ["آذار", "Mar"], 5: ["أيار"], 9: ["أيلول", "Sep", "Sept"],
    11: ["تشرين الثاني", "Nov"],
}
_MONTH_VARIANTS[2].append("شباط")
_MONTH_VARIANTS[4].append("نيسان")
_MONTH_VARIANTS[6].append("حزيران")
_MONTH_VARIANTS[7].append("تموز")
_MONTH_VARIANTS[10].append("تشرين الأول")
_MONTH_VARIANTS[12].append("كانون الأول")

WEEKDAYS = {
    "fr": ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"],
    "en": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
    "ar": ["الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد"],
}
_WEEKDAY_VARIANTS = {0: ["الإثنين", "الأثنين", "إثنين"], 2: ["الاربعاء"], 6: ["الاحد"]}


def _lookup() -> tuple[dict, dict]:
    months: dict[str, int] = {}
    for names in MONTHS.values():
        for i, n in enumerate(names, 1):
            months[n.lower()] = i
    for i, names in _MONTH_VARIANTS.items():
        for n in names:
            months[n.lower()] = i
    days: dict[str, tuple[int, str]] = {}
    for lang, names in WEEKDAYS.items():
        for i, n in enumerate(names):
            days[n.lower()] = (i, lang)
    for i, names in _WEEKDAY_VARIANTS.items():
        for n in names:
            days[n.lower()] = (i, "ar")
    return months, days


MONTH_NUM, WEEKDAY_NUM = _lookup()


def _alt(names) -> str:
    return "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))


_M = _alt(MONTH_NUM)
_WD = _alt(WEEKDAY_NUM)
_D = r"[0-9٠-٩]{1,2}"
_Y = r"[0-9٠-٩]{4}"
_ORD = r"(?:er|ᵉʳ|st|nd|rd|th)?"
_RANGE_SEP = r"(?:-|–|—|au|to|until|till|through|and|et|إلى|الى|حتى|و)"

# [weekday[,]] [le|the] D[ord] [sep D2] [of|de] MONTH [[,] YEAR]
DAY_FIRST = re.compile(
    rf"(?<![\w/.-])(?:(?P<wd>{_WD})(?:\s*[,،]\s*|\s+)(?:(?:le|the)\s+)?)?"
    rf"(?P<d>{_D}){_ORD}(?:\s*(?P<sep>{_RANGE_SEP})\s*(?:(?P<wd2>{_WD})\s*[,،]?\s*)?(?P<d2>{_D}){_ORD})?"
    rf"\s+(?:of\s+|de\s+)?(?P<m>{_M})(?![\w])(?:\s*,?\s*(?P<y>{_Y})(?![\w]))?", re.I)
# [weekday,] MONTH D[ord][-D2], YEAR (US order)
MONTH_FIRST = re.compile(
    rf"(?<![\w])(?:(?P<wd>(?i:{_WD}))\s*,?\s+)?(?P<m>{_alt(MONTHS['en'])})\s+(?P<d>{_D}){_ORD}"
    rf"(?:\s*(?P<sep>-|–|to|through)\s*(?P<d2>{_D}){_ORD})?(?:\s*,?\s*(?P<y>{_Y}))?(?![\w])")
_BETWEEN_RANGE = re.compile(r"^\s*(?:-|–|—|au|to|until|till|through|jusqu'au|إلى|الى|حتى)\s*$", re.I)
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")


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

    def date(self, year: int | None = None) -> dt.date | None:
        y = self.year if self.year is not None else year
        if y is None or not valid(self.day, self.month, y):
            return None
        return dt.date(y, self.month, self.day)

    @property
    def is_range_end(self) -> bool:
        return self.range_start is not None


def valid(day: int, month: int, year: int | None) -> bool:
    if not 1 <= month <= 12 or day < 1:
        return False
    if year is None:
        return day <= (29 if month == 2 else calendar.monthrange(2001, month)[1])
    return day <= calendar.monthrange(year, month)[1]


@lru_cache(maxsize=4096)
def _parse_block(text: str) -> tuple[tuple, ...]:
    """Raw tuples (start, end, d, m, y, wd, wdspan, d2, sep, d2start, wd2, wd2span, ord)."""
    out = []
    taken: list[tuple[int, int]] = []
    for rx in (DAY_FIRST, MONTH_FIRST):
        for m in rx.finditer(text):
            s, e = m.span()
            if any(a < e and s < b for a, b in taken):
                continue
            taken.append((s, e))
            out.append(m)
    out.sort(key=lambda m: m.start())
    rows = []
    for m in out:
        g = m.groupdict()
        wd = WEEKDAY_NUM.get(g["wd"].lower()) if g.get("wd") else None
        wd2 = WEEKDAY_NUM.get(g["wd2"].lower()) if g.get("wd2") else None
        ordinal = ""
        rows.append((m.start(), m.end(), to_int(g["d"]), MONTH_NUM[g["m"].lower().rstrip(".")],
                     to_int(g["y"]) if g.get("y") else None,
                     wd, m.span("wd") if g.get("wd") else None,
                     to_int(g["d2"]) if g.get("d2") else None, (g.get("sep") or "").lower() or None,
                     m.span("d2") if g.get("d2") else None, wd2,
                     m.span("wd2") if g.get("wd2") else None, m.span("d"), ordinal))
    return tuple(rows)


def find_dates(block: int, text: str) -> list[DateMention]:
    """All dates of ``text``; a range gives two linked mentions."""
    mentions: list[DateMention] = []
    for (s, e, d, mo, y, wd, wdspan, d2, sep, d2span, wd2, wd2span, dspan, _o) in _parse_block(text):
        first = DateMention(block, s, e, d, mo, y, y is not None)
        if wd is not None:
            first.weekday, first.weekday_lang = wd
            first.weekday_span = wdspan
        after_day = text[dspan[1]:dspan[1] + 2]
        first.ordinal = "er" if after_day.startswith("er") else ""
        if d2 is not None:
            first.end = d2span[0]
            second = DateMention(block, d2span[0], e, d2, mo, y, y is not None)
            second.ordinal = "er" if text[d2span[1]:d2span[1] + 2] == "er" else ""
            if wd2 is not None:
                second.weekday, second.weekday_lang = wd2
                second.weekday_span = wd2span
                second.start = wd2span[0]
            if sep not in ("and", "et", "و"):
                first.range_end, second.range_start, first.range_sep = second, first, sep
            mentions += [first, second]
        else:
            mentions.append(first)
    # "du 30 novembre au 2 décembre 2025": link neighbours separated by a range word
    for a, b in zip(mentions, mentions[1:]):
        if a.range_end is None and b.range_start is None and _BETWEEN_RANGE.match(text[a.end:b.start]):
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


# Words before a date that make it a deadline or the event's date.
_AR_PREFIX = r"(?<![\u0621-\u064a])[وفبل]?"
DEADLINE_CUES = re.compile(
    r"(?:(?<!\w)(?:avant le|au plus tard (?:le|d'ici le)?|d'ici (?:le|au)|jusqu'au|date limite|délai|"
    r"(?:seront|sera|est|sont) (?:closes?|clôturée?s?)|clôture|parvenir|"
    r"no later than|not later than|by|before|deadline|due|clos(?:es|ing)?(?: date)?|cut-off|"
    r"should (?:reach|be received)|must (?:reach|be received))"
    rf"|{_AR_PREFIX}(?:قبل|في موعد أقصاه|موعد أقصاه|أقصاه|الموعد النهائي|الموعد المحدد|آخر موعد|حتى|بحلول|"
    r"موعد لا يتجاوز|لا يتجاوز|يغلق باب|يُغلق باب))"
    r"(?:[^.!?؟\n]{0,40})$", re.I)
EVENT_CUES = re.compile(
    r"(?:(?<!\w)(?:se tiendra|se déroulera|aura lieu|auront lieu|se tiendront|organise|accueillera|"
    r"will be held|will take place|is to be held|to be held|will be hosted|takes place|will run|"
    r"is organi[sz]ing|will organi[sz]e|organi[sz]es|will host|is hosting|hosts|will convene|is convening|"
    r"will meet|will be convened|will open|se réunira|se réuniront|s'ouvrira|sera convoquée?)"
    rf"|{_AR_PREFIX}(?:سيعقد|سيُعقد|ستعقد|ستُعقد|يعقد|يُعقد|تعقد|تُعقد|المقرر عقده|المقرر عقدها|سينظم|سيُنظم|ستنظم|ستُنظم|"
    r"ينظم|يُنظم|تنظم|تُنظم|يستضيف|تستضيف|سيستضيف|ستستضيف|سيقام|ستقام|ستجتمع|سيجتمع|تجتمع|يجتمع|"
    r"ستنعقد|سينعقد|سيفتتح|سيُفتتح|ستفتتح|ستُفتتح))"
    r"[^.!?؟\n]*$", re.I)


def cue_before(text: str, pos: int, rx: re.Pattern, window: int = 200) -> bool:
    return rx.search(text[max(0, pos - window):pos]) is not None
