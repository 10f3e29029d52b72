"""Draft → Markdown → Document: the one path every view of a letter goes through.

``build_document`` is what the preview, the exporter and the checker call. ``strict=False`` (the
live preview) renders an incomplete draft with visible ``[Field]`` placeholders instead of failing,
so the page keeps up while the user types; export and the CLI use ``strict=True``.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from ..model import addressees, officials
from ..document import Document
from ..model.draft import Draft, clean_value
from ..errors import DraftError
from ..model.lettertypes import LetterType, letter_type
from .markdown import parse_markdown
from ..locale import languages
from .render import LENIENT, MarkdownText, as_date, render_string, render_template


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


def markdown_of(draft: Draft, language: str, *, strict: bool = True, addressee=None) -> str:
    """The letter as Markdown with block markers (the template's output).

    ``addressee`` (core/model/addressees.Addressee) makes this one letter of a series: templates
    and the draft's prose and list fields see it as ``addressee`` (``{{ addressee|to }}``). A
    series draft previewed without one (strict=False) sees a placeholder."""
    lt = letter_type(draft.letter_type)
    draft.context(language)  # the draft must have this language before the type is asked
    name = lt.template_name(language)
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
    bad = {f for f, _ in problems}
    for spec in lt.fields:
        if spec.name in bad and spec.kind == "date":
            ctx[spec.name] = "" if strict else dt.date.today().isoformat()
        elif spec.name in bad and not strict and not _fits(spec, ctx.get(spec.name)):
            # a value of the wrong kind ({"x": 1} for a choice): the preview shows the field's
            # placeholder and the form checks report it, instead of a Python error for the page
            ctx[spec.name] = spec.empty()
        # an empty signatory gets its placeholder from _signatory (it is an id, not text)
        if not strict and spec.required and spec.kind != "signatory" and ctx.get(spec.name) in ("", [], None):
            placeholder = f"[{spec.label(language)}]"
            ctx[spec.name] = [placeholder] if spec.kind == "list" else placeholder
    ctx.update(_signatory(ctx, lt, language, strict, f"{draft.name} [{language}]"))
    if addressee is None and draft.series:
        addressee = series_preview(draft, language)
    if addressee is not None:
        ctx["addressee"] = addressee
        greeting = (getattr(addressee, "greeting", None) or {}).get(language)
        if greeting:  # the list's own greeting replaces the language's salutation
            ctx["words"] = {**ctx["words"], "salutation": [greeting]}
    elif not strict:
        ctx["addressee"] = addressees.placeholder(language)
    for spec in lt.fields:
        if spec.kind == "list" and isinstance(ctx.get(spec.name), list):
            # a series letter's addressee line: "{{ addressee|to(capital=True) }} (Rés. 99)"
            ctx[spec.name] = [MarkdownText(render_string(item, ctx, name=f"{draft.name} [{language}] field '{spec.name}'"))
                              if isinstance(item, str) and ("{{" in item or "{%" in item) else item
                              for item in ctx[spec.name]]
        if spec.kind == "prose" and isinstance(ctx.get(spec.name), str):
            text = ctx[spec.name]
            if "{{" in text or "{%" in text:
                text = render_string(text, ctx, name=f"{draft.name} [{language}] field '{spec.name}'")
            ctx[spec.name] = MarkdownText(text)
    return render_template(name, ctx)


def build_document(draft: Draft, language: str, *, strict: bool = True, addressee=None) -> Document:
    """The letter in ``language`` as a Document whose blocks know their draft fields (for
    ``addressee``, one letter of a series)."""
    text = markdown_of(draft, language, strict=strict, addressee=addressee)
    doc = parse_markdown(text, language, source=draft.name, keep_lines=False)
    doc.letter_type = draft.letter_type
    subject = draft.value("subject", language) or ""
    doc.subject = subject if isinstance(subject, str) else ""
    doc.title = doc.subject or letter_type(draft.letter_type).title(language)
    return doc
