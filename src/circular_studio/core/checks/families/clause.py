"""Clauses: what the drafter wrote by hand against the letter type's standard paragraphs. An
override keeps the facts it was written with, so a later change of those facts is flagged; text
kept from a clause the type no longer has, a required clause left out and a free paragraph not
written in every language are reported too. Only drafts have clauses."""
from __future__ import annotations

from ...errors import StudioError
from ..registry import Example, Hit, register
from ...model.lettertypes import letter_type

FAMILY = "clause"

_FACTS = {"letter_date": "2025-03-03", "sector": "SG", "signatory": "doreen-bogdan-martin",
          "reference": "CL-25/12", "event_name": "la Conférence mondiale", "event_acronym": "CMDT-25",
          "venue": "Bakou", "start_date": "2025-11-17", "end_date": "2025-11-28",
          "deadline": "2025-09-30", "info_url": "https://www.itu.int/wtdc25/", "addressees": ["États Membres"]}
_ANNOUNCE = "La Conférence mondiale se tiendra à Bakou, du 17 au 28 novembre 2025."
_OVERRIDE = {"overrides": {"fr": {"announce": {"text": _ANNOUNCE, "facts": {
    "event_name": "la Conférence mondiale", "event_acronym": "CMDT-25", "venue": "Bakou",
    "start_date": "2025-11-17", "end_date": "2025-11-28", "host": ""}}}}}


def _type(ctx):
    draft = ctx.draft
    if draft is None or not hasattr(draft, "overrides"):
        return None
    try:
        return letter_type(draft.letter_type)
    except StudioError:
        return None


def _block(ctx, field: str) -> tuple[int, int]:
    for i, block in enumerate(ctx.doc.blocks):
        if block.field == field:
            return i, len(block.text)
    return 0, 0


def _shown(value) -> str:
    if value in (None, "", []):
        return "—"
    return "; ".join(value) if isinstance(value, list) else str(value)


@register("CLAUSE001", "override-facts-changed", family=FAMILY, severity="warning",
          en="the text of \"{clause}\" was written by hand when \"{fact}\" was {old}; it is now {new}: "
             "check that the text still says the right thing, or go back to the standard text",
          fr="le texte de « {clause} » a été écrit à la main quand « {fact} » valait {old}; il vaut "
             "maintenant {new}: vérifiez que le texte dit toujours juste, ou revenez au texte type",
          ar="كُتب نص \"{clause}\" يدوياً عندما كان \"{fact}\" {old}، وهو الآن {new}: تحقق من أن النص "
             "ما زال صحيحاً أو عُد إلى النص الموحد",
          what="A clause (standard paragraph) whose text the drafter replaced in this language, when a "
               "fact the standard text prints (a date, the venue, the event) has changed since.",
          why="The standard text follows the facts; a hand-written one does not: the letter would "
              "say one date in the subject and another in the paragraph.",
          fix="Edit the paragraph (editing it marks it as checked against the new facts) or reset it "
              "to the standard text.",
          examples=[Example("fr", _ANNOUNCE, _ANNOUNCE, letter_type="invitation",
                            fields={**_FACTS, "start_date": "2025-11-18"},
                            options={"good_fields": _FACTS, "draft": _OVERRIDE, "good_draft": _OVERRIDE})])
def override_outdated(ctx):
    lt = _type(ctx)
    if lt is None:
        return
    for cid, own in (ctx.draft.overrides.get(ctx.language) or {}).items():
        clause = lt.clause(cid)
        if clause is None or not isinstance(own, dict) or not lt.is_on(ctx.draft, clause):
            continue
        for name, old in sorted((own.get("facts") or {}).items()):
            spec = lt.field(name)
            new = ctx.draft.value(name, ctx.language if spec is not None and spec.translatable else None)
            if (old or None) != (new or None):
                block, end = _block(ctx, f"clause:{cid}")
                label = spec.label(ctx.ui_language) if spec is not None else name
                yield Hit(block, 0, end, None, {"clause": clause.label(ctx.ui_language), "fact": label,
                                                "old": _shown(old), "new": _shown(new),
                                                "field": f"clause:{cid}", "key": name})
                break


_REMOVED = {"free": [{"id": "p1", "after": "", "text": {"fr": "Texte d'un ancien paragraphe."},
                      "from_clause": "old_clause"}]}
_KEPT = {"free": [{"id": "p1", "after": "", "text": {"fr": "Texte d'un ancien paragraphe."}}]}


