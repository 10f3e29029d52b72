"""Fonts embedded in the DOCX, so Word lays Arabic out in the font the PDF and the preview use.

Word has Calibri everywhere but not Amiri; naming Amiri with an alternative ("Traditional
Arabic") made Word set Arabic letters in another face, with other line breaks, than the PDF.
A font Word lacks is embedded as ECMA-376 Part 1 §17.8.1 describes: the font file is stored as
``word/fonts/fontN.odttf``, its first 32 bytes XOR-ed with a key (a GUID the font table names in
``w:fontKey``), referenced from ``fontTable.xml`` (``w:embedRegular``/``w:embedBold``), and
``w:embedTrueTypeFonts`` is set in settings.xml. Word and LibreOffice both load such fonts when
the machine lacks them. Amiri is under the SIL Open Font License (embedding allowed).

Font files are found with fontconfig (``fc-match``) or in the usual font folders; a font that is
not installed here is simply not embedded (the DOCX still names it). Reading and obfuscating a
font is done once per process.
"""
from __future__ import annotations

import functools
import shutil
import subprocess
import uuid
from pathlib import Path

from docx.opc.packuri import PackURI
from docx.opc.part import Part

FONT_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.obfuscatedFont"
FONT_RELTYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/font"
_FONT_DIRS = ("/usr/share/fonts", "/usr/local/share/fonts", str(Path.home() / ".fonts"),
              str(Path.home() / ".local/share/fonts"), "/Library/Fonts",
              str(Path.home() / "Library/Fonts"), r"C:\Windows\Fonts")


@functools.lru_cache(maxsize=None)
def font_file(pattern: str) -> Path | None:
    """The TrueType/OpenType file of a fontconfig ``pattern`` ("Amiri:style=Bold"), only if it
    really is that family (fc-match answers with a substitute otherwise)."""
    family, _, rest = pattern.partition(":")
    style = rest.split("=", 1)[1] if "=" in rest else "Regular"
    if shutil.which("fc-match"):
        try:
            out = subprocess.run(["fc-match", "-f", "%{family}\n%{file}", pattern],
                                 capture_output=True, text=True, timeout=10).stdout
        except (OSError, subprocess.SubprocessError):
            out = ""
        lines = out.splitlines()
        if len(lines) == 2 and family in lines[0].split(",") and lines[1].lower().endswith(
                (".ttf", ".otf")):
            return Path(lines[1])
    name = f"{family.replace(' ', '')}-{style.replace(' ', '')}".lower()
    for folder in _FONT_DIRS:
        root = Path(folder)
        if root.is_dir():
            for path in root.rglob("*.[ot]tf"):
                if path.stem.lower() == name:
                    return path
    return None


def font_key(family: str, style: str) -> str:
    """A stable GUID for one font file (the same file gets the same key in every letter, so
    its obfuscated bytes are computed and compressed once)."""
    return "{" + str(uuid.uuid5(uuid.NAMESPACE_URL, f"circular-studio:font:{family}:{style}")).upper() + "}"


def obfuscate(data: bytes, key: str) -> bytes:
    """ECMA-376 §17.8.1: XOR the first 32 bytes with the key's 16 bytes, taken from the GUID's
    hex digits read from the end."""
    digits = bytes.fromhex(key.strip("{}").replace("-", ""))[::-1]
    head = bytes(b ^ digits[i % 16] for i, b in enumerate(data[:32]))
    return head + data[32:]


@functools.lru_cache(maxsize=None)
def embedded_font(family: str, style: str, pattern: str) -> tuple[str, bytes] | None:
    """(key, obfuscated bytes) of a font to embed, or None if it is not installed."""
    path = font_file(pattern)
    if path is None:
        return None
    try:
        data = path.read_bytes()
    except OSError:
        return None
    key = font_key(family, style)
    return key, obfuscate(data, key)


def embed(font_table_part, package, fonts: dict[str, dict[str, str]]) -> list[tuple[str, str, str, str]]:
    """Add the font parts of ``fonts`` ({family: {"regular"/"bold": pattern}}) related from the
    font table part; returns (family, style, rId, key) for each font embedded."""
    out = []
    n = 0
    for family, styles in fonts.items():
        for style, pattern in styles.items():
            found = embedded_font(family, style, pattern)
            if found is None:
                continue
            key, blob = found
            n += 1
            part = Part(PackURI(f"/word/fonts/font{n}.odttf"), FONT_CONTENT_TYPE, blob, package)
            rid = font_table_part.relate_to(part, FONT_RELTYPE)
            out.append((family, style, rid, key))
    return out
