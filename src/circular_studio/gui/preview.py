"""The page-like preview: a read-only QTextBrowser showing ``html_preview.document_html``.

The sheet keeps A4's width-to-margin proportions and scales to the room available; the grey desk
around it is the HTML body's background. Links are not followed inside the preview.
"""
from __future__ import annotations

import html as _html

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QTextBrowser, QVBoxLayout, QWidget

from ..core.document import Document
from ..core.html_preview import HIGHLIGHT_ANCHOR, PAGE_WIDTH_PX, Highlight, document_html
from .i18n import language_name, tr

DESK_MARGIN = 36


class PageBrowser(QTextBrowser):
    resized = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setReadOnly(True)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setStyleSheet("QTextBrowser { background: #8c8f94; border: none; }")
        self.document().setDocumentMargin(0)

    def page_width(self) -> int:
        return max(min(PAGE_WIDTH_PX, self.viewport().width() - DESK_MARGIN), 240)

    def resizeEvent(self, event):  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self.resized.emit()


class PreviewPane(QWidget):
    """A language chooser above one page browser."""

    languageChanged = Signal(str)

    def __init__(self, name: str, parent=None):
        super().__init__(parent)
        self.setObjectName(name)
        self.label = QLabel(self)
        self.combo = QComboBox(self)
        self.combo.setObjectName(f"{name}-language")
        self.browser = PageBrowser(self)
        self.browser.setObjectName(f"{name}-browser")
        top = QHBoxLayout()
        top.setContentsMargins(4, 2, 4, 2)
        top.addWidget(self.label)
        top.addWidget(self.combo)
        top.addStretch(1)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(0)
        lay.addLayout(top)
        lay.addWidget(self.browser, 1)
        self.label.setBuddy(self.combo)
        self.combo.currentIndexChanged.connect(self._on_combo)
        self._doc: Document | None = None
        self._highlight: Highlight | None = None
        self._last_width = 0
        self._resize_timer = QTimer(self)
        self._resize_timer.setSingleShot(True)
        self._resize_timer.setInterval(80)
        self._resize_timer.timeout.connect(self._rerender_if_width_changed)
        self.browser.resized.connect(self._resize_timer.start)
        self.html = ""
        self.retranslate("a11y.preview_language")

    def retranslate(self, combo_key: str) -> None:
        self.label.setText(tr("preview.language" if combo_key == "a11y.preview_language" else "preview.second") + ":")
        self.combo.setAccessibleName(tr(combo_key))
        for i in range(self.combo.count()):
            self.combo.setItemText(i, language_name(self.combo.itemData(i)))
        self._update_accessible()

    def _update_accessible(self) -> None:
        lang = self.language() or ""
        self.browser.setAccessibleName(tr("a11y.preview", lang=language_name(lang)))

    def set_languages(self, languages: list[str], current: str | None) -> None:
        self.combo.blockSignals(True)
        self.combo.clear()
        for lang in languages:
            self.combo.addItem(language_name(lang), lang)
        i = self.combo.findData(current)
        self.combo.setCurrentIndex(i if i >= 0 else 0)
        self.combo.blockSignals(False)
        self._update_accessible()

    def language(self) -> str | None:
        return self.combo.currentData()

    def set_language(self, lang: str) -> None:
        i = self.combo.findData(lang)
        if i >= 0 and i != self.combo.currentIndex():
            self.combo.setCurrentIndex(i)

    def _on_combo(self, _i: int) -> None:
        self._update_accessible()
        lang = self.language()
        if lang:
            self.languageChanged.emit(lang)

    def show_document(self, doc: Document, highlight: Highlight | None = None) -> None:
        self._doc, self._highlight = doc, highlight
        self._render(scroll_to_highlight=highlight is not None)

    def show_error(self, message: str) -> None:
        self._doc = None
        self.html = (f'<html><body style="background-color:#8c8f94;"><p style="color:#ffffff;'
                     f'font-size:12pt;margin:24px;">{_html.escape(tr("preview.error", error=message))}'
                     f'</p></body></html>')
        self.browser.setHtml(self.html)

    def _rerender_if_width_changed(self) -> None:
        if self._doc is not None and self.browser.page_width() != self._last_width:
            self._render(scroll_to_highlight=False)

    def _render(self, scroll_to_highlight: bool) -> None:
        if self._doc is None:
            return
        bar = self.browser.verticalScrollBar()
        position = bar.value()
        width = self.browser.page_width()
        self._last_width = width
        self.html = document_html(self._doc, self._highlight, page=True, page_width=width)
        self.browser.setHtml(self.html)
        if scroll_to_highlight:
            self.browser.scrollToAnchor(HIGHLIGHT_ANCHOR)
        else:
            bar.setValue(position)

    @property
    def document(self) -> Document | None:
        return self._doc

    def plain_text(self) -> str:
        return self.browser.toPlainText()


def align_right(pane: PreviewPane) -> bool:
    """True when the preview's first body paragraph is right-aligned (tests, sanity checks)."""
    block = pane.browser.document().begin()
    while block.isValid():
        if block.text().strip():
            fmt = block.blockFormat()
            return bool(fmt.alignment() & Qt.AlignmentFlag.AlignRight) or \
                block.layout().textOption().textDirection() == Qt.LayoutDirection.RightToLeft
        block = block.next()
    return False
