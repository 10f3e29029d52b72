"""The check families, one module per code prefix; importing this package registers them all."""
from . import addr, ar, bidi, clause, date, form, lang, link, pol, ref, sign, spell, struct, term, typo, zh  # noqa: F401
