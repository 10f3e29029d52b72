"""The shape of the code: the core never imports Qt, the core's wings import only downwards
(import-linter contracts in pyproject.toml), and no import hides inside a function to dodge a
cycle."""
import ast
import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT

SRC = ROOT / "src" / "circular_studio"


def test_import_contracts_are_kept():
    lint = Path(sys.executable).with_name("lint-imports")
    command = [str(lint)] if lint.exists() else [shutil.which("lint-imports") or "lint-imports"]
    out = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stdout + out.stderr
    assert "0 broken" in out.stdout


def _function_level_imports(path: Path):
    source = path.read_text(encoding="utf-8")
    lines = source.split("\n")
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            continue
        for sub in ast.walk(node):
            if isinstance(sub, ast.ImportFrom) and (sub.level or (sub.module or "").startswith("circular_studio")):
                text = "\n".join(lines[sub.lineno - 1:sub.end_lineno])
                yield sub.lineno, text


def test_no_import_of_our_own_modules_inside_a_function():
    """An import of one of our modules inside a function hides a cycle from import-linter. The only
    ones allowed say why with ``# lazy:`` (Qt or python-docx loaded only when needed)."""
    hidden = [f"{p.relative_to(ROOT)}:{line}: {text.strip()}"
              for p in sorted(SRC.rglob("*.py"))
              for line, text in _function_level_imports(p) if "# lazy:" not in text]
    assert hidden == []


def test_the_function_level_import_test_sees_a_hidden_import(tmp_path):
    bad = tmp_path / "m.py"
    bad.write_text("def f():\n    from .draft import Draft\n    return Draft\n", encoding="utf-8")
    assert [line for line, _t in _function_level_imports(bad)] == [2]
