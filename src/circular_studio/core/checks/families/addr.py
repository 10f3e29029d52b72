"""Addressees: a Member State's name not written as the register writes it."""
from __future__ import annotations

from ...locale.text import masked
from ...model.addressees import misspelt_addressee
from ..registry import Example, Hit, register

FAMILY = "addressees"


@register("ADDR001", "addressee-name-form", family=FAMILY, severity="warning",
          en="\"{found}\" is not how the Member States register writes it: \"{expected}\"",
          fr="« {found} » n'est pas la forme du registre des États Membres: « {expected} »",
          ar="\"{found}\" ليس بالصيغة الواردة في سجل الدول الأعضاء: \"{expected}\"",
          what="A Member State's name written without its accents or other letters of the register "
               "(Etat de Palestine, Republique de Coree, دوله فلسطين), or, in French and Spanish, "
               "with the wrong preposition and article before it (à le Royaume-Uni, au Cuba, de Haïti, "
               "a el Reino Unido).",
          why="The addressee's name is the first thing its reader sees; a State's name misspelt or "
              "its article wrong reads as careless, and series letters repeat the mistake 194 times.",
          fix="Write the name as the register has it (the fix); in a draft, take the addressee "
              "from the register and let the template write it.",
          examples=[Example("fr", "J'ai l'honneur d'**inviter** par la présente **l'Etat de Palestine** "
                                  "à envoyer une délégation.",
                            "J'ai l'honneur d'**inviter** par la présente **l'État de Palestine** "
                            "à envoyer une délégation."),
                    Example("fr", "Une invitation a été adressée à le Royaume-Uni et de Haïti.",
                            "Une invitation a été adressée au Royaume-Uni et d'Haïti."),
                    Example("es", "Se invita a el Reino Unido a participar.",
                            "Se invita al Reino Unido a participar."),
                    Example("ar", "إلى دوله فلسطين", "إلى دولة فلسطين")])
def addressee_name_form(ctx):
    for i, text, lang in ctx.blocks():
        for (start, end), expected in misspelt_addressee(masked(text), lang):
            yield Hit(i, start, end, expected, {"found": text[start:end], "expected": expected})
