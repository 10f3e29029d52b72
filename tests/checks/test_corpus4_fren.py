"""Fourth evaluation corpus (tests/checks/corpus4_fren/, built by its build.py): French and English
letters only, in ITU house style (PP-26, a study group after WTSA-24, a WRC-27 regional workshop,
WTDC-22 in 2022, AI for Good, WSIS stocktaking, a regional cyberdrill; the Secretary-General, the
Deputy, the three Directors; women and men signing), with French- and English-specific defects:
dropped accents and common English misspellings, first-person gender agreement, gendered and
wrong-office titles, weekdays, impossible dates, deadlines after the event, reference years,
placeholders ([NOM DU PAYS], TBD, XX mai), salutation/closing mismatches (also across languages),
a missing "Objet:" line, a missing women/youth paragraph, "AMNT 24", citations without "Rév.",
"Objet :" and double spaces. Each letter as .md and as .docx (some with the reference block in a
2-column table, links as relationships).

- a clean letter raises no error and no warning;
- every defect of manifest.json is found (a finding of its family overlapping its excerpt).

``python -m tests.checks.test_corpus4_fren`` prints recall per family, the misses and false alarms.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.checks.corpus_eval import Corpus, corpus_tests

CORPUS = Corpus(Path(__file__).parent / "corpora" / "corpus4_fren")
MANIFEST = CORPUS.manifest
test_clean_letter_raises_no_error_or_warning, test_every_defect_is_found = corpus_tests(CORPUS)


def test_corpus4_is_built_from_its_builder():
    import importlib.util

    spec = importlib.util.spec_from_file_location("corpus4_build", CORPUS.root / "build.py")
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    assert build.manifest() == MANIFEST
    for name, defects in MANIFEST.items():
        assert len(defects) >= 4
        clean = (CORPUS.root / "clean" / f"{name}.md").read_text(encoding="utf-8")
        assert len(clean.split()) >= 250
        assert build.inject(clean, defects) == (CORPUS.root / "defective" / f"{name}.md").read_text(encoding="utf-8")
        for kind in ("clean", "defective"):
            assert (CORPUS.root / "docx" / f"{name}.{kind}.docx").is_file()


def _check(tmp_path, text: str, lang: str = "en"):
    from circular_studio.core.checks import load_letter, run_checks

    p = tmp_path / f"l.{lang}.md"
    p.write_text(text, encoding="utf-8")
    (doc, draft), = load_letter(p)
    return run_checks(doc, draft)


_EN = ("Telecommunication Development Bureau (BDT)\n\nGeneva, 8 June 2026\n\nRef: DM-26/1058\n\n"
       "Subject: {subject}\n\n{sal}\n\n{body}\n\nYours faithfully,\n\n(signed)\n\n"
       "Cosmas Luckyson Zavazava\nDirector of the Telecommunication Development Bureau")


def test_director_of_the_bureau_is_the_house_title(tmp_path):
    ok = _check(tmp_path, _EN.format(subject="Note", sal="Dear Sir/Madam,", body="Text."))
    assert not [f for f in ok if f.code.startswith("SIGN")]
    bad = _check(tmp_path, _EN.format(subject="Note", sal="Dear Sir/Madam,", body="Text.")
                 .replace("Cosmas Luckyson Zavazava", "Doreen Bogdan-Martin"))
    assert [f for f in bad if f.code == "SIGN003"]


def test_salutation_and_closing_in_two_languages(tmp_path):
    bad = _check(tmp_path, _EN.format(subject="Note", sal="Madame, Monsieur,", body="Text."))
    assert [f for f in bad if f.code == "STRUCT007"]


def test_body_invitation_to_a_drill_needs_the_women_youth_paragraph(tmp_path):
    body = "I am pleased to invite you to the Regional Cyberdrill. Participants should register online."
    assert [f for f in _check(tmp_path, _EN.format(subject="Regional Cyberdrill", sal="Dear Sir/Madam,", body=body))
            if f.code == "POL001"]
    call = "I invite you to submit contributions to the WSIS Stocktaking. Participants may register online."
    assert not [f for f in _check(tmp_path, _EN.format(subject="WSIS Stocktaking: call for inputs",
                                                       sal="Dear Sir/Madam,", body=call)) if f.code == "POL001"]


@pytest.mark.parametrize("text,found", [
    ("Proposals are due by XX May 2026.", True), ("Les propositions sont attendues le XX mai 2026.", True),
    ("The XXth century.", False), ("Proposals are due by 15 May 2026.", False)])
def test_day_left_as_xx(tmp_path, text, found):
    assert bool([f for f in _check(tmp_path, text) if f.code == "LINK005"]) == found


@pytest.mark.parametrize("citation,found", [
    ("Resolution 99 (Dubai, 2018)", True), ("Resolution 140 (Bucharest, 2022)", True),
    ("Resolution 214 (Bucharest, 2022)", False), ("Resolution 140 (Rev. Bucharest, 2022)", False)])
def test_plenipotentiary_resolution_revised_needs_rev(tmp_path, citation, found):
    assert bool([f for f in _check(tmp_path, f"In line with {citation}, we invite you.")
                 if f.code == "TYPO003"]) == found


if __name__ == "__main__":
    CORPUS.report()
