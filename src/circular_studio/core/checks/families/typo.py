"""Consistency and typography: repeated words, one term written two ways, resolution citations in
house form, double spaces, French colon, repeated punctuation, spaces around punctuation."""
from __future__ import annotations

import re
from collections import Counter

from ...document import BlockKind
from ..registry import Example, Hit, register
from .term import terms
from ...locale import languages
from ...locale.spelling import latin_ok
from ...locale.text import masked

FAMILY = "consistency"

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_ALLOWED_REPEATS = {"nous", "vous", "that", "had", "is", "très", "bla", "من"}


@register("TYPO001", "repeated-word", family=FAMILY, severity="warning",
          en="\"{word}\" is repeated",
          fr="« {word} » est répété",
          ar="تكرار \"{word}\"",
          what="The same word (or pair of words) twice in a row (le le, the the, في في, à la à la).",
          why="A typing slip readers notice at once.",
          fix="Remove the second occurrence.",
          examples=[Example("fr", "La conférence se tiendra à à Bakou.", "La conférence se tiendra à Bakou."),
                    Example("en", "The the meeting will be held in Geneva.", "The meeting will be held in Geneva."),
                    Example("ar", "سيعقد المنتدى في في جنيف.", "سيعقد المنتدى في جنيف.")])
def repeated_word(ctx):
    for i, text, lang in ctx.blocks():
        t = masked(text)
        prev = None
        for m in _WORD.finditer(t):
            w = m.group()
            if prev is not None:
                gap = t[prev.end():m.start()]
                if gap.strip() == "" and "\n" not in gap and w.casefold() == prev.group().casefold() \
                        and w.casefold() not in _ALLOWED_REPEATS and len(w) > 0:
                    yield Hit(i, prev.end(), m.end(), "", {"word": w})
            prev = m
        # a repeated pair of words: "à la à la", "of the of the"
        words = list(_WORD.finditer(t))
        for k in range(len(words) - 3):
            a, b, c, d = words[k:k + 4]
            gaps = [t[x.end():y.start()] for x, y in ((a, b), (b, c), (c, d))]
            if all(g.strip() == "" and "\n" not in g for g in gaps) \
                    and a.group().casefold() == c.group().casefold() and b.group().casefold() == d.group().casefold() \
                    and a.group().casefold() != b.group().casefold():
                yield Hit(i, b.end(), d.end(), "", {"word": f"{a.group()} {b.group()}"})


# ACRONYM-NUMBER terms: CMDT-25 / CMDT 25 / CMDT25, WSIS+20 / WSIS + 20
_TERM = re.compile(r"(?<![\w-])([A-Z][A-Za-z]{1,9})(\s?[-–+/]\s?|\s)(\d{1,4})(?![\w-])"
                   r"|(?<![\w-])([A-Z]{2,9})()(\d{2})(?![\w-])")  # WTDC25
_HYPHEN_WORD = re.compile(r"(?<![\w-])([^\W\d_]{2,})-([^\W\d_]{2,})(?![\w-])")


@register("TYPO002", "term-two-spellings", family=FAMILY, severity="warning",
          en="\"{variant}\" is written \"{usual}\" elsewhere in the letter",
          fr="« {variant} » est écrit « {usual} » ailleurs dans la lettre",
          ar="ورد \"{variant}\" بصيغة \"{usual}\" في مواضع أخرى من الرسالة",
          what="One term written two ways in the same letter (CMDT-25 and CMDT 25, e-mail and email).",
          why="Inconsistency suggests two different things and looks careless.",
          fix="Use the spelling used most often (the fix).",
          examples=[Example("fr", "La CMDT-25 se tiendra à Bakou. Nous comptons sur vous à la CMDT 25.",
                            "La CMDT-25 se tiendra à Bakou. Nous comptons sur vous à la CMDT-25."),
                    Example("en", "The WSIS+20 event is open. Register for WSIS + 20 now.",
                            "The WSIS+20 event is open. Register for WSIS+20 now."),
                    Example("ar", "سيعقد الحدث WSIS+20 في جنيف. والمشاركة في WSIS 20 مفتوحة.",
                            "سيعقد الحدث WSIS+20 في جنيف. والمشاركة في WSIS+20 مفتوحة.")])
