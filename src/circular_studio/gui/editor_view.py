"""The editor view: a draft being edited — the form on the left, its page preview(s) on the right.

It owns what belongs to a draft: the ``DraftModel`` (the draft and its undo history), the form,
the two preview panes and the language versions built from the draft (``docs``). The window
shows it, routes commands to it and shows its findings; it never reaches into its state.
"""
from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QSplitter, QVBoxLayout, QWidget

from circular_studio.core.checks.status import CHECK_RUNNING
from circular_studio.core.document import Document
from circular_studio.core.errors import StudioError
from circular_studio.core.model.draft import Draft
from circular_studio.core.model.lettertypes import LetterType
from circular_studio.core.outputs.html_preview import Highlight
from circular_studio.core.checks.fixes import apply_to_field
from . import i18n, series_view, services
from .background import PENDING, Background
from .form import FormWidget
from .i18n import tr
from .model import DraftModel
from .preview import PreviewPane


class EditorView(QSplitter):
    """One draft: form | previews. ``model`` is None while no draft is open."""

    edited = Signal(str, str)  # (language, field name) after any change to the draft
    previewReady = Signal()   # a version the preview waited for is built: refresh the preview
    findingsReady = Signal()  # the checks the findings waited for are done: ask for them again

    def __init__(self, settings, parent=None):
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setObjectName("editor-splitter")
        self.settings = settings
        self.model: DraftModel | None = None
        self.form: FormWidget | None = None
        self.docs: dict[str, Document] = {}
        self.doc_revisions: dict[str, int] = {}  # the model revision each doc was built from
        self.preview_ms = 0.0
        # building and checking run off the GUI thread (gui/background.py)
        self.background = Background(self)
        self.background.finished.connect(self._on_background_finished)
        self._waiting = {"preview": False, "findings": False}
        self._snapshot: tuple[int, Draft] | None = None
        self._last_findings: list[services.UiFinding] = []
        self._balanced = False  # the form/preview split is set once, then left to the user
        self.form_holder = QWidget(self)
        self.form_layout = QVBoxLayout(self.form_holder)
        self.form_layout.setContentsMargins(0, 0, 0, 0)
        self.previews = QSplitter(Qt.Orientation.Horizontal, self)
        self.preview = PreviewPane("preview", self.previews)
        self.preview2 = PreviewPane("preview2", self.previews)
        self.preview2.retranslate("a11y.second_language")
        self.preview2.setVisible(self.settings.side_by_side)
        self.addWidget(self.form_holder)
        self.addWidget(self.previews)
        self.setStretchFactor(0, 2)
        self.setStretchFactor(1, 3)

    # ------------------------------------------------------------------ the draft
    def open(self, draft: Draft, lt: LetterType, modified: bool) -> DraftModel:
        self.close_draft()
        self.model = DraftModel(draft, lt, self, modified=modified)
        self.model.valueChanged.connect(lambda lang, name: self.edited.emit(lang or "", name))
        self.build_form()
        langs = self.model.languages
        first = next((l for l in langs if l == "ar"), langs[0]) if langs else None  # noqa: E741
        self.preview.set_languages(langs, first)
        second = next((l for l in langs if l != first), first)  # noqa: E741
        self.preview2.set_languages(langs, second)
        return self.model

    def close_draft(self) -> None:
        if self.form is not None:
            self.form.setParent(None)
            self.form.deleteLater()
            self.form = None
        if self.model is not None:
            self.model.deleteLater()
            self.model = None
        self.docs, self.doc_revisions = {}, {}
        self.background.clear()
        self._snapshot, self._last_findings = None, []

    def build_form(self, keep_tab: bool = False) -> None:
        index = self.form.currentIndex() if (keep_tab and self.form is not None) else None
        if self.form is not None:
            self.form.setParent(None)
            self.form.deleteLater()
        self.form = FormWidget(self.model, self.form_holder)
        self.form_layout.addWidget(self.form)
        series_view.install(self)  # the Series tab (one letter per addressee)
        self.form.languageActivated.connect(self._on_form_language)
        if index is not None and 0 <= index < self.form.count():
            self.form.setCurrentIndex(index)

    def _on_form_language(self, lang: str) -> None:
        """A language tab chosen in the form: show that version, unless it is already shown in
        the side-by-side pane (two panes showing the same language help nobody)."""
        if self.preview2.isVisible() and self.preview2.language() == lang:
            return
        self.preview.set_language(lang)

    def balance(self) -> None:
        """Give the form two fifths of the editor the first time it is shown. The splitter is first
        laid out while the welcome page is on top and the form is empty, which would leave the
        form a sliver or the page too small, depending on what was opened."""
        if self._balanced or not self.isVisible():
            return
        total = sum(self.sizes())
        if total <= 0:
            return
        form = total * 2 // 5
        self.setSizes([form, total - form])
        self._balanced = True

    def set_side_by_side(self, on: bool) -> None:
        """Show or hide the second pane; shown, it never repeats the main pane's language."""
        self.preview2.setVisible(bool(on))
        if on and self.model is not None and self.preview2.language() == self.preview.language():
            other = next((l for l in self.model.languages if l != self.preview.language()), None)  # noqa: E741
            if other:
                self.preview2.set_language(other)

    def display_name(self) -> str:
        path = self.model.draft.path if self.model else None
        return Path(path).name if path else tr("untitled")

    def language(self) -> str | None:
        """The language shown in the main preview."""
        return self.preview.language() or (self.model.languages[0] if self.model and self.model.languages else None)

    # ------------------------------------------------------------------ preview and checks
    def _second_shown(self) -> bool:
        return self.preview2.isVisible() or self.settings.side_by_side

    def visible_languages(self) -> list[str]:
        langs = [self.preview.language()]
        if self._second_shown():
            langs.append(self.preview2.language())
        return [l for l in dict.fromkeys(langs) if l]  # noqa: E741

    def refresh(self, highlight: tuple[str, Highlight] | None) -> str:
        """Rebuild the visible language versions and show them; the main preview's language."""
        start = time.perf_counter()
        for pane in (self.preview, self.preview2):
            if pane is self.preview2 and not self._second_shown():
                continue
            lang = pane.language()
            if not lang:
                continue
            rev = self.model.revision
            try:
                doc = self.background.run(("build", rev, lang), services.build, self._draft_copy(), lang)
            except StudioError as exc:
                pane.show_error(str(exc))
                self.docs.pop(lang, None)
                continue
            if doc is PENDING:  # a long build: the page shows the last version until it is done
                self._waiting["preview"] = True
                if lang not in self.docs:
                    pane.show_message(tr("preview.building"))
                continue
            self.docs[lang] = doc
            self.doc_revisions[lang] = self.model.revision
            hl = highlight[1] if highlight and highlight[0] == lang else None
            pane.show_document(doc, hl)
        self.preview_ms = (time.perf_counter() - start) * 1000
        return self.preview.language() or ""

    def findings(self, wait: bool = False) -> list[services.UiFinding]:
        """Every language version checked (built first: the checks compare them). Checked off the
        GUI thread: while a long check runs, the last findings and a CHECK_RUNNING finding (the
        letter is never shown clean while it is being checked); findingsReady says when done."""
        rev = self.model.revision
        fresh = {l: d for l, d in self.docs.items() if self.doc_revisions.get(l) == rev}  # noqa: E741
        result = self.background.run(("check", rev, i18n.language()), services.check_versions,
                                     self._draft_copy(), list(self.model.languages), fresh, i18n.language(),
                                     wait=wait, fresh=wait)
        if result is PENDING:
            self._waiting["findings"] = True
            running = services.UiFinding(CHECK_RUNNING, "warning", tr("findings.running"), 0, 0, 0, "",
                                         None, None, self.language() or "")
            return [running] + [f for f in self._last_findings if f.code != CHECK_RUNNING]
        findings, docs = result
        for lang, doc in docs.items():
            if self.doc_revisions.get(lang) != rev:
                self.docs[lang], self.doc_revisions[lang] = doc, rev
        self._last_findings = findings
        return findings

    def _draft_copy(self) -> Draft:
        """The draft as it is now, for a worker thread (the form goes on changing the original)."""
        rev = self.model.revision
        if self._snapshot is None or self._snapshot[0] != rev:
            self._snapshot = (rev, self.model.draft.copy())
        return self._snapshot[1]

    def _on_background_finished(self) -> None:
        if self._waiting["preview"]:
            self._waiting["preview"] = False
            self.previewReady.emit()
        if self._waiting["findings"]:
            self._waiting["findings"] = False
            self.findingsReady.emit()

    def go_to(self, finding: services.UiFinding) -> None:
        """Show the finding's language and focus the field it came from."""
        lang = finding.language
        if self.preview.language() != lang and self.preview2.language() != lang:
            self.preview.set_language(lang)
        if finding.field and self.form is not None:
            self.form.focus_field(finding.field, lang, finding.excerpt)

    def apply_fix(self, finding: services.UiFinding, replacement: str | None = None) -> str | None:
        """Replace the finding's text in the draft field it came from, as one undoable step.
        None when done, else the excerpt that could not be fixed."""
        fix = replacement if replacement is not None else finding.fix
        field = finding.field
        doc = self.docs.get(finding.language)
        block = doc.blocks[finding.paragraph] if doc and 0 <= finding.paragraph < len(doc.blocks) else None
        if field is None and block is not None:
            field = block.field
        if block is not None:
            text, start, end = block.text, finding.start, finding.end
        else:  # the document is gone (language hidden): fall back on the excerpt alone
            text, start, end = finding.excerpt, 0, len(finding.excerpt)
        excerpt = text[start:end]
        lang = finding.language if self.model.is_translatable(field or "") else None
        value = self.model.value(field, lang) if field else None
        new_value = apply_to_field(value, text, start, end, fix) if field else None
        if new_value is None:
            return excerpt
        self.model.set_value(field, new_value, lang, mergeable=False,
                             text=tr("undo.fix", code=finding.code))
        return None
