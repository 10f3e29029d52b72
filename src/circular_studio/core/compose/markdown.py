"""Markdown (markdown-it-py) → the document model.

Templates mark what each following block is with an HTML comment on its own line::

    <!-- date_line field=letter_date -->
    Genève, le 31 octobre 2024

The marker holds until the next one. Inside structural blocks (reference, addressees, signature…)
each source line stays a line; in prose paragraphs a single newline is a space, as in Markdown.
Letters written elsewhere have no markers: every block is a paragraph and lines are kept, so the
classifier can still recognise a reference block by its lines.
"""
from __future__ import annotations

import re
from functools import lru_cache

from markdown_it import MarkdownIt

from ..document import Block, BlockKind, Document, Span
from ..locale.languages import direction_of

_MARKER = re.compile(r"^\s*<!--\s*([a-z_]+)((?:\s+[a-z_]+=[^\s>]*)*)\s*-->\s*$")
_ATTR = re.compile(r"([a-z_]+)=([^\s>]*)")
_KINDS = {k.value: k for k in BlockKind}
_PROSE = {BlockKind.PARAGRAPH, BlockKind.HEADING}


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"linkify": True, "typographer": False})
    md.enable("linkify")
    # linkify-it's fuzzy links know only common top-level domains; the organisation's own (.int)
    # and the UN system's must become live links too (www.itu.int/…).
    md.linkify.tlds(["int", "org", "ch", "info"], True)
    return md


def _marker(content: str):
    m = _MARKER.match(content)
    if not m or m.group(1) not in _KINDS:
        return None
    attrs = dict(_ATTR.findall(m.group(2) or ""))
    return _KINDS[m.group(1)], attrs.get("field")


def _inline_spans(token, softbreak: str) -> list[Span]:
    spans: list[Span] = []
    bold = italic = 0
    link: str | None = None
    for child in token.children or []:
        t = child.type
        if t == "strong_open":
            bold += 1
        elif t == "strong_close":
            bold -= 1
        elif t == "em_open":
            italic += 1
        elif t == "em_close":
            italic -= 1
        elif t == "link_open":
            link = child.attrs.get("href", "") or ""
        elif t == "link_close":
            link = None
        elif t in ("text", "code_inline", "html_inline"):
            _append(spans, Span(child.content, bool(bold), bool(italic), link))
        elif t == "softbreak":
            _append(spans, Span(softbreak, bool(bold), bool(italic), link))
        elif t == "hardbreak":
            _append(spans, Span("\n", bool(bold), bool(italic), link))
        elif t == "image":
            _append(spans, Span(child.content or "", bool(bold), bool(italic), link))
    return spans


def _append(spans: list[Span], span: Span) -> None:
    if not span.text and span.link is None:
        return
    if spans and (spans[-1].bold, spans[-1].italic, spans[-1].link) == (span.bold, span.italic, span.link):
        spans[-1] = Span(spans[-1].text + span.text, span.bold, span.italic, span.link)
    else:
        spans.append(span)


# A bare address followed by Arabic or full-width punctuation (، ؛ ؟ ۔ 。，、；：？！）): linkify-it
# reads on to the next space — it took "www.wsis.org/forum،" whole, and in Chinese, which has no
# spaces, the rest of the sentence with its bold markers. The address ends where they begin.
_CJK_STOP = "\u060c\u061b\u061f\u06d4\u3002\uff0c\u3001\uff1b\uff1a\uff1f\uff01\uff09"
_BARE_URL_BEFORE_CJK = re.compile(
    rf"(?<![(<\[/\w.@-])((?:https?://|www\.)[^\s<>\"\[\]()*{_CJK_STOP}]+)(?=[{_CJK_STOP}])")


_CJK_ANY = re.compile(f"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef{_CJK_STOP}]")
# an e-mail address right after a Chinese character or full-width colon ("电子邮件：a@b.int"):
# linkify-it does not see where it starts
_EMAIL_AFTER_CJK = re.compile(
    r"(?<=[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef])([A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,})(?![\w@>])")


