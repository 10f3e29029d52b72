"""A language is data: no module outside the language table names a language's months, its
header labels, its salutation, closing or "(signed)" form.

The scan reads every Python module of src/ and looks at its string constants — leaving out
docstrings, check registrations (messages and documentation) and check examples (``Example(…)``
and constants named ``*EXAMPLE*``), which are letters, not knowledge. It fails when a module holds
three month names of one language (a table of months), a label followed by its colon, or a
salutation, closing or "(signed)" form of any language of the table.
"""
import ast
import re
from pathlib import Path

import pytest

from circular_studio.core.locale import languages
from tests.conftest import ROOT

SRC = ROOT / "src" / "circular_studio"
TABLE_MODULES = {SRC / "core" / "locale" / "languages.py"}
# interface translations: "Subject" there is the name of a form field, in the interface's language
INTERFACE_STRINGS = {SRC / "gui" / "i18n.py"}


def _skipped_nodes(tree: ast.AST) -> set[int]:
    """ids of the string constants that are documentation or examples."""
    skip: set[int] = set()

    def all_constants(node):
        for sub in ast.walk(node):
            if isinstance(sub, ast.Constant) and isinstance(sub.value, str):
                skip.add(id(sub))

    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            body = getattr(node, "body", [])
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                skip.add(id(body[0].value))
        elif isinstance(node, ast.Call):
            func = node.func
            name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
            if name in ("Example", "register", "_register_lang", "_register_table_languages", "_Ex"):
                all_constants(node)
        elif isinstance(node, (ast.Assign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            if any(isinstance(t, ast.Name) and "EXAMPLE" in t.id.upper() for t in targets):
                all_constants(node)
    return skip


def constants(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip = _skipped_nodes(tree)
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip:
            out.append(node.value)
        elif isinstance(node, ast.JoinedStr):  # f-strings: their literal parts
            out.extend(v.value for v in node.values if isinstance(v, ast.Constant) and isinstance(v.value, str))
    return out


def _word(name: str) -> re.Pattern:
    return re.compile(rf"(?<![^\W\d_]){re.escape(name)}(?![^\W\d_])")


def _knowledge():
    """(kind, language, needle) for every form the table owns."""
    months, forms = {}, []
    for entry in languages.ordered():
        names = {n for n in entry.months + entry.standalone_months if not n[:1].isdigit()}
        months[entry.code] = [_word(n) for n in names if len(n) > 2]
        for key in ("reference", "contact", "email", "telephone", "subject"):
            label = entry.label(key)
            forms.append(("label", entry.code, label + entry.colon))
        for text in entry.salutation + [entry.closing, entry.signed]:
            core = text.strip().rstrip(",:：，!！.")
            if len(core) >= 6:
                forms.append(("formula", entry.code, core))
    return months, forms


def findings(paths) -> list[str]:
    months, forms = _knowledge()
    out = []
    for path in paths:
        texts = constants(path)
        blob = "\n".join(texts)
        for lang, patterns in months.items():
            found = {p.pattern for p in patterns if p.search(blob)}
            if len(found) >= 3:
                out.append(f"{path.name}: {len(found)} month names of '{lang}'")
        if path in INTERFACE_STRINGS:
            continue
        for kind, lang, needle in forms:
            if any(needle in t for t in texts):
                out.append(f"{path.name}: the {kind} {needle!r} of '{lang}'")
    return out


def test_no_module_outside_the_table_names_months_labels_or_formulas():
    paths = [p for p in sorted(SRC.rglob("*.py")) if p not in TABLE_MODULES]
    assert findings(paths) == []


@pytest.mark.parametrize("source", [
    'MONTHS = ["enero", "febrero", "marzo"]\n',
    'LABEL = "Asunto:"\n',
    'def closing():\n    return "Veuillez agréer, Madame, Monsieur, l\'expression de ma considération distinguée."\n',
    'RX = r"(?:Objet|Subject): "\nSIGNED = "(подпись)"\nX = "Дорогой"\nY = "Предмет:"\n',
])
def test_the_scan_sees_language_knowledge_in_code(tmp_path, source):
    bad = tmp_path / "m.py"
    bad.write_text(source, encoding="utf-8")
    assert findings([bad])


def test_the_scan_leaves_examples_and_docs_alone(tmp_path):
    ok = tmp_path / "m.py"
    ok.write_text('"""Objet: a docstring may show "Madame, Monsieur," and janvier, février, mars."""\n'
                  '_EXAMPLE_LETTER = "Genève, le 1er mars 2025\\n\\nObjet: Invitation\\n\\nMadame, Monsieur,"\n'
                  'register("X", examples=[Example("fr", "Objet: janvier février mars", "")])\n', encoding="utf-8")
    assert findings([ok]) == []
