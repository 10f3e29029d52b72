"""Rendered through LibreOffice: what a reader of the PDF sees (alignment, digit order, fonts)."""
from __future__ import annotations

import re
import shutil
import subprocess
from html import unescape

import pytest

from circular_studio.core.outputs import pdf
from circular_studio.core.docx.writer import write_docx
from circular_studio.core.errors import ExportError

needs_soffice = pytest.mark.skipif(pdf.soffice_path() is None,
                                   reason="LibreOffice (soffice) is not installed")
needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None or shutil.which("pdffonts") is None,
                                   reason="poppler-utils (pdftotext, pdffonts) is not installed")

PAGE_W = 595.3
MARGIN = 56.7  # 2 cm in points
INDENTS = (0.0, 28.35, 56.7)  # none, list items (1 cm), the subject's hanging indent (2 cm)


@pytest.fixture(scope="module")
def rendered(tmp_path_factory, letter_makers):
    """Both seed letters converted in one LibreOffice call."""
    if pdf.soffice_path() is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    make_arabic_letter, make_french_letter = letter_makers["ar"], letter_makers["fr"]

    folder = tmp_path_factory.mktemp("render")
    docs = [write_docx(make_arabic_letter(), folder / "ar.docx"),
            write_docx(make_french_letter(), folder / "fr.docx")]
    ar_pdf, fr_pdf = pdf.docx_many_to_pdf(docs, folder / "pdf")
    return {"ar": ar_pdf, "fr": fr_pdf}


def lines(pdf_path):
    """[(xMin, xMax, [(word, xMin), ...])] for each text line of page 1."""
    out = subprocess.run(["pdftotext", "-bbox-layout", "-f", "1", "-l", "1", str(pdf_path), "-"],
                         capture_output=True, text=True, check=True).stdout
    result = []
    for m in re.finditer(r'<line xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)"[^>]*>(.*?)</line>',
                         out, re.S):
        words = [(unescape(w), float(x)) for x, w in
                 re.findall(r'<word xMin="([\d.]+)"[^>]*>(.*?)</word>', m.group(3))]
        result.append((float(m.group(1)), float(m.group(2)), words))
    return result


def is_date(line) -> bool:
    """The place/date line, which sits at the far side on purpose."""
    return any(w in ("2019", "2024") for w, _ in line[2]) and len(line[2]) <= 5


@needs_soffice
@needs_poppler
def test_arabic_lines_are_flush_right(rendered):
    ls = lines(rendered["ar"])
    right = PAGE_W - MARGIN
    # every line of running text ends at the right margin (or a list's or the subject's indent)
    text_lines = [l for l in ls if len(l[2]) >= 5 and not is_date(l)]
    assert len(text_lines) >= 8
    for x_min, x_max, words in text_lines:
        assert min(abs(x_max - (right - i)) for i in INDENTS) < 4, (x_min, x_max, words)
    assert sum(abs(l[1] - right) < 4 for l in ls) >= 15
    # list numbers sit inside the margin, at the right, with the item text to their left
    numbers = [l for l in ls if [w for w, _ in l[2]] in (["1", "."], [".", "1"], ["•"])]
    for x_min, x_max, _ in numbers:
        assert x_max <= right + 1 and x_min > right - 28


@needs_soffice
@needs_poppler
def test_arabic_date_line_is_on_the_left(rendered):
    date = [l for l in lines(rendered["ar"]) if any(w == "2019" for w, _ in l[2])
            and len(l[2]) <= 4]
    assert date and abs(date[0][0] - MARGIN) < 4


@needs_soffice
@needs_poppler
def test_phone_number_keeps_its_digit_group_order(rendered):
    groups = ["+41", "22", "730", "5614"]
    found = 0
    for _, _, words in lines(rendered["ar"]):
        xs = {w.strip("\u200e"): x for w, x in words}
        if all(g in xs for g in groups):
            found += 1
            assert [xs[g] for g in groups] == sorted(xs[g] for g in groups), words
    assert found >= 1


@needs_soffice
@needs_poppler
def test_french_letter_is_flush_left_with_date_on_the_right(rendered):
    ls = lines(rendered["fr"])
    text_lines = [l for l in ls if len(l[2]) >= 5 and not is_date(l)]
    assert len(text_lines) >= 5
    for x_min, x_max, words in text_lines:
        assert min(abs(x_min - (MARGIN + i)) for i in INDENTS) < 4, (x_min, words)
    assert sum(abs(l[0] - MARGIN) < 4 for l in ls) >= 15
    date = [l for l in ls if l[2] and l[2][0][0] == "Genève,"]
    assert date and abs(date[0][1] - (PAGE_W - MARGIN)) < 4


@needs_soffice
@needs_poppler
def test_arabic_font_is_embedded(rendered):
    out = subprocess.run(["pdffonts", str(rendered["ar"])], capture_output=True, text=True,
                         check=True).stdout
    arabic = [l for l in out.splitlines() if re.search(r"Amiri|Naskh|Arabic", l)]
    assert arabic and all(" yes " in l for l in arabic)


@needs_soffice
@needs_poppler
def test_pdf_text_layer_has_no_isolates_and_is_shaped_logically(rendered):
    text = subprocess.run(["pdftotext", str(rendered["ar"]), "-"], capture_output=True,
                          text=True, check=True).stdout
    assert not re.search("[\u2066-\u2069]", text)
    assert "CL-19/59" in text


@needs_soffice
def test_docx_to_pdf_to_a_named_file(tmp_path, french_letter):
    docx = write_docx(french_letter, tmp_path / "lettre.docx")
    out = pdf.docx_to_pdf(docx, tmp_path / "final.pdf")
    assert out == tmp_path / "final.pdf" and out.read_bytes()[:4] == b"%PDF"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["final.pdf", "lettre.docx"]


def test_missing_libreoffice_is_a_clear_error(tmp_path, monkeypatch):
    monkeypatch.setenv("CIRCULAR_STUDIO_SOFFICE", str(tmp_path / "no-soffice"))
    assert pdf.soffice_path() is None
    docx = tmp_path / "a.docx"
    docx.write_bytes(b"PK")
    with pytest.raises(ExportError, match="install libreoffice-writer-nogui"):
        pdf.docx_to_pdf(docx, tmp_path)


def test_libreoffice_failure_and_timeout_are_export_errors(tmp_path, monkeypatch):
    fake = tmp_path / "soffice"
    fake.write_text("#!/bin/sh\nsleep 5\n")
    fake.chmod(0o755)
    monkeypatch.setenv("CIRCULAR_STUDIO_SOFFICE", str(fake))
    docx = tmp_path / "a.docx"
    docx.write_bytes(b"PK")
    with pytest.raises(ExportError, match="within"):
        pdf.docx_to_pdf(docx, tmp_path, timeout=0.5)
    fake.write_text("#!/bin/sh\necho 'Error: source file could not be loaded' >&2\nexit 1\n")
    with pytest.raises(ExportError, match="could not be loaded"):
        pdf.docx_to_pdf(docx, tmp_path)
    fake.write_text("#!/bin/sh\nexit 0\n")
    with pytest.raises(ExportError, match="produced no PDF"):
        pdf.docx_to_pdf(docx, tmp_path)
