"""The check view: a letter drafted elsewhere (.docx, .md, .txt), shown read-only.

It exists apart from the editor view because it works on a file, not on a draft: the letter is
shown on pages exactly as read, its findings below; Check Again re-reads the file from disk, a
check can be ignored until the letter is closed, and a corrected copy of a .md/.txt letter can be
saved. It is reached through File ▸ Check a Letter…, a drop on the window or
``circular-studio letter.docx``.

``CheckView`` owns the letter's state (``path``, ``doc``, ``ignored``) and its page; the window
shows it, asks it for findings and routes Check Again and Save a Corrected Copy to it.
"""
from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from circular_studio.core.checks import load_letter, project_config
from circular_studio.core.checks.fixes import corrected_text
from circular_studio.core.checks.status import CHECKER_FAILED
from circular_studio.core.document import Document
from circular_studio.core.errors import StudioError
from circular_studio.core.files import atomic_write_bytes
from circular_studio.core.outputs.html_preview import Highlight
from . import i18n, services
from .i18n import tr
from .preview import PreviewPane
from .printing import have_libreoffice

#: files opened in the check view (read-only) rather than as drafts
LETTER_SUFFIXES = (".docx", ".md", ".markdown", ".txt")
#: letters a corrected copy can be written for (plain text the fixes can be placed in)
CORRECTABLE_SUFFIXES = (".md", ".markdown", ".txt")


def read_letter(path: str) -> Document:
    """The letter in ``path`` as read (StudioError with a one-line message otherwise)."""
    try:
        letters = load_letter(path)
    except StudioError:
        raise
    except Exception as exc:  # noqa: BLE001 - a reader bug on a hostile file must not close the window
        raise StudioError(f"{path}: cannot read the letter ({type(exc).__name__}: {exc})") from None
    if not letters:
        raise StudioError(f"{path}: no letter found in the file")
    return letters[0][0]


class CheckView(QWidget):
    """A letter read from a file: a banner, its pages; ``path`` is None while none is open."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("check-page")
        self.path: str | None = None
        self.doc: Document | None = None
        self.ignored: list[str] = []
        self.preview_ms = 0.0
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.banner = QLabel(self)
        self.banner.setObjectName("check-banner")
        self.banner.setWordWrap(True)
        self.banner.setContentsMargins(6, 4, 6, 4)
        self.text_view_note = QLabel(self)
        self.text_view_note.setObjectName("check-text-view")
        self.text_view_note.setWordWrap(True)
        self.text_view_note.setContentsMargins(6, 0, 6, 4)
        self.real_pages_button = QPushButton(self)
        self.real_pages_button.setObjectName("check-real-pages")
        self.preview = PreviewPane("check-preview", self)
        self.preview.combo.setEnabled(False)
        lay.addWidget(self.banner)
        note = QHBoxLayout()
        note.addWidget(self.text_view_note, 1)
        note.addWidget(self.real_pages_button)
        lay.addLayout(note)
        lay.addWidget(self.preview, 1)

    def open(self, path: str) -> None:
        """Read the letter in ``path`` (StudioError when it cannot be read; nothing changes then)."""
        doc = read_letter(path)
        self.path, self.doc, self.ignored = str(path), doc, []
        self.preview.set_languages([doc.language], doc.language)
        self.retranslate()

    def reload(self) -> None:
        """Read the file again; on failure the view says why and has no letter to check."""
        try:
            self.doc = read_letter(self.path)
        except StudioError as exc:
            self.doc = None
            self.preview.show_error(str(exc))
            raise

    def close_letter(self) -> None:
        self.path, self.doc, self.ignored = None, None, []

    def retranslate(self) -> None:
        self.preview.retranslate("a11y.preview_language")
        name = Path(self.path).name if self.path else ""
        self.banner.setText(tr("check.banner", name=name))
        self.text_view_note.setText(tr("check.text_view"))
        self.real_pages_button.setText(tr("check.real_pages"))
        # the real pages need LibreOffice and a .docx (a .md/.txt letter has no layout of its own)
        self.real_pages_button.setVisible(self.is_docx() and have_libreoffice())

    def display_name(self) -> str:
        return Path(self.path).name if self.path else ""

    def is_docx(self) -> bool:
        return self.path is not None and Path(self.path).suffix.lower() == ".docx"

    def correctable(self) -> bool:
        return self.path is not None and Path(self.path).suffix.lower() in CORRECTABLE_SUFFIXES

    def refresh(self, highlight: tuple[str, Highlight] | None) -> str:
        """Show the letter exactly as read: no letterhead band, no bidi marks added."""
        start = time.perf_counter()
        hl = highlight[1] if highlight else None
        self.preview.show_document(self.doc, hl, letterhead=False, protect=False)
        self.preview_ms = (time.perf_counter() - start) * 1000
        return self.doc.language

    def findings(self) -> list[services.UiFinding]:
        doc = self.doc
        if doc is None:
            return []
        try:
            return services.check(doc, None, doc.language, i18n.language(),
                                  ignore=list(self.ignored), project=project_config(self.path))
        except StudioError as exc:
            return [services.UiFinding(CHECKER_FAILED, "error", str(exc), 0, 0, 0, "", None, None, doc.language)]

    def ignore(self, code: str) -> bool:
        """Ignore a check until the letter is closed; False when it already is."""
        if code in self.ignored:
            return False
        self.ignored.append(code)
        return True

    def write_corrected(self, target: str, chosen: list[services.UiFinding]) -> tuple[int, int]:
        """A copy of the .md/.txt letter with ``chosen`` fixes applied: (applied, skipped).
        OSError/UnicodeDecodeError when the letter cannot be read or the copy written."""
        text = Path(self.path).read_bytes().decode("utf-8-sig")
        plain_txt = Path(self.path).suffix.lower() == ".txt" and \
            all(b.kind.value == "paragraph" and not b.is_list_item for b in self.doc.blocks) and \
            len(self.doc.blocks) == len([ln for ln in text.replace("\r\n", "\n").split("\n") if ln.strip()])
        new_text, applied, skipped = corrected_text(text, self.doc, chosen, by_line=plain_txt)
        if Path(target).resolve() == Path(self.path).resolve():
            raise OSError("choose another name: the original letter is not overwritten")
        atomic_write_bytes(target, new_text.encode("utf-8"))
        return applied, skipped
