"""Findings written back into the author's .docx: an annotated copy (each finding a Word comment
anchored on exactly its text) and a corrected copy (certain fixes as tracked changes, the rest as
comments). The original file is never changed.

How a finding finds its text: the reader keeps, for every block, where each piece of its text
stands (``Block.origin``: part, n-th ``w:r`` of the part, child element, offset). The copy is
opened with python-docx, the same runs are counted in the same order, cut where a finding begins
or ends (each half keeps the run's properties), and python-docx's comments API anchors the comment
on the runs in between. Tracked changes (``w:ins``/``w:del``), point comments (a finding about
something missing) and the markers python-docx lacks are in ``oxml``.

What is kept byte for byte: every part of the package except ``word/document.xml`` and, when
comments are added, ``word/comments.xml``, the document's relationships and ``[Content_Types].xml``
(one element added to each; the rest of those two files is left as written). Styles, headers,
numbering, images, fields, existing comments and tracked changes stay as they were.

Word allows no comment in a page header: a finding there (the letterhead) is put at the start of
the body, its comment saying where the text is.
"""
from __future__ import annotations

import datetime as dt
import difflib
import io
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from ..errors import ExportError, InputError
from ..files import atomic_write_bytes
from ..model.draft import clean_text
from . import oxml
from .reader import read_docx

AUTHOR = "Circular Studio"
INITIALS = "CS"
COMMENTS_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"
COMMENTS_RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
_PR_NS = "http://schemas.openxmlformats.org/package/2006/relationships"

# What the comments say around a finding's message, in the reviewer's language.
LABELS = {
    "en": {"error": "error", "warning": "warning", "info": "note",
           "fix": "Suggested fix: «{fix}»", "delete": "Suggested fix: delete «{excerpt}»",
           "header": "In the page header: «{excerpt}»", "elsewhere": "In the text: «{excerpt}»"},
    "fr": {"error": "erreur", "warning": "avertissement", "info": "remarque",
           "fix": "Correction proposée : « {fix} »", "delete": "Correction proposée : supprimer « {excerpt} »",
           "header": "Dans l'en-tête de page : « {excerpt} »", "elsewhere": "Dans le texte : « {excerpt} »"},
    "ar": {"error": "خطأ", "warning": "تحذير", "info": "ملاحظة",
           "fix": "التصحيح المقترح: «{fix}»", "delete": "التصحيح المقترح: حذف «{excerpt}»",
           "header": "في ترويسة الصفحة: «{excerpt}»", "elsewhere": "في النص: «{excerpt}»"},
}
_MARKS = {"\u200e": "[LRM]", "\u200f": "[RLM]", "\u061c": "[ALM]", "\u00a0": "[NBSP]"}


def _visible(text: str) -> str:
    return "".join(_MARKS.get(c, c) for c in text)


@dataclass
class Result:
    """What a copy holds: comments written, tracked changes written, findings whose text could
    not carry a comment (page header) and were put at the start of the body."""

    path: Path
    comments: int = 0
    changes: int = 0
    moved: int = 0
    tracked: list = field(default_factory=list)  # the findings applied as tracked changes
    commented: list = field(default_factory=list)  # (finding, comment id, on its own text?)


def comment_text(finding, ui_language: str = "en", where: str | None = None) -> str:
    """The comment for ``finding``: code, severity and message; the suggested fix on a second
    line; first, when the comment cannot stand on the text itself, where the text is."""
    lab = LABELS.get(ui_language, LABELS["en"])
    lines = []
    if where:
        lines.append(lab[where].format(excerpt=_visible(finding.excerpt)))
    severity = getattr(finding.severity, "value", finding.severity)  # a Severity or its name
    lines.append(f"{finding.code} ({lab[severity]}): {finding.message}")
    if finding.fix is not None:
        if finding.fix == "":
            lines.append(lab["delete"].format(excerpt=_visible(finding.excerpt)))
        else:
            lines.append(lab["fix"].format(fix=_visible(finding.fix)))
    return "\n".join(lines)


# -- positions ----------------------------------------------------------------------------------

def _cut(piece, at: int) -> tuple[int, int, int]:
    """(run, child, offset) of character ``at`` of a block, inside or at the end of ``piece``."""
    return piece.run, piece.child, piece.offset + (at - piece.start)


