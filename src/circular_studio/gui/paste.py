"""Pasted text from Word, LibreOffice or a web page, turned into the body's Markdown.

The clipboard's HTML is read with lxml: paragraphs become paragraphs, bold and italic become
``**…**`` and ``*…*``, links ``[text](url)``, bulleted and numbered lists ``- item`` and
``1. item`` — including Word's lists, which are not ``<ul>`` but paragraphs of class
``MsoListParagraph`` whose bullet is a span marked ``mso-list:Ignore``. Plain text with typed
bullets ("• premier point") is given Markdown bullets too. Qt-free, so it is tested on its own.
"""
from __future__ import annotations

import re

from lxml import html as lxml_html

_BLOCKS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "tr", "pre",
           "address", "section", "article", "header", "footer", "td", "th"}
_SKIP = {"style", "script", "head", "title", "meta", "xml", "o:p"}
_BULLET_CHARS = "•·▪◦‣●○■□–-*o§"
_TYPED_BULLET = re.compile(r"^\s*[•·▪◦‣●○■□]\s*")
_TYPED_NUMBER = re.compile(r"^\s*(\d{1,3})[.)]\s+")
_SPACES = re.compile(r"[ \t\r\n\u00a0]+")


def _style(el) -> str:
    return (el.get("style") or "").replace(" ", "").lower()


def _is_bold(el) -> bool:
    s = _style(el)
    return el.tag in ("b", "strong") or "font-weight:bold" in s or re.search(r"font-weight:[6-9]00", s) is not None


def _is_italic(el) -> bool:
    return el.tag in ("i", "em") or "font-style:italic" in _style(el)


def _ignored(el) -> bool:
    """Word's list bullet/number (``mso-list:Ignore``) and invisible parts."""
    s = _style(el)
    return "mso-list:ignore" in s or "display:none" in s or (isinstance(el.tag, str) and el.tag.lower() in _SKIP)


def _wrap(text: str, mark: str) -> str:
    """``**text**`` keeping the spaces outside the marks (Markdown needs them outside)."""
    core = text.strip()
    if not core:
        return text
    lead = text[:len(text) - len(text.lstrip())]
    trail = text[len(text.rstrip()):]
    return f"{lead}{mark}{core}{mark}{trail}"


def _inline_child(child, bold: bool = False, italic: bool = False) -> str:
    """The Markdown of one inline element (without its tail)."""
    if not isinstance(child.tag, str) or _ignored(child):
        return ""
    tag = child.tag.lower()
    if tag == "br":
        return "\n"
    if tag == "a" and child.get("href") and not child.get("href", "").startswith("#"):
        text = _SPACES.sub(" ", _inline(child, bold, italic)).strip()
        href = child.get("href")
        return f"[{text}]({href})" if text and text != href else f"<{href}>"
    b, i = _is_bold(child) and not bold, _is_italic(child) and not italic
    inner = _inline(child, bold or b, italic or i)
    if b:
        inner = _wrap(inner, "**")
    if i:
        inner = _wrap(inner, "*")
    return inner


def _inline(el, bold: bool = False, italic: bool = False) -> str:
    """The Markdown of ``el``'s content (its text, children and their tails)."""
    out = [el.text or ""]
    for child in el:
        out.append(_inline_child(child, bold, italic))
        out.append(child.tail or "")
    return "".join(out)


def _word_list_marker(el) -> str | None:
    """For a Word list paragraph, "1." for a numbered item or "-" for a bullet, else None."""
    cls = (el.get("class") or "").lower()
    if "msolistparagraph" not in cls and "mso-list:" not in _style(el):
        return None
    marker = ""
    for span in el.iter():
        if isinstance(span.tag, str) and "mso-list:ignore" in _style(span):
            marker = span.text_content().strip()
            break
    return "1." if re.match(r"^\(?\w{1,3}[.)]$", marker) and not marker.strip(_BULLET_CHARS) == "" else "-"


