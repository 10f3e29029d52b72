"""Draft → Markdown → Document: the one path every view of a letter goes through.

``build_document`` is what the preview, the exporter and the checker call. ``strict=False`` (the
live preview) renders an incomplete draft with visible ``[Field]`` placeholders instead of failing,
so the page keeps up while the user types; export and the CLI use ``strict=True``.
"""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from ..model import addressees, officials
from ..document import Document
from ..model.draft import TEMPLATE_CODE, Draft, clean_text, clean_value
from ..errors import DraftError, StudioError, TemplateError
from ..model.lettertypes import SUBJECT, LetterType, letter_type
from .markdown import parse_markdown
from ..locale import languages
from .render import (LENIENT, MarkdownText, Placeholder, RenderTimeout, as_date, budget, compile_string, explain,
                     render_string, render_template)


def _signatory(ctx: dict, lt: LetterType, language: str, strict: bool, where: str = "draft") -> dict:
    """signatory_name / signatory_title / signatory_gender for the template: the title of the
    office held on the letter's date, in the holder's gender."""
    sid = ctx.get("signatory") or ""
    if not sid:
        spec = next((f for f in lt.fields if f.kind == "signatory"), None)
        placeholder = f"[{spec.label(language) if spec else 'Signatory'}]"
        return {"signatory_name": "" if strict else placeholder, "signatory_title": "", "signatory_gender": ""}
    try:
        person = officials.official(sid)
    except KeyError:
        raise DraftError(f"{where}: field 'signatory': unknown official '{sid}' "
                         "(see resources/officials.json)") from None
    try:
        day = as_date(ctx.get("letter_date"))
    except ValueError:
        day = dt.date.today()
    office = person.office_on(day)
    if office is None:  # out of office on that date: keep the nearest office; the checks say so
        past = [t for t in person.terms if t.start <= day]
        office = (past[-1] if past else person.terms[0]).office
    return {"signatory_name": person.name(language),
            "signatory_title": person.title(language, office=office),
            "signatory_long_title": person.title(language, office=office, long=True),
            "signatory_gender": person.gender, "signatory_office": office}


def template_words(language: str) -> dict:
    """The language table's words a letter template writes (labels, salutation, closing,
    "(signed)", courtesy titles), as ``words`` in the template: ``{{ words.labels.subject }}``."""
    entry = languages.language(language)
    return {"labels": dict(entry.labels), "colon": entry.colon, "salutation": entry.salutation,
            "closing": entry.closing, "signed": entry.signed, "courtesy": dict(entry.letter.get("courtesy", {})),
            "courtesy_after_name": bool(entry.letter.get("courtesy_after_name", False)),
            "direction": entry.direction}


def series_preview(draft: Draft, language: str):
    """The addressee a series draft is shown and checked with when none is given: its
    ``series.preview`` id, else the first of its addressees."""
    series = draft.series or {}
    preview = series.get("preview")
    source = series.get("addressees", "")
    try:
        if preview and (source == "member-states" or preview in addressees.register()):
            return addressees.lookup(preview)
        if source == "member-states":
            return addressees.member_states()[0]
        path = Path(source)
        if not path.is_absolute() and draft.path is not None:
            path = Path(draft.path).parent / path
        found = addressees.read_addressees(path, [language])
        chosen = [a for a in found if a.id == preview] or found.addressees
        if not chosen:
            raise addressees.AddresseeError(f"{path.name}: no addressee with a name in {language}")
        return chosen[0]
    except addressees.AddresseeError as exc:
        raise DraftError(f"{draft.name}: field 'series': {exc.user_message}") from None


def _fits(spec, value) -> bool:
    """Whether ``value`` has the Python type the field's kind needs (its content aside)."""
    if spec.kind == "list":
        return isinstance(value, list) and all(isinstance(v, str) for v in value)
    if spec.kind == "bool":
        return isinstance(value, bool)
    return isinstance(value, str)


def prepare(draft: Draft) -> LetterType:
    """Make a draft just opened ready to edit and compose: fit it to its letter type as it is now
    (``LetterType.adopt``) and render, once, template code a version-1 body held. What changed is
    added to ``draft.notices``. Idempotent, and cheap when there is nothing to do."""
    lt = letter_type(draft.letter_type)
    draft.notices.extend(lt.adopt(draft))
    for block in draft.free:
        if not block.pop(TEMPLATE_CODE, False):
            continue
        for lang, text in list((block.get("text") or {}).items()):
            if "{{" not in text and "{%" not in text or lang not in draft.languages:
                continue
            ctx = {**lt.context(draft, lang), "language": lang, "words": template_words(lang)}
            try:
                block["text"][lang] = render_string(text, ctx, name=f"{draft.name} [{lang}] body")
            except StudioError as exc:
                draft.notices.append(f"the {lang} body kept its template code, which could not be "
                                     f"rendered: {exc}")
    return lt


