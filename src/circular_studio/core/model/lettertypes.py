"""Letter types as data: ``templates/<type>/schema.json`` (the facts) and ``clauses.toml`` (the
standard paragraphs, one text per language; see clauses.py), laid out by ``_base/<lang>.md.j2``
(or the type's own ``<lang>.md.j2``).

A type's schema lists its facts; ``"extends": "_base"`` merges the facts every letter shares
(``templates/_base/schema.json``), so a new type only declares what is its own. Loading a type
checks it whole: every clause has a text in every language, every text compiles in the sandbox
and uses only declared facts, and every declared fact is used somewhere. Adding a type or a
language is adding files: this module discovers them, it knows no type by name.
"""
from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import jinja2
from jinja2 import meta
from jinja2.sandbox import ImmutableSandboxedEnvironment

from .clauses import CLAUSES_FILE, Clause, ClauseFile, default_variant, read_clause_file
from .draft import ALL_CLAUSES, Draft
from ..errors import DraftError, TemplateError
from ..resources import templates_dir

KINDS = frozenset({"text", "prose", "date", "email", "phone", "reference", "signatory", "list",
                   "choice", "bool", "url"})
#: names a template or clause may use besides its schema's facts (set by the pipeline)
PROVIDED = frozenset({"language", "words", "signatory_name", "signatory_title", "signatory_long_title",
                      "signatory_gender", "signatory_office", "body", "_lenient", "addressee"})
TEMPLATE_SUFFIX = ".md.j2"
COMMON_LAYOUT = "letter" + TEMPLATE_SUFFIX  # _base/letter.md.j2: the layout of most languages

_EMAIL = re.compile(r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_PHONE = re.compile(r"^\+?[0-9][0-9 ().-]{5,}[0-9]$")
_URL = re.compile(r"^(https?://|www\.)[^\s<>\"]+\.[^\s<>\"]+$")


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
        elif self.kind == "url" and not (isinstance(value, str) and _URL.match(value.strip())):
            return "url", shown
        elif self.kind == "list" and not (isinstance(value, list) and all(isinstance(v, str) for v in value)):
            return "list", shown
        elif self.kind == "bool" and not isinstance(value, bool):
            return "bool", shown
        elif self.kind in ("text", "prose", "reference", "signatory", "email", "phone", "url") and not isinstance(value, str):
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
    "url": {"en": "\"{value}\" is not a web address (https://www.itu.int/…)",
            "fr": "« {value} » n'est pas une adresse web (https://www.itu.int/…)",
            "ar": "\"{value}\" ليس عنواناً على الويب (https://www.itu.int/…)"},
    "list": {"en": "a list of lines is expected", "fr": "une liste de lignes est attendue",
             "ar": "المطلوب قائمة من الأسطر"},
    "bool": {"en": "true or false is expected", "fr": "vrai ou faux est attendu",
             "ar": "المطلوب نعم أو لا"},
    "text": {"en": "text is expected", "fr": "du texte est attendu", "ar": "المطلوب نص"},
    "choice": {"en": "\"{value}\" is not one of {options}",
               "fr": "« {value} » ne fait pas partie de: {options}",
               "ar": "\"{value}\" ليس من الخيارات: {options}"},
}


