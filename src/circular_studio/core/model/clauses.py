"""Clauses: a letter type's standard paragraphs, one text per language, read from
``templates/<type>/clauses.toml``.

    [subject]                      # the subject line when the drafter types none
    fr = "Invitation à la {{ event_name }}"
    [addressees]                   # the addressees a new letter starts with
    fr = ["Aux États Membres de l'UIT"]

    [[clause]]                     # one table per paragraph, in letter order
    id = "gender"
    optional = true                # a checkbox in the form (on in a new letter unless default = false)
    label = {en = "Gender and youth", fr = "Égalité hommes-femmes et jeunes", ar = "..."}
    fr = \"\"\"Conformément à la politique de l'UIT ...\"\"\"
    ar = \"\"\"...\"\"\"

    [[clause]]
    id = "invite_member_states"
    choice = "audience"            # clauses sharing a choice are variants: one of them is used
    default = true                 # the variant a new letter starts with
    needs = ["deadline"]           # facts required while the clause is in the letter

A clause without ``optional`` or ``choice`` is required. Texts are Jinja (the sandbox, the
facts of the schema, the date filters) writing Markdown. Every clause must have a text in every
language the type is written in (the languages found in the file); a missing language, a fact
the schema does not declare or a Jinja syntax error refuses the whole type, with the file, the
line, the clause and the language named. Adding a language is adding its text to each clause.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

try:
    import tomllib
except ImportError:  # pragma: no cover - Python 3.10
    import tomli as tomllib  # type: ignore[no-redef]

from ..errors import TemplateError

CLAUSES_FILE = "clauses.toml"
_ID = re.compile(r"^[a-z][a-z0-9_]*$")
_LANG = re.compile(r"^[a-z]{2,3}(?:-[A-Za-z0-9]+)?$")
_TABLE = re.compile(r"^\s*\[\[\s*clause\s*\]\]\s*(#.*)?$")
_SECTION = re.compile(r"^\s*\[\s*([A-Za-z_.]+)\s*\]\s*(#.*)?$")
_KEY = re.compile(r'^\s*([A-Za-z][A-Za-z0-9_-]*)\s*=\s*("""|\'\'\'|"|\')?(.*)$')
#: keys of a [[clause]] table that are not a language's text
META_KEYS = frozenset({"id", "label", "optional", "choice", "default", "help", "needs"})


@dataclass(frozen=True)
class Clause:
    """One standard paragraph: its texts per language (Jinja sources) and how it is chosen."""

    id: str
    labels: dict = field(hash=False, compare=False)
    texts: dict = field(hash=False, compare=False)  # language -> Jinja source
    lines: dict = field(hash=False, compare=False)  # language -> line of the file where the text starts
    optional: bool = False
    choice: str | None = None
    default: bool = True
    helps: dict = field(default_factory=dict, hash=False, compare=False)
    needs: tuple[str, ...] = ()  # facts the letter needs while this clause is in it

    @property
    def required(self) -> bool:
        return not self.optional and self.choice is None

    def label(self, lang: str) -> str:
        return self.labels.get(lang) or self.labels.get("en") or self.id

    def help(self, lang: str) -> str:
        return self.helps.get(lang) or self.helps.get("en") or ""


@dataclass(frozen=True)
class ClauseFile:
    """What ``clauses.toml`` holds: the clauses in letter order, the subject line and the
    default addressees per language, and where each text starts in the file."""

    path: Path
    clauses: tuple[Clause, ...]
    subject: dict  # language -> Jinja source
    subject_lines: dict
    addressees: dict  # language -> list of lines
    languages: tuple[str, ...]

    def clause(self, clause_id: str) -> Clause | None:
        return next((c for c in self.clauses if c.id == clause_id), None)

    def choices(self) -> dict[str, list[Clause]]:
        """Choice name -> its variants, in letter order."""
        out: dict[str, list[Clause]] = {}
        for c in self.clauses:
            if c.choice:
                out.setdefault(c.choice, []).append(c)
        return out


def _text_lines(raw: str) -> tuple[dict[tuple[int, str], int], dict[tuple[str, str], int]]:
    """Where each text starts: {(clause index, language): line} and {(section, language): line}.
    tomllib gives no positions, and a text's Jinja error must name the file's line."""
    in_clause, section = -1, None
    clause_lines: dict[tuple[int, str], int] = {}
    section_lines: dict[tuple[str, str], int] = {}
    closing = None  # the delimiter of the multi-line string being skipped
    for number, line in enumerate(raw.splitlines(), 1):
        if closing:
            if closing in line:
                closing = None
            continue
        if _TABLE.match(line):
            in_clause, section = in_clause + 1, None
            continue
        m = _SECTION.match(line)
        if m:
            section = m.group(1)
            continue
        m = _KEY.match(line)
        if not m or not m.group(2):
            continue
        key, quote, rest = m.group(1), m.group(2), m.group(3)
        if len(quote) == 3 and quote not in rest:
            closing = quote
        start = number + 1 if len(quote) == 3 and not rest.strip() else number
        if section is not None:
            section_lines.setdefault((section, key), start)
        elif in_clause >= 0:
            clause_lines.setdefault((in_clause, key), start)
    return clause_lines, section_lines


