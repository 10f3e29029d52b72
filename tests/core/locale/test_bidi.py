"""LTR tokens in RTL text: decided by the bidi algorithm, protected with LRM, split into runs."""
from __future__ import annotations

import pytest

from circular_studio.core.locale.bidi import (LRM, display, has_arabic, is_arabic_char,
                                       ltr_token_spans, protect, script_runs)

PHONE = "+41 22 730 5614"


def tokens(text):
    return [text[a:b] for a, b in ltr_token_spans(text)]


def test_phone_number_after_arabic_is_a_token_and_displays_reversed_without_protection():
    text = f"الهاتف: {PHONE}"
    assert tokens(text) == [PHONE]
    assert "5614 730 22 41+" in display(text)


@pytest.mark.parametrize("text", [
    "المرجع: CL-19/59",
    "البريد الإلكتروني: wsis-info@itu.int",
    "في الموقع التالي: www.wsis.org/forum.",
    "الرسالة المعممة BDT/DIR/110",
    "القرار 70/125 للجمعية العامة",
    "في 7-8 أبريل 2020",          # a range: read right to left in Arabic, left alone
    "منظمة (UNDP).",
])
def test_tokens_that_display_right_are_left_alone(text):
    assert ltr_token_spans(text) == []
    assert protect(text) == text


@pytest.mark.parametrize("phone", ["+41 22 730 5614", "022 730-5614", "+41 (0)22 730 6240"])
def test_phone_variants_are_found_whole(phone):
    assert tokens(f"الهاتف: {phone}.") == [phone]


def test_protect_wraps_with_lrm_and_fixes_display():
    text = f"للاستفسار يرجى الاتصال بالرقم {PHONE} أو بالبريد."
    protected = protect(text)
    assert f"{LRM}{PHONE}{LRM}" in protected
    assert PHONE in display(protected)


def test_protect_is_idempotent():
    text = f"الهاتف: {PHONE} والفاكس: +41 22 730 5000"
    once = protect(text)
    assert once.count(LRM) == 4
    assert protect(once) == once


def test_latin_text_is_unchanged():
    text = f"Téléphone: {PHONE}"
    assert protect(text) == text


def test_display_shape_uses_presentation_forms_only_on_request():
    plain = display("مرحبا", shape=False)
    shaped = display("مرحبا", shape=True)
    assert not any("\ufe70" <= c <= "\ufeff" for c in plain)
    assert any("\ufe70" <= c <= "\ufeff" for c in shaped)


def test_arabic_helpers():
    assert is_arabic_char("ب") and not is_arabic_char("b")
    assert has_arabic("abc ب") and not has_arabic("abc 123")


def test_script_runs_keep_digits_and_latin_out_of_arabic_runs():
    text = protect(f"جهة الاتصال: السيدة Gitanjali Sah، الهاتف: {PHONE}")
    runs = [(text[a:b], rtl) for a, b, rtl in script_runs(text, rtl_default=True)]
    assert ("Gitanjali Sah", False) in runs
    assert (f"{LRM}{PHONE}{LRM}", False) in runs
    for chunk, rtl in runs:
        if rtl:
            assert not any(c.isdigit() or c.isascii() and c.isalpha() for c in chunk)
        else:
            assert not has_arabic(chunk)
    assert "".join(c for c, _ in runs) == text


def test_script_runs_in_ltr_text_is_one_run():
    assert script_runs("Hello, world 2024.") == [(0, 18, False)]


def test_punctuation_after_arabic_in_a_french_paragraph_stays_left_to_right():
    """UBA N1/N2: a neutral between Arabic and Latin takes the paragraph's direction."""
    text = "Le mot عربي, puis la suite"
    runs = [(text[s:e], rtl) for s, e, rtl in script_runs(text, rtl_default=False)]
    assert runs == [("Le mot ", False), ("عربي", True), (", puis la suite", False)]
    arabic = protect("الهاتف: +41 22 730 5614")  # as the writer gives it
    runs = [(arabic[s:e], rtl) for s, e, rtl in script_runs(arabic, rtl_default=True)]
    assert runs == [("الهاتف: ", True), (f"{LRM}+41 22 730 5614{LRM}", False)]
