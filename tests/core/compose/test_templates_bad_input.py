"""Broken letter types, templates and drafts give one clear message naming where, never a traceback."""
import json
import shutil

import pytest

from circular_studio.core.model import draft as draft_io
from circular_studio.core.model import lettertypes
from circular_studio.core.errors import DraftError, TemplateError
from circular_studio.core.compose.pipeline import build_document
from circular_studio.core.resources import templates_dir
from tests.conftest import example_path


@pytest.fixture
def own_templates(tmp_path, monkeypatch):
    """A private copy of templates/ the test may break."""
    root = tmp_path / "templates"
    shutil.copytree(templates_dir(), root)
    monkeypatch.setenv("CIRCULAR_STUDIO_TEMPLATES", str(root))
    return root


def test_unknown_letter_type():
    d = draft_io.load(example_path("000"))
    d.letter_type = "love_letter"
    with pytest.raises(DraftError, match="unknown letter type 'love_letter'"):
        build_document(d, "fr")


def test_unknown_language():
    d = draft_io.load(example_path("000"))
    with pytest.raises(DraftError, match="no 'de' version"):
        build_document(d, "de")
    d.languages["xx"] = dict(d.languages["fr"])
    with pytest.raises(TemplateError, match="no 'xx' template"):
        build_document(d, "xx")


def test_missing_required_field_is_named():
    d = draft_io.load(example_path("000"))
    d.languages["fr"]["event_name"] = ""
    with pytest.raises(DraftError, match="required field 'event_name'"):
        build_document(d, "fr")


def test_preview_mode_shows_a_placeholder_for_missing_fields():
    d = draft_io.load(example_path("000"))
    d.languages["fr"]["event_name"] = ""
    d.overrides.clear()  # the standard texts, which print the event name
    doc = build_document(d, "fr", strict=False)
    assert "Objet: Invitation à [Nom de l'événement] (CMDT-25), du 17 au 28 novembre 2025" in doc.text
    assert "J'ai l'honneur de vous informer que, à l'aimable invitation du Gouvernement de la République " \
           "d'Azerbaïdjan, [Nom de l'événement] (CMDT-25) se tiendra à Bakou" in doc.text


def test_invalid_field_value_is_named():
    d = draft_io.load(example_path("000"))
    d.fields["contact_email"] = "wtdc-at-itu.int"
    with pytest.raises(DraftError, match="contact_email"):
        build_document(d, "fr")


def test_jinja_syntax_error_reports_template_and_line(own_templates):
    path = own_templates / "invitation" / "fr.md.j2"
    path.write_text('{% extends "_base/letter.md.j2" %}\n{% if subject %}\nno endif\n', encoding="utf-8")
    d = draft_io.load(example_path("000"))
    with pytest.raises(TemplateError) as err:
        build_document(d, "fr")
    msg = str(err.value)
    assert "invitation/fr.md.j2" in msg and "line" in msg and "syntax" in msg


def test_unknown_field_in_template_is_named(own_templates):
    path = own_templates / "invitation" / "fr.md.j2"
    path.write_text('{% extends "_base/letter.md.j2" %}\n{% block subject %}Objet: {{ sujet }}\n{% endblock %}\n',
                    encoding="utf-8")
    with pytest.raises(TemplateError, match="invitation/fr.md.j2: uses field.* not in the schema: sujet"):
        build_document(draft_io.load(example_path("000")), "fr")


@pytest.mark.parametrize("attack", [
    "{{ ''.__class__ }}",
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ subject.__init__.__globals__ }}",
    "{{ addressees.append('x') }}",
])
def test_sandbox_refuses_python_internals(own_templates, attack):
    path = own_templates / "invitation" / "fr.md.j2"
    path.write_text('{% extends "_base/letter.md.j2" %}\n{% block subject %}' + attack + "\n{% endblock %}\n",
                    encoding="utf-8")
    with pytest.raises(TemplateError, match="sandbox|unsafe|refused"):
        build_document(draft_io.load(example_path("000")), "fr")


def test_text_typed_by_the_drafter_is_never_template_code():
    """A free paragraph or an override is the drafter's text: braces print as typed, nothing runs."""
    d = draft_io.load(example_path("000"))
    d.free.append({"id": "p9", "after": "", "text": {"fr": "Texte {{ 7 * 7 }} {% if x %}"}})
    d.overrides["fr"]["announce"]["text"] = "Le {{ start_date|long_date }} à {{ venue }}."
    text = build_document(d, "fr").text
    assert "Texte {{ 7 * 7 }} {% if x %}" in text
    assert "Le {{ start_date|long_date }} à {{ venue }}." in text


def test_broken_schema_is_reported_and_spares_the_other_types(own_templates):
    (own_templates / "invitation" / "schema.json").write_text("{ not json", encoding="utf-8")
    assert "invitation" not in lettertypes.letter_types()
    assert "call_for_contributions" in lettertypes.letter_types()
    assert "schema.json" in str(lettertypes.broken_letter_types()["invitation"])
    with pytest.raises(TemplateError, match="invitation/schema.json"):
        build_document(draft_io.load(example_path("000")), "fr")


def test_control_characters_in_prose_never_crash_rendering():
    d = draft_io.load(example_path("000"))
    d.free.append({"id": "p9", "after": "", "text": {"fr": "Bonjour\x07 le\x1b monde"}})
    d = draft_io.from_json(d.to_json())  # as if loaded from disk
    doc = build_document(d, "fr")
    assert "Bonjour le monde" in doc.text


def test_text_typed_in_the_editor_is_cleaned_when_rendered():
    """Text pasted into the editor (never loaded from a file) is cleaned on the way to the letter."""
    d = draft_io.load(example_path("000"))
    d.languages["fr"]["subject"] = "Invitation\x07 à la CMDT-25"
    d.free.append({"id": "p9", "after": "", "text": {"fr": "Première ligne\x0bdeuxième ligne"}})
    doc = build_document(d, "fr")
    assert "Objet: Invitation à la CMDT-25" in doc.text
    assert "\x07" not in doc.text and "\x0b" not in doc.text


def test_an_empty_date_a_clause_needs_shows_a_placeholder_in_the_preview():
    d = draft_io.load(example_path("000"))
    d.fields["deadline"] = ""
    d.clauses["confirm"] = True  # the confirmation paragraph prints the reply deadline
    preview = build_document(d, "fr", strict=False)
    assert "confirmer votre participation avant le [Date limite de réponse], par courrier." in preview.text
    with pytest.raises(DraftError, match="required field 'deadline'"):
        build_document(d, "fr")
