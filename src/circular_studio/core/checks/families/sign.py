"""Signatory: a known official, in office on the letter's date, with the title of that office in
the right gender and language; first-person forms (Arabic ممتن/ممتنة, French reconnaissant/e)
agreeing with the signatory's gender."""
from __future__ import annotations

import re

from ...document import BlockKind
from ...intake.signature import canon_title, match_titles, norm
from ...model.officials import Official, all_officials, office_title
from ..registry import Example, Hit, register

FAMILY = "signatory"


def _expected_title(o: Official, office: str, lang: str) -> str:
    return office_title(office, lang, o.gender)


@register("SIGN001", "unknown-signatory", family=FAMILY, severity="warning",
          en="\"{name}\" is not a known official (resources/officials.json)",
          fr="« {name} » n'est pas un fonctionnaire connu (resources/officials.json)",
          ar="الاسم \"{name}\" غير مدرج في قائمة المسؤولين المعروفين (resources/officials.json)",
          what="The letter is signed with an official's title by someone not in the list of officials.",
          why="Letters are signed by elected officials; a misspelt name or a wrong signatory is likely.",
          fix="Correct the name (as in officials.json) or add the official to resources/officials.json.",
          examples=[Example("fr", "Veuillez agréer, Madame, Monsieur, l'expression de ma considération distinguée.\n\n"
                            "Doreen Bogdan-Martine\nSecrétaire générale",
                            "Veuillez agréer, Madame, Monsieur, l'expression de ma considération distinguée.\n\n"
                            "Doreen Bogdan-Martin\nSecrétaire générale"),
                    Example("en", "Dear Sir/Madam,\n\nText.\n\nYours faithfully,\n\nHoulin Zhou\nSecretary-General",
                            "Dear Sir/Madam,\n\nText.\n\nYours faithfully,\n\nHoulin Zhao\nSecretary-General"),
                    Example("ar", "حضرات السادة والسيدات،\n\nنص.\n\nوتفضلوا بقبول فائق التقدير والاحترام.\n\nهولين جاوو\nالأمين العام",
                            "حضرات السادة والسيدات،\n\nنص.\n\nوتفضلوا بقبول فائق التقدير والاحترام.\n\nهولين جاو\nالأمين العام")])
def unknown_signatory(ctx):
    sig = ctx.signature
    if sig and sig.official is None and sig.name_loc and sig.title_match:
        i, s, e = sig.name_loc
        yield Hit(i, s, e, None, {"name": ctx.texts[i][s:e]})


@register("SIGN002", "signatory-not-in-office", family=FAMILY, severity="error",
          en="{name} held no office on the letter's date ({date}){holder}",
          fr="{name} n'était pas en fonction à la date de la lettre ({date}){holder}",
          ar="لم يكن أي منصب مسنداً إلى {name} في تاريخ الرسالة ({date}){holder}",
          what="The signatory was not in office on the letter's date.",
          why="A letter signed by a predecessor or successor is invalid (often an old template).",
          fix="Sign with the official in office on that date, or correct the letter's date.",
          examples=[Example("fr", "Genève, le 31 octobre 2024\n\nMadame, Monsieur,\n\nTexte.\n\n"
                            "Veuillez agréer, Madame, Monsieur, l'expression de ma considération distinguée.\n\n"
                            "Houlin Zhao\nSecrétaire général",
                            "Genève, le 31 octobre 2024\n\nMadame, Monsieur,\n\nTexte.\n\n"
                            "Veuillez agréer, Madame, Monsieur, l'expression de ma considération distinguée.\n\n"
                            "Doreen Bogdan-Martin\nSecrétaire générale"),
                    Example("en", "Geneva, 6 December 2019\n\nDear Sir/Madam,\n\nText.\n\nYours faithfully,\n\n"
                            "Seizo Onoe\nDirector", "Geneva, 6 December 2019\n\nDear Sir/Madam,\n\nText.\n\n"
                            "Yours faithfully,\n\nChaesub Lee\nDirector"),
                    Example("ar", "جنيف، 6 نوفمبر 2023\n\nحضرات السادة والسيدات،\n\nنص.\n\n"
                            "وتفضلوا بقبول فائق التقدير والاحترام.\n\nهولين جاو\nالأمين العام",
                            "جنيف، 6 نوفمبر 2023\n\nحضرات السادة والسيدات،\n\nنص.\n\n"
                            "وتفضلوا بقبول فائق التقدير والاحترام.\n\nدورين بوغدان-مارتن\nالأمينة العامة")])
