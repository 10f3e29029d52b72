"""Shared test set-up: Qt offscreen, and no test ever touches the real user's settings or data."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
_SANDBOX = Path(tempfile.mkdtemp(prefix="circular-studio-tests-"))
os.environ["CIRCULAR_STUDIO_CONFIG_DIR"] = str(_SANDBOX / "config")
os.environ["CIRCULAR_STUDIO_DATA_DIR"] = str(_SANDBOX / "data")
os.environ["XDG_CONFIG_HOME"] = str(_SANDBOX / "xdg-config")
os.environ["XDG_DATA_HOME"] = str(_SANDBOX / "xdg-data")

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "resources" / "examples"
SEEDS = ROOT.parent / "shared" / "seeds"


@pytest.fixture
def examples_dir() -> Path:
    return EXAMPLES


def example_path(number: str) -> Path:
    return EXAMPLES / f"seed-{number}.json"


@pytest.fixture
def read_only_folder(tmp_path, monkeypatch):
    """A folder nobody may write in (as root, where permissions do not stop writing, creating a
    file in it raises PermissionError as it would for a user)."""
    folder = tmp_path / "read-only"
    folder.mkdir()
    folder.chmod(0o555)
    if os.geteuid() == 0:  # root writes anywhere: make the folder refuse as a read-only one does
        real = tempfile.mkstemp

        def mkstemp(*a, dir=None, **kw):
            if dir is not None and Path(dir) == folder:
                raise PermissionError(13, "Permission denied")
            return real(*a, dir=dir, **kw)
        monkeypatch.setattr(tempfile, "mkstemp", mkstemp)
    yield folder
    folder.chmod(0o755)
