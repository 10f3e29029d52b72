"""The six letter languages in the window: the New dialog offers them, the Chinese preview
draws Han characters in a CJK face."""
from __future__ import annotations

import re

import pytest
from PySide6.QtGui import QFont, QFontInfo, QFontMetrics

from circular_studio.core.compose.pipeline import build_document
from circular_studio.core.model.draft import load
from circular_studio.core.outputs.html_preview import document_html
from circular_studio.core.resources import examples_dir
from circular_studio.core.model.lettertypes import letter_types
from circular_studio.gui import dialogs

pytestmark = pytest.mark.gui


def test_new_dialog_offers_the_six_languages(qtbot):
    dialog = dialogs.NewDialog(letter_types())
    qtbot.addWidget(dialog)
    offered = {box.text() for box in dialog.checks.values()}
    assert {"Arabic", "Chinese", "English", "French", "Russian", "Spanish"} <= offered


def test_chinese_preview_uses_a_font_that_has_han_characters(qapp):
    doc = build_document(load(examples_dir() / "seed-001.json"), "zh")
    html = document_html(doc)
    families = re.findall(r"font-family:([^;\"]+)", html)
    assert families and all("CJK" in f for f in families)
    # the first CJK family listed is installed, and Qt finds the Han glyphs in it
    cjk = next(name.strip(" '") for name in families[0].split(",") if "CJK" in name)
    font = QFont(cjk)
    assert QFontInfo(font).family().startswith("Noto Serif CJK")
    assert all(QFontMetrics(font).inFontUcs4(ord(ch)) for ch in "国际电信联盟秘书长")
