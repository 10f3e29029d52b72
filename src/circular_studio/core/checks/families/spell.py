"""Spelling in Arabic, French and English against the hunspell dictionaries (pyenchant), with
house word lists (resources/wordlists/) so that correct letters raise no alarm.

Arabic: clitics (و ف ب ل ك س ال, attached pronouns) are stripped before giving up on a word;
words in Latin script inside Arabic are ignored. A second check catches real-word errors that
hunspell accepts (أعثتم for أغتنم): a word whose undotted skeleton (rasm) is that of a word of
the house vocabulary, but whose dots differ.

The dictionaries, word lists and Arabic morphology live in core/locale/spelling.py.
"""
from __future__ import annotations

import re

from ...document import BlockKind
from ...locale import spelling
from ...locale.spelling import (ar_confusable, ar_fold, ar_form_error, ar_ok, best_suggestion,
                                 edit_distance, frequency, latin_ok, suggestions)
from ..registry import Example, Hit, register
from .ar import non_standard_month as _ns_month
from ...locale import languages
from ...locale.text import ARABIC_WORD, LATIN_WORD, WORD_OF_SCRIPT, masked, strip_marks

FAMILY = "spelling"
_ELISION = re.compile(r"^(?:[ldjnscmt]|qu|jusqu|lorsqu|puisqu|quoiqu|presqu)['’](?=\w)", re.I)
_NAME_TITLES = re.compile(r"(?:السيد|السيدة|الدكتور|الدكتورة|السفير|السفيرة|الأستاذ|الأستاذة|M\.|Mme|Mr\.?|Mrs\.?|Ms\.?|Dr\.?)"
                          r"\s+(?:[^\s.,،:]+\s+){0,2}$")
_CONTACT_LINE = re.compile(r"^\s*(?:Contact|جهة الاتصال|الاسم|Name|Nom)\s*:", re.I)
# an initial or an abbreviation before a word ("Hamadoun I. Touré", "M. Tang"): no sentence end
_NOT_SENTENCE_END = re.compile(r"(?:^|[\s(])(?:[A-Z]|M|MM|Mr|Mrs|Ms|Dr|Dre|Pr|Prof|St|No|Nos|Mgr|H\.E|S\.E)\.\s+$")

# ---- names -----------------------------------------------------------------------------------
# A person's or a place's name is no typing error. Names are recognised by what surrounds them,
# never listed from the letters: after a title (M., Dr, Ambassador, السيد، الدكتور، المدير العام),
# before an apposed title ("Carl Bildt, Minister…", "شو دونيو، المدير العام"), beside another
# name-like capitalised word ("António Guterres"), and wherever else the same word occurs in the
# letter once it has been seen in such a place.
_LATIN_TITLE = re.compile(
    r"(?:^|(?<=[\s(]))(?:M\.|MM\.|Mme|Mmes|Mlle|Mr\.?|Mrs\.?|Ms\.?|Dr\.?|Dre|Pr\.?|Prof\.?|Professor|Professeur|"
    r"Sir|Dame|H\.\s?E\.|S\.\s?E\.|Excellency|Excellence|Ambassador|Ambassadeur|Ambassadrice|l['’]Ambassadeur|"
    r"Minister|Ministre|President|Président|Présidente|Secretary-General|Director-General|Chair|Chairman|"
    r"Madame|Monsieur)\s+")
_LATIN_NAME_TOKEN = re.compile(r"[A-ZÀ-Ý][\w’'\-]*\.?|(?:von|van|de|da|del|der|al|bin|ibn|el)(?=\s)")
_LATIN_APPOSITION = re.compile(
    r",\s+(?:the\s+|le\s+|la\s+|l['’])?(?:Secretary|Deputy|Director|Directeur|Directrice|Minister|Ministre|"
    r"President|Président|Présidente|Chair|Ambassador|Ambassadeur|Secrétaire|Représentant|Représentante|"
    r"Permanent Representative|chef|head|chief|former|ancien|ancienne|vice)", re.I)
