"""Third evaluation corpus (corpus3_ar): Arabic letters only, in the register of ITU's Arabic
translation service, with Arabic-specific defects (dot slips, swapped or dropped letters, ة/ه,
hamza, first-person and title gender, digit systems, Latin punctuation, a phone number without
LRM, repeated words and punctuation).

clean/*.md are written by hand (phone numbers protected with LRM, U+200E, as in a correct letter).
``LETTERS`` below injects the defects (find → replace in the clean text, first occurrence) into
defective/*.md, writes manifest.json, and writes every clean and defective letter to docx/ with
python-docx: one paragraph per line, w:bidi in every paragraph (and in sectPr), w:rtl only on runs
of Arabic script, the LRM marks and Latin text in their own left-to-right runs.

    .venv/bin/python tests/checks/corpus3_ar/build.py
"""
from __future__ import annotations

import json
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
CLEAN, DEFECTIVE, DOCX = HERE / "clean", HERE / "defective", HERE / "docx"
LRM = "\u200e"


def d(family, find, replace, excerpt):
    return {"family": family, "find": find, "replace": replace, "excerpt": excerpt}


LETTERS = {
    # Secretary-General (a woman), PP-26
    "ar01_sg_pp26": [
        d("SPELL", "مؤتمر المندوبين المفوضين لعام 2026 للاتحاد الدولي للاتصالات (PP-26) الذي",
          "مؤتمر المندبوين المفوضين لعام 2026 للاتحاد الدولي للاتصالات (PP-26) الذي", "المندبوين"),
        d("SPELL", "ويعتمد الخطة الاستراتيجية", "ويعتمد الخطة الاستراتيجيه", "الاستراتيجيه"),
        d("SPELL", "وفي اجتماعات اللجان", "وفي إجتماعات اللجان", "إجتماعات"),
        d("SIGN", "وسأكون ممتنة لو", "وسأكون ممتناً لو", "ممتناً"),
        d("AR", "في الدوحة، قطر، في الفترة", "في الدوحة, قطر، في الفترة", "الدوحة, قطر"),
        d("TYPO", "في الموقع الإلكتروني للمؤتمر باللغات", "في في الموقع الإلكتروني للمؤتمر باللغات", "في في"),
    ],
    # BDT Director (a man), WTDC-25
    "ar02_bdt_wtdc25": [
        d("SIGN", "كوزماس زافازافا\nالمدير", "كوزماس زافازافا\nالمديرة", "المديرة"),
        d("SPELL", "والبنية التحتية الرقمية", "والبنية التحثية الرقمية", "التحثية"),
        d("SPELL", "وتنمية المهارات الرقمية", "وتنمية المهرات الرقمية", "المهرات"),
        d("SPELL", "واستعمال تكنولوجيا", "وأستعمال تكنولوجيا", "وأستعمال"),
        d("AR", "في موعد أقصاه 3 أكتوبر 2025", "في موعد أقصاه ٣ أكتوبر 2025", "٣"),
        d("TYPO", "في باكو، أذربيجان، في الفترة", "في باكو،، أذربيجان، في الفترة", "،،"),
    ],
    # TSB Director (a man), Study Group 20
    "ar03_tsb_sg20": [
        d("BIDI", "على الرقم ‎+41 22 730 5866‎ أو", "على الرقم +41 22 730 5866 أو", "+41 22 730 5866"),
        d("SPELL", "ولا سيما مشاريع التوصيات", "ولا سيما مشاريع التوضيات", "التوضيات"),
        d("SPELL", "في المنصات الحضرية", "في المنصات الحضزية", "الحضزية"),
        d("SPELL", "في الجلسة العامة الختامية", "في الجلسه العامة الختامية", "الجلسه"),
        d("SIGN", "وإنني واثق من", "وإنني واثقة من", "واثقة"),
        d("AR", "المقاعد المتاحة أرجو", "المقاعد المتاحة, أرجو", ","),
    ],
    # Secretary-General (a woman), WSIS Forum 2026 open consultation
    "ar04_sg_wsis26": [
        d("SIGN", "دورين بوغدان-مارتن\nالأمينة العامة", "دورين بوغدان-مارتن\nالأمين العام", "الأمين العام"),
        d("SPELL", "وعملية المشاورة المفتوحة هي", "وعملية المشاورة المقتوحة هي", "المقتوحة"),
        d("SPELL", "بأهداف التنمية المستدامة", "بأهداف التنمية المشتدامة", "المشتدامة"),
        d("SPELL", "الاستعراض الشامل", "الأستعراض الشامل", "الأستعراض"),
        d("AR", "في الفترة من 7 إلى 10 يوليو 2026", "في الفترة من ٧ إلى 10 يوليو 2026", "٧"),
        d("TYPO", "لجميع أصحاب المصلحة", "لجميع أصحاب أصحاب المصلحة", "أصحاب أصحاب"),
    ],
    # BDT Director in 2021 (a woman), regional cybersecurity workshop
    "ar05_bdt_cyber": [
        d("SIGN", "وسأكون ممتنة لو", "وسأكون ممتناً لو", "ممتناً"),
        d("SPELL", "الاستراتيجيات الوطنية", "الاستراتيجيات الوظنية", "الوظنية"),
        d("SPELL", "بالتدابير الصحية", "بالتذابير الصحية", "بالتذابير"),
        d("SPELL", "لمحاكاة الهجمات", "لمخاكاة الهجمات", "لمخاكاة"),
        d("SPELL", "وتستهدف الورشة المسؤولين", "وتستهدف الورشة المسؤلين", "المسؤلين"),
        d("TYPO", "الظروف الصحية الراهنة،", "الظروف الصحية الراهنة،،", "،،"),
    ],
    # BR Director (a man), WRS-24
    "ar06_br_wrs24": [
        d("SIGN", "ماريو مانيويتز\nالمدير", "ماريو مانيويتز\nالمديرة", "المديرة"),
        d("BIDI", "الهاتف: ‎+41 22 730 5990‎", "الهاتف: +41 22 730 5990", "+41 22 730 5990"),
        d("SPELL", "التخصيصات الترددية", "التخصيصات الترديدة", "الترديدة"),
        d("SPELL", "على العاملين في إدارة", "على الغاملين في إدارة", "الغاملين"),
        d("SPELL", "والمحطات الأرضية", "والمحطات الأرضبة", "الأرضبة"),
        d("AR", "في موعد أقصاه 8 نوفمبر 2024", "في موعد أقصاه ٨ نوفمبر 2024", "٨"),
    ],
}


