"""World regions of the addressees (UN M49 from CLDR), for the Series tab's region filter."""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from circular_studio.core.model import addressees, regions

ROOT = Path(__file__).resolve().parents[3]


def test_every_register_entry_has_a_region_and_a_sub_region():
    missing = [a.id for a in addressees.member_states() if len(regions.regions_of(a.alpha2)) != 2]
    assert missing == []


@pytest.mark.parametrize("alpha2, region, sub", [
    ("PS", "142", "145"),  # State of Palestine: Asia, Western Asia
    ("EG", "002", "015"),  # Egypt: Africa, Northern Africa
    ("MX", "019", "013"),  # Mexico: Americas, Central America
    ("FJ", "009", "054"),  # Fiji: Oceania, Melanesia
    ("RU", "150", "151"),  # Russian Federation: Europe, Eastern Europe
])
def test_regions_of_known_countries(alpha2, region, sub):
    assert regions.regions_of(alpha2) == (region, sub)
    assert sub in regions.regions()[region]


def test_region_names_come_from_cldr_in_each_language():
    assert regions.region_name("145", "en") == "Western Asia"
    assert regions.region_name("142", "fr") == "Asie"
    assert regions.region_name("002", "ar") == "أفريقيا"
    assert regions.region_name("145", "xx-nope") == "Western Asia"  # an unknown locale: English


def test_unknown_codes_have_no_region():
    assert regions.regions_of("") == () and regions.regions_of("ZZ") == ()


def test_the_file_is_what_the_builder_makes_from_cldr():
    spec = importlib.util.spec_from_file_location("build_regions", ROOT / "scripts" / "build_regions.py")
    builder = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(builder)
    source = next((Path(p) for p in builder.CANDIDATES if Path(p).is_file()), None)
    if source is None:
        pytest.skip("no CLDR supplementalData.xml on this machine")
    stored = json.loads((ROOT / "resources" / "registers" / "regions.json").read_text(encoding="utf-8"))
    assert builder.build(source) == stored
