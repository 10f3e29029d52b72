"""The draft: a letter's facts entered once and its prose per language, saved as versioned JSON.

    {"format": "circular-studio-draft", "version": 1, "letter_type": "invitation",
     "fields": {"letter_date": "2024-10-31", "reference": "DM-24/1009", ...},   # shared facts
     "languages": {"fr": {"subject": "...", "body": "...markdown..."}, "ar": {...}},
     "disabled_checks": ["SPELL"]}

Shared facts (dates, reference, e-mail, signatory…) are typed once; translatable fields (subject,
body, addressees, event name…) are held per language. Loading never raises anything but
``DraftError`` with a message naming the file and the field or JSON line. Saving is atomic.
"""
from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import DraftError
from ..files import atomic_write_bytes, read_utf8

FORMAT = "circular-studio-draft"
VERSION = 1

# Characters XML 1.0 cannot hold (C0 controls other than tab/newline/CR, lone surrogates,
# U+FFFE/U+FFFF). They arrive by pasting from PDFs and terminals; python-docx would crash on them.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def clean_text(text: str) -> tuple[str, int]:
    """Text without XML-illegal characters, and how many were changed. Word's manual line break
    (U+000B) and page break (U+000C), which come along when text is pasted from Word, become
    line breaks; the rest are dropped."""
    text, breaks = re.subn("[\x0b\x0c]", "\n", text)
    cleaned, n = _XML_ILLEGAL.subn("", text)
    return cleaned.replace("\r\n", "\n").replace("\r", "\n"), n + breaks


def clean_value(value, removed: list[str], where: str):
    """``value`` (text, or lists and objects of text) through clean_text; what changed is
    appended to ``removed``."""
    if isinstance(value, str):
        cleaned, n = clean_text(value)
        if n:
            removed.append(f"{where}: replaced or removed {n} control character(s)")
        return cleaned
    if isinstance(value, list):
        return [clean_value(v, removed, f"{where}[{i}]") for i, v in enumerate(value)]
    if isinstance(value, dict):
        return {k: clean_value(v, removed, f"{where}.{k}") for k, v in value.items()}
    return value


@dataclass
class Draft:
    letter_type: str
    fields: dict = field(default_factory=dict)
    languages: dict[str, dict] = field(default_factory=dict)
    disabled_checks: list[str] = field(default_factory=list)
    path: Path | None = None
    notices: list[str] = field(default_factory=list)  # what loading repaired (control chars…)
    # a series letter, one per addressee: {"addressees": "member-states" or a .csv/.xlsx path
    # (relative to the draft), "preview": the addressee id a single render uses}
    series: dict | None = None

    def context(self, language: str) -> dict:
        """The fields a template of ``language`` sees: shared facts, then that language's prose."""
        if language not in self.languages:
            raise DraftError(f"{self.name}: the draft has no '{language}' version "
                             f"(it has {', '.join(sorted(self.languages)) or 'none'})")
        ctx = dict(self.fields)
        ctx.update(self.languages[language])
        return ctx

    def value(self, name: str, language: str | None = None):
        """A field's value: the language's own if translatable, else the shared fact."""
        if language and name in self.languages.get(language, {}):
            return self.languages[language][name]
        return self.fields.get(name)

    @property
    def name(self) -> str:
        return str(self.path) if self.path else "untitled draft"

    def to_json(self) -> dict:
        data = {"format": FORMAT, "version": VERSION, "letter_type": self.letter_type,
                "fields": self.fields, "languages": self.languages,
                "disabled_checks": self.disabled_checks}
        if self.series:
            data["series"] = self.series
        return data

    def dumps(self) -> str:
        return json.dumps(self.to_json(), ensure_ascii=False, indent=2) + "\n"

    def copy(self) -> "Draft":
        return from_json(json.loads(self.dumps()), self.path)


def from_json(data, path: Path | None = None) -> Draft:
    """A draft from parsed JSON, checking the envelope; raises DraftError naming the field."""
    where = str(path) if path else "draft"
    if not isinstance(data, dict):
        raise DraftError(f"{where}: a draft is a JSON object, found {type(data).__name__}")
    if data.get("format") not in (FORMAT, None):
        raise DraftError(f"{where}: field 'format' is {data.get('format')!r}, expected {FORMAT!r}")
    version = data.get("version", VERSION)
    if not isinstance(version, int) or version > VERSION:
        raise DraftError(f"{where}: field 'version' is {version!r}; this Circular Studio reads "
                         f"versions up to {VERSION} (saved by a newer version?)")
    letter_type = data.get("letter_type")
    if not isinstance(letter_type, str) or not letter_type:
        raise DraftError(f"{where}: field 'letter_type' is missing or not a string")
    fields = data.get("fields", {})
    if not isinstance(fields, dict):
        raise DraftError(f"{where}: field 'fields' must be an object")
    languages = data.get("languages", {})
    if not isinstance(languages, dict) or not all(isinstance(v, dict) for v in languages.values()):
        raise DraftError(f"{where}: field 'languages' must map a language code to an object of fields")
    if not languages:
        raise DraftError(f"{where}: field 'languages' is empty: a draft needs at least one language")
    disabled = data.get("disabled_checks", [])
    if not isinstance(disabled, list) or not all(isinstance(c, str) for c in disabled):
        raise DraftError(f"{where}: field 'disabled_checks' must be a list of check codes")
    series = data.get("series")
    if series is not None and not (isinstance(series, dict) and isinstance(series.get("addressees"), str)
                                   and isinstance(series.get("preview", ""), str)):
        raise DraftError(f"{where}: field 'series' must be an object with 'addressees' "
                         "(\"member-states\" or a .csv/.xlsx file) and optionally 'preview' (an addressee id)")
    notices: list[str] = []
    fields = clean_value(fields, notices, "fields")
    languages = clean_value(languages, notices, "languages")
    return Draft(letter_type, fields, languages, list(disabled), path, notices, series or None)


def load(path: str | os.PathLike) -> Draft:
    """Read a draft file. Every failure is a DraftError naming the file and the line or field."""
    path = Path(path)
    text = read_utf8(path, DraftError, "the draft")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise DraftError(f"{path}: broken JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}") from None
    return from_json(data, path)


def save(draft: Draft, path: str | os.PathLike) -> Path:
    """Write atomically: a temporary file in the same folder, flushed, then renamed over the
    target. A failed save leaves any existing file as it was."""
    path = Path(path)
    try:
        atomic_write_bytes(path, draft.dumps().encode("utf-8"))
    except OSError as exc:
        raise DraftError(f"{path}: cannot save the draft ({exc.strerror or exc}); "
                         "the previous file, if any, is unchanged") from None
    draft.path = path
    return path
