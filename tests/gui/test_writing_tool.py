"""What a Word user expects of the editor (issue 12): fixes that are never a silent guess, the
draft's facts checked, dates typed into empty fields, paste from Word, find/replace, print,
export of every language, the Arabic interface's plurals."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

pytestmark = pytest.mark.gui


def editor(window, name, lang=None):
    return window.form.editor(name, lang)


def _wait_finding(w, qtbot, code, pred=lambda f: True):
    qtbot.waitUntil(lambda: any(f.code == code and pred(f) for f in w.findings), timeout=5000)
    return next(f for f in w.findings if f.code == code and pred(f))


def _seed_000(example, edit) -> Path:
    path = example("000")
    data = json.loads(path.read_text(encoding="utf-8"))
    edit(data)
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


# ---------------------------------------------------------------- 1. a spelling fix is never a silent guess
def test_a_guessed_spelling_fix_offers_a_menu_and_applies_only_the_chosen_word(window, example, qtbot):
    def misspell(data):
        data["free"].append({"id": "p9", "after": "look_forward", "text": {"fr": "Nous attendons vos contribtions."}})
    w = window
    assert w.open_path(str(_seed_000(example, misspell)))
    finding = _wait_finding(w, qtbot, "SPELL002", lambda f: f.excerpt == "contribtions")
    button = w.findings_panel.tree.itemWidget(w.findings_panel.item_for(finding), 1)
    assert button is not None and button.menu() is not None  # a menu, not a one-click Fix
    choices = [a.text() for a in button.menu().actions()]
    assert "contributions" in choices and "contritions" in choices
    before = w.model.value("free:p9", "fr")
    # Ctrl+. (apply the fix) on it opens the menu instead of applying the first suggestion
    shown = []
    w.findings_panel.exec_menu = lambda menu, pos: shown.append([a.text() for a in menu.actions()])
    w.findings_panel.tree.setCurrentItem(w.findings_panel.item_for(finding))
    w.actions["letter.apply_fix"].trigger()
    assert shown and "contributions" in shown[0]
    assert w.model.value("free:p9", "fr") == before
    # choosing a word puts that word in
    next(a for a in button.menu().actions() if a.text() == "contributions").trigger()
    assert "vos contributions." in w.model.value("free:p9", "fr")
    assert "contritions" not in w.model.value("free:p9", "fr")


def test_a_certain_spelling_fix_stays_one_click(window, example, qtbot):
    def misspell(data):
        data["free"].append({"id": "p9", "after": "look_forward", "text": {"fr": "Merci de votre partcipation."}})
    w = window
    assert w.open_path(str(_seed_000(example, misspell)))
    finding = _wait_finding(w, qtbot, "SPELL002", lambda f: f.excerpt == "partcipation")
    button = w.findings_panel.tree.itemWidget(w.findings_panel.item_for(finding), 1)
    assert button.menu() is None and button.text() == "Fix"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert "votre participation." in w.model.value("free:p9", "fr")


# ---------------------------------------------------------------- 2. the draft's facts are checked
def test_deadline_after_the_event_is_flagged_in_the_editor(window, example, qtbot):
    def facts(data):
        data["fields"].update(start_date="2027-03-10", end_date="2027-03-12", deadline="2027-03-20",
                              letter_date="2027-01-15")
        data["free"].append({"id": "p9", "after": "look_forward", "text": {"fr": "Merci de répondre avant le 20 mars 2027."}})
    w = window
    assert w.open_path(str(_seed_000(example, facts)))
    finding = _wait_finding(w, qtbot, "DATE005")
    assert finding.excerpt == "20 mars 2027"
    # correcting the Deadline fact (and the sentence) clears it
    w.model.set_value("deadline", "2027-03-01")
    w.model.set_value("free:p9", w.model.value("free:p9", "fr").replace("20 mars", "1er mars"), "fr")
    w.update_preview(check_now=True)
    assert not any(f.code == "DATE005" for f in w.findings)


# ---------------------------------------------------------------- 3. an empty date field can be typed into
def test_typing_a_date_into_an_empty_field(window, example, qtbot):
    w = window
    assert w.open_path(str(_seed_000(example, lambda d: d["fields"].update(end_date=""))))
    field = editor(w, "end_date").edit
    field.setFocus()
    qtbot.keyClicks(field, "2027-03-12")
    assert field.text() == "2027-03-12"  # not "(no date)20270312"
    assert w.model.value("end_date") == "2027-03-12"
    w.form.setFocus()  # leaving the field keeps it
    assert w.model.value("end_date") == "2027-03-12"
    # emptied again with the whole date selected, then typed without dashes
    field.selectAll()
    qtbot.keyClick(field, Qt.Key.Key_Delete)
    assert w.model.value("end_date") == ""
    qtbot.keyClicks(field, "20270313")
    assert w.model.value("end_date") == "2027-03-13"


def test_the_calendar_of_an_empty_date_opens_on_today(window, example, qtbot):
    from PySide6.QtCore import QDate, QPoint

    w = window
    assert w.open_path(str(_seed_000(example, lambda d: d["fields"].update(deadline=""))))
    field = editor(w, "deadline").edit
    calendar = field.calendarWidget()
    qtbot.mouseClick(field, Qt.MouseButton.LeftButton, pos=QPoint(field.width() - 6, field.height() // 2))
    qtbot.waitUntil(calendar.isVisible, timeout=2000)
    today = QDate.currentDate()
    assert (calendar.yearShown(), calendar.monthShown()) == (today.year(), today.month())
    calendar.window().hide()


# ---------------------------------------------------------------- 4. paste from Word/LibreOffice/HTML
WORD_HTML = """<html xmlns:o="urn:schemas-microsoft-com:office:office"><body lang=FR><!--StartFragment-->
<p class=MsoNormal>Nous vous <b>invitons</b> à la <i>réunion</i> (voir <a href="https://www.itu.int/wtdc">le site</a>).<o:p></o:p></p>
<p class=MsoListParagraphCxSpFirst style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span
style='font-family:Symbol;mso-list:Ignore'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp; </span></span><![endif]>premier point<o:p></o:p></p>
<p class=MsoListParagraphCxSpLast style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span
style='font-family:Symbol;mso-list:Ignore'>·<span>&nbsp;&nbsp; </span></span><![endif]>second point<o:p></o:p></p>
<!--EndFragment--></body></html>"""


def test_pasting_word_html_with_a_list_gives_markdown(opened, qtbot):
    from PySide6.QtCore import QMimeData
    from PySide6.QtWidgets import QApplication

    w = opened
    body = editor(w, "free:p1", "ar").edit
    body.setPlainText("")
    mime = QMimeData()
    mime.setHtml(WORD_HTML)
    mime.setText("Nous vous invitons à la réunion (voir le site). • premier point • second point")
    QApplication.clipboard().setMimeData(mime)
    body.setFocus()
    body.paste()
    QApplication.clipboard().clear()  # the clipboard owns the data: free it while the app lives
    text = w.model.value("free:p1", "ar")
    assert text == ("Nous vous **invitons** à la *réunion* (voir [le site](https://www.itu.int/wtdc)).\n\n"
                    "- premier point\n- second point")
    # and the preview shows a real list with bold, italic and the link
    w.update_preview(check_now=False)
    assert "<b>" in w.preview.html or "font-weight" in w.preview.html


def test_pasting_libreoffice_numbered_list_and_plain_bullets(opened, qtbot):
    from PySide6.QtCore import QMimeData

    body = editor(opened, "free:p1", "ar").edit
    body.setPlainText("")
    mime = QMimeData()
    mime.setHtml("<ol><li><p>un</p></li><li><p><strong>deux</strong></p></li></ol>")
    body.insertFromMimeData(mime)
    assert body.toPlainText() == "1. un\n2. **deux**"
    body.setPlainText("")
    mime = QMimeData()
    mime.setText("• premier point\n• second point")
    body.insertFromMimeData(mime)
    assert body.toPlainText() == "- premier point\n- second point"


# ---------------------------------------------------------------- 5. spelling underlined as you type
def _underlined(edit) -> list[str]:
    from PySide6.QtGui import QTextCharFormat

    out = []
    block = edit.document().begin()
    while block.isValid():
        for r in block.layout().formats():
            if r.format.underlineStyle() == QTextCharFormat.UnderlineStyle.SpellCheckUnderline:
                out.append(block.text()[r.start:r.start + r.length])
        block = block.next()
    return out


def test_spelling_is_underlined_as_you_type_with_corrections_and_add_word(window, example, qtbot):
    from PySide6.QtGui import QTextCursor
    from PySide6.QtWidgets import QMenu

    from circular_studio.core.locale import spelling

    w = window
    assert w.open_path(str(_seed_000(example, lambda d: None)))
    body = editor(w, "clause:gender", "fr").edit
    body.moveCursor(QTextCursor.MoveOperation.End)
    body.setFocus()
    qtbot.keyClicks(body, " Nous attendons vos contribtions et le Zorglubisme.")
    assert "contribtions" in _underlined(body)
    assert "Zorglubisme" not in _underlined(body)  # a capitalised word in a sentence: a name
    cursor = body.textCursor()
    cursor.setPosition(body.toPlainText().index("contribtions") + 3)
    menu = QMenu(body)
    body.underliner.add_suggestions(menu, cursor)
    names = [a.text() for a in menu.actions()]
    assert "contributions" in names and "contritions" in names
    next(a for a in menu.actions() if a.text() == "contributions").trigger()
    assert "vos contributions et" in w.model.value("clause:gender", "fr")
    # a word the organisation uses: added to the house word list, no longer underlined nor flagged
    qtbot.keyClicks(body, " Le wsisforumien arrive.")
    assert "wsisforumien" in _underlined(body)
    cursor.setPosition(body.toPlainText().index("wsisforumien") + 2)
    menu = QMenu(body)
    body.underliner.add_suggestions(menu, cursor)
    try:
        next(a for a in menu.actions() if a.objectName() == "spell-add").trigger()
        assert "wsisforumien" not in _underlined(body)
        w.update_preview(check_now=True)
        assert not any("wsisforumien" in f.excerpt for f in w.findings)
    finally:
        spelling.reload_word_lists()


# ---------------------------------------------------------------- 7. export every language at once
def test_export_all_languages_one_file_per_language(opened, qtbot, tmp_path, monkeypatch, boxes):
    import docx
    from PySide6.QtWidgets import QFileDialog

    w = opened  # seed-001: the six languages
    out = tmp_path / "out"
    out.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(lambda *a, **k: str(out)))
    assert w.actions["file.export_all_docx"].isEnabled()
    with qtbot.waitSignal(w.exportFinished, timeout=30000):
        w.actions["file.export_all_docx"].trigger()
    names = sorted(p.name for p in out.iterdir())
    assert names == [f"seed-001-{lang}.docx" for lang in ("ar", "en", "es", "fr", "ru", "zh")]
    fr = "\n".join(p.text for p in docx.Document(str(out / "seed-001-fr.docx")).paragraphs)
    assert "Madame, Monsieur" in fr


@pytest.mark.libreoffice
def test_export_all_languages_as_pdf_in_one_libreoffice_run(opened, qtbot, tmp_path, monkeypatch):
    from circular_studio.core.outputs import pdf
    from circular_studio.core.outputs.pdf import soffice_path

    if soffice_path() is None:
        pytest.skip("LibreOffice is not installed")
    runs = []
    real = pdf._convert
    monkeypatch.setattr(pdf, "_convert", lambda paths, *a, **k: runs.append(len(paths)) or real(paths, *a, **k))
    with qtbot.waitSignal(opened.exportFinished, timeout=180000):
        opened.start_export(str(tmp_path), "pdf", "", languages=opened.model.languages)
    assert sorted(p.name for p in tmp_path.glob("*.pdf")) == [
        f"seed-001-{lang}.pdf" for lang in ("ar", "en", "es", "fr", "ru", "zh")]
    assert runs == [6]


# ---------------------------------------------------------------- 5. find/replace, print, zoom, menus
def test_find_and_replace_across_the_languages(opened, qtbot):
    w = opened  # seed-001: the six versions all name the year 2020
    def body(lang):
        return "\n\n".join(text for _name, text in w.model.body_texts(lang))

    counts = {lang: body(lang).count("2020") for lang in w.model.languages}
    assert all(counts.values())
    w.actions["edit.replace"].trigger()
    assert w.find_bar.isVisible() and w.find_bar.replace_edit.isVisible()
    total = sum(v.count("2020") for lang in w.model.languages
                for v in list(w.model.draft.languages[lang].values()) + [body(lang)] if isinstance(v, str))
    w.find_bar.find_edit.setText("2020")
    assert w.find_bar.count.text() == f"{total} found (Arabic, Chinese, English, French, Russian, Spanish)"
    m = w.find_bar.find_next()
    widget = w.form.editor(m.name, m.lang).focus_widget()
    selected = widget.selectedText() if hasattr(widget, "selectedText") else widget.textCursor().selectedText()
    assert selected == "2020"
    assert w.form.currentWidget() is w.form.pages[m.lang]
    w.find_bar.replace_edit.setText("2021")
    assert w.find_bar.replace_everywhere() == total
    for lang in w.model.languages:
        assert "2020" not in body(lang) + w.model.value("subject", lang)
        assert "2021" in body(lang)
    w.actions["edit.undo"].trigger()  # one step undoes it all
    for lang in w.model.languages:
        assert body(lang).count("2020") == counts[lang]


@pytest.mark.libreoffice
def test_print_preview_shows_the_pages_of_the_pdf(opened, qtbot, tmp_path):
    import pypdfium2

    from circular_studio.core.outputs.formats import export_document
    from circular_studio.core.outputs.pdf import soffice_path

    if soffice_path() is None:
        pytest.skip("LibreOffice is not installed")
    w = opened
    w.preview.set_language("fr")
    body = w.model.value("free:p1", "fr")
    w.model.set_value("free:p1", "\n\n".join([body] * 6), "fr")  # a longer letter: several pages
    dialog = w.printer.preview()
    assert dialog is not None and dialog.pages is not None
    pdf = tmp_path / "letter.pdf"
    export_document(w.model.draft, "fr", pdf, "pdf")
    expected = len(pypdfium2.PdfDocument(str(pdf)))
    assert expected >= 2
    assert dialog.page_count() == expected
    dialog.deleteLater()


def test_preview_zoom_and_fit_width(opened, qtbot):
    from PySide6.QtCore import QPoint, QPointF
    from PySide6.QtGui import QWheelEvent
    from PySide6.QtWidgets import QApplication

    page = opened.preview.browser
    fit = page.scale()
    opened.actions["view.zoom_in"].trigger()
    assert page.scale() > fit
    opened.actions["view.fit_width"].trigger()
    assert page.zoom() is None and page.scale() == fit
    event = QWheelEvent(QPointF(50, 50), QPointF(page.mapToGlobal(QPoint(50, 50))), QPoint(0, 0), QPoint(0, -120),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.ControlModifier, Qt.ScrollPhase.NoScrollPhase,
                        False)
    QApplication.sendEvent(page.viewport(), event)
    assert page.scale() < fit


def test_close_returns_to_the_start_page_and_menus_exist(opened, qtbot):
    w = opened
    edit_menu = [a.objectName() for a in w.menus["edit"].actions()]
    assert {"edit.cut", "edit.copy", "edit.paste", "edit.select_all", "edit.find", "edit.replace"} <= set(edit_menu)
    w.actions["help.checks"].trigger()
    assert "DATE005" in w.help_dialog.browser.toPlainText()
    w.help_dialog.close()
    w.actions["help.guide"].trigger()
    assert "Ctrl+P" in w.help_dialog.browser.toPlainText()
    w.help_dialog.close()
    w.actions["file.close"].trigger()
    assert w.isVisible() and w.stack.currentWidget() is w.welcome and w.model is None


# ---------------------------------------------------------------- 9. the Arabic interface
def test_arabic_interface_counts_with_arabic_plurals(opened, qtbot):
    from circular_studio.gui.i18n import findings_summary, tr_n

    w = opened
    w.set_interface_language("ar")
    assert findings_summary(1, 1) == "خطأ واحد، تحذير واحد"  # not "1 أخطاء، 1 تحذيرات"
    assert findings_summary(2, 3) == "خطآن، 3 تحذيرات"
    assert findings_summary(0, 11) == "لا أخطاء، 11 تحذيرًا"
    assert tr_n("preview.pages", 2) == "صفحتان"
    errors = sum(1 for f in w.findings if f.severity == "error")
    warnings = sum(1 for f in w.findings if f.severity == "warning")
    assert w.findings_label.text() == findings_summary(errors, warnings)
    w.set_interface_language("fr")
    assert findings_summary(1, 0) == "1 erreur, 0 avertissement"  # French counts 0 as singular
    w.set_interface_language("en")
    assert findings_summary(1, 2) == "1 error, 2 warnings"


def test_arabic_interface_keeps_the_tab_and_shows_shortcuts_left_to_right(opened, qtbot):
    w = opened
    w.form.setCurrentWidget(w.form.pages["fr"])
    w.set_interface_language("ar")
    assert w.form.currentWidget() is w.form.pages["fr"]  # not sent back to the Facts tab
    assert "\u2066Ctrl+.\u2069" in w.actions["letter.apply_fix"].toolTip()
    from circular_studio.gui.mainwindow import about_html
    about = about_html()
    assert 'dir="rtl"' in about and "\u2066Circular Studio\u2069" in about


# ---------------------------------------------------------------- 10. a .docx in the check view
def test_a_docx_in_the_check_view_says_it_is_a_text_view_and_shows_its_real_pages(window, example, tmp_path, qtbot):
    from circular_studio.core.model import draft as draft_io
    from circular_studio.core.outputs.formats import export_document
    from circular_studio.gui.printing import have_libreoffice

    docx = tmp_path / "letter.docx"
    export_document(draft_io.load(example("001")), "ar", docx, "docx")
    w = window
    assert w.open_path(str(docx))
    assert w.check_view.text_view_note.isVisible()
    assert "text view" in w.check_view.text_view_note.text()
    if not have_libreoffice():
        assert not w.check_view.real_pages_button.isVisible()
        return
    assert w.check_view.real_pages_button.isVisible()
    dialog = w.printer.preview()
    assert dialog.pages is not None and dialog.page_count() == len(dialog.pages) >= 1
    dialog.deleteLater()


# ---------------------------------------------------------------- 8. small defects
def test_side_by_side_never_shows_one_language_twice(opened, qtbot):
    w = opened
    w.actions["view.side_by_side"].setChecked(True)
    assert w.preview2.isVisible() and w.preview2.language() != w.preview.language()
    w.preview.set_language(w.preview2.language())
    assert w.preview2.language() != w.preview.language()


def test_a_newly_opened_letter_starts_at_its_first_page(opened, example, qtbot):
    w = opened
    bar = w.preview.browser.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0, timeout=3000)
    bar.setValue(bar.maximum())
    assert w.open_path(str(example("000")))
    assert bar.value() == 0


def test_save_as_of_an_example_proposes_the_documents_folder(window, monkeypatch, qtbot):
    from PySide6.QtCore import QStandardPaths
    from PySide6.QtWidgets import QFileDialog

    from circular_studio.core.resources import examples_dir

    w = window
    w.settings.last_folder = str(examples_dir())
    w._fill_examples()
    w.examples_menu.actions()[0].trigger()
    asked = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda _p, _t, start, _f: asked.append(start) or ("", "")))
    w.save_as()
    assert asked and not asked[0].startswith(str(examples_dir()))
    docs = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    assert Path(asked[0]).parent in (Path(docs), Path.home())  # Documents, or home without one


# ---------------------------------------------------------------- 6. the Arabic editor shows what the letter shows
def _type(widget, text: str) -> None:
    """Key events for any text (QTest.keyClicks takes ASCII only): one press per character."""
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    for ch in text:
        key = Qt.Key.Key_Return if ch == "\n" else Qt.Key.Key_unknown
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, ch))


def test_arabic_body_editor_shows_a_phone_number_in_the_letters_order(opened, qtbot):
    from bidi import get_display

    w = opened
    body = w.form.editor("free:p5", "ar").edit
    body.setFocus()
    body.moveCursor(QTextCursor.MoveOperation.End)
    _type(body, "\nللاستفسار: الهاتف +41 22 730 5887 شكراً")
    value = w.model.value("free:p5", "ar")
    assert "+41 22 730 5887" in value and "\u200e" not in value  # the draft gets no marks
    shown = body.document().lastBlock().text()
    assert "\u200e+41 22 730 5887\u200e" in shown
    assert "+41 22 730 5887" in get_display(shown, base_dir="R").replace("\u200e", "")
    # without the marks the same line displays the groups reversed, as the letter did before
    assert "5887 730 22 41+" in get_display(shown.replace("\u200e", ""), base_dir="R")
    # typing on keeps the caret and the marks follow the number
    _type(body, " ؟")
    assert w.model.value("free:p5", "ar").endswith("شكراً ؟")


def test_a_phone_number_missing_in_a_version_is_one_finding(opened, qtbot):
    w = opened
    w.model.set_value("free:p5", w.model.value("free:p5", "ar") + "\n\nالهاتف: +41 22 730 5887", "ar")
    w.update_preview(check_now=True)
    about = [f.message for f in w.findings if f.code.startswith("LANG") and f.language == "en"]
    assert sum("+41 22 730 5887" in m for m in about) == 1
    assert not any(f"number {group}," in m for m in about for group in ("22", "730", "5887"))


def test_a_long_arabic_subject_shows_its_beginning(opened, qtbot):
    subject = opened.form.editor("subject", "ar").edit
    assert subject.cursorPosition() == 0


def test_adding_an_addressee_puts_no_placeholder_into_the_letter(opened, qtbot):
    w = opened
    addressees = w.form.editor("addressees", "fr")
    before = list(w.model.value("addressees", "fr"))
    addressees.add_item()
    assert w.model.value("addressees", "fr") == before  # nothing yet
    w.update_preview(check_now=False)
    assert "New line" not in w.preview.plain_text() and "Nouvelle ligne" not in w.preview.plain_text()
    item = addressees.list.item(addressees.list.count() - 1)
    item.setText("Aux Membres du Secteur")
    assert w.model.value("addressees", "fr") == before + ["Aux Membres du Secteur"]
