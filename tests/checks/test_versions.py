"""Language versions of one letter compared (issue 14, LANG checks): agreeing versions raise no
LANG finding at all, in any mix of .md, .docx (Word-style, as colleagues make them) and .txt; each
disagreement planted in one version (tests/checks/corpora/versions/manifest.json) is reported by
its check, citing the other version's paragraph, on the changed text where this version has one.

``python -m tests.checks.test_versions`` prints recall per kind and the false alarms.
"""
from __future__ import annotations

import importlib.util
import json
import re
import shutil
from pathlib import Path

import pytest

from circular_studio.cli import main
from circular_studio.core.checks import load_letter, run_checks

ROOT = Path(__file__).parent / "corpora" / "versions"
EXAMPLES = Path(__file__).resolve().parents[2] / "resources" / "examples"
PLANTED = json.loads((ROOT / "manifest.json").read_text(encoding="utf-8"))["planted"]
# how each version of a set is handed to the checker: the formats are mixed on purpose
MIXES = {"sg17": [{"en": ".md", "fr": ".docx", "ar": ".docx"}, {"en": ".txt", "fr": ".md", "ar": ".md"}],
         "seed-001": [{"en": ".md", "fr": ".md", "ar": ".md"}]}


def _corpus2_builder():
    spec = importlib.util.spec_from_file_location(
        "corpus2_build", Path(__file__).parent / "corpora" / "corpus2" / "build.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


_SEED_TEXTS: dict = {}


def _texts(name: str, tmp: Path) -> dict[str, str]:
    if name == "sg17":
        return {lang: (ROOT / f"sg17.{lang}.md").read_text(encoding="utf-8") for lang in ("en", "fr", "ar")}
    if not _SEED_TEXTS:
        out = tmp / "rendered"
        assert main(["render", str(EXAMPLES / "seed-001.json"), "-f", "md", "-o", str(out) + "/"]) == 0
        for lang in ("en", "fr", "ar"):
            _SEED_TEXTS[lang] = (out / f"seed-001.{lang}.md").read_text(encoding="utf-8")
    return dict(_SEED_TEXTS)


def version_files(name: str, mix: dict, tmp: Path, planted: dict | None = None) -> dict[str, Path]:
    texts = _texts(name, tmp)
    if planted:
        assert planted["find"] in texts[planted["lang"]], planted
        texts[planted["lang"]] = texts[planted["lang"]].replace(planted["find"], planted["replace"], 1)
    folder = tmp / "letters"
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    files = {}
    for lang, suffix in mix.items():
        path = folder / f"{name}.{lang}{suffix}"
        if suffix == ".docx":
            _corpus2_builder().to_docx(texts[lang], path, lang == "ar",
                                       {"layout": "cells", "links": "rel", "sig": "paras"})
        else:
            path.write_text(texts[lang], encoding="utf-8")
        files[lang] = path
    return files


def compare(files: dict[str, Path]) -> dict[str, list]:
    """{lang: LANG findings} with every version checked against the others, as --versions does."""
    docs = {}
    for lang, path in files.items():
        (doc, _draft), = load_letter(path, lang)
        docs[lang] = doc
    return {lang: run_checks(doc, None, select=["LANG"], language=lang, versions=docs)
            for lang, doc in docs.items()}


def _found(planted: dict, results: dict[str, list]) -> bool:
    """A finding of the planted check that points at the change: in the changed version on the
    new text or cites the other's value; in another version citing the new text or on the old."""
    hits = [(lang, f) for lang, fs in results.items() for f in fs if f.code == planted["code"]]
    if any(lang == planted["lang"] for lang, _f in hits):  # agreeing versions raise none at all
        return True
    new = set(re.findall(r"[\w@./+-]+", planted["replace"])) - set(re.findall(r"[\w@./+-]+", planted["find"]))
    old = set(re.findall(r"[\w@./+-]+", planted["find"])) - set(re.findall(r"[\w@./+-]+", planted["replace"]))
    for lang, f in hits:
        said = f.excerpt + " " + f.message
        if any(tok in said for tok in new | old):
            return True
    return False


@pytest.mark.parametrize("name,mix", [(n, m) for n, ms in MIXES.items() for m in ms],
                         ids=lambda v: v if isinstance(v, str) else "+".join(v.values()))
def test_agreeing_versions_raise_no_version_finding(name, mix, tmp_path):
    results = compare(version_files(name, mix, tmp_path))
    assert {lang: [(f.code, f.message) for f in fs] for lang, fs in results.items() if fs} == {}


@pytest.mark.parametrize("planted", PLANTED, ids=lambda p: f"{p['set']}-{p['lang']}-{p['what']}")
def test_each_planted_disagreement_is_reported_citing_both_places(planted, tmp_path):
    for mix in MIXES[planted["set"]]:
        results = compare(version_files(planted["set"], mix, tmp_path, planted))
        assert _found(planted, results), (mix, {k: [(f.code, f.excerpt, f.message) for f in v]
                                               for k, v in results.items()})
        # the other place is cited: "(paragraph N)" names where the other version says it
        assert all(re.search(r"paragraph \d+|paragraph\(s\)", f.message)
                   for fs in results.values() for f in fs)


def test_cli_versions_mixes_formats_and_refuses_two_files_in_one_language(tmp_path, capsys):
    files = version_files("sg17", MIXES["sg17"][0], tmp_path, PLANTED[0])
    rc = main(["check", "--versions", "--format", "json", "--select", "LANG",
               *[str(p) for p in files.values()]])
    out = json.loads(capsys.readouterr().out)
    assert rc == 1 or any(f["findings"] for f in out["files"])
    assert {f["language"] for f in out["files"]} == {"en", "fr", "ar"}
    assert any(x["code"] == "LANG003" for f in out["files"] for x in f["findings"])
    rc = main(["check", "--versions", str(files["en"]), str(files["en"])])
    assert rc == 2 and "two versions in 'en'" in capsys.readouterr().err
    rc = main(["check", "--versions", str(files["en"])])
    assert rc == 2 and "at least two language versions" in capsys.readouterr().err


def report(tmp: Path) -> None:
    from collections import defaultdict

    per = defaultdict(lambda: [0, 0])
    others = 0
    for p in PLANTED:
        for mix in MIXES[p["set"]]:
            results = compare(version_files(p["set"], mix, tmp, p))
            ok = _found(p, results)
            per[p["what"].split()[0]][0] += ok
            per[p["what"].split()[0]][1] += 1
            per["all"][0] += ok
            per["all"][1] += 1
            others += sum(1 for fs in results.values() for f in fs if f.code != p["code"])
            if not ok:
                print("MISSED", p["set"], p["lang"], p["what"], "+".join(mix.values()))
    alarms = 0
    for name, mixes in MIXES.items():
        for mix in mixes:
            alarms += sum(len(fs) for fs in compare(version_files(name, mix, tmp)).values())
    for key, (ok, n) in sorted(per.items()):
        print(f"{key:12} {ok}/{n}")
    print(f"false alarms on agreeing versions: {alarms}; findings of another check on planted "
          f"variants: {others}")


if __name__ == "__main__":
    import tempfile

    report(Path(tempfile.mkdtemp()))
