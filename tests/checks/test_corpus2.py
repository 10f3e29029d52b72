"""Second evaluation corpus (tests/checks/corpus2/, built by its build.py): letters as colleagues
make them in Word (reference block in a table, runs split mid-word, HYPERLINK fields, numbered
lists, letterhead in the page header, Arabic w:bidi/w:rtl) and in a text editor.

- a clean letter raises no error and no warning;
- every defect of manifest.json is found: a finding of its family (code prefix) whose span
  overlaps the defect's excerpt (one of them, for a list), or any finding of the family when
  the excerpt is null (something missing).

``python tests/checks/test_corpus2.py`` prints recall per family and language, misses and false alarms.
"""
from __future__ import annotations

import json
from collections import defaultdict
from functools import lru_cache
from pathlib import Path

import pytest

from circular_studio.core.checks import load_letter, run_checks

CORPUS = Path(__file__).parent / "corpus2"
MANIFEST = json.loads((CORPUS / "manifest.json").read_text(encoding="utf-8"))["letters"]
NAMES = sorted(MANIFEST)
CLEAN_FILES = [p for n in NAMES for p in (CORPUS / "clean" / f"{n}.md", CORPUS / "docx" / f"{n}.clean.docx")]
DEFECTIVE_FILES = [p for n in NAMES for p in (CORPUS / "defective" / f"{n}.md",
                                              CORPUS / "docx" / f"{n}.defective.docx")]


def _name(path: Path) -> str:
    return path.name.split(".")[0]


@lru_cache(maxsize=None)
def _check(path: Path):
    from circular_studio.core.checks.engine import prepare

    (doc, draft), = load_letter(path)
    doc = prepare(doc)
    return doc, run_checks(doc, draft)


def false_alarms(path: Path):
    return [f for f in _check(path)[1] if f.severity.value != "info"]


def _occurrences(doc, excerpt: str):
    for i, b in enumerate(doc.blocks):
        start = b.text.find(excerpt)
        while start >= 0:
            yield i, start, start + len(excerpt)
            start = b.text.find(excerpt, start + 1)


def defect_results(path: Path) -> list[tuple[dict, bool]]:
    doc, fs = _check(path)
    out = []
    for d in MANIFEST[_name(path)]:
        of_family = [f for f in fs if any(f.code.startswith(p) for p in d["family"].split("|"))]
        if d["excerpt"] is None:
            found = bool(of_family)
        else:
            excerpts = d["excerpt"] if isinstance(d["excerpt"], list) else [d["excerpt"]]
            spots = [s for e in excerpts for s in _occurrences(doc, e)]
            assert spots, f"{path.name}: excerpt {d['excerpt']!r} not in the letter"
            found = any(f.paragraph == i and f.start < e and s < max(f.end, f.start + 1)
                        for f in of_family for i, s, e in spots)
        out.append((d, found))
    return out


@pytest.mark.parametrize("path", CLEAN_FILES, ids=lambda p: p.name)
def test_clean_letter_raises_no_error_or_warning(path):
    bad = false_alarms(path)
    assert not bad, [(f.code, f.excerpt, f.message) for f in bad]


@pytest.mark.parametrize("path", DEFECTIVE_FILES, ids=lambda p: p.name)
def test_every_defect_is_found(path):
    missed = [d for d, found in defect_results(path) if not found]
    assert not missed, [(d["family"], d["excerpt"]) for d in missed]


def test_corpus2_is_built_from_its_builder():
    import importlib.util

    spec = importlib.util.spec_from_file_location("corpus2_build", CORPUS / "build.py")
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    assert build.manifest() == MANIFEST
    for name, defects in MANIFEST.items():
        clean = (CORPUS / "clean" / f"{name}.md").read_text(encoding="utf-8")
        assert build.inject(clean, defects) == (CORPUS / "defective" / f"{name}.md").read_text(encoding="utf-8")
        for kind in ("clean", "defective"):
            assert (CORPUS / "docx" / f"{name}.{kind}.docx").is_file()


def report() -> tuple[float, int]:
    per = defaultdict(lambda: [0, 0])
    alarms = 0
    for path in DEFECTIVE_FILES:
        lang, fmt = _name(path)[:2], path.suffix
        for d, ok in defect_results(path):
            for key in (("all",), (d["family"],), (lang,), (d["family"], lang), (fmt,)):
                per[key][0] += ok
                per[key][1] += 1
            if not ok:
                print(f"MISSED  {path.name:38} {d['family']:6} {d['excerpt']!r}")
    for path in CLEAN_FILES:
        for f in false_alarms(path):
            alarms += 1
            print(f"FALSE   {path.name:38} {f.code:9} {f.excerpt!r} {f.message}")
    for key in sorted(per, key=lambda k: (len(k), k)):
        found, total = per[key]
        print(f"{'/'.join(key):12} {found:3}/{total:3} = {found / total:6.1%}")
    found, total = per[("all",)]
    print(f"false alarms (error/warning) on {len(CLEAN_FILES)} clean files: {alarms}")
    return found / total, alarms


if __name__ == "__main__":
    report()
