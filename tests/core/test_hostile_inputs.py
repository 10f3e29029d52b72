"""Inputs that used to take minutes or gigabytes (issue 15, item 2) finish in a small, generous
bound: the work now grows linearly. Bounds are 10-100× what the linear code needs, and far below
what the old code took, so they do not flake on a busy machine."""
import json
import time

import pytest

from circular_studio.cli import main
from circular_studio.core.checks.status import MAX_FINDINGS
from circular_studio.core.compose.render import md_escape
from circular_studio.core.locale.datetext import find_dates
from circular_studio.core.locale.text import masked
from tests.conftest import example_path


class Clock:
    def __init__(self, limit: float):
        self.limit = limit

    def __enter__(self):
        self.start = time.monotonic()
        return self

    def __exit__(self, *exc):
        self.seconds = time.monotonic() - self.start
        if exc[0] is None:
            assert self.seconds < self.limit, f"took {self.seconds:.1f} s"


def test_masked_on_a_long_word():  # 80,000 letters without a space: 197 s before
    with Clock(2):
        assert masked("a" * 80_000) == "a" * 80_000
        masked("{{" * 80_000)
    text = "write to a.b@itu.int, see https://itu.int/x {{ x }}."
    assert masked(text) == "write to " + " " * 11 + ", see " + " " * 17 + " " + " " * 7 + "."


def test_md_escape_on_runs_of_newlines():  # a subject with 30,000 newlines: 25 s before
    with Clock(2):
        out = md_escape("x" + "\n" * 60_000 + "# y")
    assert out.endswith("\n\\# y")


def test_dates_in_a_long_paragraph():  # 13× the time for 4× the text before
    text = " ".join(["le 3 mars 2024, March 4, 2025 et"] * 16_000)
    with Clock(3):
        assert len(find_dates(0, text)) == 32_000


def test_bidi_overrides_capped_and_said(tmp_path, capsys):
    """32,000 U+202E: 2 GB, 24-43 s and 3 GB of JSON before; now at most MAX_FINDINGS of AR002
    and a CHECK002 finding saying the rest were not listed."""
    path = tmp_path / "rlo.txt"
    path.write_text("\u202e" * 32_000, encoding="utf-8")
    with Clock(10):
        rc = main(["check", "--format", "json", str(path)])
    findings = json.loads(capsys.readouterr().out)["files"][0]["findings"]
    assert rc == 1 or rc == 0
    assert sum(f["code"] == "AR002" for f in findings) == MAX_FINDINGS
    assert [f["message"] for f in findings if f["code"] == "CHECK002"] == \
        [f"check AR002 found more than {MAX_FINDINGS} problems; only the first {MAX_FINDINGS} are listed"]


@pytest.mark.parametrize("field, value", [("body", "a" * 80_000), ("subject", "x" + "\n" * 30_000 + "y")])
def test_check_of_draft_with_long_runs(tmp_path, capsys, field, value):
    data = json.loads(example_path("000").read_text(encoding="utf-8"))
    data["languages"]["fr"][field] = value
    path = tmp_path / "long.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with Clock(15):
        rc = main(["check", "--format", "json", str(path)])
    assert rc in (0, 1)
    assert json.loads(capsys.readouterr().out)["files"][0]["findings"] is not None


def test_paragraph_of_date_ranges(tmp_path, capsys):
    """Found by the fuzzers: the date-line search read the whole text before each date of a
    paragraph ("du 30 au 2 mars 0000" × 4,000: 15 s, growing with the square)."""
    path = tmp_path / "ranges.txt"
    path.write_text("du 30 au 2 mars 0000" * 4000, encoding="utf-8")
    with Clock(10):
        rc = main(["check", "--format", "json", str(path)])
    assert rc == 1  # DATE010: the year 0000
