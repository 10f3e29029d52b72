"""User settings in one typed schema, stored with QSettings in an INI file.

Where things live can be redirected, so tests never touch the real user config:
``CIRCULAR_STUDIO_CONFIG_DIR`` (settings.ini) and ``CIRCULAR_STUDIO_DATA_DIR`` (autosaves);
otherwise platformdirs' user config and data folders.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field, fields
from pathlib import Path

import platformdirs

from circular_studio.core.resources import user_data_dir
from PySide6.QtCore import QSettings

APP = "circular-studio"
SETTINGS_VERSION = 1
MAX_RECENT = 10


def config_dir() -> Path:
    env = os.environ.get("CIRCULAR_STUDIO_CONFIG_DIR")
    return Path(env) if env else Path(platformdirs.user_config_dir(APP, appauthor=False))


def data_dir() -> Path:
    return user_data_dir()


def autosave_dir() -> Path:
    return data_dir() / "autosave"


@dataclass
class Settings:
    """Every setting with its default; ``load``/``save`` map them to QSettings keys."""

    interface_language: str = "en"
    recent_files: list[str] = field(default_factory=list)
    side_by_side: bool = False
    autosave_seconds: int = 3  # from the first unsaved edit to the autosave; 0: off (gui/autosave.py)
    last_folder: str = ""
    geometry: bytes = b""
    window_state: bytes = b""

    @staticmethod
    def qsettings() -> QSettings:
        path = config_dir() / "settings.ini"
        path.parent.mkdir(parents=True, exist_ok=True)
        return QSettings(str(path), QSettings.Format.IniFormat)

    @classmethod
    def load(cls) -> "Settings":
        try:
            qs = cls.qsettings()
        except OSError:
            return cls()
        out = cls()
        for f in fields(cls):
            if not qs.contains(f.name):
                continue
            raw = qs.value(f.name)
            default = getattr(out, f.name)
            try:
                if isinstance(default, bool):
                    value = raw if isinstance(raw, bool) else str(raw).lower() in ("true", "1", "yes")
                elif isinstance(default, int):
                    value = int(raw)
                elif isinstance(default, list):
                    value = [str(v) for v in raw] if isinstance(raw, (list, tuple)) else ([str(raw)] if raw else [])
                elif isinstance(default, bytes):
                    value = bytes(raw) if raw is not None else b""
                else:
                    value = str(raw)
            except (TypeError, ValueError):
                continue
            setattr(out, f.name, value)
        out.autosave_seconds = max(0, min(out.autosave_seconds, 600))
        if out.interface_language not in ("en", "fr", "ar"):
            out.interface_language = "en"
        return out

    def save(self) -> None:
        try:
            qs = self.qsettings()
        except OSError:
            return
        qs.setValue("settings_version", SETTINGS_VERSION)
        for f in fields(self):
            qs.setValue(f.name, getattr(self, f.name))
        qs.sync()

    def add_recent(self, path: str) -> None:
        path = str(Path(path).resolve())
        self.recent_files = [path] + [p for p in self.recent_files if p != path]
        del self.recent_files[MAX_RECENT:]
