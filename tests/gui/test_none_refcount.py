"""PySide6 6.12 on Python < 3.12 takes a reference from None on each void call (see
circular_studio/gui/__init__.py): the program must survive a long session of them."""
from __future__ import annotations

import subprocess
import sys

import pytest

pytestmark = pytest.mark.gui

SESSION = """
import circular_studio.gui  # noqa: F401
from PySide6.QtGui import QStandardItem
item = QStandardItem()
for _ in range(200_000):
    item.setText("x")  # a void method: returns None
print("done")
"""


def test_many_void_qt_calls_do_not_abort_the_program():
    result = subprocess.run([sys.executable, "-c", SESSION], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-500:]
    assert result.stdout.strip() == "done"
