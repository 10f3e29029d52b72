"""Reading a UTF-8 text file the user chose, with one-line reasons when it cannot be read."""
from __future__ import annotations

from pathlib import Path

from .errors import StudioError


def read_utf8(path: Path, error: type[StudioError], what: str = "the file") -> str:
    """The file's text (a BOM is skipped). Unreadable, non-UTF-8 or binary files raise ``error``
    with the path and the reason."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise error(f"{path}: cannot read {what} ({exc.strerror or exc})") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise error(f"{path}: not UTF-8 text (invalid byte at offset {exc.start})") from None
    if "\x00" in text:
        raise error(f"{path}: not a text file (contains NUL bytes)")
    return text