def _context(draft: Draft, language: str, strict: bool, addressee=None) -> tuple[LetterType, dict]:
    """The letter type and what its templates see in ``language``: the facts (``[Label]``
    placeholders for those not typed yet, unless ``strict``), the signatory's name and title, the
    subject (the drafter's, else the type's) and the body assembled from the clauses.
    ``addressee`` (core/model/addressees.Addressee) makes this one letter of a series: templates,
    clauses and list fields see it as ``addressee`` (``{{ addressee|to }}``); a series draft
    previewed without one (strict=False) sees a placeholder."""
    lt = prepare(draft)
    draft.context(language)  # the draft must have this language before the type is asked
    lt.template_name(language)
    problems = lt.problems(draft, language)
    if problems and strict:
        field, message = problems[0]
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        raise DraftError(f"{draft.name} [{language}]: {message}{more}")
    # Text typed or pasted in the editor has not been through a load: clean it here too.
    ctx = clean_value(lt.context(draft, language), [], "draft")
    ctx["language"] = language
    ctx["words"] = template_words(language)
    if not strict:
        ctx[LENIENT] = True
    required = lt.required_facts(draft)
    bad = {f for f, _ in problems}
    for spec in lt.fields:
        wrong = spec.name in bad and not strict and not _fits(spec, ctx.get(spec.name))
        if wrong:
            # a value of the wrong kind ({"x": 1} for a choice): the preview shows the field's
            # placeholder and the form checks report it, instead of a Python error for the page
            ctx[spec.name] = spec.empty()
        empty = ctx.get(spec.name) in ("", [], None)
        if spec.name in bad and spec.kind == "date" and not empty:
            ctx[spec.name] = ""  # not a date: the checks say so (FORM002), the letter leaves it out
            empty = True
        if strict or not empty or (spec.kind in ("bool", "choice", "signatory") and not wrong):
            continue
        # an empty signatory gets its placeholder from _signatory (it is an id, not text); a fact
        # typed in another language of the draft shows that text, bracketed, until translated
        typed = _typed_elsewhere(draft, spec, language)
        placeholder = Placeholder(typed or spec.label(language), required=spec.name in required)
        if spec.kind == "list":
            ctx[spec.name] = [placeholder] if spec.name in required else []
        else:
            ctx[spec.name] = placeholder
    ctx.update(_signatory(ctx, lt, language, strict, f"{draft.name} [{language}]"))
    if addressee is None and draft.series:
        addressee = series_preview(draft, language)
    if addressee is not None:
        ctx["addressee"] = addressee
        greeting = (getattr(addressee, "greeting", None) or {}).get(language)
        if greeting:  # the list's own greeting replaces the language's salutation
            ctx["words"] = {**ctx["words"], "salutation": [greeting]}
    elif not strict:
        ctx["addressee"] = addressees.placeholder(language)  # false in {% if addressee %}
    else:
        ctx["addressee"] = None  # one letter, not a series: clauses write "your Government"
    for spec in lt.fields:
        if spec.kind == "list" and isinstance(ctx.get(spec.name), list):
            # a series letter's addressee line: "{{ addressee|to(capital=True) }} (Rés. 99)"
            ctx[spec.name] = [MarkdownText(render_string(item, ctx, name=f"{draft.name} [{language}] field '{spec.name}'"))
                              if isinstance(item, str) and ("{{" in item or "{%" in item) else item
                              for item in ctx[spec.name]]
        if spec.kind == "prose" and isinstance(ctx.get(spec.name), str):
            ctx[spec.name] = MarkdownText(ctx[spec.name])
    with budget():  # the clauses and the subject: one render's time budget, like a template
        if lt.has_subject and not draft.value("subject", language):
            ctx["subject"] = MarkdownText(" ".join(render_clause(lt, SUBJECT, language, ctx).split()))
        ctx["body"] = MarkdownText(body_markdown(lt, draft, language, ctx, strict))
    return lt, ctx


def _typed_elsewhere(draft: Draft, spec, language: str) -> str:
    """A translatable text fact's value in another language of the draft (the first found)."""
    if not spec.translatable or spec.kind not in ("text", "reference"):
        return ""
    for lang, values in draft.languages.items():
        value = values.get(spec.name)
        if lang != language and isinstance(value, str) and value.strip():
            return value.strip()
    return ""


