"""Arabic text: presentation forms, bidi controls, digit systems, Latin punctuation inside Arabic,
Persian look-alike letters."""
from __future__ import annotations

import bisect
import re

from ...locale import languages
from ..registry import Example, Hit, register
from ...locale.text import ARABIC_LETTER, masked, nfkc_presentation

FAMILY = "arabic"

_PRESENTATION = re.compile("[\ufb50-\ufdff\ufe70-\ufefe]+")


@register("AR001", "presentation-forms", family=FAMILY, severity="error",
          en="Arabic presentation-form characters (reshaped text pasted from a PDF or an image tool)",
          fr="caractères arabes de forme de présentation (texte remodelé copié d'un PDF ou d'un outil d'image)",
          ar="حروف عربية بأشكال العرض (نص أعيد تشكيله منسوخ من ملف PDF أو من أداة لمعالجة الصور)",
          what="Arabic letters in their presentation forms (U+FB50–FDFF, U+FE70–FEFE) instead of normal letters.",
          why="Word, Qt and search engines shape Arabic themselves: presentation forms display reversed or "
              "unjoined, cannot be searched or spell-checked.",
          fix="Replace them with the normal letters (Unicode NFKC on those characters).",
          examples=[Example("ar", "حضرات السادة \ufeed\ufe8e\ufedf\ufeb4\ufef4\ufeaa\ufe8e\ufe95،",
                            "حضرات السادة والسيدات،")])
def presentation_forms(ctx):
    for i, text, _lang in ctx.blocks():
        for m in _PRESENTATION.finditer(text):
            yield Hit(i, m.start(), m.end(), nfkc_presentation(m.group()), {})


_OPEN = {"\u202a": "\u202c", "\u202b": "\u202c", "\u202d": "\u202c", "\u202e": "\u202c",
         "\u2066": "\u2069", "\u2067": "\u2069", "\u2068": "\u2069"}
_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c\ufeff]")
_NAMES = {"\u202a": "LRE", "\u202b": "RLE", "\u202c": "PDF", "\u202d": "LRO", "\u202e": "RLO",
          "\u2066": "LRI", "\u2067": "RLI", "\u2068": "FSI", "\u2069": "PDI", "\u200e": "LRM",
          "\u200f": "RLM", "\u061c": "ALM", "\ufeff": "BOM/ZWNBSP"}


@register("AR002", "bidi-controls", family=FAMILY, severity="warning",
          en="{problem} bidi control character {name}",
          fr="caractère de contrôle bidi {name} {problem_fr}",
          ar="حرف تحكم ثنائي الاتجاه {name} {problem_ar}",
          what="Bidi control characters that are unbalanced (an embedding, override or isolate never closed, "
               "a PDF/PDI closing nothing), overrides (LRO/RLO, which reverse text), a BOM inside the text, "
               "or marks repeated or in a left-to-right paragraph without Arabic.",
          why="Unbalanced controls reorder the rest of the paragraph on screen and in print.",
          fix="Remove the stray control character (LRM around a number, as the BIDI fix inserts, is fine).",
          examples=[Example("ar", "الهاتف: \u202a+41 22 730 5614", "الهاتف: \u200e+41 22 730 5614\u200e"),
                    Example("en", "Phone: \u202e+41 22 730 5614\u202c", "Phone: +41 22 730 5614")])
