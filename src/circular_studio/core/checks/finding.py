"""A finding: what a check reports. Locations are (block index, character span in block.text)."""
from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 0, "warning": 1, "info": 2}[self.value]


@dataclass(frozen=True)
class Finding:
    """One problem found in a letter.

    ``paragraph`` is the index in ``Document.blocks``; ``start``/``end`` a character span in that
    block's ``text``; ``excerpt`` the offending text itself; ``fix`` the replacement text for the
    span (None when there is no automatic fix); ``field`` the draft field the block came from.
    """

    code: str
    severity: Severity
    message: str
    paragraph: int
    start: int
    end: int
    excerpt: str
    fix: str | None = None
    field: str | None = None
    language: str | None = None  # the language of the paragraph

    def to_json(self) -> dict:
        return {"code": self.code, "severity": self.severity.value, "message": self.message,
                "paragraph": self.paragraph, "start": self.start, "end": self.end,
                "excerpt": self.excerpt, "fix": self.fix}

    @property
    def sort_key(self):
        return (self.paragraph, self.start, self.severity.rank, self.code)


def apply_fixes(text: str, findings: list[Finding]) -> str:
    """``text`` (one block's text) with the fixes of non-overlapping findings applied."""
    out, pos = [], 0
    for f in sorted((f for f in findings if f.fix is not None), key=lambda f: (f.start, f.end)):
        if f.start < pos:
            continue
        out.append(text[pos:f.start])
        out.append(f.fix)
        pos = f.end
    out.append(text[pos:])
    return "".join(out)
