"""The preview as A4 pages: sheets of A4 proportions with margins, visible page breaks, the
letterhead on the first page, highlight and scroll-to-finding across pages, and its speed."""
from __future__ import annotations


import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from circular_studio.core.outputs.html_preview import (PAGE_HEIGHT_PX, PAGE_MARGIN_PX,
                                                       PAGE_TOP_MARGIN_PX)
from circular_studio.gui.preview import DESK_COLOUR

pytestmark = pytest.mark.gui


def _long_txt(tmp_path, paragraphs=40):
    body = "\n\n".join(f"Paragraph {i}: the meeting will take place in Geneva, and every Member "
                       f"State is invited to send its contributions to the secretariat." for i in range(paragraphs))
    path = tmp_path / "long.txt"
    path.write_text("Geneva, 6 December 2019\n\nDear Sir or Madam,\n\n" + body +
                    "\n\nThe last line has a typo: teh end.\n", encoding="utf-8")
    return path


def test_a_full_letter_is_laid_out_on_a4_sheets_with_a_second_page(opened, qtbot):
    view = opened.preview.browser
    size = view.page_size()
    assert size.height() / size.width() == pytest.approx(297 / 210, rel=0.01)
    assert view.page_count() >= 2  # seed-001 in Arabic runs onto a second page
    assert "2 pages" in opened.preview.pages_label.text()
    first, second = view.page_rect(0), view.page_rect(1)
    assert first.height() / first.width() == pytest.approx(297 / 210, rel=0.01)
    assert second.top() > first.bottom()  # a visible gap between the sheets
    # the margins: every line of text sits inside its page's margins
    doc = view.document()
    layout = doc.documentLayout()
    block = doc.begin()
    while block.isValid():
        top = layout.blockBoundingRect(block).top()
        lay = block.layout()
        for k in range(lay.lineCount()):
            y = top + lay.lineAt(k).y()
            in_page = y % PAGE_HEIGHT_PX
            # (the top margin is the header distance: the letterhead starts there, as printed)
            assert PAGE_TOP_MARGIN_PX - 1 <= in_page <= PAGE_HEIGHT_PX - PAGE_MARGIN_PX + 1, block.text()[:40]
        block = block.next()


def test_the_page_break_is_visible(opened, qtbot):
    w = opened
    view = w.preview.browser
    gap_y = (view.page_rect(0).bottom() + view.page_rect(1).top()) / 2
    view.verticalScrollBar().setValue(int(gap_y + view.verticalScrollBar().value() - view.viewport().height() / 2))
    qtbot.wait(10)
    image = view.viewport().grab().toImage()
    first, second = view.page_rect(0), view.page_rect(1)
    middle_x = int(first.center().x())
    gap = image.pixelColor(middle_x, int((first.bottom() + second.top()) / 2))
    assert gap == DESK_COLOUR
    assert image.pixelColor(middle_x, int(second.top() + 8)) == QColor("#ffffff")  # second sheet
    assert image.pixelColor(middle_x, int(first.bottom() - 4)) != DESK_COLOUR


def test_the_letterhead_is_on_the_first_page_only(opened):
    view = opened.preview.browser
    text = view.toPlainText()
    name = text.split("\n", 1)[0]
    assert name == "الاتحاد الدولي للاتصالات"
    assert text.split("\n").count(name) == 1  # the band is not repeated on page 2
    first_block = view.document().begin()
    y = view.document().documentLayout().blockBoundingRect(first_block).top()
    assert y < PAGE_HEIGHT_PX and first_block.blockFormat().alignment() & Qt.AlignmentFlag.AlignRight


def test_a_short_letter_is_one_page(window, tmp_path):
    path = tmp_path / "short.txt"
    path.write_text("Dear Sir or Madam,\n\nA short letter.\n", encoding="utf-8")
    assert window.open_path(str(path))
    assert window.check_preview.browser.page_count() == 1
    assert window.check_preview.pages_label.text() == "1 page"


def test_a_finding_on_page_two_scrolls_into_view(window, tmp_path, qtbot):
    w = window
    assert w.open_path(str(_long_txt(tmp_path)))
    view = w.check_preview.browser
    assert view.page_count() >= 2
    finding = max(w.findings, key=lambda f: f.paragraph)
    assert finding.paragraph == len(w.check_doc.blocks) - 1
    assert view.verticalScrollBar().value() == 0
    w.findings_panel.tree.setCurrentItem(w.findings_panel.item_for(finding))
    with qtbot.waitSignal(w.previewUpdated, timeout=3000):
        w.go_to_finding(finding)
    assert view.verticalScrollBar().value() > 0
    assert view.highlight_visible()
    assert view.anchor_y() > PAGE_HEIGHT_PX  # it is on the second page


def test_resizing_rescales_the_sheets_without_relayout(opened, qtbot):
    w = opened
    view = w.preview.browser
    pages, width = view.page_count(), view.page_rect(0).width()
    w.resize(w.width() - 300, w.height())
    qtbot.waitUntil(lambda: view.page_rect(0).width() != width, timeout=2000)
    assert view.page_count() == pages
    r = view.page_rect(0)
    assert r.height() / r.width() == pytest.approx(297 / 210, rel=0.01)


def test_each_update_shows_the_latest_text(opened):
    """Repeated edits: the page always shows the last one (timings: tests/benchmarks)."""
    w = opened
    base = w.model.value("subject", "ar")
    for n in range(8):
        w.model._apply("subject", "ar", f"{base} {n}")
        w.update_preview()
        assert f"{base} {n}" in w.preview.plain_text().replace("\u200e", "")


def test_the_preview_text_can_be_copied(opened):
    from PySide6.QtGui import QGuiApplication

    opened.preview.browser.copy_text()
    assert "CL-19/59" in QGuiApplication.clipboard().text()


@pytest.mark.gui
def test_screen_readers_get_the_letter_text(window, qtbot):
    """The sheets are painted; the letter's text is the preview's accessible description."""
    from tests.conftest import example_path

    assert window.open_path(str(example_path("000")))
    qtbot.waitUntil(lambda: "Genève, le 31 octobre 2024" in window.preview.browser.accessibleDescription(),
                    timeout=3000)
