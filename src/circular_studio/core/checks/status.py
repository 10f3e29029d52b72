"""Codes that are not checks: they report on the checking itself, so that a letter the checker
could not read, or a check that could not run, never looks like a clean letter. They are listed
in docs/checks.md beside the checks and are never reused."""
from __future__ import annotations

from .finding import Finding, Severity

BUILD_FAILED = "BUILD001"   # the letter could not be built from the draft (template or fact problem)
CHECKER_FAILED = "CHECK000"  # the checker could not run on the letter at all
CHECK_FAILED = "CHECK001"   # one check could not run: its findings are missing
CHECK_RUNNING = "CHECK003"  # the editor is still checking the letter: findings to come
CHECK_CAPPED = "CHECK002"   # one check found more than MAX_FINDINGS: the rest are not listed

MAX_FINDINGS = 100  # findings one check may report on one letter

STATUS_CODES = {
    BUILD_FAILED: "The letter could not be built from the draft: the message names the template, "
                  "clause or fact. Nothing was checked in that language.",
    CHECKER_FAILED: "The checker could not run on the letter (unreadable input).",
    CHECK_FAILED: "One check could not run on this letter (an internal fault, reported as an error "
                  "so that a letter is never taken for clean when it was not fully checked).",
    CHECK_RUNNING: "The editor is still checking the letter (a long or unusual letter): the findings shown "
                   "are those of the last check; the list is brought up to date when the checks finish.",
    CHECK_CAPPED: f"One check found more than {MAX_FINDINGS} problems in this letter: only the first "
                  f"{MAX_FINDINGS} are listed (a pasted or damaged text, most likely; fix those and check again).",
}


def check_failed(code: str, exc: BaseException) -> Finding:
    """The error finding that stands in for the findings of check ``code``, which raised ``exc``."""
    return Finding(CHECK_FAILED, Severity.ERROR, f"check {code} could not run: {exc!r}", 0, 0, 0, "", None)


def check_capped(code: str, hit) -> Finding:
    """The finding that says check ``code`` stopped after MAX_FINDINGS findings; placed where the
    first unlisted one would have been."""
    return Finding(CHECK_CAPPED, Severity.WARNING,
                   f"check {code} found more than {MAX_FINDINGS} problems; only the first {MAX_FINDINGS} "
                   "are listed", hit.block, hit.start, hit.start, "", None)
