#!/usr/bin/env python3
"""Build resources/registers/member_states.json, the Member States register.

Sources, recorded per datum in the output ("sources"):
  iso-codes  Debian's iso-codes: ISO 3166-1 names (``name``, ``official_name``) and their
             translations (/usr/share/locale/<lang>/LC_MESSAGES/iso_3166-1.mo), or the same data
             from the pycountry package when iso-codes is not installed;
  cldr       CLDR territory names through babel (``Locale(lang).territories``);
  override   resources/registers/member_states.overrides.json, hand-kept: membership, formal
             names the libraries get wrong, French/Spanish/English articles;
  rule       derived here: French gender/elision from the ending and the head word, Spanish
             and English articles from the head word, Russian cases from the head noun.

Run it with the project's environment:  .venv/bin/python scripts/build_register.py
It is deterministic: the same sources give the same file (tests compare a rebuild with it).
"""
from __future__ import annotations

import argparse
import gettext
import json
import re
import sys
import unicodedata
from pathlib import Path

from babel import Locale

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
from circular_studio.core.model.addressees import fr_article, fr_elides, phrase  # noqa: E402

OUT = ROOT / "resources" / "registers" / "member_states.json"
OVERRIDES = ROOT / "resources" / "registers" / "member_states.overrides.json"
LANGS = ("ar", "en", "es", "fr", "ru", "zh")
CLDR_SHORT = ("ar", "es", "zh")  # short names from CLDR unless ISO has the formal (inverted) form
DISAMBIGUATED = re.compile(r" - |\(|（")
GETTEXT_LANG = {"ar": "ar", "es": "es", "fr": "fr", "ru": "ru", "zh": "zh_CN"}


# ------------------------------------------------------------------ sources

def iso_codes() -> tuple[dict, dict, str]:
    """(alpha3 -> ISO record, lang -> translator, where from)."""
    json_path = Path("/usr/share/iso-codes/json/iso_3166-1.json")
    locale_dir = Path("/usr/share/locale")
    where = "iso-codes (Debian package)"
    if not json_path.is_file():
        try:
            import pycountry
        except ImportError:
            sys.exit("build_register: needs Debian's iso-codes or the pycountry package")
        base = Path(pycountry.__file__).parent
        json_path = base / "databases" / "iso3166-1.json"
        locale_dir = base / "locales"
        where = "iso-codes (as shipped by pycountry)"
    records = {r["alpha_3"].lower(): r for r in json.loads(json_path.read_text("utf-8"))["3166-1"]}
    translators = {}
    for lang, gl in GETTEXT_LANG.items():
        translators[lang] = gettext.translation("iso_3166-1", str(locale_dir), [gl], fallback=True)
    return records, translators, where


_AR_MARKS = re.compile("[\u064b-\u065f\u0670]")  # harakat, shadda, sukun: letters are written without


def clean(text: str, lang: str) -> str:
    text = unicodedata.normalize("NFC", text).replace("’", "'").replace("\u00a0", " ")
    if lang == "ar":
        text = _AR_MARKS.sub("", text).replace(" و ", " و")
    if lang == "ru":
        text = unicodedata.normalize("NFC", unicodedata.normalize("NFD", text).replace("\u0301", ""))  # stress marks
    return " ".join(text.split())


def translated(tr, msgid: str | None, lang: str) -> str | None:
    """The translation of an iso-codes string, or None when the catalogue has none."""
    if not msgid:
        return None
    if lang == "en":
        return msgid
    text = tr.gettext(msgid)
    if text == msgid and re.search(r"[A-Za-z]", msgid) and lang in ("ar", "ru", "zh"):
        return None  # untranslated: English text returned
    if text == msgid and lang in ("fr", "es") and msgid not in _SAME_IN_LATIN:
        return None
    return clean(text, lang)


_SAME_IN_LATIN = set()  # filled by main(): names CLDR spells the same way (Canada, Oman…)


def uninvert(text: str, lang: str) -> tuple[str, str | None]:
    """ISO's inverted names: "Corée, République de" -> ("République de Corée", "Corée (République de)")."""
    sep = "، " if lang == "ar" else ", "
    if sep not in text:
        return text, None
    head, tail = text.split(sep, 1)
    if lang in ("ar", "ru", "zh"):
        return tail, None  # "كوريا، جمهورية كوريا": the part after the comma is the whole name
    tail_cap = tail[:1].upper() + tail[1:]
    if tail.endswith("'"):
        return f"{tail_cap}{head}", f"{head} ({tail_cap})"
    if lang in ("fr", "es", "en") and not re.search(r"\b(de|du|des|d'|del|of|the)$", tail, re.I):
        return f"{tail_cap} {head}", f"{head} ({tail_cap})"  # "Lao, République démocratique populaire"
    return f"{tail_cap} {head}", f"{head} ({tail_cap})"


