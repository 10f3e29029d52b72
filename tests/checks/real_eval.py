"""Real published texts (tests/checks/corpora/real: other UN-system bodies; corpora/real_itu: ITU)
checked as they were published, and every error/warning judged by hand in ``verdicts.json``.

verdicts.json: {"findings": [{"file", "code", "excerpt", "verdict": "true"|"false", "reason"}]}.
A finding is matched to a verdict by (file, code, excerpt). ``python -m tests.checks.real_eval``
prints per language: words, true/false findings, false alarms per 1,000 words, precision, and
every finding that has no verdict yet (``--json`` writes them as verdict stubs).
"""
from __future__ import annotations

import json
import sys
from collections import defaultdict
from pathlib import Path

from functools import lru_cache

from circular_studio.core.checks import load_letter, project_config, run_checks
from circular_studio.core.checks.engine import prepare

HERE = Path(__file__).parent
SETS = {"real": HERE / "corpora" / "real", "real_itu": HERE / "corpora" / "real_itu",
        # ITU texts collected after the fixes and judged without changing the checker for them
        "real_itu_fresh": HERE / "corpora" / "real_itu_fresh"}


def files(root: Path) -> list[Path]:
    return sorted(root.glob("*/*.txt"))


def rel(root: Path, path: Path) -> str:
    return path.relative_to(root).as_posix()


@lru_cache(maxsize=None)
def checked(path: Path):
    """(document as the checks saw it, findings) for one text, with its folder's project file
    (corpora/real/circular-studio.toml selects the "other publisher" style profile)."""
    (doc, draft), = load_letter(path)
    doc = prepare(doc)
    return doc, run_checks(doc, draft, project=project_config(path))


def alarms(path: Path):
    """The errors and warnings on one text: (code, excerpt, severity, message)."""
    _doc, findings = checked(path)
    return [(f.code, f.excerpt, f.severity.value, f.message) for f in findings if f.severity.value != "info"]


def verdicts(root: Path) -> dict[tuple[str, str, str], dict]:
    p = root / "verdicts.json"
    if not p.exists():
        return {}
    return {(v["file"], v["code"], v["excerpt"]): v for v in json.loads(p.read_text(encoding="utf-8"))["findings"]}


def evaluate(root: Path):
    """{lang: {"words", "true", "false", "unjudged"}} and the list of unjudged findings."""
    judged = verdicts(root)
    per = defaultdict(lambda: {"words": 0, "true": 0, "false": 0, "unjudged": 0, "texts": 0})
    open_ = []
    for path in files(root):
        name = rel(root, path)
        lang = name.split("/")[0]
        row = per[lang]
        row["texts"] += 1
        row["words"] += len(path.read_text(encoding="utf-8").split())
        for code, excerpt, severity, message in alarms(path):
            v = judged.get((name, code, excerpt))
            if v is None:
                row["unjudged"] += 1
                open_.append({"file": name, "code": code, "excerpt": excerpt, "severity": severity,
                              "message": message, "verdict": "?", "reason": ""})
            else:
                row["true" if v["verdict"] == "true" else "false"] += 1
    return dict(per), open_


def table(per) -> str:
    lines = [f"{'lang':5} {'texts':>5} {'words':>6} {'true':>5} {'false':>5} {'?':>3} {'FA/1000w':>9} {'precision':>9}"]
    tot = defaultdict(int)
    for lang in sorted(per) + ["all"]:
        row = per[lang] if lang != "all" else tot
        if lang != "all":
            for k, v in row.items():
                tot[k] += v
        n = row["true"] + row["false"]
        prec = f"{row['true'] / n:.0%}" if n else "-"
        fa = 1000 * row["false"] / row["words"] if row["words"] else 0
        lines.append(f"{lang:5} {row['texts']:5} {row['words']:6} {row['true']:5} {row['false']:5} "
                     f"{row['unjudged']:3} {fa:9.2f} {prec:>9}")
    return "\n".join(lines)


if __name__ == "__main__":
    for name, root in SETS.items():
        per, open_ = evaluate(root)
        print(f"== {name}")
        print(table(per))
        for o in open_:
            print(f"  ? {o['file']:18} {o['code']:9} {o['severity']:7} {o['excerpt']!r:40.40} {o['message'][:90]}")
        if "--json" in sys.argv:
            (root / "unjudged.json").write_text(json.dumps(open_, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