#: what the preview shows for a free paragraph not yet written in a language
@dataclass(frozen=True)
class LetterType:
    id: str
    folder: Path
    titles: dict
    fields: tuple[FieldSpec, ...]
    languages: tuple[str, ...]
    clause_file: ClauseFile | None = None
    layouts: dict = field(default_factory=dict, hash=False, compare=False)  # language -> template name
    # (clause id or "@subject", language) -> the facts its text reads
    _reads: dict = field(default_factory=dict, hash=False, compare=False, repr=False)

    def title(self, lang: str) -> str:
        return self.titles.get(lang) or self.titles.get("en") or self.id

    def template_name(self, language: str) -> str:
        if language not in self.languages:
            raise TemplateError(f"letter type '{self.id}' has no '{language}' template "
                                f"(it has {', '.join(self.languages)})")
        return self.layouts.get(language) or f"_base/{language}{TEMPLATE_SUFFIX}"

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

    # ------------------------------------------------------------------ clauses
    @property
    def clauses(self) -> tuple[Clause, ...]:
        return self.clause_file.clauses if self.clause_file else ()

    def clause(self, clause_id: str) -> Clause | None:
        return self.clause_file.clause(clause_id) if self.clause_file else None

    def choices(self) -> dict[str, list[Clause]]:
        return self.clause_file.choices() if self.clause_file else {}

    @property
    def has_subject(self) -> bool:
        """The type writes the subject line itself when the drafter types none."""
        return bool(self.clause_file and self.clause_file.subject)

    def is_on(self, draft: Draft, clause: Clause) -> bool:
        """Whether ``clause`` is in the draft's letter: the draft's choice, else the type's default."""
        everything = draft.clauses.get(ALL_CLAUSES, True)
        if clause.choice:
            chosen = draft.clauses.get(clause.choice)
            if chosen is False:  # none of the variants
                return False
            if chosen is None or self.clause(chosen) is None:
                if not everything:
                    return False
                chosen = default_variant(self.choices()[clause.choice]).id
            return chosen == clause.id
        on = draft.clauses.get(clause.id)
        if isinstance(on, bool):
            return on
        if not everything:
            return False
        return clause.default if clause.optional else True

    def included(self, draft: Draft) -> list[Clause]:
        return [c for c in self.clauses if self.is_on(draft, c)]

    def clause_facts(self, clause_id: str, language: str) -> list[str]:
        """The facts a clause's text reads in ``language`` (for an override's snapshot)."""
        return sorted(self._reads.get((clause_id, language), ()))

    def source(self, clause_id: str, language: str) -> str | None:
        """The Jinja text of a clause (or of the subject, ``SUBJECT``) in ``language``."""
        if self.clause_file is None:
            return None
        if clause_id == SUBJECT:
            return self.clause_file.subject.get(language)
        c = self.clause(clause_id)
        return c.texts.get(language) if c else None

    def where(self, clause_id: str, language: str) -> str:
        """'<file>, line N: clause 'x' [fr]' for messages about a clause's text."""
        path = self.clause_file.path if self.clause_file else self.folder
        what = "subject" if clause_id == SUBJECT else f"clause '{clause_id}'"
        return f"{path}, line {self.first_line(clause_id, language)}: {what} [{language}]"

    def first_line(self, clause_id: str, language: str) -> int:
        if self.clause_file is None:
            return 0
        if clause_id == SUBJECT:
            return self.clause_file.subject_lines.get(language, 0)
        c = self.clause(clause_id)
        return c.lines.get(language, 0) if c else 0

    # ------------------------------------------------------------------ facts
    def required_facts(self, draft: Draft) -> set[str]:
        """Facts the letter cannot go without: required in the schema, or needed by a clause in
        the letter (a fellowship paragraph needs its deadline)."""
        out = {f.name for f in self.fields if f.required}
        for c in self.included(draft):
            out |= set(c.needs)
        if self.has_subject:
            out.discard("subject")
        return out

    def new_draft(self, languages, today: dt.date | None = None) -> Draft:
        """A new draft of this type in ``languages``: defaults filled in, the type's standard
        addressees, every clause at its default."""
        unknown = [lang for lang in languages if lang not in self.languages]
        if unknown:
            raise TemplateError(f"letter type '{self.id}' has no template for {', '.join(unknown)} "
                                f"(it has {', '.join(self.languages)})")
        shared = {}
        for f in self.shared_fields:
            value = f.default if f.default is not None else f.empty()
            if f.kind == "date" and f.name == "letter_date":
                value = (today or dt.date.today()).isoformat()
            shared[f.name] = value
        per_lang = {}
        for lang in languages:
            values = {f.name: (f.default if f.default is not None else f.empty()) for f in self.translatable_fields}
            if self.clause_file and lang in self.clause_file.addressees and "addressees" in values:
                values["addressees"] = list(self.clause_file.addressees[lang])
            per_lang[lang] = values
        return Draft(self.id, shared, per_lang)

    def problems(self, draft: Draft, language: str) -> list[tuple[str, str]]:
        """(field, message) for each missing required field or invalid value."""
        out = []
        required = self.required_facts(draft)
        for f in self.fields:
            value = draft.value(f.name, language if f.translatable else None)
            if f.name in required and value in (None, "", []):
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

    # ------------------------------------------------------------------ drafts from elsewhere
    def adopt(self, draft: Draft) -> list[str]:
        """Fit a draft to this type as it is now: a hand-written text of a clause the type no
        longer has becomes a free paragraph (nothing typed is lost; CLAUSE002 says so), and free
        paragraphs placed after such a clause move to the end. Returns what was changed."""
        notices: list[str] = []
        if not self.clause_file:
            return notices
        ids = {c.id for c in self.clauses}
        last = self.clauses[-1].id
        moved: dict[str, dict] = {}
        for lang, overrides in draft.overrides.items():
            for cid in [c for c in overrides if c not in ids]:
                text = (overrides.pop(cid) or {}).get("text", "")
                block = moved.get(cid)
                if block is None:
                    block = {"id": draft.new_free_id(), "after": last, "text": {}, "from_clause": cid}
                    moved[cid] = block
                    draft.free.append(block)
                block["text"][lang] = text
        for cid in moved:
            notices.append(f"the letter type '{self.id}' no longer has the clause '{cid}': its text "
                           "is kept as a free paragraph at the end of the letter")
        for block in draft.free:
            if block.get("after") and block["after"] not in ids:
                notices.append(f"a free paragraph was placed after the clause '{block['after']}', which "
                               f"the letter type '{self.id}' no longer has: it is now at the end")
                block["after"] = last
        for key in [k for k in draft.clauses if k != ALL_CLAUSES and k not in ids and k not in self.choices()]:
            draft.clauses.pop(key)
        return notices


