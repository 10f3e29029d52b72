"""Letters drafted elsewhere, as real ones are written (issue 10): the parts are recognised and
correct text raises no alarm."""
from __future__ import annotations

from circular_studio.core.checks import load_letter, run_checks
from circular_studio.core.checks.engine import prepare
from circular_studio.core.intake.letters import parse_md


def _alarms(text, lang="en", suffix=".txt", tmp_path=None, **kw):
    if tmp_path is not None:
        p = tmp_path / f"letter{suffix}"
        p.write_text(text, encoding="utf-8")
        (doc, draft), = load_letter(p)
    else:
        doc, draft = parse_md(text, lang), None
    doc = prepare(doc)
    return [(f.code, f.excerpt) for f in run_checks(doc, draft, **kw) if f.severity.value != "info"]


FAX_FORM = """General Secretariat
Date:16 September 1997 Time:Page 1/2 Ref:SPU\\EA\\KB\\ml
To:- Member States and Sector Members of the ITU
- Participants of the MoU Meetings of 14 February, 3-4 April and 17-18 July 1997
Subject:Third meeting of Signatories (6-7 October 1997)

Dear Sir/Madam,

The second meeting of Signatories decided that a meeting would be held on 6 and 7 October 1997.

Yours faithfully,

Pekka Tarjanne
Secretary-General
"""


def test_fax_form_header_lines_are_the_letter_parts(tmp_path):
    """"Date:16 September 1997" is the date line, "Subject:…" the subject, and the year-less
    "14 February, 3-4 April" take the year written later in the sentence (no inverted range)."""
    assert _alarms(FAX_FORM, tmp_path=tmp_path, ignore=["SIGN"]) == []  # (a Secretary-General of 1997)


def test_header_lines_in_one_markdown_paragraph():
    text = ("Geneva, 16 September 2024\nRef. BDT/IEE/DNS/1234\nE-mail:gbs@itu.int\nSubject:Invitation\n\n"
            "Dear Sir/Madam,\n\nThe pre-registration for the co-organized sessions is open.\n\n"
            "Yours faithfully,\n\nCosmas Zavazava\nDirector\n")
    assert _alarms(text) == []


def test_speech_is_not_a_letter():
    text = ("Vos Excellences,\n\nMesdames et Messieurs,\n\nC'est un grand honneur pour moi d'être ici parmi "
            "vous aujourd'hui et je vous remercie de votre aimable invitation.\n")
    assert [c for c, _ in _alarms(text, "fr") if c.startswith("STRUCT")] == []


def test_names_are_not_spelling_errors():
    text = ("Le Secrétaire général des Nations Unies, António Guterres, a rencontré Carl Bildt et "
            "Hamadoun I. Touré à Genève.\n")
    assert [c for c, _ in _alarms(text, "fr") if c.startswith("SPELL")] == []
    ar = "والتقى السيد تانغ بالوزير. وقال المدير العام للويبو دارين تانغ إن جائحة كوفيد-19 انتهت.\n"
    assert [c for c, _ in _alarms(ar, "ar") if c.startswith("SPELL")] == []


def test_misspelt_name_of_a_common_word_is_still_found():
    assert ("SPELL003", "Exellencies") in _alarms("Exellencies and distinguished guests,\n\nWelcome.\n")


def test_short_english_line_in_a_french_statement_is_english():
    text = ("Excellencies,\n\nLadies and gentlemen,\n\nDepuis plusieurs semaines, la Conférence mondiale des "
            "radiocommunications symbolise la solidarité de peuples réunis qui travaillent en commun.\n")
    assert [c for c, _ in _alarms(text, "fr") if c.startswith("SPELL")] == []
