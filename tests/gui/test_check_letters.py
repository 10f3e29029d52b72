"""Letters drafted elsewhere (.docx, .md, .txt) checked in the window, read-only; and the
findings panel's context menu (disable a check for this letter, copy a finding)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QGuiApplication
from PySide6.QtWidgets import QDialog, QFileDialog, QPushButton

from circular_studio.core.outputs.html_preview import HIGHLIGHT_COLOUR
from circular_studio.gui.preview import align_right

pytestmark = pytest.mark.gui

LRM = "\u200e"
PHONE = "+41 22 730 5614"
ARABIC_TXT = (
    "جنيف، 6 ديسمبر 2019\n\n"
    "المرجع: CL-19/59\n"
    f"الهاتف: {PHONE}\n\n"
    "الموضوع: دعوة إلى المشاركة في منتدى القمة العالمية لمجتمع المعلومات لعام 2020\n\n"
    "حضرات السادة والسيدات،\n\n"
    "يسرني أن أدعوكم إلى المشاركة في المنتدى الذي سيُعقد في جنيف.\n"
)


@pytest.fixture
def txt_letter(tmp_path):
    path = tmp_path / "letter.txt"
    path.write_text(ARABIC_TXT, encoding="utf-8")
    return path


def _item_click(w, qtbot, finding):
    tree = w.findings_panel.tree
    item = w.findings_panel.item_for(finding)
    tree.scrollToItem(item)
    rect = tree.visualItemRect(item)
    with qtbot.waitSignal(w.previewUpdated, timeout=3000):
        qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def _block_texts(w) -> list[str]:
    return [b.text for b in w.check_doc.blocks]


# ---------------------------------------------------------------------------- the check view
def test_check_a_letter_from_the_file_menu(window, txt_letter, qtbot, monkeypatch):
    w = window
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(txt_letter), "")))
    with qtbot.waitSignal(w.findingsUpdated, timeout=5000):
        w.actions["file.check_letter"].trigger()
    assert w.check_path == str(txt_letter) and w.model is None
    assert w.stack.currentWidget() is w.check_page
    assert "letter.txt" in w.windowTitle() and "read-only" in w.windowTitle()
    # the preview shows the text exactly as read: no letterhead band, no bidi marks added
    # exactly the letter's text (a no-break space, which our exports use inside kept tokens,
    # copies as a space)
    assert w.check_preview.plain_text() == "\n".join(_block_texts(w)).replace("\u00a0", " ")
    assert LRM not in w.check_preview.plain_text()
    assert "الهاتف: " + PHONE in w.check_preview.plain_text()
    assert align_right(w.check_preview)
    doc = w.check_preview.browser.document()
    block = doc.begin()
    while block.isValid():
        if block.text().strip():
            assert block.blockFormat().alignment() & Qt.AlignmentFlag.AlignRight
            assert block.textDirection() == Qt.LayoutDirection.RightToLeft
        block = block.next()
    # the findings: the unprotected phone number is reported; read-only, so no Fix buttons
    codes = [f.code for f in w.findings]
    assert "BIDI001" in codes
    assert not w.findings_panel.tree.findChildren(QPushButton)
    assert "error" in w.findings_label.text()  # "1 error" or "2 errors" (plural forms)
    assert not w.actions["file.save"].isEnabled() and not w.actions["file.export_docx"].isEnabled()
    assert w.actions["letter.recheck"].isEnabled()


def test_clicking_a_finding_highlights_its_text(window, txt_letter, qtbot):
    w = window
    assert w.open_path(str(txt_letter))
    finding = next(f for f in w.findings if f.code == "BIDI001")
    _item_click(w, qtbot, finding)
    assert HIGHLIGHT_COLOUR in w.check_preview.html
    assert w.check_preview.browser.highlight_visible()
    # the highlighted characters are the finding's excerpt
    doc = w.check_preview.browser.document()
    block = doc.begin()
    marked = ""
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            frag = it.fragment()
            if frag.charFormat().background().color().name() == HIGHLIGHT_COLOUR:
                marked += frag.text()
            it += 1
        block = block.next()
    assert marked == PHONE == finding.excerpt


def test_recheck_reads_the_file_again_from_disk(window, txt_letter, qtbot):
    w = window
    assert w.open_path(str(txt_letter))
    assert any(f.code == "BIDI001" for f in w.findings)
    txt_letter.write_text(ARABIC_TXT.replace(PHONE, f"{LRM}{PHONE}{LRM}").replace("جنيف.", "جنيف، سويسرا."),
                          encoding="utf-8")
    with qtbot.waitSignal(w.findingsUpdated, timeout=5000):
        w.actions["letter.recheck"].trigger()
    assert "سويسرا" in w.check_preview.plain_text()
    assert f"{LRM}{PHONE}{LRM}" in w.check_preview.plain_text()  # as read, marks included
    assert not any(f.code == "BIDI001" for f in w.findings)


def test_a_corrupt_docx_gives_a_clear_message(window, tmp_path, boxes, qtbot):
    w = window
    bad = tmp_path / "broken.docx"
    bad.write_bytes(b"PK\x03\x04 this is not a Word document")
    assert not w.open_path(str(bad))
    kind, title, text = boxes.of("warning")[-1]
    assert title == "Cannot Check the Letter"
    assert "broken.docx" in text and "docx" in text.split(":", 1)[1]
    assert "\n" not in text  # one line
    assert w.message_bar.isVisible() and "broken.docx" in w.message_bar.text.text()
    assert w.stack.currentWidget() is w.welcome and w.check_path is None


def test_a_file_that_breaks_while_open_shows_the_message_in_the_preview(window, txt_letter, qtbot):
    w = window
    assert w.open_path(str(txt_letter))
    txt_letter.write_bytes(b"\xff\xfe\x00broken")
    w.actions["letter.recheck"].trigger()
    assert "not UTF-8" in w.check_preview.plain_text() or "not a text file" in w.check_preview.plain_text()
    assert w.findings == [] and w.message_bar.isVisible()
    txt_letter.write_text(ARABIC_TXT, encoding="utf-8")  # repaired: checking again works
    w.actions["letter.recheck"].trigger()
    assert any(f.code == "BIDI001" for f in w.findings)


def test_a_docx_letter_opens_in_the_check_view(window, example, tmp_path, qtbot):
    from circular_studio.core.model import draft as draft_io
    from circular_studio.core.outputs.formats import export_document

    docx = tmp_path / "seed-001.ar.docx"
    export_document(draft_io.load(example("001")), "ar", docx, "docx")
    w = window
    assert w.open_path(str(docx))
    assert w.check_doc is not None and w.check_doc.language == "ar"
    assert "CL-19/59" in w.check_preview.plain_text()
    assert align_right(w.check_preview)
    # exactly the letter's text (a no-break space, which our exports use inside kept tokens,
    # copies as a space)
    assert w.check_preview.plain_text() == "\n".join(_block_texts(w)).replace("\u00a0", " ")
    qtbot.waitUntil(lambda: w.findings_label.text() != "", timeout=3000)


def test_a_markdown_letter_in_french_is_left_aligned(window, tmp_path):
    md = tmp_path / "lettre.md"
    md.write_text("Genève, le 1 décembre 2025\n\n**Objet :** Invitation\n\nMadame, Monsieur,\n\n"
                  "Voir [le site](https://www.itu.int/) avant le 1 décembre 2025.\n", encoding="utf-8")
    w = window
    assert w.open_path(str(md))
    assert w.check_doc.language == "fr"
    assert not align_right(w.check_preview)
    assert "Objet :" in w.check_preview.plain_text() and "**" not in w.check_preview.plain_text()


@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # QDragEnterEvent's QPoint constructor
def test_dropping_a_letter_on_the_window_checks_it(window, txt_letter, qtbot):
    w = window
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(txt_letter))])
    actions = Qt.DropAction.CopyAction
    enter = QDragEnterEvent(QPoint(50, 50), actions, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    w.dragEnterEvent(enter)
    assert enter.isAccepted()
    other = QMimeData()
    other.setUrls([QUrl.fromLocalFile(str(txt_letter.with_suffix(".png")))])
    refused = QDragEnterEvent(QPoint(50, 50), actions, other, Qt.MouseButton.LeftButton,
                              Qt.KeyboardModifier.NoModifier)
    w.dragEnterEvent(refused)
    assert not refused.isAccepted()
    drop = QDropEvent(QPointF(50, 50), actions, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    w.dropEvent(drop)
    qtbot.waitUntil(lambda: w.check_path == str(txt_letter), timeout=3000)
    assert any(f.code == "BIDI001" for f in w.findings)


def test_command_line_opens_a_letter_in_the_check_view(txt_letter, qtbot, boxes, fresh_dirs, monkeypatch):
    """``circular-studio letter.txt``: cli → gui.app.run_app(paths) → open_windows(paths)."""
    from circular_studio import cli
    from circular_studio.gui import app as app_module

    opened = []

    def fake_run_app(paths):  # run_app without app.exec()
        opened.extend(app_module.open_windows(list(paths)))
        return 0

    monkeypatch.setattr(app_module, "run_app", fake_run_app)
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    try:
        assert cli.main([str(txt_letter)]) == 0
        assert len(opened) == 1
        w = opened[0]
        qtbot.addWidget(w)
        assert w.check_path == str(txt_letter) and w.model is None
        assert not boxes.of("warning")
        assert any(f.code == "BIDI001" for f in w.findings)
    finally:
        app_module.WINDOWS.clear()


def test_opening_a_draft_after_a_letter_goes_back_to_the_editor(window, txt_letter, example, qtbot):
    w = window
    assert w.open_path(str(txt_letter))
    assert w.open_path(str(example("001")))
    assert w.check_path is None and w.model is not None
    assert w.stack.currentWidget() is w.editor
    assert not w.findings_panel.read_only
    qtbot.waitUntil(lambda: "CL-19/59" in w.preview.plain_text(), timeout=3000)


def test_save_corrected_copy_applies_the_chosen_fixes(window, txt_letter, tmp_path, qtbot, monkeypatch):
    from circular_studio.gui.dialogs import FixesDialog

    w = window
    assert w.open_path(str(txt_letter))
    assert w.actions["file.save_corrected"].isEnabled()
    target = tmp_path / "letter.corrected.txt"
    monkeypatch.setattr(FixesDialog, "exec", lambda d: QDialog.DialogCode.Accepted)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))
    w.actions["file.save_corrected"].trigger()
    fixed = target.read_text(encoding="utf-8")
    assert f"الهاتف: {LRM}{PHONE}{LRM}\n" in fixed
    assert fixed.replace(LRM, "") == ARABIC_TXT  # only the fixes changed, blank lines kept
    assert txt_letter.read_text(encoding="utf-8") == ARABIC_TXT  # the original is untouched
    assert "corrected copy" in w.message_bar.text.text()


def test_save_corrected_copy_leaves_out_unchosen_fixes(window, txt_letter, tmp_path, qtbot, monkeypatch):
    from circular_studio.gui.dialogs import FixesDialog

    w = window
    assert w.open_path(str(txt_letter))
    target = tmp_path / "copy.txt"

    def untick_all(dialog):
        for box in dialog.boxes:
            box.setChecked(False)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(FixesDialog, "exec", untick_all)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))
    w.actions["file.save_corrected"].trigger()
    assert target.read_text(encoding="utf-8") == ARABIC_TXT


def test_corrected_copy_of_markdown_places_fixes_in_the_source():
    from circular_studio.core.checks import load_letter
    from circular_studio.core.checks.fixes import corrected_text
    from circular_studio.gui.services import UiFinding

    source = "**Objet :** test\n\nMerci de répondre avant le 1 décembre 2025.\n"
    import tempfile

    with tempfile.TemporaryDirectory() as d:
        p = Path(d) / "l.md"
        p.write_text(source, encoding="utf-8")
        doc = load_letter(p, "fr")[0][0]
    i = next(k for k, b in enumerate(doc.blocks) if "Merci" in b.text)
    at = doc.blocks[i].text.index("1 décembre")
    f = UiFinding("DATE009", "warning", "", i, at, at + 1, "1", "1er", None, "fr")
    text, applied, skipped = corrected_text(source, doc, [f])
    assert (applied, skipped) == (1, 0)
    assert text == source.replace("le 1 décembre", "le 1er décembre")


# ---------------------------------------------------------------------------- findings context menu
def _draft_with_date_finding(example) -> Path:
    path = example("000")
    data = json.loads(path.read_text(encoding="utf-8"))
    data["free"].append({"id": "p9", "after": "look_forward", "text": {"fr": "Merci de répondre avant le 1 décembre 2025."}})
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_disable_this_check_for_this_letter_is_undoable(window, example, qtbot, monkeypatch):
    w = window
    assert w.open_path(str(_draft_with_date_finding(example)))
    qtbot.waitUntil(lambda: any(f.code == "DATE009" for f in w.findings), timeout=5000)
    finding = next(f for f in w.findings if f.code == "DATE009")
    # a right-click on the finding opens the menu with both entries
    shown = []
    monkeypatch.setattr(w.findings_panel, "exec_menu", lambda menu, _pos: shown.append(
        [a.text() for a in menu.actions()]))
    tree = w.findings_panel.tree
    rect = tree.visualItemRect(w.findings_panel.item_for(finding))
    tree.customContextMenuRequested.emit(rect.center())
    assert shown == [["Disable this check for this letter", "Copy finding"]]
    menu = w.findings_panel.context_menu(finding)
    disable = next(a for a in menu.actions() if a.objectName() == "findings.disable")
    disable.trigger()
    assert w.model.draft.disabled_checks == ["DATE009"]
    assert not any(f.code == "DATE009" for f in w.findings)
    assert w.model.modified
    assert "DATE009" in w.model.undo_stack.undoText()
    w.actions["edit.undo"].trigger()
    assert w.model.draft.disabled_checks == []
    qtbot.waitUntil(lambda: any(f.code == "DATE009" for f in w.findings), timeout=3000)
    w.actions["edit.redo"].trigger()
    assert w.model.draft.disabled_checks == ["DATE009"]
    qtbot.waitUntil(lambda: not any(f.code == "DATE009" for f in w.findings), timeout=3000)
    # saved with the draft
    assert w.save()
    saved = json.loads(Path(w.model.draft.path).read_text(encoding="utf-8"))
    assert saved["disabled_checks"] == ["DATE009"]


def test_copy_finding_puts_it_on_the_clipboard(window, txt_letter):
    w = window
    assert w.open_path(str(txt_letter))
    finding = next(f for f in w.findings if f.code == "BIDI001")
    menu = w.findings_panel.context_menu(finding)
    next(a for a in menu.actions() if a.objectName() == "findings.copy").trigger()
    text = QGuiApplication.clipboard().text()
    assert text.startswith("BIDI001 (error)") and PHONE in text and finding.message in text


def test_disable_a_check_in_the_check_view_ignores_it_for_this_letter(window, txt_letter):
    w = window
    assert w.open_path(str(txt_letter))
    finding = next(f for f in w.findings if f.code == "BIDI001")
    assert w.disable_check(finding)
    assert not any(f.code == "BIDI001" for f in w.findings)
    w.actions["letter.recheck"].trigger()  # still ignored after re-reading the file
    assert not any(f.code == "BIDI001" for f in w.findings)


@pytest.mark.gui
def test_open_example_opens_an_untitled_copy(window, tmp_path):
    """File ▸ Open Example shows the bundled letter; saving it never overwrites the example."""
    from circular_studio.core.resources import examples_dir

    example = examples_dir() / "seed-000.json"
    before = example.read_bytes()
    window._fill_examples()
    titles = [a.text() for a in window.examples_menu.actions()]
    assert "seed-000" in titles and "seed-001" in titles
    assert window.open_example(example)
    assert window.model.draft.path is None
    assert example.read_bytes() == before
