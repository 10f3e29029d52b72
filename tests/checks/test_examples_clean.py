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
    data["languages"]["fr"]["event_name"] = ""
    data["fields"]["signatory"] = ""
    data["fields"]["contact_email"] = "wtdc-at-itu.int"
    path = tmp_path / "incomplete.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    ((doc, draft),) = load_letter(path)
    found = {(f.code, f.field) for f in run_checks(doc, draft, select=["FORM"])}
    assert found == {("FORM001", "event_name"), ("FORM001", "signatory"), ("FORM002", "contact_email")}
    # the empty event name is found where the letter prints it (its placeholder in the subject)
    (event,) = [f for f in run_checks(doc, draft, select=["FORM001"]) if f.field == "event_name"]
    assert doc.blocks[event.paragraph].text[event.start:event.end] == "[Nom de l'événement]"


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


def test_language_versions_that_disagree_are_reported(tmp_path):
    """The French body keeps an old link and another year: each version says what it lacks."""
    import json

    from tests.conftest import example_path

    data = json.loads(example_path("001").read_text(encoding="utf-8"))
    for block in data["free"]:  # the paragraphs the drafter wrote, in French
        fr = block["text"]["fr"]
        block["text"]["fr"] = fr.replace("www.itu.int/itu-wsis/fund", "www.itu.int/wsis-fund-2019").replace(
            "depuis 2005", "depuis 2003")
    path = tmp_path / "versions.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    found = {doc.language: {(f.code, f.message) for f in run_checks(doc, draft, select=["LANG"])}
             for doc, draft in load_letter(path)}
    # each finding cites both places: the other version's paragraph, and what this one writes instead
    assert ("LANG001", 'the French version points to "www.itu.int/wsis-fund-2019" (paragraph 12); '
            "this version: «www.itu.int/itu-wsis/fund»") in found["en"]
    assert any(code == "LANG002" and msg.startswith("the French version cites the number 2003 (paragraph ")
               for code, msg in found["ar"])
    assert any(code == "LANG001" and "itu-wsis/fund" in msg for code, msg in found["fr"])