def _is_block(el) -> bool:
    return isinstance(el.tag, str) and el.tag.lower() in _BLOCKS | {"ul", "ol", "table"}


def _blocks(el, out: list, list_kind: list) -> None:
    """Append (kind, text) for each block under ``el``: kind "p" or a list marker. Inline
    content between blocks (a fragment's loose text and spans) makes a paragraph of its own."""
    buffer = [el.text or ""]

    def flush():
        text = "".join(buffer)
        if text.strip():
            out.append(("p", text))
        buffer.clear()

    for child in el:
        if not _is_block(child):
            if isinstance(child.tag, str) and child.tag.lower() == "br" and not "".join(buffer).strip():
                pass
            else:
                buffer.append(_inline_child(child))
            buffer.append(child.tail or "")
            continue
        flush()
        tag = child.tag.lower()
        if tag in ("ul", "ol"):
            _blocks(child, out, list_kind + [tag])
        elif tag == "li":
            marker = "1." if list_kind and list_kind[-1] == "ol" else "-"
            nested = [c for c in child if isinstance(c.tag, str) and c.tag.lower() in ("ul", "ol")]
            for n in nested:  # its own text first, then the nested list
                n_tail = n.tail
                n.tail = None
                child.remove(n)
                if n_tail:
                    child.text = (child.text or "") + n_tail
            out.append((marker, _inline(child)))
            for n in nested:
                _blocks(n, out, list_kind + [n.tag.lower()])
        elif any(_is_block(c) for c in child):
            _blocks(child, out, list_kind)
        else:
            out.append((_word_list_marker(child) or "p", _inline(child)))
        buffer.append(child.tail or "")
    flush()


def _clean(text: str) -> str:
    lines = [_SPACES.sub(" ", ln).strip() for ln in text.split("\n")]
    text = "  \n".join(ln for ln in lines if ln)  # a <br> inside a paragraph: a Markdown line break
    return text.replace("** **", " ").replace("****", "")


def html_to_markdown(html: str) -> str:
    """The Markdown of a clipboard's HTML (a fragment or a whole page)."""
    m = re.search(r"<!--StartFragment-->(.*)<!--EndFragment-->", html, re.S)
    if m:  # Windows' CF_HTML: only the fragment was copied
        html = m.group(1)
    if not html.strip():
        return ""
    try:
        root = lxml_html.fromstring(html)
    except (ValueError, lxml_html.etree.ParserError):
        return ""
    body = root.find(".//body")
    root = body if body is not None else root
    wrapper = lxml_html.Element("div")
    if root.tag.lower() in _BLOCKS | {"ul", "ol", "table"} and root.tag.lower() != "div":
        wrapper.append(root)
    else:
        wrapper = root
    blocks: list = []
    _blocks(wrapper, blocks, [])
    if not blocks:
        blocks = [("p", _inline(wrapper))]
    parts: list[str] = []
    prev_list = None
    number = 0
    for kind, text in blocks:
        text = _clean(text)
        if not text:
            continue
        if kind == "p":
            parts.append(("\n\n" if parts else "") + text)
            prev_list, number = None, 0
            continue
        same_list = prev_list == kind
        if kind == "1.":
            number = number + 1 if same_list else 1
            item = f"{number}. {text}"
        else:
            item = f"- {text}"
        parts.append(("\n" if same_list else ("\n\n" if parts else "")) + item)
        prev_list = kind
    return "".join(parts)


def plain_to_markdown(text: str) -> str:
    """Plain text whose lines start with typed bullets ("• point") or numbers ("1) point"), as
    Markdown list items; anything else unchanged."""
    lines = text.replace("\r\n", "\n").split("\n")
    if not any(_TYPED_BULLET.match(ln) for ln in lines):
        return text
    return "\n".join(_TYPED_BULLET.sub("- ", ln, count=1) for ln in lines)