def _labels(value, where: str) -> dict:
    if value is None:
        return {}
    if isinstance(value, str):
        return {"en": value}
    if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
        raise TemplateError(f"{where}: 'label' is a text or a table of texts per language")
    return dict(value)


def read_clause_file(path: Path) -> ClauseFile | None:
    """The clause file of a type folder, checked for shape and alignment across languages (not
    yet for Jinja: see lettertypes). None when the folder has no clauses.toml."""
    if not path.exists():
        return None
    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise TemplateError(f"{path}: cannot read ({exc})") from None
    try:
        data = tomllib.loads(raw)
    except tomllib.TOMLDecodeError as exc:
        raise TemplateError(f"{path}: broken TOML: {exc}") from None
    clause_lines, section_lines = _text_lines(raw)
    rows = data.get("clause", [])
    if not isinstance(rows, list) or not rows:
        raise TemplateError(f"{path}: no [[clause]]: a letter type needs at least one clause")
    unknown = set(data) - {"clause", "subject", "addressees"}
    if unknown:
        raise TemplateError(f"{path}: unknown section(s) {', '.join(sorted(unknown))} "
                            "(expected [subject], [addressees] and [[clause]] tables)")
    clauses: list[Clause] = []
    seen: set[str] = set()
    for i, row in enumerate(rows):
        cid = row.get("id")
        where = f"{path}, clause #{i + 1}" + (f" '{cid}'" if isinstance(cid, str) else "")
        if not isinstance(cid, str) or not _ID.match(cid):
            raise TemplateError(f"{where}: 'id' is required: lower-case letters, digits and _")
        if cid in seen:
            raise TemplateError(f"{where}: the id '{cid}' is used twice")
        seen.add(cid)
        texts, lines = {}, {}
        for key, value in row.items():
            if key in META_KEYS:
                continue
            if not _LANG.match(key) or not isinstance(value, str):
                raise TemplateError(f"{where}: '{key}' is neither a setting ({', '.join(sorted(META_KEYS))}) "
                                    "nor a language code with its text")
            texts[key] = value.strip("\n")
            lines[key] = clause_lines.get((i, key), 0)
        if not texts:
            raise TemplateError(f"{where}: no text in any language")
        optional, choice = row.get("optional", False), row.get("choice")
        if not isinstance(optional, bool) or not isinstance(row.get("default", True), bool):
            raise TemplateError(f"{where}: 'optional' and 'default' are true or false")
        if choice is not None and (not isinstance(choice, str) or not _ID.match(choice)):
            raise TemplateError(f"{where}: 'choice' names the group of variants (lower-case letters, digits, _)")
        if optional and choice:
            raise TemplateError(f"{where}: a clause is optional or a variant of a choice, not both")
        needs = row.get("needs", [])
        if not isinstance(needs, list) or not all(isinstance(n, str) for n in needs):
            raise TemplateError(f"{where}: 'needs' is a list of fact names")
        clauses.append(Clause(cid, _labels(row.get("label"), where), texts, lines, optional, choice,
                              row.get("default", True if not choice else False),
                              _labels(row.get("help"), where), tuple(needs)))
    subject = data.get("subject", {})
    if not isinstance(subject, dict) or not all(isinstance(v, str) for v in subject.values()):
        raise TemplateError(f"{path}: [subject] holds one text per language")
    addressees = data.get("addressees", {})
    if not isinstance(addressees, dict) or not all(
            isinstance(v, list) and all(isinstance(x, str) for x in v) for v in addressees.values()):
        raise TemplateError(f"{path}: [addressees] holds one list of lines per language")
    languages = sorted(set().union(*(c.texts for c in clauses)) | set(subject) | set(addressees))
    for c in clauses:
        missing = [lang for lang in languages if lang not in c.texts]
        if missing:
            first = min(c.lines.values() or [0])
            raise TemplateError(f"{path}, line {first}: clause '{c.id}' has no text in "
                                f"{', '.join(missing)} (the type is written in {', '.join(languages)})")
    for part, table in (("subject", subject), ("addressees", addressees)):
        missing = [lang for lang in languages if table and lang not in table]
        if missing:
            raise TemplateError(f"{path}: [{part}] has no text in {', '.join(missing)}")
    _check_choices(path, clauses)
    return ClauseFile(path, tuple(clauses), {k: v.strip("\n") for k, v in subject.items()},
                      {k: section_lines.get(("subject", k), 0) for k in subject},
                      {k: list(v) for k, v in addressees.items()}, tuple(languages))


def _check_choices(path: Path, clauses: list[Clause]) -> None:
    ids = {c.id for c in clauses}
    groups: dict[str, list[Clause]] = {}
    for c in clauses:
        if c.choice:
            groups.setdefault(c.choice, []).append(c)
    for name, variants in groups.items():
        if name in ids:
            raise TemplateError(f"{path}: the choice '{name}' has the name of a clause; name it otherwise")
        if len(variants) < 2:
            raise TemplateError(f"{path}: the choice '{name}' has one variant ('{variants[0].id}'); "
                                "a choice needs two or more (or make the clause optional)")
        defaults = [c.id for c in variants if c.default]
        if len(defaults) > 1:
            raise TemplateError(f"{path}: the choice '{name}' has several defaults ({', '.join(defaults)})")


def default_variant(variants: list[Clause]) -> Clause:
    return next((c for c in variants if c.default), variants[0])
