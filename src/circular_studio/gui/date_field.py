"""A date field a person can type into when it is empty, whose calendar opens on today.

QDateEdit cannot be empty: the form shows its minimum date (1900-01-01) as a special text
"(no date)". Typing into it appended to that text ("(no date)20270312") and was dropped on
leaving, and the calendar opened in January 1900. ``DateField`` keeps QDateEdit (its sections,
arrow keys and calendar) and fixes both: the first digit typed into an empty field starts a date
from today's year section, so ``2027-03-12`` or ``20270312`` typed in gives that date (each full
section moves on to the next, as in any date field); Delete or Backspace with the whole date
selected empties it; the calendar opens on the field's date, else on today.
"""
from __future__ import annotations

from PySide6.QtCore import QDate, QEvent, QObject, QSignalBlocker, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDateEdit

from .i18n import tr

EMPTY_DATE = QDate(1900, 1, 1)  # the minimum date, shown as "(no date)": the field is empty


class DateField(QDateEdit):
    def __init__(self, parent=None):
        super().__init__(parent)
        # ISO dates read left to right; set before the format, which Qt otherwise lays out
        # mirrored (dd-MM-yyyy) in a right-to-left interface
        self.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.setCalendarPopup(True)
        self.setDisplayFormat("yyyy-MM-dd")
        self.setMinimumDate(EMPTY_DATE)
        self.setSpecialValueText(tr("form.empty_date"))
        self.setDate(EMPTY_DATE)
        self.calendarWidget().installEventFilter(self)

    def is_empty(self) -> bool:
        return self.date() == EMPTY_DATE

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        text = event.text()
        if self.is_empty() and text.isdigit():
            # start a date to type over: today, year section selected, no "(no date)" prefix
            with QSignalBlocker(self):
                self.setDate(QDate(QDate.currentDate().year(), 1, 1))
            self.setSelectedSection(QDateEdit.Section.YearSection)
        elif text in ("-", "/", ".") and self._at_section_start():
            event.accept()  # a full section already moved on to the next: the separator is typed
            return
        elif (event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and not self.is_empty()
              and self.lineEdit().selectedText() == self.lineEdit().text()):
            self.setDate(EMPTY_DATE)
            event.accept()
            return
        super().keyPressEvent(event)

    def _at_section_start(self) -> bool:
        le = self.lineEdit()
        start = le.selectionStart() if le.hasSelectedText() else le.cursorPosition()
        return start > 0 and le.text()[start - 1:start] == "-"

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if watched is self.calendarWidget() and event.type() == QEvent.Type.Show and self.is_empty():
            today = QDate.currentDate()
            watched.setCurrentPage(today.year(), today.month())
        return super().eventFilter(watched, event)
