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

from pathlib import Path

import pytest

from tests.checks.corpus_eval import Corpus

CORPUS = Corpus(Path(__file__).parent / "corpus2")
MANIFEST = CORPUS.manifest


@pytest.mark.parametrize("path", CORPUS.clean_files, ids=lambda p: p.name)
def test_clean_letter_raises_no_error_or_warning(path):
    bad = CORPUS.false_alarms(path)
    assert not bad, [(f.code, f.excerpt, f.message) for f in bad]


@pytest.mark.parametrize("path", CORPUS.defective_files, ids=lambda p: p.name)
def test_every_defect_is_found(path):
    missed = [d for d, found in CORPUS.defect_results(path) if not found]
    assert not missed, [(d["family"], d["excerpt"]) for d in missed]


def test_corpus2_is_built_from_its_builder():
    import importlib.util

    spec = importlib.util.spec_from_file_location("corpus2_build", CORPUS.root / "build.py")
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    assert build.manifest() == MANIFEST
    for name, defects in MANIFEST.items():
        clean = (CORPUS.root / "clean" / f"{name}.md").read_text(encoding="utf-8")
        assert build.inject(clean, defects) == (CORPUS.root / "defective" / f"{name}.md").read_text(encoding="utf-8")
        for kind in ("clean", "defective"):
            assert (CORPUS.root / "docx" / f"{name}.{kind}.docx").is_file()


if __name__ == "__main__":
    CORPUS.report()