# ------------------------------------------------------------------ grammar rules

FR_HEADS = {  # head word of a name -> (gender, number)
    "république": ("f", "sg"), "fédération": ("f", "sg"), "principauté": ("f", "sg"),
    "confédération": ("f", "sg"), "union": ("f", "sg"), "royaume": ("m", "sg"),
    "royaume-uni": ("m", "sg"), "grand-duché": ("m", "sg"), "sultanat": ("m", "sg"),
    "commonwealth": ("m", "sg"), "état": ("m", "sg"), "états": ("m", "pl"),
    "états-unis": ("m", "pl"), "émirats": ("m", "pl"), "îles": ("f", "pl"), "île": ("f", "sg"),
    "saint-siège": ("m", "sg"),
}
ES_HEADS = {
    "república": "la", "federación": "la", "confederación": "la", "unión": "la", "mancomunidad": "la",
    "reino": "el", "estado": "el", "gran": "el", "principado": "el", "sultanato": "el",
    "estados": "los", "emiratos": "los", "islas": "las", "commonwealth": "el",
}
EN_HEADS = re.compile(r"\b(Republic|Kingdom|State|States|Federation|Principality|Commonwealth|Sultanate|"
                      r"Union|Confederation|Duchy|Emirates|Islands)\b")
HEADS_ALL = set(FR_HEADS) | set(ES_HEADS) | {"republic", "kingdom", "state", "states", "federation",
                                             "principality", "commonwealth"}
RU_HEADS = {  # head noun: (gender, genitive, dative); what follows it stays in the nominative
    "Республика": ("f", "Республики", "Республике"), "Федерация": ("f", "Федерации", "Федерации"),
    "Конфедерация": ("f", "Конфедерации", "Конфедерации"),
    "Королевство": ("n", "Королевства", "Королевству"), "Государство": ("n", "Государства", "Государству"),
    "Княжество": ("n", "Княжества", "Княжеству"), "Содружество": ("n", "Содружества", "Содружеству"),
    "Султанат": ("m", "Султаната", "Султанату"), "Союз": ("m", "Союза", "Союзу"),
    "Штаты": ("pl", "Штатов", "Штатам"), "Эмираты": ("pl", "Эмиратов", "Эмиратам"),
}
_RU_ADJ = {  # nominative ending by gender -> (genitive, dative) endings
    "f": (("ая", "ой", "ой"), ("яя", "ей", "ей")),
    "n": (("ое", "ого", "ому"), ("ее", "его", "ему")),
    "m": (("ый", "ого", "ому"), ("ой", "ого", "ому"), ("ий", "ого", "ому")),
    "pl": (("ые", "ых", "ым"), ("ие", "их", "им")),
}


def _ru_adjective(word: str, gender: str, case: int) -> str | None:
    """One adjective before the head noun in the genitive (case 1) or dative (case 2);
    "Народно-Демократическая" inflects its last part. None if it does not look like one."""
    head, sep, last = word.rpartition("-")
    for ending in _RU_ADJ[gender]:
        if last.endswith(ending[0]):
            return head + sep + last[: -len(ending[0])] + ending[case]
    return None


def fr_grammar(key: str, text: str, is_short: bool, ov: dict) -> tuple[dict, str]:
    head = text.split(" ")[0].lower()
    if head in FR_HEADS:
        gender, number = FR_HEADS[head]
        g = {"gender": gender, "number": number, "elision": fr_elides(text)}
        g["article"] = fr_article(gender, number, g["elision"])
        return g, "rule"
    src = "rule"
    gender = "f" if text.rstrip().endswith("e") and not text.endswith("é") else "m"
    number = "sg"
    elision = fr_elides(text, mute_h=key in ov["mute_h"])
    if key in ov["masculine"]:
        gender, src = "m", "override"
    if key in ov["feminine"]:
        gender, src = "f", "override"
    if key in ov["plural"]:
        gender, number, src = ov["plural"][key], "pl", "override"
    article = fr_article(gender, number, elision)
    if key in ov["none"]:
        article, src = "", "override"
    return {"gender": gender, "number": number, "elision": elision, "article": article}, src


