"""Where a finding's text sits in the draft field it came from, so a fix edits the draft.

A finding's span is in the rendered block's text, which differs from the field's source (the
template adds labels, Markdown markup disappears, ``{{ venue }}`` expands). The excerpt is looked
up in the field with as much surrounding text as matches exactly once; failing that, the
occurrence with the same rank as in the block.
"""
from __future__ import annotations


def _positions(haystack: str, needle: str) -> list[int]:
    out, i = [], haystack.find(needle)
    while i >= 0 and needle:
        out.append(i)
        i = haystack.find(needle, i + 1)
    return out


def locate(value: str, block_text: str, start: int, end: int) -> tuple[int, int] | None:
    """(start, end) in ``value`` of ``block_text[start:end]``, or None when it is not there."""
    excerpt = block_text[start:end]
    if not excerpt:
        return None
    for w in (32, 16, 8, 4, 2, 1):
        for lw, rw in ((w, w), (w, 0), (0, w)):
            left = block_text[max(0, start - lw):start]
            right = block_text[end:end + rw]
            if not (left or right):
                continue
            found = _positions(value, left + excerpt + right)
            if len(found) == 1:
                at = found[0] + len(left)
                return at, at + len(excerpt)
    found = _positions(value, excerpt)
    if not found:
        return None
    rank = len([p for p in _positions(block_text, excerpt) if p < start])
    at = found[min(rank, len(found) - 1)]
    return at, at + len(excerpt)


def apply_fix(value, block_text: str, start: int, end: int, fix: str):
    """``value`` (a field's text or list of lines) with the span replaced by ``fix``; None when
    the span cannot be found in it."""
    if isinstance(value, str):
        where = locate(value, block_text, start, end)
        if where is None:
            return None
        return value[:where[0]] + fix + value[where[1]:]
    if isinstance(value, list):
        excerpt = block_text[start:end]
        # the block holds the items joined by line breaks: find the item the span falls in
        for k, item in enumerate(value):
            if isinstance(item, str) and excerpt and excerpt in item:
                where = locate(item, block_text, start, end)
                if where is not None:
                    out = list(value)
                    out[k] = item[:where[0]] + fix + item[where[1]:]
                    return out
    return None
