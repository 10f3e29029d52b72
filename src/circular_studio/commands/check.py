"""``circular-studio check FILE...``: run the letter checks on drafts (.json), .docx, .md, .txt.

``--annotate OUT`` writes a copy of each .docx with the findings as Word comments, ``--fix OUT``
a copy with the certain fixes as tracked changes and the rest as comments (OUT is a file for one
letter, a folder for several). ``--versions``: the files are language versions of one letter,
compared with each other (LANG checks).

Exit status: 0 when no error was found, 1 when one was, 2 when an input could not be used or a
copy could not be written (the other files are still checked and reported)."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from circular_studio.core.locale import languages
from circular_studio.core.errors import StudioError
from circular_studio.core.locale import spelling
from circular_studio.core.locale.bidi import display, has_arabic
from circular_studio.core.checks.registry import split_codes
from circular_studio.core.checks.engine import enabled_checks
from circular_studio.core.checks import load_letter, project_config, run_checks
from circular_studio.core.checks.fixes import is_certain
from circular_studio.core.docx.annotate import annotate_docx


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
                   help="hide findings below this severity (text output, annotated copies)")
    p.add_argument("--annotate", metavar="OUT",
                   help="write a copy of the .docx with each finding as a Word comment on its text "
                        "(OUT: a .docx for one letter, a folder for several; the original is not changed)")
    p.add_argument("--fix", metavar="OUT",
                   help="write a corrected copy of the .docx: certain fixes as tracked changes, the "
                        "other findings as comments (OUT: a .docx or a folder)")
    p.add_argument("--versions", action="store_true",
                   help="the files are language versions of one letter (e.g. a.fr.docx a.ar.docx "
                        "a.en.docx): also report what disagrees between them")
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
    together = None
    if args.versions:
        together, failed = _load_versions(args)
        if together is None:
            return 2
    for path in args.files:
        try:
            if together is not None:
                if path not in together["letters"]:
                    continue
                letters = together["letters"][path]
                versions = together["versions"]
            else:
                letters = load_letter(path, args.language)
                versions = {doc.language: doc for doc, _draft in letters}  # a draft's versions, built once
            project = project_config(path)
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
    for option, fix in (("annotate", None), ("fix", is_certain)):
        if getattr(args, option):
            failed |= not _write_copies(out_files, getattr(args, option), option, fix, args)
    if args.format == "json":
        data = {"files": [{"path": p, "language": lang, "findings": [f.to_json() for f in fs]}
                          for p, lang, fs, _doc in out_files]}
        json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        _print_text(out_files, args)
    return 2 if failed else (1 if any_error else 0)


def _load_versions(args):
    """The files as language versions of one letter: ({"letters": {path: [(doc, draft)]},
    "versions": {lang: doc}}, failed), or (None, True) when fewer than two versions remain."""
    letters, versions, failed = {}, {}, False
    for path in args.files:
        try:
            loaded = load_letter(path, args.language)
        except StudioError as exc:
            print(f"circular-studio: {exc}", file=sys.stderr)
            failed = True
            continue
        for doc, _draft in loaded:
            if doc.language in versions:
                print(f"circular-studio: {path}: two versions in '{doc.language}' "
                      f"({versions[doc.language].source} and this one); --versions compares one "
                      f"file per language (give --language if the detection is wrong)",
                      file=sys.stderr)
                return None, True
            versions[doc.language] = doc
        letters[path] = loaded
    if len(versions) < 2:
        print("circular-studio: --versions needs at least two language versions of the letter",
              file=sys.stderr)
        return None, True
    return {"letters": letters, "versions": versions}, failed


_SUFFIX = {"annotate": "annotated", "fix": "corrected"}


def _write_copies(out_files, target: str, option: str, fix, args) -> bool:
    """Write the annotated (or corrected) copy of each .docx; False when one could not be."""
    target = Path(target)
    docx_files = [item for item in out_files if str(item[0]).lower().endswith(".docx")]
    ok = True
    for path, _lang, _fs, _doc in out_files:
        if not str(path).lower().endswith(".docx"):
            print(f"circular-studio: {path}: --{option} writes Word copies of .docx letters only "
                  f"(this one is checked, not copied)", file=sys.stderr)
    several = len({p for p, *_ in docx_files}) > 1 or target.is_dir()
    if several and not target.is_dir():
        print(f"circular-studio: {target}: --{option} needs an existing folder for several "
              f"letters", file=sys.stderr)
        return False
    limit = _RANK[args.min_severity]
    for path, _lang, findings, doc in docx_files:
        out = target / f"{Path(path).stem}.{_SUFFIX[option]}.docx" if several else target
        shown = [f for f in findings if _RANK[f.severity.value] <= limit]
        try:
            res = annotate_docx(path, shown, out, doc=doc, ui_language=args.messages, fix=fix)
        except StudioError as exc:
            print(f"circular-studio: {exc}", file=sys.stderr)
            ok = False
            continue
        what = f"{res.comments} comment(s)" + (f", {res.changes} tracked change(s)" if fix else "")
        print(f"circular-studio: wrote {out}: {what}", file=sys.stderr)
    return ok


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
