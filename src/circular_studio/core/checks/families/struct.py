"""Structure: the parts a letter of its type needs, and a closing formula that agrees with the
salutation."""
from __future__ import annotations

import re
from functools import lru_cache

from ...document import BlockKind
from ...intake.classify import patterns
from ...locale import languages
from ..registry import Example, Hit, register

FAMILY = "structure"

PARTS = {
    BlockKind.DATE_LINE: {"en": "date line", "fr": "ligne de date", "ar": "سطر التاريخ"},
    BlockKind.REFERENCE: {"en": "reference", "fr": "référence", "ar": "المرجع"},
    BlockKind.SUBJECT: {"en": "subject", "fr": "objet", "ar": "الموضوع"},
    BlockKind.SALUTATION: {"en": "salutation", "fr": "formule d'appel", "ar": "صيغة المخاطبة"},
    BlockKind.CLOSING: {"en": "closing formula", "fr": "formule de politesse", "ar": "صيغة الختام"},
    BlockKind.SIGNATURE: {"en": "signature (name and title)", "fr": "signature (nom et titre)", "ar": "التوقيع (الاسم والمنصب)"},
}
# parts each letter type needs; types not listed need every part
_PART_CODES = {BlockKind.DATE_LINE: "STRUCT001", BlockKind.REFERENCE: "STRUCT002",
               BlockKind.SUBJECT: "STRUCT003", BlockKind.SALUTATION: "STRUCT004",
               BlockKind.CLOSING: "STRUCT005", BlockKind.SIGNATURE: "STRUCT006"}

_EXAMPLE_FULL = {
    "fr": ("Secrétariat général (SG)\n\nGenève, le 31 octobre 2024\n\nRéférence: DM-24/1009\n\n"
           "Objet: Invitation\n\nMadame, Monsieur,\n\nJ'ai l'honneur de vous inviter.\n\n"
           "Veuillez agréer, Madame, Monsieur, l'expression de ma considération distinguée.\n\n"
           "(signé)\n\nDoreen Bogdan-Martin\nSecrétaire générale"),
    "en": ("General Secretariat (SG)\n\nGeneva, 31 October 2024\n\nRef: DM-24/1009\n\n"
           "Subject: Invitation\n\nDear Sir/Madam,\n\nI have the honour to invite you.\n\n"
           "Yours faithfully,\n\n(signed)\n\nDoreen Bogdan-Martin\nSecretary-General"),
    "ar": ("الأمانة العامة (SG)\n\nجنيف، 31 أكتوبر 2024\n\nالمرجع: DM-24/1009\n\n"
           "الموضوع: دعوة\n\nحضرات السادة والسيدات،\n\nيشرفني أن أدعوكم.\n\n"
           "وتفضلوا بقبول فائق التقدير والاحترام.\n\n(الأصل عليه توقيع)\n\nدورين بوغدان-مارتن\nالأمينة العامة"),
    "es": ("Secretaría General (SG)\n\nGinebra, 31 de octubre de 2024\n\nRef.: DM-24/1009\n\n"
           "Asunto: Invitación\n\nMuy Señora mía/Muy Señor mío:\n\nTengo el honor de invitarle.\n\n"
           "Atentamente,\n\n(firmado)\n\nDoreen Bogdan-Martin\nSecretaria General"),
    "ru": ("Генеральный секретариат (ГС)\n\nЖенева, 31 октября 2024 года\n\nОсн.: DM-24/1009\n\n"
           "Предмет: Приглашение\n\nУважаемая госпожа, уважаемый господин,\n\nИмею честь пригласить Вас.\n\n"
           "С уважением,\n\n(подпись)\n\nДорин Богдан-Мартин\nГенеральный секретарь"),
    "zh": ("总秘书处（SG）\n\n日内瓦，2024年10月31日\n\n文号：DM-24/1009\n\n"
           "事由：邀请\n\n尊敬的先生/女士：\n\n谨邀请贵方参加。\n\n"
           "顺致敬意！\n\n（签字）\n\n多琳·伯格丹-马丁\n秘书长"),
}
_EXAMPLE_REMOVE = {
    BlockKind.DATE_LINE: {"fr": "Genève, le 31 octobre 2024\n\n", "en": "Geneva, 31 October 2024\n\n",
                          "ar": "جنيف، 31 أكتوبر 2024\n\n",
        "es": "Ginebra, 31 de octubre de 2024\n\n", "ru": "Женева, 31 октября 2024 года\n\n", "zh": "日内瓦，2024年10月31日\n\n"},
    BlockKind.REFERENCE: {"fr": "Référence: DM-24/1009\n\n", "en": "Ref: DM-24/1009\n\n", "ar": "المرجع: DM-24/1009\n\n",
        "es": "Ref.: DM-24/1009\n\n", "ru": "Осн.: DM-24/1009\n\n", "zh": "文号：DM-24/1009\n\n"},
    BlockKind.SUBJECT: {"fr": "Objet: Invitation\n\n", "en": "Subject: Invitation\n\n", "ar": "الموضوع: دعوة\n\n",
        "es": "Asunto: Invitación\n\n", "ru": "Предмет: Приглашение\n\n", "zh": "事由：邀请\n\n"},
    BlockKind.SALUTATION: {"fr": "Madame, Monsieur,\n\n", "en": "Dear Sir/Madam,\n\n", "ar": "حضرات السادة والسيدات،\n\n",
        "es": "Muy Señora mía/Muy Señor mío:\n\n", "ru": "Уважаемая госпожа, уважаемый господин,\n\n", "zh": "尊敬的先生/女士：\n\n"},
    BlockKind.CLOSING: {"fr": "Veuillez agréer, Madame, Monsieur, l'expression de ma considération distinguée.\n\n",
                        "en": "Yours faithfully,\n\n", "ar": "وتفضلوا بقبول فائق التقدير والاحترام.\n\n",
        "es": "Atentamente,\n\n", "ru": "С уважением,\n\n", "zh": "顺致敬意！\n\n"},
    BlockKind.SIGNATURE: {"fr": "\n\nDoreen Bogdan-Martin\nSecrétaire générale", "en": "\n\nDoreen Bogdan-Martin\nSecretary-General",
                          "ar": "\n\nدورين بوغدان-مارتن\nالأمينة العامة",
        "es": "\n\nDoreen Bogdan-Martin\nSecretaria General", "ru": "\n\nДорин Богдан-Мартин\nГенеральный секретарь", "zh": "\n\n多琳·伯格丹-马丁\n秘书长"},
}