def two_spellings(ctx):
    groups: dict[str, list[tuple[int, int, int, str]]] = {}
    styles: dict[str, list[tuple]] = {}
    for i, text, _lang in ctx.blocks():
        t = masked(text)
        for m in _TERM.finditer(t):
            acr, sep, num = m.groups()[:3] if m.group(1) else m.groups()[3:]
            if not (acr.isupper() or sum(c.isupper() for c in acr) >= 2):
                continue
            if sep.strip() == "/" :
                continue
            key = f"{acr.upper()}|{num}"
            groups.setdefault(key, []).append((i, m.start(), m.end(), m.group()))
            if len(num) == 2 and sep.strip() in ("-", "–", ""):
                # WTDC-22 … WTDC 25: one acronym, its years joined two ways
                styles.setdefault(acr.upper(), []).append((i, m.start(), m.end(), m.group(), sep.strip() or " ", acr, num))
        for m in _HYPHEN_WORD.finditer(t):
            key = "W|" + (m.group(1) + m.group(2)).casefold()
            groups.setdefault(key, []).append((i, m.start(), m.end(), m.group()))
    # closed forms of hyphenated words (email vs e-mail)
    closed: dict[str, list] = {k: [] for k in groups if k.startswith("W|")}
    if closed:
        for i, text, _lang in ctx.blocks():
            for m in _WORD.finditer(masked(text)):
                k = "W|" + m.group().casefold()
                if k in closed:
                    closed[k].append((i, m.start(), m.end(), m.group()))
        for k, rows in closed.items():
            groups[k].extend(rows)
    flagged: set[tuple[int, int]] = set()
    for key, rows in groups.items():
        # Words differ by their joining only: "High-Level Track" (a name) beside "high-level" is
        # capitalisation, not a second spelling; acronyms keep their case.
        norm = (lambda f: _norm_form(f).casefold()) if key.startswith("W|") else _norm_form
        forms = Counter(norm(r[3]) for r in rows)
        if len(forms) < 2:
            continue
        # the most frequent form; on a tie the hyphenated one (house style: CMDT-25), then the first
        usual = max(forms, key=lambda f: (forms[f], "-" in f,
                                          -min(idx for idx, r in enumerate(rows) if norm(r[3]) == f)))
        usual_text = next(r[3] for r in rows if norm(r[3]) == usual)
        for i, s, e, form in rows:
            if norm(form) != usual:
                flagged.add((i, s))
                yield Hit(i, s, e, usual_text, {"variant": form, "usual": usual_text})
    for acr, rows in styles.items():
        seps = Counter(r[4] for r in rows)
        if len(seps) < 2:
            continue
        usual_sep = max(seps, key=lambda x: (seps[x], x == "-"))
        model = next(r[3] for r in rows if r[4] == usual_sep)
        for i, s, e, form, sep, a, num in rows:
            if sep != usual_sep and (i, s) not in flagged:
                fixed = f"{a}{'-' if usual_sep == '-' else ' '}{num}"
                yield Hit(i, s, e, fixed, {"variant": form, "usual": model})


def _norm_form(s: str) -> str:
    return s.replace("\u00a0", " ").lower() if False else s.replace("\u00a0", " ")


# ---- resolution citations --------------------------------------------------------------------
_PLACES = {
    # canonical key: (fr, en, ar)
    "dubai": ("Dubaï", "Dubai", "دبي"),
    "bucharest": ("Bucarest", "Bucharest", "بوخارست"),
    "busan": ("Busan", "Busan", "بوسان"),
    "guadalajara": ("Guadalajara", "Guadalajara", "غوادالاخارا"),
    "antalya": ("Antalya", "Antalya", "أنطاليا"),
    "marrakesh": ("Marrakech", "Marrakesh", "مراكش"),
    "minneapolis": ("Minneapolis", "Minneapolis", "مينيابوليس"),
    "kyoto": ("Kyoto", "Kyoto", "كيوتو"),
    "kigali": ("Kigali", "Kigali", "كيغالي"),
    "buenosaires": ("Buenos Aires", "Buenos Aires", "بوينس آيرس"),
    "hyderabad": ("Hyderabad", "Hyderabad", "حيدر آباد"),
    "doha": ("Doha", "Doha", "الدوحة"),
    "istanbul": ("Istanbul", "Istanbul", "إسطنبول"),
    "geneva": ("Genève", "Geneva", "جنيف"),
    "hammamet": ("Hammamet", "Hammamet", "الحمامات"),
    "johannesburg": ("Johannesburg", "Johannesburg", "جوهانسبرغ"),
    "florianopolis": ("Florianópolis", "Florianópolis", "فلوريانوبوليس"),
    "malta": ("Malte", "Malta", "مالطة"),
    "mexico": ("Mexico", "Mexico", "مكسيكو"),
    "montreux": ("Montreux", "Montreux", "مونترو"),
    "kyotojp": ("Kyoto", "Kyoto", "كيوتو"),
    "sharmelsheikh": ("Charm el-Cheikh", "Sharm el-Sheikh", "شرم الشيخ"),
    "wellington": ("Wellington", "Wellington", "ويلينغتون"),
}
_LANG_IDX = {"fr": 0, "en": 1, "ar": 2}


def _place_key(name: str) -> str | None:
    n = re.sub(r"[\s\-]", "", name.casefold()).replace("ï", "i").replace("é", "e").replace("ó", "o")
    for key, forms in _PLACES.items():
        for f in forms:
            if re.sub(r"[\s\-]", "", f.casefold()).replace("ï", "i").replace("é", "e").replace("ó", "o") == n:
                return key
    return None


