"""The OOXML that python-docx has no API for: bidi paragraphs and sections, right-to-left runs with
their complex-script twins, real hyperlinks, real list numbering, PAGE fields.

Word is strict about the order of children in ``w:pPr``, ``w:rPr``, ``w:sectPr`` and ``w:tblPr``
(an element out of order makes it report the file as corrupt), so every element is inserted at
its schema position through ``set_child``. Why complex-script twins: for a run marked ``w:rtl``
Word reads only ``w:rFonts/@w:cs``, ``w:szCs``, ``w:bCs`` and ``w:iCs``; a bold Arabic word with
``w:b`` alone prints regular.
"""
from __future__ import annotations

import datetime as _dt

import copy
import functools

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from lxml import etree

# Schema order of the children we touch (ECMA-376 Part 1, transitional).
RPR_SEQ = ("rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike",
           "outline", "shadow", "emboss", "imprint", "noProof", "snapToGrid", "vanish",
           "webHidden", "color", "spacing", "w", "kern", "position", "sz", "szCs", "highlight",
           "u", "effect", "bdr", "shd", "fitText", "vertAlign", "rtl", "cs", "em", "lang",
           "eastAsianLayout", "specVanish", "oMath")
PPR_SEQ = ("pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl",
           "numPr", "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens",
           "kinsoku", "wordWrap", "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN",
           "bidi", "adjustRightInd", "snapToGrid", "spacing", "ind", "contextualSpacing",
           "mirrorIndents", "suppressOverlap", "jc", "textDirection", "textAlignment",
           "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr", "sectPr", "pPrChange")
SECTPR_SEQ = ("headerReference", "footerReference", "footnotePr", "endnotePr", "type", "pgSz",
              "pgMar", "paperSrc", "pgBorders", "lnNumType", "pgNumType", "cols", "formProt",
              "vAlign", "noEndnote", "titlePg", "textDirection", "bidi", "rtlGutter", "docGrid",
              "printerSettings", "sectPrChange")
TBLPR_SEQ = ("tblStyle", "tblpPr", "tblOverlap", "bidiVisual", "tblStyleRowBandSize",
             "tblStyleColBandSize", "tblW", "jc", "tblCellSpacing", "tblInd", "tblBorders", "shd",
             "tblLayout", "tblCellMar", "tblLook", "tblCaption", "tblDescription")
_SEQS = {"rPr": RPR_SEQ, "pPr": PPR_SEQ, "sectPr": SECTPR_SEQ, "tblPr": TBLPR_SEQ}
_T, _XML_SPACE, _NBH = qn("w:t"), qn("xml:space"), qn("w:noBreakHyphen")
NB_HYPHEN = "\u2011"


def _local(el) -> str:
    return el.tag.rsplit("}", 1)[-1]


def set_child(parent, tag: str, **attrs):
    """Get or create ``w:<tag>`` under ``parent`` at its schema position; set ``w:`` attributes
    (``None`` removes one). Returns the child."""
    child = parent.find(qn(f"w:{tag}"))
    if child is None:
        child = OxmlElement(f"w:{tag}")
        seq = _SEQS[_local(parent)]
        later = {qn(f"w:{t}") for t in seq[seq.index(tag) + 1:]}
        for i, existing in enumerate(parent):
            if existing.tag in later:
                parent.insert(i, child)
                break
        else:
            parent.append(child)
    for key, value in attrs.items():
        if value is None:
            child.attrib.pop(qn(f"w:{key}"), None)
        else:
            child.set(qn(f"w:{key}"), str(value))
    return child


def remove_child(parent, tag: str) -> None:
    for child in parent.findall(qn(f"w:{tag}")):
        parent.remove(child)


# -- paragraphs, sections, tables -------------------------------------------------------------

def set_paragraph_bidi(p, on: bool = True) -> None:
    """``w:bidi`` in the paragraph's pPr: right-to-left paragraph (logical start is the right)."""
    ppr = p.get_or_add_pPr()
    if on:
        set_child(ppr, "bidi")
    else:
        remove_child(ppr, "bidi")


