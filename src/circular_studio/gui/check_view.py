"""The check view: a letter drafted elsewhere (.docx, .md, .txt), shown read-only.

It exists apart from the editor because it works on a file, not on a draft: the letter is shown
on pages exactly as read, its findings below; Check Again re-reads the file from disk, a check can
be ignored until the letter is closed, and a corrected copy of a .md/.txt letter can be saved.
It is reached through File ▸ Check a Letter…, a drop on the window or
``circular-studio letter.docx``.

``CheckViewMixin`` is mixed into ``MainWindow``: it uses the window's stack, message bar,
findings panel, signals and ``update_preview``/``run_checks``, and keeps its state in
``check_path``, ``check_doc`` and ``check_ignored`` (``check_path`` is None while editing a draft).
"""
from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QFileDialog, QLabel, QVBoxLayout, QWidget

from circular_studio.core.document import Document
from circular_studio.core.errors import StudioError
from . import i18n, services
from .i18n import plain, tr
from .preview import PreviewPane
from circular_studio.core.checks import project_config
from circular_studio.core.checks import load_letter
from circular_studio.core.checks.status import CHECKER_FAILED
from .dialogs import FixesDialog
from . import corrected

#: files opened in the check view (read-only) rather than as drafts
LETTER_SUFFIXES = (".docx", ".md", ".markdown", ".txt")
#: letters a corrected copy can be written for (plain text the fixes can be placed in)
CORRECTABLE_SUFFIXES = (".md", ".markdown", ".txt")


