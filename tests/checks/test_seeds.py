"""The seed letters: the known defects are found; their corrected versions raise no error or warning."""
from pathlib import Path

import pytest

from circular_studio.core.checks import load_letter, run_checks

FIX = Path(__file__).parent / "fixtures"


def findings(name, **kw):
    (doc, draft), = load_letter(FIX / name)
    return run_checks(doc, draft, **kw)


def has(fs, code, excerpt=None):
    return any(f.code == code and (excerpt is None or excerpt in f.excerpt) for f in fs)


def test_seed_000_two_spellings_and_empty_link():
    fs = findings("seed-000.md")
    assert has(fs, "TYPO002", "CMDT 25")
    assert has(fs, "LINK001", "CL-24/49")


def test_seed_001_misspelling_and_phone():
    fs = findings("seed-001.md")
    assert any(f.code.startswith("SPELL") and f.excerpt == "أعثتم" and f.fix == "أغتنم" for f in fs)
    f = next(f for f in fs if f.code == "BIDI001")
    assert f.excerpt == "+41 22 730 5614" and f.fix == "\u200e+41 22 730 5614\u200e"
    assert has(fs, "LINK004")


def test_seed_002_misspelling_and_links_without_target():
    fs = findings("seed-002.md")
    assert any(f.code == "SPELL001" and f.excerpt == "منظمتمكم" and f.fix == "منظمتكم" for f in fs)
    assert sum(f.code == "LINK001" for f in fs) == 11
    assert has(fs, "DATE007", "31 أكتوبر")


def test_seed_004_misspelling_and_phone():
    fs = findings("seed-004.md")
    assert any(f.code == "SPELL001" and f.excerpt == "أعتنم" for f in fs)
    assert has(fs, "BIDI001", "+41 22 730 6240")


@pytest.mark.parametrize("name", ["seed-000-clean.md", "seed-001-clean.md", "seed-002-clean.md",
                                  "seed-004-clean.md"])
def test_clean_versions_raise_no_error_or_warning(name):
    bad = [f for f in findings(name) if f.severity.value != "info"]
    assert not bad, [(f.code, f.excerpt, f.message) for f in bad]


def test_resolution_is_not_a_letter():
    fs = findings("seed-003.md")
    assert not any(f.code.startswith("STRUCT") for f in fs)


def test_seed_as_txt_reads_markdown(tmp_path):
    p = tmp_path / "002.txt"
    p.write_text((FIX / "seed-002.md").read_text(encoding="utf-8"), encoding="utf-8")
    (doc, d), = load_letter(p)
    assert sum(f.code == "LINK001" for f in run_checks(doc, d)) == 11


def test_disable_by_prefix_and_code():
    fs = findings("seed-002.md", ignore=["LINK", "SPELL001"])
    assert not any(f.code.startswith("LINK") or f.code == "SPELL001" for f in fs)
    fs = findings("seed-002.md", select=["SPELL"])
    assert {f.code for f in fs} == {"SPELL001"}


def test_project_file_and_draft_disable(tmp_path):
    from circular_studio.core.checks import project_config
    from circular_studio.core.model.draft import Draft

    (tmp_path / "circular-studio.toml").write_text('[check]\nignore = ["LINK001"]\n', encoding="utf-8")
    p = tmp_path / "l.md"
    p.write_text((FIX / "seed-002.md").read_text(encoding="utf-8"), encoding="utf-8")
    (doc, _), = load_letter(p)
    fs = run_checks(doc, None, project=project_config(p))
    assert not any(f.code == "LINK001" for f in fs)
    draft = Draft("letter", {}, {"ar": {}}, ["SPELL"])
    fs = run_checks(doc, draft)
    assert not any(f.code.startswith("SPELL") for f in fs) and any(f.code == "LINK001" for f in fs)


def test_messages_in_french():
    fs = findings("seed-000.md", ui_language="fr")
    assert any("n'a pas de cible" in f.message for f in fs)