_CIT_LATIN = re.compile(r"(?<![\w])(?P<word>R[ée]solution|RÉSOLUTION|RESOLUTION|R[ée]s\.)\s*(?P<num>\d{1,3}(?:\s*\([^)]*\))?)?"
                        r"(?P<num2>\d{1,3})?\s*\((?P<inside>[^()]{2,60})\)")
_CIT_LATIN = re.compile(r"(?<![\w])(?P<word>R[ée]solution|RÉSOLUTION|RESOLUTION|R[ée]s\.)\s*(?P<num>\d{1,3})\s*\((?P<inside>[^()]{2,60})\)")
_CIT_AR = re.compile(r"(?<![\u0621-\u064a])(?P<word>(?:و|ب|ف)?(?:لل|ل|ال)?قرار)\s+(?P<num>\d{1,3})\s*\((?P<inside>[^()]{2,60})\)")
_INSIDE_LATIN = re.compile(r"^(?P<rev>R[ée]vis[ée]e?\s+|Revised\s+|R[ée]v\.?\s*|Rev\.?\s*)?(?P<place>[^\W\d_][^\d,]*?)\s*[,،]?\s*(?P<year>\d{4})$")
_INSIDE_AR = re.compile(r"^(?P<rev>(?:المراجَع|المراجع|المراجعة|مراجَع|مراجع|مراجعة)\s+(?:في\s+)?)?(?P<place>[^\d،,]+?)\s*(?P<comma>[،,])?\s*(?P<year>\d{4})$")


# Plenipotentiary Conferences and the first number of the resolutions they adopted: a lower number
# cited with that conference is a resolution it revised, so the citation needs "Rev." (Resolution 99
# (Rev. Dubai, 2018), Resolution 140 (Rev. Bucharest, 2022)). Conservative bounds, known for sure.
_PP_FIRST_NEW = {("bucharest", "2022"): 206, ("dubai", "2018"): 201, ("busan", "2014"): 188}


def _needs_rev(num: str, place_key: str, year: str) -> bool:
    first = _PP_FIRST_NEW.get((place_key, year))
    return first is not None and int(num) < first


def _house_citation(lang: str, word: str, num: str, rev: bool, place_key: str, year: str) -> str:
    rev = rev or _needs_rev(num, place_key, year)
    place = _PLACES[place_key][_LANG_IDX[lang]]
    if word.endswith("."):  # "Res. 198 (Rev. Bucharest, 2022)": the citation spells the word out
        word = "Résolution" if lang == "fr" else "Resolution"
    if lang == "fr":
        w = "Résolution" if not word.isupper() else "RÉSOLUTION"
        return f"{w} {num} ({'Rév. ' if rev else ''}{place}, {year})"
    if lang == "en":
        w = "Resolution" if not word.isupper() else "RESOLUTION"
        return f"{w} {num} ({'Rev. ' if rev else ''}{place}, {year})"
    return f"{word} {num} ({'المراجَع في ' if rev else ''}{place}، {year})"


@register("TYPO003", "resolution-citation", family=FAMILY, severity="warning",
          en="resolution citation not in house form: write \"{expected}\"",
          fr="citation de résolution hors style maison: écrire « {expected} »",
          ar="صيغة الإحالة إلى القرار لا تتبع الأسلوب المعتمد؛ والصواب \"{expected}\"",
          what="A resolution cited otherwise than the house form: Résolution 99 (Rév. Dubaï, 2018), "
               "Resolution 198 (Rev. Bucharest, 2022), القرار 99 (المراجَع في دبي، 2018) — wrong revision "
               "abbreviation, missing comma, the place in another language.",
          why="Citations are searched and cross-referenced in their house form.",
          fix="Rewrite the citation in house form (the fix).",
          examples=[Example("fr", "Conformément à la Résolution 99 (Rev. Dubai 2018) de la Conférence.",
                            "Conformément à la Résolution 99 (Rév. Dubaï, 2018) de la Conférence."),
                    Example("en", "In line with Resolution 198 (Rév. Bucarest, 2022), we invite you.",
                            "In line with Resolution 198 (Rev. Bucharest, 2022), we invite you."),
                    Example("ar", "وفقاً للقرار 99 (المراجع في دبي, 2018) لمؤتمر المندوبين المفوضين.",
                            "وفقاً للقرار 99 (المراجَع في دبي، 2018) لمؤتمر المندوبين المفوضين.")])
