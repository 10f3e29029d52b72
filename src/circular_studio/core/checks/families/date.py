"""Dates: weekdays, impossible dates, inverted ranges, the event and the deadline against the
letter's date, deadlines without a year, French "1er"."""
from __future__ import annotations

import re

from ...document import BlockKind
from ...locale import dates, languages
from ...locale.datetext import FIRST_YEAR, LAST_YEAR, cue_before, plausible_year, valid
from ..registry import Example, Hit, register
from ...locale.text import case_like

FAMILY = "dates"


def _lang(lang: str | None) -> str:
    """A language of the table to write in (the letter's block language, else English)."""
    return lang if languages.known(lang) else "en"


def _fmt(day, lang: str) -> str:
    return dates.long_date(day, _lang(lang))


@register("DATE001", "weekday-mismatch", family=FAMILY, severity="error",
          en="{written} is not the weekday of this date: {date} is a {actual}",
          fr="{written} n'est pas le jour de cette date: le {date} est un {actual}",
          ar="يوم {written} لا يوافق هذا التاريخ: فالتاريخ {date} يوافق يوم {actual}",
          what="A weekday written beside a date does not match the date.",
          why="Readers trust the weekday; a mismatch means either the date or the day is wrong.",
          fix="Replace the weekday with the date's real weekday (or correct the date).",
          examples=[Example("fr", "La réunion aura lieu le lundi 4 mars 2025.",
                            "La réunion aura lieu le mardi 4 mars 2025."),
                    Example("en", "The session opens on Monday, 5 March 2025.",
                            "The session opens on Wednesday, 5 March 2025."),
                    Example("ar", "يُعقد الاجتماع يوم الاثنين 5 مارس 2025.",
                            "يُعقد الاجتماع يوم الأربعاء 5 مارس 2025."),
                    Example("es", "La reunión tendrá lugar el lunes 5 de marzo de 2025.",
                            "La reunión tendrá lugar el miércoles 5 de marzo de 2025."),
                    Example("ru", "Понедельник, 5 марта 2025 года: открытие совещания.",
                            "Среда, 5 марта 2025 года: открытие совещания."),
                    Example("zh", "会议将于2025年3月5日（星期一）开幕。", "会议将于2025年3月5日（星期三）开幕。")])
def weekday_mismatch(ctx):
    for m in ctx.dates:
        if m.weekday is None:
            continue
        day = m.date(ctx.resolve_year(m))
        if day is None or day.weekday() == m.weekday:
            continue
        s, e = m.weekday_span
        written = ctx.texts[m.block][s:e]
        lang = m.weekday_lang or ctx.langs[m.block]
        actual = dates.weekday_names(_lang(lang))[day.weekday()]
        if actual.lower() != actual.upper() and not written.islower():  # a cased script
            actual = case_like(actual, written)
        yield Hit(m.block, s, e, actual, {"written": written, "date": day.isoformat(), "actual": actual})


@register("DATE002", "impossible-date", family=FAMILY, severity="error",
          en="impossible date: {month_name} has no day {day}",
          fr="date impossible: il n'y a pas de {day} {month_name}",
          ar="تاريخ غير موجود: لا يوجد في شهر {month_name} يوم {day}",
          what="A date that does not exist (31 April, 30 February, 29 February of a common year).",
          why="The letter cannot be acted upon; the intended date has to be found and written.",
          fix="Correct the day or the month (no automatic fix: the intended date is unknown).",
          examples=[Example("fr", "La date limite est le 31 avril 2025.", "La date limite est le 30 avril 2025."),
                    Example("en", "Replies are due by 30 February 2025.", "Replies are due by 28 February 2025."),
                    Example("ar", "آخر موعد هو 31 يونيو 2025.", "آخر موعد هو 30 يونيو 2025."),
                    Example("es", "La fecha límite es el 31 de abril de 2025.", "La fecha límite es el 30 de abril de 2025."),
                    Example("ru", "Крайний срок – 31 апреля 2025 года.", "Крайний срок – 30 апреля 2025 года."),
                    Example("zh", "截止日期为2025年4月31日。", "截止日期为2025年4月30日。")])
def impossible_date(ctx):
    for m in ctx.dates:
        if not valid(m.day, m.month, m.year):
            lang = ctx.langs[m.block]
            yield Hit(m.block, m.start, m.end, None,
                      {"day": m.day, "month_name": dates.month_names(_lang(lang))[m.month - 1]})


