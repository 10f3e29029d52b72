"""The editor's Series tab (issue 13 item 3) and the check view's style profile (issue 10).

A series draft (seed 000: one invitation per Member State) opened in the window: the Series tab
lists the register, filters it, previews any one addressee's letter, counts each addressee's
findings in a worker thread and exports the letters with progress, Cancel, Resume and a summary.
"""
from __future__ import annotations

import shutil
import zipfile

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt

from circular_studio.gui import series_view, worker
from circular_studio.gui.series_view import COL_ERRORS, COL_NAME, COL_REGION, COL_WARNINGS

from .conftest import EXAMPLES

pytestmark = pytest.mark.gui


@pytest.fixture(autouse=True)
def no_job_left_running():
    """No series job may outlive its test (a thread running Python while the interpreter exits
    crashes it)."""
    yield
    worker.cancel_all(wait_ms=60000)
    assert not worker.RUNNING


@pytest.fixture
def series_window(window, tmp_path, qtbot):
    """seed 000's series draft, copied into the test's folder and opened; the Series tab shown."""
    path = tmp_path / "invitation.json"
    shutil.copy(EXAMPLES / "series-000.json", path)
    assert window.open_path(str(path))
    window.actions["letter.series"].trigger()
    return window


def view_of(window) -> series_view.SeriesView:
    return window.editor_view.series_view


def rows(view) -> list[tuple[str, str, str, str]]:
    """What the table shows: (name, region, errors, warnings) per row."""
    p = view.proxy
    return [tuple(p.index(r, c).data() or "" for c in (COL_NAME, COL_REGION, COL_ERRORS, COL_WARNINGS))
            for r in range(p.rowCount())]


def stop_checks(view, qtbot) -> None:
    """The per-addressee checks run while the tab is shown; these tests do not wait for 195."""
    view._check_timer.stop()
    if view.check_job is not None:
        view.check_job.cancel()
        qtbot.waitUntil(lambda: view.check_job is None, timeout=10000)
    view._stale = False


def test_series_tab_lists_the_register_filters_and_previews_one_addressee(series_window, qtbot):
    w = series_window
    view = view_of(w)
    assert w.form.currentWidget() is view and w.form.tabText(w.form.currentIndex()) == "Series"
    assert view.source.currentData() == "member-states"
    assert view.rows.rowCount() == 195 and view.proxy.rowCount() == 195
    assert view.folder.text() == str(w.model.draft.path).replace("invitation.json", "invitation-letters")
    stop_checks(view, qtbot)
    w.preview.set_language("fr")

    view.set_filter("japon")  # accents and case ignored, names in any language
    assert [r[0] for r in rows(view)] == ["Japan"]
    assert view.select(view.shown_ids()[0])
    qtbot.waitUntil(lambda: "Au Japon" in w.preview.plain_text(), timeout=5000)

    view.filter.setText("Palest")
    assert view.shown_ids() == ["pse"] and rows(view)[0][:2] == ("State of Palestine", "Western Asia")
    assert "1 of 195" in view.status.text()
    view.table.selectRow(0)
    qtbot.waitUntil(lambda: "À l'État de Palestine" in w.preview.plain_text(), timeout=5000)
    text = " ".join(w.preview.plain_text().split())
    assert "inviter par la présente l'État de Palestine" in text and "(Rés. 99)" in text
    assert w.model.draft.series == {"addressees": "member-states", "preview": "pse"}
    assert not w.model.modified  # looking at another addressee changes no letter


def test_region_filter_uses_cldr_regions_in_the_interface_language(series_window, qtbot):
    view = view_of(series_window)
    stop_checks(view, qtbot)
    view.set_filter(region="145")  # Western Asia
    shown = set(view.shown_ids())
    assert {"pse", "sau", "tur", "are"} <= shown and "fra" not in shown and "egy" not in shown
    assert {r[1] for r in rows(view)} == {"Western Asia"}
    view.set_filter(region="002")  # Africa: its sub-regions too
    assert {"egy", "nga", "zaf"} <= set(view.shown_ids()) and len(view.shown_ids()) >= 50
    view.set_filter("guinee", region="002")  # Guinée, Guinée-Bissau, Guinée équatoriale; not Papouasie-Nouvelle-Guinée
    assert sorted(view.shown_ids()) == ["gin", "gnb", "gnq"]