def _locate(block, start: int, end: int, part: str):
    """(start cut, end cut) in ``part`` for ``block.text[start:end]``; None when the text is not
    in that part (page header) or not in any run. An empty span gives two equal cuts."""
    pieces = [p for p in block.origin]
    if not pieces or any(p.part != part for p in pieces):
        return None
    if start == end:
        for p in pieces:
            if p.start <= start < p.end:
                c = _cut(p, start)
                return c, c
        before = [p for p in pieces if p.end <= start]
        c = _cut(before[-1], before[-1].end) if before else _cut(pieces[0], pieces[0].start)
        return c, c
    inside = [p for p in pieces if p.start < end and p.end > start]
    if not inside:
        return None
    first, last = inside[0], inside[-1]
    return _cut(first, max(start, first.start)), _cut(last, min(end, last.end))


class _Runs:
    """The main part's runs in document order, cut on demand; cuts are resolved to elements."""

    def __init__(self, root):
        self.runs = list(root.iter(oxml.qn("w:r")))
        self.cuts: dict[int, set] = {}
        self.canonical: dict[tuple, tuple] = {}  # cut → (run, (child, offset)), before splitting
        self.kids: dict[int, int] = {}  # run → its number of element children, before splitting
        self.pieces: dict[int, list] = {}  # run → [(canonical cut, element)] after splitting

    def text_of(self, run: int, child: int) -> str:
        return oxml.child_text(oxml.element_children(self.runs[run])[child])

    def canon(self, cut) -> tuple[int, tuple]:
        """A cut as (run, (child, offset)) with offset 0 unless inside a w:t; the run's start is
        (0, 0), its end (len, 0)."""
        run, child, off = cut
        kids = oxml.element_children(self.runs[run])
        if off and off >= len(oxml.child_text(kids[child])):
            child, off = child + 1, 0
        first = 1 if kids and oxml._local(kids[0]) == "rPr" else 0
        if off == 0 and child <= first:
            return run, (0, 0)
        if child >= len(kids):
            return run, (len(kids), 0)
        return run, (child, off)

    def want(self, cut) -> None:
        if cut not in self.canonical:
            self.canonical[cut] = self.canon(cut)
            self.kids.setdefault(cut[0], len(oxml.element_children(self.runs[cut[0]])))
        run, c = self.canonical[cut]
        self.cuts.setdefault(run, set()).add(c)

    def split(self) -> None:
        for run, cuts in self.cuts.items():
            el = self.runs[run]
            n = self.kids[run]
            inner = sorted(c for c in cuts if c != (0, 0) and c[0] < n)
            made = []
            for child, off in reversed(inner):
                made.append(((child, off), oxml.split_run(el, child, off)))
            self.pieces[run] = [((0, 0), el)] + list(reversed(made))

    def starting(self, cut):
        """The run element that begins at ``cut`` (None at the end of the run)."""
        run, c = self.canonical[cut]
        for at, el in self.pieces[run]:
            if at == c:
                return el
        return None

    def ending(self, cut):
        """The run element that ends at ``cut`` (None at the start of the run)."""
        run, c = self.canonical[cut]
        pieces = self.pieces[run]
        if c == (0, 0):
            return None
        if c[0] >= self.kids[run]:
            return pieces[-1][1]
        for k, (at, el) in enumerate(pieces):
            if at == c:
                return pieces[k - 1][1]
        return None


def _paragraph_of(el):
    while el is not None and el.tag != oxml.qn("w:p"):
        el = el.getparent()
    return el


def _runs_between(root, first, last) -> list:
    """The runs from ``first`` to ``last`` inclusive, in document order, not counting comment
    reference runs."""
    out, on = [], False
    for r in root.iter(oxml.qn("w:r")):
        if r is first:
            on = True
        if on and r.find(oxml.qn("w:commentReference")) is None:
            out.append(r)
        if r is last:
            break
    return out


def _edits(excerpt: str, fix: str, start: int) -> list[tuple[int, int, str]]:
    """The fix as edits (a, b, text) in block coordinates: separate insertions/deletions when the
    change is only that (LRM put around a number, a repeated word removed), else one replacement
    of the whole excerpt (a word is replaced whole, as a reviewer would)."""
    ops = [op for op in difflib.SequenceMatcher(None, excerpt, fix, autojunk=False).get_opcodes()
           if op[0] != "equal"]
    if ops and all(op[0] in ("insert", "delete") for op in ops):
        return [(start + i1, start + i2, fix[j1:j2]) for _tag, i1, i2, j1, j2 in ops]
    return [(start, start + len(excerpt), fix)]


# -- the copy -----------------------------------------------------------------------------------

def _open(src: Path):
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        return docx.Document(str(src))
    except PackageNotFoundError:
        raise InputError(f"{src}: not a Word document python-docx can open") from None
    except (KeyError, ValueError, zipfile.BadZipFile, etree.XMLSyntaxError) as exc:
        raise InputError(f"{src}: the document is damaged ({exc})") from None


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")


