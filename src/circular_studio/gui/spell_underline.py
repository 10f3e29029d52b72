"""Misspelt words underlined in a text editor as you type, with the checker's own speller.

``SpellingUnderliner`` is a QSyntaxHighlighter: Qt calls it for the paragraph being edited only,
so a keystroke costs one paragraph's words (each word's verdict is cached by the speller). A word
is underlined when core/locale/spelling.py (hunspell + the house and user word lists, Arabic
clitics) does not know it — the same verdict as the SPELL checks, without their heuristics for
names (a capitalised word inside a sentence is left alone, as the checks do). URLs, e-mail
addresses and Markdown link targets are skipped. Right-click offers the close corrections and
"Add to the house word list" (the user's list, read by the checks too).
"""
from __future__ import annotations

import re

from PySide6.QtGui import QColor, QSyntaxHighlighter, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QMenu, QPlainTextEdit

from circular_studio.core.locale import spelling
from circular_studio.core.locale.text import ARABIC_WORD, LATIN_WORD, masked, strip_marks
from .i18n import tr

_LINK_TARGET = re.compile(r"\]\([^)]*\)|<[^>\s]+>|\{\{.*?\}\}|\{%.*?%\}")
_SENTENCE_END = re.compile(r"(?:^|[.!?:]\s+|^\s*(?:[-*+]|\d+[.)])\s+)$")
_PERSIAN_TO_ARABIC = str.maketrans({"\u06a9": "ك", "\u06cc": "ي", "\u06c0": "ة", "\u06d5": "ه"})


def misspelt(text: str, lang: str):
    """(start, end, word) of the words of ``text`` the speller does not know in ``lang``."""
    if spelling.dictionary(lang) is None:
        return
    t = _LINK_TARGET.sub(lambda m: " " * len(m.group()), masked(text))
    if lang == "ar":
        for m in ARABIC_WORD.finditer(t):
            w = strip_marks(m.group()).translate(_PERSIAN_TO_ARABIC)
            if not spelling.ar_ok(w) and not spelling.ar_form_error(w):
                yield m.start(), m.end(), m.group()
        return
    for m in LATIN_WORD.finditer(t):
        word = m.group().strip("'’-")
        s = m.start()
        if len(word) < 2 or word.isupper() or re.search(r"[a-z][A-Z]", word):
            continue
        if re.search(r"[\d@/_]$", t[max(0, s - 1):s]) or re.match(r"[\d@_]", t[m.end():m.end() + 1]):
            continue
        if word[:1].isupper() and not _SENTENCE_END.search(t[max(0, s - 6):s]):
            continue  # a name, most likely: the checks decide those
        if not spelling.latin_ok(word, lang):
            yield s, s + len(m.group()), m.group()


class SpellingUnderliner(QSyntaxHighlighter):
    def __init__(self, edit: QPlainTextEdit, lang: str):
        super().__init__(edit.document())
        self.edit, self.lang = edit, lang
        self.format = QTextCharFormat()
        self.format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SpellCheckUnderline)
        self.format.setUnderlineColor(QColor("#d32f2f"))
        self.enabled = spelling.dictionary(lang) is not None

    def highlightBlock(self, text: str) -> None:  # noqa: N802 - Qt's name
        if not self.enabled or not text:
            return
        for start, end, _word in misspelt(text, self.lang):
            self.setFormat(start, end - start, self.format)

    def word_at(self, cursor: QTextCursor) -> tuple[int, int, str] | None:
        """The misspelt word under ``cursor`` as (start, end, word) in the document."""
        block = cursor.block()
        pos = cursor.position() - block.position()
        for start, end, word in misspelt(block.text(), self.lang):
            if start <= pos <= end:
                return block.position() + start, block.position() + end, word
        return None

    def corrections(self, word: str) -> tuple[str, ...]:
        core = strip_marks(word) if self.lang == "ar" else word
        close = spelling.close_suggestions(core, self.lang) or spelling.suggestions(core, self.lang)[:3]
        return tuple(close[:6])

    def add_suggestions(self, menu: QMenu, cursor: QTextCursor) -> None:
        """Put the corrections of the word under ``cursor`` and "Add to the house word list" at
        the top of ``menu``."""
        found = self.word_at(cursor)
        if found is None:
            return
        start, end, word = found
        first = menu.actions()[0] if menu.actions() else None
        actions = []
        for choice in self.corrections(word):
            a = menu.addAction(choice)
            a.setObjectName(f"spell-choice:{choice}")
            f = a.font()
            f.setBold(True)
            a.setFont(f)
            a.triggered.connect(lambda _c=False, s=start, e=end, c=choice: self.replace(s, e, c))
            actions.append(a)
        if not actions:
            none = menu.addAction(tr("spell.no_suggestions"))
            none.setEnabled(False)
            actions.append(none)
        add = menu.addAction(tr("spell.add_word", word=word))
        add.setObjectName("spell-add")
        add.triggered.connect(lambda _c=False, w=word: self.add_word(w))
        actions.append(add)
        for a in actions:
            menu.removeAction(a)
        menu.insertActions(first, actions)
        if first is not None:
            menu.insertSeparator(first)

    def replace(self, start: int, end: int, text: str) -> None:
        cursor = QTextCursor(self.edit.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText(text)  # one edit: the form records one undo step

    def add_word(self, word: str) -> None:
        try:
            spelling.add_user_word(self.lang, strip_marks(word) if self.lang == "ar" else word)
        except OSError:
            return
        for underliner in _all(self.edit):
            underliner.rehighlight()
        self.rehighlight()


def _all(edit) -> list:
    """The other underliners of the window (they learnt the word too)."""
    window = edit.window()
    return [w.underliner for w in window.findChildren(QPlainTextEdit)
            if getattr(w, "underliner", None) is not None and w is not edit] if window else []


__all__ = ["SpellingUnderliner", "misspelt"]