def test_choosing_the_source_is_one_undoable_step(series_window, qtbot):
    w = series_window
    view = view_of(w)
    stop_checks(view, qtbot)
    view.source.setCurrentIndex(view.source.findData(""))
    view.source.activated.emit(view.source.currentIndex())
    assert w.model.draft.series is None and view.rows.rowCount() == 0 and not view.export_box.isEnabled()
    assert w.model.modified
    w.actions["edit.undo"].trigger()
    assert w.model.draft.series["addressees"] == "member-states" and view.rows.rowCount() == 195
    assert view.source.currentData() == "member-states"


def test_a_bad_list_is_refused_with_its_message_and_nothing_changes(series_window, tmp_path, boxes, qtbot):
    view = view_of(series_window)
    stop_checks(view, qtbot)
    bad = tmp_path / "list.csv"
    bad.write_text("name_fr\nJapon\n", encoding="utf-8")
    assert not view.set_source(str(bad))
    assert "no 'id' column" in boxes.of("warning")[0][2]
    assert series_window.model.draft.series["addressees"] == "member-states" and view.rows.rowCount() == 195


def test_findings_are_counted_per_addressee_in_a_worker(series_window, tmp_path, qtbot):
    w = series_window
    view = view_of(w)
    stop_checks(view, qtbot)
    listing = tmp_path / "organisations.csv"
    listing.write_text("id,name_fr,name_en,name_ar\n"
                       "au,l'Union africaine,the African Union,الاتحاد الأفريقي\n"
                       "pal,Etat de Palestine,State of Palestine,دولة فلسطين\n"
                       "xx,,Nowhere,\n", encoding="utf-8")
    assert view.set_source(str(listing))
    assert w.model.draft.series["addressees"] == "organisations.csv"  # beside the draft: relative
    assert view.source.currentText() == "List from a file: organisations.csv"
    assert sorted(view.shown_ids()) == ["au", "pal", "xx"]
    with qtbot.waitSignal(view.checksFinished, timeout=60000):
        assert view.start_checks()
    counts = {row[0]: (row[2], row[3]) for row in rows(view)}
    assert counts["African Union"] == ("0", "0")
    assert counts["State of Palestine"] == ("0", "2")  # ADDR001: "Etat" without its accent, twice
    assert counts["Nowhere"] == ("2", "0")  # no French nor Arabic name: two letters cannot be made
    assert "2 of 3" in view.status.text()
    view.findings_only.setChecked(True)
    assert sorted(view.shown_ids()) == ["pal", "xx"]
    # the row's letter in the preview: the findings panel shows that letter's findings
    w.preview.set_language("fr")
    view.select("pal")
    qtbot.waitUntil(lambda: any(f.code == "ADDR001" for f in w.findings), timeout=5000)


class CancelAfterFirstLetter(worker.SeriesExportJob):
    """The Cancel button pressed while the first letter is reported: the job is cancelled from
    its own thread at that moment, so exactly one letter is written (deterministic)."""

    def __init__(self, *args, **kw):
        super().__init__(*args, **kw)
        self.signals.progress.connect(lambda done, _t, _n: self.cancel() if done == 1 else None,
                                      Qt.ConnectionType.DirectConnection)


def complete_docx(path) -> bool:
    with zipfile.ZipFile(path) as z:
        return z.testzip() is None and "word/document.xml" in z.namelist()