def resolution_citation(ctx):
    for i, text, lang in ctx.blocks():
        if lang in ("fr", "en"):
            for m in _CIT_LATIN.finditer(text):
                inside = m.group("inside").strip()
                im = _INSIDE_LATIN.match(inside)
                if not im:
                    continue
                key = _place_key(im.group("place").strip())
                if key is None:
                    continue
                expected = _house_citation(lang, m.group("word"), m.group("num"), bool(im.group("rev")), key, im.group("year"))
                actual = text[m.start():m.end()]
                if re.sub(r"\s+", " ", actual) != expected:
                    yield Hit(i, m.start(), m.end(), expected, {"expected": expected})
        elif lang == "ar":
            for m in _CIT_AR.finditer(text):
                inside = m.group("inside").strip()
                key = None
                for rx in (_INSIDE_AR, _INSIDE_LATIN):  # "(Rev. Bucharest, 2022)" in an Arabic letter
                    im = rx.match(inside)
                    key = _place_key(im.group("place").strip()) if im else None
                    if key:
                        break
                if key is None:
                    continue
                rev = im.group("rev")
                expected = _house_citation("ar", m.group("word"), m.group("num"), bool(rev), key, im.group("year"))
                actual = re.sub(r"\s+", " ", text[m.start():m.end()])
                # the house form with or without the fatha on المراجَع
                if actual.replace("المراجع ", "المراجَع ") != expected:
                    yield Hit(i, m.start(), m.end(), expected, {"expected": expected})


_DOUBLE_SPACE = re.compile(r"(?<=\S)[ \u00a0]{2,}(?=\S)")


# spaces that align a paragraph's text after its number ("1.         I am pleased"): a tab
# turned into spaces by a web page or a converter, not a typing slip
_AFTER_NUMBER = re.compile(r"(?:^|\n)\s*(?:\d{1,3}|[a-zA-Z]|[ivxIVX]{1,4})[.)]$")
# a short header line of fields laid out with spaces (a place, then a date): no sentence in it
_FIELD_GAP = re.compile(r"^[^.!?;:\n]{3,40}\s{2,}\d{1,2}\s+[^\W\d_]+\s+\d{4}\s*$")


def _line_at(text: str, pos: int) -> str:
    return text[text.rfind("\n", 0, pos) + 1:(text.find("\n", pos) + 1 or len(text) + 1) - 1]


@register("TYPO004", "double-space", family=FAMILY, severity="warning",
          en="several spaces in a row",
          fr="plusieurs espaces consécutives",
          ar="عدة مسافات متتالية",
          what="Two or more spaces between words.",
          why="They show as uneven gaps in print, especially in justified Arabic text.",
          fix="Keep one space.",
          examples=[Example("fr", "La conférence  se tiendra à Bakou.", "La conférence se tiendra à Bakou."),
                    Example("en", "The meeting  will be held in Geneva.", "The meeting will be held in Geneva."),
                    Example("ar", "سيعقد المنتدى  في جنيف.", "سيعقد المنتدى في جنيف.")])
def double_space(ctx):
    for i, text, _lang in ctx.blocks():
        for m in _DOUBLE_SPACE.finditer(text):
            if _AFTER_NUMBER.search(text[max(0, m.start() - 8):m.start()]):
                continue
            if _FIELD_GAP.match(_line_at(text, m.start())) and text[m.end():m.end() + 1].isdigit():
                continue  # "Geneva, Switzerland  04 June 2024": two fields of a header line
            yield Hit(i, m.start(), m.end(), " ", {})


_FR_COLON = re.compile(r"(?<=[^\s\d])([ \u00a0\u202f]+):(?!//)")


@register("TYPO005", "french-space-before-colon", family=FAMILY, severity="warning", languages=["fr"],
          en="ITU French house style puts no space before \":\"",
          fr="le style maison de l'UIT ne met pas d'espace avant « : »",
          ar="لا يضع أسلوب التحرير الفرنسي المعتمد في الاتحاد مسافةً قبل \":\"",
          what="A space (or no-break space) before a colon in French.",
          why="ITU French house style: Objet:, Référence:, à l'adresse suivante:.",
          fix="Remove the space.",
          examples=[Example("fr", "Objet : Invitation à la CMDT-25", "Objet: Invitation à la CMDT-25")],
          profiles=["itu"])
def french_colon(ctx):
    for i, text, lang in ctx.blocks(languages={"fr"}):
        t = masked(text)
        for m in _FR_COLON.finditer(t):
            yield Hit(i, m.start(1), m.end(1), "", {})


_REPEATED_PUNCT = re.compile(r"([,;:!?،؛؟])\1+|(?<!\.)\.\.(?!\.)|([!?؟])(?!\2)[!?؟]|،\s*,|,\s*،|\.\s*،|،\s*\.(?!\.)")


@register("TYPO006", "repeated-punctuation", family=FAMILY, severity="warning",
          en="repeated punctuation \"{text}\"",
          fr="ponctuation répétée « {text} »",
          ar="علامات ترقيم مكررة \"{text}\"",
          what="The same or two clashing punctuation marks in a row (,, .. ،، ؟؟ ،. ).",
          why="A typing slip; in Arabic the marks also jump around the bidi boundary.",
          fix="Keep one mark.",
          examples=[Example("ar", "حضرات السادة والسيدات،،", "حضرات السادة والسيدات،"),
                    Example("fr", "Madame, Monsieur,,", "Madame, Monsieur,"),
                    Example("en", "Please reply soon..", "Please reply soon.")])