@register("DATE003", "inverted-range", family=FAMILY, severity="error",
          en="the range ends ({end}) before it starts ({start})",
          fr="la période se termine ({end}) avant de commencer ({start})",
          ar="تنتهي الفترة ({end}) قبل أن تبدأ ({start})",
          what="A date range whose end is before its start (du 28 au 17 novembre).",
          why="An inverted range is always a typing error; participants would plan on wrong dates.",
          fix="Swap or correct the dates.",
          examples=[Example("fr", "La conférence se tiendra du 28 au 17 novembre 2025.",
                            "La conférence se tiendra du 17 au 28 novembre 2025."),
                    Example("en", "The meeting will be held from 9 December to 2 December 2026.",
                            "The meeting will be held from 2 December to 9 December 2026."),
                    Example("ar", "سيعقد الاجتماع من 9 إلى 6 أبريل 2020.", "سيعقد الاجتماع من 6 إلى 9 أبريل 2020."),
                    Example("es", "La reunión se celebrará del 28 al 17 de noviembre de 2025.",
                            "La reunión se celebrará del 17 al 28 de noviembre de 2025."),
                    Example("ru", "Совещание состоится с 28 по 17 ноября 2025 года.",
                            "Совещание состоится с 17 по 28 ноября 2025 года."),
                    Example("zh", "会议将于2025年11月28日至17日举行。", "会议将于2025年11月17日至28日举行。")])
def inverted_range(ctx):
    for m in ctx.dates:
        if m.range_end is None:
            continue
        a, b = m.date(ctx.resolve_year(m) or 2000), m.range_end.date(ctx.resolve_year(m.range_end) or 2000)
        if a and b and b < a:
            yield Hit(m.block, m.start, m.range_end.end, None, {"start": a.isoformat(), "end": b.isoformat()})


_EXAMPLE_LETTER_FR = "Genève, le 31 octobre 2024\n\nObjet: Invitation\n\nMadame, Monsieur,\n\n"
_EXAMPLE_LETTER_EN = "Geneva, 31 October 2024\n\nSubject: Invitation\n\nDear Sir/Madam,\n\n"
_EXAMPLE_LETTER_ES = "Ginebra, 31 de octubre de 2024\n\nAsunto: Invitación\n\nMuy Señora mía/Muy Señor mío:\n\n"
_EXAMPLE_LETTER_RU = "Женева, 31 октября 2024 года\n\nПредмет: Приглашение\n\nУважаемая госпожа, уважаемый господин,\n\n"
_EXAMPLE_LETTER_ZH = "日内瓦，2024年10月31日\n\n事由：邀请\n\n尊敬的先生/女士：\n\n"
_EXAMPLE_LETTER_AR = "جنيف، 31 أكتوبر 2024\n\nالموضوع: دعوة\n\nحضرات السادة والسيدات،\n\n"


@register("DATE004", "event-before-letter", family=FAMILY, severity="error",
          en="the event starts on {event}, before the letter's date ({letter})",
          fr="l'événement commence le {event}, avant la date de la lettre ({letter})",
          ar="يبدأ الحدث في {event}، أي قبل تاريخ الرسالة ({letter})",
          what="The event the letter announces starts before the letter is dated.",
          why="Usually a wrong year copied from last year's letter.",
          fix="Correct the event's dates (often the year) or the letter's date.",
          examples=[Example("fr", _EXAMPLE_LETTER_FR + "La conférence se tiendra du 17 au 28 novembre 2023.",
                            _EXAMPLE_LETTER_FR + "La conférence se tiendra du 17 au 28 novembre 2025."),
                    Example("en", _EXAMPLE_LETTER_EN + "The conference will be held from 17 to 28 November 2023.",
                            _EXAMPLE_LETTER_EN + "The conference will be held from 17 to 28 November 2025."),
                    Example("ar", _EXAMPLE_LETTER_AR + "سيعقد المؤتمر من 17 إلى 28 نوفمبر 2023.",
                            _EXAMPLE_LETTER_AR + "سيعقد المؤتمر من 17 إلى 28 نوفمبر 2025."),
                    Example("es", _EXAMPLE_LETTER_ES + "La conferencia se celebrará del 17 al 28 de noviembre de 2023.",
                            _EXAMPLE_LETTER_ES + "La conferencia se celebrará del 17 al 28 de noviembre de 2025."),
                    Example("ru", _EXAMPLE_LETTER_RU + "Конференция состоится с 17 по 28 ноября 2023 года.",
                            _EXAMPLE_LETTER_RU + "Конференция состоится с 17 по 28 ноября 2025 года."),
                    Example("zh", _EXAMPLE_LETTER_ZH + "会议将于2023年11月17日至28日举行。",
                            _EXAMPLE_LETTER_ZH + "会议将于2025年11月17日至28日举行。")])