_AR_TITLE = re.compile(
    r"(?:^|(?<=[\s(«\"]))[وفبكل]*(?:ال)?(?:سيد|سيدة|دكتور|دكتورة|سفير|سفيرة|أستاذ|أستاذة|بروفيسور|"
    r"وزير|وزيرة|مدير العام|مديرة العامة|أمين العام|أمينة العامة|رئيس|رئيسة|نائب الرئيس)"
    r"(?:\s+(?:ل|لل)[^\s،,.]+)?\s+")
_AR_APPOSITION = re.compile(r"^\s*[،,]\s*[وف]?(?:ال)?(?:مدير|مديرة|أمين|أمينة|رئيس|رئيسة|وزير|وزيرة|سفير|سفيرة|نائب|ممثل|ممثلة)")
_AR_WORD_AT = re.compile(r"[^\W\d_]+")


def _document_names(ctx) -> frozenset:
    """Keys of the words the letter itself shows to be names (worked out once per check run)."""
    cached = ctx.__dict__.get("_spell_names")
    if cached is not None:
        return cached
    names: set[str] = set()
    for i, text in enumerate(ctx.texts):
        t = masked(text)
        for m in _LATIN_TITLE.finditer(t):
            pos = m.end()
            for _k in range(3):
                tm = _LATIN_NAME_TOKEN.match(t, pos)
                if not tm:
                    break
                names.add(tm.group().rstrip(".").casefold())
                pos = tm.end()
                sp = re.match(r"\s+", t[pos:])
                if not sp:
                    break
                pos += sp.end()
        for m in _LATIN_APPOSITION.finditer(t):
            before = t[:m.start()]
            for w in re.findall(r"[A-ZÀ-Ý][\w’'\-]*", before.split("\n")[-1])[-3:]:
                names.add(w.casefold())
        for m in _AR_TITLE.finditer(t):
            words = _AR_WORD_AT.findall(t[m.end():m.end() + 40])[:2]
            names.update(strip_marks(w) for w in words)
        for m in ARABIC_WORD.finditer(t):
            if _AR_APPOSITION.match(t, m.end()):
                names.add(strip_marks(m.group()))
                prev = list(ARABIC_WORD.finditer(t[max(0, m.start() - 30):m.start()]))
                if prev:
                    names.add(strip_marks(prev[-1].group()))
    ctx.__dict__["_spell_names"] = frozenset(names)
    return ctx.__dict__["_spell_names"]


def _name_like(word: str, lang: str, names) -> bool:
    """A capitalised word that is no common word of ``lang`` (Carl, António) or a known name."""
    return word[:1].isupper() and (word.casefold() in names or not latin_ok(word.lower(), lang)
                                   or not latin_ok(word, lang))


def _neighbours(t: str, s: int, e: int):
    """The Latin words right before and right after t[s:e] in the same sentence (an initial such
    as "I." may stand between), or None."""
    before = re.search(r"([A-Za-zÀ-ɏ’'\-]+)(?:\s+[A-Z]\.)?\s+$", t[max(0, s - 60):s])
    after = re.match(r"(?:\s+[A-Z]\.)?\s+([A-Za-zÀ-ɏ’'\-]+)", t[e:e + 60])
    return (before.group(1) if before else None), (after.group(1) if after else None)


def _latin_name(ctx, t: str, s: int, e: int, core: str, lang: str) -> bool:
    names = _document_names(ctx)
    if core.casefold() in names:
        return True
    prev, nxt = _neighbours(t, s, e)
    if core[:1].isupper():
        # beside another name-like capitalised word: a person's full name (Carl Bildt)
        return any(n and _name_like(n, lang, names) for n in (prev, nxt))
    # a lowercase word inside a run of capitalised words: a particle or a foreign word in a
    # name (Heinrich von Stephan, Wireless Telegraph and Signal Company)
    return bool(prev and nxt and prev[:1].isupper() and nxt[:1].isupper())


def _arabic_name_or_term(ctx, text: str, s: int, e: int, word: str) -> bool:
    if strip_marks(word) in _document_names(ctx):
        return True
    after = text[e:e + 4]
    # a designation with its number (كوفيد-19) or a transliteration followed by its original
    # in Latin script (فتشيركو ماسيمو (Circo Massimo))
    if re.match(r"-\s?\d", after):
        return True
    if re.match(r"\s*(?:[\u0600-\u06ff]+\s+){0,2}\(\s*[A-Za-z]", text[e:e + 50]):
        return True
    return False
