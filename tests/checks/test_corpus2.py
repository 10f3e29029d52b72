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


from tests.checks.corpus_eval import Corpus, corpus_tests

CORPUS = Corpus(Path(__file__).parent / "corpora" / "corpus2")
MANIFEST = CORPUS.manifest
test_clean_letter_raises_no_error_or_warning, test_every_defect_is_found = corpus_tests(CORPUS)


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