def repeated_punct(ctx):
    for i, text, _lang in ctx.blocks():
        t = masked(text)
        for m in _REPEATED_PUNCT.finditer(t):
            g = m.group()
            keep = g.strip()[0] if g.strip()[0] != "." or "،" not in g else "،"
            if "،" in g and ("," in g or "." in g):
                keep = "،" if g.strip()[0] == "،" else g.strip()[0]
            yield Hit(i, m.start(), m.end(), keep, {"text": g})


_SPACE_BEFORE = re.compile(r"(?<=[^\s\d])[ \u00a0]+([,.،؛](?!\d))")


@register("TYPO007", "space-before-punctuation", family=FAMILY, severity="warning",
          en="space before \"{mark}\"",
          fr="espace avant « {mark} »",
          ar="مسافة قبل \"{mark}\"",
          what="A space before a comma or a full stop (or an Arabic comma/semicolon).",
          why="No language of the letters puts a space there.",
          fix="Remove the space.",
          examples=[Example("fr", "Madame , Monsieur,", "Madame, Monsieur,"),
                    Example("en", "The meeting will be held in Geneva .", "The meeting will be held in Geneva."),
                    Example("ar", "جنيف ، سويسرا", "جنيف، سويسرا")])
def space_before(ctx):
    for i, text, _lang in ctx.blocks():
        t = masked(text, "x")  # "write to a@b.int, by…" has no space before its comma
        for m in _SPACE_BEFORE.finditer(t):
            if m.group(1) == "." and re.match(r"\.\.", t[m.start(1):]):
                continue  # " ..." ellipsis
            yield Hit(i, m.start(), m.start(1), "", {"mark": m.group(1)})


_NO_SPACE_AFTER = re.compile(r"(?<=[^\W\d_]{2})([,،;؛])(?=[^\W\d_])")


@register("TYPO008", "no-space-after-comma", family=FAMILY, severity="warning",
          en="no space after \"{mark}\"",
          fr="pas d'espace après « {mark} »",
          ar="لا توجد مسافة بعد \"{mark}\"",
          what="A comma or semicolon glued to the next word.",
          why="Words run together in print.",
          fix="Add a space after the mark.",
          examples=[Example("fr", "Madame,Monsieur,", "Madame, Monsieur,"),
                    Example("en", "Geneva,Switzerland", "Geneva, Switzerland"),
                    Example("ar", "في جنيف،سويسرا", "في جنيف، سويسرا")])
def no_space_after(ctx):
    for i, text, lang in ctx.blocks():
        entry = languages.get(lang)
        if entry is not None and not entry.data.get("typography", {}).get("word_spaces", True):
            continue  # Chinese puts no space after its comma (ZH001 reads its marks)
        t = masked(text)
        for m in _NO_SPACE_AFTER.finditer(t):
            yield Hit(i, m.start(1), m.end(1), m.group(1) + " ", {"mark": m.group(1)})


# ITU conferences and assemblies, named with the two digits of their year after a hyphen.
_CONFERENCES = ("WRC", "CMR", "WTDC", "CMDT", "WTSA", "AMNT", "PP", "RA", "WCIT", "CMTI", "WTPF", "FMPT",
                "RRC", "CRR")
_CONF_TERM = re.compile(rf"(?<![\w/.-])({'|'.join(_CONFERENCES)})(\s|\u00a0|–|—|)(\d{{2}})(?![\w/-]|\.\w)")


@register("TYPO009", "conference-acronym-form", family=FAMILY, severity="warning",
          en="\"{variant}\": ITU conferences are written with a hyphen ({usual})",
          fr="« {variant} »: les conférences de l'UIT s'écrivent avec un trait d'union ({usual})",
          ar="\"{variant}\": تُكتب أسماء مؤتمرات الاتحاد بواصلة ({usual})",
          what="The acronym of an ITU conference or assembly and its year not joined by a hyphen "
               "(WRC 27, CMDT25, PP–26).",
          why="House style is WRC-27, CMDT-25, PP-26; other forms look careless and are not found by "
              "searches.",
          fix="Join the acronym and the year with a hyphen.",
          examples=[Example("en", "The meeting will prepare input to WRC 27.",
                            "The meeting will prepare input to WRC-27."),
                    Example("fr", "Les propositions pour la CMDT25 sont attendues.",
                            "Les propositions pour la CMDT-25 sont attendues."),
                    Example("ar", "وسيعد الاجتماع مساهمات في WRC 27.", "وسيعد الاجتماع مساهمات في WRC-27.")])
def conference_acronym(ctx):
    rows = []
    hyphenated = set()
    for i, text, _lang in ctx.blocks():
        t = masked(text)
        for m in _CONF_TERM.finditer(t):
            rows.append((i, m))
        for m in re.finditer(rf"(?<![\w/.-])({'|'.join(_CONFERENCES)})-\d{{2}}(?![\w/-]|\.\w)", t):
            hyphenated.add(m.group(1))
    for i, m in rows:
        if m.group(1) in hyphenated:
            continue  # written both ways: TYPO002 says which form the letter uses
        usual = f"{m.group(1)}-{m.group(3)}"
        yield Hit(i, m.start(), m.end(), usual, {"variant": m.group(), "usual": usual})


