"""The bundled example letters are correct letters: the checker raises no error or warning on them."""
import pytest

from circular_studio.core.checks import load_letter, run_checks
from circular_studio.core.document import Block, BlockKind, Document, Span
from tests.conftest import EXAMPLES


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.json")), ids=lambda p: p.stem)
def test_examples_raise_no_error_or_warning(path):
    for doc, draft in load_letter(path):
        serious = [f for f in run_checks(doc, draft) if f.severity.value in ("error", "warning")]
        assert serious == [], f"{path.name} [{doc.language}]: " + "; ".join(
            f"{f.code} {f.message}" for f in serious)


def test_capitalisation_alone_is_not_a_second_spelling():
    doc = Document("en", [Block(BlockKind.PARAGRAPH, [Span(
        "The High-Level Track includes a high-level networking programme. WTDC-25 and WTDC 25.")])])
    found = [(f.code, f.excerpt) for f in run_checks(doc, select=["TYPO002"])]
    assert found == [("TYPO002", "WTDC 25")]


def test_a_draft_with_empty_required_fields_names_each_field(tmp_path):
    import json

    from tests.conftest import example_path

    data = json.loads(example_path("000").read_text(encoding="utf-8"))
    data["languages"]["fr"]["subject"] = ""
    data["fields"]["signatory"] = ""
    data["fields"]["contact_email"] = "wtdc-at-itu.int"
    path = tmp_path / "incomplete.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    ((doc, draft),) = load_letter(path)
    found = {(f.code, f.field) for f in run_checks(doc, draft, select=["FORM"])}
    assert found == {("FORM001", "subject"), ("FORM001", "signatory"), ("FORM002", "contact_email")}


@pytest.mark.parametrize("lang, expected", [("en", "is not an e-mail address"),
                                            ("fr", "n'est pas une adresse électronique"),
                                            ("ar", "ليس عنوان بريد إلكتروني")])
def test_invalid_field_message_in_the_interface_language(tmp_path, lang, expected):
    import json

    from tests.conftest import example_path

    data = json.loads(example_path("000").read_text(encoding="utf-8"))
    data["fields"]["contact_email"] = "wtdc-at-itu.int"
    path = tmp_path / "bad-email.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    ((doc, draft),) = load_letter(path)
    (finding,) = run_checks(doc, draft, select=["FORM002"], ui_language=lang)
    assert expected in finding.message and "wtdc-at-itu.int" in finding.message
