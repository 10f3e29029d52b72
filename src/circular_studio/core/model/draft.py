"""The draft: a letter's facts entered once, its clause choices, and what the drafter wrote by
hand, saved as versioned JSON (docs/drafts.md).

    {"format": "circular-studio-draft", "version": 2, "letter_type": "invitation",
     "fields": {"letter_date": "2024-10-31", "reference": "DM-24/1009", ...},   # shared facts
     "languages": {"fr": {"subject": "...", "event_name": "..."}, "ar": {...}}, # facts per language
     "clauses": {"gender": false, "audience": "invite_sector_members"},         # switches, variants
     "overrides": {"fr": {"announce": {"text": "...", "facts": {"venue": "Bakou"}}}},
     "free": [{"id": "p1", "after": "announce", "text": {"fr": "...", "ar": "..."}}],
     "disabled_checks": ["SPELL"]}

The body of the letter is the type's clauses (standard paragraphs) in the type's order; a clause
overridden in one language prints the drafter's text there (``facts`` holds the facts it read
when it was written, so a later change can be flagged); free paragraphs sit after the clause
named by ``after`` ("" = before the first). Text typed by the drafter is Markdown, never
template code. Version 1 drafts (one ``body`` per language) open converted: their body becomes
a free paragraph, template code in it rendered once, and the type's clauses start switched off.

Loading never raises anything but ``DraftError`` with a message naming the file and the field or
JSON line. Saving is atomic.
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
VERSION = 2
#: the key of ``clauses`` that, set to false, switches off every clause not switched on by name
#: (drafts converted from version 1, whose body was all typed by hand)
ALL_CLAUSES = "*"
#: marks a free paragraph converted from version 1 whose text still holds template code
TEMPLATE_CODE = "template_code"

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
    clauses: dict = field(default_factory=dict)  # clause id -> on/off; choice -> chosen clause id
    overrides: dict = field(default_factory=dict)  # language -> clause id -> {"text", "facts"}
    free: list = field(default_factory=list)  # [{"id", "after", "text": {language: markdown}}]

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

    def override(self, language: str, clause_id: str) -> dict | None:
        """The drafter's own text of a clause in ``language`` ({"text", "facts"}), or None."""
        found = self.overrides.get(language, {}).get(clause_id)
        return found if isinstance(found, dict) else None

    def free_block(self, block_id: str) -> dict | None:
        return next((b for b in self.free if b.get("id") == block_id), None)

    def new_free_id(self) -> str:
        taken = {b.get("id") for b in self.free}
        n = len(self.free) + 1
        while f"p{n}" in taken:
            n += 1
        return f"p{n}"

    def to_json(self) -> dict:
        data = {"format": FORMAT, "version": VERSION, "letter_type": self.letter_type,
                "fields": self.fields, "languages": self.languages, "clauses": self.clauses,
                "overrides": self.overrides, "free": self.free,
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
    if version < 2:
        clauses, overrides, free = _from_version_1(fields, languages, notices, where)
    else:
        clauses, overrides, free = _body_parts(data, where)
        overrides = clean_value(overrides, notices, "overrides")
        free = clean_value(free, notices, "free")
        for lang, values in languages.items():  # a body written in by hand: kept, never dropped
            body = values.pop("body", None)
            if isinstance(body, str) and body.strip():
                ids = {b["id"] for b in free}
                n = len(free) + 1
                while f"p{n}" in ids:
                    n += 1
                free.append({"id": f"p{n}", "after": "", "text": {lang: body}})
                notices.append(f"{where}: the '{lang}' body is kept as a free paragraph at the top of the letter")
    return Draft(letter_type, fields, languages, list(disabled), path, notices, series or None,
                 clauses, overrides, free)


def _body_parts(data: dict, where: str) -> tuple[dict, dict, list]:
    clauses = data.get("clauses", {})
    if not isinstance(clauses, dict) or not all(isinstance(v, (bool, str)) for v in clauses.values()):
        raise DraftError(f"{where}: field 'clauses' maps a clause to true/false, or a choice to a clause id")
    overrides = data.get("overrides", {})
    if not isinstance(overrides, dict) or not all(
            isinstance(v, dict) and all(isinstance(o, dict) and isinstance(o.get("text"), str)
                                        and isinstance(o.get("facts", {}), dict) for o in v.values())
            for v in overrides.values()):
        raise DraftError(f"{where}: field 'overrides' maps a language to clauses, each "
                         "{\"text\": \"...\", \"facts\": {...}}")
    free = data.get("free", [])
    if not isinstance(free, list) or not all(
            isinstance(b, dict) and isinstance(b.get("id"), str) and isinstance(b.get("after", ""), str)
            and isinstance(b.get("text", {}), dict) and all(isinstance(t, str) for t in b.get("text", {}).values())
            for b in free):
        raise DraftError(f"{where}: field 'free' is a list of paragraphs, each "
                         "{\"id\": \"p1\", \"after\": \"clause\", \"text\": {\"fr\": \"...\"}}")
    if len({b["id"] for b in free}) != len(free):
        raise DraftError(f"{where}: field 'free': two paragraphs have the same id")
    for b in free:
        b.setdefault("after", "")
        b.setdefault("text", {})
    return dict(clauses), dict(overrides), list(free)


def _from_version_1(fields: dict, languages: dict, notices: list[str], where: str):
    """A version-1 draft held its whole body per language as Markdown that could hold template
    code. The body becomes one free paragraph (its code rendered once with the draft's facts, so
    the drafter never sees it), and the type's clauses start switched off: the letter reads as
    it did. Returns (clauses, overrides, free)."""
    texts = {}
    for lang, values in languages.items():
        body = values.pop("body", "")
        if not isinstance(body, str):
            raise DraftError(f"{where}: field 'languages.{lang}.body' must be text")
        texts[lang] = body
    notices.append(f"{where}: converted from draft format 1: each language's body is kept as a free "
                   "paragraph and the letter type's standard paragraphs are switched off (switch them "
                   "on in the form); save to keep the new format")
    if not any(t.strip() for t in texts.values()):
        return {ALL_CLAUSES: False}, {}, []
    block = {"id": "p1", "after": "", "text": texts}
    if any("{{" in t or "{%" in t for t in texts.values()):
        # template code typed in the old body: rendered once with the draft's facts, the first
        # time the letter is composed (compose.pipeline.prepare), so the drafter never sees it
        block[TEMPLATE_CODE] = True
    return {ALL_CLAUSES: False}, {}, [block]


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
