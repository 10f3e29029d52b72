"""Values of the wrong kind and empty optional dates never reach the user as Python errors
(issue 15 item 6): the preview shows placeholders, strict builds say which field."""
import pytest

from circular_studio.core.compose.pipeline import build_document
from circular_studio.core.errors import DraftError, TemplateError
from circular_studio.core.model import draft as draft_io
from tests.conftest import example_path


@pytest.mark.parametrize("value", [{"x": 1}, ["SG"], 7])
def test_wrong_kind_of_value_previews_with_placeholder(value):
    """'"sector": {"x": 1}' gave "TypeError: unhashable type: 'dict'" for the whole page."""
    d = draft_io.load(example_path("000"))
    d.fields["sector"] = value
    doc = build_document(d, "fr", strict=False)
    assert "[En-tête (secteur)]" in doc.text
    with pytest.raises(DraftError, match="field 'sector'"):
        build_document(d, "fr", strict=True)


def test_empty_end_date_in_a_range():
    """"ValueError: '' is not a date" for the page; the preview shows the field's placeholder
    where the range prints it, and a strict build names the field."""
    d = draft_io.load(example_path("004"))
    d.overrides["ar"].pop("event")  # the standard text, which prints the event's dates
    d.fields.update(start_date="2025-03-03", end_date="")
    doc = build_document(d, "ar", strict=False)
    assert any("من 3 مارس 2025 إلى [نهاية الحدث]" in b.text for b in doc.blocks)
    with pytest.raises(DraftError) as err:
        build_document(d, "ar", strict=True)
    assert "end_date" in str(err.value) and "ValueError" not in str(err.value)
