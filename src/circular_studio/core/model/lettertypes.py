"""Letter types as data: ``templates/<type>/schema.json`` plus one ``<lang>.md.j2`` per language.

A type's schema lists its fields; ``"extends": "_base"`` merges the fields every letter shares
(``templates/_base/schema.json``), so a new type only declares what is its own. Adding a type or a
language is adding files: this module discovers them, it knows no type by name.
"""
from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .draft import Draft
from ..errors import DraftError, TemplateError
from ..resources import templates_dir

KINDS = frozenset({"text", "prose", "date", "email", "phone", "reference", "signatory", "list",
                   "choice", "bool"})
TEMPLATE_SUFFIX = ".md.j2"

_EMAIL = re.compile(r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_PHONE = re.compile(r"^\+?[0-9][0-9 ().-]{5,}[0-9]$")


@dataclass(frozen=True)
class FieldSpec:
    """One field of a letter type's form."""

    name: str
    kind: str
    required: bool = False
    translatable: bool = False
    labels: dict = field(default_factory=dict, hash=False, compare=False)
    helps: dict = field(default_factory=dict, hash=False, compare=False)
    options: tuple = ()  # for "choice": the allowed values
    default: object = None

    def label(self, lang: str) -> str:
        return self.labels.get(lang) or self.labels.get("en") or self.name

    def help(self, lang: str) -> str:
        return self.helps.get(lang) or self.helps.get("en") or ""

    def empty(self):
        """The value an absent optional field takes in templates."""
        return [] if self.kind == "list" else (False if self.kind == "bool" else "")

    def validate(self, value, lang: str = "en") -> str | None:
        """Why ``value`` is not acceptable for this field (in ``lang``: en, fr or ar), or None.
        Empty values are judged by ``required`` elsewhere."""
        if value in (None, "", []):
            return None
        problem = self._problem(value)
        if problem is None:
            return None
        key, args = problem
        table = _INVALID[key]
        return (table.get(lang) or table["en"]).format(**args)

    def _problem(self, value) -> tuple[str, dict] | None:
        shown = {"value": value if isinstance(value, str) else repr(value)}
        if self.kind == "date":
            if not isinstance(value, str) or not _ISO_DATE.match(value):
                return "date", shown  # fromisoformat would also take 20241031 or 2024-W44-4
            try:
                dt.date.fromisoformat(value)
            except ValueError:
                return "date", shown
        elif self.kind == "email" and not (isinstance(value, str) and _EMAIL.match(value)):
            return "email", shown
        elif self.kind == "phone" and not (isinstance(value, str) and _PHONE.match(value)):
            return "phone", shown
        elif self.kind == "list" and not (isinstance(value, list) and all(isinstance(v, str) for v in value)):
            return "list", shown
        elif self.kind == "bool" and not isinstance(value, bool):
            return "bool", shown
        elif self.kind in ("text", "prose", "reference", "signatory", "email", "phone") and not isinstance(value, str):
            return "text", shown
        elif self.kind == "choice" and self.options and value not in self.options:
            return "choice", {**shown, "options": ", ".join(map(str, self.options))}
        return None


# Why a value does not fit its field, in the interface languages.
_INVALID = {
    "date": {"en": "\"{value}\" is not a date (YYYY-MM-DD)",
             "fr": "« {value} » n'est pas une date (AAAA-MM-JJ)",
             "ar": "\"{value}\" ليس تاريخاً (YYYY-MM-DD)"},
    "email": {"en": "\"{value}\" is not an e-mail address",
              "fr": "« {value} » n'est pas une adresse électronique",
              "ar": "\"{value}\" ليس عنوان بريد إلكتروني"},
    "phone": {"en": "\"{value}\" is not a telephone number (+41 22 730 5614)",
              "fr": "« {value} » n'est pas un numéro de téléphone (+41 22 730 5614)",
              "ar": "\"{value}\" ليس رقم هاتف (+41 22 730 5614)"},
    "list": {"en": "a list of lines is expected", "fr": "une liste de lignes est attendue",
             "ar": "المطلوب قائمة من الأسطر"},
    "bool": {"en": "true or false is expected", "fr": "vrai ou faux est attendu",
             "ar": "المطلوب نعم أو لا"},
    "text": {"en": "text is expected", "fr": "du texte est attendu", "ar": "المطلوب نص"},
    "choice": {"en": "\"{value}\" is not one of {options}",
               "fr": "« {value} » ne fait pas partie de: {options}",
               "ar": "\"{value}\" ليس من الخيارات: {options}"},
}


@dataclass(frozen=True)
class LetterType:
    id: str
    folder: Path
    titles: dict
    fields: tuple[FieldSpec, ...]
    languages: tuple[str, ...]

    def title(self, lang: str) -> str:
        return self.titles.get(lang) or self.titles.get("en") or self.id

    def template_name(self, language: str) -> str:
        if language not in self.languages:
            raise TemplateError(f"letter type '{self.id}' has no '{language}' template "
                                f"(it has {', '.join(self.languages)})")
        return f"{self.id}/{language}{TEMPLATE_SUFFIX}"

    def field(self, name: str) -> FieldSpec | None:
        for f in self.fields:
            if f.name == name:
                return f
        return None

    @property
    def shared_fields(self) -> list[FieldSpec]:
        return [f for f in self.fields if not f.translatable]

    @property
    def translatable_fields(self) -> list[FieldSpec]:
        return [f for f in self.fields if f.translatable]

    def new_draft(self, languages, today: dt.date | None = None) -> Draft:
        """An empty draft of this type in ``languages``, defaults filled in."""
        unknown = [lang for lang in languages if lang not in self.languages]
        if unknown:
            raise TemplateError(f"letter type '{self.id}' has no template for {', '.join(unknown)}")
        shared = {}
        for f in self.shared_fields:
            value = f.default if f.default is not None else f.empty()
            if f.kind == "date" and f.name == "letter_date":
                value = (today or dt.date.today()).isoformat()
            shared[f.name] = value
        per_lang = {lang: {f.name: (f.default if f.default is not None else f.empty())
                           for f in self.translatable_fields} for lang in languages}
        return Draft(self.id, shared, per_lang)

    def problems(self, draft: Draft, language: str) -> list[tuple[str, str]]:
        """(field, message) for each missing required field or invalid value."""
        out = []
        for f in self.fields:
            value = draft.value(f.name, language if f.translatable else None)
            if f.required and value in (None, "", []):
                out.append((f.name, f"required field '{f.name}' ({f.label('en')}) is empty"))
                continue
            why = f.validate(value)
            if why:
                out.append((f.name, f"field '{f.name}': {why}"))
        return out

    def context(self, draft: Draft, language: str) -> dict:
        """What the template sees: every field of the schema, absent optional ones empty."""
        ctx = draft.context(language)
        for f in self.fields:
            if ctx.get(f.name) is None:
                ctx[f.name] = f.empty()
        return ctx


def _read_json(path: Path) -> dict:
    try:
        with open(path, encoding="utf-8") as fh:
            data = json.load(fh)
    except json.JSONDecodeError as exc:
        raise TemplateError(f"{path}: broken JSON at line {exc.lineno}: {exc.msg}") from None
    except OSError as exc:
        raise TemplateError(f"{path}: cannot read ({exc.strerror})") from None
    if not isinstance(data, dict):
        raise TemplateError(f"{path}: a schema is a JSON object")
    return data


def _field_specs(rows, path: Path) -> list[FieldSpec]:
    out = []
    for i, row in enumerate(rows):
        if not isinstance(row, dict) or "name" not in row or row.get("kind") not in KINDS:
            raise TemplateError(f"{path}: field #{i + 1} needs a 'name' and a 'kind' among "
                                f"{', '.join(sorted(KINDS))}")
        out.append(FieldSpec(row["name"], row["kind"], bool(row.get("required", False)),
                             bool(row.get("translatable", row["kind"] in ("prose",))),
                             dict(row.get("label", {})), dict(row.get("help", {})),
                             tuple(row.get("options", ())), row.get("default")))
    return out


def load_type(folder: Path) -> LetterType:
    schema_path = folder / "schema.json"
    schema = _read_json(schema_path)
    fields: dict[str, FieldSpec] = {}
    parent = schema.get("extends")
    if parent:
        for f in _field_specs(_read_json(folder.parent / parent / "schema.json").get("fields", []),
                              folder.parent / parent / "schema.json"):
            fields[f.name] = f
    overrides = schema.get("override", {})
    for name, changes in overrides.items():
        if name in fields:
            fields[name] = FieldSpec(**{**fields[name].__dict__, **changes})
    for f in _field_specs(schema.get("fields", []), schema_path):
        fields[f.name] = f
    languages = tuple(sorted(p.name[: -len(TEMPLATE_SUFFIX)] for p in folder.glob(f"*{TEMPLATE_SUFFIX}")))
    return LetterType(folder.name, folder, dict(schema.get("title", {})), tuple(fields.values()), languages)


@lru_cache(maxsize=4)
def _scan(root: Path) -> tuple[dict[str, LetterType], dict[str, TemplateError]]:
    """Every type folder under ``root``: the healthy ones, and the error of each broken one.
    One broken schema must not take the other letter types down with it."""
    types, broken = {}, {}
    for folder in sorted(root.iterdir()):
        if folder.is_dir() and not folder.name.startswith(("_", ".")) and (folder / "schema.json").exists():
            try:
                types[folder.name] = load_type(folder)
            except TemplateError as exc:
                broken[folder.name] = exc
    return types, broken


def letter_types() -> dict[str, LetterType]:
    """Every healthy letter type found under templates/, by id."""
    return _scan(templates_dir())[0]


def broken_letter_types() -> dict[str, TemplateError]:
    """Type folders that could not be loaded, with the reason (shown by the editor and the CLI)."""
    return _scan(templates_dir())[1]


def letter_type(type_id: str) -> LetterType:
    types, broken = _scan(templates_dir())
    if type_id in broken:
        raise broken[type_id]
    if type_id not in types:
        raise DraftError(f"unknown letter type '{type_id}' (known: {', '.join(types) or 'none'})")
    return types[type_id]