_ = BlockKind


# ---- real defects seen in published letters (issue 10) ------------------------------------------
@register("TYPO010", "unclosed-parenthesis", family=FAMILY, severity="warning",
          en="a parenthesis is opened and never closed",
          fr="une parenthèse est ouverte et jamais fermée",
          ar="قوس مفتوح لا يُغلق",
          what="An opening parenthesis with no closing one in the rest of the paragraph.",
          why="The reader cannot tell where the aside ends; often a word or a whole phrase was lost.",
          fix="Close the parenthesis where the aside ends.",
          examples=[Example("en", "The meeting (Geneva, 6-7 October will review the plan.",
                            "The meeting (Geneva, 6-7 October) will review the plan."),
                    Example("ar", "سيعقد الاجتماع (جنيف، 6-7 أكتوبر لاستعراض الخطة.",
                            "سيعقد الاجتماع (جنيف، 6-7 أكتوبر) لاستعراض الخطة.")])
def unclosed_parenthesis(ctx):
    for i, text, _lang in ctx.blocks():
        t = masked(text)
        stack = []
        for k, ch in enumerate(t):
            if ch == "(":
                stack.append(k)
            elif ch == ")" and stack:
                stack.pop()
        for k in stack:
            yield Hit(i, k, k + 1, None, {})


_FR_ORDINAL = re.compile(r"\b(\d+|[IVXLC]+)(?:ème|eme|ième|ieme|è)(s?)\b|\b(1)(?:ère|ere)(s?)\b")


@register("TYPO011", "french-ordinal-form", family=FAMILY, severity="warning", languages=["fr"],
          en="French ordinal \"{word}\": house style is \"{fixed}\"",
          fr="ordinal « {word} » : le style maison écrit « {fixed} »",
          ar="العدد الترتيبي الفرنسي \"{word}\": الأسلوب المعتمد \"{fixed}\"",
          what="An ordinal written with \"ème\" (150ème, XXème) or \"ère\" (1ère) in French.",
          why="French typography and the house write 150e, XXe, 1re.",
          fix="Write e (re for the first).",
          examples=[Example("fr", "à l'occasion de la 150ème session du Conseil", "à l'occasion de la 150e session du Conseil")])
def french_ordinal(ctx):
    for i, text, _lang in ctx.blocks(languages={"fr"}):
        for m in _FR_ORDINAL.finditer(masked(text)):
            if m.group(1):
                fixed = m.group(1) + "e" + m.group(2)
            else:
                fixed = "1re" + m.group(4)
            yield Hit(i, m.start(), m.end(), fixed, {"word": m.group(), "fixed": fixed})


_ACRONYM_PLURAL = re.compile(r"\b([A-Z]{2,})s\b")


@register("TYPO012", "french-acronym-plural", family=FAMILY, severity="warning", languages=["fr"],
          en="a French acronym takes no plural s: \"{fixed}\"",
          fr="un sigle ne prend pas la marque du pluriel : « {fixed} »",
          ar="لا تأخذ المختصرات في الفرنسية علامة الجمع: \"{fixed}\"",
          what="An acronym with a plural s in French (les ONGs, des PMEs, les TICs).",
          why="French acronyms are invariable: les ONG, les PME, les TIC.",
          fix="Drop the s.",
          examples=[Example("fr", "Les ONGs et les PMEs sont invitées.", "Les ONG et les PME sont invitées.")])
def french_acronym_plural(ctx):
    for i, text, _lang in ctx.blocks(languages={"fr"}):
        for m in _ACRONYM_PLURAL.finditer(masked(text)):
            yield Hit(i, m.start(), m.end(), m.group(1), {"fixed": m.group(1)})


_CAP_WORD = re.compile(r"\b[A-ZÀ-Ý][a-zà-ÿ]+\b")
_NEXT_WORD = re.compile(r"\s+(?:(de la|des|du|de|d['’]|of the|of|for|on)\s+)?([A-Za-zÀ-ÿ][a-zà-ÿ]{2,})\b")


def _official_forms() -> dict:
    """casefolded two-word pieces of the term base's names -> their official form, per language."""
    out: dict = {}
    for row in terms():
        for lang, (name, _acr) in row.items():
            words = name.split()
            for k in range(len(words) - 1):
                rest = " ".join(words[k + 2:]).casefold()
                out.setdefault(lang, {})[(words[k].casefold(), words[k + 1].casefold())] = (words[k + 1], rest)
    return out