def manifest() -> dict:
    return LETTERS


def inject(text: str, defects: list[dict]) -> str:
    for df in defects:
        if df["find"] not in text:
            raise ValueError(f"defect not applicable: {df['find']!r}")
        text = text.replace(df["find"], df["replace"], 1)
    return text


# ---------------------------------------------------------------- DOCX
_INLINE = re.compile(r"\[(?P<text>[^\]]*)\]\((?P<url>[^)\s]*)\)|\*\*(?P<bold>[^*]+)\*\*")
_ARABIC = re.compile("[\u0600-\u06ff]")
# a run boundary between Arabic and everything left-to-right (Latin, digits, LRM); neutral
# characters (spaces, punctuation) stay with the run they follow
_SCRIPT = re.compile("[\u0600-\u06ff][\u0600-\u06ff\\s\\W]*|[^\u0600-\u06ff]+")


def _segments(text: str):
    out: list[tuple[str, bool]] = []
    for part in re.split(f"({LRM}[^{LRM}]*{LRM})", text):
        if not part:
            continue
        if part.startswith(LRM):  # LRM and what it protects: a run of their own, without w:rtl
            out.append((part, False))
            continue
        for m in _SCRIPT.finditer(part):
            out.append((m.group(), bool(_ARABIC.match(m.group()))))
    return out


def _run(p, text: str, bold: bool = False) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    for seg, rtl in _segments(text):
        r = p.add_run(seg)
        if bold:
            r.bold = True
            r._r.get_or_add_rPr().append(OxmlElement("w:bCs"))
        if rtl:
            rpr = r._r.get_or_add_rPr()
            rpr.append(OxmlElement("w:rtl"))
            lang = OxmlElement("w:lang")
            lang.set(qn("w:bidi"), "ar-SA")
            rpr.append(lang)


def _link(p, text: str, url: str) -> None:
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    link = OxmlElement("w:hyperlink")
    if url and url != "#":
        link.set(qn("r:id"), p.part.relate_to(url, RT.HYPERLINK, is_external=True))
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
    p._p.append(link)


def to_docx(md: str, path: Path) -> None:
    import docx
    from docx.oxml import OxmlElement

    document = docx.Document()
    document.sections[0]._sectPr.append(OxmlElement("w:bidi"))
    for line in md.split("\n"):
        if not line.strip():
            continue
        bullet = line.startswith("- ")
        if bullet:
            line = line[2:]
        p = document.add_paragraph(style="List Bullet" if bullet else None)
        p._p.get_or_add_pPr().append(OxmlElement("w:bidi"))
        pos = 0
        for m in _INLINE.finditer(line):
            if m.start() > pos:
                _run(p, line[pos:m.start()])
            if m.group("bold") is not None:
                _run(p, m.group("bold"), bold=True)
            else:
                _link(p, m.group("text"), m.group("url"))
            pos = m.end()
        if pos < len(line):
            _run(p, line[pos:])
    document.save(str(path))


def build() -> None:
    DEFECTIVE.mkdir(exist_ok=True)
    DOCX.mkdir(exist_ok=True)
    (HERE / "manifest.json").write_text(json.dumps({"letters": LETTERS}, ensure_ascii=False, indent=1) + "\n",
                                        encoding="utf-8")
    for name, defects in LETTERS.items():
        clean = (CLEAN / f"{name}.md").read_text(encoding="utf-8")
        bad = inject(clean, defects)
        (DEFECTIVE / f"{name}.md").write_text(bad, encoding="utf-8")
        to_docx(clean, DOCX / f"{name}.clean.docx")
        to_docx(bad, DOCX / f"{name}.defective.docx")


if __name__ == "__main__":
    build()
