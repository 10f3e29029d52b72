"""The document model (IR): the one representation the preview, the DOCX writer and the checks share.

A letter rendered from a draft, or read from a .docx/.md/.txt file, becomes a ``Document``: a
language, a direction and a list of typed ``Block``s. Each block is one paragraph of the printed
letter (a list item is one block). Finding locations are (block index, character span in
``block.text``), so every consumer agrees on what "paragraph 7, characters 12-20" means.
"""
from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field, replace
from enum import Enum

RTL_LANGUAGES = frozenset({"ar", "he", "fa", "ur"})


def direction_of(language: str) -> str:
    """'rtl' for right-to-left languages, 'ltr' otherwise, when the document was not told its
    direction (the builders of a Document pass the language table's ``direction``)."""
    return "rtl" if language.split("-")[0].split("_")[0] in RTL_LANGUAGES else "ltr"


class BlockKind(str, Enum):
    """What a paragraph is in the letter; templates mark blocks with these names."""

    LETTERHEAD = "letterhead"
    DATE_LINE = "date_line"
    REFERENCE = "reference"
    ADDRESSEES = "addressees"
    SUBJECT = "subject"
    SALUTATION = "salutation"
    PARAGRAPH = "paragraph"
    HEADING = "heading"
    CLOSING = "closing"
    SIGNED = "signed"  # "(signé)" / "(الأصل عليه توقيع)"
    SIGNATURE = "signature"  # name and title of the signatory


@dataclass(frozen=True)
class Span:
    """A run of text with one formatting. ``link`` is a URL or ``mailto:`` target; an empty
    string means a link whose target is missing (kept so the checks can report it)."""

    text: str
    bold: bool = False
    italic: bool = False
    link: str | None = None


# The only link targets that become live hyperlinks, in the DOCX and in the preview: web pages,
# e-mail, and anchors inside the letter. Any other scheme (ms-msdt:, search-ms:, ms-word:, smb:,
# file:, data:…), a network path (\\\\host\\share, //host/x, where Word may send the reader's
# credentials) or anything unreadable stays text, and LINK006 reports it.
_LIVE_LINK = re.compile(r"(?:https?://[^/\\\s\x00-\x1f]|mailto:[^\s\x00-\x1f]|#[\w.:-]+$)", re.I)


def live_link(target: str | None) -> bool:
    """Whether ``target`` may be a live hyperlink: http(s)://host…, mailto:…, or #anchor."""
    target = (target or "").strip()
    return bool(_LIVE_LINK.match(target)) and not re.search(r"[\x00-\x1f\x7f\s]", target)


@dataclass
class Block:
    """One paragraph of the letter.

    ``spans`` hold the text; a ``"\\n"`` inside a span is a line break within the paragraph.
    ``list_kind`` is ``"bullet"`` or ``"ordered"`` for list items, with ``number`` the item's
    number in an ordered list and ``level`` its nesting depth (0 = top).
    ``field`` names the draft field the block came from, when it came from a draft.
    ``direction`` is the paragraph's own direction ("rtl"/"ltr").
    """

    kind: BlockKind
    spans: list[Span]
    direction: str = "ltr"
    field: str | None = None
    list_kind: str | None = None
    number: int | None = None
    level: int = 0
    list_id: int | None = None  # items of the same list share an id (restart numbering per list)
    # where the text came from in a .docx (core.docx.reader.Piece per text run piece), so findings
    # can be written back into the author's document; empty for drafts, .md and .txt
    origin: tuple = dataclasses.field(default=(), repr=False, compare=False)
    # a clause the drafter wrote herself in this language (an override): the preview marks it
    by_hand: bool = dataclasses.field(default=False, compare=False)

    @property
    def text(self) -> str:
        return "".join(s.text for s in self.spans)

    @property
    def is_list_item(self) -> bool:
        return self.list_kind is not None

    def links(self) -> list[tuple[int, int, Span]]:
        """(start, end, span) for each linked span, offsets in ``self.text``."""
        out, pos = [], 0
        for s in self.spans:
            if s.link is not None:
                out.append((pos, pos + len(s.text), s))
            pos += len(s.text)
        return out


@dataclass
class Document:
    """A letter: its language, direction and blocks, plus document properties."""

    language: str
    blocks: list[Block] = field(default_factory=list)
    title: str = ""
    subject: str = ""
    source: str = ""  # file path or draft name, for messages
    letter_type: str | None = None
    writing_direction: str | None = None  # the language table's, set by whoever builds it

    @property
    def direction(self) -> str:
        return self.writing_direction or direction_of(self.language)

    @property
    def text(self) -> str:
        """The letter's plain text, one block per line."""
        return "\n".join(b.text for b in self.blocks)

    def blocks_of(self, kind: BlockKind) -> list[tuple[int, Block]]:
        return [(i, b) for i, b in enumerate(self.blocks) if b.kind == kind]

    def first(self, kind: BlockKind) -> Block | None:
        found = self.blocks_of(kind)
        return found[0][1] if found else None

    def with_blocks(self, blocks: list[Block]) -> "Document":
        return replace(self, blocks=blocks)
