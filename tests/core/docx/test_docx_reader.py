"""Reading letters drafted in Word: round trip, structure, and hostile files refused cleanly."""
from __future__ import annotations

import io
import zipfile

import pytest

from circular_studio.core.locale.bidi import LRM
from circular_studio.core.document import BlockKind
from circular_studio.core.docx.reader import read_docx
from circular_studio.core.docx.writer import docx_bytes, write_docx
from circular_studio.core.errors import InputError


def norm(text: str) -> str:
    return " ".join(text.replace(LRM, "").replace("\t", " ").split())


@pytest.fixture
def ar_read(tmp_path, arabic_letter):
    return read_docx(write_docx(arabic_letter, tmp_path / "ar.docx"))


@pytest.fixture
def fr_read(tmp_path, french_letter):
    return read_docx(write_docx(french_letter, tmp_path / "fr.docx"))


def test_round_trip_keeps_the_text(ar_read, fr_read, arabic_letter, french_letter):
    for read, orig in ((ar_read, arabic_letter), (fr_read, french_letter)):
        got = norm(read.text)
        for block in orig.blocks:
            for line in block.text.split("\n"):
                assert norm(line) in got


def test_round_trip_language_direction_and_letterhead(ar_read, fr_read):
    assert ar_read.language == "ar" and fr_read.language == "fr"
    assert all(b.direction == "rtl" for b in ar_read.blocks)
    assert all(b.direction == "ltr" for b in fr_read.blocks)
    assert ar_read.blocks[0].kind == BlockKind.LETTERHEAD
    # an LRM before a bracket opening a Latin group keeps "(SG)" whole (docx/typeset.py)
    assert "الأمانة العامة (SG)" in ar_read.blocks[0].text.replace("\u200e", "")
    assert all(b.kind == BlockKind.PARAGRAPH for b in ar_read.blocks[1:])


def test_round_trip_links(ar_read, fr_read):
    links = {s.text: s.link for b in ar_read.blocks + fr_read.blocks for _, _, s in b.links()}
    assert links == {"wsis-info@itu.int": "mailto:wsis-info@itu.int",
                     "www.wsis.org/forum": "https://www.wsis.org/forum",
                     "wtdc@itu.int": "mailto:wtdc@itu.int",
                     "https://www.itu.int/itu-d/meetings/wtdc25/":
                         "https://www.itu.int/itu-d/meetings/wtdc25/"}


def test_round_trip_lists_and_bold(fr_read):
    items = [(b.text, b.list_kind, b.number) for b in fr_read.blocks if b.is_list_item]
    assert items == [("premier point", "ordered", 1), ("second point", "ordered", 2),
                     ("une puce", "bullet", None)]
    bold = [s.text for b in fr_read.blocks for s in b.spans if s.bold]
    assert "inviter" in bold and "DM-24/1009" in bold


def test_anchor_links_and_lost_links(tmp_path):
    from circular_studio.core.document import Block, Document, Span

    doc = Document("en", [Block(BlockKind.PARAGRAPH, [Span("see "), Span("annex", link="#annex1"),
                                                      Span(" and "), Span("CL-24/49", link="")])])
    read = read_docx(write_docx(doc, tmp_path / "a.docx"))
    assert [(s.text, s.link) for _, _, s in read.blocks[0].links()] == [("annex", "#annex1")]
    assert read.blocks[0].text == "see annex and CL-24/49"


def test_reference_rows_read_as_label_value_lines(fr_read):
    assert any(norm(b.text) == "Contact: M. Bruno Ramos" for b in fr_read.blocks)


def test_language_argument_wins(tmp_path, french_letter):
    assert read_docx(write_docx(french_letter, tmp_path / "x.docx"), language="en").language == "en"


# -- hostile input ---------------------------------------------------------------------------

def _zip(path, parts: dict[str, bytes], compression=zipfile.ZIP_DEFLATED):
    with zipfile.ZipFile(path, "w", compression) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    return path


def _replace_part(docx: bytes, name: str, data: bytes, path):
    src = zipfile.ZipFile(io.BytesIO(docx))
    parts = {n: src.read(n) for n in src.namelist()}
    parts[name] = data
    return _zip(path, parts)


def test_not_a_zip(tmp_path):
    p = tmp_path / "letter.docx"
    p.write_text("Madame, Monsieur, ceci n'est pas un docx")
    with pytest.raises(InputError, match=r"letter\.docx: not a \.docx"):
        read_docx(p)


def test_missing_file(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_docx(tmp_path / "absent.docx")


def test_missing_document_xml(tmp_path):
    p = _zip(tmp_path / "empty.docx", {"word/styles.xml": b"<x/>"})
    with pytest.raises(InputError, match="document.xml"):
        read_docx(p)


def test_xxe_never_reads_local_files(tmp_path, french_letter):
    payload = (b'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM '
               b'"file:///etc/passwd">]><w:document xmlns:w="http://schemas.openxmlformats.org/'
               b'wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p>'
               b'</w:body></w:document>')
    p = _replace_part(docx_bytes(french_letter), "word/document.xml", payload, tmp_path / "xxe.docx")
    with pytest.raises(InputError, match="DTD"):
        read_docx(p)


def test_billion_laughs_refused(tmp_path, french_letter):
    payload = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 '
               b'"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
               b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
               b'<w:body><w:p><w:r><w:t>&lol2;</w:t></w:r></w:p></w:body></w:document>')
    p = _replace_part(docx_bytes(french_letter), "word/document.xml", payload, tmp_path / "lol.docx")
    with pytest.raises(InputError):
        read_docx(p)