def set_jc(p, value: str | None) -> None:
    """Paragraph alignment as raw ``w:jc``; ``None`` removes it (start: right in a bidi
    paragraph). In a bidi paragraph ``left``/``right`` are logical (start/end)."""
    ppr = p.get_or_add_pPr()
    if value is None:
        remove_child(ppr, "jc")
    else:
        set_child(ppr, "jc", val=value)


def set_bottom_rule(p, colour: str, width_pt: float, space_pt: float = 1) -> None:
    """A rule under paragraph ``p`` (``w:pBdr/w:bottom``), as the letterhead's."""
    ppr = p.get_or_add_pPr()
    bdr = set_child(ppr, "pBdr")
    for el in list(bdr):
        bdr.remove(el)
    bottom = OxmlElement("w:bottom")
    for key, value in (("val", "single"), ("sz", str(max(2, int(round(width_pt * 8))))),
                       ("space", str(int(round(space_pt)))), ("color", colour)):
        bottom.set(qn(f"w:{key}"), value)
    bdr.append(bottom)


def set_section_bidi(sectPr, on: bool = True) -> None:
    if on:
        set_child(sectPr, "bidi")
    else:
        remove_child(sectPr, "bidi")


def set_table_bidi_visual(tbl) -> None:
    """``w:bidiVisual``: the table's first column is on the right (Arabic tables)."""
    set_child(tbl.tblPr, "bidiVisual")


def set_table_flush(tbl, width_twips: int) -> None:
    """A table exactly as wide as the text, starting on the margin: fixed layout, no indent,
    no left/right cell margins (Word's default 0.19 cm margins, mirrored by LibreOffice in
    right-to-left tables, put the text 3.8 mm inside the margin the body aligns on)."""
    tblpr = tbl.tblPr
    set_child(tblpr, "tblW", w=width_twips, type="dxa")
    set_child(tblpr, "tblInd", w=0, type="dxa")
    set_child(tblpr, "tblLayout", type="fixed")
    mar = set_child(tblpr, "tblCellMar")
    for el in list(mar):
        mar.remove(el)
    for side in ("top", "left", "bottom", "right"):  # CT_TblCellMar order: top, left/start, bottom, right/end
        el = OxmlElement(f"w:{side}")
        el.set(qn("w:w"), "0")
        el.set(qn("w:type"), "dxa")
        mar.append(el)


