"""How a corpus of letters with known defects is scored, shared by tests/checks/test_corpus*.py.

A corpus folder holds ``manifest.json`` ({"letters": {name: [defect…]}}), ``clean/NAME.md``,
``defective/NAME.md`` and ``docx/NAME.{clean,defective}.docx``. A defect is found when a finding of
its family (a code prefix, or several joined by "|") overlaps its excerpt (one of them, for a
list), or, for something missing (excerpt null), when any finding of the family is there.
"""
from __future__ import annotations

import json
from collections import defaultdict
from functools import lru_cache
from pathlib import Path

from circular_studio.core.checks import load_letter, run_checks
from circular_studio.core.checks.engine import prepare


def name_of(path: Path) -> str:
    return path.name.split(".")[0]


@lru_cache(maxsize=None)
def checked(path: Path):
    """(document as the checks saw it, findings) for one letter file."""
    (doc, draft), = load_letter(path)
    doc = prepare(doc)
    return doc, run_checks(doc, draft)


def _occurrences(doc, excerpt: str):
    for i, b in enumerate(doc.blocks):
        start = b.text.find(excerpt)
        while start >= 0:
            yield i, start, start + len(excerpt)
            start = b.text.find(excerpt, start + 1)


class Corpus:
    def __init__(self, root: Path):
        self.root = root
        self.manifest = json.loads((root / "manifest.json").read_text(encoding="utf-8"))["letters"]
        names = sorted(self.manifest)
        self.clean_files = [p for n in names for p in (root / "clean" / f"{n}.md", root / "docx" / f"{n}.clean.docx")]
        self.defective_files = [p for n in names for p in (root / "defective" / f"{n}.md",
                                                           root / "docx" / f"{n}.defective.docx")]

    @staticmethod
    def false_alarms(path: Path):
        """Errors and warnings on a letter that has no defect."""
        return [f for f in checked(path)[1] if f.severity.value != "info"]

    def defect_results(self, path: Path) -> list[tuple[dict, bool]]:
        doc, findings = checked(path)
        out = []
        for d in self.manifest[name_of(path)]:
            of_family = [f for f in findings if any(f.code.startswith(p) for p in d["family"].split("|"))]
            if d["excerpt"] is None:
                out.append((d, bool(of_family)))
                continue
            excerpts = d["excerpt"] if isinstance(d["excerpt"], list) else [d["excerpt"]]
            spots = [s for e in excerpts for s in _occurrences(doc, e)]
            assert spots, f"{path.name}: excerpt {d['excerpt']!r} not in the letter"
            out.append((d, any(f.paragraph == i and f.start < e and s < max(f.end, f.start + 1)
                               for f in of_family for i, s, e in spots)))
        return out

    def report(self) -> tuple[float, int]:
        """Print recall per family, language and format, the misses and the false alarms."""
        per = defaultdict(lambda: [0, 0])
        alarms = 0
        for path in self.defective_files:
            lang, fmt = name_of(path)[:2], path.suffix
            for d, ok in self.defect_results(path):
                for key in (("all",), (d["family"],), (lang,), (d["family"], lang), (fmt,)):
                    per[key][0] += ok
                    per[key][1] += 1
                if not ok:
                    print(f"MISSED  {path.name:45} {d['family']:7} {d['excerpt']!r}")
        for path in self.clean_files:
            for f in self.false_alarms(path):
                alarms += 1
                print(f"FALSE   {path.name:45} {f.code:9} {f.excerpt!r} {f.message}")
        for key in sorted(per, key=lambda k: (len(k), k)):
            found, total = per[key]
            print(f"{'/'.join(key):12} {found:3}/{total:3} = {found / total:6.1%}")
        found, total = per[("all",)]
        print(f"false alarms (error/warning) on {len(self.clean_files)} clean files: {alarms}")
        return found / total, alarms


def corpus_tests(corpus: Corpus, known_escapes: frozenset = frozenset()):
    """The two tests every corpus runs, parametrised over its files; a test module binds them:
    ``test_clean_letter_raises_no_error_or_warning, test_every_defect_is_found = corpus_tests(C)``.
    ``known_escapes``: (letter name, excerpt) pairs tested separately as expected failures."""
    import pytest

    @pytest.mark.parametrize("path", corpus.clean_files, ids=lambda p: p.name)
    def test_clean_letter_raises_no_error_or_warning(path):
        bad = corpus.false_alarms(path)
        assert not bad, [(f.code, f.excerpt, f.message) for f in bad]

    @pytest.mark.parametrize("path", corpus.defective_files, ids=lambda p: p.name)
    def test_every_defect_is_found(path):
        name = name_of(path)
        missed = [d for d, found in corpus.defect_results(path)
                  if not found and (name, d["excerpt"]) not in known_escapes]
        assert not missed, [(d["family"], d["excerpt"]) for d in missed]

    return test_clean_letter_raises_no_error_or_warning, test_every_defect_is_found
