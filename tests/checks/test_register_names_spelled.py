"""A Member State's name as the register writes it is no misspelling: a series letter to each
Member State showed spelling warnings for التشيك, لاتفيا, بابوا and "lao"."""
from circular_studio.core.checks import run_checks
from circular_studio.core.intake.letters import parse_md


def _spelling(text: str, lang: str) -> list[str]:
    doc = parse_md(text, lang, source="letter.md")
    return [f.excerpt for f in run_checks(doc, None, language=lang) if f.code.startswith("SPELL")]


def test_arabic_country_names_from_the_register_are_known():
    text = "يشرفني أن أدعو التشيك ولاتفيا وبابوا غينيا الجديدة إلى المشاركة في الاجتماع."
    assert _spelling(text, "ar") == []


def test_french_country_names_from_the_register_are_known():
    text = "J'ai l'honneur d'inviter la République démocratique populaire lao à participer à la réunion."
    assert _spelling(text, "fr") == []


def test_a_misspelt_word_beside_them_is_still_found():
    assert _spelling("J'ai l'honneur d'inviter la République démocratique populaire lao à la réunnion.", "fr") == ["réunnion"]


def test_russian_resolution_abbreviation_and_online_are_words():
    """The page review: "Пересм." (Резолюция 198 (Пересм. Бухарест, 2022 г.)) and "онлайновую"
    were SPELL010 warnings in Russian letters drafted from the standard clauses."""
    assert _spelling("Согласно Резолюции 198 (Пересм. Бухарест, 2022 г.) возможна онлайновую регистрацию.", "ru") == []
