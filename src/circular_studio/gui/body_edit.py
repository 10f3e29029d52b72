"""The prose editor's text widget: a QPlainTextEdit that
- pastes Word, LibreOffice and web content as the body's Markdown (bold, italic, links, lists:
  paste.py), and plain text with typed bullets as Markdown bullets;
- underlines misspelt words as you type, with the checker's own speller (spell_underline.py), and
  offers its corrections and "Add to the house word list" on right-click;
- in a right-to-left (Arabic) editor, shows a phone number, a reference or a Latin token in the
  order the letter shows it: the same LRM marks the preview and the DOCX put around them
  (core/locale/bidi.py ``protect``) are put in the editor's display only — ``toPlainText`` gives
  the text without them, so the draft never stores them.

The form's prose fields install it in place of a bare QPlainTextEdit.
"""
from __future__ import annotations

from PySide6.QtCore import QMimeData, QSignalBlocker
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QPlainTextEdit

from circular_studio.core.locale import languages
from circular_studio.core.locale.bidi import LRM, ltr_token_spans

from .paste import html_to_markdown, plain_to_markdown
from .spell_underline import SpellingUnderliner


class BodyEdit(QPlainTextEdit):
    def __init__(self, parent=None, lang: str | None = None):
        super().__init__(parent)
        self.lang = lang
        self.underliner = SpellingUnderliner(self, lang) if lang else None
        self.rtl = bool(lang) and _is_rtl(lang)
        if self.rtl:
            self.textChanged.connect(self._mark_current_block)

    # ------------------------------------------------------------------ what the letter shows
    def toPlainText(self) -> str:  # noqa: N802 - QPlainTextEdit's name
        text = super().toPlainText()
        return text.replace(LRM, "") if self.rtl else text

    def setPlainText(self, text: str) -> None:  # noqa: N802 - QPlainTextEdit's name
        super().setPlainText(text)
        if self.rtl:
            block = self.document().begin()
            while block.isValid():
                self._mark_block(block)
                block = block.next()

    def _mark_current_block(self) -> None:
        self._mark_block(self.textCursor().block())

    def _mark_block(self, block) -> None:
        """Put LRM around the tokens of ``block`` that would display reversed, removing the
        marks that no longer belong (one character at a time: the caret stays where it is)."""
        text = block.text()
        plain = text.replace(LRM, "")
        spans = ltr_token_spans(plain) if plain else []
        wanted = sorted({p for s, e in spans for p in (s, e)})
        current = [i - k for k, i in enumerate(i for i, ch in enumerate(text) if ch == LRM)]
        if current == wanted:
            return
        with QSignalBlocker(self):
            cursor = QTextCursor(block)
            base = block.position()
            for i in reversed([i for i, ch in enumerate(text) if ch == LRM]):
                cursor.setPosition(base + i)
                cursor.deleteChar()
            for p in reversed(wanted):
                cursor.setPosition(base + p)
                cursor.insertText(LRM)

    # ------------------------------------------------------------------ paste
    def markdown_of(self, source: QMimeData) -> str:
        """What pasting ``source`` inserts: its HTML as Markdown, else its text."""
        if source.hasHtml():
            md = html_to_markdown(source.html())
            if md:
                return md
        return plain_to_markdown(source.text()) if source.hasText() else ""

    def insertFromMimeData(self, source: QMimeData) -> None:  # noqa: N802 - Qt's name
        if source.hasHtml() or source.hasText():
            text = self.markdown_of(source)
            if text:
                self.textCursor().insertText(text)
                self.ensureCursorVisible()
            return
        super().insertFromMimeData(source)

    def canInsertFromMimeData(self, source: QMimeData) -> bool:  # noqa: N802 - Qt's name
        return source.hasHtml() or source.hasText() or super().canInsertFromMimeData(source)

    # ------------------------------------------------------------------ context menu
    def contextMenuEvent(self, event) -> None:  # noqa: N802 - Qt's name
        menu = self.createStandardContextMenu(event.pos())
        if self.underliner is not None:
            self.underliner.add_suggestions(menu, self.cursorForPosition(event.pos()))
        menu.exec(event.globalPos())
        menu.deleteLater()


def _is_rtl(lang: str) -> bool:
    entry = languages.get(lang)
    return entry is not None and entry.rtl
