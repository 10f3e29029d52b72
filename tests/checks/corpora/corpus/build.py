"""Build the evaluation corpus: defective/ (the clean letters with the defects of manifest.json
injected) and docx/ (every clean and defective letter written as a colleague in Word would:
one plain paragraph per line, w:bidi on Arabic paragraphs, hyperlinks, bold runs, no block
markers).

    .venv/bin/python tests/checks/corpus/build.py
"""
from __future__ import annotations

import json
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
CLEAN, DEFECTIVE, DOCX = HERE / "clean", HERE / "defective", HERE / "docx"
_INLINE = re.compile(r"\[(?P<text>[^\]]*)\]\((?P<url>[^)\s]*)\)|\*\*(?P<bold>[^*]+)\*\*|<(?P<auto>https?://[^>]+)>")


def manifest() -> dict:
    return json.loads((HERE / "manifest.json").read_text(encoding="utf-8"))["letters"]


def inject(text: str, defects: list[dict]) -> str:
    for d in defects:
        if d["find"] not in text:
            raise ValueError(f"defect not applicable: {d['find']!r}")
        text = text.replace(d["find"], d["replace"], 1)
    return text


def _add_link(paragraph, text: str, url: str) -> None:
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    link = OxmlElement("w:hyperlink")
    if url and url != "#":
        rid = paragraph.part.relate_to(url, RT.HYPERLINK, is_external=True)
        link.set(qn("r:id"), rid)
    run = OxmlElement("w:r")
    rpr = OxmlElement("w:rPr")
    style = OxmlElement("w:rStyle")
    style.set(qn("w:val"), "Hyperlink")
    rpr.append(style)
    run.append(rpr)
    t = OxmlElement("w:t")
    t.text = text
    t.set(qn("xml:space"), "preserve")
    run.append(t)
    link.append(run)
    paragraph._p.append(link)


def to_docx(md: str, path: Path, arabic: bool) -> None:
    import docx
    from docx.oxml import OxmlElement

    document = docx.Document()
    for line in md.split("\n"):
        if not line.strip():
            continue
        bullet = line.startswith("- ")
        if bullet:
            line = line[2:]
        p = document.add_paragraph(style="List Bullet" if bullet else None)
        if arabic:
            p._p.get_or_add_pPr().append(OxmlElement("w:bidi"))
        pos = 0
        for m in _INLINE.finditer(line):
            if m.start() > pos:
                p.add_run(line[pos:m.start()])
            if m.group("bold") is not None:
                p.add_run(m.group("bold")).bold = True
            elif m.group("auto") is not None:
                p.add_run(m.group("auto"))
            else:
                _add_link(p, m.group("text"), m.group("url"))
            pos = m.end()
        if pos < len(line):
            p.add_run(line[pos:])
    document.save(str(path))


def build() -> None:
    DEFECTIVE.mkdir(exist_ok=True)
    DOCX.mkdir(exist_ok=True)
    for name, defects in manifest().items():
        clean = (CLEAN / f"{name}.md").read_text(encoding="utf-8")
        bad = inject(clean, defects)
        (DEFECTIVE / f"{name}.md").write_text(bad, encoding="utf-8")
        arabic = name.startswith("ar")
        to_docx(clean, DOCX / f"{name}.clean.docx", arabic)
        to_docx(bad, DOCX / f"{name}.defective.docx", arabic)


if __name__ == "__main__":
    build()