def _examples(kind):
    out = []
    for lang in _EXAMPLE_FULL:
        good = _EXAMPLE_FULL[lang]
        bad = good.replace(_EXAMPLE_REMOVE[kind][lang], "" if kind != BlockKind.SIGNATURE else "")
        out.append(Example(lang, bad, good))
    return out


def _addressee_as_subject(ctx, k: int) -> bool:
    """A subject block that is really the last addressee line ("Aux établissements …", "To: …"),
    guessed as the subject because the letter has no "Objet:/Subject:" line."""

    b = ctx.doc.blocks[k]
    return b.kind == BlockKind.SUBJECT and k > 0 and ctx.doc.blocks[k - 1].kind == BlockKind.ADDRESSEES \
        and not patterns().SUBJECT.match(b.text) and bool(patterns().ADDRESSEES.match(b.text))


def _in_header_lines(ctx, kind) -> bool:
    """The part written on a line of a header paragraph above the salutation: a letter drafted
    elsewhere whose header lines (date, "Ref.:", "Subject:") are separated by single line breaks
    (Markdown, a Word paragraph with line breaks) is read as one paragraph."""
    rx = patterns().REFERENCE if kind == BlockKind.REFERENCE else patterns().SUBJECT
    sal = [i for i, b in enumerate(ctx.doc.blocks) if b.kind == BlockKind.SALUTATION]
    stop = sal[0] if sal else min(len(ctx.doc.blocks), 12)
    if any(rx.match(line) for i in range(stop) for line in ctx.texts[i].split("\n")[1:]):
        return True
    # a fax form's fields side by side: "Date:16 September 1997 Time:… Ref:SPU\EA\KB"
    return kind == BlockKind.REFERENCE and any(_REF_FIELD().search(ctx.texts[i]) for i in range(stop))


@lru_cache(maxsize=1)
def _REF_FIELD():  # noqa: N802 - a pattern built on first use from the language table
    words = sorted({w for e in languages.ordered() for w in e.part("reference")}, key=len, reverse=True)
    return re.compile(rf"(?<=\s)(?:{'|'.join(words) or '(?!)'})\s*[:：]\s*[A-Z0-9]", re.I)