def annotate_docx(src, findings, out, *, doc=None, ui_language: str = "en", fix=None,
                  author: str = AUTHOR, date: str | None = None) -> Result:
    """Write to ``out`` a copy of the .docx ``src`` with ``findings`` (from ``run_checks`` on
    ``doc``, the Document read from ``src``) as comments. ``fix``: a predicate choosing the
    findings whose fix goes in as a tracked change instead (``core.checks.fixes.is_certain`` for
    a corrected copy). Raises InputError when ``src`` cannot be read, ExportError when ``out``
    cannot be written (the original is never written)."""
    src, out = Path(src), Path(out)
    if out.exists() and src.exists() and out.resolve() == src.resolve():
        raise ExportError(f"{out}: choose another name: the original letter is not overwritten")
    if doc is None:
        doc = read_docx(src)
    date = date or _now()
    d = _open(src)
    part = str(d.part.partname).lstrip("/")
    root = d.element
    runs = _Runs(root)
    result = Result(out)

    # where each finding goes: a tracked change, a comment on its text, or a comment at the top
    tracks, comments, moved = [], [], []
    taken = []  # (block, a, b) spans already changed
    for f in sorted(findings, key=lambda f: (f.paragraph, f.start, f.end, f.code)):
        block = doc.blocks[f.paragraph] if 0 <= f.paragraph < len(doc.blocks) else None
        loc = _locate(block, f.start, f.end, part) if block is not None else None
        if loc is None or not _text_matches(runs, block, f):
            moved.append((f, "header" if block is not None and block.origin and
                          block.origin[0].part != part else "elsewhere"))
            continue
        if fix is not None and f.fix is not None and fix(f) and (f.end > f.start or f.fix) \
                and _trackable(runs, loc):
            edits = _edits(f.excerpt, f.fix, f.start)
            spans = [(a, b) for a, b, _t in edits]
            # edits that touch or overlap another change stay comments
            if not any(f.paragraph == blk and a <= tb and ta <= b
                       for blk, ta, tb in taken for a, b in spans):
                cuts = [_locate(block, a, b, part) for a, b, _t in edits]
                if all(c is not None for c in cuts):
                    tracks.append((f, [(c, t) for c, (_a, _b, t) in zip(cuts, edits)]))
                    taken.extend((f.paragraph, a, b) for a, b in spans)
                    for (c0, c1), _t in tracks[-1][1]:
                        runs.want(c0)
                        runs.want(c1)
                    continue
        comments.append((f, loc))
        runs.want(loc[0])
        runs.want(loc[1])
    runs.split()

    # tracked changes first (comment markers inserted later never land inside a w:del)
    rev = _max_id(root) + 1
    for f, edits in tracks:
        for (c0, c1), text in edits:
            rev = _track(root, runs, c0, c1, text, rev, author, date)
        result.changes += len(edits)
        result.tracked.append(f)

    for f, (c0, c1) in comments:
        comment = d.comments.add_comment(author=author, initials=INITIALS)
        _fill(comment, comment_text(f, ui_language), ui_language)
        first, last = runs.starting(c0), runs.ending(c1)
        if c0 == c1 or first is None or last is None:
            _point(root, runs, c0, comment.comment_id)
        else:
            start, end, ref = oxml.comment_markers(comment.comment_id)
            first.addprevious(start)
            last.addnext(ref)
            last.addnext(end)
        result.comments += 1
        result.commented.append((f, comment.comment_id, True))
    for f, where in moved:
        comment = d.comments.add_comment(author=author, initials=INITIALS)
        _fill(comment, comment_text(f, ui_language, where if f.excerpt else None), ui_language)
        _top(root, comment.comment_id)
        result.comments += 1
        result.moved += bool(f.excerpt)
        result.commented.append((f, comment.comment_id, not f.excerpt))

    if not (result.comments or result.changes):
        _copy(src, out)
        return result
    _write(src, out, d, part)
    return result


def _text_matches(runs: _Runs, block, f) -> bool:
    """The runs hold the finding's excerpt (the reader and python-docx counted the same runs)."""
    got, want = [], []
    for p in block.origin:
        if p.end <= f.start or p.start >= f.end:
            continue
        try:
            text = clean_text(runs.text_of(p.run, p.child))[0][p.offset:]
        except IndexError:
            return False
        a, b = max(f.start, p.start), min(f.end, p.end)
        got.append(text[a - p.start:b - p.start])
        want.append(block.text[a:b])
    return got == want


