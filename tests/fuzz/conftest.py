"""Fuzzing the inputs (issue 15 item 8): drafts, .md/.txt letters and mutated .docx files.

A few dozen examples per test run with the suite; many thousands on demand::

    CS_FUZZ_EXAMPLES=10000 ./test.sh tests/fuzz -q -p no:randomly

``CS_FUZZ_EXAMPLES`` examples per test; ``CS_FUZZ_DEADLINE_MS`` (default 5000) fails an example that
takes longer; ``CS_FUZZ_REPORT=path.json`` writes, per test, the number of examples, the slowest
ones and how many took over 2 s, and the process's peak memory. A hang cannot hide: an example
still running after 4× the deadline is interrupted and fails the test (``hard_deadline``).
See docs/fuzzing.md.
"""
from __future__ import annotations

import json
import os
import resource
import signal
import threading
import time
from contextlib import contextmanager

import pytest
from hypothesis import HealthCheck, settings

EXAMPLES = int(os.environ.get("CS_FUZZ_EXAMPLES", "40"))
DEADLINE_MS = int(os.environ.get("CS_FUZZ_DEADLINE_MS", "5000"))  # 0: no deadline, only the report
SLOW_S = 2.0

settings.register_profile(
    "circular-studio-fuzz", max_examples=EXAMPLES, deadline=DEADLINE_MS or None, derandomize=EXAMPLES <= 100,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
    database=None, print_blob=True)
FUZZ = settings.get_profile("circular-studio-fuzz")

STATS: dict[str, dict] = {}


class HardDeadline(BaseException):
    """An example still running long after its deadline: a hang."""


@contextmanager
def hard_deadline(seconds: float):
    """Interrupt the example after ``seconds`` (the main thread only; elsewhere, no limit)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def ring(_sig, _frame):
        raise HardDeadline(f"example still running after {seconds:g} s: a hang")
    old = signal.signal(signal.SIGALRM, ring)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


@contextmanager
def timed(name: str, what: str = ""):
    """Count an example for the report: its processor time (all threads of the process: what
    the example costs, whatever else the machine is doing) and the slowest ones."""
    row = STATS.setdefault(name, {"examples": 0, "over_2s": 0, "slowest": []})
    start = time.process_time()
    with hard_deadline((DEADLINE_MS or 15000) / 1000 * 4):
        yield
    took = time.process_time() - start
    row["examples"] += 1
    row["over_2s"] += took > SLOW_S
    row["slowest"] = sorted(row["slowest"] + [[round(took, 3), what[:120]]], reverse=True)[:5]
    if row["examples"] % 50 == 0:  # a long run stopped early still leaves its figures
        _write_report()


def _write_report() -> None:
    target = os.environ.get("CS_FUZZ_REPORT")
    if target:
        peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        with open(target, "w", encoding="utf-8") as fh:
            json.dump({"examples_per_test": EXAMPLES, "deadline_ms": DEADLINE_MS,
                       "peak_memory_mb": round(peak_kb / 1024, 1), "tests": STATS}, fh, indent=2,
                      ensure_ascii=False)


@pytest.fixture(scope="session", autouse=True)
def _fuzz_report():
    yield
    _write_report()
