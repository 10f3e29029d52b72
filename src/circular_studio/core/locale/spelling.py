"""What the program knows about spelling, per language: the Hunspell dictionaries (pyenchant,
loaded once per language, only when a letter uses it), the house word lists
(resources/wordlists/), Arabic clitics and morphology, the real-word (rasm) vocabulary, and
suggestions. The checks that use it are in core/checks/families/spell.py.

Grow the lists from correct letters: ``circular-studio words --unknown LETTER...`` prints the
words the dictionaries do not know (review them, then add them to resources/wordlists/<lang>.txt),
and ``--vocab LETTER...`` prints the Arabic vocabulary for ``ar_vocab.txt``.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from ..resources import load_json, resources_dir, user_data_dir
from . import languages
from .text import ARABIC_WORD, strip_marks


@lru_cache(maxsize=None)
def dictionary(lang: str):
    """The enchant dictionary for ``lang`` (loaded once per process, the first the language
    table's ``[spelling] dictionaries`` that is installed), or None."""
    try:
        import enchant
    except ImportError:
        return None
    entry = languages.get(lang)
    for name in (entry.dictionaries if entry is not None else (lang,)):
        try:
            if enchant.dict_exists(name):
                return enchant.Dict(name)
        except enchant.errors.Error:
            continue
    return None


@lru_cache(maxsize=None)
def more_dictionaries(lang: str) -> tuple:
    """The other installed dictionaries of the language table's list after the first one: a word
    any of them knows is a word (the table lists en_GB after en_US: ITU and the UN write British
    English, and the American dictionary does not know "defences", "focusses", "programme")."""
    try:
        import enchant
    except ImportError:
        return ()
    entry = languages.get(lang)
    first = dictionary(lang)
    out = []
    for name in (entry.dictionaries if entry is not None else ()):
        if first is not None and name == first.tag:
            continue
        try:
            if enchant.dict_exists(name):
                out.append(enchant.Dict(name))
        except enchant.errors.Error:
            continue
    return tuple(out)


@lru_cache(maxsize=65536)
def frequency(word: str, lang: str) -> float:
    """How common ``word`` is in general ``lang`` text: its Zipf frequency (0 to 8; 3 is once per
    million words) from wordfreq's lists (Wikipedia, news, subtitles, books, the web), 0 when the
    word is not there or wordfreq is not installed. A word that common, or a name that often in
    the news, is no typing error, whatever the dictionary says."""
    try:
        from wordfreq import zipf_frequency
    except ImportError:
        return 0.0
    try:
        return zipf_frequency(word, lang)
    except Exception:  # noqa: BLE001 - an odd token is simply not found
        return 0.0


_AR_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه"})


def ar_fold(word: str) -> str:
    """``word`` with hamza seats, alif maqsura and ta marbuta folded (الإمارات = الامارات)."""
    return word.translate(_AR_FOLD)


def _read_list(name: str) -> list[str]:
    try:
        text = (resources_dir() / "wordlists" / name).read_text(encoding="utf-8")
    except OSError:
        return []
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]


def _key(word: str) -> str:
    return strip_marks(word).replace("’", "'").casefold()


def user_words_path(lang: str) -> Path:
    """The words a user added to the speller in ``lang`` ("Add to the house word list")."""
    return user_data_dir() / "wordlists" / f"{lang}.txt"


def _read_user_list(lang: str) -> list[str]:
    try:
        text = user_words_path(lang).read_text(encoding="utf-8")
    except OSError:
        return []
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]


def add_user_word(lang: str, word: str) -> Path:
    """Add ``word`` to the user's word list of ``lang``; the checks and the editors' underlines
    accept it from now on. OSError when the list cannot be written."""
    path = user_words_path(lang)
    path.parent.mkdir(parents=True, exist_ok=True)
    if word.strip() and word.strip() not in _read_user_list(lang):
        with open(path, "a", encoding="utf-8") as fh:
            fh.write(word.strip() + "\n")
    reload_word_lists()
    return path


def reload_word_lists() -> None:
    """Read the word lists again (after a word was added, or the user's folder changed)."""
    for cached in (house_words, ar_ok, latin_ok, suggestions):
        cached.cache_clear()


