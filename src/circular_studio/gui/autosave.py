"""Autosave to the user data folder and recovery after a crash.

Each window writes its draft, when modified, to ``<data dir>/autosave/session-<pid>-<n>.json``
``autosave_seconds`` (a setting, 3 by default; 0 turns autosave off) after the first unsaved edit,
so no more than that much typing is ever lost, and removes the
file when the draft is saved or the window closes normally. A file left behind by a process that
is no longer running is an orphan: at start the app offers to recover it.
"""
from __future__ import annotations

import datetime as dt
import itertools
import json
import os
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QTimer

from circular_studio.core.files import atomic_write_bytes
from circular_studio.core.model.draft import Draft, from_json
from circular_studio.core.errors import DraftError
from .settings import autosave_dir

_counter = itertools.count(1)


@dataclass
class Orphan:
    path: Path
    draft: Draft
    original: str | None
    saved_at: str


def _pid_alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True
    return True


def orphans() -> list[Orphan]:
    """Autosaves left by processes that are gone, newest first; unreadable ones are skipped."""
    folder = autosave_dir()
    if not folder.is_dir():
        return []
    out = []
    for path in folder.glob("session-*.json"):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            pid = int(data.get("pid", 0))
            if pid and _pid_alive(pid) and pid != os.getpid():
                continue
            if pid == os.getpid() and path.name.startswith(f"session-{pid}-"):
                continue  # our own, live session
            original = data.get("original_path")
            draft = from_json(data["draft"], Path(original) if original else None)
            out.append(Orphan(path, draft, original, str(data.get("saved_at", ""))))
        except (OSError, ValueError, KeyError, TypeError, DraftError):
            continue
    out.sort(key=lambda o: o.saved_at, reverse=True)
    return out


class Autosaver(QObject):
    def __init__(self, window, interval_s: int = 3):
        super().__init__(window)
        self.window = window
        self.path = autosave_dir() / f"session-{os.getpid()}-{next(_counter)}.json"
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        # the setting: seconds from the first unsaved edit to the save (not restarted by typing,
        # so at most that much is lost); 0 is off; bounded to 1-600 s
        self.interval_s = max(0, min(int(interval_s), 600))
        self._timer.setInterval(max(self.interval_s, 1) * 1000)
        self._timer.timeout.connect(self.save_now)
        self._saved_revision = -1
        self.last_error: str | None = None

    @property
    def enabled(self) -> bool:
        return self.interval_s > 0

    def schedule(self) -> None:
        if self.enabled and not self._timer.isActive():
            self._timer.start()

    def save_now(self) -> bool:
        model = self.window.model
        if model is None or not model.modified:
            self.clear()
            return False
        if model.revision == self._saved_revision and self.path.exists():
            return True
        draft = model.draft
        payload = {"format": "circular-studio-autosave", "pid": os.getpid(),
                   "saved_at": dt.datetime.now().isoformat(timespec="seconds"),
                   "original_path": str(draft.path) if draft.path else None,
                   "draft": draft.to_json()}
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            atomic_write_bytes(self.path, json.dumps(payload, ensure_ascii=False).encode("utf-8"))
        except OSError as exc:
            self.last_error = str(exc)
            return False
        self._saved_revision = model.revision
        return True

    def clear(self) -> None:
        self._timer.stop()
        self._saved_revision = -1
        try:
            self.path.unlink()
        except FileNotFoundError:
            pass
        except OSError:
            pass