def not_in_office(ctx):
    sig, ld = ctx.signature, ctx.letter_date
    if not sig or not sig.official or not ld:
        return
    o = sig.official
    if o.office_on(ld.value):
        return
    holder = ""
    office = sig.title_match[0] if sig.title_match else o.terms[-1].office
    ui = ctx.ui_language if ctx.ui_language in ("en", "fr", "ar") else "en"
    for other in all_officials():
        if other.office_on(ld.value) == office:
            holder = {"en": f"; the office was held by {other.name('en')}",
                      "fr": f"; la fonction était occupée par {other.name('fr')}",
                      "ar": (f"؛ وكانت تشغل المنصب حينئذٍ {other.name('ar')}" if other.gender == "f" else
                             f"؛ وكان يشغل المنصب حينئذٍ {other.name('ar')}")}[ui]
            break
    loc = sig.name_loc or (ld.block, ld.start, ld.end)
    if loc[0] is None:
        return
    yield Hit(loc[0], loc[1], loc[2], None, {"name": o.name(ui), "date": ld.value.isoformat(), "holder": holder})


def _title_problem(ctx):
    """(kind, hit) where kind is 'office' or 'gender' for the signature's title."""
    sig, ld = ctx.signature, ctx.letter_date
    if not sig or not sig.official or not sig.title_loc or not sig.title_match:
        return None
    o = sig.official
    office = o.office_on(ld.value) if ld else None
    office = office or (o.terms[-1].office if not ld else None)
    if office is None:
        return None  # SIGN002 says it
    t_office, t_gender, t_lang = sig.title_match
    i, s, e = sig.title_loc
    lang = ctx.langs[i] if ctx.langs[i] in ("en", "fr", "ar") else ctx.language
    exact = match_titles(sig.title)
    # "Directrice" is the title of three offices: judge it as the title of the office held
    for m in exact or match_titles(sig.title, loose=True):
        if m[0] == office and m[2] == t_lang:
            t_office, t_gender, t_lang = m
            break
    if not exact:  # "Secretary General": the office's title, not in its house form
        long = len(norm(sig.title)) > len(norm(office_title(t_office, t_lang, t_gender)))
        expected = office_title(office, lang, o.gender, long=long)
        if t_office == office and t_lang == lang and t_gender != o.gender and \
                office_title(office, lang, "m") != office_title(office, lang, "f"):
            return "gender", Hit(i, s, e, expected, {"title": sig.title, "expected": expected, "name": o.name(lang)})
        return "office", Hit(i, s, e, expected, {"title": sig.title, "expected": expected, "name": o.name(lang)})
    long = len(canon_title(sig.title)) > len(norm(office_title(t_office, t_lang, t_gender)))
    expected = office_title(office, lang, o.gender, long=long)
    if norm(expected) == canon_title(sig.title):
        return None
    args = {"title": sig.title, "expected": expected, "name": o.name(lang)}
    if t_office == office and t_lang == lang and t_gender != o.gender:
        return "gender", Hit(i, s, e, expected, args)
    same_title_other_office = norm(office_title(t_office, lang, o.gender)) == norm(expected) and t_lang == lang
    if same_title_other_office:
        return None  # e.g. "Director" is the same word for every bureau
    return "office", Hit(i, s, e, expected, args)


@register("SIGN003", "signatory-title-office", family=FAMILY, severity="error",
          en="\"{title}\" is not the title of {name}'s office on the letter's date; expected \"{expected}\"",
          fr="« {title} » n'est pas le titre de la fonction de {name} à la date de la lettre; attendu « {expected} »",
          ar="\"{title}\" ليس المسمى الوظيفي لمنصب {name} في تاريخ الرسالة؛ والمسمى المتوقع هو \"{expected}\"",
          what="The title under the signature is not the one of the office the signatory held "
               "(or is in another language).",
          why="A wrong title misstates who commits the organisation.",
          fix="Use the title of the office held on the letter's date, in the letter's language.",
          examples=[Example("fr", "Genève, le 31 octobre 2024\n\nMadame, Monsieur,\n\nTexte.\n\n"
                            "Veuillez agréer, Madame, Monsieur, l'expression de ma considération distinguée.\n\n"
                            "Doreen Bogdan-Martin\nDirectrice",
                            "Genève, le 31 octobre 2024\n\nMadame, Monsieur,\n\nTexte.\n\n"
                            "Veuillez agréer, Madame, Monsieur, l'expression de ma considération distinguée.\n\n"
                            "Doreen Bogdan-Martin\nSecrétaire générale"),
                    Example("en", "Geneva, 6 December 2019\n\nDear Sir/Madam,\n\nText.\n\nYours faithfully,\n\n"
                            "Houlin Zhao\nDeputy Secretary-General",
                            "Geneva, 6 December 2019\n\nDear Sir/Madam,\n\nText.\n\nYours faithfully,\n\n"
                            "Houlin Zhao\nSecretary-General"),
                    Example("ar", "جنيف، 6 ديسمبر 2019\n\nحضرات السادة والسيدات،\n\nنص.\n\n"
                            "وتفضلوا بقبول فائق التقدير والاحترام.\n\nهولين جاو\nSecretary-General",
                            "جنيف، 6 ديسمبر 2019\n\nحضرات السادة والسيدات،\n\nنص.\n\n"
                            "وتفضلوا بقبول فائق التقدير والاحترام.\n\nهولين جاو\nالأمين العام")])