def event_before_letter(ctx):
    ld, ev = ctx.letter_date, ctx.event
    if not ld or not ev:
        return
    start = ev[0]
    if start.value < ld.value:
        block, s, e = (start.block, start.start, start.end) if start.block is not None else (ld.block or 0, ld.start, ld.end)
        yield Hit(block, s, e, None, {"event": start.value.isoformat(), "letter": ld.value.isoformat()})


def _hit_on(ctx, fact, field: str, args: dict) -> Hit:
    """A hit on where ``fact`` is written; a draft's fact written nowhere in the letter is reported
    on its draft field (at the date line, else the first block)."""
    if fact.block is not None:
        return Hit(fact.block, fact.start, fact.end, None, args)
    line = ctx.letter_date.block if ctx.letter_date and ctx.letter_date.block is not None else 0
    return Hit(line, 0, 0, None, dict(args, field=field))


# what is due after an event by its nature: a report on it, its conclusions, a follow-up
_AFTER_EVENT_DUE = re.compile(r"\b(?:reports?|rapports?|conclusions?|outcomes?|résultats?|follow-up|suivi|"
                              r"feedback|evaluation|évaluation)\b|تقرير|تقارير|نتائج|استنتاجات|متابعة", re.I)


def _sentence_at(text: str, pos: int) -> str:
    start = max(text.rfind(". ", 0, pos), text.rfind("\n", 0, pos), -1) + 1
    end = min([k for k in (text.find(". ", pos), text.find("\n", pos)) if k >= 0] or [len(text)])
    return text[start:end]


@register("DATE005", "deadline-after-event", family=FAMILY, severity="warning",
          en="the deadline ({deadline}) is after the event starts ({event})",
          fr="la date limite ({deadline}) est postérieure au début de l'événement ({event})",
          ar="الموعد النهائي ({deadline}) يقع بعد بدء الحدث ({event})",
          what="A deadline (registration, replies, contributions) falls after the event has started.",
          why="Replies after the start are useless; usually a wrong month or year.",
          fix="Move the deadline before the event's first day.",
          examples=[Example("fr", _EXAMPLE_LETTER_FR + "La conférence se tiendra du 17 au 28 novembre 2025. "
                            "Veuillez vous inscrire avant le 20 novembre 2025.",
                            _EXAMPLE_LETTER_FR + "La conférence se tiendra du 17 au 28 novembre 2025. "
                            "Veuillez vous inscrire avant le 20 octobre 2025."),
                    Example("en", _EXAMPLE_LETTER_EN + "The conference will be held from 17 to 28 November 2025. "
                            "Please register by 20 December 2025.",
                            _EXAMPLE_LETTER_EN + "The conference will be held from 17 to 28 November 2025. "
                            "Please register by 20 October 2025."),
                    Example("ar", _EXAMPLE_LETTER_AR + "سيعقد المؤتمر من 17 إلى 28 نوفمبر 2025. يرجى التسجيل قبل 20 ديسمبر 2025.",
                            _EXAMPLE_LETTER_AR + "سيعقد المؤتمر من 17 إلى 28 نوفمبر 2025. يرجى التسجيل قبل 20 أكتوبر 2025.")])
def deadline_after_event(ctx):
    ev = ctx.event
    if not ev:
        return
    for fact, _m in ctx.deadlines:
        if fact.block is not None and _AFTER_EVENT_DUE.search(_sentence_at(ctx.texts[fact.block], fact.start)):
            continue  # "send your report on the Day by 1 July"
        if fact.value > ev[0].value:
            yield _hit_on(ctx, fact, "deadline",
                          {"deadline": fact.value.isoformat(), "event": ev[0].value.isoformat()})


