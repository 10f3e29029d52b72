"""Fuzzed drafts: any value in any field gives a letter, placeholders or a StudioError message,
checked and exported, within the deadline; never a traceback."""
from __future__ import annotations

import copy
import json

from hypothesis import given, strategies as st

from circular_studio.core.checks import run_checks
from circular_studio.core.compose.pipeline import build_document
from circular_studio.core.docx.writer import docx_bytes
from circular_studio.core.errors import StudioError
from circular_studio.core.model import draft as draft_io
from tests.conftest import EXAMPLES as EXAMPLE_DIR
from tests.fuzz.conftest import FUZZ, timed
from tests.fuzz.strategies import hostile_text, odd_value

SEEDS = {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in sorted(EXAMPLE_DIR.glob("seed-*.json"))}
SHARED = sorted({k for d in SEEDS.values() for k in d["fields"]})
PER_LANGUAGE = sorted({k for d in SEEDS.values() for lang in d["languages"].values() for k in lang})


@st.composite
def drafts(draw):
    data = copy.deepcopy(SEEDS[draw(st.sampled_from(sorted(SEEDS)))])
    for _ in range(draw(st.integers(0, 4))):
        if draw(st.booleans()):
            data["fields"][draw(st.sampled_from(SHARED))] = draw(odd_value())
        else:
            lang = draw(st.sampled_from(sorted(data["languages"])))
            name = draw(st.sampled_from(PER_LANGUAGE))
            data["languages"][lang][name] = draw(st.one_of(hostile_text(), hostile_text(), odd_value()))
    if draw(st.integers(0, 9)) == 0:  # now and then, the envelope itself
        data[draw(st.sampled_from(["letter_type", "languages", "fields", "version", "disabled_checks"]))] = draw(odd_value())
    return data


def _describe(data) -> str:
    """The draft's size and its longest values, for the report of slow examples."""
    values = [(k, v) for k, v in (data.get("fields") or {}).items()] if isinstance(data.get("fields"), dict) else []
    for lang, fields in (data.get("languages") or {}).items() if isinstance(data.get("languages"), dict) else []:
        if isinstance(fields, dict):
            values += [(f"{lang}.{k}", v) for k, v in fields.items()]
    sized = sorted(((len(json.dumps(v, default=str)), k) for k, v in values), reverse=True)[:3]
    return f"{len(json.dumps(data, default=str))} chars; longest: " + ", ".join(f"{k} {n}" for n, k in sized)


@FUZZ
@given(data=drafts())
def test_fuzzed_draft_builds_checks_and_exports(data):
    with timed("drafts", _describe(data)):
        try:
            d = draft_io.from_json(json.loads(json.dumps(data, default=str)))
        except StudioError:
            return
        for lang in list(d.languages):
            try:
                doc = build_document(d, lang, strict=False)
            except StudioError:
                continue
            findings = run_checks(doc, d, language=lang)
            assert all(f.message for f in findings)
            try:
                final = build_document(d, lang, strict=True)
            except StudioError:
                continue
            assert docx_bytes(final)[:2] == b"PK"
