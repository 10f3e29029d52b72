"""The evaluation corpus (tests/checks/corpus/): realistic letters in Arabic, French and English,
each clean and with injected defects, as .md and as .docx written the way Word writes them.

- a clean letter raises no error and no warning;
- every defect of manifest.json is found: a finding of its family (a code prefix) whose span
  overlaps the defect's excerpt (any finding of the family when the defect is a missing part).

``python tests/checks/test_corpus.py`` prints recall and false alarms per letter.
"""
from __future__ import annotations

import sys
from pathlib import Path


from tests.checks.corpus_eval import Corpus, corpus_tests

CORPUS = Corpus(Path(__file__).parent / "corpora" / "corpus")
MANIFEST = CORPUS.manifest
test_clean_letter_raises_no_error_or_warning, test_every_defect_is_found = corpus_tests(CORPUS)


def test_corpus_is_built_from_the_manifest():
    sys.path.insert(0, str(CORPUS.root))
    try:
        import build
    finally:
        sys.path.pop(0)
    for name, defects in MANIFEST.items():
        clean = (CORPUS.root / "clean" / f"{name}.md").read_text(encoding="utf-8")
        assert build.inject(clean, defects) == (CORPUS.root / "defective" / f"{name}.md").read_text(encoding="utf-8")
    assert {p.stem.split("_")[0][:2] for p in (CORPUS.root / "clean").glob("*.md")} == {"ar", "fr", "en"}


def test_recall_report(capsys):
    with capsys.disabled():
        recall, alarms = CORPUS.report()
    assert recall >= 0.9 and alarms == 0


if __name__ == "__main__":
    CORPUS.report()