def clause_texts(draft: Draft, language: str) -> dict[str, str]:
    """clause id -> the type's own text of each clause in the letter, in ``language``, as the
    editor shows it (facts filled, ``[Label]`` for those not typed yet; overrides left aside)."""
    lt, ctx = _context(draft, language, strict=False)
    return {c.id: render_clause(lt, c.id, language, ctx) for c in lt.included(draft)}


def clause_markdown(lt: LetterType, draft: Draft, clause_id: str, language: str, ctx: dict) -> str:
    """A clause's text as the letter prints it: the drafter's override, else the type's text."""
    own = draft.override(language, clause_id)
    if own is not None:  # typed or pasted in the editor: cleaned like every value
        return clean_text(own.get("text", ""))[0]
    return render_clause(lt, clause_id, language, ctx)


def render_clause(lt: LetterType, clause_id: str, language: str, ctx: dict) -> str:
    """The type's text of a clause (or of the subject) in ``language`` with ``ctx``, as Markdown;
    a failure names the file, the line, the clause and the language."""
    source = lt.source(clause_id, language)
    if source is None:
        raise TemplateError(f"letter type '{lt.id}' has no clause '{clause_id}' in '{language}'")
    try:
        return compile_string(source).render(ctx).strip()
    except (Exception, RenderTimeout) as exc:  # noqa: BLE001 — one clear message for any failure
        err = explain(exc, "<template>")
        m = re.match(r"^<template>(?:, line (\d+))?: (.*)$", str(err), re.S)
        if not m:
            raise TemplateError(f"{lt.where(clause_id, language)}: {err}") from None
        first = lt.first_line(clause_id, language)
        line = first + int(m.group(1)) - 1 if m.group(1) and first else first
        what = lt.where(clause_id, language).split(": ", 1)[1]
        path = lt.clause_file.path if lt.clause_file else lt.folder
        raise TemplateError(f"{path}, line {line}: {what}: {m.group(2)}") from None


def body_markdown(lt: LetterType, draft: Draft, language: str, ctx: dict, strict: bool = True) -> str:
    """The body: each clause in the letter, free paragraphs after the clause they follow. Each
    part is marked with the field it comes from (``clause:ID`` / ``free:ID``), so the checks, the
    preview and the form agree on where a paragraph came from."""
    after: dict[str, list[dict]] = {}
    for block in draft.free:
        after.setdefault(block.get("after", ""), []).append(block)
    parts: list[str] = []

    def free(anchor: str) -> None:
        for block in after.pop(anchor, []):
            text = clean_text((block.get("text") or {}).get(language, ""))[0]
            if not text.strip():
                if strict:
                    continue
                entry = languages.get(language) or languages.get("en")
                text = "\\[" + entry.letter.get("placeholder_paragraph", "[…]").strip("[]") + "\\]"
            parts.append(f"<!-- paragraph field=free:{block['id']} -->\n{text.strip()}")

    free("")
    for clause in lt.clauses:
        if lt.is_on(draft, clause):
            text = clause_markdown(lt, draft, clause.id, language, ctx)
            if text.strip():
                parts.append(f"<!-- paragraph field=clause:{clause.id} -->\n{text.strip()}")
        free(clause.id)
    for anchor in list(after):  # placed after a clause the type does not have: at the end
        free(anchor)
    return "\n\n".join(parts) + ("\n" if parts else "")


def markdown_of(draft: Draft, language: str, *, strict: bool = True, addressee=None) -> str:
    """The letter as Markdown with block markers (the template's output); see ``_context`` for
    ``addressee``."""
    lt, ctx = _context(draft, language, strict, addressee)
    return render_template(lt.template_name(language), ctx)


def build_document(draft: Draft, language: str, *, strict: bool = True, addressee=None) -> Document:
    """The letter in ``language`` as a Document whose blocks know their draft fields (for
    ``addressee``, one letter of a series)."""
    lt, ctx = _context(draft, language, strict, addressee)
    text = render_template(lt.template_name(language), ctx)
    doc = parse_markdown(text, language, source=draft.name, keep_lines=False)
    doc.letter_type = draft.letter_type
    for block in doc.blocks:  # the clauses written by hand in this language, for the preview
        if (block.field or "").startswith("clause:") and draft.override(language, block.field[7:]):
            block.by_hand = True
    subject = ctx.get("subject") or ""
    doc.subject = str(subject) if isinstance(subject, str) and not isinstance(subject, Placeholder) else ""
    doc.title = doc.subject or lt.title(language)
    return doc
