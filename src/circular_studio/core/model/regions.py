"""World regions of addressees (UN M49, from CLDR), to filter an addressee list by region.

``resources/registers/regions.json`` (built by scripts/build_regions.py from CLDR's
territoryContainment) gives each ISO 3166 territory its region (continent: "002" Africa, "019"
Americas, "142" Asia, "150" Europe, "009" Oceania) and sub-region ("145" Western Asia…). Region
names in any language come from CLDR through babel, never typed here.
"""
from __future__ import annotations

from functools import lru_cache

from babel import Locale, UnknownLocaleError

from ..resources import load_json

REGIONS_FILE = "registers/regions.json"


@lru_cache(maxsize=1)
def _data() -> dict:
    return load_json(REGIONS_FILE)


def regions() -> dict[str, list[str]]:
    """Region code -> its sub-region codes, the five continents in CLDR's order."""
    return dict(_data()["regions"])


def regions_of(alpha2: str) -> tuple[str, ...]:
    """(region, sub-region) of an ISO 3166 alpha-2 code ("PS" -> ("142", "145")); () if unknown."""
    return tuple(_data()["territories"].get((alpha2 or "").upper(), ()))


@lru_cache(maxsize=64)
def region_name(code: str, language: str = "en") -> str:
    """A region's name in ``language`` from CLDR ("142" -> "Asia", "Asie", "آسيا")."""
    try:
        names = Locale.parse(language).territories
    except (UnknownLocaleError, ValueError):
        names = Locale("en").territories
    return names.get(code) or Locale("en").territories.get(code) or code