@register("TYPO013", "title-two-capitalisations", family=FAMILY, severity="warning", languages=["fr", "en"],
          en="\"{word}\" is capitalised two ways in this letter (also \"{other}\")",
          fr="« {word} » porte deux capitalisations dans cette lettre (aussi « {other} »)",
          ar="\"{word}\" مكتوبة بطريقتين مختلفتين في استعمال الحروف الكبيرة (وأيضاً \"{other}\")",
          what="One title or name written with two capitalisations in the same letter (Nations Unies and "
               "Nations unies; World Summit and World summit). The form of the term base "
               "(resources/terms.json) is right; otherwise the rarer form is reported.",
          why="A name is written one way; two ways look careless and one of them is wrong.",
          fix="Write the name as the term base or the rest of the letter writes it.",
          examples=[Example("fr", "Le Système des Nations Unies et le système des Nations unies.",
                            "Le Système des Nations Unies et le système des Nations Unies."),
                    Example("en", "The World Summit opens today. The World summit closes tomorrow; the World Summit "
                            "will report.",
                            "The World Summit opens today. The World Summit closes tomorrow; the World Summit "
                            "will report.")])
def title_two_capitalisations(ctx):
    seen: dict[tuple, list] = {}
    official = _official_forms()
    for i, text, lang in ctx.blocks(languages={"fr", "en"}):
        t = masked(text)
        for m in _CAP_WORD.finditer(t):
            start = m.start()
            # the first word at a sentence start says nothing about the title's capitals
            if re.search(r"(?:^|[.!?:]\s+|\n)$", t[max(0, start - 3):start]) or t[:start].strip() == "":
                continue
            nx = _NEXT_WORD.match(t, m.end())
            if not nx:
                continue
            key = (lang, m.group().casefold(), (nx.group(1) or "").casefold(), nx.group(2).casefold())
            after = t[nx.end():nx.end() + 80].casefold()
            seen.setdefault(key, []).append((i, nx.start(2), nx.end(2), nx.group(2), t[m.start():nx.end()], after))
    for key, occ in seen.items():
        upper = [o for o in occ if o[3][:1].isupper()]
        lower = [o for o in occ if not o[3][:1].isupper()]
        if not upper or not lower:
            continue
        form = official.get(key[0], {}).get((key[1], key[3])) if not key[2] else None
        right = None
        if form is not None:
            # the term base decides where the whole name is written ("Nations unies", not the
            # title of a journal "Union Postale" beside "Union postale universelle")
            right, rest = form
            if rest and not all(o[5].lstrip().startswith(rest) for o in occ if o[3] != right):
                right = None
        if right is not None:
            odd = lower if right[:1].isupper() else upper
        elif len(lower) != len(upper):
            odd = lower if len(lower) < len(upper) else upper
        else:
            continue  # one each and no term to tell: either may be right
        usual = upper if odd is lower else lower
        for i, s, e, word, phrase, _after in odd:
            yield Hit(i, s, e, usual[0][3], {"word": phrase, "other": usual[0][4]})


_GLUED = re.compile(r"\b([A-Za-zÀ-ÿ]{2,})(\d{1,4})\b|\b(\d{1,4})([a-zà-ÿ]{3,})\b|\b((?:19|20)\d\d)([A-Z][a-z]+)\b")
_NUMBER_SUFFIXES = {"st", "nd", "rd", "th", "er", "re", "e", "ème", "eme", "ieme", "ième", "km", "kg", "mhz", "ghz",
                    "khz", "hz", "gb", "mb", "kb", "kbit", "mbit", "gbit", "am", "pm", "h", "min", "bis", "ter"}


@register("TYPO014", "number-glued-to-word", family=FAMILY, severity="warning", languages=["en", "fr"],
          en="a number is glued to the word \"{word}\"",
          fr="un nombre est collé au mot « {word} »",
          ar="رقم ملتصق بالكلمة \"{word}\"",
          what="A number written against a word with no space (not later than27 April, Annex1, 2005To).",
          why="A lost space, usually from a table or a form pasted into the letter; the date or the "
              "reference may not be read at all.",
          fix="Put a space between the word and the number.",
          examples=[Example("en", "Please register not later than27 April 2025 (see Annex1).",
                            "Please register not later than 27 April 2025 (see Annex 1)."),
                    Example("fr", "Veuillez répondre avant le15 mai 2025.", "Veuillez répondre avant le 15 mai 2025.")])
def number_glued(ctx):
    for i, text, lang in ctx.blocks(languages={"en", "fr"}):
        t = masked(text)
        for m in _GLUED.finditer(t):
            if m.group(1):
                word, fixed = m.group(1), f"{m.group(1)} {m.group(2)}"
                if not word.islower() and not word.istitle():
                    continue  # a code (Gr3, WP4A, ITU2025) is not a word
                if len(word) == 2 and not word.islower():
                    continue
            elif m.group(3):
                word, fixed = m.group(4), f"{m.group(3)} {m.group(4)}"
                if word.lower() in _NUMBER_SUFFIXES:
                    continue
            else:
                word, fixed = m.group(6), f"{m.group(5)} {m.group(6)}"
            if len(word) < 2 or not latin_ok(word, lang) or not latin_ok(word.lower(), lang):
                continue
            yield Hit(i, m.start(), m.end(), fixed, {"word": word})