def test_export_three_addressees_in_two_languages_cancel_and_resume(series_window, tmp_path, qtbot, monkeypatch):
    w = series_window
    view = view_of(w)
    stop_checks(view, qtbot)
    out = tmp_path / "letters"
    out.mkdir()
    view.set_filter(region="155")  # Western Europe, then three of its rows selected
    sel = view.table.selectionModel()
    wanted = {"fra", "deu", "che"}
    for r in range(view.proxy.rowCount()):
        index = view.proxy.index(r, COL_NAME)
        if index.data(series_view.ID_ROLE) in wanted:
            sel.select(index, QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows)
    assert sorted(view.export_ids()) == sorted(wanted)
    view.language_boxes["ar"].setChecked(False)
    view.folder.setText(str(out))
    assert view.export_button.text() == "Export 6 Letters"
    assert "Selected addressees: 3 × languages: 2 × formats: 1" == view.scope.text()

    monkeypatch.setattr(series_view, "SeriesExportJob", CancelAfterFirstLetter)
    progress: list[tuple[int, int]] = []
    view.exportProgress.connect(lambda done, total: progress.append((done, total)))
    with qtbot.waitSignal(view.exportFinished, timeout=60000) as finished:
        qtbot.mouseClick(view.export_button, Qt.MouseButton.LeftButton)
        assert view.cancel_button.isVisible() and not view.export_button.isEnabled()
    report = finished.args[0]
    assert report.cancelled and progress == [(1, 6)]
    files = sorted(p.name for p in out.iterdir())
    assert files == ["invitation.fra.fr.docx"]  # the first letter, whole
    assert all(complete_docx(p) for p in out.iterdir())
    assert "Cancelled" in view.summary.toPlainText() and view.resume_button.isVisible()

    monkeypatch.setattr(series_view, "SeriesExportJob", worker.SeriesExportJob)
    progress.clear()
    with qtbot.waitSignal(view.exportFinished, timeout=60000) as finished:
        qtbot.mouseClick(view.resume_button, Qt.MouseButton.LeftButton)
    report = finished.args[0]
    assert not report.cancelled and len(report.by_status("kept")) == 1 and len(report.by_status("written")) == 5
    assert progress[-1] == (6, 6)
    names = sorted(p.name for p in out.iterdir())
    assert names == sorted(f"invitation.{a}.{lang}.docx" for a in wanted for lang in ("fr", "en"))
    assert all(complete_docx(out / n) for n in names)
    summary = view.summary.toPlainText()
    assert "Written: 5 of 6 letters." in summary and "Already in the folder and kept: 1." in summary
    assert not view.resume_button.isVisible()
    from docx import Document

    text = "\n".join(p.text for p in Document(out / "invitation.che.fr.docx").paragraphs)
    assert "À la Suisse" in text


def test_the_summary_names_the_letters_with_errors(series_window, tmp_path, qtbot):
    view = view_of(series_window)
    stop_checks(view, qtbot)
    listing = tmp_path / "list.csv"
    listing.write_text("id,name_fr,name_en,name_ar\npal,Etat de Palestine,State of Palestine,دولة فلسطين\n"
                       "xx,,Nowhere,لا مكان\n", encoding="utf-8")
    assert view.set_source(str(listing))
    stop_checks(view, qtbot)
    with qtbot.waitSignal(view.exportFinished, timeout=60000) as finished:
        assert view.start_export(["pal", "xx"], ["fr"], ["docx"], str(tmp_path / "out"))
    report = finished.args[0]
    assert [o.status for o in report.outcomes] == ["written", "failed"]
    summary = view.summary.toPlainText()
    assert "Written: 1 of 2 letters." in summary
    assert "Not made (1):\n  xx [fr]: no name in fr" in summary


def test_the_series_tab_in_arabic_survives_the_change_of_language(series_window, qtbot):
    w = series_window
    view = view_of(w)
    stop_checks(view, qtbot)
    view.set_filter("Palest")
    w.set_interface_language("ar")
    assert view_of(w) is view  # the same view, moved into the rebuilt form
    assert w.form.tabText(w.form.indexOf(view)) == "السلسلة"
    assert view.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert rows(view)[0][:2] == ("دولة فلسطين", "غرب آسيا")
    assert view.export_button.text().startswith("تصدير")


CHECKED_MD = ("Genève, le 1er décembre 2025\n\n**Objet :** Invitation\n\nMadame, Monsieur,\n\n"
              "J'ai l'honneur de vous inviter.\n\nVeuillez agréer, Madame, Monsieur, l'assurance de ma "
              "considération distinguée.\n")


def test_check_view_style_profile_is_chosen_per_file_for_the_session(window, tmp_path, qtbot):
    letter = tmp_path / "lettre.md"
    letter.write_text(CHECKED_MD, encoding="utf-8")
    other = tmp_path / "autre.md"
    other.write_text(CHECKED_MD, encoding="utf-8")
    assert window.open_path(str(letter))
    combo = window.check_view.profile_combo
    assert combo.currentData() == "itu" and combo.currentText() == "ITU house style"
    assert "TYPO005" in {f.code for f in window.findings}  # house style: no space before ':'
    combo.activated.emit(combo.findData("other"))
    assert "TYPO005" not in {f.code for f in window.findings}
    assert window.open_path(str(other))  # another file starts from the default
    assert window.check_view.profile_combo.currentData() == "itu"
    assert "TYPO005" in {f.code for f in window.findings}
    assert window.open_path(str(letter))  # the first file keeps its choice
    assert window.check_view.profile_combo.currentData() == "other"
    assert "TYPO005" not in {f.code for f in window.findings}


