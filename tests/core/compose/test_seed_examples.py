"""The bundled examples reproduce the real seed letters they were made from."""
import difflib
import io
import re

import docx
import pytest
from docx.oxml.ns import qn

from circular_studio.core.model import draft as draft_io
from circular_studio.core.docx.writer import docx_bytes
from circular_studio.core.compose.pipeline import build_document
from tests.conftest import ROOT, example_path

SEEDS = {"000": "000_3e9c70c3ed0e871a", "001": "001_780a961a6b4afbd4",
         "002": "002_d4c8c78f3a3a1ac4", "004": "004_a3682a9172c81b8f"}


def normalise(text: str) -> str:
    """Text as a reader compares it: no Markdown syntax, no invisible marks, single spaces."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"<(https?://[^>]+)>", r"\1", text)
    text = text.replace("**", "")
    text = re.sub(r"^\s*([-*]|\d+\.?)\s+(?=\S)", "", text, flags=re.M)
    text = re.sub("[\u200e\u200f\u2066-\u2069\u202a-\u202e]", "", text)
    return " ".join(text.split())


def docx_text(data: bytes) -> str:
    """Every paragraph of the DOCX, page header first, body (tables included) in order."""
    document = docx.Document(io.BytesIO(data))
    parts = [p.text for p in document.sections[0].header.paragraphs]
    for p in document.element.body.iter(qn("w:p")):
        parts.append("".join(t.text or "" for t in p.iter(qn("w:t"))))
    return "\n".join(parts)


@pytest.mark.parametrize("number", sorted(SEEDS))
def test_example_docx_matches_its_seed_letter(number):
    d = draft_io.load(example_path(number))
    language = "fr" if number == "000" else "ar"  # the seed's own language (001 also has en, fr)
    produced = normalise(docx_text(docx_bytes(build_document(d, language))))
    seed = normalise((ROOT / "tests" / "fixtures" / "seeds" / f"{SEEDS[number]}.txt").read_text(encoding="utf-8"))
    ratio = difflib.SequenceMatcher(None, produced, seed, autojunk=False).ratio()
    assert ratio >= 0.95, f"seed {number}: similarity {ratio:.3f}"


def test_examples_fix_the_seed_defects():
    """The examples are the corrected letters: typos fixed, link targets restored."""
    texts = {n: build_document(draft_io.load(example_path(n)), "ar") for n in ("001", "002", "004")}
    assert "أغتنم" in texts["001"].text and "أعثتم" not in texts["001"].text
    assert "أغتنم" in texts["004"].text and "أعتنم" not in texts["004"].text
    assert "منظمتكم" in texts["002"].text and "منظمتمكم" not in texts["002"].text
    links = [span.link for block in texts["002"].blocks for _, _, span in block.links()]
    assert len(links) >= 10 and all(link.startswith(("https://www.itu.int/", "mailto:")) for link in links)


def test_signature_title_agrees_with_gender_and_date():
    docs = {n: build_document(draft_io.load(example_path(n)), lang)
            for n, lang in (("000", "fr"), ("001", "ar"), ("002", "ar"), ("004", "ar"))}
    assert docs["000"].blocks[-1].text == "Doreen Bogdan-Martin\nSecrétaire générale"
    assert docs["001"].blocks[-1].text == "هولين جاو\nالأمين العام"
    assert docs["002"].blocks[-1].text == "دورين بوغدان-مارتن\nالمديرة"  # BDT Director in 2021
    assert docs["004"].blocks[-1].text == "دورين بوغدان-مارتن\nالأمينة العامة"