_SKIP_KINDS = {BlockKind.SIGNATURE}


def words_to_check(ctx, lang: str):
    """(block, start, end, word, sentence_start) of the words to check in ``lang`` (worked out
    once per check run: several checks read them)."""
    key = f"_spell_words_{lang}"
    if key not in ctx.__dict__:
        ctx.__dict__[key] = tuple(_words_to_check(ctx, lang))
    return ctx.__dict__[key]


_SENTENCE_END_BEFORE = re.compile(r"(?:[.!?:]\s+|\n|^\s*[-–•]\s*)$")


def _words_to_check(ctx, lang: str):
    entry = languages.get(lang)
    word_rx = WORD_OF_SCRIPT.get(entry.script if entry else "Latn", LATIN_WORD)
    for i, text, blang in ctx.blocks(languages={lang}):
        if ctx.kind(i) in _SKIP_KINDS:
            continue
        t = masked(text)
        if lang == "ar":
            for m in ARABIC_WORD.finditer(t):
                yield i, m.start(), m.end(), m.group(), False
        else:
            lead = len(t) - len(t.lstrip())
            for m in word_rx.finditer(t):
                s, e = m.span()
                before = t[max(0, s - 2):s]
                sentence_start = (s <= lead or bool(_SENTENCE_END_BEFORE.search(t[max(0, s - 4):s]))) \
                    and not _NOT_SENTENCE_END.search(t[max(0, s - 8):s])
                # part of a number, an address or a domain name (aiforgood.itu.int)
                if re.search(r"[\d@/_]$", before) or (e < len(t) and re.match(r"[\d@_]|\.[a-z]{2,}\b", t[e:e + 4])):
                    continue
                yield i, s, e, m.group(), sentence_start


_PERSIAN_TO_ARABIC = str.maketrans({"\u06a9": "ك", "\u06cc": "ي", "\u06c0": "ة", "\u06d5": "ه"})


def _in_contact_line(text: str, pos: int) -> bool:
    start = text.rfind("\n", 0, pos) + 1
    return _CONTACT_LINE.match(text, start) is not None


def _spell(ctx, lang: str):
    if spelling.dictionary(lang) is None:
        return
    for i, s, e, word, sentence_start in words_to_check(ctx, lang):
        if lang == "ar":
            w = strip_marks(word).translate(_PERSIAN_TO_ARABIC)  # AR005 reports Persian letters
            if ar_ok(w) or ar_form_error(w):
                continue  # SPELL008/009 report the hamza and ta marbuta slips
            if _NAME_TITLES.search(ctx.texts[i][max(0, s - 40):s]) or _in_contact_line(ctx.texts[i], s):
                continue
            if word.endswith("ـ") and w.rstrip("ـ") in ("ال", "لل", "وال", "بال", "فال", "كال", "ولل"):
                continue  # the article drawn out before a number or a Latin word: "الـ 187"
            if _arabic_name_or_term(ctx, ctx.texts[i], s, e, word) or _ns_month(ctx.texts[i], s, e):
                continue
            if _common(w, "ar"):
                continue
            split = _ar_glued(w)
            if split:
                yield Hit(i, s, e, split, {"word": word, "suggestion": split}), True
                continue
            sug = best_suggestion(w, "ar")
            yield Hit(i, s, e, sug, {"word": word, "suggestion": sug or "—"}), sug is not None
        else:
            core = word.strip("'’-")
            if lang == "fr" and re.match(_ELISION, core):
                head = re.match(_ELISION, core).group()
                s, core = s + len(head), core[len(head):]
                word = core
                sentence_start = False
            if len(core) < 2 or (core.isupper() and len(core) > 1) or re.search(r"[a-z][A-Z]", core):
                continue
            if latin_ok(core, lang):
                continue
            t = ctx.texts[i]
            if _latin_name(ctx, t, s, s + len(core), core, lang):
                continue
            # a word that common in general text (a name in the news, a recent term) is no slip;
            # at a sentence start the word is judged as a common word
            if (core[:1].isupper() and not sentence_start and _common(core, lang)) \
                    or _common(core.lower(), lang, _COMMON_ZIPF):
                continue
            if core[:1].isupper() and sentence_start and _capitalised_elsewhere("\n".join(ctx.texts), core):
                continue
            if core[:1].isupper() and not sentence_start:
                # a proper noun the dictionary does not know, unless one letter away from a
                # capitalised common word (Conférance for Conférence): same first letters, not a
                # word with one letter more or less at its end (Charm/Char), not a person's name
                if _NAME_TITLES.search(ctx.texts[i][max(0, s - 40):s]) or _in_contact_line(ctx.texts[i], s):
                    continue
                sug = best_suggestion(core, lang)
                # a suggestion that only cuts the word in two (Palexpo → Pal-expo) says it is a name
                plausible = (sug and edit_distance(sug, core) == 1 and sug[:1].isupper() and len(core) >= 5
                             and sug.replace("-", "").replace(" ", "") != core
                             and sug[:2].lower() == core[:2].lower()
                             and not core.startswith(sug) and not sug.startswith(core)
                             and spelling.dictionary(lang).check(sug.lower()))
                if not plausible:
                    continue
                yield Hit(i, s, s + len(word), sug, {"word": word, "suggestion": sug}), True
                continue
            if _NAME_TITLES.search(ctx.texts[i][max(0, s - 40):s]) or _in_contact_line(ctx.texts[i], s):
                continue
            sug = best_suggestion(core, lang)
            yield Hit(i, s, s + len(word), sug, {"word": word, "suggestion": sug or "—"}), sug is not None


