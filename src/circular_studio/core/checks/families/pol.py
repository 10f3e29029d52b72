"""Policy: an invitation encourages women and young people in delegations."""
from __future__ import annotations

import re
from functools import lru_cache

from ...document import BlockKind
from ...locale import languages
from ..registry import Example, Hit, register

FAMILY = "policy"


def _rx(key: str, whole_words: bool = False) -> re.Pattern:
    """The table's ``[read] key`` words of every language as one regex; Latin-script words whole
    (with a plural -s) when ``whole_words``."""
    parts = []
    for entry in languages.ordered():
        words = entry.words(key)
        if not words:
            continue
        alt = "|".join(words)
        parts.append(rf"\b(?:{alt})s?\b" if whole_words and entry.script == "Latn" else f"(?:{alt})")
    return re.compile("|".join(parts) or "(?!)", re.I)


@lru_cache(maxsize=1)
def _words() -> dict[str, re.Pattern]:
    """What makes a letter an invitation, and the paragraph it needs, in every language."""
    return {"invite": _rx("invite"), "call": _rx("call"), "event": _rx("event_words", True),
            "attend": _rx("attend"), "body_invite": _rx("body_invite"), "women": _rx("women"),
            "youth": _rx("youth")}


def _missing(lang: str, women: bool, youth: bool) -> str:
    """'women and young people', 'des femmes et des jeunes', 'النساء والشباب' — in ``lang``."""
    table = languages.language(lang).read.get("women_youth_missing", {})
    parts = [table.get(k, k) for k, ok in (("women", women), ("youth", youth)) if not ok]
    return table.get("joiner", " and ").join(parts)


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
                            "وأشجعكم على إشراك النساء والشباب في وفدكم."),
                    Example("es", "Asunto: Invitación a la CMDT-25\n\nMuy Señora mía/Muy Señor mío:\n\nTengo el honor de invitarle.",
                            "Asunto: Invitación a la CMDT-25\n\nMuy Señora mía/Muy Señor mío:\n\nTengo el honor de invitarle. "
                            "Le aliento a incluir mujeres y jóvenes en su delegación."),
                    Example("ru", "Предмет: Приглашение на ВКРЭ-25\n\nУважаемая госпожа, уважаемый господин,\n\nИмею честь пригласить Вас.",
                            "Предмет: Приглашение на ВКРЭ-25\n\nУважаемая госпожа, уважаемый господин,\n\nИмею честь пригласить Вас. "
                            "Призываю Вас включить в состав делегации женщин и молодежь."),
                    Example("zh", "事由：邀请参加WTDC-25\n\n尊敬的先生/女士：\n\n谨邀请贵方参加。",
                            "事由：邀请参加WTDC-25\n\n尊敬的先生/女士：\n\n谨邀请贵方参加。我鼓励贵方在代表团中纳入女性和青年代表。")])
def women_youth(ctx):
    subj = ctx.doc.blocks_of(BlockKind.SUBJECT)
    if ctx.letter_type:  # a draft (or a reader) that knows the type: no guessing
        is_invitation = ctx.letter_type.startswith("invitation")
    else:
        subject = subj[0][1].text if subj else ""
        body = "\n".join(t for i, t in enumerate(ctx.texts) if ctx.kind(i) == BlockKind.PARAGRAPH)
        w = _words()
        is_invitation = not w["call"].search(subject) and (
            bool(w["invite"].search(subject)) or (bool(w["event"].search(subject)) and bool(w["attend"].search(body)))
            or (bool(w["body_invite"].search(body)) and bool(w["attend"].search(body))))
    if not is_invitation:
        return
    body = "\n".join(ctx.texts)
    women, youth = bool(_words()["women"].search(body)), bool(_words()["youth"].search(body))
    if women and youth:
        return
    at = subj[0][0] if subj else 0
    yield Hit(at, 0, 0, None, {"missing": _missing("en", women, youth), "missing_fr": _missing("fr", women, youth),
                                "missing_ar": _missing("ar", women, youth)})