def bidi_controls(ctx):
    for i, text, _lang in ctx.blocks():
        if not _CONTROLS.search(text):
            continue
        stack: list[tuple[str, int]] = []
        skip: set[int] = set()
        has_ar = re.search(f"[{ARABIC_LETTER}]", text) is not None
        pdfs = [m.start() for m in re.finditer("\u202c", text)]  # found once, not once per override
        for m in _CONTROLS.finditer(text):
            ch, pos = m.group(), m.start()
            name = _NAMES[ch]
            if pos in skip:
                continue
            if ch in ("\u202d", "\u202e"):
                k = bisect.bisect_right(pdfs, pos)
                close = pdfs[k] if k < len(pdfs) else -1
                if close >= 0:
                    skip.add(close)
                    yield Hit(i, pos, close + 1, text[pos + 1:close],
                              {"problem": "override", "problem_fr": "(inversion forcée)", "problem_ar": "يفرض اتجاه النص قسراً", "name": name})
                else:
                    yield Hit(i, pos, pos + 1, "", {"problem": "override", "problem_fr": "(inversion forcée)", "problem_ar": "يفرض اتجاه النص قسراً", "name": name})
                continue
            if ch in _OPEN:
                stack.append((ch, pos))
            elif ch in ("\u202c", "\u2069"):
                if stack and _OPEN[stack[-1][0]] == ch:
                    stack.pop()
                else:
                    yield Hit(i, pos, pos + 1, "", {"problem": "unmatched closing", "problem_fr": "fermant sans ouvrant",
                                                    "problem_ar": "يُغلق دون أن يقابله حرف فتح", "name": name})
            elif ch == "\ufeff":
                yield Hit(i, pos, pos + 1, "", {"problem": "stray", "problem_fr": "égaré", "problem_ar": "في غير موضعه", "name": name})
            elif ch in ("\u200e", "\u200f", "\u061c"):
                if pos > 0 and text[pos - 1] == ch:
                    yield Hit(i, pos, pos + 1, "", {"problem": "repeated", "problem_fr": "répété", "problem_ar": "مكرر", "name": name})
                elif not has_ar and ch != "\u200e":
                    yield Hit(i, pos, pos + 1, "", {"problem": "stray", "problem_fr": "égaré", "problem_ar": "في غير موضعه", "name": name})
        for ch, pos in stack:
            if ch in ("\u202d", "\u202e"):
                continue
            yield Hit(i, pos, pos + 1, "", {"problem": "unclosed", "problem_fr": "jamais fermé", "problem_ar": "لم يُغلق", "name": _NAMES[ch]})


_AR_DIGITS = re.compile("[\u0660-\u0669\u06f0-\u06f9]+")
_WEST_DIGITS = re.compile("[0-9]")
_MIXED_NUMBER = re.compile("(?=[0-9\u0660-\u0669\u06f0-\u06f9]*[0-9])(?=[0-9\u0660-\u0669\u06f0-\u06f9]*[\u0660-\u0669\u06f0-\u06f9])[0-9\u0660-\u0669\u06f0-\u06f9]+")
_TO_WEST = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")


@register("AR003", "mixed-digits", family=FAMILY, severity="warning",
          en="Arabic-Indic digits \"{digits}\" in a letter that uses Western digits",
          fr="chiffres indo-arabes « {digits} » dans une lettre en chiffres occidentaux",
          ar="أرقام هندية \"{digits}\" في رسالة تستخدم الأرقام العربية الغربية (0-9)",
          what="Arabic-Indic digits (٠١٢…) mixed with Western digits (0–9) in the same letter or number.",
          why="House style for Arabic letters is Western digits; mixed systems look careless and "
              "break searching and sorting.",
          fix="Write the number in Western digits.",
          examples=[Example("ar", "سيعقد الاجتماع من ٦ إلى 9 أبريل 2020.", "سيعقد الاجتماع من 6 إلى 9 أبريل 2020.")])
def mixed_digits(ctx):
    west = any(_WEST_DIGITS.search(masked(t)) for _i, t, lang in ctx.blocks() if lang == "ar") or \
        any(_WEST_DIGITS.search(masked(t)) for t in ctx.texts)
    if not west:
        return
    for i, text, _lang in ctx.blocks():
        for m in _AR_DIGITS.finditer(text):
            yield Hit(i, m.start(), m.end(), m.group().translate(_TO_WEST), {"digits": m.group()})


_LATIN_PUNCT = {",": "،", ";": "؛", "?": "؟"}
# a Latin , ; ? with an Arabic letter (or Arabic word + space) on its left and not between digits
_AR_PUNCT = re.compile(f"(?<=[{ARABIC_LETTER}\u064b-\u0652)\\]»\"])\\s?([,;?])(?![0-9])")


