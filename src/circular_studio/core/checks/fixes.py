"""Putting a finding's fix back where its text came from: a draft field (the editor's Fix) or the
text of a .md/.txt letter (a corrected copy). A finding's span is in the rendered block's text,
which differs from the source (the template adds labels, Markdown markup disappears), so the
excerpt is looked up in the source with as much surrounding block text as makes it unique.
Qt-free; the original file is never changed.

Which fixes are certain, safe to apply for the author as tracked changes in a corrected copy of a
.docx (``check --fix``), the others staying comments: a fix is certain when the text alone decides
it: a character in the wrong form (reshaped Arabic, Arabic-Indic digits, a Latin comma in Arabic, a
Persian letter), spacing, repeated words or marks, LRM around a number that would display
reversed, a title or first-person form that must agree with the signatory's gender, the house form
of a citation or acronym. Not certain: a dictionary's first suggestion, the weekday of a date (the
date may be the wrong one), a reference's year, a link's address, anything missing."""
from __future__ import annotations

from ..document import Document
from .finding import apply_fixes


def _positions(haystack: str, needle: str) -> list[int]:
    out, i = [], haystack.find(needle) if needle else -1
    while i >= 0:
        out.append(i)
        i = haystack.find(needle, i + 1)
    return out


def locate(source: str, block_text: str, start: int, end: int, *, widths=(48, 32, 16, 8, 4, 2, 1),
           by_rank: bool = False) -> tuple[int, int] | None:
    """(start, end) in ``source`` of ``block_text[start:end]``: the excerpt with as much context
    as occurs exactly once. ``by_rank``: failing that, the occurrence with the same rank as in the
    block (a draft field, where a near guess is undone by Ctrl+Z); otherwise None (a file)."""
    excerpt = block_text[start:end]
    if not excerpt:
        return None
    for w in widths:
        for lw, rw in ((w, w), (w, 0), (0, w)):
            left, right = block_text[max(0, start - lw):start], block_text[end:end + rw]
            if not (left or right) and by_rank:
                continue
            found = _positions(source, left + excerpt + right)
            if len(found) == 1:
                at = found[0] + len(left)
                return at, at + len(excerpt)
    if not by_rank:
        found = _positions(source, excerpt)
        return (found[0], found[0] + len(excerpt)) if len(found) == 1 else None
    found = _positions(source, excerpt)
    if not found:
        return None
    rank = len([p for p in _positions(block_text, excerpt) if p < start])
    at = found[min(rank, len(found) - 1)]
    return at, at + len(excerpt)


def apply_to_field(value, block_text: str, start: int, end: int, fix: str):
    """``value`` (a draft field's text or list of lines) with the span replaced by ``fix``; None
    when the span cannot be found in it."""
    if isinstance(value, str):
        where = locate(value, block_text, start, end, widths=(32, 16, 8, 4, 2, 1), by_rank=True)
        if where is None:
            return None
        return value[:where[0]] + fix + value[where[1]:]
    if isinstance(value, list):
        excerpt = block_text[start:end]
        # the block holds the items joined by line breaks: find the item the span falls in
        for k, item in enumerate(value):
            if isinstance(item, str) and excerpt and excerpt in item:
                where = locate(item, block_text, start, end, widths=(32, 16, 8, 4, 2, 1), by_rank=True)
                if where is not None:
                    out = list(value)
                    out[k] = item[:where[0]] + fix + item[where[1]:]
                    return out
    return None


def corrected_text(text: str, doc: Document, findings, by_line: bool = False) -> tuple[str, int, int]:
    """The text of a .md/.txt letter with the chosen findings' fixes: (corrected text, fixes
    applied, fixes left out). A plain .txt letter is one block per non-empty line, so a fix goes
    into its line exactly (``by_line``); otherwise a fix that cannot be placed with certainty is
    left out and counted."""
    findings = [f for f in findings if f.fix is not None and 0 <= f.paragraph < len(doc.blocks)]
    newline = "\r\n" if "\r\n" in text else "\n"
    body = text.replace("\r\n", "\n")
    if by_line:
        lines = body.split("\n")
        rows = [i for i, ln in enumerate(lines) if ln.strip()]
        if len(rows) == len(doc.blocks) and all(lines[r].rstrip() == b.text for r, b in zip(rows, doc.blocks)):
            applied = 0
            for k, row in enumerate(rows):
                mine = [f for f in findings if f.paragraph == k]
                if not mine:
                    continue
                line = lines[row]
                trail = line[len(line.rstrip()):]
                lines[row] = apply_fixes(line.rstrip(), mine) + trail
                applied += _count_applied(mine)
            return newline.join(lines), applied, len(findings) - applied
    edits: list[tuple[int, int, str]] = []
    for f in findings:
        where = locate(body, doc.blocks[f.paragraph].text, f.start, f.end, widths=(48, 32, 16, 8, 4, 2, 1, 0))
        if where is not None:
            edits.append((where[0], where[1], f.fix))
    edits.sort()
    kept, pos = [], -1
    for a, b, fix in edits:
        if a >= pos:
            kept.append((a, b, fix))
            pos = b
    for a, b, fix in reversed(kept):
        body = body[:a] + fix + body[b:]
    return body.replace("\n", newline), len(kept), len(findings) - len(kept)


def _count_applied(findings) -> int:
    """How many fixes ``apply_fixes`` uses (it skips the overlapping ones)."""
    n, pos = 0, 0
    for f in sorted(findings, key=lambda f: (f.start, f.end)):
        if f.start < pos:
            continue
        n += 1
        pos = f.end
    return n


CERTAIN_FIXES = frozenset({
    "AR001", "AR003", "AR004", "AR005", "BIDI001", "DATE009", "SIGN004", "SIGN005", "SIGN006",
    "SPELL008", "SPELL009", "TYPO001", "TYPO003", "TYPO004", "TYPO005", "TYPO006", "TYPO007",
    "TYPO008", "TYPO009",
})


def is_certain(finding) -> bool:
    """True when ``finding`` has a fix that may be applied without asking."""
    return finding.fix is not None and finding.code in CERTAIN_FIXES
