"""Six languages must not slow down start-up or the first check of a French letter: a language's
babel data and dictionaries are read only when a letter uses it (resources/languages/ entries are
small TOML files; the costly parts are CLDR data and Hunspell dictionaries)."""
import json
import subprocess
import sys
from pathlib import Path

FIX = Path(__file__).resolve().parents[1] / "checks" / "fixtures"

FIRST_FRENCH_CHECK = r"""
import json, sys, time
t0 = time.perf_counter()
from circular_studio.core.locale import languages, spelling
loaded_locales, loaded_dicts = [], []
real_cldr, real_dict = languages._cldr_own, spelling.dictionary
def cldr(name):
    loaded_locales.append(name)
    return real_cldr(name)
def dictionary(lang):
    loaded_dicts.append(lang)
    return real_dict(lang)
languages._cldr_own = cldr
spelling.dictionary = dictionary
from circular_studio.core.checks import load_letter, run_checks
t1 = time.perf_counter()
(doc, draft), = load_letter(sys.argv[1])
run_checks(doc, draft)
t2 = time.perf_counter()
print(json.dumps({"import": t1 - t0, "first_check": t2 - t1, "locales": sorted(set(loaded_locales)),
                  "dictionaries": sorted(set(loaded_dicts))}))
"""


def _first_french_check() -> dict:
    out = subprocess.run([sys.executable, "-c", FIRST_FRENCH_CHECK, str(FIX / "seed-000.md")],
                         capture_output=True, text=True, check=True, timeout=120)
    return json.loads(out.stdout)


def test_first_french_check_loads_no_other_language(benchmark):
    result = benchmark.pedantic(_first_french_check, rounds=3, iterations=1)
    print(f"import {result['import'] * 1000:.0f} ms, first French check {result['first_check'] * 1000:.0f} ms")
    # the French letter's own data (and English, which the guesser may meet in a paragraph)
    assert not any(name.split("_")[0] in ("es", "ru", "zh") for name in result["locales"]), result
    assert not set(result["dictionaries"]) & {"es", "ru", "zh"}, result
