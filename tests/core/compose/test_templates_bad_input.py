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
    d.languages["fr"]["subject"] = ""
    with pytest.raises(DraftError, match="required field 'subject'"):
        build_document(d, "fr")


def test_preview_mode_shows_a_placeholder_for_missing_fields():
    d = draft_io.load(example_path("000"))
    d.languages["fr"]["subject"] = ""
    doc = build_document(d, "fr", strict=False)
    assert "Objet: [Objet]" in doc.text


def test_invalid_field_value_is_named():
    d = draft_io.load(example_path("000"))
    d.fields["contact_email"] = "wtdc-at-itu.int"
    with pytest.raises(DraftError, match="contact_email"):
        build_document(d, "fr")


def test_jinja_syntax_error_reports_template_and_line(own_templates):
    path = own_templates / "invitation" / "fr.md.j2"
    path.write_text(path.read_text(encoding="utf-8") + "\n{% if subject %}\nno endif\n", encoding="utf-8")
    d = draft_io.load(example_path("000"))
    with pytest.raises(TemplateError) as err:
        build_document(d, "fr")
    msg = str(err.value)
    assert "invitation/fr.md.j2" in msg and "line" in msg and "syntax" in msg


def test_unknown_field_in_template_is_named(own_templates):
    path = own_templates / "invitation" / "fr.md.j2"
    path.write_text('{% extends "_base/fr.md.j2" %}\n{% block subject %}Objet: {{ sujet }}\n{% endblock %}\n',
                    encoding="utf-8")
    with pytest.raises(TemplateError, match="unknown field 'sujet'") as err:
        build_document(draft_io.load(example_path("000")), "fr")
    assert "line 2" in str(err.value)


@pytest.mark.parametrize("attack", [
    "{{ ''.__class__ }}",
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ subject.__init__.__globals__ }}",
    "{{ addressees.append('x') }}",
])
def test_sandbox_refuses_python_internals(own_templates, attack):
    path = own_templates / "invitation" / "fr.md.j2"
    path.write_text('{% extends "_base/fr.md.j2" %}\n{% block subject %}' + attack + "\n{% endblock %}\n",
                    encoding="utf-8")
    with pytest.raises(TemplateError, match="sandbox|unsafe|refused"):
        build_document(draft_io.load(example_path("000")), "fr")


def test_prose_cannot_escape_the_sandbox_either():
    d = draft_io.load(example_path("000"))
    d.languages["fr"]["body"] = "Texte {{ ''.__class__.__mro__ }}"
    with pytest.raises(TemplateError, match="sandbox|unsafe|refused"):
        build_document(d, "fr")


def test_broken_schema_is_reported_and_spares_the_other_types(own_templates):
    (own_templates / "invitation" / "schema.json").write_text("{ not json", encoding="utf-8")
    assert "invitation" not in lettertypes.letter_types()
    assert "call_for_contributions" in lettertypes.letter_types()
    assert "schema.json" in str(lettertypes.broken_letter_types()["invitation"])
    with pytest.raises(TemplateError, match="invitation/schema.json"):
        build_document(draft_io.load(example_path("000")), "fr")


def test_new_letter_type_is_just_files(own_templates):
    folder = own_templates / "call_for_experts"
    folder.mkdir()
    (folder / "schema.json").write_text(json.dumps({
        "extends": "_base", "title": {"en": "Call for experts"},
        "fields": [{"name": "expertise", "kind": "text", "translatable": True, "required": True,
                    "label": {"en": "Expertise sought"}}]}), encoding="utf-8")
    (folder / "en.md.j2").write_text(
        '{% extends "_base/en.md.j2" %}\n{% block subject %}<!-- subject field=subject -->\n'
        "Subject: {{ subject }} ({{ expertise }})\n\n{% endblock %}\n", encoding="utf-8")
    types = lettertypes.letter_types()
    assert types["call_for_experts"].languages == ("en",)
    d = types["call_for_experts"].new_draft(["en"])
    d.fields.update(signatory="seizo-onoe", letter_date="2024-05-02")
    d.languages["en"].update(subject="Experts wanted", expertise="spectrum", body="We seek experts.",
                             addressees=["Member States"])
    doc = build_document(d, "en")
    assert "Subject: Experts wanted (spectrum)" in doc.text
    assert "Seizo Onoe\nDirector" in doc.text


def test_control_characters_in_prose_never_crash_rendering():
    d = draft_io.load(example_path("000"))
    d.languages["fr"]["body"] = "Bonjour\x07 le\x1b monde"
    d = draft_io.from_json(d.to_json())  # as if loaded from disk
    doc = build_document(d, "fr")
    assert "Bonjour le monde" in doc.text


def test_text_typed_in_the_editor_is_cleaned_when_rendered():
    """Text pasted into the editor (never loaded from a file) is cleaned on the way to the letter."""
    d = draft_io.load(example_path("000"))
    d.languages["fr"]["subject"] = "Invitation\x07 à la CMDT-25"
    d.languages["fr"]["body"] = "Première ligne\x0bdeuxième ligne"
    doc = build_document(d, "fr")
    assert "Objet: Invitation à la CMDT-25" in doc.text
    assert "\x07" not in doc.text and "\x0b" not in doc.text


def test_an_empty_date_used_in_the_body_shows_a_placeholder_in_the_preview():
    d = draft_io.load(example_path("000"))
    d.fields["deadline"] = ""
    d.languages["fr"]["body"] = "Réponse attendue avant le {{ deadline|long_date }}."
    preview = build_document(d, "fr", strict=False)
    assert "Réponse attendue avant le [DATE]." in preview.text
    with pytest.raises(TemplateError, match="field 'body'.*not a date"):
        build_document(d, "fr")
