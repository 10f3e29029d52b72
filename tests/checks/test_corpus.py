"""The evaluation corpus (tests/checks/corpus/): realistic letters in Arabic, French and English,
each clean and with injected defects, as .md and as .docx written the way Word writes them.

- a clean letter raises no error and no warning;
- every defect of manifest.json is found: a finding of its family (a code prefix) whose span
  overlaps the defect's excerpt (any finding of the family when the defect is a missing part).

``python tests/checks/test_corpus.py`` prints recall and false alarms per letter.
"""
from __future__ import annotations

import json
import sys
from functools import lru_cache
from pathlib import Path

import pytest

from circular_studio.core.checks import load_letter, run_checks

CORPUS = Path(__file__).parent / "corpus"
MANIFEST = json.loads((CORPUS / "manifest.json").read_text(encoding="utf-8"))["letters"]
NAMES = sorted(MANIFEST)


def _files(kind: str) -> list[Path]:
    out = []
    for name in NAMES:
        out.append(CORPUS / kind / f"{name}.md")
        out.append(CORPUS / "docx" / f"{name}.{kind.rstrip('/')}.docx")
    return out


CLEAN_FILES = [p for name in NAMES for p in (CORPUS / "clean" / f"{name}.md", CORPUS / "docx" / f"{name}.clean.docx")]
DEFECTIVE_FILES = [p for name in NAMES for p in (CORPUS / "defective" / f"{name}.md",
                                                 CORPUS / "docx" / f"{name}.defective.docx")]


def _name(path: Path) -> str:
    return path.name.split(".")[0]


@lru_cache(maxsize=None)
def _check(path: Path):
    (doc, draft), = load_letter(path)
    from circular_studio.core.checks.engine import prepare

    doc = prepare(doc)
    return doc, run_checks(doc, draft)


def false_alarms(path: Path):
    _doc, fs = _check(path)
    return [f for f in fs if f.severity.value != "info"]


def _occurrences(doc, excerpt: str):
    for i, b in enumerate(doc.blocks):
        text = b.text
        start = text.find(excerpt)
        while start >= 0:
            yield i, start, start + len(excerpt)
            start = text.find(excerpt, start + 1)


def defect_results(path: Path) -> list[tuple[dict, bool]]:
    doc, fs = _check(path)
    out = []
    for d in MANIFEST[_name(path)]:
        families = d["family"].split("|")
        of_family = [f for f in fs if any(f.code.startswith(p) for p in families)]
        if d["excerpt"] is None:
            found = bool(of_family)
        else:
            spots = list(_occurrences(doc, d["excerpt"]))
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


def test_corpus_is_built_from_the_manifest():
    sys.path.insert(0, str(CORPUS))
    try:
        import build
    finally:
        sys.path.pop(0)
    for name, defects in MANIFEST.items():
        clean = (CORPUS / "clean" / f"{name}.md").read_text(encoding="utf-8")
        assert build.inject(clean, defects) == (CORPUS / "defective" / f"{name}.md").read_text(encoding="utf-8")
    assert {p.stem.split("_")[0][:2] for p in (CORPUS / "clean").glob("*.md")} == {"ar", "fr", "en"}


def report() -> tuple[float, int]:
    total = found = alarms = 0
    for path in DEFECTIVE_FILES:
        for d, ok in defect_results(path):
            total += 1
            found += ok
            if not ok:
                print(f"MISSED  {path.name:45} {d['family']:7} {d['excerpt']!r}")
    for path in CLEAN_FILES:
        for f in false_alarms(path):
            alarms += 1
            print(f"FALSE   {path.name:45} {f.code:9} {f.excerpt!r} {f.message}")
    print(f"recall {found}/{total} = {found / total:.1%}; false alarms (error/warning) on clean letters: {alarms}")
    return found / total, alarms


def test_recall_report(capsys):
    recall, alarms = report()
    with capsys.disabled():
        print(f"\ncorpus recall {recall:.1%}, false alarms {alarms}")
    assert recall >= 0.9 and alarms == 0


if __name__ == "__main__":
    report()
