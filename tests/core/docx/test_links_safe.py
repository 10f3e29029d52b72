"""Only http, https and mailto (and anchors) become live hyperlinks, in the DOCX and the preview;
any other target stays text and is reported (issue 15 item 5: ms-msdt:, search-ms:, //host…)."""
import io
import json
import re
import zipfile

import pytest

from circular_studio.cli import main
from circular_studio.core.checks import run_checks
from circular_studio.core.compose.markdown import parse_markdown
from circular_studio.core.docx.reader import read_docx
from circular_studio.core.docx.writer import docx_bytes
from circular_studio.core.outputs.html_preview import spans_html

HOSTILE = ["ms-msdt:/id PCWDiagnostic", "search-ms:query=x", "ms-word:ofe|u|https://x.org/a.docx",
           "smb://host/share", "mhtml:https://x.org/a!b", "its:x.chm::/a.htm", "ldap://host/x",
           "data:image/png;base64,AAAA", "java%0ascript:alert(1)", "//host/share/x", "\\\\host\\share\\x",
           "file:///etc/passwd"]
SAFE = ["https://www.itu.int/x", "http://www.itu.int/y", "mailto:wsis@itu.int"]


def _letter(targets):
    body = "\n\n".join(f"Voir [le lien {i}](<{t}>)." for i, t in enumerate(targets))
    return parse_markdown(f"Madame, Monsieur,\n\n{body}\n", "fr", source="links.md")


def _relationship_targets(data: bytes) -> list[str]:
    rels = zipfile.ZipFile(io.BytesIO(data)).read("word/_rels/document.xml.rels").decode()
    return re.findall(r'Target="([^"]*)"[^>]*TargetMode="External"', rels) + \
        re.findall(r'TargetMode="External"[^>]*Target="([^"]*)"', rels)


def test_only_web_and_mail_links_are_live_in_the_docx():
    doc = _letter(HOSTILE + SAFE)
    linked = [span.link for block in doc.blocks for _s, _e, span in block.links()]
    assert len(linked) >= len(SAFE) + 3, "the parser keeps most hostile targets as links"
    data = docx_bytes(doc)
    assert sorted(set(_relationship_targets(data))) == sorted(SAFE)
    xml = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode()
    assert xml.count("<w:hyperlink") == len(SAFE)
    assert "le lien 0" in xml  # the text stays


def test_only_web_and_mail_links_are_live_in_the_preview():
    doc = _letter(HOSTILE + SAFE)
    html = "".join(spans_html(b) for b in doc.blocks)
    hrefs = re.findall(r'href="([^"]*)"', html)
    assert sorted(h.replace("&amp;", "&") for h in hrefs) == sorted(SAFE)


def test_hostile_links_are_reported():
    doc = _letter(HOSTILE + SAFE)
    found = {f.excerpt for f in run_checks(doc, select=["LINK006"])}
    linked = {span.text for block in doc.blocks for _s, _e, span in block.links()
              if span.link not in SAFE}
    assert found == linked and found


@pytest.mark.parametrize("target", ["//host/share/x", "\\\\host\\share\\x", "ms-msdt:/id x"])
def test_letter_drafted_elsewhere_same_rule(tmp_path, target):
    """A Word letter whose hyperlink leads to a network path is reported, and exporting what was
    read never makes it live."""
    data = docx_bytes(_letter(["https://www.itu.int/x"]))
    z = zipfile.ZipFile(io.BytesIO(data))
    parts = {n: z.read(n) for n in z.namelist()}
    rels = parts["word/_rels/document.xml.rels"].decode().replace("https://www.itu.int/x", target.replace("&", "&amp;"))
    parts["word/_rels/document.xml.rels"] = rels.encode()
    path = tmp_path / "elsewhere.docx"
    with zipfile.ZipFile(path, "w") as out:
        for n, d in parts.items():
            out.writestr(n, d)
    doc = read_docx(path)
    assert [f.code for f in run_checks(doc, select=["LINK006"])] == ["LINK006"]
    assert not _relationship_targets(docx_bytes(doc))
    rc = main(["check", "--format", "json", "--select", "LINK", str(path)])
    assert rc == 1
