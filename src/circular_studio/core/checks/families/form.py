"""Form: a draft's fields against its letter type's schema (required fields left empty, values
that are not what the field holds). Only drafts have fields; letters drafted elsewhere are
judged on their text by the other families."""
from __future__ import annotations

from ...errors import StudioError
from ..registry import Example, Hit, register
from ...model.lettertypes import letter_type

FAMILY = "form"

_FACTS = {"letter_date": "2024-10-31", "sector": "SG", "signatory": "doreen-bogdan-martin",
          "event_name": "CMDT-25", "start_date": "2025-11-17", "end_date": "2025-11-28",
          "subject": "Invitation", "addressees": ["États Membres"], "venue": "Genève (Suisse)",
          "reference": "CL-24/49", "deadline": "2025-06-30", "info_url": "https://www.itu.int/wtdc25/"}


def _fields(ctx):
    """(FieldSpec, value, required) for each field this language version must judge: required
    by the schema or by a clause in the letter. Shared facts are judged once, in the draft's
    first language, so they are listed once."""
    draft = ctx.draft
    if draft is None:
        return
    try:
        lt = letter_type(draft.letter_type)
        required = lt.required_facts(draft)
    except StudioError:
        return
    first = next(iter(draft.languages), ctx.language)
    for spec in lt.fields:
        if not spec.translatable and ctx.language != first:
            continue
        yield spec, draft.value(spec.name, ctx.language if spec.translatable else None), spec.name in required


def _where(ctx, spec) -> tuple[int, int, int]:
    """(block, start, end): the field's placeholder where the letter prints it, else the block
    that shows the field, else the top of the letter."""
    mark = f"[{spec.label(ctx.language)}]"
    for i, block in enumerate(ctx.doc.blocks):
        at = block.text.find(mark)
        if at >= 0:
            return i, at, at + len(mark)
    for i, block in enumerate(ctx.doc.blocks):
        if block.field == spec.name:
            return i, 0, len(block.text)
    return 0, 0, 0


@register("FORM001", "required-field-empty", family=FAMILY, severity="error",
          en="the required field \"{label}\" is empty",
          fr="le champ obligatoire « {label} » est vide",
          ar="الحقل الإلزامي \"{label}\" فارغ",
          what="A field the letter type marks as required (addressees, signatory, event dates…), or "
               "that a clause in the letter needs (the fellowship paragraph needs its deadline), is "
               "still empty in the draft.",
          why="The letter cannot be exported: the preview shows a [placeholder] where the field goes.",
          fix="Fill in the field.",
          examples=[Example("fr", "J'ai l'honneur de vous informer que [Nom de l'événement] se tiendra à Genève.",
                            "J'ai l'honneur de vous informer que la CMDT-25 se tiendra à Genève.",
                            letter_type="invitation", fields={**_FACTS, "event_name": ""},
                            options={"good_fields": _FACTS}),
                    Example("fr", "Objet: Invitation", "Objet: Invitation", letter_type="invitation",
                            fields={**_FACTS, "signatory": ""}, options={"good_fields": _FACTS})])
def required_empty(ctx):
    for spec, value, required in _fields(ctx):
        if required and value in (None, "", []):
            block, start, end = _where(ctx, spec)
            yield Hit(block, start, end, None, {"label": spec.label(ctx.ui_language), "field": spec.name})


@register("FORM002", "field-value-invalid", family=FAMILY, severity="error",
          en="the field \"{label}\": {why}",
          fr="le champ « {label} »: {why}",
          ar="الحقل \"{label}\": {why}",
          what="A field whose value is not of its kind: a date that is not YYYY-MM-DD, an e-mail "
               "address or telephone number that is not one, a choice outside its options.",
          why="The letter would print a wrong or unreadable fact, and export refuses it.",
          fix="Correct the value (dates as YYYY-MM-DD, telephone as +41 22 730 5614).",
          examples=[Example("fr", "Courriel: wtdc-at-itu.int", "Courriel: wtdc@itu.int", letter_type="invitation",
                            fields={**_FACTS, "contact_email": "wtdc-at-itu.int"},
                            options={"good_fields": {**_FACTS, "contact_email": "wtdc@itu.int"}}),
                    Example("fr", "Genève, le 31 octobre 2024", "Genève, le 31 octobre 2024",
                            letter_type="invitation", fields={**_FACTS, "deadline": "31/12/2024"},
                            options={"good_fields": {**_FACTS, "deadline": "2024-12-31"}})])
def invalid_value(ctx):
    for spec, value, _required in _fields(ctx):
        why = spec.validate(value, ctx.ui_language)
        if why:
            block, start, end = _where(ctx, spec)
            yield Hit(block, start, end, None, {"label": spec.label(ctx.ui_language), "why": why,
                                                "field": spec.name})