_NAME_ZIPF = 2.0  # a capitalised word seen this often (≈ once per 10 million words) is a name
_COMMON_ZIPF = 3.0  # a word seen this often (once per million words) is a word


def _common(word: str, lang: str, threshold: float = _NAME_ZIPF) -> bool:
    """A word common in general text, unless it is a frequent misspelling: a hamza / alif maqsura
    / ta marbuta variant of a dictionary word (الامارات for الإمارات), or one letter away from a
    dictionary word ten times as common (المسؤلين for المسؤولين)."""
    f = frequency(word, lang)
    if f < threshold:
        return False
    folded = ar_fold(word) if lang == "ar" else word.casefold()
    for sg in suggestions(word, lang):
        if sg == word:
            continue
        if lang == "ar" and ar_fold(sg) == folded:
            return False
        if edit_distance(sg, word) <= 1 and frequency(sg, lang) >= f + 1.0:
            return False
    return True


def _ar_glued(word: str) -> str | None:
    """Two words typed without the space between them (الفئاتالمستضعفة, مكتبللاتصال): the split
    whose second word begins with the article or the preposition ل, both parts common words."""
    best = None
    if len(word) > 2 * spelling.MAX_WORD_LENGTH:  # no two words make a run of thousands of letters
        return None
    for k in range(2, len(word) - 2):
        left, right = word[:k], word[k:]
        if not right.startswith(("ال", "لل", "ل")) or not (ar_ok(left) and ar_ok(right)):
            continue
        score = min(frequency(left, "ar"), frequency(right, "ar"))
        if score >= 2.0 and (best is None or score > best[0]):
            best = (score, f"{left} {right}")
    return best[1] if best else None


def _capitalised_elsewhere(t: str, word: str) -> bool:
    """``word`` also stands capitalised inside a sentence of the paragraph: a name."""
    for m in re.finditer(rf"(?<=[^\W\d_] ){re.escape(word)}\b", t):
        if not re.search(r"[.!?:]\s+\S+\s$", t[max(0, m.start() - 40):m.start()]):
            return True
    return False


