"""Usability regressions found by driving the window as a drafting officer would: a new letter
from the welcome page, the interface in Arabic, side-by-side languages, exports, keyboard."""
from __future__ import annotations

import os
import stat

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox

from circular_studio.gui.dialogs import NewDialog
from circular_studio.gui.form import FormPage

pytestmark = pytest.mark.gui


def _new_letter(window, qtbot, monkeypatch, type_id="call_for_contributions", langs=("ar", "fr")):
    def fake_exec(dialog):
        dialog.select(type_id, list(langs))
        dialog.accept()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(NewDialog, "exec", fake_exec)
    with qtbot.waitSignal(window.previewUpdated, timeout=3000):
        assert window.new_letter()


def test_a_new_letter_is_previewed_with_placeholders(window, qtbot, monkeypatch):
    """No signatory chosen yet: the page shows "[Signatory]", not "unknown official"."""
    _new_letter(window, qtbot, monkeypatch)
    text = window.preview.plain_text()
    assert window.preview.language() == "ar"
    assert "[الموقّع]" in text and "cannot be shown" not in text
    window.preview.set_language("fr")
    qtbot.waitUntil(lambda: "[Signataire]" in window.preview.plain_text(), timeout=3000)
    window.run_checks()
    assert not [f for f in window.findings if f.code == "BUILD001"]


def test_the_form_gets_its_share_when_created_from_the_welcome_page(window, qtbot, monkeypatch):
    window.resize(1280, 820)
    qtbot.waitExposed(window)
    assert window.stack.currentWidget() is window.welcome
    _new_letter(window, qtbot, monkeypatch)
    form, previews = window.editor.sizes()
    assert form >= 0.3 * (form + previews)


def test_choosing_a_form_tab_does_not_show_one_language_twice(window, qtbot, monkeypatch):
    window.actions["view.side_by_side"].setChecked(True)
    _new_letter(window, qtbot, monkeypatch)
    assert (window.preview.language(), window.preview2.language()) == ("ar", "fr")
    window.form.setCurrentWidget(window.form.pages["fr"])  # French is already beside
    assert (window.preview.language(), window.preview2.language()) == ("ar", "fr")
    window.form.setCurrentWidget(window.form.pages["ar"])
    assert window.preview.language() == "ar"


def test_starting_with_side_by_side_saved_raises_nothing(make_window, qtbot):
    first = make_window()
    first.actions["view.side_by_side"].setChecked(True)  # saved in the settings
    second = make_window()  # pytest-qt fails the test on an exception in a slot
    assert second.actions["view.side_by_side"].isChecked()
    assert not second.preview2.isHidden()


def test_the_welcome_page_says_nothing_about_findings(make_window):
    w = make_window()
    assert w.model is None
    assert w.findings_panel.summary.text() == ""  # not "the letter passes every check"
    w.set_draft(__import__("circular_studio.core.model.lettertypes", fromlist=["x"])
                .letter_type("invitation").new_draft(["en"]))
    assert w.findings_panel.summary.text() != ""


def test_welcome_text_is_not_cut(make_window, qtbot):
    w = make_window()
    w.resize(1280, 820)
    qtbot.waitExposed(w)
    label = w.welcome_label
    assert label.width() > 0.5 * w.width()  # the whole line fits: "…, or open a draft."
    assert label.height() >= label.heightForWidth(label.width())


def test_qt_own_buttons_follow_the_interface_language(window):
    from circular_studio.gui.mainwindow import apply_interface_language

    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text().replace("&", "") == "Cancel"
    apply_interface_language("ar")
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") != "Cancel"
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text().replace("&", "") != "Cancel"
    apply_interface_language("en")
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"


def test_dates_stay_iso_in_the_arabic_interface(window, example, qtbot):
    window.set_interface_language("ar")
    assert window.open_path(str(example("001")))
    date = window.form.editor("letter_date").edit
    assert date.text() == "2019-12-06"  # not the mirrored 06-12-2019
    assert date.date().toString("yyyy-MM-dd") == "2019-12-06"