def title_office(ctx):
    p = _title_problem(ctx)
    if p and p[0] == "office":
        yield p[1]


@register("SIGN004", "signatory-title-gender", family=FAMILY, severity="error",
          en="\"{title}\" does not agree with the signatory ({name}); write \"{expected}\"",
          fr="« {title} » ne s'accorde pas avec le ou la signataire ({name}); écrire « {expected} »",
          ar="\"{title}\" لا يتوافق مع الموقِّع ({name})؛ والصواب \"{expected}\"",
          what="The title under the signature is in the wrong gender (Secrétaire général for a woman, "
               "المدير for a woman director).",
          why="French and Arabic titles agree with their holder.",
          fix="Use the title in the signatory's gender.",
          examples=[Example("fr", "Genève, le 31 octobre 2024\n\nMadame, Monsieur,\n\nTexte.\n\n"
                            "Veuillez agréer, Madame, Monsieur, l'expression de ma considération distinguée.\n\n"
                            "Doreen Bogdan-Martin\nSecrétaire général",
                            "Genève, le 31 octobre 2024\n\nMadame, Monsieur,\n\nTexte.\n\n"
                            "Veuillez agréer, Madame, Monsieur, l'expression de ma considération distinguée.\n\n"
                            "Doreen Bogdan-Martin\nSecrétaire générale"),
                    Example("ar", "جنيف، 18 أكتوبر 2021\n\nحضرات السادة والسيدات،\n\nنص.\n\n"
                            "وتفضلوا بقبول فائق التقدير والاحترام.\n\nدورين بوغدان-مارتن\nالمدير",
                            "جنيف، 18 أكتوبر 2021\n\nحضرات السادة والسيدات،\n\nنص.\n\n"
                            "وتفضلوا بقبول فائق التقدير والاحترام.\n\nدورين بوغدان-مارتن\nالمديرة")])
def title_gender(ctx):
    p = _title_problem(ctx)
    if p and p[0] == "gender":
        yield p[1]


def _gender(ctx) -> str | None:
    sig = ctx.signature
    if sig and sig.official:
        return sig.official.gender
    if sig and sig.title_match:
        office, gender, lang = sig.title_match
        titles = load_titles_by_gender(office, lang)
        if titles["m"] != titles["f"]:
            return gender
    return None


def load_titles_by_gender(office: str, lang: str) -> dict:
    return {"m": office_title(office, lang, "m"), "f": office_title(office, lang, "f")}


_AR_AUX = r"(?:(?:و|ف|ل)?(?:سأكون|أكون|لأكون)|(?:و|ف)?(?:إنني|إني|أنا)(?:\s+ل)?|(?:و|ف)?لكم\s+أكون)"
_AR_ADJ = {"ممتن": "ممتنة", "شاكر": "شاكرة", "سعيد": "سعيدة", "مسرور": "مسرورة", "ممنون": "ممنونة",
           "متأكد": "متأكدة", "واثق": "واثقة", "حريص": "حريصة", "متطلع": "متطلعة"}
_AR_FORMS = re.compile(
    rf"(?P<aux>{_AR_AUX})\s+(?:جد\s+|جداً\s+|حقاً\s+)?(?:ل)?(?P<adj>{'|'.join(_AR_ADJ)})"
    rf"(?P<end>ة|اً|ًا|ا|ٌ|ً)?(?![\u0621-\u064a])")


#: the signatory's gender in the words of each message language (never the raw "f"/"m")
_GENDER_WORDS = {"f": {"en": "female", "fr": "féminin", "ar": "مؤنث"},
                 "m": {"en": "male", "fr": "masculin", "ar": "مذكر"}}


def _gender_word(ctx, g: str) -> str:
    words = _GENDER_WORDS.get(g, _GENDER_WORDS["m"])
    return words.get(ctx.ui_language, words["en"])