# words that announce several items (not "la déclaration suivante:", which announces a paragraph)
_ANNOUNCES = re.compile(r"(?:\b(?:including|inter alia|the following|following \w+s|suivants|suivantes|"
                        r"notamment|entre autres)|النقاط التالية|الأمور التالية|ما يلي)\s*[:：]\s*$", re.I)
_LIST_START = re.compile(r"^\s*(?:[-–•*▪]|\(?\d{1,2}[.)]|\(?[a-z][.)]|\(?[ivx]{1,4}[.)]|[أبجده][.)-])")


@register("TYPO015", "colon-without-list", family=FAMILY, severity="warning",
          en="a colon announces a list that does not follow",
          fr="un deux-points annonce une liste qui ne suit pas",
          ar="نقطتان تعلنان عن قائمة لا تليهما",
          what="A paragraph that ends by announcing a list (\"including:\", \"les points suivants:\", "
               "\"ما يلي:\") followed by an ordinary paragraph.",
          why="The announced items were lost when the letter was edited or pasted.",
          fix="Restore the list, or end the sentence without announcing it.",
          examples=[Example("en", "Dear Sir/Madam,\n\nThe meeting will discuss a proposal including:\n\n"
                            "To enable the Secretariat to make the arrangements, please register by 29 September.",
                            "Dear Sir/Madam,\n\nThe meeting will discuss a proposal including:\n\n"
                            "- the format of notifications;\n\nTo enable the Secretariat to make the arrangements, "
                            "please register by 29 September.")])
def colon_without_list(ctx):
    blocks = ctx.doc.blocks
    for i, text, _lang in ctx.blocks():
        if not _ANNOUNCES.search(text) or blocks[i].kind != BlockKind.PARAGRAPH:
            continue
        nxt = next((k for k in range(i + 1, len(blocks)) if ctx.texts[k].strip()), None)
        if nxt is None:
            continue
        nb, nt = blocks[nxt], ctx.texts[nxt]
        if nb.is_list_item or _LIST_START.match(nt) or nb.kind != BlockKind.PARAGRAPH or len(nt.split()) < 6:
            continue
        end = len(text.rstrip())
        yield Hit(i, end - 1, end, None, {})


_L_FOR_I = re.compile(r"\b(?=[A-Zl]*l)(?=(?:[A-Zl]*[A-Z]){2})[A-Zl]{3,8}\b")


@register("TYPO016", "lowercase-l-in-acronym", family=FAMILY, severity="warning",
          en="\"{word}\": a lower-case l where the acronym has a capital I ({fixed})",
          fr="« {word} » : un l minuscule là où le sigle a un I majuscule ({fixed})",
          ar="\"{word}\": حرف l صغير حيث يحتوي المختصر على الحرف الكبير I ({fixed})",
          what="An acronym typed with a lower-case L for a capital I (UlT for UIT, ClTEL for CITEL): "
               "the two look alike in many fonts.",
          why="The acronym cannot be found by a search and is read wrong by screen readers.",
          fix="Write the capital I.",
          examples=[Example("fr", "Le Secrétaire général de l'UlT a ouvert la session.",
                            "Le Secrétaire général de l'UIT a ouvert la session."),
                    Example("en", "The SG of the lTU opened the session.", "The SG of the ITU opened the session.")])
def lowercase_l_in_acronym(ctx):
    known = {v[1] for row in terms() for v in row.values()}
    caps = set(re.findall(r"\b[A-Z]{2,}\b", "\n".join(ctx.texts))) | known
    for i, text, _lang in ctx.blocks():
        for m in _L_FOR_I.finditer(masked(text)):
            fixed = m.group().replace("l", "I")
            if fixed in caps:
                yield Hit(i, m.start(), m.end(), fixed, {"word": m.group(), "fixed": fixed})


_COLON_LINK = re.compile(r"(?<=[^\s/:])([:：])(?=(?:https?://|www\.)\S)")


@register("TYPO017", "no-space-before-link", family=FAMILY, severity="warning",
          en="no space between \":\" and the address that follows",
          fr="pas d'espace entre « : » et l'adresse qui suit",
          ar="لا مسافة بين \":\" والعنوان الذي يليها",
          what="A colon glued to the web address after it (à l'adresse suivante:https://…).",
          why="Link finders then take the word before the colon for part of the address, and the link "
              "printed in the letter does not open.",
          fix="Put a space after the colon.",
          examples=[Example("fr", "Le formulaire est disponible à l'adresse suivante:https://www.itu.int/forms.",
                            "Le formulaire est disponible à l'adresse suivante: https://www.itu.int/forms.")])
def no_space_before_link(ctx):
    for i, text, lang in ctx.blocks():
        entry = languages.get(lang)
        if entry is not None and not entry.data.get("typography", {}).get("word_spaces", True):
            continue  # Chinese writes the address right after its full-width colon
        for m in _COLON_LINK.finditer(text):
            yield Hit(i, m.start(1), m.end(1), m.group(1) + " ", {})
