"""Running the checks: pick the enabled ones, build the context, collect findings."""
from __future__ import annotations

import itertools
import os
import tomllib
from dataclasses import replace
from pathlib import Path
from typing import Iterable

from ..intake.classify import classify, needs_classification
from ..document import Document
from ..locale.langdetect import detect_document
from .context import CheckContext
from .finding import Finding
from .status import CHECK_CAPPED, CHECK_FAILED, MAX_FINDINGS, check_capped, check_failed
from .registry import DEFAULT_PROFILE, PROFILES, REGISTRY, Check, code_matches, split_codes

from . import families  # noqa: F401  (importing the families registers their checks)


PROJECT_FILES = ("circular-studio.toml", ".circular-studio.toml", "pyproject.toml")


def project_config(start: str | os.PathLike | None) -> dict:
    """``[check]`` (or ``[tool.circular-studio.check]`` in pyproject.toml) of the nearest project
    file above ``start``: ``select``, ``ignore`` (codes or prefixes) and ``language``."""
    if start is None:
        return {}
    here = Path(start).resolve()
    folder = here if here.is_dir() else here.parent
    for d in (folder, *folder.parents):
        for name in PROJECT_FILES:
            p = d / name
            if not p.is_file():
                continue
            try:
                data = tomllib.loads(p.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
                continue
            if name == "pyproject.toml":
                data = data.get("tool", {}).get("circular-studio", {})
                if not data:
                    continue
            section = data.get("check", data)
            return {"select": split_codes(section.get("select")), "ignore": split_codes(section.get("ignore")),
                    "language": section.get("language"), "profile": section.get("profile"), "path": str(p)}
    return {}


def enabled_checks(select: Iterable[str] | None = None, ignore: Iterable[str] = (),
                   bidi_display: bool = True, profile: str = DEFAULT_PROFILE) -> list[Check]:
    select = split_codes(select) if select else None
    ignore = split_codes(ignore)
    out = []
    for code in sorted(REGISTRY):
        check = REGISTRY[code]
        if select and not code_matches(code, select):
            continue
        if code_matches(code, ignore):
            continue
        if check.needs_bidi_display and not bidi_display:
            continue
        if not check.applies_to_profile(profile):
            continue
        out.append(check)
    return out


def run_checks(doc: Document, draft=None, *, select: Iterable[str] | None = None,
               ignore: Iterable[str] = (), language: str | None = None, ui_language: str = "en",
               bidi_display: bool = True, project: dict | None = None,
               versions: dict | None = None, profile: str | None = None) -> list[Finding]:
    """All findings of the enabled checks on ``doc`` (and ``draft``, whose facts win over what
    is parsed from the text), sorted by position.

    ``versions``: the draft's other language versions already built ({lang: Document}), so the
    cross-version checks need not build them again (the editor has them).

    ``profile``: the style profile (``registry.PROFILES``), else the project file's ``profile``,
    else ``"itu"``; an unknown profile raises ValueError.

    Disabling: ``ignore`` codes or prefixes (``"SPELL"``, ``"DATE001"``), plus the project file's
    ``ignore`` and the draft's ``disabled_checks``; ``select`` restricts to codes or prefixes.
    """
    project = project or {}
    ignore = list(split_codes(ignore)) + list(project.get("ignore") or [])
    if draft is not None:
        ignore += split_codes(getattr(draft, "disabled_checks", []) or [])
    if not select and project.get("select"):
        select = project["select"]
    profile = profile or project.get("profile") or DEFAULT_PROFILE
    if profile not in PROFILES:
        raise ValueError(f"unknown style profile {profile!r} (use one of: {', '.join(PROFILES)})")
    if needs_classification(doc):
        doc = classify(doc)
    lang = language or project.get("language") or doc.language or None
    if not lang:
        lang = detect_document([b.text for b in doc.blocks])
    ctx = CheckContext(doc, draft, lang, ui_language, bidi_display,
                       language_given=bool(language),
                       explicit_direction=doc.source.lower().endswith(".docx"),
                       versions={k: v for k, v in (versions or {}).items() if k != lang},
                       profile=profile)
    findings: dict[tuple, Finding] = {}
    for check in enabled_checks(select, ignore, bidi_display, profile):
        if check.languages is not None and not (set(ctx.langs) | {lang}) & check.languages:
            continue
        try:
            # at most MAX_FINDINGS (+1 to know there were more): a pasted run of 30,000 stray
            # characters must not produce 30,000 findings, nor the time and memory to make them
            hits = list(itertools.islice(check.func(ctx) or (), MAX_FINDINGS + 1))
        except Exception as exc:  # noqa: BLE001 - one broken check must not hide the others
            findings[(CHECK_FAILED, check.code)] = check_failed(check.code, exc)
            continue
        if len(hits) > MAX_FINDINGS:
            extra = hits.pop()
            if 0 <= extra.block < len(doc.blocks):
                findings[(CHECK_CAPPED, check.code)] = replace(check_capped(check.code, extra),
                                                               language=ctx.langs[extra.block])
        for h in hits:
            if not (0 <= h.block < len(doc.blocks)):
                continue
            text = ctx.texts[h.block]
            key = (check.code, h.block, h.start, h.end, h.args.get("field"), h.args.get("key"))
            if key in findings:
                continue
            findings[key] = Finding(
                check.code, check.severity, check.message(ui_language, _short_args(h.args)), h.block, h.start,
                h.end, text[h.start:h.end], h.fix, h.args.get("field") or doc.blocks[h.block].field,
                ctx.langs[h.block])
    return sorted(findings.values(), key=lambda f: f.sort_key)


MESSAGE_ARG_MAX = 120  # characters of a word or excerpt quoted in a message


def _short_args(args: dict) -> dict:
    """A message quotes at most MESSAGE_ARG_MAX characters of a value: an 80,000-letter "word"
    made an 80,000-character message, slow to show and useless to read."""
    half = MESSAGE_ARG_MAX // 2
    return {k: (v[:half] + "…" + v[-half:] if isinstance(v, str) and len(v) > MESSAGE_ARG_MAX else v)
            for k, v in args.items()}


def prepare(doc: Document) -> Document:
    """The document as the checks see it (classified when it came from a file)."""
    return classify(doc) if needs_classification(doc) else doc


__all__ = ["run_checks", "enabled_checks", "project_config", "prepare", "replace"]
