"""The house page style: one source for the DOCX writer and the preview, so they cannot drift.

How a letter's page looks (page size and margins, the letterhead's colour and rule, the
reference block's label column, the space between blocks, which fonts are embedded and which
free fonts stand in for Word's) is read from ``resources/page_style.json`` here, and only here;
a language's fonts and sizes from the language table (``resources/languages/<code>.toml``,
``[fonts]``) through ``fonts_for``. ``core/docx/writer.py`` turns them into OOXML,
``core/outputs/html_preview.py`` into the CSS of the preview.

Fonts: the DOCX names the table's ``latin`` font (Calibri, which every Word has) and its
``complex`` one (Amiri for Arabic, which Word does not have, so the writer embeds it).
LibreOffice, the PDF and the preview use the metric twin of a font that is not installed
(Carlito for Calibri: the same advance widths, so lines and pages break at the same places).
"""
from __future__ import annotations

import functools
from dataclasses import dataclass

from ..locale import languages
from ..resources import load_json

PT_PER_CM = 72 / 2.54
PX_PER_PT = 96 / 72
TWIPS_PER_PT = 20


@dataclass(frozen=True)
class Fonts:
    """A language's fonts (names the DOCX writes), sizes in points, and preview families."""

    latin: str
    complex: str
    east_asian: str
    size: float
    size_complex: float
    preview: tuple[str, ...]
    alt: tuple[tuple[str, str], ...] = ()  # (font, name Word may use when it lacks the font)


@functools.lru_cache(maxsize=None)
def data() -> dict:
    return load_json("page_style.json")


@functools.lru_cache(maxsize=None)
def fonts_for(language: str) -> Fonts:
    """The fonts and sizes of a letter in ``language`` (an unknown language: English's)."""
    entry = languages.get(languages.base_code(language)) or languages.language("en")
    f = entry.fonts
    latin = f.get("latin") or "Calibri"
    complex_ = f.get("complex") or "Amiri"
    east = f.get("east_asia") or latin
    size = float(f.get("size", 11.0))
    alt = tuple((f[slot], f[f"{slot}_alt"]) for slot in ("latin", "complex", "east_asia")
                if f.get(slot) and f.get(f"{slot}_alt"))
    preview = tuple(f.get("preview") or (twin(latin), latin))
    return Fonts(latin, complex_, east, size, float(f.get("size_complex", size)), preview, alt)


def twin(font: str) -> str:
    """The metric-compatible free font LibreOffice and the preview use for ``font`` (itself if
    it has none)."""
    return data()["metric_twins"].get(font, font)


def twins_of(font: str) -> set[str]:
    """``font`` and the fonts that lay out the same (for reading a PDF's font list)."""
    return {font, twin(font)}


def preview_families(language: str, rtl: bool) -> list[str]:
    """Font families for the preview of a paragraph, best first: the metric twin of the font
    the DOCX names (installed here), that font, then the table's preview families."""
    f = fonts_for(language)
    named = f.complex if rtl else f.latin
    out: list[str] = []
    for name in (twin(named), named, *f.preview):
        if name not in out:
            out.append(name)
    return out


def sizes(language: str, rtl: bool) -> tuple[float, float]:
    """(body size, complex-script size) in points."""
    f = fonts_for(language)
    return f.size, f.size_complex


def spacing(kind: str) -> tuple[float, float]:
    """(space before, space after) in points of a block of ``kind`` (a BlockKind value, or
    'list_item', 'signature_after_signed')."""
    table = data()["spacing_pt"]
    before, after = table.get(kind, table["paragraph"])
    return float(before), float(after)


def colour(name: str) -> str:
    """An RRGGBB colour of the house style ('letterhead', 'rule', 'link', 'text')."""
    return data()["colours"][name]


def page() -> dict:
    return data()["page"]


def text_width_cm() -> float:
    p = page()
    return p["width_cm"] - 2 * p["margin_cm"]


def label_width_cm() -> float:
    return float(data()["reference"]["label_width_cm"])


def reference_line_pt(rtl: bool) -> float | None:
    """Exact line height of the reference block's rows, or None for the fonts' own."""
    value = data()["reference"].get("line_pt", {}).get("rtl" if rtl else "ltr")
    return float(value) if value else None


def subject_indent_cm() -> float:
    return float(data()["subject"]["indent_cm"])


def list_indent_cm() -> float:
    return float(data()["list"]["indent_cm"])


def letterhead() -> dict:
    return data()["letterhead"]


def embedded_fonts() -> dict[str, dict[str, str]]:
    """{font name: {"regular"/"bold": fontconfig pattern}} of the fonts the DOCX embeds."""
    return {k: v for k, v in data().get("embed", {}).items() if not k.startswith("_")}


def keep_with_number(language: str) -> list[str]:
    """Words that keep the number after them on their line ("Résolution 70/125")."""
    table = data().get("keep_with_number", {})
    return [*table.get(languages.base_code(language), []), *table.get("all", [])]
