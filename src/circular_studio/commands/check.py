"""``circular-studio check FILE...``: run the letter checks on drafts (.json), .docx, .md, .txt.

Exit status: 0 when no error was found, 1 when one was, 2 when an input could not be used
(the other files are still checked and reported)."""
from __future__ import annotations

import argparse
import json
import sys

from circular_studio.core.locale import languages
from circular_studio.core.errors import StudioError
from circular_studio.core.locale import spelling
from circular_studio.core.locale.bidi import display, has_arabic
from circular_studio.core.checks.registry import split_codes
from circular_studio.core.checks.engine import enabled_checks
from circular_studio.core.checks import load_letter, project_config, run_checks


def add_parser(subparsers) -> argparse.ArgumentParser:
    p = subparsers.add_parser(
        "check", help="check letters (drafts .json, .docx, .md, .txt)",
        description="Check letters: dates, references, signatory, structure, links, Arabic text, "
                    "bidi display, spelling, consistency, policy. Exit 0: no error; 1: errors found; "
                    "2: unusable input.")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.add_argument("--select", action="append", default=[], metavar="CODES",
                   help="only these codes or prefixes (comma-separated, e.g. SPELL,DATE001)")
    p.add_argument("--ignore", action="append", default=[], metavar="CODES",
                   help="skip these codes or prefixes (comma-separated)")
    p.add_argument("--language", choices=languages.codes(), default=None,
                   help="the letter's language (default: detected per paragraph)")
    p.add_argument("--profile", choices=("itu", "other"), default=None,
                   help="style profile: 'itu' (house rules, the default) or 'other' (another "
                        "publisher's text: house rules off); a project file may set it")
    p.add_argument("--no-bidi-display", action="store_true",
                   help="skip the bidi display checks (BIDI001)")
    p.add_argument("--no-reshape", action="store_true",
                   help="print Arabic excerpts in logical order, unshaped (for terminals that do bidi)")
    p.add_argument("--messages", choices=languages.interface_languages(), default="en",
                   help="language of the messages")
    p.add_argument("--min-severity", choices=("error", "warning", "info"), default="info",
                   help="hide findings below this severity (text output)")
    return p


def _legible(text: str, reshape: bool, rtl: bool = True) -> str:
    if not reshape:
        return text

    if not has_arabic(text):
        return text
    return display(text.replace("\u200e", "").replace("\u200f", ""), rtl=rtl, shape=True)


def run(args) -> int:

    select = split_codes(args.select) or None
    ignore = split_codes(args.ignore)
    out_files = []
    failed = False
    any_error = False
    for path in args.files:
        try:
            letters = load_letter(path, args.language)
            project = project_config(path)
            versions = {doc.language: doc for doc, _draft in letters}  # a draft's versions, built once
            for doc, draft in letters:
                findings = run_checks(doc, draft, select=select, ignore=ignore, language=args.language,
                                      ui_language=args.messages, bidi_display=not args.no_bidi_display,
                                      project=project, versions=versions, profile=args.profile)
                any_error |= any(f.severity.value == "error" for f in findings)
                out_files.append((path, doc.language, findings, doc))
        except (StudioError, Exception) as exc:  # noqa: BLE001 - one file's fault never loses the others
            message = str(exc) if isinstance(exc, StudioError) else \
                f"{path}: could not be checked (internal error {type(exc).__name__}: {exc}; please report it)"
            print(f"circular-studio: {message}", file=sys.stderr)
            failed = True
            if len(args.files) == 1:
                return 2
    _warn_missing_dictionaries({lang for _p, lang, _fs, _doc in out_files}, select, ignore)
    if args.format == "json":
        data = {"files": [{"path": p, "language": lang, "findings": [f.to_json() for f in fs]}
                          for p, lang, fs, _doc in out_files]}
        json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        _print_text(out_files, args)
    return 2 if failed else (1 if any_error else 0)


_RANK = {"error": 0, "warning": 1, "info": 2}


def _warn_missing_dictionaries(languages, select, ignore) -> None:
    """Say so when spelling could not be checked, rather than let silence pass for "no typos"."""

    if not any(c.code.startswith("SPELL") for c in enabled_checks(select, ignore)):
        return
    packages = {"ar": "hunspell-ar", "fr": "hunspell-fr", "en": "hunspell-en-us"}
    for lang in sorted(languages):
        if lang in packages and spelling.dictionary(lang) is None:
            print(f"circular-studio: spelling in '{lang}' was not checked: no Hunspell dictionary "
                  f"(Debian: apt install {packages[lang]} libenchant-2-2)", file=sys.stderr)


def _print_text(out_files, args) -> None:
    reshape = not args.no_reshape
    limit = _RANK[args.min_severity]
    for path, lang, findings, _doc in out_files:
        shown = [f for f in findings if _RANK[f.severity.value] <= limit]
        counts = {s: sum(1 for f in findings if f.severity.value == s) for s in ("error", "warning", "info")}
        print(f"{path} [{lang}]: {counts['error']} error(s), {counts['warning']} warning(s), {counts['info']} info")
        for f in shown:
            where = f"{f.paragraph + 1}:{f.start + 1}" + (f"-{f.end}" if f.end > f.start else "")
            if f.field:
                where += f" ({f.field})"
            print(f"  {where}: {f.code} {f.severity.value}: {_legible(f.message, reshape, rtl=args.messages == 'ar')}")
            if f.excerpt:
                line = f"      «{_legible(f.excerpt, reshape)}»"
                if f.fix is not None:
                    fix = f.fix.replace("\u200e", "<LRM>").replace("\u200f", "<RLM>")
                    line += f" → «{_legible(fix, reshape) if fix else ''}»" if fix else " → (delete)"
                print(line)