@register("DATE006", "deadline-before-letter", family=FAMILY, severity="error",
          en="the deadline ({deadline}) is before the letter's date ({letter})",
          fr="la date limite ({deadline}) est antérieure à la date de la lettre ({letter})",
          ar="الموعد النهائي ({deadline}) يسبق تاريخ الرسالة ({letter})",
          what="A deadline that has passed when the letter is sent.",
          why="Nobody can meet it; usually a wrong year or month.",
          fix="Correct the deadline.",
          examples=[Example("fr", _EXAMPLE_LETTER_FR + "Veuillez répondre avant le 15 janvier 2024.",
                            _EXAMPLE_LETTER_FR + "Veuillez répondre avant le 15 janvier 2025."),
                    Example("en", _EXAMPLE_LETTER_EN + "Please reply by 15 January 2024.",
                            _EXAMPLE_LETTER_EN + "Please reply by 15 January 2025."),
                    Example("ar", _EXAMPLE_LETTER_AR + "يرجى الرد قبل 15 يناير 2024.", _EXAMPLE_LETTER_AR + "يرجى الرد قبل 15 يناير 2025."),
                    Example("es", _EXAMPLE_LETTER_ES + "Le ruego que responda antes del 15 de enero de 2024.",
                            _EXAMPLE_LETTER_ES + "Le ruego que responda antes del 15 de enero de 2025."),
                    Example("ru", _EXAMPLE_LETTER_RU + "Просим ответить до 15 января 2024 года.",
                            _EXAMPLE_LETTER_RU + "Просим ответить до 15 января 2025 года."),
                    Example("zh", _EXAMPLE_LETTER_ZH + "请于2024年1月15日前答复。", _EXAMPLE_LETTER_ZH + "请于2025年1月15日前答复。")])
def deadline_before_letter(ctx):
    ld = ctx.letter_date
    if not ld:
        return
    for fact, m in ctx.deadlines:
        if m is not None and not m.explicit_year:
            continue  # resolved forward by construction
        if fact.value < ld.value:
            yield _hit_on(ctx, fact, "deadline",
                          {"deadline": fact.value.isoformat(), "letter": ld.value.isoformat()})


@register("DATE007", "deadline-without-year", family=FAMILY, severity="info",
          en="the deadline has no year; it reads as {resolved}",
          fr="la date limite n'a pas d'année; elle se lit {resolved}",
          ar="الموعد النهائي مذكور دون سنة؛ ويُفهم على أنه {resolved}",
          what="A deadline written without its year, in the same year as the letter.",
          why="A year removes any doubt for readers who receive the letter late or file it.",
          fix="Add the year it resolves to.",
          examples=[Example("fr", _EXAMPLE_LETTER_FR + "Veuillez répondre avant le 15 décembre.",
                            _EXAMPLE_LETTER_FR + "Veuillez répondre avant le 15 décembre 2024."),
                    Example("en", _EXAMPLE_LETTER_EN + "Please reply by 15 December.", _EXAMPLE_LETTER_EN + "Please reply by 15 December 2024."),
                    Example("ar", _EXAMPLE_LETTER_AR + "يرجى الرد في موعد أقصاه 15 ديسمبر.",
                            _EXAMPLE_LETTER_AR + "يرجى الرد في موعد أقصاه 15 ديسمبر 2024.")])
def deadline_without_year(ctx):
    yield from _no_year(ctx, same_year=True)


def _no_year(ctx, same_year: bool):
    ld = ctx.letter_date
    for m in ctx.dates:
        if m.explicit_year or m.is_range_end or ctx.kind(m.block) == BlockKind.DATE_LINE:
            continue
        if not cue_before(ctx.texts[m.block], m.start, ctx.deadline_cues, 60):
            continue
        y = ctx.resolve_year(m)
        if y is None:
            if same_year:
                yield Hit(m.block, m.start, m.end, None, {"resolved": "?"})
            continue
        if (ld and y == ld.value.year) != same_year:
            continue
        day = m.date(y)
        if day is None:
            continue
        text = ctx.texts[m.block][m.start:m.end]
        yield Hit(m.block, m.start, m.end, f"{text} {y}", {"resolved": _fmt(day, ctx.langs[m.block])})


