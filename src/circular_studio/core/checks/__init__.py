"""The letter checker: small checks with stable codes over (Document, Draft).

    from circular_studio.core.checks import load_letter, run_checks
    for doc, draft in load_letter("letter.docx"):
        for f in run_checks(doc, draft, ignore=["SPELL"]):
            print(f.code, f.severity.value, f.message, f.paragraph, f.start, f.end, f.fix)
"""
from .engine import enabled_checks, project_config, run_checks
from .finding import Finding, Severity, apply_fixes
from ..intake.letters import load_letter
from .registry import REGISTRY, Check, Example, Hit, all_checks

__all__ = ["run_checks", "load_letter", "Finding", "Severity", "apply_fixes", "REGISTRY", "Check",
           "Example", "Hit", "all_checks", "enabled_checks", "project_config"]
