"""``circular-studio words``: the words of letters that the spelling dictionaries do not know
(``--unknown``, the default) or the Arabic vocabulary of correct letters (``--vocab``), to grow
the house word lists in resources/wordlists/ by review."""
from __future__ import annotations

from circular_studio.core.checks.context import CheckContext
from circular_studio.core.checks.engine import prepare
from circular_studio.core.checks.families.spell import words_to_check
from circular_studio.core.intake.letters import load_letter
from circular_studio.core.locale.spelling import ar_ok, latin_ok
from circular_studio.core.locale.text import strip_marks


def add_parser(sub) -> None:
    p = sub.add_parser("words", help="list the words the spelling dictionaries do not know",
                       description="Print the words of LETTER files that no dictionary or house word "
                                   "list knows (review them before adding them to "
                                   "resources/wordlists/<lang>.txt), or with --vocab the Arabic words "
                                   "of correct letters for ar_vocab.txt.")
    p.add_argument("letters", nargs="+", metavar="LETTER")
    p.add_argument("--vocab", action="store_true", help="print the Arabic vocabulary instead")


def unknown_words(paths, vocab: bool = False) -> list[str]:
    seen: set[str] = set()
    for path in paths:
        for doc, _draft in load_letter(path):
            ctx = CheckContext(prepare(doc), None, doc.language)
            for lang in ("ar", "fr", "en"):
                for _i, _s, _e, word, _ss in words_to_check(ctx, lang):
                    w = strip_marks(word) if lang == "ar" else word
                    if vocab:
                        if lang == "ar":
                            seen.add(w)
                    elif (lang == "ar" and not ar_ok(w)) or (lang != "ar" and not latin_ok(w, lang)):
                        seen.add(f"{lang}\t{w}")
    return sorted(seen)


def run(args) -> int:
    for w in unknown_words(args.letters, args.vocab):
        print(w)
    return 0
