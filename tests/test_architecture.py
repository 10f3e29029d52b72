"""The core never imports Qt (import-linter contract in pyproject.toml)."""
import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT


def test_core_does_not_import_qt():
    lint = Path(sys.executable).with_name("lint-imports")
    command = [str(lint)] if lint.exists() else [shutil.which("lint-imports") or "lint-imports"]
    out = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stdout + out.stderr
