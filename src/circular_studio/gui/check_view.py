"""The check view: a letter drafted elsewhere (.docx, .md, .txt), shown read-only.

It exists apart from the editor view because it works on a file, not on a draft: the letter is
shown on pages exactly as read, its findings below; Check Again re-reads the file from disk, a
check can be ignored until the letter is closed, and a corrected copy of a .md/.txt letter can be
saved. It is reached through File ▸ Check a Letter…, a drop on the window or
``circular-studio letter.docx``.

``CheckView`` owns the letter's state (``path``, ``doc``, ``ignored``) and its page; the window
shows it, asks it for findings and routes Check Again and Save a Corrected Copy to it.

Several files opened together (File ▸ Check Language Versions…) are the language versions of one
letter: the first is shown, the findings of every version stand side by side below it (each
version also compared with the others: LANG checks), and Write Annotated Copies puts each
version's findings as Word comments into a copy of every .docx among them.
"""
from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QComboBox, QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPushButton,
                               QVBoxLayout, QWidget)

from circular_studio.core.checks import load_letter, project_config
from circular_studio.core.checks.fixes import corrected_text
from circular_studio.core.checks.registry import DEFAULT_PROFILE, PROFILES
from circular_studio.core.checks.status import CHECKER_FAILED
from circular_studio.core.docx.annotate import annotate_docx
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
#: letters a corrected copy can be written for (plain text the fixes can be placed in; a .docx
#: gets the fixes as tracked changes)
CORRECTABLE_SUFFIXES = (".md", ".markdown", ".txt", ".docx")
#: the style profile chosen for a file in this session (resolved path -> profile)
_CHOSEN_PROFILES: dict[str, str] = {}


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