class CheckViewMixin:
    """The window's check view: opening, re-checking and correcting a letter read from a file."""

    def _init_check_view(self) -> None:
        self.check_path: str | None = None
        self.check_doc: Document | None = None
        self.check_ignored: list[str] = []
        self.setAcceptDrops(True)

    def _build_check_page(self) -> None:
        self.check_page = QWidget(self)
        self.check_page.setObjectName("check-page")
        check_lay = QVBoxLayout(self.check_page)
        check_lay.setContentsMargins(0, 0, 0, 0)
        self.check_banner = QLabel(self.check_page)
        self.check_banner.setObjectName("check-banner")
        self.check_banner.setWordWrap(True)
        self.check_banner.setContentsMargins(6, 4, 6, 4)
        self.check_preview = PreviewPane("check-preview", self.check_page)
        self.check_preview.combo.setEnabled(False)
        check_lay.addWidget(self.check_banner)
        check_lay.addWidget(self.check_preview, 1)
        self.stack.addWidget(self.check_page)

    def check_letter_dialog(self) -> bool:
        if not self.maybe_save():
            return False
        start = self.settings.last_folder or str(Path.home())
        path, _ = QFileDialog.getOpenFileName(self, plain(tr("action.check_letter")), start,
                                              tr("check.filter"))
        return self.open_letter(path, confirmed=True) if path else False

    def _read_letter(self, path: str) -> Document:
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

    def open_letter(self, path: str, confirmed: bool = False) -> bool:
        """Show the letter in ``path`` read-only, with the checks' findings."""
        if not confirmed and not self.maybe_save():
            return False
        path = str(path)
        try:
            doc = self._read_letter(path)
        except StudioError as exc:
            self.show_error(tr("check.error.title"), str(exc))
            return False
        self._leave_draft()
        self.check_path, self.check_doc, self.check_ignored = path, doc, []
        self.highlight = None
        self.findings = []
        self.findings_panel.set_read_only(True)
        self.findings_panel.set_findings([])
        self.check_preview.set_languages([doc.language], doc.language)
        self.stack.setCurrentWidget(self.check_page)
        self.message_bar.hide()
        self._update_check_banner()
        self._update_title()
        self._update_undo_titles()
        self.update_preview(check_now=True)
        self._remember(path)
        self.draftLoaded.emit(path)
        return True

    def recheck(self) -> None:
        """Check Again: a draft is rebuilt and checked; a checked letter is re-read from disk."""
        if self.check_path is None:
            self.update_preview(check_now=True)
            return
        try:
            doc = self._read_letter(self.check_path)
        except StudioError as exc:
            self.check_doc = None
            self.highlight = None
            self.check_preview.show_error(str(exc))
            self.findings = []
            self.findings_panel.set_findings([])
            self._update_findings_label()
            self._update_enabled()
            self.show_message(str(exc), "error")
            self.findingsUpdated.emit(0)
            return
        self.check_doc = doc
        self.highlight = None
        self.message_bar.hide()
        self.update_preview(check_now=True)
        self.statusBar().showMessage(tr("check.reloaded", name=Path(self.check_path).name,
                                        n=len(self.findings)), 4000)

    def _leave_check_view(self) -> None:
        self.check_path, self.check_doc, self.check_ignored = None, None, []
        self.findings_panel.set_read_only(False)

    def _update_check_banner(self) -> None:
        name = Path(self.check_path).name if self.check_path else ""
        self.check_banner.setText(tr("check.banner", name=name))

    def _run_letter_checks(self) -> list[services.UiFinding]:

        doc = self.check_doc
        if doc is None:
            return []
        try:
            return services.check(doc, None, doc.language, i18n.language(),
                                  ignore=list(self.check_ignored), project=project_config(self.check_path))
        except StudioError as exc:
            return [services.UiFinding(CHECKER_FAILED, "error", str(exc), 0, 0, 0, "", None, None, doc.language)]

    def _show_checked_letter(self, check_now: bool) -> None:
        """The check view's part of ``update_preview``."""
        start = time.perf_counter()
        hl = self.highlight[1] if self.highlight else None
        # exactly as read: no letterhead band, no bidi marks added
        self.check_preview.show_document(self.check_doc, hl, letterhead=False, protect=False)
        self.preview_ms = (time.perf_counter() - start) * 1000
        self.previewUpdated.emit(self.check_doc.language)
        if check_now:
            self.run_checks()

    def _check_letter_now(self) -> None:
        """The check view's part of ``run_checks``."""
        self.findings = self._run_letter_checks()
        self.findings_panel.set_findings(self.findings)
        self._update_findings_label()
        self._update_enabled()
        self.findingsUpdated.emit(len(self.findings))

    def _ignore_check(self, code: str) -> bool:
        """The check view's part of ``disable_check``: ignored until the letter is closed."""
        if code in self.check_ignored:
            return False
        self.check_ignored.append(code)
        self.run_checks()
        self.show_message(tr("check.ignored", code=code), "info")
        return True

    def save_corrected_dialog(self) -> bool:
        """Bonus of the check view: a copy of a .md/.txt letter with the chosen fixes applied."""
        if self.check_path is None or self.check_doc is None:
            return False
        if Path(self.check_path).suffix.lower() not in CORRECTABLE_SUFFIXES:
            self.show_message(tr("corrected.only_text"), "warning")
            return False
        fixable = [f for f in self.findings if f.fix is not None]
        if not fixable:
            self.show_message(tr("corrected.none"), "info")
            return False

        dialog = FixesDialog(fixable, self)
        self.fixes_dialog = dialog
        if dialog.exec() != FixesDialog.DialogCode.Accepted:
            return False
        chosen = dialog.chosen()
        src = Path(self.check_path)
        start = str(src.with_name(f"{src.stem}.corrected{src.suffix}"))
        path, _ = QFileDialog.getSaveFileName(self, plain(tr("corrected.title")), start,
                                              tr("check.filter"))
        if not path:
            return False
        return self.save_corrected(path, chosen)

    def save_corrected(self, target: str, chosen: list[services.UiFinding]) -> bool:

        try:
            text = Path(self.check_path).read_bytes().decode("utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            self.show_error(tr("corrected.title"), f"{self.check_path}: {exc}")
            return False
        plain_txt = Path(self.check_path).suffix.lower() == ".txt" and \
            all(b.kind.value == "paragraph" and not b.is_list_item for b in self.check_doc.blocks) and \
            len(self.check_doc.blocks) == len([ln for ln in text.replace("\r\n", "\n").split("\n") if ln.strip()])
        new_text, applied, skipped = corrected.apply(text, self.check_doc, chosen, by_line=plain_txt)
        try:
            if Path(target).resolve() == Path(self.check_path).resolve():
                raise OSError("choose another name: the original letter is not overwritten")
            Path(target).write_text(new_text, encoding="utf-8")
        except OSError as exc:
            self.show_error(tr("save.error.title"), f"{target}: {getattr(exc, 'strerror', None) or exc}")
            return False
        message = tr("corrected.saved", n=applied, path=target)
        if skipped:
            message += " " + tr("corrected.skipped", n=skipped)
        self.show_message(message, "warning" if skipped else "info", [
            (tr("action.check_letter").replace("&", "").rstrip("…"), lambda: self.open_letter(target, confirmed=True))])
        return True

    # ------------------------------------------------------------------ drag and drop
    @staticmethod
    def dropped_path(mime) -> str | None:
        """The first local letter or draft file in a drag's data."""
        if mime is None or not mime.hasUrls():
            return None
        for url in mime.urls():
            if url.isLocalFile():
                path = url.toLocalFile()
                if Path(path).suffix.lower() in LETTER_SUFFIXES + (".json",):
                    return path
        return None

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt's name
        if self.dropped_path(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if self.dropped_path(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt's name
        path = self.dropped_path(event.mimeData())
        if not path:
            event.ignore()
            return
        event.acceptProposedAction()
        # after the drop returns: opening may ask about unsaved changes (a modal box)
        QTimer.singleShot(0, lambda: self.open_path(path))
