"""The letter type writes the letter in the editor: New gives every paragraph in every language,
a fact typed once reaches both previews, a clause switched off leaves both, a clause written by
hand in French is flagged when a fact it said changes, and every step undoes."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QCheckBox, QDialog, QToolButton

from circular_studio.core.outputs.html_preview import BY_HAND_COLOUR
from circular_studio.gui.dialogs import NewDialog

pytestmark = pytest.mark.gui

GENDER = {"fr": "égalité hommes-femmes", "ar": "المساواة بين الجنسين"}
EVENT = "la Conférence mondiale de développement des télécommunications"


def _new(window, qtbot, monkeypatch, type_id="invitation", langs=("ar", "fr")):
    def fake_exec(dialog):
        dialog.select(type_id, list(langs))
        dialog.accept()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(NewDialog, "exec", fake_exec)
    with qtbot.waitSignal(window.previewUpdated, timeout=3000):
        assert window.new_letter()


def _previews(w) -> dict[str, str]:
    """The text of both previews (Arabic beside French), rebuilt now."""
    w.update_preview(check_now=True)
    panes = {w.preview.language(): w.preview, w.preview2.language(): w.preview2}
    return {lang: pane.plain_text().replace("\u200e", "") for lang, pane in panes.items()}


def test_new_gives_a_whole_letter_in_each_language(window, qtbot, monkeypatch):
    window.set_side_by_side(True)
    _new(window, qtbot, monkeypatch)
    texts = _previews(window)
    assert set(texts) == {"ar", "fr"}
    assert "J'ai l'honneur de vous informer que [Nom de l'événement] se tiendra à [Lieu de l'événement]" in texts["fr"]
    assert GENDER["fr"] in texts["fr"] and GENDER["ar"] in texts["ar"]
    assert "يشرفني أن أبلغكم" in texts["ar"]
    for lang in ("ar", "fr"):  # the body editor shows the clauses as prose, never template code
        editors = {n: e for n, e in window.form.pages[lang].editors.items() if n.startswith("clause:")}
        assert len(editors) >= 5
        assert all("{{" not in e.value() and "{%" not in e.value() for e in editors.values())
    assert "[Nom de l'événement]" in window.form.editor("clause:announce", "fr").value()


def test_type_once_switch_override_and_undo_each_step(window, qtbot, monkeypatch):
    w = window
    w.set_side_by_side(True)
    _new(w, qtbot, monkeypatch)
    stack = w.model.undo_stack

    # 1. the event name, typed once (in the French tab), appears in both previews
    name = w.form.editor("event_name", "fr").edit
    name.setText(EVENT)
    name.textEdited.emit(EVENT)
    texts = _previews(w)
    assert f"J'ai l'honneur de vous informer que {EVENT} se tiendra" in texts["fr"]
    assert EVENT in texts["ar"]  # shown, bracketed, until the Arabic name is typed
    assert f"[{EVENT}]" in texts["ar"]
    qtbot.waitUntil(lambda: EVENT in w.form.editor("clause:announce", "fr").value(), timeout=2000)
    step_name = stack.index()
    assert step_name == 1  # the whole name, typed at once: one step

    # 2. the gender paragraph, unticked once, leaves both previews
    box = w.form.switches.widgets["gender"]
    assert isinstance(box, QCheckBox) and box.isChecked()
    box.click()
    texts = _previews(w)
    assert GENDER["fr"] not in texts["fr"] and GENDER["ar"] not in texts["ar"]
    assert "clause:gender" not in w.form.pages["fr"].editors
    step_gender = stack.index()

    # 3. the French announcement written by hand: kept, marked, and the French only
    w.model.set_value("start_date", "2026-11-17")
    w.model.set_value("end_date", "2026-11-28")
    announce = w.form.editor("clause:announce", "fr")
    qtbot.waitUntil(lambda: "du 17 au 28 novembre 2026" in announce.value(), timeout=2000)
    own = announce.value().replace("Cette manifestation offrira", "Cette grande manifestation offrira")
    announce.edit.setPlainText(own)
    assert w.model.is_overridden("announce", "fr") and not w.model.is_overridden("announce", "ar")
    assert "écrit à la main" in w.form.bodies["fr"].headers["clause:announce"][0].text() or \
        "written by hand" in w.form.bodies["fr"].headers["clause:announce"][0].text()
    texts = _previews(w)
    assert "Cette grande manifestation offrira" in texts["fr"]
    fr_pane = w.preview if w.preview.language() == "fr" else w.preview2
    ar_pane = w.preview2 if fr_pane is w.preview else w.preview
    assert BY_HAND_COLOUR in fr_pane.html and BY_HAND_COLOUR not in ar_pane.html  # marked, in French only
    assert not [f for f in w.findings if f.code == "CLAUSE001"]
    step_override = stack.index()

    # 4. the date changes: the hand-written paragraph still says the old one, and is flagged
    start = w.form.editor("start_date").edit
    start.setDate(QDate(2026, 11, 18))
    assert w.model.value("start_date") == "2026-11-18"
    w.update_preview(check_now=True)
    (warning,) = [f for f in w.findings if f.code == "CLAUSE001"]
    assert warning.severity == "warning" and warning.language == "fr" and warning.field == "clause:announce"
    assert "du 18 au 28 novembre 2026" in _previews(w)["fr"]  # the subject line follows the facts
    assert "du 17 au 28 novembre 2026" in _previews(w)["fr"]  # the hand-written text, as written

    # undo each step, newest first
    w.actions["edit.undo"].trigger()  # the date: the warning goes
    assert w.model.value("start_date") == "2026-11-17"
    w.update_preview(check_now=True)
    assert not [f for f in w.findings if f.code == "CLAUSE001"]
    w.actions["edit.undo"].trigger()  # the hand-written text (one step, however long the typing)
    assert stack.index() == step_override - 1
    assert not w.model.is_overridden("announce", "fr")
    assert "Cette grande" not in _previews(w)["fr"]
    assert BY_HAND_COLOUR not in (w.preview.html + w.preview2.html)
    assert "Cette grande" not in w.form.editor("clause:announce", "fr").value()
    while stack.index() > step_gender:  # the two dates typed in between
        w.actions["edit.undo"].trigger()
    assert GENDER["fr"] not in _previews(w)["fr"]
    w.actions["edit.undo"].trigger()  # the gender paragraph comes back in both
    assert stack.index() == step_name
    texts = _previews(w)
    assert GENDER["fr"] in texts["fr"] and GENDER["ar"] in texts["ar"]
    assert w.form.switches.widgets["gender"].isChecked()
    assert "clause:gender" in w.form.pages["ar"].editors
    w.actions["edit.undo"].trigger()  # the event name
    texts = _previews(w)
    assert EVENT not in texts["fr"] and EVENT not in texts["ar"]
    assert "[Nom de l'événement]" in texts["fr"]
    assert w.form.editor("event_name", "fr").value() == ""


def test_free_paragraphs_and_resets(window, qtbot, monkeypatch):
    w = window
    w.set_side_by_side(True)
    _new(w, qtbot, monkeypatch, langs=("fr", "en"))
    button = w.form.bodies["fr"].findChild(QToolButton, "add-free:announce:fr")
    button.click()
    (block,) = w.model.draft.free
    assert block["after"] == "announce" and set(block["text"]) == {"fr", "en"}
    name = f"free:{block['id']}"
    w.form.editor(name, "fr").edit.setPlainText("Un paragraphe de plus.")
    texts = _previews(w)
    assert "Un paragraphe de plus." in texts["fr"]
    assert "[Paragraph to write in this language]" in texts["en"]  # the English one to write
    w.update_preview(check_now=True)
    assert any(f.code == "CLAUSE004" and f.language == "en" for f in w.findings)
    # a clause written by hand goes back to its standard text with one click, undoably
    look = w.form.editor("clause:look_forward", "fr")
    look.edit.setPlainText("Je compte sur vous.")
    assert w.model.is_overridden("look_forward", "fr")
    reset = w.form.bodies["fr"].headers["clause:look_forward"][1]
    assert not reset.isHidden()
    reset.click()
    assert not w.model.is_overridden("look_forward", "fr")
    assert w.form.editor("clause:look_forward", "fr").value().startswith("Je compte sur votre participation")
    w.actions["edit.undo"].trigger()
    assert w.model.value("clause:look_forward", "fr") == "Je compte sur vous."
    # the paragraph is removed from every language in one step
    remove = w.form.bodies["fr"].headers[name][1]
    remove.click()
    assert w.model.draft.free == [] and name not in w.form.pages["en"].editors
    w.actions["edit.undo"].trigger()
    assert [b["id"] for b in w.model.draft.free] == [block["id"]]
    assert w.form.editor(name, "fr").value() == "Un paragraphe de plus."