@lru_cache(maxsize=None)
def house_words(lang: str) -> frozenset:
    """house.txt + <lang>.txt + the user's added words + officials' names + organisation/sector
    names, as lookup keys."""
    words: set[str] = set()
    for line in _read_list("house.txt") + _read_list(f"{lang}.txt") + _read_user_list(lang):
        for w in re.split(r"[\s/]+", line):
            words.add(_key(w))
        words.add(_key(line))
    try:
        for row in load_json("officials.json")["officials"]:
            for name in row["names"].values():
                for w in re.split(r"[\s\-]+", name):
                    words.add(_key(w))
        # Member States' names in this language (every form the register holds): a country's
        # name is no misspelling (التشيك, لاتفيا, "lao")
        for entry in load_json("registers/member_states.json")["entries"].values():
            for form, text in entry.get("names", {}).get(lang, {}).items():
                if isinstance(text, str) and form in ("formal", "short", "common", "list"):
                    for w in re.findall(r"[^\W\d_]+", text):
                        words.add(_key(w))
        house = load_json("house.json")
        for group in ("sectors", "organisation", "places"):
            val = house.get(group, {})
            items = val.values() if group != "organisation" else [val]
            for by_lang in items:
                for text in by_lang.values():
                    for w in re.findall(r"[^\W\d_]+", text):
                        words.add(_key(w))
    except (OSError, KeyError, ValueError):
        pass
    entry = languages.get(lang)
    if entry is not None:  # the language's own labels and courtesy titles ("Ref.", "Correo-e", "г-жа")
        for text in [*entry.labels.values(), *entry.letter.get("courtesy", {}).values()]:
            words.add(_key(text.rstrip(".")))
            for w in re.findall(r"[^\W\d_]+", text):
                words.add(_key(w))
    words.discard("")
    return frozenset(words)


# ---- Arabic ---------------------------------------------------------------------------------
_AR_PREFIXES = ("وبال", "وكال", "فبال", "وال", "فال", "بال", "كال", "ولل", "فلل", "لل", "وب", "ول", "وك",
                "وس", "فب", "فل", "فس", "وت", "و", "ف", "ب", "ل", "ك", "س", "ال")
_AR_SUFFIXES = ("كما", "هما", "تموها", "تمونا", "تموه", "كم", "كن", "هم", "هن", "نا", "ها", "ني", "ه", "ك", "ي")


_AR_DEFINITE = re.compile(r"^([وف]?[بك]?)(ال|لل)(.{2,})$")


# Longer than any word of the languages checked (the longest in use are about 30 letters): such a
# "word" (a pasted run of 80,000 letters) is unknown without asking Hunspell, which takes minutes
# over it, and the compound and clitic searches would ask it thousands of times.
MAX_WORD_LENGTH = 60


def _ar_known(word: str) -> bool:
    if len(word) > MAX_WORD_LENGTH:
        return False
    d = dictionary("ar")
    return word in house_words("ar") or (d is not None and d.check(word))


@lru_cache(maxsize=65536)
def ar_ok(word: str) -> bool:
    """True if ``word`` (marks already stripped) is Arabic the dictionaries accept, directly or
    once its clitics are taken off."""
    if len(word) < 2 or _ar_known(word):
        return True
    m = _AR_DEFINITE.match(word)
    if m:
        # the article takes no attached pronoun (المشاركه is no word): hunspell knows the
        # definite forms itself, so trust it on the word with its article; only a house word
        # may follow a bare article (اليونسكو, السيبراني)
        rest = word[len(m.group(1)):]
        return _ar_known(rest) or _key(m.group(3)) in house_words("ar") \
            or (m.group(2) == "لل" and _ar_known("ال" + m.group(3))) \
            or _ar_broken_plural_known(m.group(3))
    for stem in _ar_stems(word):
        if len(stem) >= 2 and _ar_known(stem):
            return True
        if _ar_broken_plural_known(stem):
            return True
    return False


_FAWAIL = re.compile(r"^(.)وا(.)(.)$")  # سواتل، قواعد، فواصل: the broken plural of فاعل / فاعلة
_FAAIL = re.compile(r"^(.)(.)ائ(.)$")  # رسائل، وسائط: of فعالة / فعيلة


def _ar_broken_plural_known(stem: str) -> bool:
    """``stem`` is a broken plural (فواعل, فعائل) whose singular the dictionaries know (or the
    nisba adjective made from it): hunspell lists the plurals of common nouns only, not of
    technical ones (سواتل, plural of ساتل)."""
    m = _FAWAIL.match(stem)
    if m:
        a, b, c = m.groups()
        # the singular, or its nisba adjective (ساتلية: the dictionary knows no ساتل)
        return any(_ar_known(f"{a}ا{b}{c}{end}") for end in ("", "ة", "ي", "ية"))
    m = _FAAIL.match(stem)
    if m:
        a, b, c = m.groups()
        return _ar_known(f"{a}{b}ا{c}ة") or _ar_known(f"{a}{b}ي{c}ة")
    return False


