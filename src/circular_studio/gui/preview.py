"""The page-like preview: the letter laid out on A4 sheets, page breaks and all.

``PageView`` holds one ``QTextDocument`` built from ``html_preview.paged_html`` and gives it the
DOCX's page size and margins (core/docx/style.py: A4, 2 cm, at 96 dpi), so Qt's own layout paginates it
exactly as ``QTextDocument.print`` would. The widget then draws each page on a white sheet on a
grey desk, scaled to the room available (the layout does not depend on the widget's width, so a
resize is only a repaint). The letterhead is in the flow, hence on the first page only.
Links are not followed inside the preview.
"""
from __future__ import annotations

from PySide6.QtCore import QRectF, QSizeF, Qt, Signal
from PySide6.QtGui import (QAbstractTextDocumentLayout, QColor, QFont, QGuiApplication, QPainter,
                           QKeySequence, QPalette, QPen, QTextDocument)
from PySide6.QtWidgets import (QAbstractScrollArea, QComboBox, QHBoxLayout, QLabel, QMenu,
                               QVBoxLayout, QWidget)

from circular_studio.core.document import Document
from circular_studio.core.outputs.html_preview import (HIGHLIGHT_ANCHOR, PAGE_HEIGHT_PX, PAGE_MARGIN_PX,
                                                       PAGE_TOP_MARGIN_PX, PAGE_WIDTH_PX, Highlight,
                                                       paged_html)
from .i18n import language_name, tr

DESK_MARGIN = 18  # screen pixels around the sheets
PAGE_GAP = 18  # screen pixels between two sheets
MIN_SCALE = 0.35
MAX_ZOOM = 3.0
ZOOM_STEP = 1.2
DESK_COLOUR = QColor("#8c8f94")
SHEET_BORDER = QColor("#6b6e73")
SHADOW = QColor(0, 0, 0, 60)


