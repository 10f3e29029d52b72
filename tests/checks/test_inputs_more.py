"""Letters as people keep them: Markdown with front matter, drafts behind symbolic links."""
import os

from circular_studio.core.model import draft as draft_io
from circular_studio.core.checks import load_letter
from tests.conftest import example_path


def test_markdown_front_matter_is_not_part_of_the_letter(tmp_path):
    path = tmp_path / "lettre.md"
    path.write_text("---\ntitle: Invitation CMDT-25\nauthor: BDT\n---\nGenève, le 31 octobre 2024\n\n"
                    "Madame, Monsieur,\n", encoding="utf-8")
    ((doc, _draft),) = load_letter(path)
    assert doc.blocks[0].text == "Genève, le 31 octobre 2024"
    assert "author" not in doc.text


def test_saving_onto_a_symbolic_link_updates_its_target(tmp_path):
    real = tmp_path / "shared" / "letter.json"
    real.parent.mkdir()
    draft_io.save(draft_io.load(example_path("000")), real)
    link = tmp_path / "letter.json"
    os.symlink(real, link)
    d = draft_io.load(link)
    d.languages["fr"]["subject"] = "Changed"
    draft_io.save(d, link)
    assert link.is_symlink()
    assert draft_io.load(real).languages["fr"]["subject"] == "Changed"