def _ar_stems(word: str):
    prefixes = [""] + [p for p in _AR_PREFIXES if word.startswith(p) and len(word) - len(p) >= 2]
    for p in prefixes:
        rest = word[len(p):]
        bases = [rest]
        if p.endswith("لل"):
            bases.append("ال" + rest)
        for base in bases:
            yield base
            for s in _AR_SUFFIXES:
                if base.endswith(s) and len(base) - len(s) >= 2:
                    stem = base[: -len(s)]
                    yield stem
                    if stem.endswith("ت"):
                        yield stem[:-1] + "ة"
                    if stem.endswith("ا") and s in ("ه", "ها", "هم", "كم", "نا", "ي"):
                        yield stem[:-1] + "ى"


# undotted skeleton: letters that differ only by dots share a class
_RASM = str.maketrans({
    "ب": "ٮ", "ت": "ٮ", "ث": "ٮ", "ن": "ٮ", "ي": "ٮ", "ئ": "ٮ",
    "ج": "ح", "خ": "ح", "ذ": "د", "ز": "ر", "ش": "س", "ض": "ص", "ظ": "ط", "غ": "ع",
    "ق": "ف", "ة": "ه",
})


def rasm(word: str) -> str:
    return word.translate(_RASM)


def _strip_wa(word: str) -> str:
    return word[1:] if word[:1] in ("و", "ف") and len(word) > 5 else word


@lru_cache(maxsize=1)
def ar_vocab() -> tuple[frozenset, dict]:
    """(vocabulary, rasm -> words) from resources/wordlists/ar_vocab.txt and ar.txt."""
    words = set()
    for line in _read_list("ar_vocab.txt") + _read_list("ar.txt"):
        for w in line.split():
            w = strip_marks(w)
            if ARABIC_WORD.fullmatch(w):
                words.add(_strip_wa(w))
    index: dict[str, set] = {}
    for w in words:
        if len(w) >= 5:
            index.setdefault(rasm(w), set()).add(w)
    return frozenset(words), index


def _swapped(a: str, b: str) -> bool:
    """True if ``a`` is ``b`` with two neighbouring letters swapped."""
    diff = [k for k, (x, y) in enumerate(zip(a, b)) if x != y]
    return len(a) == len(b) and len(diff) == 2 and diff[1] == diff[0] + 1 \
        and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]


@lru_cache(maxsize=65536)
def ar_confusable(word: str) -> str | None:
    """A vocabulary word with the same skeleton but other dots, if ``word`` is not itself known
    vocabulary (the real-word error hunspell cannot see)."""
    core = _strip_wa(word)
    if len(core) < 5:
        return None
    vocab, index = ar_vocab()
    if core in vocab:
        return None
    # final ي for ى (المنتدي for المنتدى): hunspell takes both; the vocabulary knows which is meant
    # (words legitimately ending in ي, المعني, مبني, are vocabulary themselves)
    if core.endswith("ي") and core[:-1] + "ى" in vocab:
        return word[:-1] + "ى"
    cands = index.get(rasm(core))
    if not cands:
        return None
    # two or more dots apart: one-dot variants are too often other real words (تشارك/يشارك)
    # nor two neighbours swapped (المعينة/المعنية, both words: a transposition is not a dot slip)
    far = sorted(c for c in cands if sum(a != b for a, b in zip(c, core)) >= 2 and not _swapped(c, core))
    if not far:
        return None
    return word[: len(word) - len(core)] + far[0]


# hamzat al-wasl: the verbal nouns (and past/imperative) of forms VII, VIII and X begin with a
# plain alif (اجتماع، افتتاح، انعقاد، استعراض), which typists write أ/إ; hunspell takes most of them
_CLITIC_HEAD = re.compile(r"^(?:[وف]?(?:[بك]?ال|لل)|[وف]?[بلك]?)")
_WASL = re.compile(r"^ا(?:ست[^\W\d_]{2}ا|[^\W\d_]ت[^\W\d_]ا|ن[^\W\d_]{2}ا)[^\W\d_]")


def _split_head(word: str) -> tuple[str, str]:
    """(clitics and article, rest) of ``word``: وبالأستعراض -> (وبال, أستعراض)."""
    m = _CLITIC_HEAD.match(word)
    head = m.group() if m else ""
    if len(word) - len(head) < 3:
        head = ""
    return head, word[len(head):]


@lru_cache(maxsize=65536)
def ar_hamza_wasl(word: str) -> str | None:
    """``word`` with its hamza on a wasl alif made a plain alif (إجتماع -> اجتماع,
    الأستعراض -> الاستعراض, بأستضافة -> باستضافة), or None."""
    for head in {_split_head(word)[0], ""}:
        rest = word[len(head):]
        if rest[:1] not in ("أ", "إ") or _key(rest) in house_words("ar"):
            continue  # أستراليا: a name of the house list keeps its hamza
        fixed = "ا" + rest[1:]
        if _WASL.match(fixed) and (ar_ok(head + fixed) or _strip_wa(head + fixed) in ar_vocab()[0]):
            return head + fixed
    return None