def es_grammar(key: str, text: str, is_short: bool, ov: dict) -> tuple[dict, str]:
    head = text.split(" ")[0].lower()
    if head in ES_HEADS:
        return {"article": ES_HEADS[head]}, "rule"
    for article in ("el", "la", "los", "las"):
        if is_short and key in ov[article]:
            return {"article": article}, "override"
    return {"article": ""}, "rule"


def en_grammar(key: str, text: str, is_short: bool, ov: dict) -> tuple[dict, str]:
    if key in ov["none"]:
        return {"article": ""}, "override"
    if EN_HEADS.search(text):
        return {"article": "the"}, "rule"
    if is_short and key in ov["the"]:
        return {"article": "the"}, "override"
    return {"article": ""}, "rule"


def ru_grammar(key: str, text: str, is_short: bool, ov: dict) -> tuple[dict, str]:
    """Genitive and dative of names built on a head noun ("Республика Корея" -> "Республики
    Корея"), with the adjectives before it ("Французская Республика" -> "Французской Республики",
    "Соединённые Штаты Америки" -> "Соединённых Штатов Америки"). Other names: nominative only."""
    words = text.split(" ")
    for i, word in enumerate(words):
        if word in RU_HEADS:
            gender, gen, dat = RU_HEADS[word]
            forms = {}
            for case, noun in ((1, gen), (2, dat)):
                adjectives = [_ru_adjective(w, gender, case) for w in words[:i]]
                if any(a is None for a in adjectives):
                    return {"nominative": text}, "rule"
                forms[case] = " ".join(adjectives + [noun] + words[i + 1:])
            return {"nominative": text, "genitive": forms[1], "dative": forms[2]}, "rule"
    return {"nominative": text}, "rule"


GRAMMAR = {"fr": fr_grammar, "es": es_grammar, "en": en_grammar, "ru": ru_grammar}


def split_set(value) -> set:
    return set(value.split()) if isinstance(value, str) else set(value)


# ------------------------------------------------------------------ build