def _missing(kind):
    def check(ctx):
        if not ctx.is_letter:
            return
        if any(b.kind == kind and not _addressee_as_subject(ctx, k) for k, b in enumerate(ctx.doc.blocks)):
            return
        if kind == BlockKind.REFERENCE and ctx.fact("reference"):
            return
        if kind in (BlockKind.REFERENCE, BlockKind.SUBJECT) and _in_header_lines(ctx, kind):
            return
        if kind == BlockKind.DATE_LINE and ((ctx.letter_date and ctx.letter_date.from_draft)
                                            or ctx._date_line_mention is not None):
            return  # a date line fused with another header line is still the date line
        # where it should be: before the salutation / after the body
        at = 0
        if kind in (BlockKind.CLOSING, BlockKind.SIGNATURE):
            at = len(ctx.doc.blocks) - 1
        yield Hit(at, 0, 0, None, {"part": PARTS[kind][ctx.ui_language if ctx.ui_language in ("en", "fr", "ar") else "en"]})
    return check


_SEVERITY = {BlockKind.DATE_LINE: "error", BlockKind.REFERENCE: "warning", BlockKind.SUBJECT: "warning",
             BlockKind.SALUTATION: "warning", BlockKind.CLOSING: "warning", BlockKind.SIGNATURE: "warning"}
for _kind, _code in _PART_CODES.items():
    register(_code, f"missing-{_kind.value.replace('_', '-')}", family=FAMILY, severity=_SEVERITY[_kind],
             en="the letter has no {part}", fr="la lettre n'a pas de {part}",
             ar="لا تتضمن الرسالة {part}",
             what=f"The letter has no {PARTS[_kind]['en']}.",
             why="Every letter of this type carries a date line, a reference, a subject, a salutation, "
                 "a closing formula and a signature; readers and the registry rely on them.",
             fix=f"Add the {PARTS[_kind]['en']}.",
             examples=_examples(_kind),
             # numbering every letter is the ITU's rule; other publishers' letters may carry none
             profiles=["itu"] if _kind == BlockKind.REFERENCE else None)(_missing(_kind))


_FR_VOC = re.compile(r"^\s*(?:Veuillez agréer|Je vous prie d'agréer|Je vous prie de (?:bien vouloir )?(?:recevoir|croire|agréer)|"
                     r"Veuillez recevoir|Recevez|Veuillez croire),\s*(?P<voc>[^,]+(?:,\s*[^,]+?)??),\s*"
                     r"(?=l'|l’|les |mes |à |en |ma |mon |avec |aux )", re.I)
_EN_GENERIC = re.compile(r"^\s*(?:Dear\s+(?:Sir(?:\s*(?:/|or)\s*Madam)?|Madam(?:\s*(?:/|or)\s*Sir)?|Sirs|Sir/Madam)|Sir|Madam)\s*,?\s*$", re.I)
# "Dear Colleagues", "Dear Members": a collective salutation takes either closing
_EN_COLLECTIVE = re.compile(r"^\s*Dear\s+(?:Colleagues?|Members|Partners|Friends|All)\b", re.I)
_EN_NAMED = re.compile(r"^\s*Dear\s+(?:Mr|Mrs|Ms|Dr|Professor|Prof|Ambassador|Minister|[A-Z][a-z]+)\b", re.I)
_AR_PLURAL_SAL = re.compile(r"^\s*(?:حضرات|السادة|السيدات|أصحاب)")
_AR_FEM_SAL = re.compile(r"^\s*(?:حضرة|سعادة|معالي|عزيزتي)?\s*(?:السيدة|الوزيرة|السفيرة|الدكتورة|عزيزتي)")
_AR_CLOSING = re.compile(r"^\s*(?P<verb>و?تفضلوا|و?تفضلي|و?تفضل|و?تقبلوا|و?تقبلي|و?تقبل)(?=\s)")


