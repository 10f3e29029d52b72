"""Cross-language agreement (LANG) across the six versions of a draft: a fact changed in one
version is reported, whichever languages are involved."""
import json

from circular_studio.core.checks import load_letter, run_checks
from tests.conftest import example_path


def _replace(data, lang, old, new):
    """Change ``old`` to ``new`` in what the drafter wrote in ``lang`` (free paragraphs, clauses
    written by hand)."""
    hits = 0
    for block in data["free"]:
        if old in block["text"].get(lang, ""):
            block["text"][lang] = block["text"][lang].replace(old, new)
            hits += 1
    for own in data["overrides"].get(lang, {}).values():
        if old in own["text"]:
            own["text"] = own["text"].replace(old, new)
            hits += 1
    assert hits, (lang, old)


def _findings(tmp_path, edit):
    data = json.loads(example_path("001").read_text(encoding="utf-8"))
    edit(data)
    path = tmp_path / "six.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    letters = load_letter(path)
    versions = {doc.language: doc for doc, _draft in letters}
    return {doc.language: [f for f in run_checks(doc, draft, versions=versions) if f.code.startswith("LANG")]
            for doc, draft in letters}


def test_the_clean_six_versions_agree(tmp_path):
    assert all(not found for found in _findings(tmp_path, lambda data: None).values())


def test_a_link_changed_in_the_chinese_version_is_reported(tmp_path):
    def edit(data):
        _replace(data, "zh", "www.wsis.org/forum", "www.wsis.org/forum2019")

    found = _findings(tmp_path, edit)
    assert any("wsis.org/forum" in f.message for f in found["zh"])
    assert found["ru"] and found["es"]  # the others see that the Chinese version points elsewhere


def test_a_number_changed_in_the_russian_version_is_reported(tmp_path):
    def edit(data):
        _replace(data, "ru", "70/125", "70/152")

    found = _findings(tmp_path, edit)
    assert any("70/125" in f.message or "70/152" in f.message for f in found["ru"])


def test_a_spanish_acronym_for_another_body_is_reported(tmp_path):
    """Spanish acronyms are read through the table (CMSI = WSIS, CMDT = WTDC): a Spanish body
    naming the CMDT where the other versions name the WSIS is a disagreement; the clean Spanish
    version, which writes CMSI and UIT, agrees with WSIS and ITU (test above)."""
    def edit(data):
        _replace(data, "es", "CMSI", "CMDT")

    found = _findings(tmp_path, edit)
    assert any("WSIS" in f.message or "CMSI" in f.message for f in found["es"]), found["es"]