def test_required_fields_are_explained_and_announced(opened):
    w = opened
    date = w.form.editor("letter_date").focus_widget()
    assert "Required" in date.accessibleDescription()
    place = w.form.editor("place").focus_widget()
    assert "Required" not in place.accessibleDescription()
    facts = w.form.pages[None]
    notes = [lbl.text() for lbl in facts.widget().findChildren(type(w.findings_label))]
    assert any("marked * are required" in n for n in notes)


def test_the_progress_bar_name_is_translated(window):
    window.set_interface_language("fr")
    assert window.progress.accessibleName() == "Progression de l'exportation"


def test_a_new_export_clears_the_last_exports_message(opened, qtbot, tmp_path):
    w = opened
    with qtbot.waitSignal(w.exportFinished, timeout=15000):
        w.start_export(str(tmp_path / "one.docx"), "docx", "ar")
    assert "one.docx" in w.message_bar.message()
    with qtbot.waitSignal(w.exportFinished, timeout=15000):
        w.start_export(str(tmp_path / "two.docx"), "docx", "ar")
        assert not w.message_bar.isVisible()  # while running, no stale "Exported one.docx"
    assert "two.docx" in w.message_bar.message()


def test_exported_letters_and_saved_drafts_are_readable_by_others(opened, qtbot, tmp_path):
    """mkstemp's 0600 must not leak into the files colleagues open from a shared folder."""
    w = opened
    old = os.umask(0o022)
    try:
        with qtbot.waitSignal(w.exportFinished, timeout=15000):
            w.start_export(str(tmp_path / "letter.docx"), "docx", "ar")
        assert w.save_to(str(tmp_path / "draft.json"))
    finally:
        os.umask(old)
    for name in ("letter.docx", "draft.json"):
        mode = stat.S_IMODE((tmp_path / name).stat().st_mode)
        assert mode == 0o644, (name, oct(mode))
    (tmp_path / "draft.json").chmod(0o600)  # a private draft stays private when saved again
    assert w.save_to(str(tmp_path / "draft.json"))
    assert stat.S_IMODE((tmp_path / "draft.json").stat().st_mode) == 0o600


def test_tab_goes_from_the_tab_bar_straight_to_the_first_field(opened):
    for page in opened.form.pages.values():
        assert isinstance(page, FormPage)
        assert page.focusPolicy() == Qt.FocusPolicy.NoFocus


def test_empty_required_fields_are_listed_and_lead_to_the_field(window, qtbot, monkeypatch):
    _new_letter(window, qtbot, monkeypatch)
    window.run_checks()
    missing = [f for f in window.findings if f.code == "FORM001"]
    assert {(f.field, f.language) for f in missing} >= {("sought", "ar"), ("sought", "fr"),
                                                        ("signatory", "ar"), ("deadline", "ar")}
    assert all(f.severity == "error" for f in missing)
    assert not [f for f in missing if f.field == "signatory" and f.language == "fr"]  # a fact: once
    sought_fr = next(f for f in missing if f.field == "sought" and f.language == "fr")
    window.go_to_finding(sought_fr)
    assert window.form.currentWidget() is window.form.pages["fr"]
    # typing what the contributions are for removes its finding
    window.form.editor("sought", "fr").edit.setText("le Forum")
    window.form.editor("sought", "fr").edit.textEdited.emit("le Forum")
    window.update_preview(check_now=True)
    assert ("sought", "fr") not in {(f.field, f.language) for f in window.findings if f.code == "FORM001"}
    # "Disable this check for this letter" works for it like for any other
    assert window.disable_check(sought_fr)
    assert not [f for f in window.findings if f.code == "FORM001"]


@pytest.mark.gui
def test_a_broken_letter_type_spares_the_others_and_says_why(qtbot, tmp_path, monkeypatch):
    import shutil

    from circular_studio.core.model.lettertypes import letter_types
    from circular_studio.core.resources import templates_dir

    root = tmp_path / "templates"
    shutil.copytree(templates_dir(), root)
    (root / "invitation" / "schema.json").write_text("{ broken", encoding="utf-8")
    monkeypatch.setenv("CIRCULAR_STUDIO_TEMPLATES", str(root))
    dialog = NewDialog(letter_types())
    qtbot.addWidget(dialog)
    offered = [dialog.type_combo.itemData(i) for i in range(dialog.type_combo.count())]
    assert "call_for_contributions" in offered and "invitation" not in offered
    assert "invitation/schema.json" in dialog.broken.text()