def _register_lang(code: str, lang: str, name: str, confident: bool, examples):
    sev = "warning" if confident else "info"
    what = (f"A {name} word that neither the hunspell dictionary nor the house word lists know, "
            + ("with a close correction." if confident else "and no close correction (often a name or a new term)."))

    def check(ctx):
        for hit, close in _spell(ctx, lang):
            if close == confident:
                yield hit

    register(code, f"spelling-{lang}{'' if confident else '-unknown'}", family=FAMILY, severity=sev,
             languages=[lang],
             en="unknown word \"{word}\"" + (" (did you mean \"{suggestion}\"?)" if confident else ""),
             fr="mot inconnu « {word} »" + (" (vouliez-vous dire « {suggestion} »?)" if confident else ""),
             ar="كلمة غير معروفة \"{word}\"" + (" (لعل المقصود \"{suggestion}\")" if confident else ""),
             what=what,
             why="Typing errors in an official letter reflect on the organisation.",
             fix=("Correct the word (the fix is the dictionary's first close suggestion); if it is right, "
                  "add it to resources/wordlists/" + lang + ".txt.") if confident else
                 f"If the word is right, add it to resources/wordlists/{lang}.txt; otherwise correct it.",
             examples=examples)(check)


_register_lang("SPELL001", "ar", "Arabic", True,
               [Example("ar", "وأود أن أعتنم هذه الفرصة لأشكركم.", "وأود أن أغتنم هذه الفرصة لأشكركم."),
                Example("ar", "وستمكن العضوية في التحالف منظمتمكم من المشاركة.",
                        "وستمكن العضوية في التحالف منظمتكم من المشاركة.")])
_register_lang("SPELL002", "fr", "French", True,
               [Example("fr", "Les télécomunications sont essentielles.", "Les télécommunications sont essentielles.")])
_register_lang("SPELL003", "en", "English", True,
               [Example("en", "We look forward to your partcipation.", "We look forward to your participation.")])
_register_lang("SPELL004", "ar", "Arabic", False,
               [Example("ar", "نرحب بمشاركة السادة كوريستيانوفا.", "نرحب بمشاركة السادة.")])
_register_lang("SPELL005", "fr", "French", False,
               [Example("fr", "La réunion est xyzzyqwert.", "La réunion est importante.")])
_register_lang("SPELL006", "en", "English", False,
               [Example("en", "The meeting is xyzzyqwert.", "The meeting is important.")])


def _other_languages(ctx) -> list[str]:
    """The letter's languages whose spelling has no codes of its own above: the table's
    languages with a dictionary (Spanish, Russian, one added tomorrow)."""
    out = []
    for code in sorted(ctx.reading_languages):
        entry = languages.get(code)
        if entry is not None and entry.dictionaries and not entry.data.get("spelling", {}).get("own_codes"):
            out.append(code)
    return out


def _register_table_languages(code: str, confident: bool, examples):
    def check(ctx):
        for lang in _other_languages(ctx):
            for hit, close in _spell(ctx, lang):
                if close == confident:
                    hit.args["language"] = languages.language(lang).name("en")
                    hit.args["language_fr"] = languages.language(lang).name("fr")
                    hit.args["language_ar"] = languages.language(lang).name("ar")
                    yield hit

    register(code, f"spelling{'' if confident else '-unknown'}", family=FAMILY, severity="warning" if confident else "info",
             en="unknown {language} word \"{word}\"" + (" (did you mean \"{suggestion}\"?)" if confident else ""),
             fr="mot inconnu en {language_fr} « {word} »" + (" (vouliez-vous dire « {suggestion} »?)" if confident else ""),
             ar="كلمة غير معروفة في {language_ar} \"{word}\"" + (" (لعل المقصود \"{suggestion}\")" if confident else ""),
             what="A word of a letter in another language of the table (Spanish, Russian…: every language whose "
                  "entry in resources/languages/ names a Hunspell dictionary) that neither the dictionary nor the "
                  "house word lists know" + (", with a close correction." if confident else ", and no close correction."),
             why="Typing errors in an official letter reflect on the organisation.",
             fix="Correct the word; if it is right, add it to resources/wordlists/<language>.txt.",
             examples=examples)(check)


_register_table_languages("SPELL010", True, [
    Example("es", "Le invitamos a la conferencia de telecomunicasiones.", "Le invitamos a la conferencia de telecomunicaciones."),
    Example("ru", "Приглашаем вас на конференцию по электросвязы.", "Приглашаем вас на конференцию по электросвязи.")])
