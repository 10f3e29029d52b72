"""A full letter with every check on, spelling included: ≤ 50 ms after start-up."""
import time
from pathlib import Path

from circular_studio.core.checks import load_letter, run_checks

FIX = Path(__file__).resolve().parents[1] / "checks" / "fixtures"


def _letter(name):
    (doc, draft), = load_letter(FIX / name)
    return doc, draft


def test_check_arabic_letter(benchmark):
    doc, draft = _letter("seed-002.md")
    run_checks(doc, draft)  # start-up: dictionaries, regexes, registry
    result = benchmark(run_checks, doc, draft)
    assert result
    assert benchmark.stats.stats.mean < 0.050


def test_check_french_letter(benchmark):
    doc, draft = _letter("seed-000.md")
    run_checks(doc, draft)
    benchmark(run_checks, doc, draft)
    assert benchmark.stats.stats.mean < 0.050


def test_startup_cost_reported():
    import subprocess
    import sys

    code = ("import time; t=time.perf_counter();"
            "from circular_studio.core.checks import load_letter, run_checks;"
            f"d,_=load_letter({str(FIX / 'seed-001.md')!r})[0]; run_checks(d);"
            "print(time.perf_counter()-t)")
    t = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={**__import__('os').environ})
    startup = float(out.stdout.strip())
    print(f"start-up + first check: {startup * 1000:.0f} ms (process {1000 * (time.perf_counter() - t):.0f} ms)")
    assert startup < 5