def _close_bare_urls(text: str) -> str:
    """``https://x。请…`` → ``[https://x](https://x)。请…``: the address ends where the
    full-width punctuation begins (the text shown is the text typed)."""
    def link(m: re.Match) -> str:
        url = m.group(1)
        target = url if url.lower().startswith("http") else "http://" + url  # as linkify-it does
        return f"[{url}]({target.replace(chr(92), '')})"
    if not _CJK_ANY.search(text):
        return text
    return _EMAIL_AFTER_CJK.sub(r"<\1>", _BARE_URL_BEFORE_CJK.sub(link, text))


def parse_markdown(text: str, language: str, *, source: str = "", keep_lines: bool | None = None) -> Document:
    """Markdown → Document. ``keep_lines`` (default: when the text has no block markers) keeps
    every source line break as a line break."""
    tokens = _parser().parse(_close_bare_urls(text))
    if keep_lines is None:
        keep_lines = "<!--" not in text
    direction = direction_of(language)
    blocks: list[Block] = []
    kind, field = BlockKind.PARAGRAPH, None
    lists: list[dict] = []  # stack of open lists: kind, next number, id
    list_counter = 0
    heading = False
    for tok in tokens:
        t = tok.type
        if t == "html_block":
            found = _marker(tok.content)
            if found:
                kind, field = found
            elif not _COMMENT.match(tok.content):
                # raw HTML is kept as the text it is, like inline HTML (never dropped)
                _literal_block(blocks, tok.content, kind, direction, field, lists)
            continue
        if t in ("code_block", "fence"):
            # an indented or fenced paragraph is still part of the letter: keep its lines
            _literal_block(blocks, tok.content, kind, direction, field, lists)
            continue
        if t in ("bullet_list_open", "ordered_list_open"):
            list_counter += 1
            start = int(tok.attrs.get("start", 1) or 1) if t == "ordered_list_open" else None
            lists.append({"kind": "ordered" if start is not None else "bullet", "n": start, "id": list_counter})
        elif t in ("bullet_list_close", "ordered_list_close"):
            lists.pop()
        elif t == "inline":
            prose = kind in _PROSE and not keep_lines
            spans = _inline_spans(tok, " " if prose else "\n")
            block_kind = BlockKind.HEADING if heading and kind == BlockKind.PARAGRAPH else kind
            blocks.append(_in_list(Block(block_kind, spans, direction, field), lists))
        elif t == "heading_open":
            heading = True
        elif t == "heading_close":
            heading = False
        elif t == "list_item_open" and lists:
            lists[-1]["fresh"] = True
        elif t == "list_item_close" and lists and lists[-1]["kind"] == "ordered":
            lists[-1]["n"] += 1
    return Document(language=language, blocks=blocks, source=source, writing_direction=direction)


_COMMENT = re.compile(r"^\s*<!--.*-->\s*$", re.S)


def _literal_block(blocks: list[Block], content: str, kind: BlockKind, direction: str,
                   field: str | None, lists: list[dict]) -> None:
    """A block for text markdown-it gives no inline token (indented or fenced code, raw HTML
    blocks): its lines as they are, so nothing the writer typed disappears from the letter."""
    text = content.strip("\n")
    if not text.strip():
        return
    blocks.append(_in_list(Block(kind, [Span(text)], direction, field), lists))


def _in_list(block: Block, lists: list[dict]) -> Block:
    """``block`` inside the innermost open list, if any: the first paragraph of an item is the
    item (kind, level, number); a later paragraph of the same item continues it, indented."""
    if lists:
        current = lists[-1]
        if current.pop("fresh", False):
            block.list_kind, block.level, block.list_id = current["kind"], len(lists) - 1, current["id"]
            if current["kind"] == "ordered":
                block.number = current["n"]
        else:
            block.level = len(lists)
    return block