@register("SIGN005", "arabic-first-person-gender", family=FAMILY, severity="error", languages=["ar"],
          en="\"{form}\" does not agree with the signatory's gender ({gender}); write \"{expected}\"",
          fr="« {form} » ne s'accorde pas avec le genre du ou de la signataire ({gender}); écrire « {expected} »",
          ar="\"{form}\" لا يتوافق مع جنس الموقِّع ({gender})؛ والصواب \"{expected}\"",
          what="An Arabic first-person adjective (ممتن/ممتنة, سأكون ممتناً/ممتنة, شاكر/شاكرة…) in the other "
               "gender than the signatory's.",
          why="In Arabic the signatory speaks in their own gender; a copied template often keeps the wrong one.",
          fix="Use the form of the signatory's gender.",
          examples=[Example("ar", "وسأكون ممتناً لو تفضلتم بتأكيد مشاركتكم.\n\nوتفضلوا بقبول فائق التقدير والاحترام.\n\n"
                            "دورين بوغدان-مارتن\nالأمينة العامة",
                            "وسأكون ممتنة لو تفضلتم بتأكيد مشاركتكم.\n\nوتفضلوا بقبول فائق التقدير والاحترام.\n\n"
                            "دورين بوغدان-مارتن\nالأمينة العامة"),
                    Example("ar", "وسأكون ممتنة لو تفضلتم بتأكيد مشاركتكم.\n\nوتفضلوا بقبول فائق التقدير والاحترام.\n\n"
                            "هولين جاو\nالأمين العام",
                            "وسأكون ممتناً لو تفضلتم بتأكيد مشاركتكم.\n\nوتفضلوا بقبول فائق التقدير والاحترام.\n\n"
                            "هولين جاو\nالأمين العام")])
def arabic_gender_forms(ctx):
    g = _gender(ctx)
    if g is None:
        return
    for i, text, lang in ctx.blocks(languages={"ar"}):
        if ctx.kind(i) == BlockKind.SIGNATURE:
            continue
        for m in _AR_FORMS.finditer(text):
            end = m.group("end") or ""
            fem = end == "ة"
            if fem == (g == "f"):
                continue
            adj = m.group("adj")
            accusative = "كون" in m.group("aux")
            expected = adj + "ة" if g == "f" else (adj + "اً" if accusative else adj)
            s, e = m.start("adj"), m.end()
            yield Hit(i, s, e, expected, {"form": text[s:e], "expected": expected,
                                           "gender": _gender_word(ctx, "f" if g == "f" else "m")})


_FR_ADJ = {"reconnaissant": "reconnaissante", "heureux": "heureuse", "ravi": "ravie", "convaincu": "convaincue",
           "certain": "certaine", "persuadé": "persuadée", "sûr": "sûre", "honoré": "honorée",
           "désireux": "désireuse", "certaine": None}
_FR_FEM = {v: k for k, v in _FR_ADJ.items() if v}
_FR_FORMS = re.compile(
    r"(?<![\w])(?:je|j')\s*(?:(?:vous|lui|leur|nous|te)\s+)?(?:en\s+|y\s+)?(?:suis|serais|serai|reste|demeure|me sens)\s+(?:très\s+|particulièrement\s+|tout à fait\s+|"
    r"vivement\s+|profondément\s+|donc\s+|également\s+|aussi\s+)?(?P<adj>reconnaissante?|heureux|heureuse|ravie?|"
    r"convaincue?|certaine?|persuadée?|sûre?|honorée?|désireux|désireuse)(?![\w])", re.I)


@register("SIGN006", "french-first-person-gender", family=FAMILY, severity="error", languages=["fr"],
          en="\"{form}\" does not agree with the signatory's gender ({gender}); write \"{expected}\"",
          fr="« {form} » ne s'accorde pas avec le genre du ou de la signataire ({gender}); écrire « {expected} »",
          ar="\"{form}\" لا يتوافق مع جنس الموقِّع ({gender})؛ والصواب \"{expected}\"",
          what="A French first-person adjective (je serais reconnaissant/reconnaissante, heureux/heureuse…) "
               "in the other gender than the signatory's.",
          why="The signatory speaks in their own gender; a copied template often keeps the wrong one.",
          fix="Use the form of the signatory's gender.",
          examples=[Example("fr", "Je serais reconnaissant de bien vouloir confirmer votre participation.\n\n"
                            "Veuillez agréer, Madame, Monsieur, l'expression de ma considération distinguée.\n\n"
                            "Doreen Bogdan-Martin\nSecrétaire générale",
                            "Je serais reconnaissante de bien vouloir confirmer votre participation.\n\n"
                            "Veuillez agréer, Madame, Monsieur, l'expression de ma considération distinguée.\n\n"
                            "Doreen Bogdan-Martin\nSecrétaire générale")])
def french_gender_forms(ctx):
    g = _gender(ctx)
    if g is None:
        return
    for i, text, lang in ctx.blocks(languages={"fr"}):
        for m in _FR_FORMS.finditer(text):
            adj = m.group("adj")
            low = adj.lower()
            fem = low in _FR_FEM
            if fem == (g == "f"):
                continue
            expected = _FR_ADJ.get(low) if g == "f" else _FR_FEM.get(low)
            if not expected:
                continue
            yield Hit(i, m.start("adj"), m.end("adj"), expected,
                      {"form": adj, "expected": expected, "gender": _gender_word(ctx, g)})
