"""Every check's bad example fires it and its good example does not (parametrised over the
registry), so no check can silently never fire."""
import pytest

from circular_studio.core.checks import all_checks, run_checks
from circular_studio.core.checks.catalogue import example_document, render

CASES = [(c.code, k, ex) for c in all_checks() for k, ex in enumerate(c.examples)]


def test_every_check_has_examples_and_docs():
    for c in all_checks():
        assert c.examples, f"{c.code} has no example"
        assert c.what and c.why and c.fix, c.code
        assert {"en", "fr"} <= set(c.messages), c.code


@pytest.mark.parametrize("code,k,ex", CASES, ids=[f"{c}-{k}-{ex.language}" for c, k, ex in CASES])
def test_bad_example_fires(code, k, ex):
    doc, draft = example_document(ex, "bad")
    found = [f for f in run_checks(doc, draft, select=[code]) if f.code == code]
    assert found, f"{code} did not fire on its bad example {ex.bad!r}"
    for f in found:
        assert 0 <= f.start <= f.end <= len(doc.blocks[f.paragraph].text)


@pytest.mark.parametrize("code,k,ex", CASES, ids=[f"{c}-{k}-{ex.language}" for c, k, ex in CASES])
def test_good_example_silent(code, k, ex):
    doc, draft = example_document(ex, "good")
    found = [f for f in run_checks(doc, draft, select=[code]) if f.code == code]
    assert not found, f"{code} fired on its good example: {[(f.excerpt, f.message) for f in found]}"


def _has_fixes(code, ex) -> bool:
    doc, draft = example_document(ex, "bad")
    found = [f for f in run_checks(doc, draft, select=[code]) if f.code == code]
    return bool(found) and all(f.fix is not None for f in found)


# Only the examples whose findings carry fixes; the others are covered by test_bad_example_fires.
FIX_CASES = [case for case in CASES if _has_fixes(case[0], case[2])]


def test_many_checks_offer_fixes():
    assert len({code for code, _, _ in FIX_CASES}) >= 15


@pytest.mark.parametrize("code,k,ex", FIX_CASES, ids=[f"{c}-{k}-{ex.language}" for c, k, ex in FIX_CASES])
def test_fix_repairs_bad_example(code, k, ex):
    """Applying a check's fixes to its bad example silences that check (where fixes exist)."""
    from circular_studio.core.checks import apply_fixes
    from circular_studio.core.document import Span

    doc, draft = example_document(ex, "bad")
    found = [f for f in run_checks(doc, draft, select=[code]) if f.code == code]
    by_block = {}
    for f in found:
        by_block.setdefault(f.paragraph, []).append(f)
    for i, fs in by_block.items():
        doc.blocks[i].spans = [Span(apply_fixes(doc.blocks[i].text, fs))]
    again = [f for f in run_checks(doc, draft, select=[code]) if f.code == code]
    assert not again, [(f.excerpt, f.fix) for f in again]


def test_docs_up_to_date():
    from pathlib import Path

    docs = Path(__file__).resolve().parents[2] / "docs" / "checks.md"
    assert docs.read_text(encoding="utf-8") == render(), "regenerate docs/checks.md"