SUBJECT = "@subject"


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
    if not isinstance(rows, list):
        raise TemplateError(f"{path}: 'fields' is a list of fields")
    for i, row in enumerate(rows):
        if not isinstance(row, dict) or "name" not in row or row.get("kind") not in KINDS:
            raise TemplateError(f"{path}: field #{i + 1} needs a 'name' and a 'kind' among "
                                f"{', '.join(sorted(KINDS))}")
        out.append(FieldSpec(row["name"], row["kind"], bool(row.get("required", False)),
                             bool(row.get("translatable", row["kind"] in ("prose",))),
                             dict(row.get("label", {})), dict(row.get("help", {})),
                             tuple(row.get("options", ())), row.get("default")))
    return out


def _layouts(folder: Path, languages) -> dict[str, str]:
    """language -> layout template: the type's own ``<lang>.md.j2``, else ``_base/<lang>.md.j2``
    (a language with a layout of its own: Arabic, Chinese), else the common layout
    ``_base/letter.md.j2``, which writes every language's words from the language table."""
    out = {}
    for lang in languages:
        if (folder / f"{lang}{TEMPLATE_SUFFIX}").exists():
            out[lang] = f"{folder.name}/{lang}{TEMPLATE_SUFFIX}"
        elif (folder.parent / "_base" / f"{lang}{TEMPLATE_SUFFIX}").exists():
            out[lang] = f"_base/{lang}{TEMPLATE_SUFFIX}"
        elif (folder.parent / "_base" / COMMON_LAYOUT).exists():
            out[lang] = f"_base/{COMMON_LAYOUT}"
    return out


class _AnyFilter(dict):
    """Every filter name passes here: filters belong to compose, which renders the texts (and
    `circular-studio templates` compiles them all with the real filters)."""

    def __contains__(self, name) -> bool:
        return True

    def __missing__(self, name):
        return _any_filter

    def get(self, name, default=None):
        return self[name]


def _any_filter(value, *args, **kwargs):
    return value


def _parser(root: Path) -> jinja2.Environment:
    """Parses clause texts and layouts to check them at load (syntax, facts read); compose
    renders them in its own sandbox, with the filters. Same syntax options as compose."""
    env = ImmutableSandboxedEnvironment(loader=jinja2.FileSystemLoader(str(root)), trim_blocks=True,
                                        lstrip_blocks=True, keep_trailing_newline=True)
    env.filters = _AnyFilter(env.filters)
    env.tests = _AnyFilter(env.tests)
    return env