@register("AR004", "latin-punctuation-in-arabic", family=FAMILY, severity="warning", languages=["ar"],
          en="Latin \"{mark}\" in Arabic text; Arabic uses \"{arabic}\"",
          fr="« {mark} » latin dans un texte arabe; l'arabe utilise « {arabic} »",
          ar="علامة ترقيم لاتينية \"{mark}\" في نص عربي؛ والعلامة العربية المقابلة هي \"{arabic}\"",
          what="A Latin comma, semicolon or question mark after an Arabic word.",
          why="Arabic has its own marks (، ؛ ؟); the Latin ones look wrong and face the wrong way.",
          fix="Use the Arabic mark.",
          examples=[Example("ar", "جنيف, سويسرا", "جنيف، سويسرا"),
                    Example("ar", "هل ستشاركون في الاجتماع?", "هل ستشاركون في الاجتماع؟")])
def latin_punct(ctx):
    for i, text, lang in ctx.blocks(languages={"ar"}):
        t = masked(text)
        for m in _AR_PUNCT.finditer(t):
            mark = m.group(1)
            s = m.start(1)
            # a Latin comma right before Latin text ("Gitanjali Sah, Head") is Latin
            after = t[s + 1:s + 3].strip()
            if after and re.match(r"[A-Za-z]", after):
                continue
            yield Hit(i, s, s + 1, _LATIN_PUNCT[mark], {"mark": mark, "arabic": _LATIN_PUNCT[mark]})


_PERSIAN = {"\u06cc": "ي", "\u06a9": "ك", "\u06c0": "ة", "\u06d5": "ه"}
_PERSIAN_RE = re.compile("[\u06cc\u06a9\u06c0\u06d5]")


@register("AR005", "persian-letters", family=FAMILY, severity="warning", languages=["ar"],
          en="Persian letter \"{ch}\" (U+{cp}) in Arabic text; Arabic uses \"{fix}\"",
          fr="lettre persane « {ch} » (U+{cp}) dans un texte arabe; l'arabe utilise « {fix} »",
          ar="الحرف الفارسي \"{ch}\" (U+{cp}) في نص عربي؛ والحرف العربي المقابل هو \"{fix}\"",
          what="Persian/Urdu look-alike letters (ی ک ۀ ە) in Arabic words, usually from a Persian keyboard.",
          why="They look almost the same but break searching, sorting and spell-checking.",
          fix="Use the Arabic letter (ي ك ة ه).",
          examples=[Example("ar", "الاتحاد الدولی للاتصالات", "الاتحاد الدولي للاتصالات")])
def persian_letters(ctx):
    for i, text, lang in ctx.blocks(languages={"ar"}):
        for m in _PERSIAN_RE.finditer(text):
            ch = m.group()
            yield Hit(i, m.start(), m.end(), _PERSIAN[ch], {"ch": ch, "cp": f"{ord(ch):04X}", "fix": _PERSIAN[ch]})


# ---- month names, "علي" for "على", "و" apart from its word -------------------------------------
# The house month names are babel's (يناير … ديسمبر). Forms used in the Maghreb, French
# transliterations and common misspellings are the language table's ``non_standard_months``.
_DAY_BEFORE = re.compile(r"(?:^|[^\d٠-٩])[0-9٠-٩]{1,2}(?:\s*[-–]\s*[0-9٠-٩]{1,2})?\s*$")
_YEAR_AFTER = re.compile(r"^\s*[,،]?\s*[0-9٠-٩]{4}(?![0-9٠-٩])")


def non_standard_month(text: str, s: int, e: int) -> str | None:
    """The house month name if text[s:e] is a non-standard Arabic month name in a date (after a
    day number or before a year), else None."""
    word = text[s:e]
    house = languages.language("ar").non_standard_months.get(word)
    if house is None:
        return None
    if _DAY_BEFORE.search(text[max(0, s - 12):s]) or _YEAR_AFTER.match(text[e:e + 8]):
        return house
    return None


_AR_TOKEN = re.compile(f"[{ARABIC_LETTER}]+")


