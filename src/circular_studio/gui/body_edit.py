"""The prose editor's text widget: a QPlainTextEdit that
- pastes Word, LibreOffice and web content as the body's Markdown (bold, italic, links, lists:
  paste.py), and plain text with typed bullets as Markdown bullets;
- underlines misspelt words as you type, with the checker's own speller (spell_underline.py), and
  offers its corrections and "Add to the house word list" on right-click.

The form's prose fields install it in place of a bare QPlainTextEdit.
"""
from __future__ import annotations

from PySide6.QtCore import QMimeData
from PySide6.QtWidgets import QPlainTextEdit

from .paste import html_to_markdown, plain_to_markdown
from .spell_underline import SpellingUnderliner


class BodyEdit(QPlainTextEdit):
    def __init__(self, parent=None, lang: str | None = None):
        super().__init__(parent)
        self.lang = lang
        self.underliner = SpellingUnderliner(self, lang) if lang else None

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
