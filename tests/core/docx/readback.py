"""Reading an annotated or corrected copy back, independently of the code that wrote it: the
comments (author, text), the text each comment is anchored on, and the text with all tracked
changes accepted or rejected."""
from __future__ import annotations

import zipfile
from pathlib import Path

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def q(tag: str) -> str:
    return f"{{{W}}}{tag}"


def comments(path) -> dict[str, dict]:
    """id → {"author", "text"} from word/comments.xml."""
    with zipfile.ZipFile(path) as z:
        if "word/comments.xml" not in z.namelist():
            return {}
        root = etree.fromstring(z.read("word/comments.xml"))
    out = {}
    for c in root.iter(q("comment")):
        paras = ["".join(t.text or "" for t in p.iter(q("t"))) for p in c.iter(q("p"))]
        out[c.get(q("id"))] = {"author": c.get(q("author")), "text": "\n".join(paras),
                               "date": c.get(q("date"))}
    return out


_CHARS = {"tab": "\t", "br": "\n", "cr": "\n", "noBreakHyphen": "\u2011", "softHyphen": "\u00ad"}


def anchors(path) -> dict[str, str]:
    """comment id → the text between its commentRangeStart and commentRangeEnd, as the original
    had it (text deleted by a tracked change counted, text inserted by one not; field
    instructions and hidden runs left out)."""
    with zipfile.ZipFile(path) as z:
        root = etree.fromstring(z.read("word/document.xml"))
    open_, out = {}, {}
    in_instr = []
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        name = etree.QName(el).localname
        if name == "commentRangeStart":
            open_[el.get(q("id"))] = []
        elif name == "commentRangeEnd":
            cid = el.get(q("id"))
            out[cid] = "".join(open_.pop(cid, []))
        elif name == "fldChar":
            kind = el.get(q("fldCharType"))
            if kind == "begin":
                in_instr.append(True)
            elif kind == "separate" and in_instr:
                in_instr[-1] = False
            elif kind == "end" and in_instr:
                in_instr.pop()
        elif name in ("t", "delText") or name in _CHARS:
            r = el.getparent()
            if any(etree.QName(a).localname == "ins" for a in el.iterancestors()):
                continue
            rpr = r.find(q("rPr"))
            if rpr is not None and rpr.find(q("vanish")) is not None:
                continue
            if in_instr and in_instr[-1]:
                continue
            text = el.text or "" if name in ("t", "delText") else _CHARS[name]
            if name == "br" and el.get(q("type")) not in (None, "textWrapping"):
                continue
            for buf in open_.values():
                buf.append(text)
    return out


def resolve_revisions(path, out, accept: bool) -> None:
    """Write to ``out`` the document with every tracked insertion/deletion accepted (or
    rejected), as Word's Accept All / Reject All does for text."""
    with zipfile.ZipFile(path) as z:
        root = etree.fromstring(z.read("word/document.xml"))
        keep, drop = ("ins", "del") if accept else ("del", "ins")
        for el in list(root.iter(q(drop))):
            el.getparent().remove(el)
        for el in list(root.iter(q(keep))):
            for t in el.iter(q("delText")):
                t.tag = q("t")
            parent = el.getparent()
            i = parent.index(el)
            for child in reversed(list(el)):
                parent.insert(i, child)
            parent.remove(el)
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zo:
            for info in z.infolist():
                data = z.read(info.filename)
                if info.filename == "word/document.xml":
                    data = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
                zo.writestr(info, data)


def texts(path) -> list[str]:
    from circular_studio.core.docx.reader import read_docx

    return [b.text for b in read_docx(Path(path)).blocks]


def audit(path) -> list[str]:
    """What ``openxml-audit -f microsoft365 PATH`` reports (errors that make Word repair or
    reject the file), through its Python API with a fresh validator per file: its recursive
    command-line mode carries state from one file to the next and reports comment ids of an
    earlier file as missing in a later one."""
    import pytest

    audit_mod = pytest.importorskip("openxml_audit", reason="pip install -e .[test]")
    validator = audit_mod.OpenXmlValidator(file_format=audit_mod.FileFormat.MICROSOFT_365)
    return [e.description for e in validator.validate(str(path)).errors]
