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


# Facts that fill a letter of each type (shared facts, then per language).
FILLED = {
    "invitation": ({"start_date": "2025-11-17", "end_date": "2025-11-28", "deadline": "2025-06-30",
                    "info_url": "https://www.itu.int/wtdc25/"},
                   {"event_name": "E", "venue": "Bakou"}),
    "call_for_contributions": ({"start_date": "2025-11-17", "end_date": "2025-11-28", "deadline": "2025-06-30",
                                "form_url": "https://www.itu.int/form/", "info_url": "https://www.itu.int/"},
                               {"sought": "S", "event_name": "E", "venue": "Genève"}),
    "expression_of_interest": ({"deadline": "2025-06-30", "form_url": "https://www.itu.int/form/",
                                "info_url": "https://www.itu.int/p2c/"},
                               {"initiative": "I", "focus_areas": ["One", "Two"]}),
}


def filled(type_id, languages, today=dt.date(2025, 3, 3)):
    lt = letter_types()[type_id]
    d = lt.new_draft(languages, today=today)
    shared, own = FILLED[type_id]
    d.fields.update(signatory="doreen-bogdan-martin", reference="CL-25/12", contact_phone="+41 22 730 5614",
                    **shared)
    for lang in languages:
        d.languages[lang].update(own)
    return d


@pytest.mark.parametrize("type_id", ["invitation", "call_for_contributions", "expression_of_interest"])
@pytest.mark.parametrize("language", ["ar", "fr", "en"])
def test_a_filled_new_letter_renders_in_every_language(type_id, language):
    d = filled(type_id, [language])
    doc = build_document(d, language)
    kinds = [b.kind.value for b in doc.blocks]
    for needed in ("letterhead", "date_line", "reference", "addressees", "subject", "salutation", "closing",
                   "signature"):
        assert needed in kinds
    assert doc.direction == ("rtl" if language == "ar" else "ltr")
    body = [b.field for b in doc.blocks if b.kind.value == "paragraph"]
    on = [f"clause:{c.id}" for c in letter_types()[type_id].included(d)]
    assert list(dict.fromkeys(body)) == on  # every clause in the letter, in the type's order
    assert "+41 22 730 5614" in doc.text
    assert "[" not in doc.text  # no placeholder left


def test_clauses_print_the_facts_typed_once():
    d = filled("invitation", ["fr", "en"])
    d.languages["fr"].update(event_name="la Conférence mondiale", event_acronym="CMDT-25",
                             host="le Gouvernement de l'Azerbaïdjan")
    fr, en = build_document(d, "fr").text, build_document(d, "en").text
    assert ("J'ai l'honneur de vous informer que, à l'aimable invitation du Gouvernement de l'Azerbaïdjan, "
            "la Conférence mondiale (CMDT-25) se tiendra à Bakou, du 17 au 28 novembre 2025.") in fr
    assert "Objet: Invitation à la Conférence mondiale (CMDT-25), du 17 au 28 novembre 2025" in fr
    assert "confirmer votre participation avant le 30 juin 2025" in fr
    assert "will be held in Bakou, from 17 to 28 November 2025" in en


def test_the_three_types_write_different_letters():
    bodies = {}
    for type_id in FILLED:
        doc = build_document(filled(type_id, ["en"]), "en")
        bodies[type_id] = " ".join(b.text for b in doc.blocks if (b.field or "").startswith("clause:"))
    assert len(set(bodies.values())) == 3
    assert all(len(text.split()) >= 100 for text in bodies.values())


def test_markdown_characters_in_facts_stay_characters():
    d = filled("invitation", ["en"])
    d.fields.update(contact_name="Ana *Star* [Lee]")
    d.languages["en"].update(subject="1. Not a list", addressees=["- not a bullet"], event_name="E_1 *x*")
    doc = build_document(d, "en")
    assert "Contact: Ana *Star* [Lee]" in doc.text
    assert "Subject: 1. Not a list" in doc.text
    assert "the E_1 *x* will be held" in doc.text
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