@register("CLAUSE002", "removed-clause-kept", family=FAMILY, severity="warning",
          en="this paragraph was the clause \"{clause}\", which the letter type no longer has: it is "
             "kept as a free paragraph; read it again",
          fr="ce paragraphe était la clause « {clause} », que le type de lettre n'a plus: il est "
             "conservé comme paragraphe libre; relisez-le",
          ar="كانت هذه الفقرة هي البند \"{clause}\" الذي لم يعد موجوداً في نوع الرسالة: احتُفظ بها "
             "كفقرة حرة؛ أعد قراءتها",
          what="A draft wrote its own text for a clause that the letter type has since dropped or "
               "renamed. Nothing typed is lost: the text became a free paragraph at the end.",
          why="The paragraph may now be out of place or say what another clause already says.",
          fix="Read the paragraph, move or delete it; editing it clears this warning.",
          examples=[Example("fr", "Texte d'un ancien paragraphe.", "Texte d'un ancien paragraphe.",
                            letter_type="invitation", fields=_FACTS,
                            options={"draft": _REMOVED, "good_draft": _KEPT})])
def removed_clause(ctx):
    if _type(ctx) is None:
        return
    for block in ctx.draft.free:
        if block.get("from_clause") and (block.get("text") or {}).get(ctx.language, "").strip():
            at, end = _block(ctx, f"free:{block['id']}")
            yield Hit(at, 0, end, None, {"clause": block["from_clause"], "field": f"free:{block['id']}"})


@register("CLAUSE003", "required-clause-off", family=FAMILY, severity="info",
          en="the standard paragraph \"{clause}\" of this letter type is not in the letter",
          fr="le paragraphe type « {clause} » de ce type de lettre n'est pas dans la lettre",
          ar="الفقرة الموحدة \"{clause}\" لهذا النوع من الرسائل غير موجودة في الرسالة",
          what="A clause the letter type requires is switched off, as in drafts converted from the "
               "first draft format, whose whole body was typed by hand.",
          why="Letters of this type normally carry this paragraph; the hand-written text may say it "
              "already, or may have left it out.",
          fix="Switch the clause on in the form, or leave it off if the letter says it otherwise.",
          examples=[Example("fr", "Madame, Monsieur,", "Madame, Monsieur,", letter_type="invitation",
                            fields=_FACTS, options={"draft": {"clauses": {"announce": False}}})])
def required_clause_off(ctx):
    lt = _type(ctx)
    if lt is None or ctx.language != next(iter(ctx.draft.languages), ctx.language):
        return
    for clause in lt.clauses:
        if clause.required and not lt.is_on(ctx.draft, clause):
            yield Hit(0, 0, 0, None, {"clause": clause.label(ctx.ui_language), "field": f"clause:{clause.id}",
                                      "key": clause.id})


_UNTRANSLATED = {"free": [{"id": "p1", "after": "", "text": {"fr": "", "en": "An extra paragraph."}}]}
_TRANSLATED = {"free": [{"id": "p1", "after": "", "text": {"fr": "Un paragraphe de plus.",
                                                            "en": "An extra paragraph."}}]}


@register("CLAUSE004", "free-paragraph-not-translated", family=FAMILY, severity="warning",
          en="a paragraph written in {others} is missing in this language",
          fr="un paragraphe écrit en {others} manque dans cette langue",
          ar="فقرة مكتوبة بلغة أخرى ({others}) غير موجودة بهذه اللغة",
          what="A free paragraph (text added between the standard paragraphs) that has text in "
               "another language of the draft and none in this one.",
          why="The language versions of one letter must say the same thing.",
          fix="Write the paragraph in this language, or delete it from the others.",
          examples=[Example("fr", "Madame, Monsieur,", "Madame, Monsieur,", letter_type="invitation",
                            fields=_FACTS, options={"draft": _UNTRANSLATED, "good_draft": _TRANSLATED,
                                                    "other_versions": {"en": ""}})])
def free_untranslated(ctx):
    if _type(ctx) is None:
        return
    for block in ctx.draft.free:
        texts = block.get("text") or {}
        if (texts.get(ctx.language) or "").strip():
            continue
        others = [lang for lang in ctx.draft.languages if lang != ctx.language and (texts.get(lang) or "").strip()]
        if others:
            at, end = _block(ctx, f"free:{block['id']}")
            yield Hit(at, 0, end, None, {"others": ", ".join(others), "field": f"free:{block['id']}"})
