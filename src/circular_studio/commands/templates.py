"""``circular-studio templates``: list the letter types and check every template, for people who
write templates (a syntax error or an unknown field is found here, before any letter uses it)."""
from __future__ import annotations

import argparse

from circular_studio.core.errors import TemplateError
from circular_studio.core.model.lettertypes import PROVIDED, broken_letter_types, letter_types
from circular_studio.core.compose.render import undeclared_fields


def add_parser(sub) -> None:
    sub.add_parser("templates", help="list the letter types and check their templates",
                   description="List every letter type with its languages, and check each template: "
                               "Jinja syntax, and fields it uses that its schema does not declare. "
                               "Exit 1 when a template or schema is broken.")


def problems() -> list[str]:
    out = [str(err) for err in broken_letter_types().values()]
    for lt in letter_types().values():
        known = {f.name for f in lt.fields} | PROVIDED
        for lang in lt.languages:
            name = lt.template_name(lang)
            try:
                unknown = undeclared_fields(name) - known
            except TemplateError as exc:
                out.append(str(exc))
                continue
            if unknown:
                out.append(f"{name}: uses field(s) not in the schema: {', '.join(sorted(unknown))}")
    return out


def run(args: argparse.Namespace) -> int:
    for lt in letter_types().values():
        print(f"{lt.id:28} {', '.join(lt.languages):12} {len(lt.fields)} facts, {len(lt.clauses)} clauses  "
              f"{lt.title('en')}")
    found = problems()
    for line in found:
        print(f"error: {line}")
    return 1 if found else 0
