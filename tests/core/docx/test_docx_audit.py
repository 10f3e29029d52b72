"""Every export opens in Word without a repair: openxml-audit (Open XML SDK schemas and Word's
app-compat rules) finds nothing in a new letter of every type in every language, nor in the
examples; and the package carries none of python-docx's template leftovers."""
from __future__ import annotations

import datetime as dt
import io
import zipfile

import pytest

from circular_studio.core.compose.pipeline import build_document
from circular_studio.core.docx.writer import docx_bytes
from circular_studio.core.model import draft as draft_io
from circular_studio.core.model.lettertypes import letter_types
from circular_studio.core.resources import examples_dir

audit = pytest.importorskip("openxml_audit")

SAMPLE = {"date": "2025-11-17", "email": "wsis-info@itu.int", "phone": "+41 22 730 5614",
          "reference": "CL-25/12", "signatory": "doreen-bogdan-martin", "list": ["A", "B"],
          "bool": True, "text": "Text", "url": "https://www.itu.int/x/", "prose": ("Para one, Resolution 70/125.\n\n"
                                                  "The lead-in:\n\n1. one\n2. two\n\n"
                                                  "Para with [a link](https://www.itu.int/).")}
DATES = {"end_date": "2025-11-28", "deadline": "2025-06-30", "letter_date": "2025-03-03"}


def _value(field):
    if field.kind == "choice" and field.options:
        return field.options[0]
    if field.kind == "date":
        return DATES.get(field.name, SAMPLE["date"])
    return SAMPLE.get(field.kind, "Text")


def new_letters():
    """(id, Document) of a new, filled letter of each type in each of its languages."""
    out = []
    for type_id, lt in sorted(letter_types().items()):
        for language in lt.languages:
            d = lt.new_draft([language], today=dt.date(2025, 3, 3))
            for f in lt.fields:
                if f.translatable:
                    d.languages[language][f.name] = _value(f)
                else:
                    d.fields[f.name] = _value(f)
            out.append((f"{type_id}-{language}", lambda d=d, lang=language: build_document(d, lang)))
    return out


def example_letters():
    out = []
    for path in sorted(examples_dir().glob("*.json")):
        d = draft_io.load(path)
        for language in d.languages:
            out.append((f"{path.stem}-{language}", lambda d=d, lang=language: build_document(d, lang)))
    return out


LETTERS = new_letters() + example_letters()


@pytest.fixture(scope="module")
def validator():
    return audit.OpenXmlValidator(file_format=audit.FileFormat.MICROSOFT_365, max_errors=0)


@pytest.mark.parametrize("name,make", LETTERS, ids=[n for n, _ in LETTERS])
def test_openxml_audit_finds_nothing(name, make, validator, tmp_path):
    path = tmp_path / f"{name}.docx"
    path.write_bytes(docx_bytes(make()))
    result = validator.validate(path)
    findings = [f"{e.severity.value}: {e.description} ({e.part_uri})" for e in result.errors]
    assert result.is_valid and not findings, "\n".join(findings)
    assert "no findings" in audit.predict(result).headline


def test_the_audit_sees_the_repair_it_guards_against(validator, tmp_path):
    """The check can fail: a file with python-docx's stale stylesWithEffects part is reported."""
    import docx

    path = tmp_path / "stock.docx"
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "x"  # adds the Header style to styles.xml
    document.save(path)
    assert not validator.validate(path).is_valid


def test_no_template_leftovers_and_word_2013_mode():
    name, make = LETTERS[0]
    data = docx_bytes(make())
    z = zipfile.ZipFile(io.BytesIO(data))
    names = set(z.namelist())
    assert "word/stylesWithEffects.xml" not in names
    assert not any(n.startswith("customXml/") for n in names)
    settings = z.read("word/settings.xml").decode()
    assert 'w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"' in settings
    assert "proofState" not in settings and "ja-JP" not in settings
    assert "stylesWithEffects" not in z.read("word/_rels/document.xml.rels").decode()
