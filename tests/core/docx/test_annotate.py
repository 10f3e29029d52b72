"""Annotated and corrected copies of letters drafted in Word (issue 14), on the Word-style corpora:
a comment per finding anchored on exactly its excerpt, the text otherwise unchanged, untouched
parts byte for byte, tracked changes that accept to the corrected text and reject to the original,
copies Word would not repair (openxml-audit), and LibreOffice reading the comments back."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import pytest
from lxml import etree

from circular_studio.core.checks import apply_fixes
from circular_studio.core.checks.fixes import is_certain
from circular_studio.core.docx.annotate import AUTHOR, annotate_docx
from circular_studio.core.errors import ExportError, InputError
from circular_studio.core.outputs import pdf
from tests.checks.corpus_eval import checked
from tests.core.docx import readback

CORPORA = Path(__file__).resolve().parents[2] / "checks" / "corpora"
DEFECTIVE = sorted(CORPORA.glob("*/docx/*.defective.docx"))
CORPUS2 = sorted((CORPORA / "corpus2" / "docx").glob("*.docx"))


def _id(p: Path) -> str:
    return f"{p.parent.parent.name}/{p.name.split('.')[0]}"


def _annotate(path: Path, out: Path, fix=None, ui="en"):
    doc, findings = checked(path)
    return doc, findings, annotate_docx(path, findings, out, doc=doc, fix=fix, ui_language=ui)


@pytest.mark.parametrize("path", DEFECTIVE, ids=_id)
def test_annotated_copy_has_one_comment_per_finding_on_its_excerpt(path, tmp_path):
    out = tmp_path / "annotated.docx"
    before = path.read_bytes()
    doc, findings, res = _annotate(path, out)
    assert path.read_bytes() == before  # the original is never changed
    comments = readback.comments(out)
    anchors = readback.anchors(out)
    assert len(comments) == len(findings) == res.comments
    assert {c["author"] for c in comments.values()} == {AUTHOR}
    for f, cid, on_text in res.commented:
        assert f.code in comments[str(cid)]["text"] and f.message in comments[str(cid)]["text"]
        if on_text:
            assert anchors[str(cid)] == f.excerpt, (f.code, f.excerpt)
        else:  # Word has no comments in page headers: the comment says where the text is
            assert doc.blocks[f.paragraph].origin[0].part.startswith("word/header")
            assert f.excerpt in comments[str(cid)]["text"]
    # the letter's text is otherwise unchanged, and python-docx opens the copy
    assert readback.texts(out) == readback.texts(path)
    assert len(list(docx.Document(str(out)).comments)) == len(findings)
    # every part but the document, the comments and their bookkeeping is the same, byte for byte
    with zipfile.ZipFile(path) as a, zipfile.ZipFile(out) as b:
        touched = {"word/document.xml", "word/comments.xml", "word/_rels/document.xml.rels",
                   "[Content_Types].xml", "word/styles.xml", "word/stylesWithEffects.xml"}
        for name in a.namelist():
            if name not in touched:
                assert a.read(name) == b.read(name), name


def test_the_suggested_fix_is_in_the_comment_in_the_reviewers_language(tmp_path):
    path = CORPORA / "corpus2" / "docx" / "en01_sg_wsis20.defective.docx"
    _doc, findings, res = _annotate(path, tmp_path / "fr.docx", ui="fr")
    texts = readback.comments(tmp_path / "fr.docx")
    weekday = next(cid for f, cid, _on in res.commented if f.code == "DATE001")
    assert "Correction proposée : « Monday »" in texts[str(weekday)]["text"]
    _doc, _f, res = _annotate(path, tmp_path / "ar.docx", ui="ar")
    root = etree.fromstring(zipfile.ZipFile(tmp_path / "ar.docx").read("word/comments.xml"))
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    first = root.find(f"{w}comment/{w}p")
    assert first.find(f"{w}pPr/{w}bidi") is not None  # an Arabic comment reads right to left
    assert "التصحيح المقترح" in "".join(readback.comments(tmp_path / "ar.docx")[str(weekday)]["text"])


@pytest.mark.parametrize("path", DEFECTIVE, ids=_id)
def test_corrected_copy_accepts_to_the_fixed_text_and_rejects_to_the_original(path, tmp_path):
    out = tmp_path / "corrected.docx"
    doc, findings, res = _annotate(path, out, fix=is_certain)
    assert res.comments + len(res.tracked) == len(findings)
    assert all(is_certain(f) for f in res.tracked)
    with zipfile.ZipFile(out) as z:
        xml = z.read("word/document.xml").decode("utf-8")
    if res.tracked:
        assert f'w:author="{AUTHOR}"' in xml and ("<w:ins " in xml or "<w:del " in xml)
    readback.resolve_revisions(out, tmp_path / "accepted.docx", accept=True)
    readback.resolve_revisions(out, tmp_path / "rejected.docx", accept=False)
    assert readback.texts(tmp_path / "rejected.docx") == readback.texts(path)
    expected = [apply_fixes(b.text, [f for f in res.tracked if f.paragraph == i])
                for i, b in enumerate(doc.blocks)]
    assert readback.texts(tmp_path / "accepted.docx") == expected
    anchors = readback.anchors(out)
    for f, cid, on_text in res.commented:
        if on_text:
            assert anchors[str(cid)] == f.excerpt


def test_a_number_in_arabic_gets_lrm_marks_inserted_in_a_run_without_rtl(tmp_path):
    path = CORPORA / "corpus2" / "docx" / "ar01_sg_wsis20.defective.docx"
    out = tmp_path / "corrected.docx"
    _doc, _f, res = _annotate(path, out, fix=is_certain)
    assert "BIDI001" in {f.code for f in res.tracked}
    root = etree.fromstring(zipfile.ZipFile(out).read("word/document.xml"))
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    lrm = [ins for ins in root.iter(f"{w}ins") if "".join(ins.itertext()) == "\u200e"]
    assert lrm and all(ins.find(f".//{w}rtl") is None for ins in lrm)


# -- openxml-audit: the copies are files Word opens without repairing them ---------------------

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def word_resaved(src: Path, dst: Path) -> None:
    """``src`` as Word leaves it after a save: without python-docx's stale stylesWithEffects.xml,
    with the Hyperlink style its runs name and properties in schema order (the corpus builder's
    leftovers)."""
    from circular_studio.core.docx.oxml import _SEQS

    def in_order(root):
        for name, seq in _SEQS.items():
            for props in root.iter(f"{{{_W}}}{name}"):
                kids = list(props)
                rank = {f"{{{_W}}}{t}": k for k, t in enumerate(seq)}
                kids.sort(key=lambda el: rank.get(el.tag, len(seq)))
                props[:] = kids

    with zipfile.ZipFile(src) as z, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as o:
        for info in z.infolist():
            data = z.read(info.filename)
            if info.filename == "word/stylesWithEffects.xml":
                continue
            if info.filename in ("word/_rels/document.xml.rels", "[Content_Types].xml"):
                root = etree.fromstring(data)
                for el in list(root):
                    if "stylesWithEffects" in (el.get("Target", "") + el.get("PartName", "")):
                        root.remove(el)
                data = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
            if info.filename == "word/styles.xml":
                root = etree.fromstring(data)
                if not root.xpath("//w:style[@w:styleId='Hyperlink']", namespaces={"w": _W}):
                    st = etree.SubElement(root, f"{{{_W}}}style", {f"{{{_W}}}type": "character",
                                                                   f"{{{_W}}}styleId": "Hyperlink"})
                    etree.SubElement(st, f"{{{_W}}}name", {f"{{{_W}}}val": "Hyperlink"})
                data = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
            if info.filename.startswith("word/") and info.filename.endswith(".xml") and \
                    "/_rels/" not in info.filename:
                root = etree.fromstring(data)
                in_order(root)
                data = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
            o.writestr(info, data)


def test_openxml_audit_finds_nothing_in_annotated_and_corrected_copies(tmp_path):
    """corpus2 (the Word-style corpus) and one letter of each other corpus: resaved as Word would,
    the originals audit clean and so do their annotated and corrected copies; as they are (with
    the builder's leftovers), the copies add no finding to the original's."""
    chosen = [p for p in DEFECTIVE if p.parent.parent.name == "corpus2"]
    chosen += [next(p for p in DEFECTIVE if p.parent.parent.name == c)
               for c in ("corpus", "corpus3_ar", "corpus4_fren")]
    clean, raw = tmp_path / "clean", tmp_path / "raw"
    clean.mkdir()
    raw.mkdir()
    for p in chosen:
        name = _id(p).replace("/", "_")
        word_resaved(p, clean / f"{name}.docx")
        doc, findings = checked(p)
        for folder, src in ((clean, clean / f"{name}.docx"), (raw, p)):
            annotate_docx(src, findings, folder / f"{name}.annotated.docx", doc=doc)
            annotate_docx(src, findings, folder / f"{name}.corrected.docx", doc=doc, fix=is_certain)
        shutil.copy(p, raw / f"{name}.docx")
    clean_report = {p.name: readback.audit(p) for p in sorted(clean.iterdir())}
    assert len(clean_report) == 3 * len(chosen)
    assert {n: e for n, e in clean_report.items() if e} == {}
    for p in sorted(raw.glob("*.*ed.docx")):
        original = readback.audit(raw / (p.name.split(".")[0] + ".docx"))
        assert sorted(readback.audit(p)) == sorted(original), p.name


# -- LibreOffice reads the comments back -------------------------------------------------------

@pytest.mark.libreoffice
def test_libreoffice_opens_the_copies_and_reads_every_comment_on_its_text(tmp_path):
    if pdf.soffice_path() is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    names = ("en01_sg_wsis20", "ar01_sg_wsis20", "fr03_tsb_cmr")
    results = {}
    for n in names:
        path = CORPORA / "corpus2" / "docx" / f"{n}.defective.docx"
        results[n] = _annotate(path, tmp_path / f"{n}.docx")
    profile = tmp_path / "lo-profile"
    files = [str(tmp_path / f"{n}.docx") for n in names]
    notes_on = ('pdf:writer_pdf_Export:{"ExportNotes":{"type":"boolean","value":"true"},'
                '"ExportNotesInMargin":{"type":"boolean","value":"true"}}')
    for target in ("odt", notes_on):
        subprocess.run([pdf.soffice_path(), f"-env:UserInstallation=file://{profile}", "--headless",
                        "--convert-to", target, "--outdir", str(tmp_path / "lo"), *files],
                       capture_output=True, timeout=300, check=True)
    ns = {"office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
          "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
          "dc": "http://purl.org/dc/elements/1.1/"}
    for n in names:
        _doc, findings, res = results[n]
        content = etree.fromstring(zipfile.ZipFile(tmp_path / "lo" / f"{n}.odt").read("content.xml"))
        notes = content.xpath("//office:annotation", namespaces=ns)
        assert len(notes) == len(findings)
        assert {a.findtext("dc:creator", namespaces=ns) for a in notes} == {AUTHOR}
        # the text between each annotation and its end, as LibreOffice anchored it
        anchored = _odt_anchors(content, ns)
        expected = sorted(f.excerpt for f, _cid, on in res.commented if on and f.excerpt)
        assert sorted(t for t in anchored.values() if t) == expected
        # the PDF carries each comment as a PDF text annotation
        notes = _pdf_notes((tmp_path / "lo" / f"{n}.pdf").read_bytes())
        assert sorted(t.split(" ", 1)[0] for t in notes) == sorted(f.code for f in findings)


@pytest.mark.libreoffice
def test_libreoffice_reads_the_tracked_changes_of_a_corrected_copy(tmp_path):
    """Each w:ins/w:del of a corrected copy is a tracked change in LibreOffice, by our author."""
    if pdf.soffice_path() is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    names = ("ar01_sg_wsis20", "fr03_tsb_cmr")
    tracked = {}
    for n in names:
        tracked[n] = _annotate(CORPORA / "corpus2" / "docx" / f"{n}.defective.docx",
                               tmp_path / f"{n}.docx", fix=is_certain)[2].tracked
    subprocess.run([pdf.soffice_path(), f"-env:UserInstallation=file://{tmp_path / 'lo-profile'}",
                    "--headless", "--convert-to", "odt", "--outdir", str(tmp_path / "lo"),
                    *[str(tmp_path / f"{n}.docx") for n in names]],
                   capture_output=True, timeout=300, check=True)
    ns = {"text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
          "dc": "http://purl.org/dc/elements/1.1/"}
    for n in names:
        xml = zipfile.ZipFile(tmp_path / f"{n}.docx").read("word/document.xml")
        ours = etree.fromstring(xml).xpath("//w:ins[@w:author=$a] | //w:del[@w:author=$a]",
                                           namespaces={"w": _W}, a=AUTHOR)
        content = etree.fromstring(zipfile.ZipFile(tmp_path / "lo" / f"{n}.odt").read("content.xml"))
        regions = content.xpath("//text:changed-region", namespaces=ns)
        # a replacement (w:del then w:ins at one place) may be one region in LibreOffice
        assert tracked[n] and len(tracked[n]) <= len(regions) <= len(ours)
        assert {r.findtext(".//dc:creator", namespaces=ns) for r in regions} == {AUTHOR}


def _pdf_notes(data: bytes) -> list[str]:
    import re

    out = []
    for m in re.finditer(rb"/Subtype\s*/Text\b.*?/Contents\s*<([0-9A-Fa-f]+)>", data, re.S):
        out.append(bytes.fromhex(m.group(1).decode()).decode("utf-16"))
    return out


def _odt_anchors(content, ns) -> dict[str, str]:
    """annotation name → the text between ``office:annotation`` and its ``office:annotation-end``."""
    office, text_ns = "{%s}" % ns["office"], "{%s}" % ns["text"]
    open_, out = {}, {}

    def add(text):
        for buf in open_.values():
            buf.append(text)

    def walk(el):
        if el.tag == office + "annotation":
            if el.get(office + "name"):
                open_[el.get(office + "name")] = []
            return  # its content is the comment, not the letter
        if el.tag == office + "annotation-end":
            out[el.get(office + "name")] = "".join(open_.pop(el.get(office + "name"), []))
            return
        if el.tag == text_ns + "s":
            add(" " * int(el.get(text_ns + "c", "1")))
        elif el.tag == text_ns + "tab":
            add("\t")
        elif el.tag == text_ns + "line-break":
            add("\n")
        if el.text:
            add(el.text)
        for child in el:
            walk(child)
            if child.tail:
                add(child.tail)

    walk(content)
    return out


# -- bad input -----------------------------------------------------------------------------------

def _with_comment_and_revisions(src: Path, dst: Path) -> None:
    """``src`` with a reviewer's comment on its first body paragraph and a tracked insertion and
    deletion in its second, as Word writes them."""
    d = docx.Document(str(src))
    paras = [p for p in d.paragraphs if p.runs]
    d.add_comment(paras[0].runs, text="Earlier remark by a colleague", author="A. Colleague",
                  initials="AC")
    p = paras[1]._p
    w = "{%s}" % _W
    ins = etree.SubElement(p, f"{w}ins", {f"{w}id": "901", f"{w}author": "A. Colleague",
                                          f"{w}date": "2025-01-01T00:00:00Z"})
    r = etree.SubElement(ins, f"{w}r")
    etree.SubElement(r, f"{w}t").text = " Added earlier."
    dele = etree.SubElement(p, f"{w}del", {f"{w}id": "902", f"{w}author": "A. Colleague",
                                           f"{w}date": "2025-01-01T00:00:00Z"})
    r = etree.SubElement(dele, f"{w}r")
    etree.SubElement(r, f"{w}delText").text = " Removed earlier."
    d.save(str(dst))


def test_existing_comments_and_tracked_changes_are_kept(tmp_path):
    from circular_studio.core.checks import load_letter, run_checks
    from circular_studio.core.checks.engine import prepare

    src = tmp_path / "reviewed.docx"
    _with_comment_and_revisions(CORPORA / "corpus2" / "docx" / "en01_sg_wsis20.defective.docx", src)
    (doc, draft), = load_letter(src)
    doc = prepare(doc)
    findings = run_checks(doc, draft)
    assert any("Added earlier." in b.text for b in doc.blocks)
    out = tmp_path / "annotated.docx"
    res = annotate_docx(src, findings, out, doc=doc)
    comments = readback.comments(out)
    assert len(comments) == len(findings) + 1
    assert [c for c in comments.values() if c["author"] == "A. Colleague"][0]["text"] == \
        "Earlier remark by a colleague"
    anchors = readback.anchors(out)
    for f, cid, on_text in res.commented:
        if on_text:
            assert anchors[str(cid)] == f.excerpt
    xml = zipfile.ZipFile(out).read("word/document.xml").decode("utf-8")
    assert 'w:id="901"' in xml and 'w:id="902"' in xml and "Removed earlier." in xml
    assert readback.texts(out) == readback.texts(src)
    fixed = tmp_path / "corrected.docx"
    annotate_docx(src, findings, fixed, doc=doc, fix=is_certain)
    assert len([c for c in readback.comments(fixed).values() if c["author"] == "A. Colleague"]) == 1


def test_a_password_protected_docx_is_refused_with_a_clear_message(tmp_path):
    # Word saves an encrypted document as an OLE compound file (EncryptedPackage inside)
    locked = tmp_path / "locked.docx"
    locked.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 1024)
    with pytest.raises(InputError, match="password-protected"):
        annotate_docx(locked, [], tmp_path / "out.docx")
    assert not (tmp_path / "out.docx").exists()


def test_a_corrupt_docx_is_refused_with_a_clear_message(tmp_path):
    good = (CORPORA / "corpus2" / "docx" / "en01_sg_wsis20.defective.docx").read_bytes()
    broken = tmp_path / "broken.docx"
    broken.write_bytes(good[: len(good) // 2])
    with pytest.raises(InputError, match="broken.docx: not a .docx file"):
        annotate_docx(broken, [], tmp_path / "out.docx")
    assert not (tmp_path / "out.docx").exists()


def test_a_read_only_output_folder_gives_a_clear_message(read_only_folder):
    path = CORPORA / "corpus2" / "docx" / "en01_sg_wsis20.defective.docx"
    doc, findings = checked(path)
    with pytest.raises(ExportError, match="cannot write in .*Permission denied.*choose a folder"):
        annotate_docx(path, findings, read_only_folder / "out.docx", doc=doc)
    assert list(read_only_folder.iterdir()) == []


def test_the_original_is_never_the_output(tmp_path):
    path = tmp_path / "letter.docx"
    shutil.copy(CORPORA / "corpus2" / "docx" / "en01_sg_wsis20.defective.docx", path)
    doc, findings = checked(CORPORA / "corpus2" / "docx" / "en01_sg_wsis20.defective.docx")
    before = path.read_bytes()
    with pytest.raises(ExportError, match="not overwritten"):
        annotate_docx(path, findings, path, doc=doc)
    assert path.read_bytes() == before
