"""Every check speaks Arabic: an ``ar`` message with the English message's placeholders, filled
when the checks run with ``ui_language="ar"``."""
import json
import re
import string
from pathlib import Path

import pytest

from circular_studio.cli import main
from circular_studio.core.checks import all_checks, run_checks
from circular_studio.core.checks.catalogue import example_document

FIX = Path(__file__).resolve().parent / "fixtures"
_ARABIC = re.compile("[\u0621-\u064a]")


def _fields(template: str) -> set[str]:
    return {name for _lit, name, _spec, _conv in string.Formatter().parse(template) if name is not None}


@pytest.mark.parametrize("check", all_checks(), ids=lambda c: c.code)
def test_every_check_has_an_arabic_message(check):
    ar = check.messages.get("ar")
    assert ar, f"{check.code} has no Arabic message"
    assert _ARABIC.search(ar), f"{check.code}: the Arabic message is not in Arabic: {ar!r}"
    en, fr = _fields(check.messages["en"]), _fields(check.messages["fr"])
    # where French takes its own word ({problem_fr} for {problem}), Arabic takes {problem_ar}
    expected = {f"{n}_ar" if f"{n}_fr" in fr else n for n in en}
    assert _fields(ar) == expected, f"{check.code}: placeholders {_fields(ar)} != {expected}"


def _cases():
    for c in all_checks():
        for k, ex in enumerate(c.examples):
            yield c, k, ex


CASES = list(_cases())


@pytest.mark.parametrize("check,k,ex", CASES, ids=[f"{c.code}-{k}-{ex.language}" for c, k, ex in CASES])
def test_arabic_messages_are_filled(check, k, ex):
    """Each bad example, checked with Arabic messages: the message is Arabic and fully formatted
    (the check supplies every argument the Arabic template names)."""
    doc, draft = example_document(ex, "bad")
    found = [f for f in run_checks(doc, draft, select=[check.code], ui_language="ar") if f.code == check.code]
    assert found
    for f in found:
        assert _ARABIC.search(f.message), f.message
        assert not re.search(r"\{\w+\}", f.message), f"{check.code}: unformatted {f.message!r}"


def test_arabic_example_yields_arabic_messages():
    text = ("جنيف، 31 أكتوبر 2024\n\nالموضوع: دعوة\n\nحضرات السادة والسيدات،\n\n"
            "سيعقد الاجتماع من ٦ إلى 9 أبريل 2020 في جنيف, سويسرا. يرجى الرد قبل 15 يناير 2024.\n\n"
            "وتفضل بقبول فائق التقدير والاحترام.")
    from circular_studio.core.intake.letters import parse_md

    doc = parse_md(text, "ar", source="example.md")
    fs = run_checks(doc, None, ui_language="ar")
    by_code = {f.code: f.message for f in fs}
    assert {"AR003", "AR004", "DATE006", "STRUCT007"} <= set(by_code), by_code
    assert by_code["AR004"] == 'علامة ترقيم لاتينية "," في نص عربي؛ والعلامة العربية المقابلة هي "،"'
    assert by_code["DATE006"] == "الموعد النهائي (2024-01-15) يسبق تاريخ الرسالة (2024-10-31)"
    for f in fs:
        assert _ARABIC.search(f.message) and "{" not in f.message, (f.code, f.message)
    # the same letter with English messages is unchanged
    en = {f.code: f.message for f in run_checks(doc, None)}
    assert en["DATE006"] == "the deadline (2024-01-15) is before the letter's date (2024-10-31)"


def test_missing_part_named_in_arabic():
    text = "جنيف، 31 أكتوبر 2024\n\nالموضوع: دعوة\n\nحضرات السادة والسيدات،\n\nيشرفني أن أدعوكم."
    from circular_studio.core.intake.letters import parse_md

    fs = run_checks(parse_md(text, "ar", source="example.md"), None, select=["STRUCT"], ui_language="ar")
    assert "لا تتضمن الرسالة صيغة الختام" in {f.message for f in fs}


def test_cli_messages_ar(capsys):
    rc = main(["check", "--format", "json", "--messages", "ar", str(FIX / "seed-002.md")])
    out = json.loads(capsys.readouterr().out)
    assert rc == 1
    messages = [x["message"] for x in out["files"][0]["findings"]]
    assert messages and all(_ARABIC.search(m) for m in messages), messages
    main(["check", "--messages", "ar", str(FIX / "seed-002.md")])
    assert capsys.readouterr().out