# masculine words whose root ends in ه (الموجه, المشابه, الاتجاه): ه is right, not a slip for ة
_ROOT_HA = re.compile(r"(?:وجه|شبه|شابه|نبه|نزه|تجه|كره|فقه|نته|رفه|ياه|تجاه|نتباه|شتباه)$")


@lru_cache(maxsize=65536)
def ar_ta_marbuta(word: str) -> str | None:
    """A definite noun or adjective written with final ه for ة (القمه, للمنظمه): the ة form,
    when the dictionaries know it and the ه form is not itself vocabulary, or None."""
    head, rest = _split_head(word)
    if not head.endswith(("ال", "لل")) or not rest.endswith("ه") or len(rest) < 3:
        return None
    if word in ("الله", "لله", "والله", "بالله") or _ROOT_HA.search(rest):
        return None
    vocab = ar_vocab()[0]
    if _strip_wa(word) in vocab:
        return None
    fixed = word[:-1] + "ة"
    return fixed if ar_ok(fixed) else None


def ar_form_error(word: str) -> tuple[str, str] | None:
    """(kind, correction) for a wrong Arabic spelling with a rule of its own: "hamza" or "ta"."""
    fixed = ar_hamza_wasl(word)
    if fixed:
        return "hamza", fixed
    fixed = ar_ta_marbuta(word)
    if fixed:
        return "ta", fixed
    return None


# ---- French / English ----------------------------------------------------------------------
@lru_cache(maxsize=65536)
def latin_ok(word: str, lang: str) -> bool:
    d = dictionary(lang)
    if d is None:
        return True
    if len(word) > MAX_WORD_LENGTH:
        return False
    w = word.replace("’", "'")
    if _key(w) in house_words(lang) or d.check(w) or any(m.check(w) for m in more_dictionaries(lang)):
        return True
    low = w.lower()
    if low != w and (d.check(low) or _key(low) in house_words(lang)
                     or any(m.check(low) for m in more_dictionaries(lang))):
        return True
    if "'" in w:  # l'Union, d'inviter, Union's
        head, _, tail = w.partition("'")
        if lang == "fr" and head.lower() in {"l", "d", "j", "qu", "n", "s", "c", "m", "t", "jusqu", "lorsqu",
                                             "puisqu", "quoiqu", "presqu"}:
            return not tail or latin_ok(tail, lang)
        if lang == "en" and tail.lower() in ("s", "t", "ll", "re", "ve", "d", ""):
            return latin_ok(head, lang)
    if "-" in w:
        return all(latin_ok(p, lang) for p in w.split("-") if p)
    if lang == "en":  # ITU writes British English; the installed dictionary is American
        if any(d.check(v) for v in _american(low)):
            return True
        # closed compounds of two long words (roundtable, stakeholder-like coinages)
        return any(len(low) - k >= 4 and d.check(low[:k]) and d.check(low[k:]) for k in range(4, len(low) - 3))
    return False


_UK_US = [(r"our(s|ed|ing|able|ite|ites)?$", r"or\1"), (r"our(?=[a-z])", "or"), (r"is(e|es|ed|ing|ation|ations|er|ers)$", r"iz\1"),
          (r"yse(s|d)?$", r"yze\1"), (r"tre(s)?$", r"ter\1"), (r"ogue(s)?$", r"og\1"), (r"ll(ed|ing|er|ers)$", r"l\1"),
          (r"ence$", "ense"), (r"ae", "e"), (r"oe", "e"), (r"mme(s)?$", r"m\1")]


def _american(word: str):
    for pat, rep in _UK_US:
        v = re.sub(pat, rep, word)
        if v != word:
            yield v


@lru_cache(maxsize=8192)
def suggestions(word: str, lang: str) -> tuple[str, ...]:
    d = dictionary(lang)
    if d is None or len(word) > MAX_WORD_LENGTH:
        return ()
    try:
        return tuple(d.suggest(word)[:5])
    except Exception:  # noqa: BLE001
        return ()


def edit_distance(a: str, b: str) -> int:
    if abs(len(a) - len(b)) > 3:
        return 9
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def close_suggestions(word: str, lang: str) -> tuple[str, ...]:
    """The dictionary's suggestions at most two edits away, one word each, in its order. More
    than one means the correction is a guess: let the writer choose."""
    return tuple(s for s in suggestions(word, lang)
                 if s != word and " " not in s and edit_distance(s, word) <= 2)


def best_suggestion(word: str, lang: str) -> str | None:
    close = close_suggestions(word, lang)
    return close[0] if close else None
