"""A corrected copy of a letter checked from a .md/.txt file: the chosen findings' fixes placed
back in the file's own text (the original is never changed). Qt-free.

A plain .txt letter is one block per non-empty line, so a fix goes into its line exactly
(``core.checks.apply_fixes`` on the line's text). Otherwise (Markdown: the block text lost its
markup) the excerpt is looked up in the file with as much surrounding block text as makes it
unique; a fix that cannot be placed with certainty is left out and counted.
"""
from __future__ import annotations

from circular_studio.core.checks import apply_fixes
from circular_studio.core.document import Document


def _unique(haystack: str, needle: str) -> int | None:
    i = haystack.find(needle)
    if i < 0 or not needle or haystack.find(needle, i + 1) >= 0:
        return None
    return i


def locate_in_file(text: str, block_text: str, start: int, end: int) -> tuple[int, int] | None:
    """(start, end) in ``text`` of ``block_text[start:end]`` when it can be placed unambiguously."""
    excerpt = block_text[start:end]
    if not excerpt:
        return None
    for w in (48, 32, 16, 8, 4, 2, 1, 0):
        for lw, rw in ((w, w), (w, 0), (0, w)):
            left, right = block_text[max(0, start - lw):start], block_text[end:end + rw]
            at = _unique(text, left + excerpt + right)
            if at is not None:
                return at + len(left), at + len(left) + len(excerpt)
    return None


def apply(text: str, doc: Document, findings, by_line: bool = False) -> tuple[str, int, int]:
    """(corrected text, fixes applied, fixes left out)."""
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
                fixed = apply_fixes(line.rstrip(), mine)
                applied += _count_applied(mine)
                lines[row] = fixed + trail
            return newline.join(lines), applied, len(findings) - applied
    edits: list[tuple[int, int, str]] = []
    for f in findings:
        where = locate_in_file(body, doc.blocks[f.paragraph].text, f.start, f.end)
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
