"""GUI timings: launch to a usable window with a full letter, and one preview update.

Goal: a preview update (build the Document, make the HTML, lay it out in the QTextBrowser) for a
full letter within 50 ms, so typing feels immediate after the 150 ms debounce.
"""
from __future__ import annotations

import os
import shutil

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from tests.conftest import example_path  # noqa: E402

pytestmark = pytest.mark.gui


@pytest.fixture
def quiet(tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    monkeypatch.setenv("CIRCULAR_STUDIO_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("CIRCULAR_STUDIO_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setattr(QMessageBox, "question",
                        staticmethod(lambda *a, **k: QMessageBox.StandardButton.Discard))
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Ok))
    path = tmp_path / "seed-001.json"
    shutil.copy(example_path("001"), path)
    return path


def test_launch_to_usable_window(benchmark, qtbot, quiet):
    from PySide6.QtWidgets import QApplication

    from circular_studio.gui.mainwindow import MainWindow
    from circular_studio.gui.settings import Settings

    windows = []

    def launch():
        w = MainWindow(Settings.load())
        w.open_path(str(quiet))
        w.show()
        QApplication.processEvents()
        windows.append(w)
        return w

    w = benchmark.pedantic(launch, rounds=5, iterations=1, warmup_rounds=1)
    assert "CL-19/59" in w.preview.plain_text()
    for window in windows:
        qtbot.addWidget(window)


def test_preview_update_full_letter(benchmark, qtbot, quiet):
    from circular_studio.gui.mainwindow import MainWindow
    from circular_studio.gui.settings import Settings

    w = MainWindow(Settings.load())
    qtbot.addWidget(w)
    w.show()
    w.open_path(str(quiet))
    base = w.model.value("subject", "ar")
    n = [0]

    def edit_and_update():
        n[0] += 1
        w.model._apply("subject", "ar", f"{base} {n[0]}")  # as if typed; the undo stack is not timed
        w.update_preview()

    benchmark.pedantic(edit_and_update, rounds=30, iterations=1, warmup_rounds=2)
    assert f"{base} {n[0]}" in w.preview.plain_text().replace("\u200e", "")
    # goal 50 ms; allow slack for loaded CI machines
    if benchmark.stats is not None:  # None under --benchmark-disable
        assert benchmark.stats["mean"] < 0.15


def test_checks_after_edit(benchmark, qtbot, quiet):
    """The checks run 250 ms after the preview, off the typing path; timed for information."""
    from circular_studio.gui.mainwindow import MainWindow
    from circular_studio.gui.settings import Settings

    w = MainWindow(Settings.load())
    qtbot.addWidget(w)
    w.open_path(str(quiet))
    benchmark.pedantic(w.run_checks, rounds=10, iterations=1, warmup_rounds=1)


def test_keystroke_in_a_body_editor_with_spelling_underlines(benchmark, qtbot, quiet, tmp_path):
    """A keystroke in the French body of a two-page letter, spelling underlines on: the key
    event, the model's update and the editor's repaint within one frame (goal < 16 ms)."""
    import json

    from PySide6.QtGui import QTextCursor
    from PySide6.QtWidgets import QApplication

    from circular_studio.gui.mainwindow import MainWindow
    from circular_studio.gui.settings import Settings

    path = tmp_path / "two-pages.json"
    shutil.copy(example_path("000"), path)
    data = json.loads(path.read_text(encoding="utf-8"))
    hand = "\n\n".join(o["text"] for o in data["overrides"]["fr"].values())
    data["free"] = [{"id": "p9", "after": "look_forward", "text": {"fr": "\n\n".join([hand] * 3)}}]
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    w = MainWindow(Settings.load())
    qtbot.addWidget(w)
    w.show()
    w.open_path(str(path))
    w.form.setCurrentWidget(w.form.pages["fr"])
    w.preview.set_language("fr")
    w.update_preview()
    assert w.preview.browser.page_count() >= 2
    body = w.form.editor("free:p9", "fr").edit
    assert body.underliner is not None and body.underliner.enabled
    body.setFocus()
    body.moveCursor(QTextCursor.MoveOperation.End)
    QApplication.processEvents()

    def keystroke():
        qtbot.keyClick(body, "e")
        body.viewport().repaint()

    benchmark.pedantic(keystroke, rounds=60, iterations=1, warmup_rounds=3)
    w._preview_timer.stop()
    if benchmark.stats is not None:
        assert benchmark.stats["mean"] < 0.016


def test_preview_after_one_fact_in_a_three_language_invitation(benchmark, qtbot, quiet):
    """Issue 8: typing one fact of a new three-language invitation (every clause re-rendered with
    it) and showing the two visible versions. Goal: about 15 ms per language."""
    from circular_studio.core.model.lettertypes import letter_type
    from circular_studio.gui.mainwindow import MainWindow
    from circular_studio.gui.settings import Settings

    w = MainWindow(Settings.load())
    qtbot.addWidget(w)
    w.show()
    w.set_side_by_side(True)
    assert w.set_draft(letter_type("invitation").new_draft(["ar", "fr", "en"]), modified=True)
    n = [0]

    def type_and_update():
        n[0] += 1
        w.model._apply("venue", "fr", f"Genève {n[0]}")  # as if typed; the undo stack is not timed
        w.update_preview()

    benchmark.pedantic(type_and_update, rounds=30, iterations=1, warmup_rounds=2)
    shown = len(w.editor_view.visible_languages())
    assert shown == 2 and f"Genève {n[0]}" in w.preview2.plain_text() + w.preview.plain_text()
    if benchmark.stats is not None:
        benchmark.extra_info["ms_per_language"] = round(benchmark.stats["mean"] * 1000 / shown, 1)
