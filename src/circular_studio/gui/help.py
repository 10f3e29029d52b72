"""Help ▸ User Guide and Help ▸ Check Catalogue, shown in a window of their own.

The guide is resources/guide/<interface language>.md (English when there is none) followed by
the commands and their shortcuts, read from the actions table so that it never goes stale; the
catalogue is the checks' own documentation (core/checks/catalogue.py), the text of docs/checks.md.
"""
from __future__ import annotations

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout

from circular_studio.core.checks import catalogue
from circular_studio.core.resources import resources_dir
from . import i18n
from .i18n import plain, tr


def guide_markdown(registry) -> str:
    folder = resources_dir() / "guide"
    path = folder / f"{i18n.language()}.md"
    if not path.is_file():
        path = folder / "en.md"
    try:
        text = path.read_text(encoding="utf-8")
    except OSError:
        text = ""
    rows = ["", f"## {plain(tr('help.shortcuts'))}", "", "| | |", "|---|---|"]
    for action_id, action in registry.actions.items():
        keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        if keys:
            rows.append(f"| {plain(action.text())} | {keys} |")
    return text + "\n".join(rows) + "\n"


def check_catalogue_markdown() -> str:
    return catalogue.render()


class HelpDialog(QDialog):
    def __init__(self, title: str, markdown: str, parent=None):
        super().__init__(parent)
        self.setObjectName("help-dialog")
        self.setWindowTitle(title)
        self.browser = QTextBrowser(self)
        self.browser.setOpenExternalLinks(True)
        self.browser.setMarkdown(markdown)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        lay = QVBoxLayout(self)
        lay.addWidget(self.browser, 1)
        lay.addWidget(buttons)
        self.resize(760, 640)