def _layout_names(env: jinja2.Environment, name: str) -> set[str]:
    """Names a layout template (and what it extends or includes) reads from its context."""
    seen, todo, names = set(), [name], set()
    while todo:
        current = todo.pop()
        if current in seen:
            continue
        seen.add(current)
        try:
            source, filename, _ = env.loader.get_source(env, current)
            ast = env.parse(source, current, filename)
        except jinja2.TemplateNotFound as exc:
            raise TemplateError(f"template not found: {exc.name}") from None
        except jinja2.TemplateSyntaxError as exc:
            raise TemplateError(f"{exc.filename or current}, line {exc.lineno}: template syntax error: "
                                f"{exc.message}") from None
        names |= meta.find_undeclared_variables(ast)
        todo.extend(t for t in meta.find_referenced_templates(ast) if t)
    return names


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
        if name not in fields:
            raise TemplateError(f"{schema_path}: 'override' names '{name}', which '{parent}' does not declare")
        fields[name] = FieldSpec(**{**fields[name].__dict__, **changes})
    for f in _field_specs(schema.get("fields", []), schema_path):
        fields[f.name] = f
    clause_file = read_clause_file(folder / CLAUSES_FILE)
    if clause_file is not None:
        wanted = clause_file.languages
    else:  # a type without clauses: the languages it has a layout for
        wanted = tuple(sorted(p.name[: -len(TEMPLATE_SUFFIX)] for p in folder.glob(f"*{TEMPLATE_SUFFIX}")))
    layouts = _layouts(folder, wanted)
    missing = [lang for lang in wanted if lang not in layouts]
    if missing:
        raise TemplateError(f"{folder / CLAUSES_FILE}: texts in {', '.join(missing)}, but no layout for "
                            f"that language (templates/_base/{missing[0]}{TEMPLATE_SUFFIX})")
    names = set(fields)
    for spec in fields.values():
        if spec.kind == "choice" and spec.default not in (None, *spec.options):
            raise TemplateError(f"{schema_path}: field '{spec.name}': default {spec.default!r} is not "
                                f"one of its options")
    reads = {}
    env = _parser(folder.parent)
    if clause_file is not None:
        for c in clause_file.clauses:
            unknown = [n for n in c.needs if n not in names]
            if unknown:
                raise TemplateError(f"{clause_file.path}: clause '{c.id}' needs {', '.join(unknown)}, "
                                    f"which {schema_path} does not declare")
        sources = [(c.id, lang, text, c.lines.get(lang, 0)) for c in clause_file.clauses
                   for lang, text in c.texts.items()]
        sources += [(SUBJECT, lang, text, clause_file.subject_lines.get(lang, 0))
                    for lang, text in clause_file.subject.items()]
        for cid, lang, text, line in sources:
            what = "subject" if cid == SUBJECT else f"clause '{cid}'"
            try:
                ast = env.parse(text)
            except jinja2.TemplateSyntaxError as exc:
                raise TemplateError(f"{clause_file.path}, line {line + (exc.lineno or 1) - 1}: {what} "
                                    f"[{lang}]: template syntax error: {exc.message}") from None
            used = meta.find_undeclared_variables(ast)
            unknown = sorted(used - names - PROVIDED)
            if unknown:
                raise TemplateError(f"{clause_file.path}, line {line}: {what} [{lang}] uses "
                                    f"{', '.join(unknown)}, which {schema_path} does not declare")
            reads[(cid, lang)] = frozenset(used & names)
    used_anywhere = set().union(*reads.values()) if reads else set()
    for lang, name in layouts.items():
        in_layout = _layout_names(env, name)
        unknown = sorted(in_layout - names - PROVIDED)
        if unknown:
            raise TemplateError(f"{name}: uses field(s) not in the schema: {', '.join(unknown)}")
        used_anywhere |= in_layout
    if any(n.startswith("signatory_") for n in used_anywhere):
        used_anywhere |= {f.name for f in fields.values() if f.kind == "signatory"}
    unused = [n for n in fields if n not in used_anywhere]
    if unused:
        raise TemplateError(f"{schema_path}: the fact(s) {', '.join(unused)} are declared but no clause "
                            "or template of the type uses them; use them or remove them")
    return LetterType(folder.name, folder, dict(schema.get("title", {})), tuple(fields.values()),
                      tuple(layouts), clause_file, layouts, reads)


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