class PageView(QAbstractScrollArea):
    """A paginated, read-only view of a QTextDocument on A4 sheets; fit to the width unless
    zoomed (Ctrl+wheel, or the View menu's zoom commands)."""

    zoomChanged = Signal(float)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._doc = QTextDocument(self)
        self._doc.setUndoRedoEnabled(False)
        self._page = QSizeF(PAGE_WIDTH_PX, PAGE_HEIGHT_PX)
        self._margin = PAGE_MARGIN_PX
        self._top = PAGE_MARGIN_PX
        self._pages = 0
        self._message = ""  # shown on the desk instead of sheets (the letter cannot be shown)
        self._zoom: float | None = None  # None: the sheets fit the width
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.viewport().setAutoFillBackground(False)
        self.verticalScrollBar().setSingleStep(40)
        self.horizontalScrollBar().setSingleStep(40)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._context_menu)

    # ------------------------------------------------------------------ content
    def document(self) -> QTextDocument:
        return self._doc

    def set_html(self, html: str, top_margin: float | None = None) -> None:
        """Replace the content; keeps the scroll position (clamped to the new length).
        ``top_margin``: the flow's top margin when it differs from the others (a letterhead in
        the flow starts at the header distance, as the DOCX prints it)."""
        self._message = ""
        self._top = self._margin if top_margin is None else top_margin
        self._doc.setHtml(html)
        self._apply_page_format()
        self._pages = max(self._doc.pageCount(), 1)  # forces the layout, once
        # The sheets are painted, not widgets: give screen readers the letter's text this way.
        self.setAccessibleDescription(self._doc.toPlainText())
        self._update_scrollbars()
        self.viewport().update()

    def show_message(self, text: str) -> None:
        self._message = text
        self.setAccessibleDescription(text)
        self._doc.clear()
        self._pages = 0
        self._update_scrollbars()
        self.viewport().update()

    def _apply_page_format(self) -> None:
        fmt = self._doc.rootFrame().frameFormat()
        fmt.setTopMargin(self._top)
        fmt.setBottomMargin(self._margin)
        fmt.setLeftMargin(self._margin)
        fmt.setRightMargin(self._margin)
        self._doc.rootFrame().setFrameFormat(fmt)
        self._doc.setPageSize(self._page)

    def toPlainText(self) -> str:  # noqa: N802 - same name as QTextEdit's
        """The text a reader copies: Qt already gives no-break spaces as spaces; the word
        joiners that glue a kept hyphen (core/docx/typeset.py) are dropped."""
        if self._message:
            return self._message
        return self._doc.toPlainText().replace("\u2060", "").replace("\u2011", "-")

    def page_count(self) -> int:
        return self._pages

    def page_size(self) -> QSizeF:
        return QSizeF(self._page)

    # ------------------------------------------------------------------ geometry
    def fit_scale(self) -> float:
        """The scale at which a sheet fits the width (at most its real size)."""
        room = self.viewport().width() - 2 * DESK_MARGIN
        return max(min(1.0, room / self._page.width()), MIN_SCALE)

    def scale(self) -> float:
        return self._zoom if self._zoom is not None else self.fit_scale()

    # ------------------------------------------------------------------ zoom
    def zoom(self) -> float | None:
        """The zoom chosen (1.0 = real size), or None when the sheets fit the width."""
        return self._zoom

    def set_zoom(self, zoom: float | None) -> None:
        """A fixed zoom, clamped to [MIN_SCALE, MAX_ZOOM]; None fits the width. The point at
        the top of the view stays there."""
        old = self.scale()
        top = self.verticalScrollBar().value()
        self._zoom = None if zoom is None else max(MIN_SCALE, min(MAX_ZOOM, zoom))
        self._update_scrollbars()
        if old:
            self.verticalScrollBar().setValue(int(top * self.scale() / old))
        self.viewport().update()
        self.zoomChanged.emit(self.scale())

    def zoom_in(self) -> None:
        self.set_zoom(self.scale() * ZOOM_STEP)

    def zoom_out(self) -> None:
        self.set_zoom(self.scale() / ZOOM_STEP)

    def fit_width(self) -> None:
        self.set_zoom(None)

    def wheelEvent(self, event):  # noqa: N802 - Qt's name
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            delta = event.angleDelta().y()
            if delta:
                self.set_zoom(self.scale() * (ZOOM_STEP if delta > 0 else 1 / ZOOM_STEP))
            event.accept()
            return
        super().wheelEvent(event)

    def _content_size(self) -> QSizeF:
        s = self.scale()
        n = self._pages
        height = 2 * DESK_MARGIN + n * self._page.height() * s + max(n - 1, 0) * PAGE_GAP
        return QSizeF(self._page.width() * s + 2 * DESK_MARGIN, height)

    def _update_scrollbars(self) -> None:
        size = self._content_size()
        vp = self.viewport().size()
        v, h = self.verticalScrollBar(), self.horizontalScrollBar()
        v.setRange(0, max(int(size.height() - vp.height()), 0))
        v.setPageStep(max(vp.height(), 1))
        h.setRange(0, max(int(size.width() - vp.width()), 0))
        h.setPageStep(max(vp.width(), 1))

    def page_rect(self, index: int) -> QRectF:
        """Page ``index``'s sheet in viewport coordinates (scrolling included)."""
        s = self.scale()
        w, h = self._page.width() * s, self._page.height() * s
        x = max((self.viewport().width() - w) / 2, DESK_MARGIN) - self.horizontalScrollBar().value()
        y = DESK_MARGIN + index * (h + PAGE_GAP) - self.verticalScrollBar().value()
        return QRectF(x, y, w, h)

    def map_from_document(self, y: float) -> float:
        """The content (unscrolled) y of document coordinate ``y``."""
        s = self.scale()
        ph = self._page.height()
        page = min(int(y // ph), max(self._pages - 1, 0))
        return DESK_MARGIN + page * (ph * s + PAGE_GAP) + (y - page * ph) * s

    def resizeEvent(self, event):  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._update_scrollbars()

    def scrollContentsBy(self, dx: int, dy: int) -> None:  # noqa: N802 - Qt's name
        self.viewport().update()

    # ------------------------------------------------------------------ painting
    def paintEvent(self, event):  # noqa: N802 - Qt's name
        painter = QPainter(self.viewport())
        painter.fillRect(event.rect(), DESK_COLOUR)
        if self._message:
            painter.setPen(QColor("#ffffff"))
            font = painter.font()
            font.setPointSizeF(12)
            painter.setFont(font)
            painter.drawText(QRectF(24, 24, self.viewport().width() - 48, self.viewport().height() - 48),
                             Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter,
                             self._message)
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        s = self.scale()
        pw, ph = self._page.width(), self._page.height()
        visible = QRectF(event.rect())
        layout = self._doc.documentLayout()
        ctx = QAbstractTextDocumentLayout.PaintContext()
        palette = QPalette(ctx.palette)
        palette.setColor(QPalette.ColorRole.Text, QColor("#000000"))
        ctx.palette = palette
        small = QFont(self.font())
        small.setPointSizeF(max(7.0, 9.0 * s))
        for i in range(self._pages):
            sheet = self.page_rect(i)
            if not sheet.intersects(visible.adjusted(-4, -4, 4, 4)):
                continue
            painter.fillRect(sheet.translated(3, 3), SHADOW)
            painter.fillRect(sheet, QColor("#ffffff"))
            painter.setPen(QPen(SHEET_BORDER, 1))
            painter.drawRect(sheet.adjusted(0, 0, -1, -1))
            painter.save()
            painter.translate(sheet.topLeft())
            painter.scale(s, s)
            painter.setClipRect(QRectF(0, 0, pw, ph))
            painter.translate(0, -i * ph)
            ctx.clip = QRectF(0, i * ph, pw, ph)
            layout.draw(painter, ctx)
            painter.restore()
            if i > 0:  # "- N -" centred in the footer of pages 2+, as the DOCX prints it
                painter.setPen(QColor("#000000"))
                painter.setFont(small)
                foot = QRectF(sheet.left(), sheet.bottom() - self._margin * s * 0.7, sheet.width(),
                              self._margin * s * 0.5)
                painter.drawText(foot, Qt.AlignmentFlag.AlignCenter, f"- {i + 1} -")

    # ------------------------------------------------------------------ highlight
    def anchor_y(self, name: str = HIGHLIGHT_ANCHOR) -> float | None:
        """The document y (paginated) of the fragment carrying anchor ``name``."""
        layout = self._doc.documentLayout()
        block = self._doc.begin()
        while block.isValid():
            it = block.begin()
            while not it.atEnd():
                frag = it.fragment()
                if frag.isValid() and name in frag.charFormat().anchorNames():
                    top = layout.blockBoundingRect(block).top()
                    line = block.layout().lineForTextPosition(frag.position() - block.position())
                    return top + (line.y() if line.isValid() else 0.0)
                it += 1
            block = block.next()
        return None

    def scroll_to_anchor(self, name: str = HIGHLIGHT_ANCHOR) -> bool:
        y = self.anchor_y(name)
        if y is None:
            return False
        content_y = self.map_from_document(y)
        bar = self.verticalScrollBar()
        top, height = bar.value(), self.viewport().height()
        if not (top + 30 <= content_y <= top + height - 60):  # not comfortably visible yet
            bar.setValue(int(content_y - height / 3))
        return True

    def highlight_visible(self) -> bool:
        y = self.anchor_y()
        if y is None:
            return False
        content_y = self.map_from_document(y) - self.verticalScrollBar().value()
        return 0 <= content_y <= self.viewport().height()

    # ------------------------------------------------------------------ copy
    def _context_menu(self, pos) -> None:
        menu = QMenu(self)
        menu.addAction(tr("preview.copy_text"), self.copy_text)
        menu.exec(self.mapToGlobal(pos))

    def copy_text(self) -> None:
        QGuiApplication.clipboard().setText(self.toPlainText())

    def keyPressEvent(self, event):  # noqa: N802 - Qt's name
        if event.matches(QKeySequence.StandardKey.Copy):
            self.copy_text()
            return
        super().keyPressEvent(event)


class PreviewPane(QWidget):
    """A language chooser above one page view."""

    languageChanged = Signal(str)

    def __init__(self, name: str, parent=None):
        super().__init__(parent)
        self.setObjectName(name)
        self.label = QLabel(self)
        self.combo = QComboBox(self)
        self.combo.setObjectName(f"{name}-language")
        self.browser = PageView(self)
        self.browser.setObjectName(f"{name}-browser")
        top = QHBoxLayout()
        top.setContentsMargins(4, 2, 4, 2)
        top.addWidget(self.label)
        top.addWidget(self.combo)
        top.addStretch(1)
        self.pages_label = QLabel(self)
        self.pages_label.setObjectName(f"{name}-pages")
        top.addWidget(self.pages_label)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(0)
        lay.addLayout(top)
        lay.addWidget(self.browser, 1)
        self.label.setBuddy(self.combo)
        self.combo.currentIndexChanged.connect(self._on_combo)
        self._doc: Document | None = None
        self._highlight: Highlight | None = None
        self._letterhead = True
        self._protect = True
        self.html = ""
        self.retranslate("a11y.preview_language")

    def retranslate(self, combo_key: str) -> None:
        self.label.setText(tr("preview.language" if combo_key == "a11y.preview_language" else "preview.second") + ":")
        self.combo.setAccessibleName(tr(combo_key))
        for i in range(self.combo.count()):
            self.combo.setItemText(i, language_name(self.combo.itemData(i)))
        self._update_accessible()
        self._update_pages_label()

    def _update_accessible(self) -> None:
        lang = self.language() or ""
        self.browser.setAccessibleName(tr("a11y.preview", lang=language_name(lang)))

    def _update_pages_label(self) -> None:
        n = self.browser.page_count()
        self.pages_label.setText(tr("preview.pages", n=n) if n else "")

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

    def show_document(self, doc: Document, highlight: Highlight | None = None, *,
                      letterhead: bool = True, protect: bool = True) -> None:
        """Show ``doc`` on pages. A letter read from a file is shown with ``letterhead`` and
        ``protect`` False: exactly its own text, no band or bidi marks added."""
        self._doc, self._highlight = doc, highlight
        self._letterhead, self._protect = letterhead, protect
        self._render(scroll_to_highlight=highlight is not None)

    def to_top(self) -> None:
        """Back to the first page (a new or newly opened letter starts at its top)."""
        self.browser.verticalScrollBar().setValue(0)
        self.browser.horizontalScrollBar().setValue(0)

    def show_message(self, message: str) -> None:
        """A line in place of the page (the letter is still being built)."""
        self._doc = None
        self.html = ""
        self.browser.show_message(message)
        self._update_pages_label()

    def show_error(self, message: str) -> None:
        self._doc = None
        self.html = ""
        self.browser.show_message(tr("preview.error", error=message))
        self._update_pages_label()

    def _render(self, scroll_to_highlight: bool) -> None:
        if self._doc is None:
            return
        self.html = paged_html(self._doc, self._highlight, letterhead=self._letterhead,
                               protect=self._protect)
        self.browser.set_html(self.html, PAGE_TOP_MARGIN_PX if self._letterhead else None)
        self._update_pages_label()
        if scroll_to_highlight:
            self.browser.scroll_to_anchor(HIGHLIGHT_ANCHOR)

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


__all__ = ["PageView", "PreviewPane", "align_right"]