@register("DATE008", "deadline-without-year-next-year", family=FAMILY, severity="warning",
          en="the deadline has no year and falls before the letter's date this year; it reads as {resolved}",
          fr="la date limite n'a pas d'année et tombe avant la date de la lettre cette année; elle se lit {resolved}",
          ar="الموعد النهائي مذكور دون سنة ويقع قبل تاريخ الرسالة إذا حُسب في السنة نفسها؛ ويُفهم على أنه {resolved}",
          what="A deadline without a year that can only mean next year (its day is before the letter's).",
          why="Readers may take it for a deadline already past; the year must be written.",
          fix="Add the year it resolves to.",
          examples=[Example("fr", _EXAMPLE_LETTER_FR + "Veuillez répondre avant le 15 janvier.",
                            _EXAMPLE_LETTER_FR + "Veuillez répondre avant le 15 janvier 2025."),
                    Example("en", _EXAMPLE_LETTER_EN + "Please reply by 15 January.", _EXAMPLE_LETTER_EN + "Please reply by 15 January 2025."),
                    Example("ar", _EXAMPLE_LETTER_AR + "يرجى الرد قبل 15 يناير.", _EXAMPLE_LETTER_AR + "يرجى الرد قبل 15 يناير 2025.")])
def deadline_next_year(ctx):
    yield from _no_year(ctx, same_year=False)


@register("DATE009", "french-first-of-month", family=FAMILY, severity="warning", languages=["fr"],
          en="French writes the first day of the month \"1er\"",
          fr="le premier jour du mois s'écrit « 1er »",
          ar="في الفرنسية يُكتب اليوم الأول من الشهر \"1er\"",
          what="A French date with \"1\" for the first of the month.",
          why="House style (and French typography): le 1er novembre, not le 1 novembre.",
          fix="Write 1er.",
          examples=[Example("fr", "La réunion aura lieu le 1 décembre 2025.", "La réunion aura lieu le 1er décembre 2025.")])
def french_first(ctx):
    for m in ctx.dates:
        if m.day != 1 or m.ordinal or ctx.langs[m.block] != "fr":
            continue
        text = ctx.texts[m.block]
        i = m.start
        if m.weekday_span:
            i = m.weekday_span[1]
        j = text.find("1", i, m.end)
        if j < 0 or (j + 1 < len(text) and text[j + 1].isdigit()) or (j > 0 and text[j - 1].isdigit()):
            continue
        yield Hit(m.block, j, j + 1, languages.language("fr").dates.get("first_day", "1"), {})


@register("DATE010", "year-out-of-range", family=FAMILY, severity="error",
          en="the year {year} is not a plausible year for a letter (outside 1900-2100)",
          fr="l'année {year} n'est pas plausible dans une lettre (hors de 1900-2100)",
          ar="السنة {year} غير معقولة في رسالة (خارج الفترة 1900-2100)",
          what=f"A date whose year lies outside {FIRST_YEAR}-{LAST_YEAR} (0000, 2204, 1024): a typing error.",
          why="The date cannot be acted upon, and the other date checks cannot reason with it.",
          fix="Correct the year (no automatic fix: the intended year is unknown).",
          examples=[Example("fr", "La réunion aura lieu le 4 mars 0000.", "La réunion aura lieu le 4 mars 2025."),
                    Example("en", "Replies are due by 3 March 2205.", "Replies are due by 3 March 2025."),
                    Example("ar", "آخر موعد هو 30 يونيو 1025.", "آخر موعد هو 30 يونيو 2025.")])
def year_out_of_range(ctx):
    for m in ctx.dates:
        if m.explicit_year and m.year is not None and not plausible_year(m.year) \
                and not (m.range_end is not None and m.range_end.year == m.year):  # said at the range's end
            yield Hit(m.block, m.start, m.end, None, {"year": f"{m.year:04d}"})


_YEAR_RANGE = re.compile(r"(?<![\d/.-])((?:19|20)\d\d)\s*([-–—/])\s*((?:19|20)\d\d)(?![\d/-]|\.\d)")