def test_zip_bomb_refused(tmp_path, french_letter):
    bomb = b"<w:document>" + b" " * (30 * 1024 * 1024) + b"</w:document>"
    p = _replace_part(docx_bytes(french_letter), "word/document.xml", bomb, tmp_path / "bomb.docx")
    assert p.stat().st_size < 200_000
    with pytest.raises(InputError, match="refused"):
        read_docx(p)


def test_lying_size_header_refused(tmp_path, french_letter):
    """A part whose directory entry declares a tiny size but expands to much more."""
    import struct

    big = b"<w:document>" + b" " * (2 * 1024 * 1024) + b"</w:document>"
    p = _replace_part(docx_bytes(french_letter), "word/document.xml", big, tmp_path / "lie.docx")
    data = bytearray(p.read_bytes())
    pos = data.find(b"PK\x01\x02")
    while pos >= 0:
        name_len = struct.unpack_from("<H", data, pos + 28)[0]
        if data[pos + 46:pos + 46 + name_len] == b"word/document.xml":
            struct.pack_into("<I", data, pos + 24, 100)  # uncompressed size: 100 bytes
        pos = data.find(b"PK\x01\x02", pos + 4)
    p.write_bytes(bytes(data))
    with pytest.raises(InputError, match="lie.docx"):
        read_docx(p)


def test_broken_xml(tmp_path, french_letter):
    p = _replace_part(docx_bytes(french_letter), "word/document.xml", b"<w:document><w:body>",
                      tmp_path / "broken.docx")
    with pytest.raises(InputError, match="not well-formed"):
        read_docx(p)


def test_external_header_target_is_not_followed(tmp_path, french_letter):
    """A relationship pointing at a local file is never opened."""
    data = docx_bytes(french_letter)
    src = zipfile.ZipFile(io.BytesIO(data))
    rels = src.read("word/_rels/document.xml.rels").decode()
    rels = rels.replace('Target="header', 'TargetMode="External" Target="file:///etc/passwd#header', 1)
    p = _replace_part(data, "word/_rels/document.xml.rels", rels.encode(), tmp_path / "ext.docx")
    doc = read_docx(p)
    assert "root:" not in doc.text


def _damage_deflate(path, part: str) -> None:
    """Overwrite the middle of ``part``'s compressed bytes (a damaged deflate stream)."""
    import struct

    data = bytearray(path.read_bytes())
    pos = data.find(b"PK\x03\x04")
    while pos >= 0:
        size, name_len, extra_len = struct.unpack_from("<IHH", data, pos + 18)[0], *struct.unpack_from("<HH", data, pos + 26)
        if data[pos + 30:pos + 30 + name_len] == part.encode():
            start = pos + 30 + name_len + extra_len
            for i in range(start + 2, start + min(size, 64)):
                data[i] = 0xFF
            break
        pos = data.find(b"PK\x03\x04", pos + 4)
    path.write_bytes(bytes(data))


def test_damaged_deflate_is_unusable_input(tmp_path, french_letter):
    """zlib.error escaped as a traceback (issue 15 item 3)."""
    p = write_docx(french_letter, tmp_path / "damaged.docx")
    _damage_deflate(p, "word/document.xml")
    with pytest.raises(InputError, match=r"damaged\.docx: unusable input: part word/document\.xml"):
        read_docx(p)


@pytest.mark.parametrize("attribute", ["w:ilvl w:val=\"0\"", "w:numId w:val=\"1\""])
def test_non_numeric_list_attributes_are_unusable_input(tmp_path, french_letter, attribute):
    """int('x') on w:ilvl escaped as a ValueError traceback (issue 15 item 3)."""
    src = zipfile.ZipFile(io.BytesIO(docx_bytes(french_letter)))
    xml = src.read("word/document.xml").decode()
    name = attribute.split()[0]
    import re
    xml, n = re.subn(f'<{name} w:val="[^"]*"', f'<{name} w:val="x²"', xml)
    assert n, "the letter has a list"
    p = _replace_part(docx_bytes(french_letter), "word/document.xml", xml.encode(), tmp_path / "list.docx")
    if name == "w:numId":  # a numbering id is a name: read, never a crash
        read_docx(p)
        return
    with pytest.raises(InputError, match=r"list\.docx: unusable input: part word/document\.xml: w:ilvl 'x²'"):
        read_docx(p)


def test_non_numeric_level_in_numbering_part(tmp_path, french_letter):
    src = zipfile.ZipFile(io.BytesIO(docx_bytes(french_letter)))
    if "word/numbering.xml" not in src.namelist():
        pytest.skip("no numbering part")
    xml = src.read("word/numbering.xml").decode().replace('w:ilvl="0"', 'w:ilvl="zero"', 1)
    p = _replace_part(docx_bytes(french_letter), "word/numbering.xml", xml.encode(), tmp_path / "num.docx")
    with pytest.raises(InputError, match=r"num\.docx: unusable input: part word/numbering\.xml"):
        read_docx(p)
