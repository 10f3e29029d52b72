"""The findings panel: the checks' findings grouped by severity, with the standard icons.

Clicking a finding emits ``findingActivated`` (the window focuses the field and highlights the
text in the preview); a finding with a certain fix has a one-click "Fix" button emitting
``fixRequested``; one whose fix is a guess (a misspelt word with several close words) has a "Fix"
menu of the corrections to choose from instead, and nothing is applied until one is chosen (no
Fix at all in ``read_only`` mode, for letters checked from a file). The context menu offers "Disable
this check for this letter" (``disableRequested``) and "Copy finding" (to the clipboard).
"""
from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (QLabel, QMenu, QPushButton, QStyle, QToolButton, QTreeWidget,
                               QTreeWidgetItem, QVBoxLayout, QWidget)

from .i18n import findings_summary, language_name, tr
from .services import UiFinding

SEVERITIES = (("error", QStyle.StandardPixmap.SP_MessageBoxCritical, "findings.error"),
              ("warning", QStyle.StandardPixmap.SP_MessageBoxWarning, "findings.warning"),
              ("info", QStyle.StandardPixmap.SP_MessageBoxInformation, "findings.info"))
ROLE = Qt.ItemDataRole.UserRole + 1



def _shown(excerpt: str, limit: int = 120) -> str:
    """An excerpt as the list shows it: at most ``limit`` characters (laying out an 80,000-letter
    excerpt held the window for a second)."""
    return excerpt if len(excerpt) <= limit else excerpt[:limit // 2] + "…" + excerpt[-limit // 2:]

class FindingsPanel(QWidget):
    findingActivated = Signal(object)
    fixRequested = Signal(object)
    disableRequested = Signal(object)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("findings")
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("findings-tree")
        self.tree.setColumnCount(2)
        self.tree.setHeaderHidden(True)
        self.tree.setRootIsDecorated(True)
        self.tree.setUniformRowHeights(False)
        self.tree.setWordWrap(True)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(self.summary)
        lay.addWidget(self.tree, 1)
        self.tree.itemClicked.connect(self._on_item)
        self.tree.itemActivated.connect(self._on_item)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._show_menu)
        self.read_only = False
        self.active = False  # a letter is open (no "the letter passes every check" without one)
        self.findings: list[UiFinding] = []
        self.items: dict[tuple, QTreeWidgetItem] = {}
        self.retranslate()

    def retranslate(self) -> None:
        self.tree.setAccessibleName(tr("a11y.findings"))
        self.set_findings(self.findings, force=True)

    def set_findings(self, findings: list[UiFinding], force: bool = False) -> None:
        if not force and [f.key + (f.message,) for f in findings] == [f.key + (f.message,) for f in self.findings]:
            return
        current = self.current_finding()
        self.findings = list(findings)
        self.tree.clear()
        self.items = {}
        counts = {}
        multilingual = len({f.language for f in findings}) > 1
        for severity, pixmap, key in SEVERITIES:
            rows = [f for f in findings if f.severity == severity]
            counts[severity] = len(rows)
            if not rows:
                continue
            group = QTreeWidgetItem(self.tree, [f"{tr(key)} ({len(rows)})"])
            group.setIcon(0, self.style().standardIcon(pixmap))
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            font = group.font(0)
            font.setBold(True)
            group.setFont(0, font)
            for f in rows:
                where = f"[{language_name(f.language)}] " if multilingual else ""
                excerpt = f" — “{_shown(f.excerpt)}”" if f.excerpt else ""
                item = QTreeWidgetItem(group, [f"{where}{f.code}: {f.message}{excerpt}", ""])
                item.setIcon(0, self.style().standardIcon(pixmap))
                item.setData(0, ROLE, f)
                item.setToolTip(0, f"{f.code} · {f.message}")
                self.items[f.key] = item
                if f.fix is not None and not self.read_only:
                    self.tree.setItemWidget(item, 1, self._fix_button(f))
            group.setExpanded(True)
        self.tree.resizeColumnToContents(1)
        self.tree.header().setStretchLastSection(False)
        self.tree.header().setSectionResizeMode(0, self.tree.header().ResizeMode.Stretch)
        if not findings:
            self.summary.setText(tr("findings.none") if self.active else "")
        else:
            self.summary.setText(findings_summary(counts.get("error", 0), counts.get("warning", 0)))
        if current is not None and current.key in self.items:
            self.tree.setCurrentItem(self.items[current.key])

    def _fix_button(self, f: UiFinding) -> QWidget:
        """"Fix" applies a certain fix in one click; a guess ("Fix ▾") offers the corrections to
        choose from and applies none by itself."""
        name = f"fix:{f.code}:{f.language}:{f.paragraph}:{f.start}"
        if f.certain:
            button = QPushButton(tr("findings.fix"), self.tree)
            button.setToolTip(tr("findings.fix_tip", fix=f.fix))
            button.clicked.connect(lambda _c=False, finding=f: self.fixRequested.emit(finding))
        else:
            button = QToolButton(self.tree)
            button.setText(tr("findings.fix"))
            button.setToolTip(tr("findings.choose_tip"))
            button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            button.setMenu(self.fix_menu(f, button))
        button.setObjectName(name)
        button.setAccessibleName(f"{tr('findings.fix')} {f.code}")
        return button

    def fix_menu(self, f: UiFinding, parent: QWidget | None = None) -> QMenu:
        """The corrections of a finding whose fix is a guess, one action each."""
        menu = QMenu(parent or self)
        menu.setObjectName(f"fix-menu:{f.code}")
        for choice in f.choices:
            action = menu.addAction(choice)
            action.setObjectName(f"fix-choice:{choice}")
            action.triggered.connect(
                lambda _c=False, finding=f, c=choice: self.fixRequested.emit(replace(finding, fix=c, choices=())))
        return menu

    def show_fix_menu(self, f: UiFinding) -> None:
        """Open the corrections menu of ``f`` under its row (Ctrl+. on a guess)."""
        item = self.items.get(f.key)
        if item is None:
            return
        self.tree.setCurrentItem(item)
        rect = self.tree.visualItemRect(item)
        menu = self.fix_menu(f)
        self.exec_menu(menu, self.tree.viewport().mapToGlobal(rect.bottomRight()))
        menu.deleteLater()

    def set_active(self, on: bool) -> None:
        """Whether a letter is open; without one the panel says nothing."""
        if on != self.active:
            self.active = on
            self.set_findings(self.findings, force=True)

    def set_read_only(self, on: bool) -> None:
        """No Fix buttons (a letter checked from a file is not edited in place)."""
        if on != self.read_only:
            self.read_only = on
            self.set_findings(self.findings, force=True)

    # ------------------------------------------------------------------ context menu
    def context_menu(self, finding: UiFinding) -> QMenu:
        menu = QMenu(self)
        disable = menu.addAction(tr("findings.disable"))
        disable.setObjectName("findings.disable")
        disable.triggered.connect(lambda _c=False, f=finding: self.disableRequested.emit(f))
        copy = menu.addAction(tr("findings.copy"))
        copy.setObjectName("findings.copy")
        copy.triggered.connect(lambda _c=False, f=finding: self.copy_finding(f))
        return menu

    def _show_menu(self, pos) -> None:
        item = self.tree.itemAt(pos)
        f = item.data(0, ROLE) if item is not None else None
        if f is None:
            return
        self.tree.setCurrentItem(item)
        menu = self.context_menu(f)
        self.exec_menu(menu, self.tree.viewport().mapToGlobal(pos))
        menu.deleteLater()

    def exec_menu(self, menu: QMenu, global_pos) -> None:
        """Show ``menu`` modally (tests replace this to look at the menu instead)."""
        menu.exec(global_pos)

    @staticmethod
    def finding_text(f: UiFinding) -> str:
        """One finding as plain text, for a message or a ticket."""
        where = f"[{f.language}] {tr('findings.paragraph', n=f.paragraph + 1)}"
        text = f"{f.code} ({f.severity}) {where}: {f.message}"
        if f.excerpt:
            text += f" — “{_shown(f.excerpt)}”"
        if f.fix is not None:
            text += f" → “{f.fix}”"
        return text

    def copy_finding(self, f: UiFinding | None = None) -> str:
        f = f or self.current_finding()
        if f is None:
            return ""
        text = self.finding_text(f)
        QGuiApplication.clipboard().setText(text)
        return text

    def current_finding(self) -> UiFinding | None:
        item = self.tree.currentItem()
        return item.data(0, ROLE) if item is not None else None

    def item_for(self, finding: UiFinding) -> QTreeWidgetItem | None:
        return self.items.get(finding.key)

    def _on_item(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        f = item.data(0, ROLE)
        if f is not None:
            self.findingActivated.emit(f)

    def select_next(self) -> UiFinding | None:
        order = [self.items[f.key] for f in self.findings if f.key in self.items]
        if not order:
            return None
        current = self.tree.currentItem()
        i = order.index(current) + 1 if current in order else 0
        item = order[i % len(order)]
        self.tree.setCurrentItem(item)
        f = item.data(0, ROLE)
        self.findingActivated.emit(f)
        return f

    def error_count(self, language: str | None = None) -> int:
        return sum(1 for f in self.findings if f.severity == "error"
                   and (language is None or f.language == language))