def build() -> dict:
    overrides = json.loads(OVERRIDES.read_text("utf-8"))
    members = overrides["members"].split()
    observers = overrides["observers"]
    records, translators, iso_where = iso_codes()
    locales = {lang: Locale.parse(lang) for lang in LANGS}
    g_ov = {
        "fr": {k: (split_set(v) if k != "plural" else v) for k, v in overrides["fr_grammar"].items() if k != "about"},
        "es": {k: split_set(v) for k, v in overrides["es_grammar"].items() if k != "about"},
        "en": {k: split_set(v) for k, v in overrides["en_grammar"].items() if k != "about"},
        "ru": {},
    }
    for lang in ("fr", "es"):
        _SAME_IN_LATIN.update(locales[lang].territories.get(r["alpha_2"]) for r in records.values())
    entries = {}
    for key in sorted(set(members) | set(observers)):
        rec = records[key]
        a2 = rec["alpha_2"]
        names_out = {}
        for lang in LANGS:
            tr = translators.get(lang)
            src = {}
            cldr = locales[lang].territories.get(a2)
            common = clean(cldr, lang) if cldr else None
            src["common"] = "cldr"
            if lang == "en":
                iso_name = rec["name"]
            else:
                iso_name = translated(tr, rec["name"], lang)
            short, listed = (uninvert(iso_name, lang) if iso_name else (None, None))
            src["short"] = "iso-codes"
            if lang == "en" and short and short.startswith("The "):
                short = short[4:]
            if not short or (lang in CLDR_SHORT and short == iso_name and common
                             and not DISAMBIGUATED.search(common)):
                # CLDR's names are the better spelt in these languages, except where CLDR
                # disambiguates ("Congo - Brazzaville", "刚果（布）") or ISO gives the formal form
                short, src["short"] = common, "cldr"
            official = rec.get("official_name")
            formal = translated(tr, official, lang) if lang != "en" else official
            if formal and lang == "en" and formal.startswith("the "):
                formal = formal[4:]
            if formal and lang == "fr" and formal.startswith("l'"):
                formal = formal[2:]
            if formal:
                formal = formal[:1].upper() + formal[1:] if lang in ("fr", "es", "en", "ru") else formal
                src["formal"] = "iso-codes"
            else:
                formal, src["formal"] = short, src["short"]
            n = {"formal": formal, "short": short, "common": common}
            if listed:
                n["list"], src["list"] = listed, "iso-codes"
            elif lang in ("fr", "es", "en"):
                n["list"], src["list"] = short, src["short"]
            for form, value in overrides["names"].get(key, {}).get(lang, {}).items():
                n[form], src[form] = value, "override"
            if lang in ("fr", "es", "en") and "list" in n and src.get("list") != "override":
                n["list"], src["list"] = list_form(n["short"], n["formal"], lang), "rule"
            grammar_fn = GRAMMAR.get(lang)
            grammar = {}
            if grammar_fn:
                for form in ("formal", "short"):
                    g, gsrc = grammar_fn(key, n[form], form == "short", g_ov[lang])
                    if lang != "ru":
                        g.update({"the": phrase(n[form], lang, g, "the"), "to": phrase(n[form], lang, g, "to"),
                                  "of": phrase(n[form], lang, g, "of")})
                    g["source"] = gsrc
                    grammar[form] = g
            if grammar and n["formal"] == n["short"]:
                grammar["formal"] = dict(grammar["short"])  # one name, one grammar (al Japón)
            entry_lang = {k: v for k, v in n.items() if v}
            if grammar:
                entry_lang["grammar"] = grammar
            entry_lang["sources"] = {k: src[k] for k in entry_lang if k in src}
            names_out[lang] = entry_lang
        checked = overrides.get("verified", {}).get(key, {})
        entries[key] = {
            "alpha2": a2,
            "status": "observer" if key in observers else "member",
            **({"note": observers[key]} if key in observers else {}),
            # verified: the French name used in letters and its article were checked by hand
            "verified": any(d in checked for d in ("fr.short", "fr.list")) and (
                "fr.article" in checked or "fr.to" in checked),
            **({"checked": checked} if checked else {}),
            "names": names_out,
        }
    return {
        "about": ("The organisation's Member States (the 193 Members of the United Nations and "
                  "Vatican City State) and the State of Palestine (observer, Resolution 99), with "
                  "their names and grammar in the six languages. Generated by "
                  "scripts/build_register.py; do not edit by hand: edit "
                  "member_states.overrides.json and rebuild."),
        "sources": {
            "cldr": f"CLDR territory names through babel {__import__('babel').__version__}",
            "iso-codes": iso_where,
            "override": "member_states.overrides.json (hand-kept)",
            "rule": "derived by scripts/build_register.py (French gender/elision, articles, Russian cases)",
        },
        "checked_against": overrides.get("sources_checked", {}),
        "verified_about": overrides.get("verified_about", ""),
        "counts": {"entries": len(entries), "members": sum(e["status"] == "member" for e in entries.values()),
                   "verified": sum(e["verified"] for e in entries.values())},
        "entries": entries,
    }


def list_form(short: str, formal: str, lang: str) -> str:
    """The sorting form of a list: "République de Corée" -> "Corée (République de)",
    "République d'Albanie" / "Albanie" -> "Albanie (République d')", "Algérie" /
    "République algérienne démocratique et populaire" -> "Algérie (République algérienne…)"."""
    if formal != short and short.split(" ")[0].lower() not in HEADS_ALL:
        if formal.startswith(short):
            return formal  # "Royaume-Uni de Grande-Bretagne et d'Irlande du Nord"
        if formal.endswith(short):
            return f"{short} ({formal[: -len(short)].strip()})"
        return f"{short} ({formal})"
    m = re.match(r"^(.*?\b(?:de la|de|du|des|d'|del|de los|de las|of the|of))\s?([A-ZÀ-ÖØ-Þ].*)$", short)
    if m and short.split(" ")[0].lower() in HEADS_ALL:
        return f"{m.group(2)} ({m.group(1)})"
    return short


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if the file is not up to date")
    parser.add_argument("-o", "--output", type=Path, default=OUT)
    args = parser.parse_args(argv)
    data = build()
    text = json.dumps(data, ensure_ascii=False, indent=1, sort_keys=False) + "\n"
    if args.check:
        current = args.output.read_text("utf-8") if args.output.is_file() else ""
        if current != text:
            print(f"{args.output} is out of date: run scripts/build_register.py", file=sys.stderr)
            return 1
        return 0
    args.output.write_text(text, "utf-8")
    c = data["counts"]
    print(f"wrote {args.output.relative_to(ROOT)}: {c['entries']} entries ({c['members']} members), {c['verified']} verified")
    return 0


if __name__ == "__main__":
    sys.exit(main())