_register_table_languages("SPELL011", False, [
    Example("es", "La reunión es xyzzyqwert.", "La reunión es importante."),
    Example("ru", "Совещание будет ксюзйщвертный.", "Совещание будет важным.")])


@register("SPELL007", "arabic-real-word-error", family=FAMILY, severity="warning", languages=["ar"],
          en="\"{word}\" is a word, but probably a typing error for \"{suggestion}\" (same letters, other dots)",
          fr="« {word} » existe, mais c'est sans doute une faute de frappe pour « {suggestion} » (mêmes lettres, autres points)",
          ar="\"{word}\" كلمة موجودة، لكنها على الأرجح خطأ مطبعي والمقصود \"{suggestion}\" (الحروف نفسها بنقاط مختلفة)",
          what="An Arabic word the dictionary accepts, whose undotted skeleton is that of a common word of "
               "the letters' vocabulary while its dots differ (أعثتم for أغتنم).",
          why="Dot errors make real but absurd words that a dictionary cannot catch.",
          fix="Use the vocabulary word, or add the word to resources/wordlists/ar_vocab.txt if it is meant.",
          examples=[Example("ar", "أود أيضاً أن أعثتم هذه الفرصة.", "أود أيضاً أن أغتنم هذه الفرصة.")])
def real_word(ctx):
    for i, s, e, word, _ss in words_to_check(ctx, "ar"):
        w = strip_marks(word)
        if not ar_ok(w) or ar_form_error(w):
            continue  # SPELL001/004/008/009 report it
        if frequency(w, "ar") >= _COMMON_ZIPF:
            continue  # a common word (اليقين) is meant, whatever its skeleton shares
        cand = ar_confusable(w)
        if cand and cand != w:
            yield Hit(i, s, e, cand, {"word": word, "suggestion": cand})


def _form_check(kind: str):
    def check(ctx):
        for i, s, e, word, _ss in words_to_check(ctx, "ar"):
            found = ar_form_error(strip_marks(word))
            if found and found[0] == kind:
                yield Hit(i, s, e, found[1], {"word": word, "suggestion": found[1]})
    return check


register("SPELL008", "arabic-hamza-on-wasl-alif", family=FAMILY, severity="warning", languages=["ar"],
         en="\"{word}\": hamzat al-wasl is written without hamza; write \"{suggestion}\"",
         fr="« {word} » : la hamza de liaison (wasl) s'écrit sans hamza; écrire « {suggestion} »",
         ar="\"{word}\": همزة الوصل لا تُكتب همزةَ قطع؛ والصواب \"{suggestion}\"",
         what="A verbal noun (or past/imperative) of forms VII, VIII or X, which begins with hamzat al-wasl "
              "(a plain alif: اجتماع، افتتاح، انعقاد، استعراض), written with أ or إ. The dictionary "
              "accepts many of these forms.",
         why="A common and visible mistake in Arabic; the translation service writes a plain alif.",
         fix="Write the plain alif (ا).",
         examples=[Example("ar", "سيُعقد الإجتماع في جنيف بعد أستعراض الوثائق.",
                           "سيُعقد الاجتماع في جنيف بعد استعراض الوثائق.")])(_form_check("hamza"))

register("SPELL009", "arabic-ta-marbuta-as-ha", family=FAMILY, severity="warning", languages=["ar"],
         en="\"{word}\" ends in ه where ة (ta marbuta) is meant; write \"{suggestion}\"",
         fr="« {word} » se termine par ه au lieu de ة (ta marbuta); écrire « {suggestion} »",
         ar="\"{word}\" تنتهي بالهاء والمقصود التاء المربوطة؛ والصواب \"{suggestion}\"",
         what="A noun or adjective with the article whose final ة (ta marbuta) is written ه (القمه for القمة); "
              "the dictionary accepts these spellings. Words whose root ends in ه (الموجه، الاتجاه) are left alone.",
         why="ه for ة is a spelling mistake in formal Arabic, common on keyboards without the dots.",
         fix="Write ة.",
         examples=[Example("ar", "يسرني أن أدعوكم إلى القمه العالمية لمجتمع المعلومات.",
                           "يسرني أن أدعوكم إلى القمة العالمية لمجتمع المعلومات.")])(_form_check("ta"))
