"""Codes that are not checks: they report on the checking itself, so that a letter the checker
could not read, or a check that could not run, never looks like a clean letter. They are listed
in docs/checks.md beside the checks and are never reused."""
from __future__ import annotations

from .finding import Finding, Severity

BUILD_FAILED = "BUILD001"   # the letter could not be built from the draft (template or fact problem)
CHECKER_FAILED = "CHECK000"  # the checker could not run on the letter at all
CHECK_FAILED = "CHECK001"   # one check could not run: its findings are missing

STATUS_CODES = {
    BUILD_FAILED: "The letter could not be built from the draft: the message names the template, "
                  "clause or fact. Nothing was checked in that language.",
    CHECKER_FAILED: "The checker could not run on the letter (unreadable input).",
    CHECK_FAILED: "One check could not run on this letter (an internal fault, reported as an error "
                  "so that a letter is never taken for clean when it was not fully checked).",
}


def check_failed(code: str, exc: BaseException) -> Finding:
    """The error finding that stands in for the findings of check ``code``, which raised ``exc``."""
    return Finding(CHECK_FAILED, Severity.ERROR, f"check {code} could not run: {exc!r}", 0, 0, 0, "", None)