@register("DATE011", "reversed-year-range", family=FAMILY, severity="error",
          en="the year range \"{range}\" runs backwards: write \"{fixed}\"",
          fr="la période « {range} » est inversée : écrire « {fixed} »",
          ar="الفترة \"{range}\" مقلوبة؛ والصواب \"{fixed}\"",
          what="A range of years whose first year is after its last (2019-2016). In Arabic it is often "
               "typed backwards so that it looks right on screen, beside the same range written right.",
          why="The period is wrong as written: screen readers, search, copy and the other language "
              "versions read 2019-2016.",
          fix="Write the earlier year first (the display of Arabic puts it on the right by itself).",
          examples=[Example("en", "The Strategic Plan for 2019-2016 is being prepared.",
                            "The Strategic Plan for 2016-2019 is being prepared."),
                    Example("ar", "يعد الاتحاد خطته الاستراتيجية للفترة 2019-2016.",
                            "يعد الاتحاد خطته الاستراتيجية للفترة 2016-2019.")])
def reversed_year_range(ctx):
    for i, text, _lang in ctx.blocks():
        for m in _YEAR_RANGE.finditer(text):
            a, sep, b = m.group(1), m.group(2), m.group(3)
            if int(a) > int(b):
                fixed = f"{b}{sep}{a}"
                yield Hit(i, m.start(), m.end(), fixed, {"range": m.group(), "fixed": fixed})


_ZERO_DAY = re.compile(r"(?<![\d٠-٩])[0٠]([1-9١-٩])(?=\s*[^\W\d_])")


@register("DATE012", "date-line-leading-zero", family=FAMILY, severity="warning",
          en="the day of the date line is written with a leading zero: write \"{fixed}\"",
          fr="le jour de la ligne de date s'écrit avec un zéro initial : écrire « {fixed} »",
          ar="كُتب اليوم في سطر التاريخ بصفر في أوله؛ والصواب \"{fixed}\"",
          what="The day of the letter's date line written with a leading zero (جنيف، 06 ديسمبر 2019, "
               "Geneva, 04 June 2024).",
          why="House style writes the day as a number without a leading zero: 6 December 2019.",
          fix="Drop the zero.",
          examples=[Example("ar", "جنيف، 06 ديسمبر 2019\n\nحضرات السادة والسيدات،\n\nنص.",
                            "جنيف، 6 ديسمبر 2019\n\nحضرات السادة والسيدات،\n\nنص."),
                    Example("en", "Geneva, 04 June 2024\n\nDear Sir/Madam,\n\nText.",
                            "Geneva, 4 June 2024\n\nDear Sir/Madam,\n\nText.")],
          profiles=["itu"])
def date_line_leading_zero(ctx):
    m = ctx._date_line_mention
    if m is None:
        return
    text = ctx.texts[m.block]
    z = _ZERO_DAY.match(text, m.start) or _ZERO_DAY.search(text[m.start:m.end])
    if z is None:
        return
    s = z.start() if z.string is text else m.start + z.start()
    yield Hit(m.block, s, s + 2, z.group(1), {"fixed": z.group(1)})


def _fr_months() -> tuple[str, ...]:
    entry = languages.get("fr")
    return tuple(entry.months) if entry is not None else ()


@register("DATE013", "french-capitalised-month", family=FAMILY, severity="warning", languages=["fr"],
          en="French writes month names in lower case: \"{fixed}\"",
          fr="le nom du mois s'écrit en minuscules : « {fixed} »",
          ar="تُكتب أسماء الأشهر بالفرنسية بحروف صغيرة: \"{fixed}\"",
          what="A month name with a capital in a French date (le 5 Juin 2024, du 3 au 5 Mars).",
          why="French typography: months and days take no capital (le 5 juin 2024).",
          fix="Write the month in lower case.",
          examples=[Example("fr", "La réunion aura lieu le 5 Juin 2025 à Genève.",
                            "La réunion aura lieu le 5 juin 2025 à Genève.")])
def french_capitalised_month(ctx):
    months = _fr_months()
    if not months:
        return
    alt = "|".join(re.escape(mo.capitalize()) for mo in months)
    rx = re.compile(rf"(?:(?<=\d\s)|(?<=\d\u00a0)|(?<=1er\s)|(?<=\d{{2}}\s))({alt})\b|(?<=[a-zé,]\s)({alt})(?=\s+\d{{4}})")
    for i, text, _lang in ctx.blocks(languages={"fr"}):
        for m in rx.finditer(text):
            g = m.group(1) or m.group(2)
            s = m.start(1) if m.group(1) else m.start(2)
            yield Hit(i, s, s + len(g), g.lower(), {"fixed": g.lower()})
