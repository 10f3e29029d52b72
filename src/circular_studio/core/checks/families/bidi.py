"""Bidi display: left-to-right tokens (phone numbers…) in a right-to-left paragraph that will
display in the wrong order, computed with python-bidi by core/bidi.py (``ltr_token_spans``)."""
from __future__ import annotations


from ...locale.bidi import LRM, has_arabic, ltr_token_spans
from ..registry import Example, Hit, register
from ...locale.bidi import _visual_order
from ...caching import text_cache

FAMILY = "bidi"


@text_cache(maxsize=2048)
def _spans(line: str) -> tuple:
    return tuple(ltr_token_spans(line))


@register("BIDI001", "ltr-token-reversed", family=FAMILY, severity="error", needs_bidi_display=True,
          en="\"{token}\" will display as \"{shown}\" in this right-to-left paragraph",
          fr="« {token} » s'affichera « {shown} » dans ce paragraphe de droite à gauche",
          ar="\"{token}\" سيظهر بالشكل \"{shown}\" في هذه الفقرة المكتوبة من اليمين إلى اليسار",
          what="A phone number or another left-to-right token in an Arabic (right-to-left) paragraph whose "
               "characters the Unicode bidi algorithm displays out of order (+41 22 730 5614 shows as "
               "5614 730 22 41+). Computed with python-bidi, not guessed.",
          why="The printed number is wrong: readers dial the groups backwards.",
          fix="Put LRM (U+200E) before and after the token; verified to display right in Word, "
              "LibreOffice and Qt. Letters drafted in Circular Studio get this protection "
              "automatically on export and in the preview, so the check looks only at letters "
              "drafted elsewhere.",
          examples=[Example("ar", "الهاتف: +41 22 730 5614", "الهاتف: \u200e+41 22 730 5614\u200e"),
                    Example("ar", "يرجى الاتصال بالرقم +41 22 730 6240 للاستفسار.",
                            "يرجى الاتصال بالرقم \u200e+41 22 730 6240\u200e للاستفسار.")])
def ltr_reversed(ctx):
    # A letter rendered from a draft is protected on output (the DOCX writer and the preview both
    # call bidi.protect), so only text that will be printed as it stands can display reversed.
    if ctx.draft is not None:
        return
    for i, block in enumerate(ctx.doc.blocks):
        text = ctx.texts[i]
        rtl = block.direction == "rtl" or ctx.langs[i] == "ar"
        if not rtl or not has_arabic(text):
            continue
        pos = 0
        for line in text.split("\n"):
            if has_arabic(line) or block.direction == "rtl":
                for s, e in _spans(line):
                    token = line[s:e]
                    yield Hit(i, pos + s, pos + e, f"{LRM}{token}{LRM}",
                              {"token": token, "shown": _shown(line, s, e)})
            pos += len(line) + 1


def _shown(line: str, s: int, e: int) -> str:
    try:

        order = _visual_order(line, rtl=True)
        return "".join(line[k] for k in order if s <= k < e)
    except Exception:  # noqa: BLE001
        return line[s:e][::-1]


@register("BIDI002", "arabic-paragraph-ltr", family=FAMILY, severity="warning", languages=["ar"],
          en="an Arabic paragraph set left-to-right",
          fr="paragraphe arabe orienté de gauche à droite",
          ar="فقرة عربية مضبوطة على اتجاه الكتابة من اليسار إلى اليمين",
          what="A paragraph of Arabic text whose direction (Word's w:bidi) is left-to-right.",
          why="It prints flush left, with punctuation and numbers on the wrong side.",
          fix="Set the paragraph right-to-left.",
          examples=[Example("ar", "سيعقد المنتدى في جنيف.", "سيعقد المنتدى في جنيف.", options={"direction": {"bad": "ltr", "good": "rtl"}}),
                    ])
def arabic_ltr(ctx):
    if ctx.doc.direction != "rtl" and ctx.language != "ar":
        return
    explicit = ctx.explicit_direction
    if not explicit:
        return
    for i, block in enumerate(ctx.doc.blocks):
        if block.direction == "ltr" and ctx.langs[i] == "ar" and has_arabic(ctx.texts[i]):
            yield Hit(i, 0, len(ctx.texts[i]), None, {})
