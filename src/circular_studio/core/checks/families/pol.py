"""Policy: an invitation encourages women and young people in delegations."""
from __future__ import annotations

import re

from ...document import BlockKind
from ..registry import Example, Hit, register

FAMILY = "policy"
_INVITE = re.compile(r"invit|دعوة|يدعو|أدعو|ندعو|convocation", re.I)
# "Invitation to submit contributions / to express interest" are calls, not invitations to attend.
_CALL = re.compile(r"دعوة إلى (?:تقديم|إبداء)|contributions|expressions? (?:of|d') ?int[ée]r[eê]t|"
                   r"manifestation d'intérêt|call for", re.I)
# A subject naming a meeting, with a body asking for participants, is an invitation too
# ("Atelier sur …" / "المنتدى الإقليمي للتنمية" … "Les participants sont priés de s'inscrire").
_EVENT = re.compile(r"\b(?:meeting|workshop|forum|conference|summit|seminar|symposium|assembly|atelier|"
                    r"réunion|conférence|sommet|séminaire|colloque|assemblée|cyberdrill|exercise|exercice|"
                    r"training|formation|course|cours|dialogue|event|manifestation|session|hackathon)s?\b|"
                    r"(?<![\u0621-\u064a])(?:ال)?(?:منتدى|اجتماع|ورشة|مؤتمر|قمة|ندوة|جمعية)", re.I)
_ATTEND = re.compile(r"s'inscrire|inscription|\bregist(?:er|ration)\b|\bparticipants?\b|délégations?|"
                     r"delegations?|تسجيل|المشاركين|وفود|مشاركتكم", re.I)
# the body inviting the reader to an event ("I am pleased to invite you to the …", "je suis heureuse de
# vous inviter à cette conférence"), not to send something ("invite you to submit contributions")
_BODY_INVITE = re.compile(r"\b(?:invite you to (?:the|this|attend|participate|take part|join)|"
                          r"vous inviter (?:à (?:la|cette|ce|participer|assister|prendre part)|au |aux )|"
                          r"vous invite (?:à (?:la|cette|ce|participer|assister|prendre part)|au |aux ))", re.I)
_WOMEN = re.compile(r"femmes|women|النساء|المرأة|نساء|égalité (?:hommes-femmes|des genres|entre les sexes)|gender|الجنسين", re.I)
_YOUTH = re.compile(r"jeunes|jeunesse|young|youth|الشباب|شباب", re.I)


@register("POL001", "women-youth-delegations", family=FAMILY, severity="info",
          en="an invitation without the paragraph encouraging {missing} in delegations",
          fr="invitation sans le paragraphe encourageant la présence {missing_fr} dans les délégations",
          ar="دعوة تخلو من الفقرة التي تشجع على إشراك {missing_ar} في الوفود",
          what="An invitation that does not encourage Member States to include women and young people in "
               "their delegations.",
          why="ITU policy on gender equality (and PP Resolution 198 on youth) asks invitations to say so.",
          fix="Add the house paragraph (Conformément à la politique de l'UIT relative à l'égalité "
              "hommes-femmes … vous encourager à inclure des femmes et des jeunes au sein de votre délégation).",
          examples=[Example("fr", "Objet: Invitation à la CMDT-25\n\nMadame, Monsieur,\n\nJ'ai l'honneur de vous inviter.",
                            "Objet: Invitation à la CMDT-25\n\nMadame, Monsieur,\n\nJ'ai l'honneur de vous inviter. "
                            "Je vous encourage à inclure des femmes et des jeunes au sein de votre délégation."),
                    Example("en", "Subject: Invitation to WTDC-25\n\nDear Sir/Madam,\n\nI have the honour to invite you.",
                            "Subject: Invitation to WTDC-25\n\nDear Sir/Madam,\n\nI have the honour to invite you. "
                            "I encourage you to include women and young people in your delegation."),
                    Example("ar", "الموضوع: دعوة إلى المشاركة\n\nحضرات السادة والسيدات،\n\nيسعدني أن أدعوكم.",
                            "الموضوع: دعوة إلى المشاركة\n\nحضرات السادة والسيدات،\n\nيسعدني أن أدعوكم. "
                            "وأشجعكم على إشراك النساء والشباب في وفدكم.")])
def women_youth(ctx):
    subj = ctx.doc.blocks_of(BlockKind.SUBJECT)
    if ctx.letter_type:  # a draft (or a reader) that knows the type: no guessing
        is_invitation = ctx.letter_type.startswith("invitation")
    else:
        subject = subj[0][1].text if subj else ""
        body = "\n".join(t for i, t in enumerate(ctx.texts) if ctx.kind(i) == BlockKind.PARAGRAPH)
        is_invitation = not _CALL.search(subject) and (
            bool(_INVITE.search(subject)) or (bool(_EVENT.search(subject)) and bool(_ATTEND.search(body)))
            or (bool(_BODY_INVITE.search(body)) and bool(_ATTEND.search(body))))
    if not is_invitation:
        return
    body = "\n".join(ctx.texts)
    women, youth = bool(_WOMEN.search(body)), bool(_YOUTH.search(body))
    if women and youth:
        return
    missing = {"en": " and ".join(x for x, ok in (("women", women), ("young people", youth)) if not ok)}
    missing_fr = " et ".join(x for x, ok in (("des femmes", women), ("des jeunes", youth)) if not ok)
    missing_ar = " و".join(x for x, ok in (("النساء", women), ("الشباب", youth)) if not ok)
    at = subj[0][0] if subj else 0
    yield Hit(at, 0, 0, None, {"missing": missing["en"], "missing_fr": missing_fr,
                                "missing_ar": missing_ar})
