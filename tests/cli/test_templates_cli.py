"""`circular-studio templates` lists the letter types and catches broken templates before use."""
import shutil

from circular_studio.cli import main
from circular_studio.core.resources import templates_dir


def test_lists_the_types_and_passes_on_the_shipped_templates(capsys):
    assert main(["templates"]) == 0
    out = capsys.readouterr().out
    for type_id in ("invitation", "call_for_contributions", "expression_of_interest"):
        assert type_id in out
    assert "error:" not in out


def test_reports_unknown_fields_and_syntax_errors(tmp_path, monkeypatch, capsys):
    root = tmp_path / "templates"
    shutil.copytree(templates_dir(), root)
    # a type's own layout with an unknown field; another type's with a syntax error
    (root / "invitation" / "en.md.j2").write_text(
        '{% extends "_base/letter.md.j2" %}{% block subject %}Subject: {{ sujet }}\n{% endblock %}', encoding="utf-8")
    (root / "call_for_contributions" / "fr.md.j2").write_text("{% if subject %}oops", encoding="utf-8")
    monkeypatch.setenv("CIRCULAR_STUDIO_TEMPLATES", str(root))
    assert main(["templates"]) == 1
    out = capsys.readouterr().out
    assert "invitation/en.md.j2: uses field(s) not in the schema: sujet" in out
    assert "call_for_contributions/fr.md.j2, line 1: template syntax error" in out
    assert "expression_of_interest" in out and "error: " + str(root / "expression_of_interest") not in out
