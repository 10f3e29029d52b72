#!/usr/bin/env python3
"""Build resources/registers/regions.json: the UN M49 region and sub-region of each territory.

Source: CLDR's supplemental data, ``territoryContainment`` (based on the UN Statistics
Division's M49 standard), from the supplementalData.xml that Debian ships (package
liblangtag-common or unicode-cldr-core). Groupings marked ``status="grouping"`` or
``grouping="true"`` (EU, Latin America, Sub-Saharan Africa) and deprecated codes are left out:
each territory gets exactly one sub-region and one region (continent). The names of the regions
come from CLDR through babel at run time (``Locale(lang).territories["142"]`` = "Asie").

Run:  .venv/bin/python scripts/build_regions.py [path/to/supplementalData.xml]
It is deterministic: the same source gives the same file.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

from lxml import etree

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "registers" / "regions.json"
CANDIDATES = ("/usr/share/unicode/cldr/common/supplemental/supplementalData.xml",
              "/usr/share/liblangtag/common/supplemental/supplementalData.xml")
WORLD = "001"


def build(source: Path) -> dict:
    tree = etree.parse(str(source))
    children: dict[str, list[str]] = {}
    for group in tree.iterfind(".//territoryContainment/group"):
        if group.get("status") in ("grouping", "deprecated") or group.get("grouping") == "true":
            continue
        children.setdefault(group.get("type"), []).extend(group.get("contains").split())
    regions = children[WORLD]  # the five continents
    territories: dict[str, list[str]] = {}
    for region in regions:
        for sub in children.get(region, []):
            for code in children.get(sub, []):
                if code.isalpha():
                    territories[code] = [region, sub]
    return {
        "about": "UN M49 region and sub-region of each ISO 3166 territory, for filtering addressee "
                 "lists; names of the regions come from CLDR (babel) in each language.",
        "source": "CLDR supplementalData.xml, territoryContainment (UN M49), via scripts/build_regions.py",
        "regions": {r: sorted(children.get(r, [])) for r in regions},
        "territories": dict(sorted(territories.items())),
    }


def main(argv: list[str]) -> int:
    source = Path(argv[0]) if argv else next((Path(p) for p in CANDIDATES if Path(p).is_file()), None)
    if source is None or not source.is_file():
        print("no CLDR supplementalData.xml found; install liblangtag-common or unicode-cldr-core, "
              "or give its path", file=sys.stderr)
        return 2
    data = build(source)
    OUT.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(data['territories'])} territories in {len(data['regions'])} regions")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