def set_table_borders_none(tbl) -> None:
    borders = set_child(tbl.tblPr, "tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = borders.find(qn(f"w:{side}"))
        if el is None:
            el = OxmlElement(f"w:{side}")
            borders.append(el)
        el.set(qn("w:val"), "nil")


# -- runs ------------------------------------------------------------------------------------

def set_run_fonts(r, latin: str, cs: str, east_asia: str | None = None) -> None:
    """Latin font for ``ascii``/``hAnsi`` and the complex-script font for ``cs``, explicitly."""
    rpr = r.get_or_add_rPr()
    set_child(rpr, "rFonts", ascii=latin, hAnsi=latin, cs=cs, eastAsia=east_asia or latin)


def set_run_style(r, *, bold: bool = False, italic: bool = False,
                  size_pt: float | None = None, size_cs_pt: float | None = None) -> None:
    """Bold/italic/size with their complex-script twins (``bCs``, ``iCs``, ``szCs``)."""
    rpr = r.get_or_add_rPr()
    for tag, on in (("b", bold), ("bCs", bold), ("i", italic), ("iCs", italic)):
        if on:
            set_child(rpr, tag)
        else:
            remove_child(rpr, tag)
    if size_pt is not None:
        set_child(rpr, "sz", val=int(round(size_pt * 2)))
        set_child(rpr, "szCs", val=int(round((size_cs_pt or size_pt) * 2)))


def set_run_rtl(r, on: bool = True, bidi_lang: str = "ar-SA") -> None:
    """``w:rtl`` (Arabic runs only, never Latin or digits) and ``w:lang/@w:bidi``."""
    rpr = r.get_or_add_rPr()
    if on:
        set_child(rpr, "rtl")
        set_child(rpr, "lang", bidi=bidi_lang)
    else:
        remove_child(rpr, "rtl")


def set_run_link_look(r, colour: str = "0000FF") -> None:
    rpr = r.get_or_add_rPr()
    set_child(rpr, "color", val=colour)
    set_child(rpr, "u", val="single")


@functools.lru_cache(maxsize=None)
def run_properties(latin: str, cs: str, *, bold: bool = False, italic: bool = False,
                   size_pt: float | None = None, size_cs_pt: float | None = None,
                   link: bool = False, rtl: bool = False, bidi_lang: str = "ar-SA",
                   east_asia: str | None = None, colour: str | None = None,
                   link_colour: str = "0000FF"):
    """A ``w:rPr`` prototype built once per combination with the setters above, for
    ``add_run`` to copy: a letter has hundreds of runs but only a handful of distinct looks,
    and building each run's rPr child by child was a sixth of the export time. Never modify
    the returned element (it is shared); ``add_run`` inserts copies."""
    r = OxmlElement("w:r")
    set_run_fonts(r, latin, cs, east_asia)
    set_run_style(r, bold=bold, italic=italic, size_pt=size_pt, size_cs_pt=size_cs_pt)
    if link:
        set_run_link_look(r, link_colour)
    elif colour:
        set_child(r.get_or_add_rPr(), "color", val=colour)
    if rtl:
        set_run_rtl(r, True, bidi_lang)
    return r.rPr


def add_run(parent, text: str, rpr=None):
    """Append ``<w:r>`` with a copy of ``rpr`` and ``text`` to ``parent`` (a paragraph or a
    hyperlink); the same XML as python-docx's ``Run.text`` setter (tabs and line breaks
    become ``w:tab``/``w:br``), written directly in the common case of plain text."""
    r = OxmlElement("w:r")  # python-docx's class, for the ``text`` setter below
    parent.append(r)
    if rpr is not None:
        r.append(copy.deepcopy(rpr))
    if NB_HYPHEN in text:  # U+2011 is written as w:noBreakHyphen (typeset.py says why)
        for k, piece in enumerate(text.split(NB_HYPHEN)):
            if k:
                etree.SubElement(r, _NBH)
            if piece:
                t = etree.SubElement(r, _T)
                t.text = piece
                if len(piece.strip()) < len(piece):
                    t.set(_XML_SPACE, "preserve")
        return r
    if "\t" in text or "\n" in text or "\r" in text:
        r.text = text  # python-docx's CT_R.text: w:t, w:tab and w:br
    elif text:
        t = etree.SubElement(r, _T)
        t.text = text
        if len(text.strip()) < len(text):
            t.set(_XML_SPACE, "preserve")
    return r


# -- adding in constant time ----------------------------------------------------------------
# python-docx looks through every child of the body for its sectPr each time a paragraph is
# added, and through every relationship of the part each time a link is: export time grew with
# the square of the letter's length (69 s for 1.6 M words).

def add_paragraph(container):
    """``container.add_paragraph()``; for the document body, without python-docx's scan."""
    from docx.text.paragraph import Paragraph  # lazy: python-docx's proxy, loaded with the writer

    body = getattr(container, "_body", None)
    if body is None:
        return container.add_paragraph()
    p = OxmlElement("w:p")
    element = body._element
    if len(element) and element[-1].tag == qn("w:sectPr"):
        element[-1].addprevious(p)
    else:
        element.append(p)
    return Paragraph(p, body)


def _external_rel(part, target: str) -> str:
    """The rId of the external relationship to ``target`` (one per target), remembered on the part."""
    known = part.__dict__.setdefault("_cs_external_rels", {})
    if target not in known:
        known[target] = part.relate_to(target, RT.HYPERLINK, is_external=True)
    return known[target]


# -- hyperlinks ------------------------------------------------------------------------------

def add_hyperlink(paragraph, target: str):
    """An empty ``w:hyperlink`` appended to ``paragraph``: an external relationship for URLs and
    ``mailto:``, ``w:anchor`` for ``#bookmark``. Returns the element to put runs in."""
    link = OxmlElement("w:hyperlink")
    if target.startswith("#"):
        link.set(qn("w:anchor"), target[1:])
    else:
        link.set(qn("r:id"), _external_rel(paragraph.part, target))
    link.set(qn("w:history"), "1")
    paragraph._p.append(link)
    return link


# -- numbering -------------------------------------------------------------------------------

def _lvl(ilvl: int, kind: str, rtl: bool):
    lvl = OxmlElement("w:lvl")
    lvl.set(qn("w:ilvl"), str(ilvl))
    start = OxmlElement("w:start")
    start.set(qn("w:val"), "1")
    fmt = OxmlElement("w:numFmt")
    text = OxmlElement("w:lvlText")
    if kind == "bullet":
        fmt.set(qn("w:val"), "bullet")
        text.set(qn("w:val"), ("\u2022", "\u25e6", "\u25aa")[ilvl % 3])
    else:
        fmt.set(qn("w:val"), ("decimal", "lowerLetter", "lowerRoman")[ilvl % 3])
        text.set(qn("w:val"), f"%{ilvl + 1}" + ("." if ilvl % 3 == 0 else ")"))
    jc = OxmlElement("w:lvlJc")
    # the number sits against the start margin; LibreOffice reads lvlJc visually, and Word
    # shows "Right" number alignment for Arabic lists, so right-to-left lists say "right"
    jc.set(qn("w:val"), "right" if rtl else "left")
    ppr = OxmlElement("w:pPr")
    if rtl:
        ppr.append(OxmlElement("w:bidi"))
    ind = OxmlElement("w:ind")
    ind.set(qn("w:left"), str(567 * (ilvl + 1)))  # logical start indent in bidi paragraphs
    ind.set(qn("w:hanging"), "567")
    ppr.append(ind)
    for el in (start, fmt, text, jc, ppr):
        lvl.append(el)
    return lvl


class Numbering:
    """Adds one abstract definition per list kind and one ``w:num`` per list, so each list of
    the letter restarts at its own first number."""

    def __init__(self, document, rtl: bool = False):
        self._root = document.part.numbering_part.element
        self._rtl = rtl
        self._abstract: dict[str, int] = {}

    def _ids(self, tag: str, attr: str) -> list[int]:
        return [int(el.get(qn(attr))) for el in self._root.findall(qn(tag))]

    def _abstract_id(self, kind: str) -> int:
        if kind not in self._abstract:
            aid = max(self._ids("w:abstractNum", "w:abstractNumId"), default=-1) + 1
            abstract = OxmlElement("w:abstractNum")
            abstract.set(qn("w:abstractNumId"), str(aid))
            mlt = OxmlElement("w:multiLevelType")
            mlt.set(qn("w:val"), "hybridMultilevel")
            abstract.append(mlt)
            for ilvl in range(9):
                abstract.append(_lvl(ilvl, kind, self._rtl))
            nums = self._root.findall(qn("w:num"))
            if nums:
                nums[0].addprevious(abstract)
            else:
                self._root.append(abstract)
            self._abstract[kind] = aid
        return self._abstract[kind]

    def new_list(self, kind: str, start: int = 1) -> int:
        """A new ``w:num`` for a list of ``kind`` ("bullet"/"ordered") restarting at ``start``."""
        aid = self._abstract_id("bullet" if kind == "bullet" else "ordered")
        num_id = max(self._ids("w:num", "w:numId"), default=0) + 1
        num = OxmlElement("w:num")
        num.set(qn("w:numId"), str(num_id))
        ref = OxmlElement("w:abstractNumId")
        ref.set(qn("w:val"), str(aid))
        num.append(ref)
        for ilvl in range(9):
            override = OxmlElement("w:lvlOverride")
            override.set(qn("w:ilvl"), str(ilvl))
            so = OxmlElement("w:startOverride")
            so.set(qn("w:val"), str(start if ilvl == 0 else 1))
            override.append(so)
            num.append(override)
        self._root.append(num)
        return num_id


def set_num_pr(p, num_id: int, level: int = 0) -> None:
    ppr = p.get_or_add_pPr()
    numpr = set_child(ppr, "numPr")
    for el in list(numpr):
        numpr.remove(el)
    ilvl = OxmlElement("w:ilvl")
    ilvl.set(qn("w:val"), str(max(0, min(level, 8))))
    nid = OxmlElement("w:numId")
    nid.set(qn("w:val"), str(num_id))
    numpr.append(ilvl)
    numpr.append(nid)


# -- fields ----------------------------------------------------------------------------------

def add_field(paragraph, instr: str, placeholder: str = "1"):
    """A complex field (``PAGE``, ``NUMPAGES``) as begin/instrText/separate/result/end runs.
    Returns the runs so the caller can style them."""
    runs = []

    def run():
        r = OxmlElement("w:r")
        paragraph._p.append(r)
        runs.append(r)
        return r

    for kind in ("begin", None, "separate", "result", "end"):
        r = run()
        if kind in ("begin", "separate", "end"):
            fc = OxmlElement("w:fldChar")
            fc.set(qn("w:fldCharType"), kind)
            r.append(fc)
        elif kind is None:
            it = OxmlElement("w:instrText")
            it.set(qn("xml:space"), "preserve")
            it.text = f" {instr} "
            r.append(it)
        else:
            t = OxmlElement("w:t")
            t.text = placeholder
            r.append(t)
    return runs


# -- document-wide ---------------------------------------------------------------------------

def set_doc_defaults(document, *, latin: str, cs: str, size_pt: float, size_cs_pt: float,
                     lang: str, bidi_lang: str = "ar-SA", east_asia: str | None = None,
                     east_asia_lang: str | None = None) -> None:
    """Explicit fonts (no theme fonts), sizes and languages in ``w:docDefaults``; the East Asian
    slot (``w:eastAsia``) is the font and language Word uses for Han characters."""
    styles = document.styles.element
    rpr = styles.find(qn("w:docDefaults") + "/" + qn("w:rPrDefault") + "/" + qn("w:rPr"))
    if rpr is None:
        return
    fonts = set_child(rpr, "rFonts", ascii=latin, hAnsi=latin, cs=cs, eastAsia=east_asia or latin)
    for theme in ("asciiTheme", "hAnsiTheme", "cstheme", "eastAsiaTheme"):
        fonts.attrib.pop(qn(f"w:{theme}"), None)
    set_child(rpr, "sz", val=int(round(size_pt * 2)))
    set_child(rpr, "szCs", val=int(round(size_cs_pt * 2)))
    set_child(rpr, "lang", val=lang, eastAsia=east_asia_lang or lang, bidi=bidi_lang)


def set_kinsoku(style_el) -> None:
    """``w:kinsoku`` on a style's paragraph properties: East Asian rules for the first and last
    character of a line (Chinese punctuation never starts a line)."""
    ppr = style_el.get_or_add_pPr()
    set_child(ppr, "kinsoku", val="1")


def set_core_properties(document, *, title: str = "", subject: str = "", language: str = "",
                        author: str = "Circular Studio") -> None:
    cp = document.core_properties
    cp.title = title[:255]
    cp.subject = subject[:255]
    cp.language = language
    cp.author = author
    cp.last_modified_by = author
    cp.comments = ""
    cp.keywords = ""
    # python-docx's template carries its own 2013 dates; a letter is created when it is exported.
    now = _dt.datetime.now(_dt.timezone.utc).replace(microsecond=0, tzinfo=None)
    cp.created = now
    cp.modified = now


def font_table_part(document):
    from docx.opc.constants import RELATIONSHIP_TYPE as _RT

    for rel in document.part.rels.values():
        if rel.reltype == _RT.FONT_TABLE and not rel.is_external:
            return rel.target_part
    return None


def set_font_table(part, fonts: dict[str, dict], embedded: list[tuple[str, str, str, str]]) -> None:
    """Declare ``fonts`` ({name: {"altName": …, "charset": "B2", "family": "roman"}}) in
    fontTable.xml, with the ``w:embedRegular``/``w:embedBold`` references of the fonts embedded
    ((family, style, rId, key) from ``fonts.embed``). An embedded font gets no alternate name:
    Word must not set the letter in another face than the PDF."""
    root = etree.fromstring(part.blob)
    for name, info in fonts.items():
        el = next((e for e in root.findall(qn("w:font")) if e.get(qn("w:name")) == name), None)
        if el is None:
            el = etree.SubElement(root, qn("w:font"))
            el.set(qn("w:name"), name)
        for child in list(el):
            el.remove(child)
        is_embedded = any(family == name for family, *_ in embedded)
        for tag in ("altName", "charset", "family", "pitch"):
            if tag == "altName" and is_embedded:
                continue
            if info.get(tag):
                etree.SubElement(el, qn(f"w:{tag}")).set(qn("w:val"), info[tag])
        for family, style, rid, key in embedded:
            if family == name:
                ref = etree.SubElement(el, qn("w:embedBold" if style == "bold" else "w:embedRegular"))
                ref.set(qn("r:id"), rid)
                ref.set(qn("w:fontKey"), key)
    # embedRegular must precede embedBold (CT_Font sequence)
    for el in root.findall(qn("w:font")):
        bold = el.findall(qn("w:embedBold"))
        for b in bold:
            el.remove(b)
            el.append(b)
    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


_SETTINGS_SEQ = ("writeProtection", "view", "zoom", "removePersonalInformation",
                 "removeDateAndTime", "doNotDisplayPageBoundaries", "displayBackgroundShape",
                 "printPostScriptOverText", "printFractionalCharacterWidth", "printFormsData",
                 "embedTrueTypeFonts")


def tidy_settings(document, *, lang: str, bidi_lang: str = "ar-SA", embed_fonts: bool = False) -> None:
    """settings.xml of a letter, not of python-docx's template: Word 2013+ mode
    (compatibilityMode 15, else Word opens every letter in Compatibility Mode), no proofState
    (it told Word the spelling had been checked), theme font languages of the letter (not
    ja-JP), ``w:embedTrueTypeFonts`` when fonts are embedded."""
    settings = document.settings.element
    remove_child(settings, "proofState")
    for el in settings.iter(qn("w:compatSetting")):
        if el.get(qn("w:name")) == "compatibilityMode":
            el.set(qn("w:val"), "15")
    tfl = settings.find(qn("w:themeFontLang"))
    if tfl is not None:
        for key in list(tfl.attrib):
            del tfl.attrib[key]
        tfl.set(qn("w:val"), lang)
        tfl.set(qn("w:bidi"), bidi_lang)
    if embed_fonts and settings.find(qn("w:embedTrueTypeFonts")) is None:
        el = OxmlElement("w:embedTrueTypeFonts")
        earlier = {qn(f"w:{t}") for t in _SETTINGS_SEQ}
        pos = 0
        for i, child in enumerate(settings):
            if child.tag in earlier:
                pos = i + 1
        settings.insert(pos, el)


# -- review: splitting runs, comment markers, tracked changes (core.docx.annotate) -------------
# python-docx anchors a comment on whole runs and knows nothing of revisions; these helpers cut a
# run where a finding begins or ends (each half keeps a copy of the run's properties) and write
# w:ins/w:del as Word does.

def element_children(el) -> list:
    """Element children only (XML comments and processing instructions are skipped), the
    indices ``core.docx.reader.Piece.child`` counts."""
    return [c for c in el if isinstance(c.tag, str)]


def child_text(child) -> str:
    """The text a run child stands for, as the reader reads it."""
    name = _local(child)
    if name == "t":
        return child.text or ""
    return {"tab": "\t", "br": "\n", "cr": "\n", "noBreakHyphen": "-",
            "softHyphen": "\u00ad"}.get(name, "")


def split_run(r, child: int, offset: int = 0):
    """Cut run ``r`` before character ``offset`` of its ``child``-th element child; ``r`` keeps
    what comes before, a new run (same properties and attributes) placed right after it holds
    the rest and is returned."""
    kids = element_children(r)
    right = copy.deepcopy(r)
    rkids = element_children(right)
    if offset:
        text = kids[child].text or ""
        kids[child].text, rkids[child].text = text[:offset], text[offset:]
        for t in (kids[child], rkids[child]):
            t.set(_XML_SPACE, "preserve")
        keep_left, keep_right = child + 1, child
    else:
        keep_left = keep_right = child
    for el in kids[keep_left:]:
        if _local(el) != "rPr":
            r.remove(el)
    for el in rkids[:keep_right]:
        if _local(el) != "rPr":
            right.remove(el)
    r.addnext(right)
    return right


def comment_markers(comment_id: int):
    """(w:commentRangeStart, w:commentRangeEnd, the run holding w:commentReference)."""
    start = OxmlElement("w:commentRangeStart", attrs={qn("w:id"): str(comment_id)})
    end = OxmlElement("w:commentRangeEnd", attrs={qn("w:id"): str(comment_id)})
    ref = OxmlElement("w:r")
    rpr = OxmlElement("w:rPr")
    rpr.append(OxmlElement("w:rStyle", attrs={qn("w:val"): "CommentReference"}))
    ref.append(rpr)
    ref.append(OxmlElement("w:commentReference", attrs={qn("w:id"): str(comment_id)}))
    return start, end, ref


def _revision(tag: str, rev_id: int, author: str, date: str):
    return OxmlElement(f"w:{tag}", attrs={qn("w:id"): str(rev_id), qn("w:author"): author,
                                          qn("w:date"): date})


def track_delete(r, rev_id: int, author: str, date: str):
    """Wrap run ``r`` in ``w:del``: its ``w:t`` become ``w:delText`` (``w:instrText``,
    ``w:delInstrText``). Returns the ``w:del``."""
    wrapper = _revision("del", rev_id, author, date)
    r.addprevious(wrapper)
    wrapper.append(r)
    for el in element_children(r):
        if _local(el) == "t":
            el.tag = qn("w:delText")
        elif _local(el) == "instrText":
            el.tag = qn("w:delInstrText")
    return wrapper


def tracked_insertion(text: str, rpr, rev_id: int, author: str, date: str):
    """``<w:ins><w:r>rPr text</w:r></w:ins>``, the run carrying a copy of ``rpr``; line
    breaks and tabs become w:br/w:tab. Marks alone (LRM/RLM) go in a run without ``w:rtl``, so
    they isolate a number in an Arabic paragraph (docs/DESIGN.md)."""
    wrapper = _revision("ins", rev_id, author, date)
    r = OxmlElement("w:r")
    if rpr is not None:
        rpr = copy.deepcopy(rpr)
        for el in rpr.findall(qn("w:rPrChange")):
            rpr.remove(el)
        if text and not text.strip("\u200e\u200f\u061c"):
            remove_child(rpr, "rtl")
        r.append(rpr)
    for k, line in enumerate(text.split("\n")):
        if k:
            r.append(OxmlElement("w:br"))
        for j, chunk in enumerate(line.split("\t")):
            if j:
                r.append(OxmlElement("w:tab"))
            if chunk:
                t = OxmlElement("w:t")
                t.text = chunk
                t.set(_XML_SPACE, "preserve")
                r.append(t)
    wrapper.append(r)
    return wrapper
