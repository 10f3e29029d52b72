"""``circular-studio render DRAFT... -o OUT``: one DOCX (or PDF, or Markdown) per draft and language."""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from circular_studio.core.model import draft as draft_io
from circular_studio.core.errors import ExportError, StudioError
from circular_studio.core.outputs.formats import FORMATS, export_all
from circular_studio.core.outputs import batch
from circular_studio.core.checks import run_checks


def add_parser(sub) -> None:
    p = sub.add_parser(
        "render", help="render drafts to DOCX, PDF (through LibreOffice) or Markdown",
        description="Render each DRAFT in each of its languages. OUT is a file when there is one "
                    "letter to write, a folder (created if needed) when there are several; files in "
                    "a folder are named DRAFT.LANG.EXT.")
    p.add_argument("drafts", nargs="+", metavar="DRAFT", help="draft files (.json)")
    p.add_argument("-o", "--output", required=True, metavar="OUT", help="output file or folder")
    p.add_argument("-l", "--language", action="append", metavar="LANG",
                   help="only these languages (repeatable); default: every language of the draft")
    p.add_argument("-f", "--format", choices=list(FORMATS),
                   help="output format; default: from OUT's extension, else docx")
    p.add_argument("--addressees", nargs="?", const="", metavar="SOURCE",
                   help="a series: one letter per addressee, SOURCE being 'member-states' (the "
                        "register) or a .csv/.xlsx list (columns id, name_<lang>, greeting, email); "
                        "without SOURCE, the draft's own series. Files are named "
                        "DRAFT.ADDRESSEE.LANG.EXT in the folder OUT; each letter is checked")
    p.add_argument("--resume", action="store_true",
                   help="with --addressees: keep the letters already in OUT (a batch that was interrupted)")
    p.add_argument("--no-check", action="store_true", help="with --addressees: do not check each letter")


def _jobs(args) -> list[tuple[draft_io.Draft, str]]:
    jobs = []
    for path in args.drafts:
        d = draft_io.load(path)
        langs = args.language or list(d.languages)
        for lang in langs:
            if lang not in d.languages:
                raise StudioError(f"{path}: the draft has no '{lang}' version "
                                  f"(it has {', '.join(d.languages)})")
            jobs.append((d, lang))
    return jobs


def run(args: argparse.Namespace) -> int:
    if getattr(args, "addressees", None) is not None:
        return run_series(args)
    jobs = _jobs(args)
    out = Path(args.output)
    fmt = args.format or (out.suffix.lstrip(".").lower() if out.suffix.lstrip(".").lower() in FORMATS else "docx")
    # an existing folder is a folder even with a dot in its name ("letters.2024"), and so is
    # OUT written with a trailing slash ("out/") that does not exist yet
    as_folder = out.is_dir() or args.output.endswith(("/", os.sep))
    single = len(jobs) == 1 and not as_folder
    if len(jobs) > 1 and out.suffix.lstrip(".").lower() in FORMATS and not out.is_dir():
        raise ExportError(f"{out}: {len(jobs)} letters to write ("
                          + ", ".join(f"{Path(d.path).name} [{lang}]" for d, lang in jobs)
                          + "): give a folder as OUT, or choose one language with -l")
    if single and not out.suffix:
        out = out.with_suffix("." + fmt)
    targets = []
    for d, lang in jobs:
        target = out if single else out / f"{Path(d.path).stem}.{lang}.{fmt}"
        targets.append(target)
    _refuse_collisions(jobs, targets)
    if not single:
        try:
            out.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise ExportError(f"{out}: cannot create the output folder ({exc.strerror})") from None
    written = export_all(jobs, targets, fmt)
    for path in written:
        print(path)
    return 0


def _count_findings(doc, draft) -> tuple[int, int]:
    found = run_checks(doc, draft)
    return (sum(f.severity.value == "error" for f in found),
            sum(f.severity.value == "warning" for f in found))


def run_series(args: argparse.Namespace) -> int:
    """One letter per addressee and language. Exit 0 when every letter was written (findings
    are listed), 1 when some could not be made, 2 when the batch stopped (disk full…)."""
    out = Path(args.output)
    fmt = args.format or "docx"
    if fmt not in batch.FORMATS:
        raise ExportError(f"series letters are written as docx or pdf, not {fmt}")
    if out.suffix.lstrip(".").lower() in FORMATS and not out.is_dir():
        raise ExportError(f"{out}: a series writes one file per addressee: give a folder as OUT")
    status = 0
    for path in args.drafts:
        d = draft_io.load(path)
        langs = args.language or list(d.languages)
        for lang in langs:
            if lang not in d.languages:
                raise StudioError(f"{path}: the draft has no '{lang}' version (it has {', '.join(d.languages)})")
        found = batch.series_addressees(d, args.addressees or None, langs)
        report = batch.render_series(
            d, found.addressees, langs, out, fmt, resume=args.resume,
            check=None if args.no_check else _count_findings,
            progress=lambda done, total, o: print(o.path, file=sys.stdout) if o.status == "written" else None)
        report.problems[:0] = found.problems
        print(report.summary(), file=sys.stderr)
        if report.stopped:
            return 2
        if not report.complete:
            status = 1
    return status


def _refuse_collisions(jobs, targets) -> None:
    """Two drafts with the same name from different folders (a/letter.json, b/letter.json)
    would be written to the same out/letter.LANG.EXT, the second silently replacing the first."""
    seen: dict[Path, str] = {}
    for (d, lang), target in zip(jobs, targets):
        what = f"{d.path} [{lang}]"
        if target in seen and seen[target] != what:
            raise ExportError(f"{target}: both {seen[target]} and {what} would be written to this "
                              "file; rename one draft or render them into different folders")
        seen[target] = what


if __name__ == "__main__":  # pragma: no cover
    sys.exit("use: circular-studio render")