_NOT_TEXT = {oxml.qn(f"w:{t}") for t in ("fldChar", "instrText", "drawing", "object", "pict",
                                          "footnoteReference", "endnoteReference", "sym", "ptab")}


def _trackable(runs: _Runs, loc) -> bool:
    """The runs of the span hold text only (no field character, drawing, note reference…), so
    deleting them deletes text only."""
    (r0, _c0, _o0), (r1, _c1, _o1) = loc
    return all(el.tag not in _NOT_TEXT for r in runs.runs[r0:r1 + 1]
               for el in oxml.element_children(r))


def _max_id(root) -> int:
    best = 0
    for el in root.iter():
        v = el.get(oxml.qn("w:id")) if isinstance(el.tag, str) else None
        if v and v.lstrip("-").isdigit():
            best = max(best, int(v))
    return best


def _track(root, runs: _Runs, c0, c1, text: str, rev: int, author: str, date: str) -> int:
    """Delete the runs between cuts ``c0`` and ``c1`` and insert ``text`` there, tracked."""
    after = None
    rpr = None
    if c0 != c1:
        first, last = runs.starting(c0), runs.ending(c1)
        for r in _runs_between(root, first, last):
            rpr = rpr if rpr is not None else r.find(oxml.qn("w:rPr"))
            after = oxml.track_delete(r, rev, author, date)
            rev += 1
    if text:
        if after is None:
            nxt = runs.starting(c0)
            prev = runs.ending(c0)
            near = nxt if nxt is not None else prev
            rpr = near.find(oxml.qn("w:rPr")) if near is not None else None
            ins = oxml.tracked_insertion(text, rpr, rev, author, date)
            if nxt is not None:
                nxt.addprevious(ins)
            else:
                prev.addnext(ins)
        else:
            ins = oxml.tracked_insertion(text, rpr, rev, author, date)
            after.addnext(ins)
        rev += 1
    return rev


def _fill(comment, text: str, ui_language: str) -> None:
    """The comment's paragraphs, right-to-left when the reviewer reads Arabic."""
    lines = text.split("\n")
    paras = [comment.paragraphs[0]] + [comment.add_paragraph() for _ in lines[1:]]
    for p, line in zip(paras, lines):
        r = p.add_run(line)
        if ui_language == "ar":
            oxml.set_paragraph_bidi(p._p)
            oxml.set_run_rtl(r._r)


def _point(root, runs: _Runs, cut, comment_id: int) -> None:
    """A comment on no text (something missing), at ``cut``."""
    start, end, ref = oxml.comment_markers(comment_id)
    nxt = runs.starting(cut)
    if nxt is not None:
        nxt.addprevious(start)
        nxt.addprevious(end)
        nxt.addprevious(ref)
    else:
        prev = runs.ending(cut)
        prev.addnext(ref)
        prev.addnext(end)
        prev.addnext(start)


def _top(root, comment_id: int) -> None:
    """A comment at the start of the body's first paragraph."""
    body = root.find(oxml.qn("w:body"))
    p = body.find(f".//{oxml.qn('w:p')}")
    start, end, ref = oxml.comment_markers(comment_id)
    if p is None:
        p = oxml.OxmlElement("w:p")
        body.insert(0, p)
    at = 1 if len(p) and p[0].tag == oxml.qn("w:pPr") else 0
    for k, el in enumerate((start, end, ref)):
        p.insert(at + k, el)


# -- writing ------------------------------------------------------------------------------------

def _copy(src: Path, out: Path) -> None:
    _save(out, src.read_bytes())


def _save(out: Path, data: bytes) -> None:
    """``data`` written to ``out`` by the one atomic writer (core.files); a clear ExportError
    when the folder is missing or not writable, the target untouched."""
    folder = out.parent if str(out.parent) else Path(".")
    if not folder.is_dir():
        raise ExportError(f"{out}: the folder {folder} does not exist")
    try:
        atomic_write_bytes(out, data)
    except OSError as exc:
        raise ExportError(f"{out}: cannot write in {folder} ({exc.strerror or exc}): choose a "
                          f"folder you can write to") from None


