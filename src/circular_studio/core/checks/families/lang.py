"""Language versions: the Arabic, French and English versions of one draft must point to the same
addresses and cite the same numbers. Facts typed once are the same everywhere by construction;
the prose is translated, and a translator may keep an old link or drop a number."""
from __future__ import annotations

import re
from ...errors import StudioError
from ...locale import languages
from ..registry import Example, Hit, register
from ...locale.text import EMAIL_RE
from ...compose.pipeline import build_document

FAMILY = "versions"
_NUMBER = re.compile(r"(?<![\d/.-])\d{2,}(?:[/.]\d+)*")
_FACTS = {"letter_date": "2019-12-06", "sector": "SG", "signatory": "houlin-zhao",
          "start_date": "2020-04-06", "end_date": "2020-04-09", "subject": "WSIS",
          "addressees": ["Member States"], "event_name": "WSIS Forum"}


def _norm_link(target: str) -> str:
    target = target.strip().rstrip("/").lower()
    target = re.sub(r"^https?://", "", target)
    return target[4:] if target.startswith("www.") else target


def _prose(doc):
    """Blocks written by the drafter (prose fields), not made from shared facts; in a document
    that knows no fields, its paragraphs."""
    if any(b.field for b in doc.blocks):
        return [(i, b) for i, b in enumerate(doc.blocks) if b.field == "body"]
    return [(i, b) for i, b in enumerate(doc.blocks) if b.kind.value == "paragraph"]


def _addresses(doc) -> dict[str, str]:
    """normalised address -> as written, for links and e-mail addresses in the prose."""
    out = {}
    for _i, b in _prose(doc):
        for _s, _e, span in b.links():
            if span.link and span.link != "#":
                target = span.link[7:] if span.link.startswith("mailto:") else span.link
                key = _norm_link(target)
                # show the address as the letter writes it (www.itu.int/…), not as linkified
                out.setdefault(key, span.text.strip() if _norm_link(span.text) == key else target)
        for m in EMAIL_RE.finditer(b.text):
            out.setdefault(_norm_link(m.group()), m.group())
    return out


def _numbers(doc) -> set[str]:
    return {m.group() for _i, b in _prose(doc) for m in _NUMBER.finditer(b.text)}


def _others(ctx):
    """(language, document) of the draft's other language versions."""

    draft = ctx.draft
    if draft is None or len(getattr(draft, "languages", {})) < 2:
        return []
    cache = ctx.versions
    out = []
    for lang in draft.languages:
        if lang == ctx.language:
            continue
        if lang not in cache:
            try:
                cache[lang] = build_document(draft, lang, strict=False)
            except StudioError:
                cache[lang] = None
        if cache[lang] is not None:
            out.append((lang, cache[lang]))
    return out


def _anchor(ctx) -> tuple[int, int]:
    prose = _prose(ctx.doc)
    return (prose[0][0], 0) if prose else (0, 0)


def _version_name(lang: str, ui: str) -> str:
    """"Spanish" / "espagnole" / "الإسبانية": the table's ``[names] version`` in the
    interface language ("the {version} version")."""
    entry = languages.get(lang)
    forms = entry.data["names"].get("version", {}) if entry is not None else {}
    return forms.get(ui) or forms.get("en") or lang


@register("LANG001", "address-missing-in-version", family=FAMILY, severity="warning",
          en="the {version} version points to \"{address}\", this version does not",
          fr="la version {version} renvoie à « {address} », pas cette version",
          ar="تحيل النسخة {version} إلى \"{address}\" ولا تحيل إليه هذه النسخة",
          what="A link or e-mail address in another language version of the same draft that this "
               "version's text does not contain.",
          why="Readers of one language are sent elsewhere than the others, often to an old page "
              "the translator copied from an earlier letter.",
          fix="Use the same address in every language version.",
          examples=[Example("en", "The programme is at www.itu.int/wsis-old.",
                            "The programme is at www.itu.int/wsis.", letter_type="invitation",
                            fields=_FACTS,
                            options={"other_versions": {"fr": "Le programme est à l'adresse www.itu.int/wsis."}})])
def address_missing(ctx):
    others = _others(ctx)
    if not others:
        return
    mine = _addresses(ctx.doc)
    block, _ = _anchor(ctx)
    for lang, doc in others:
        for key, shown in _addresses(doc).items():
            if key not in mine:
                yield Hit(block, 0, 0, None, {"version": _version_name(lang, ctx.ui_language),
                                              "address": shown, "key": f"{lang}:{key}"})


@register("LANG002", "number-missing-in-version", family=FAMILY, severity="info",
          en="the {version} version cites the number {number}, this version does not",
          fr="la version {version} cite le nombre {number}, pas cette version",
          ar="تذكر النسخة {version} الرقم {number} ولا تذكره هذه النسخة",
          what="A number (a year, a resolution, an amount, a day) in the prose of another language "
               "version that this version's prose does not contain.",
          why="A date, a resolution number or an amount changed in one language only: the versions "
              "no longer say the same thing.",
          fix="Bring the versions into agreement.",
          examples=[Example("en", "See Resolution 198 of 2018.", "See Resolution 198 of 2022.",
                            letter_type="invitation", fields=_FACTS,
                            options={"other_versions": {"fr": "Voir la Résolution 198 de 2022."}})])
def number_missing(ctx):
    others = _others(ctx)
    if not others:
        return
    mine = _numbers(ctx.doc)
    block, _ = _anchor(ctx)
    for lang, doc in others:
        for number in sorted(_numbers(doc) - mine):
            yield Hit(block, 0, 0, None, {"version": _version_name(lang, ctx.ui_language),
                                          "number": number, "key": f"{lang}:{number}"})
