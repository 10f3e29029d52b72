"""python-babel issue #1234 (2.18): after a Chinese stand-alone month (LLLL) is formatted, French,
Spanish and Arabic stand-alone months come back in Chinese for the rest of the process. Our dates
and date reading must not be touched by it: each case runs in a fresh process that first triggers
the bug through babel itself, as any other code (a template filter, a library) might."""
import json
import subprocess
import sys

from tests.conftest import ROOT

SCRIPT = r"""
import datetime as dt, json
from babel.dates import format_date, get_month_names
day = dt.date(2019, 12, 6)
format_date(day, "LLLL", locale="zh")             # the trigger
corrupted = get_month_names("wide", "stand-alone", "fr")[12]
from circular_studio.core.locale import dates, languages
from circular_studio.core.locale.datetext import find_dates
out = {"corrupted": corrupted,
       "fr_alone": dates.month_names("fr", "stand-alone")[11],
       "es_alone": dates.month_names("es", "stand-alone")[11],
       "ar_alone": dates.month_names("ar", "stand-alone")[11],
       "fr_line": dates.date_line(day, "fr", "Genève"),
       "es_line": dates.date_line(day, "es", "Ginebra"),
       "zh_line": dates.date_line(day, "zh", "日内瓦"),
       "fr_read": [(m.day, m.month) for m in find_dates(0, "le 6 décembre 2019", {"fr", "zh"})],
       "fr_lookup_has_han": any("\u4e00" <= c <= "\u9fff" for n in languages.language("fr").month_lookup for c in n)}
print(json.dumps(out, ensure_ascii=False))
"""


def _run() -> dict:
    out = subprocess.run([sys.executable, "-c", SCRIPT], cwd=ROOT, capture_output=True, text=True,
                         timeout=120, env={"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin"})
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)


def test_months_stay_in_their_language_after_a_chinese_standalone_month():
    got = _run()
    assert got["fr_alone"] == "décembre"
    assert got["es_alone"] == "diciembre"
    assert got["ar_alone"] == "ديسمبر"
    assert got["fr_line"] == "Genève, le 6 décembre 2019"
    assert got["es_line"] == "Ginebra, 6 de diciembre de 2019"
    assert got["zh_line"] == "日内瓦，2019年12月6日"
    assert got["fr_read"] == [[6, 12]]
    assert got["fr_lookup_has_han"] is False