def _write(src: Path, out: Path, d, main: str) -> None:
    """The package of ``src`` with the main part (and the comments part) from ``d``; every other
    part copied as it was."""
    new: dict[str, bytes] = {main: d.part.blob}
    added_rel = None
    for rel in d.part.rels.values():
        if rel.reltype == COMMENTS_RT and not rel.is_external:
            name = str(rel.target_part.partname).lstrip("/")
            new[name] = rel.target_part.blob
            added_rel = (rel.rId, rel.target_ref, name)
    with zipfile.ZipFile(src) as zin:
        names = [i.filename for i in zin.infolist()]
        if added_rel and added_rel[2] not in names:
            folder, base = main.rsplit("/", 1) if "/" in main else ("", main)
            rels_name = f"{folder}/_rels/{base}.rels" if folder else f"_rels/{base}.rels"
            new[rels_name] = _add_relationship(zin.read(rels_name) if rels_name in names else None,
                                               *added_rel[:2])
            new["[Content_Types].xml"] = _add_override(zin.read("[Content_Types].xml"),
                                                       "/" + added_rel[2])
        if added_rel:
            new.update(_comment_styles(zin, main))

        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zout:
            for info in zin.infolist():
                data = new.pop(info.filename, None)
                if data is None:
                    data = zin.read(info.filename)
                zout.writestr(info, data, compress_type=info.compress_type)
            for name, data in new.items():
                zout.writestr(name, data)
    _save(out, buffer.getvalue())


# Word's own definitions of the styles a comment uses ("annotation reference", "annotation text").
_COMMENT_STYLES = (
    ("character", "CommentReference", "annotation reference", "16"),
    ("paragraph", "CommentText", "annotation text", "20"),
)


def _comment_styles(zin: zipfile.ZipFile, main: str) -> dict[str, bytes]:
    """The styles parts (styles.xml and, if the document has one, stylesWithEffects.xml) with the
    comment styles added when the document does not define them, as Word does on a first comment;
    nothing when they are there."""
    folder = main.rsplit("/", 1)[0] if "/" in main else ""
    rels_name = f"{folder}/_rels/{main.rsplit('/', 1)[-1]}.rels" if folder else f"_rels/{main}.rels"
    if rels_name not in zin.namelist():
        return {}
    out = {}
    for rel in etree.fromstring(zin.read(rels_name)).iter(f"{{{_PR_NS}}}Relationship"):
        kind = (rel.get("Type") or "").rsplit("/", 1)[-1]
        if kind not in ("styles", "stylesWithEffects") or rel.get("TargetMode") == "External":
            continue
        name = (f"{folder}/" if folder else "") + rel.get("Target", "").lstrip("/")
        if rel.get("Target", "").startswith("/"):
            name = rel.get("Target").lstrip("/")
        if name not in zin.namelist():
            continue
        root = etree.fromstring(zin.read(name))
        have = {st.get(f"{{{_W}}}styleId") for st in root.iter(f"{{{_W}}}style")}
        defaults = {st.get(f"{{{_W}}}type"): st.get(f"{{{_W}}}styleId")
                    for st in root.iter(f"{{{_W}}}style") if st.get(f"{{{_W}}}default") in ("1", "true")}
        changed = False
        for kind_, sid, label, size in _COMMENT_STYLES:
            if sid in have:
                continue
            st = etree.SubElement(root, f"{{{_W}}}style", {f"{{{_W}}}type": kind_, f"{{{_W}}}styleId": sid})
            etree.SubElement(st, f"{{{_W}}}name", {f"{{{_W}}}val": label})
            if defaults.get(kind_):
                etree.SubElement(st, f"{{{_W}}}basedOn", {f"{{{_W}}}val": defaults[kind_]})
            etree.SubElement(st, f"{{{_W}}}uiPriority", {f"{{{_W}}}val": "99"})
            etree.SubElement(st, f"{{{_W}}}semiHidden")
            etree.SubElement(st, f"{{{_W}}}unhideWhenUsed")
            rpr = etree.SubElement(st, f"{{{_W}}}rPr")
            etree.SubElement(rpr, f"{{{_W}}}sz", {f"{{{_W}}}val": size})
            etree.SubElement(rpr, f"{{{_W}}}szCs", {f"{{{_W}}}val": size})
            changed = True
        if changed:
            out[name] = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    return out


def _add_relationship(xml: bytes | None, rid: str, target: str) -> bytes:
    if xml is None:
        root = etree.Element(f"{{{_PR_NS}}}Relationships", nsmap={None: _PR_NS})
    else:
        root = etree.fromstring(xml)
    etree.SubElement(root, f"{{{_PR_NS}}}Relationship", Id=rid, Type=COMMENTS_RT, Target=target)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _add_override(xml: bytes, partname: str) -> bytes:
    root = etree.fromstring(xml)
    for el in root.findall(f"{{{_CT_NS}}}Override"):
        if el.get("PartName") == partname:
            return xml
    etree.SubElement(root, f"{{{_CT_NS}}}Override", PartName=partname, ContentType=COMMENTS_CT)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
