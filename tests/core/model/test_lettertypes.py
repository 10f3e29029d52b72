"""The three letter types, in three languages, as a new letter offers them."""
import datetime as dt

import pytest

from circular_studio.core.model.lettertypes import KINDS, letter_types
from circular_studio.core.compose.pipeline import build_document


def test_three_types_in_arabic_french_english():
    types = letter_types()
    assert {"invitation", "call_for_contributions", "expression_of_interest"} <= set(types)
    for lt in types.values():
        assert {"ar", "fr", "en"} <= set(lt.languages)
        assert all(f.kind in KINDS for f in lt.fields)
        assert all(f.label(lang) for f in lt.fields for lang in ("en", "fr", "ar"))


@pytest.mark.parametrize("type_id", ["invitation", "call_for_contributions", "expression_of_interest"])
@pytest.mark.parametrize("language", ["ar", "fr", "en"])
def test_a_filled_new_letter_renders_in_every_language(type_id, language):
    lt = letter_types()[type_id]
    d = lt.new_draft([language], today=dt.date(2025, 3, 3))
    d.fields.update(signatory="doreen-bogdan-martin", start_date="2025-11-17", end_date="2025-11-28",
                    deadline="2025-06-30", reference="CL-25/12", contact_phone="+41 22 730 5614")
    d.languages[language].update(subject="S", body="Para one.\n\nPara two with [a link](https://www.itu.int/).",
                                 addressees=["A", "B"], event_name="E")
    doc = build_document(d, language)
    kinds = [b.kind.value for b in doc.blocks]
    for needed in ("letterhead", "date_line", "reference", "subject", "salutation", "closing", "signature"):
        assert needed in kinds
    assert doc.direction == ("rtl" if language == "ar" else "ltr")
    assert [b.field for b in doc.blocks if b.kind.value == "paragraph"] == ["body", "body"]
    assert "+41 22 730 5614" in doc.text


def test_prose_can_insert_facts():
    lt = letter_types()["invitation"]
    d = lt.new_draft(["fr"], today=dt.date(2025, 3, 3))
    d.fields.update(signatory="doreen-bogdan-martin", start_date="2025-11-17", end_date="2025-11-28")
    d.languages["fr"].update(subject="S", addressees=["A"], event_name="CMDT-25",
                             body="La {{ event_name }} se tiendra {{ start_date|date_range(end_date) }}.")
    assert "La CMDT-25 se tiendra du 17 au 28 novembre 2025." in build_document(d, "fr").text


def test_markdown_characters_in_facts_stay_characters():
    lt = letter_types()["invitation"]
    d = lt.new_draft(["en"], today=dt.date(2025, 3, 3))
    d.fields.update(signatory="seizo-onoe", start_date="2025-11-17", end_date="2025-11-28",
                    contact_name="Ana *Star* [Lee]")
    d.languages["en"].update(subject="1. Not a list", addressees=["- not a bullet"], body="x", event_name="E")
    doc = build_document(d, "en")
    assert "Contact: Ana *Star* [Lee]" in doc.text
    assert "Subject: 1. Not a list" in doc.text
    assert any(b.text == "- not a bullet" and not b.is_list_item for b in doc.blocks)


def test_addresses_of_the_organisation_become_live_links():
    from circular_studio.core.compose.markdown import parse_markdown

    doc = parse_markdown("Details at www.itu.int/itu-wsis/fund. Write to wsis-info@itu.int.", "en")
    links = [span.link for block in doc.blocks for _s, _e, span in block.links()]
    assert links == ["http://www.itu.int/itu-wsis/fund", "mailto:wsis-info@itu.int"]


@pytest.mark.parametrize("value, ok", [("2024-10-31", True), ("20241031", False), ("2024-W44-4", False),
                                       ("2024-02-30", False), ("31/10/2024", False)])
def test_dates_are_written_year_month_day(value, ok):
    spec = letter_types()["invitation"].field("deadline")
    assert (spec.validate(value) is None) is ok


def test_a_list_item_of_two_paragraphs_is_one_item():
    from circular_studio.core.compose.markdown import parse_markdown

    doc = parse_markdown("1. first\n\n   its second paragraph\n2. next\n\n- bullet\n\n  more of it\n", "en")
    items = [(b.text, b.list_kind, b.number) for b in doc.blocks]
    assert items == [("first", "ordered", 1), ("its second paragraph", None, None), ("next", "ordered", 2),
                     ("bullet", "bullet", None), ("more of it", None, None)]
