"""``circular-studio new TYPE -l ar -l fr [--set FIELD=VALUE]... -o DRAFT.json``: a new letter of
a type in the chosen languages, every standard paragraph in place, facts set from the command
line; the facts still to fill are listed on stderr (the letter shows them as [placeholders])."""
from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from circular_studio.core.errors import DraftError, StudioError
from circular_studio.core.model import draft as draft_io
from circular_studio.core.model.lettertypes import letter_type


def add_parser(sub) -> None:
    p = sub.add_parser(
        "new", help="start a new draft of a letter type, in one or more languages",
        description="Write a new draft (.json) of letter type TYPE in the chosen languages: the type's "
                    "standard paragraphs in every language, the facts given with --set filled in, "
                    "[placeholders] for the others. `circular-studio templates` lists the types and "
                    "`circular-studio new TYPE --facts` their facts.",
        epilog="--set event_name=X sets X in every language (a fact held per language); "
               "--set event_name.fr=X in French only. A list (addressees, themes…) takes one item "
               "per --set, or lines separated by newlines. Booleans: true/false. Clauses: "
               "--clause gender=off, --clause audience=invite_all.")
    p.add_argument("type", metavar="TYPE", help="letter type (invitation, call_for_contributions…)")
    p.add_argument("-l", "--language", action="append", metavar="LANG",
                   help="a language of the letter (repeatable); default: every language of the type")
    p.add_argument("--set", action="append", default=[], metavar="FIELD[.LANG]=VALUE", dest="values",
                   help="a fact of the letter (repeatable)")
    p.add_argument("--clause", action="append", default=[], metavar="CLAUSE=on|off|VARIANT",
                   help="switch an optional clause on or off, or choose a variant (repeatable)")
    p.add_argument("--date", metavar="YYYY-MM-DD", help="the letter's date (default: today)")
    p.add_argument("-o", "--output", metavar="DRAFT.json", help="where to write the draft")
    p.add_argument("--facts", action="store_true", help="list the type's facts and clauses, write nothing")
    p.add_argument("--force", action="store_true", help="replace OUTPUT if it exists")


def _parse_value(spec, raw: str, previous):
    if spec.kind == "list":
        items = [line.strip() for line in raw.split("\n") if line.strip()]
        return (list(previous) if isinstance(previous, list) and previous else []) + items
    if spec.kind == "bool":
        lowered = raw.strip().lower()
        if lowered in ("true", "yes", "on", "1"):
            return True
        if lowered in ("false", "no", "off", "0"):
            return False
        raise DraftError(f"--set {spec.name}: '{raw}' is not true or false")
    return raw


def apply_values(lt, draft, pairs: list[str]) -> None:
    """FIELD[.LANG]=VALUE pairs into ``draft``: a translatable fact in every language, or the one
    named; a list gets one item per pair (the type's default lines are replaced by the first)."""
    touched: set[tuple[str, str | None]] = set()
    for pair in pairs:
        name, sep, raw = pair.partition("=")
        if not sep:
            raise DraftError(f"--set {pair}: expected FIELD=VALUE")
        name, _, lang = name.strip().partition(".")
        spec = lt.field(name)
        if spec is None:
            raise DraftError(f"--set {name}: the letter type '{lt.id}' has no such fact "
                             f"(it has {', '.join(f.name for f in lt.fields)})")
        if lang and not spec.translatable:
            raise DraftError(f"--set {name}.{lang}: '{name}' is typed once for every language; "
                             f"use --set {name}=…")
        if lang and lang not in draft.languages:
            raise DraftError(f"--set {name}.{lang}: the draft has no '{lang}' version "
                             f"(it has {', '.join(draft.languages)})")
        targets = ([lang] if lang else list(draft.languages)) if spec.translatable else [None]
        for target in targets:
            key = (name, target)
            previous = draft.value(name, target) if key in touched else None
            value = _parse_value(spec, raw, previous)
            why = spec.validate(value)
            if why:
                raise DraftError(f"--set {name}: {why}")
            if target:
                draft.languages[target][name] = value
            else:
                draft.fields[name] = value
            touched.add(key)


def apply_clauses(lt, draft, pairs: list[str]) -> None:
    choices = lt.choices()
    for pair in pairs:
        name, sep, raw = pair.partition("=")
        name, raw = name.strip(), raw.strip()
        if not sep:
            raise DraftError(f"--clause {pair}: expected CLAUSE=on|off or CHOICE=VARIANT")
        if name in choices:
            ids = [c.id for c in choices[name]]
            if raw not in ids:
                raise DraftError(f"--clause {name}: '{raw}' is not one of {', '.join(ids)}")
            draft.clauses[name] = raw
            continue
        clause = lt.clause(name)
        if clause is None or clause.choice:
            known = [c.id for c in lt.clauses if not c.choice] + list(choices)
            raise DraftError(f"--clause {name}: the letter type '{lt.id}' has no such clause or "
                             f"choice (it has {', '.join(known)})")
        if raw.lower() not in ("on", "off", "true", "false"):
            raise DraftError(f"--clause {name}={raw}: expected on or off")
        draft.clauses[name] = raw.lower() in ("on", "true")


def describe(lt) -> str:
    lines = [f"{lt.id}: {lt.title('en')} ({', '.join(lt.languages)})", "", "facts (* required):"]
    for f in lt.fields:
        where = "per language" if f.translatable else "once"
        lines.append(f"  {f.name}{' *' if f.required else ''}  [{f.kind}, {where}]  {f.label('en')}")
    lines += ["", "clauses, in letter order:"]
    for c in lt.clauses:
        how = (f"variant of '{c.choice}'" + (" (default)" if c.default else "") if c.choice
               else "optional, " + ("on" if c.default else "off") if c.optional else "required")
        needs = f"; needs {', '.join(c.needs)}" if c.needs else ""
        lines.append(f"  {c.id}  [{how}{needs}]  {c.label('en')}")
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    lt = letter_type(args.type)
    if args.facts:
        print(describe(lt))
        return 0
    if not args.output:
        raise StudioError("new: give the draft to write with -o DRAFT.json (or --facts to list the facts)")
    out = Path(args.output)
    if out.exists() and not args.force:
        raise StudioError(f"{out}: already exists; choose another name or add --force")
    try:
        today = dt.date.fromisoformat(args.date) if args.date else None
    except ValueError:
        raise DraftError(f"--date {args.date}: not a date (YYYY-MM-DD)") from None
    languages = list(dict.fromkeys(args.language or lt.languages))
    draft = lt.new_draft(languages, today=today)
    apply_values(lt, draft, args.values)
    apply_clauses(lt, draft, args.clause)
    draft_io.save(draft, out)
    print(out)
    missing = sorted({name for lang in languages for name, _msg in lt.problems(draft, lang)})
    if missing:
        print(f"circular-studio: still to fill (shown as [placeholders]): {', '.join(missing)}; "
              f"e.g. --set {missing[0]}=…", file=sys.stderr)
    return 0
