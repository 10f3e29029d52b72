"""Word refuses ("unreadable content") property elements out of the order the OOXML schema sets;
LibreOffice does not mind, so this is checked here, on every example letter."""
import io
import zipfile

import pytest
from lxml import etree

from circular_studio.core.model import draft as draft_io
from circular_studio.core.docx.writer import docx_bytes
from circular_studio.core.compose.pipeline import build_document
from tests.conftest import EXAMPLES

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

ORDER = {  # ECMA-376 sequences (the parts of them we can meet)
    "pPr": "pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr suppressLineNumbers "
           "pBdr shd tabs suppressAutoHyphens kinsoku wordWrap overflowPunct topLinePunct autoSpaceDE "
           "autoSpaceDN bidi adjustRightInd snapToGrid spacing ind contextualSpacing mirrorIndents "
           "suppressOverlap jc textDirection textAlignment textboxTightWrap outlineLvl divId cnfStyle "
           "rPr sectPr pPrChange",
    "rPr": "rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline shadow emboss imprint "
           "noProof snapToGrid vanish webHidden color spacing w kern position sz szCs highlight u "
           "effect bdr shd fitText vertAlign rtl cs em lang eastAsianLayout specVanish oMath",
    "sectPr": "headerReference footerReference footnotePr endnotePr type pgSz pgMar paperSrc pgBorders "
              "lnNumType pgNumType cols formProt vAlign noEndnote titlePg textDirection bidi "
              "rtlGutter docGrid printerSettings sectPrChange",
    "tblPr": "tblStyle tblpPr tblOverlap bidiVisual tblStyleRowBandSize tblStyleColBandSize tblW jc "
             "tblCellSpacing tblInd tblBorders shd tblLayout tblCellMar tblLook tblCaption tblDescription",
    "tcPr": "cnfStyle tcW gridSpan hMerge vMerge tcBorders shd noWrap tcMar textDirection tcFitText "
            "vAlign hideMark",
}
# header/footer references may interleave with each other
_SAME = {"headerReference": "footerReference"}


def _rank(parent: str):
    names = ORDER[parent].split()
    return {n: i for i, n in enumerate(names)}


def _problems(xml: bytes, part: str) -> list[str]:
    out = []
    root = etree.fromstring(xml)
    for parent in ORDER:
        rank = _rank(parent)
        for el in root.iter(W + parent):
            names = [c.tag.replace(W, "") for c in el if isinstance(c.tag, str)]
            known = [_SAME.get(n, n) for n in names if n in rank]
            ranks = [rank[n] for n in known]
            if ranks != sorted(ranks):
                out.append(f"{part}: <w:{parent}> children out of order: {names}")
            if len(set(known)) != len(known) and parent != "sectPr":
                out.append(f"{part}: <w:{parent}> repeats a child: {names}")
    for p in root.iter(W + "p"):
        kids = [c.tag.replace(W, "") for c in p if isinstance(c.tag, str)]
        if "pPr" in kids and kids.index("pPr") != 0:
            out.append(f"{part}: <w:pPr> is not the paragraph's first child")
    for r in root.iter(W + "r"):
        kids = [c.tag.replace(W, "") for c in r if isinstance(c.tag, str)]
        if "rPr" in kids and kids.index("rPr") != 0:
            out.append(f"{part}: <w:rPr> is not the run's first child")
    return out


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.json")), ids=lambda p: p.stem)
def test_exported_parts_follow_the_schema_order(path):
    d = draft_io.load(path)
    for lang in d.languages:
        data = docx_bytes(build_document(d, lang))
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            problems = []
            for name in z.namelist():
                if name.startswith("word/") and name.endswith(".xml"):
                    problems += _problems(z.read(name), f"{lang} {name}")
        assert problems == [], "\n".join(problems[:10])


def test_package_carries_no_stock_thumbnail_and_names_its_application():
    d = draft_io.load(EXAMPLES / "seed-000.json")
    with zipfile.ZipFile(io.BytesIO(docx_bytes(build_document(d, "fr")))) as z:
        names = z.namelist()
        assert not [n for n in names if "thumbnail" in n]
        assert b"thumbnail" not in z.read("_rels/.rels")
        assert b"<Application>Circular Studio</Application>" in z.read("docProps/app.xml")
