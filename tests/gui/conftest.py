"""Fixtures for driving the window: fresh settings and data folders per test, message boxes that
answer instead of blocking (and record what they were asked), windows cleaned up afterwards."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "resources" / "examples"


class Boxes:
    """Stand-in for QMessageBox's static functions: records (kind, title, text) and answers."""

    def __init__(self):
        from PySide6.QtWidgets import QMessageBox

        SB = QMessageBox.StandardButton
        self.calls: list[tuple[str, str, str]] = []
        self.answers = {"question": SB.Discard, "warning": SB.Yes, "critical": SB.Ok,
                        "information": SB.Ok}

    def make(self, kind):
        def box(_parent, title, text, *args, **kwargs):
            self.calls.append((kind, title, text))
            return self.answers.get(kind)
        return box

    def of(self, kind: str) -> list[tuple[str, str, str]]:
        return [c for c in self.calls if c[0] == kind]


@pytest.fixture
def boxes(monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    b = Boxes()
    for kind in ("question", "warning", "critical", "information"):
        monkeypatch.setattr(QMessageBox, kind, staticmethod(b.make(kind)))
    monkeypatch.setattr(QMessageBox, "about", staticmethod(lambda *a, **k: b.calls.append(("about", "", ""))))
    return b


@pytest.fixture
def fresh_dirs(tmp_path, monkeypatch):
    """Settings and autosaves in this test's own folders; interface back to English after."""
    config, data = tmp_path / "config", tmp_path / "data"
    monkeypatch.setenv("CIRCULAR_STUDIO_CONFIG_DIR", str(config))
    monkeypatch.setenv("CIRCULAR_STUDIO_DATA_DIR", str(data))
    yield {"config": config, "data": data}
    from PySide6.QtWidgets import QApplication

    from circular_studio.gui.mainwindow import apply_interface_language

    apply_interface_language("en")
    app = QApplication.instance()
    if app is not None:
        from PySide6.QtCore import Qt

        app.setLayoutDirection(Qt.LayoutDirection.LeftToRight)


@pytest.fixture
def make_window(qtbot, boxes, fresh_dirs):
    """A factory of main windows registered with qtbot (closed at teardown)."""
    from circular_studio.gui import app as app_module
    from circular_studio.gui.mainwindow import MainWindow
    from circular_studio.gui.settings import Settings

    made = []

    def make():
        w = MainWindow(Settings.load(), app_module.WINDOWS)
        app_module.WINDOWS.append(w)
        qtbot.addWidget(w)
        w.show()
        made.append(w)
        return w

    yield make
    for w in made:
        w.autosaver.clear()
    app_module.WINDOWS.clear()


@pytest.fixture
def window(make_window):
    return make_window()


@pytest.fixture
def example(tmp_path):
    """A copy of an example draft in the test's folder (saving must not touch resources/)."""
    def copy(number: str = "001") -> Path:
        target = tmp_path / f"seed-{number}.json"
        shutil.copy(EXAMPLES / f"seed-{number}.json", target)
        return target
    return copy


@pytest.fixture
def opened(window, example, qtbot):
    """A window with the Arabic example (seed-001) open and its first preview shown."""
    path = example("001")
    assert window.open_path(str(path))
    qtbot.waitUntil(lambda: "CL-19/59" in window.preview.plain_text(), timeout=3000)
    return window
