"""Chinese writes an address right after its full-width colon: no TYPO017 (seen on every Chinese
letter of the page review), while a French colon glued to an address is still reported."""
from circular_studio.core.checks import run_checks
from circular_studio.core.intake.letters import parse_md


def _codes(text, lang):
    return [f.code for f in run_checks(parse_md(text, lang, source="letter.md"), None, language=lang)]


def test_chinese_address_after_full_width_colon_is_house_style():
    assert "TYPO017" not in _codes("详情请见：https://www.itu.int/forum。", "zh")


def test_french_colon_glued_to_an_address_is_still_found():
    assert "TYPO017" in _codes("Le formulaire est disponible à l'adresse suivante:https://www.itu.int/forms.", "fr")