@register("AR006", "non-standard-month-name", family=FAMILY, severity="warning", languages=["ar"],
          en="\"{word}\" is not the month name of the house: write \"{house}\"",
          fr="« {word} » n'est pas le nom de mois de la maison : écrire « {house} »",
          ar="\"{word}\" ليس اسم الشهر المعتمد؛ والصواب \"{house}\"",
          what="A month in a date written in a Maghreb form (جانفي، جوان، شتنبر), as a transliteration of "
               "the French name (جوييه) or misspelt (مي، إبريل), where the house writes the names "
               "babel gives (يناير … ديسمبر).",
          why="One set of month names throughout; readers elsewhere do not know the regional forms, "
              "and a misspelt month looks careless in a date.",
          fix="Write the house month name.",
          examples=[Example("ar", "جنيف، 17 مي 2025", "جنيف، 17 مايو 2025"),
                    Example("ar", "تعقد الدورة من 3 إلى 5 جوان 2026 في جنيف.",
                            "تعقد الدورة من 3 إلى 5 يونيو 2026 في جنيف.")])
def month_names(ctx):
    for i, text, _lang in ctx.blocks(languages={"ar"}):
        for m in _AR_TOKEN.finditer(text):
            house = non_standard_month(text, m.start(), m.end())
            if house:
                yield Hit(i, m.start(), m.end(), house, {"word": m.group(), "house": house})


# "علي" (the name Ali) typed for the preposition "على": before what only the preposition takes
_ALA_NEXT = re.compile(r"\s+(?:أن|أنّ|أنه|أنها|أنهم|أنكم|أننا|هذا|هذه|ذلك|تلك|هذين|جميع|كل|كافة|سبيل|نحو|حد|"
                       r"وجه|مستوى|مدى|أساس|ضوء|غرار|نطاق|الرغم|الأقل|النحو|الصعيد|الإطلاق|الفور|"
                       r"الموقع|الرابط|العنوان|البريد|الإنترنت|المستوى|المشاركة)(?![\w])")
_NAME_BEFORE = re.compile(r"(?:السيد|السيدة|الدكتور|الأستاذ|المهندس|الشيخ|سعادة|معالي|بن|ابن|أبو|الإمام)\s+$")


@register("AR007", "ali-for-ala", family=FAMILY, severity="warning", languages=["ar"],
          en="\"علي\" (a name) where the preposition \"على\" is meant",
          fr="« علي » (un prénom) là où la préposition « على » est voulue",
          ar="\"علي\" (اسم علم) والمقصود حرف الجر \"على\"",
          what="The preposition على written with a dotted ي (علي, the name Ali) before a word only the "
               "preposition takes (علي أن، علي سبيل المثال، علي الرغم).",
          why="A frequent keyboard slip that the dictionary cannot see, as علي is a word.",
          fix="Write على.",
          examples=[Example("ar", "يرجى التسجيل علي الموقع الإلكتروني.", "يرجى التسجيل على الموقع الإلكتروني."),
                    Example("ar", "وأود أن أؤكد علي أن المشاركة مفتوحة.", "وأود أن أؤكد على أن المشاركة مفتوحة.")])
def ali_for_ala(ctx):
    for i, text, _lang in ctx.blocks(languages={"ar"}):
        for m in re.finditer(r"(?<![\w])علي(?![\w])", text):
            if _ALA_NEXT.match(text, m.end()) and not _NAME_BEFORE.search(text[max(0, m.start() - 12):m.start()]):
                yield Hit(i, m.start(), m.end(), "على", {})


_LONE_WAW = re.compile(rf"(?:(?<=\s)|^)و[ \u00a0]+(?=[{ARABIC_LETTER}])")


@register("AR008", "waw-apart", family=FAMILY, severity="warning", languages=["ar"],
          en="the conjunction \"و\" stands apart from its word",
          fr="la conjonction « و » est séparée de son mot",
          ar="حرف العطف \"و\" منفصل عن الكلمة التي تليه",
          what="The conjunction و followed by a space (و تعمل), where Arabic writes it joined to the next "
               "word (وتعمل).",
          why="A detached و is a typing slip; it may also be carried to the end of a line alone.",
          fix="Join و to the next word.",
          examples=[Example("ar", "يعمل الاتحاد مع أعضائه و تعمل القطاعات معاً.",
                            "يعمل الاتحاد مع أعضائه وتعمل القطاعات معاً.")])
def waw_apart(ctx):
    for i, text, _lang in ctx.blocks(languages={"ar"}):
        for m in _LONE_WAW.finditer(text):
            yield Hit(i, m.start(), m.end(), "و", {})
