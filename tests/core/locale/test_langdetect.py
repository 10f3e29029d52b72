"""One language guesser for the whole program, over every language of the table."""
import pytest

from circular_studio.core.locale.langdetect import detect, detect_document


@pytest.mark.parametrize("text,lang", [
    ("تحية طيبة وبعد، يسعدني أن أدعوكم إلى المشاركة في WSIS", "ar"),
    ("J'ai l'honneur de vous informer que la conférence se tiendra à Bakou", "fr"),
    ("I have the honour to inform you that the conference will be held in Baku", "en"),
    ("Tengo el gusto de invitar a su Gobierno a enviar una delegación a la Conferencia", "es"),
    ("Имею честь пригласить вашу администрацию принять участие в конференции ВКР-23", "ru"),
    ("我谨邀请贵国主管部门参加将于2025年11月17日至28日在巴库举行的WTDC-25大会", "zh"),
])
def test_each_language_is_recognised(text, lang):
    assert detect(text) == lang


def test_too_short_takes_the_default():
    assert detect("OK", "es") == "es"


def test_a_letter_in_spanish_with_english_acronyms_is_spanish():
    blocks = ["Ginebra, 6 de diciembre de 2019", "Asunto: Foro de la CMSI 2020 (WSIS Forum)",
              "Tengo el placer de invitarle al Foro de la CMSI que se celebrará en Ginebra."]
    assert detect_document(blocks) == "es"
