"""Style profiles: the ITU house rules apply by default and are off for another publisher's
text, chosen per run (--profile) or per folder (circular-studio.toml)."""
from __future__ import annotations

import json

import pytest

from circular_studio.cli import main
from circular_studio.core.checks import run_checks
from circular_studio.core.checks.engine import prepare
from circular_studio.core.intake.letters import parse_md

WIPO_FR = ("Genève, le 3 avril 2025\n\nObjet : Visite à Berne\n\nMadame, Monsieur,\n\n"
           "Le Directeur général s'est rendu à Berne pour une série de réunions (voir l'annexe : programme).\n\n"
           "Veuillez agréer, Madame, Monsieur, l'expression de ma considération distinguée.\n")


def _codes(text, lang, **kw):
    return {f.code for f in run_checks(prepare(parse_md(text, lang)), None, **kw)}


def test_house_rule_applies_to_itu_letters_by_default():
    assert "TYPO005" in _codes(WIPO_FR, "fr")


def test_other_publisher_profile_turns_house_rules_off_only():
    codes = _codes(WIPO_FR + "\nLa 150ème session.\n", "fr", profile="other")
    assert "TYPO005" not in codes and "STRUCT002" not in codes
    assert "TYPO011" in codes  # not a house rule: still reported


def test_unknown_profile_is_a_clear_error():
    with pytest.raises(ValueError, match="unknown style profile 'wipo'"):
        _codes(WIPO_FR, "fr", profile="wipo")


def _cli_codes(path, *extra, capsys):
    main(["check", "--format", "json", *extra, str(path)])
    return {f["code"] for f in json.loads(capsys.readouterr().out)["files"][0]["findings"]}


def test_profile_from_the_command_line(tmp_path, capsys):
    letter = tmp_path / "wipo.md"
    letter.write_text(WIPO_FR, encoding="utf-8")
    assert "TYPO005" in _cli_codes(letter, capsys=capsys)
    assert "TYPO005" not in _cli_codes(letter, "--profile", "other", capsys=capsys)


def test_profile_from_the_folder_project_file(tmp_path, capsys):
    (tmp_path / "circular-studio.toml").write_text('[check]\nprofile = "other"\n', encoding="utf-8")
    letter = tmp_path / "wipo.md"
    letter.write_text(WIPO_FR, encoding="utf-8")
    assert "TYPO005" not in _cli_codes(letter, capsys=capsys)
    # the command line wins over the folder
    assert "TYPO005" in _cli_codes(letter, "--profile", "itu", capsys=capsys)