def test_check_view_profile_starts_from_the_project_file(window, tmp_path):
    (tmp_path / "circular-studio.toml").write_text('[check]\nprofile = "other"\n', encoding="utf-8")
    letter = tmp_path / "lettre.md"
    letter.write_text(CHECKED_MD, encoding="utf-8")
    assert window.open_path(str(letter))
    assert window.check_view.profile_combo.currentData() == "other"
    assert "TYPO005" not in {f.code for f in window.findings}


def test_export_docx_and_pdf_checks_each_letter_once(series_window, tmp_path, qtbot):
    from circular_studio.core.outputs.pdf import soffice_path

    if soffice_path() is None:
        pytest.skip("LibreOffice is not installed")
    view = view_of(series_window)
    stop_checks(view, qtbot)
    assert view.format_boxes["pdf"].isEnabled()
    with qtbot.waitSignal(view.exportFinished, timeout=180000) as finished:
        assert view.start_export(["pse"], ["fr", "ar"], ["docx", "pdf"], str(tmp_path / "out"))
    report = finished.args[0]
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "invitation.pse.ar.docx", "invitation.pse.ar.pdf", "invitation.pse.fr.docx", "invitation.pse.fr.pdf"]
    assert all((tmp_path / "out" / n).read_bytes().startswith(b"%PDF") for n in ("invitation.pse.fr.pdf",))
    assert report.total == 4 and len(report.by_status("written")) == 4
    assert view.progress.isHidden() and "Written: 4 of 4 letters." in view.summary.toPlainText()


def test_the_cancel_button_stops_a_long_batch_between_letters(series_window, tmp_path, qtbot):
    view = view_of(series_window)
    stop_checks(view, qtbot)
    view.language_boxes["ar"].setChecked(False)
    view.language_boxes["en"].setChecked(False)
    view.folder.setText(str(tmp_path / "all"))
    assert view.export_button.text() == "Export 195 Letters"
    clicked = []

    def click_cancel(done, _total):
        if not clicked:
            clicked.append(done)
            qtbot.mouseClick(view.cancel_button, Qt.MouseButton.LeftButton)

    view.exportProgress.connect(click_cancel)
    with qtbot.waitSignal(view.exportFinished, timeout=120000) as finished:
        qtbot.mouseClick(view.export_button, Qt.MouseButton.LeftButton)
    report = finished.args[0]
    written = list((tmp_path / "all").iterdir())
    assert report.cancelled and 1 <= len(written) < 195
    assert len(written) == len(report.by_status("written")) and all(complete_docx(p) for p in written)
    assert not view.cancel_button.isVisible() and view.resume_button.isVisible()


def test_letters_already_in_the_folder_are_kept_or_replaced_as_asked(series_window, tmp_path, boxes, qtbot):
    from PySide6.QtWidgets import QMessageBox

    view = view_of(series_window)
    stop_checks(view, qtbot)
    out = tmp_path / "out"
    out.mkdir()
    (out / "invitation.pse.fr.docx").write_bytes(b"kept as it is")
    view.set_filter("Palest")
    for lang in ("en", "ar"):
        view.language_boxes[lang].setChecked(False)
    view.folder.setText(str(out))
    boxes.answers["question"] = QMessageBox.StandardButton.Cancel
    assert not view.export()
    assert "1 of these letters are already in" in boxes.of("question")[-1][2]
    boxes.answers["question"] = QMessageBox.StandardButton.No  # keep them: write only the others
    with qtbot.waitSignal(view.exportFinished, timeout=60000) as finished:
        assert view.export()
    assert finished.args[0].by_status("kept") and (out / "invitation.pse.fr.docx").read_bytes() == b"kept as it is"
    boxes.answers["question"] = QMessageBox.StandardButton.Yes  # replace them
    with qtbot.waitSignal(view.exportFinished, timeout=60000) as finished:
        assert view.export()
    assert finished.args[0].by_status("written") and complete_docx(out / "invitation.pse.fr.docx")
