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


def test_empty_optional_end_date_in_a_range():
    """"ValueError: '' is not a date" for the page; the preview shows its [DATE] placeholder."""
    d = draft_io.load(example_path("004"))
    d.languages["ar"]["body"] = "من {{ start_date|date_range(end_date) }} في جنيف."
    d.fields.update(start_date="2025-03-03", end_date="")
    doc = build_document(d, "ar", strict=False)
    assert "من [DATE] في جنيف." in [b.text for b in doc.blocks]
    with pytest.raises(TemplateError) as err:
        build_document(d, "ar", strict=True)
    assert "field 'body'" in str(err.value) and "ValueError" not in str(err.value)
