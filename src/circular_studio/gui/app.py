"""Start the editor: ``run_app(paths)`` is what ``circular-studio [DRAFT]`` calls."""
from __future__ import annotations

import sys

from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox, QStyle

from circular_studio.core.resources import resources_dir
from .autosave import orphans
from .i18n import tr
from .mainwindow import MainWindow, apply_interface_language
from .settings import Settings

WINDOWS: list[MainWindow] = []


def make_app(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if app is None:
        app = QApplication(argv if argv is not None else [sys.argv[0]])
    app.setApplicationName("Circular Studio")
    app.setOrganizationName("Circular Studio")
    app.setApplicationDisplayName("Circular Studio")
    app.setDesktopFileName("circular-studio")
    app.setWindowIcon(_icon())
    return app


def open_windows(paths: list[str], settings: Settings | None = None) -> list[MainWindow]:
    """Create the windows for a start: recovered work first, then the files named."""
    settings = settings or Settings.load()
    apply_interface_language(settings.interface_language)
    windows: list[MainWindow] = []
    found = orphans()
    if found:
        orphan = found[0]
        parent = None
        answer = QMessageBox.question(
            parent, tr("recover.title"),
            tr("recover.text", name=orphan.original or tr("untitled"), time=orphan.saved_at.replace("T", " ")),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes)
        if answer == QMessageBox.StandardButton.Yes:
            window = MainWindow(settings, WINDOWS)
            if window.set_draft(orphan.draft, modified=True):
                window.autosaver.save_now()
                window.show_message(tr("recovered", time=orphan.saved_at.replace("T", " ")), "warning")
                windows.append(window)
                WINDOWS.append(window)
        try:
            orphan.path.unlink()
        except OSError:
            pass
    for path in paths:
        window = MainWindow(settings, WINDOWS)
        window.open_path(path, confirmed=True)
        windows.append(window)
        WINDOWS.append(window)
    if not windows:
        window = MainWindow(settings, WINDOWS)
        windows.append(window)
        WINDOWS.append(window)
    return windows


def run_app(paths: list[str]) -> int:
    app = make_app()
    windows = open_windows(list(paths))
    for window in windows:
        window.show()
    app.setAttribute(Qt.ApplicationAttribute.AA_DontShowIconsInMenus, False)
    return app.exec()


def _icon() -> QIcon:
    """The application's icon (resources/icons), or a standard one if it cannot be read."""
    icon = QIcon(str(resources_dir() / "icons" / "circular-studio.svg"))
    if icon.isNull():
        return QApplication.style().standardIcon(QStyle.StandardPixmap.SP_FileDialogDetailedView)
    return icon