class VersionsPanel(QWidget):
    """The findings of every language version side by side: one column per file."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("check-versions")
        self.row = QHBoxLayout(self)
        self.row.setContentsMargins(4, 2, 4, 2)
        self.columns: list[tuple[QLabel, QListWidget]] = []
        self.setVisible(False)

    def show_findings(self, rows: list[tuple[str, Document, list]]) -> None:
        """``rows``: (path, document, findings) of each version, the one shown first."""
        while len(self.columns) < len(rows):
            column = QVBoxLayout()
            title, items = QLabel(self), QListWidget(self)
            title.setObjectName("check-version-title")
            items.setObjectName("check-version-findings")
            column.addWidget(title)
            column.addWidget(items, 1)
            self.row.addLayout(column, 1)
            self.columns.append((title, items))
        for k, (title, items) in enumerate(self.columns):
            visible = k < len(rows)
            title.setVisible(visible)
            items.setVisible(visible)
            if not visible:
                continue
            path, doc, findings = rows[k]
            title.setText(tr("check.versions.column", name=Path(path).name, lang=doc.language,
                             n=len(findings)))
            items.clear()
            rtl = doc.direction == "rtl"
            items.setLayoutDirection(Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight)
            for f in findings:
                text = f"{f.paragraph + 1}: {f.code} {f.message}"
                if f.excerpt:
                    text += f" «{f.excerpt}»"
                item = QListWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, (path, f.code, f.paragraph, f.start, f.end))
                items.addItem(item)
        self.setVisible(len(rows) > 1)

    def texts(self) -> list[list[str]]:
        """What each visible column lists (for tests and accessibility)."""
        return [[items.item(i).text() for i in range(items.count())]
                for _t, items in self.columns if items.isVisible()]


class CheckView(QWidget):
    """A letter read from a file: a banner, its pages; ``path`` is None while none is open.

    The style profile the letter is checked against (``itu``: the house rules too; ``other``:
    another publisher's letter) is chosen in a combo box: at first the project file's
    (circular-studio.toml ``profile``) or ``itu``, then what was chosen for the file, for the
    rest of the session. ``profileChanged`` asks the window to check again."""

    profileChanged = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("check-page")
        self.path: str | None = None
        self.doc: Document | None = None
        self.ignored: list[str] = []
        self.others: list[tuple[str, Document]] = []  # the other language versions opened with it
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
        self.profile_label = QLabel(self)
        self.profile_combo = QComboBox(self)
        self.profile_combo.setObjectName("check-profile")
        for profile in PROFILES:
            self.profile_combo.addItem("", profile)
        self.profile_label.setBuddy(self.profile_combo)
        self.profile_combo.activated.connect(self._on_profile_chosen)
        self.preview = PreviewPane("check-preview", self)
        self.preview.combo.setEnabled(False)
        lay.addWidget(self.banner)
        note = QHBoxLayout()
        note.addWidget(self.text_view_note, 1)
        note.addWidget(self.profile_label)
        note.addWidget(self.profile_combo)
        note.addWidget(self.real_pages_button)
        lay.addLayout(note)
        lay.addWidget(self.preview, 1)
        self.versions_panel = VersionsPanel(self)
        self.versions_panel.setMinimumHeight(160)
        lay.addWidget(self.versions_panel)

    def open(self, path: str, others=()) -> None:
        """Read the letter in ``path`` and, in ``others``, its other language versions
        (StudioError when one cannot be read or two are in one language; nothing changes then)."""
        doc = read_letter(path)
        versions = [(str(p), read_letter(p)) for p in others]
        seen = {doc.language: str(path)}
        for p, d in versions:
            if d.language in seen:
                raise StudioError(tr("check.versions.same_language", lang=d.language,
                                     first=Path(seen[d.language]).name, second=Path(p).name))
            seen[d.language] = p
        self.path, self.doc, self.ignored, self.others = str(path), doc, [], versions
        self.preview.set_languages([doc.language], doc.language)
        self.versions_panel.setVisible(bool(versions))
        self._show_profile()
        self.retranslate()

    def reload(self) -> None:
        """Read the file again; on failure the view says why and has no letter to check."""
        try:
            self.doc = read_letter(self.path)
            self.others = [(p, read_letter(p)) for p, _d in self.others]
        except StudioError as exc:
            self.doc = None
            self.preview.show_error(str(exc))
            raise

    def close_letter(self) -> None:
        self.path, self.doc, self.ignored, self.others = None, None, [], []
        self.versions_panel.show_findings([])

    # the style profile
    def _key(self) -> str:
        return str(Path(self.path).resolve()) if self.path else ""

    @property
    def profile(self) -> str:
        """The profile the letter is checked against: chosen for this file in this session,
        else the project file's, else ``itu``."""
        chosen = _CHOSEN_PROFILES.get(self._key())
        if chosen:
            return chosen
        configured = project_config(self.path).get("profile") if self.path else None
        return configured if configured in PROFILES else DEFAULT_PROFILE

    def set_profile(self, profile: str) -> bool:
        """Check the letter against ``profile`` from now on (remembered for the file until the
        program quits). False when it already is."""
        if profile not in PROFILES or self.path is None or profile == self.profile:
            return False
        _CHOSEN_PROFILES[self._key()] = profile
        self._show_profile()
        self.profileChanged.emit(profile)
        return True

    def _on_profile_chosen(self, index: int) -> None:
        self.set_profile(self.profile_combo.itemData(index))

    def _show_profile(self) -> None:
        self.profile_combo.setCurrentIndex(max(self.profile_combo.findData(self.profile), 0))

    def retranslate(self) -> None:
        self.preview.retranslate("a11y.preview_language")
        name = Path(self.path).name if self.path else ""
        self.banner.setText(tr("check.banner", name=name))
        self.text_view_note.setText(tr("check.text_view"))
        self.real_pages_button.setText(tr("check.real_pages"))
        self.profile_label.setText(tr("check.profile"))
        for i in range(self.profile_combo.count()):
            self.profile_combo.setItemText(i, tr(f"check.profile.{self.profile_combo.itemData(i)}"))
        self.profile_combo.setToolTip(tr("check.profile.tip"))
        self.profile_combo.setAccessibleName(tr("check.profile").rstrip(" :："))
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
        """The shown letter's findings; with language versions, every version's go side by side
        in the versions panel."""
        doc = self.doc
        if doc is None:
            return []
        rows = self.all_findings()
        self.versions_panel.show_findings(rows if self.others else [])
        return rows[0][2]

    def _check(self, path: str, doc: Document) -> list[services.UiFinding]:
        versions = {d.language: d for _p, d in [(self.path, self.doc)] + self.others} if self.others else None
        try:
            return services.check(doc, None, doc.language, i18n.language(), ignore=list(self.ignored),
                                  project=project_config(path), versions=versions, profile=self.profile)
        except StudioError as exc:
            return [services.UiFinding(CHECKER_FAILED, "error", str(exc), 0, 0, 0, "", None, None, doc.language)]

    def all_findings(self) -> list[tuple[str, Document, list[services.UiFinding]]]:
        """(path, document, findings) of the shown letter and of each other version."""
        if self.doc is None:
            return []
        return [(p, d, self._check(p, d)) for p, d in [(self.path, self.doc)] + self.others]

    def write_annotated(self, folder: str) -> tuple[list[str], list[str]]:
        """A copy of every .docx version in ``folder`` with its findings as Word comments
        (``NAME.annotated.docx``): (copies written, versions left out as not .docx). StudioError
        when a copy cannot be written."""
        written, skipped = [], []
        for path, doc, findings in self.all_findings():
            if Path(path).suffix.lower() != ".docx":
                skipped.append(path)
                continue
            out = Path(folder) / f"{Path(path).stem}.annotated.docx"
            annotate_docx(path, [f for f in findings if f.code != CHECKER_FAILED], out, doc=doc,
                          ui_language=i18n.language())
            written.append(str(out))
        return written, skipped

    def ignore(self, code: str) -> bool:
        """Ignore a check until the letter is closed; False when it already is."""
        if code in self.ignored:
            return False
        self.ignored.append(code)
        return True

    def write_corrected(self, target: str, chosen: list[services.UiFinding]) -> tuple[int, int]:
        """A copy of the letter with ``chosen`` fixes applied: (applied, skipped); in a .docx as
        tracked changes the author accepts or rejects in Word, the other findings as comments.
        OSError/UnicodeDecodeError (StudioError for a .docx) when the letter cannot be read or
        the copy written."""
        if self.is_docx():
            keys = {f.key for f in chosen}
            findings = [f for f in self.findings() if f.code != CHECKER_FAILED]
            res = annotate_docx(self.path, findings, target, doc=self.doc, ui_language=i18n.language(),
                                fix=lambda f: f.key in keys)
            return len(res.tracked), len(chosen) - len(res.tracked)
        text = Path(self.path).read_bytes().decode("utf-8-sig")
        plain_txt = Path(self.path).suffix.lower() == ".txt" and \
            all(b.kind.value == "paragraph" and not b.is_list_item for b in self.doc.blocks) and \
            len(self.doc.blocks) == len([ln for ln in text.replace("\r\n", "\n").split("\n") if ln.strip()])
        if Path(target).resolve() == Path(self.path).resolve():
            raise OSError("choose another name: the original letter is not overwritten")
        new_text, applied, skipped = corrected_text(text, self.doc, chosen, by_line=plain_txt)
        atomic_write_bytes(target, new_text.encode("utf-8"))
        return applied, skipped
