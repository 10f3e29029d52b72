"""Look at the editor as a person would: a real window on an X server (Xvfb), typed into with
real X input (xdotool), then photographed.

    xvfb-run -a -s "-screen 0 1440x900x24" .venv/bin/python scripts/look.py --lang ar \
        --type-ar "وأود أن أغتنم هذه الفرصة +41 22 730 5887" --type-fr "Nous attendons vos contribtions." \
        --shot docs/screenshot-ar.png

It opens resources/examples/seed-001.json (Arabic, English, French), types each text at the end
of that language's body with ``xdotool type`` (the keys go through X and Qt's input handling as
a keyboard's do), checks that the draft received exactly that text, and saves a screenshot of
the window. Exits non-zero when the typed text did not arrive.
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def wait(app, seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--lang", default="en", help="interface language")
    ap.add_argument("--type-ar", default="")
    ap.add_argument("--type-fr", default="")
    ap.add_argument("--show", default="", help="language shown in the preview at the end")
    ap.add_argument("--shot", required=True)
    ap.add_argument("--delay", type=int, default=120, help="ms between keys (xdotool remaps a key per non-Latin character)")
    args = ap.parse_args()
    if not os.environ.get("DISPLAY"):
        sys.exit("no X display: run under xvfb-run")
    tmp = Path(tempfile.mkdtemp(prefix="cs-look-"))
    os.environ["CIRCULAR_STUDIO_CONFIG_DIR"] = str(tmp / "config")
    os.environ["CIRCULAR_STUDIO_DATA_DIR"] = str(tmp / "data")
    draft = tmp / "wsis-forum.json"
    shutil.copy(ROOT / "resources" / "examples" / "seed-001.json", draft)

    from PySide6.QtCore import Qt
    from PySide6.QtGui import QTextCursor

    from circular_studio.gui.app import WINDOWS, make_app
    from circular_studio.gui.mainwindow import MainWindow, apply_interface_language
    from circular_studio.gui.settings import Settings

    app = make_app()
    settings = Settings.load()
    settings.interface_language = args.lang
    apply_interface_language(args.lang)
    w = MainWindow(settings, WINDOWS)
    WINDOWS.append(w)
    w.resize(1400, 860)
    w.move(0, 0)
    w.show()
    w.open_path(str(draft))
    w.raise_()
    w.activateWindow()
    wait(app, 1.5)
    ok = True
    for lang, text in (("ar", args.type_ar), ("fr", args.type_fr)):
        if not text:
            continue
        w.form.setCurrentWidget(w.form.pages[lang])
        panel = w.form.bodies[lang]  # the body: one editor per clause or free paragraph
        name = list(panel.editors)[-1]  # type at the end of the last paragraph
        body = panel.editors[name].edit
        body.setFocus(Qt.FocusReason.OtherFocusReason)
        body.moveCursor(QTextCursor.MoveOperation.End)
        wait(app, 0.3)
        shown = lambda: w.form.bodies[lang].editors[name].edit.toPlainText().replace("\u200e", "")  # noqa: E731
        before = shown()
        proc = subprocess.Popen(["xdotool", "type", "--delay", str(args.delay), text])
        while proc.poll() is None:
            wait(app, 0.05)
        wait(app, 1.0)
        after = shown()
        arrived = after == before + text
        print(f"[{lang}] typed with xdotool: {'OK' if arrived else 'MISSING'}: {after[len(before):]!r}")
        ok &= arrived
    if args.show:
        w.preview.set_language(args.show)
    wait(app, 1.2)
    w.grab().save(args.shot)
    print("screenshot:", args.shot)
    w.model.mark_saved()
    w.close()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