@register("STRUCT007", "closing-salutation-agreement", family=FAMILY, severity="warning",
          en="the closing formula does not agree with the salutation (\"{salutation}\"): write \"{expected}\"",
          fr="la formule de politesse ne s'accorde pas avec la formule d'appel (« {salutation} »): écrire « {expected} »",
          ar="صيغة الختام لا تتوافق مع صيغة المخاطبة (\"{salutation}\")؛ والصواب \"{expected}\"",
          what="The closing formula does not match the salutation: French repeats the salutation's words "
               "(Madame, Monsieur / Monsieur le Ministre); English closes \"Dear Sir/Madam\" with \"Yours "
               "faithfully\" and \"Dear Mr X\" with \"Yours sincerely\"; Arabic addresses a plural salutation "
               "(حضرات السادة والسيدات) with a plural closing (وتفضلوا).",
          why="A mismatch shows a letter assembled from two templates.",
          fix="Make the closing agree with the salutation.",
          examples=[Example("fr", "Madame, Monsieur,\n\nTexte.\n\nVeuillez agréer, Monsieur le Ministre, "
                            "l'assurance de ma haute considération.",
                            "Madame, Monsieur,\n\nTexte.\n\nVeuillez agréer, Madame, Monsieur, "
                            "l'assurance de ma haute considération."),
                    Example("en", "Dear Sir/Madam,\n\nText.\n\nYours sincerely,\n\nHoulin Zhao",
                            "Dear Sir/Madam,\n\nText.\n\nYours faithfully,\n\nHoulin Zhao"),
                    Example("ar", "حضرات السادة والسيدات،\n\nنص.\n\nوتفضل بقبول فائق التقدير والاحترام.",
                            "حضرات السادة والسيدات،\n\nنص.\n\nوتفضلوا بقبول فائق التقدير والاحترام.")])
def closing_agreement(ctx):
    sals = ctx.doc.blocks_of(BlockKind.SALUTATION)
    closings = ctx.doc.blocks_of(BlockKind.CLOSING)
    if not sals or not closings:
        return
    si, sal = sals[0]
    ci, closing = closings[0]
    lang = ctx.langs[ci]
    stext, ctext = sal.text.strip(), closing.text
    s_lang, c_lang = _formula_language(stext, "sal"), _formula_language(ctext, "close")
    if s_lang and c_lang and s_lang != c_lang:  # "Madame, Monsieur," … "Yours faithfully,"
        expected = languages.language(s_lang).closing
        yield Hit(ci, 0, len(ctext.rstrip()), expected, {"salutation": stext, "expected": expected})
        return
    if lang == "fr":
        m = _FR_VOC.match(ctext)
        core = stext.rstrip(",").strip()
        if m and core and _n(m.group("voc")) != _n(core):
            yield Hit(ci, m.start("voc"), m.end("voc"), core, {"salutation": stext, "expected": core})
    elif lang == "en":
        m = re.search(r"Yours\s+(faithfully|sincerely)", ctext, re.I)
        if not m:
            return
        word = m.group(1).lower()
        if _EN_GENERIC.match(stext) and word == "sincerely":
            house = languages.language("en").closing.rstrip(",")  # the table's: Yours faithfully
            yield Hit(ci, m.start(1), m.end(1), "faithfully", {"salutation": stext, "expected": house})
        elif _EN_NAMED.match(stext) and not _EN_GENERIC.match(stext) and not _EN_COLLECTIVE.match(stext) \
                and word == "faithfully":
            yield Hit(ci, m.start(1), m.end(1), "sincerely", {"salutation": stext, "expected": "Yours sincerely"})
    elif lang == "ar":
        m = _AR_CLOSING.match(ctext)
        if not m:
            return
        verb = m.group("verb")
        base = verb.lstrip("و")
        prefix = verb[: len(verb) - len(base)]
        stem = base[:-2] if base.endswith(("وا",)) else base[:-1] if base.endswith("ي") else base
        if _AR_PLURAL_SAL.match(stext) and not base.endswith("وا"):
            fix = prefix + stem + "وا"
            yield Hit(ci, m.start("verb"), m.end("verb"), fix, {"salutation": stext, "expected": fix})
        elif _AR_FEM_SAL.match(stext) and not base.endswith(("ي", "وا")):
            fix = prefix + stem + "ي"
            yield Hit(ci, m.start("verb"), m.end("verb"), fix, {"salutation": stext, "expected": fix})


@lru_cache(maxsize=1)
def _formulas() -> tuple[dict, dict]:
    """{language: regex} of the salutations and of the closing formulas of every language of
    the table (its ``[parts]``)."""
    sal, close = {}, {}
    for entry in languages.ordered():
        if entry.part("salutation"):
            sal[entry.code] = re.compile(rf"^\s*(?:{'|'.join(entry.part('salutation'))})", re.I)
        if entry.part("closing"):
            close[entry.code] = re.compile(rf"^\s*(?:{'|'.join(entry.part('closing'))})", re.I)
    return sal, close


def _formula_language(text: str, which: str) -> str | None:
    """The language of a salutation ("sal") or closing formula ("close") by its wording, or None."""
    sal, close = _formulas()
    for lang, rx in (sal if which == "sal" else close).items():
        if rx.match(text):
            return lang
    return None


def _n(s: str) -> str:
    return re.sub(r"\s+", " ", s.replace("\u00a0", " ")).strip().casefold()
