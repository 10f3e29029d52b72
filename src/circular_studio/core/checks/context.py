"""What the checks see: the document, the draft (when there is one), each block's language, and
facts worked out once (the letter's date, the event, the deadline, the signatory)."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from ..document import BlockKind, Document
from ..intake.signature import find_signature
from ..locale.langdetect import detect
from ..locale import datetext, spelling
from ..locale.datetext import DateMention
from ..locale import languages
from ..intake.classify import patterns
from ..intake.classify import _places
from ..caching import text_cache


@dataclass
class Fact:
    """A fact of the letter and where it is written (block index and span), if anywhere."""

    value: object
    block: int | None = None
    start: int = 0
    end: int = 0
    from_draft: bool = False


@lru_cache(maxsize=1)
def _FUSED_DATE_LEAD():  # noqa: N802 - a compiled pattern, built on first use
    """What stands right before a date that is the letter's date: a place of house.json
    ("Geneva, ") or a date label of the language table ("Date:")."""

    labels = [w for e in languages.ordered() for w in e.part("date_label")]
    alt = "|".join(_places() + [re.escape(w) + r"\s*[:：]" for w in labels]) or "(?!)"
    return re.compile(rf"(?:^|[\s/])(?:{alt})\s*[,،]?\s*(?:le\s+)?$", re.I)


@text_cache(maxsize=4096)
def _by_dictionaries(text: str, lang: str) -> str:
    """A short paragraph (a heading, "Ladies and gentlemen,") has too few common words for the
    guesser, which gives it the letter's language: if that language's dictionary knows few of
    its words and another language's of the same script knows nearly all, it is in that one
    (the English lines of a statement in French, the French lines of an English one)."""
    words = [w for w in re.findall(r"[A-Za-zÀ-ÿœŒ']+", text) if len(w) > 1 and not w.isupper()]
    if not words or len(words) > 14:
        return lang
    entry = languages.get(lang)
    if entry is None or entry.script != "Latn":
        return lang

    # only the languages the table marks for this (``[spelling] guess``): loading a Hunspell
    # dictionary costs 150-400 ms, and a French letter must not pay for Spanish or Portuguese
    dicts = {e.code: spelling.dictionary(e.code) for e in languages.ordered()
             if e.script == "Latn" and e.data.get("spelling", {}).get("guess")}
    dicts = {c: d for c, d in dicts.items() if d is not None}
    if lang not in dicts:
        return lang
    known = {c: {w for w in words if d.check(w) or d.check(w.lower())} for c, d in dicts.items()}
    # over the words some dictionary knows: names (Houlin Zhao) say nothing of the language
    pool = set().union(*known.values())
    if len(pool) < 1:
        return lang
    cover = {c: len(k) / len(pool) for c, k in known.items()}
    best = max(cover, key=lambda c: (cover[c], c == lang))
    if best != lang and cover[best] >= 0.8 and cover[best] >= cover[lang] + 0.3:
        return best
    return lang


def _iso(value) -> dt.date | None:
    """A draft's date fact, or None when it is not one (the form checks say why)."""
    if isinstance(value, str):
        try:
            value = dt.date.fromisoformat(value.strip()[:10])
        except ValueError:
            return None
    if isinstance(value, dt.date) and datetext.plausible_year(value.year):
        return value
    return None


@dataclass
class CheckContext:
    doc: Document
    draft: object | None = None  # core.draft.Draft
    language: str = "en"  # the letter's language
    ui_language: str = "en"  # language of the messages
    bidi_display: bool = True
    language_given: bool = False  # the caller named the language: do not guess it per paragraph
    explicit_direction: bool = False  # paragraphs carry their own direction (a .docx)
    versions: dict = field(default_factory=dict)  # {lang: Document or None}: other language versions
    profile: str = "itu"  # the style profile (registry.PROFILES): house rules apply to "itu" only

    @cached_property
    def signature(self):
        """The letter's signature as read by core/intake/signature.py (worked out once)."""
        return find_signature(self)

    @cached_property
    def texts(self) -> list[str]:
        return [b.text for b in self.doc.blocks]

    @cached_property
    def langs(self) -> list[str]:
        """Language of each block (the letter's language unless the block is clearly another)."""
        given = self.language_given
        out = []
        for t in self.texts:
            if given:
                out.append(self.language)
            else:
                out.append(_by_dictionaries(t, detect(t, self.language) or self.language))
        return out

    def blocks(self, languages=None, kinds=None):
        """(index, text, language) for the blocks in ``languages`` / of ``kinds``."""
        for i, b in enumerate(self.doc.blocks):
            if languages is not None and self.langs[i] not in languages:
                continue
            if kinds is not None and b.kind not in kinds:
                continue
            yield i, self.texts[i], self.langs[i]

    def kind(self, i: int) -> BlockKind:
        return self.doc.blocks[i].kind

    def fact(self, name: str):
        if self.draft is None:
            return None
        try:
            return self.draft.value(name, self.language)
        except Exception:  # noqa: BLE001 - a draft value of an odd type is no fact
            return None

    # ---- dates -----------------------------------------------------------------------------
    @cached_property
    def dates(self) -> list[DateMention]:
        out: list[DateMention] = []
        for i, t in enumerate(self.texts):
            out.extend(datetext.find_dates(i, t, self.reading_languages))
        return out

    @cached_property
    def reading_languages(self) -> frozenset[str]:
        """The languages whose dates and cue words are read: the letter's and its blocks'."""
        return frozenset(self.langs) | {self.language}

    @cached_property
    def deadline_cues(self):
        return datetext.deadline_cues(self.reading_languages)

    @cached_property
    def event_cues(self):
        return datetext.event_cues(self.reading_languages)

    @cached_property
    def letter_date(self) -> Fact | None:
        """The letter's date: the draft's ``letter_date``, else the date line."""
        d = _iso(self.fact("letter_date"))
        loc = self._date_line_mention
        if d:
            if loc:
                return Fact(d, loc.block, loc.start, loc.end, True)
            return Fact(d, None, 0, 0, True)
        if loc and loc.date():
            return Fact(loc.date(), loc.block, loc.start, loc.end)
        return None

    @cached_property
    def _date_line_mention(self) -> DateMention | None:
        for m in self.dates:
            if self.kind(m.block) == BlockKind.DATE_LINE:
                return m
        # a date line fused with another header line in a letter drafted elsewhere ("Ref.: DM-…
        # Geneva, 18 December 2009", "TSB/ST / Geneva, 16 March 2005To: …", "Date:16 September
        # 1997 Time: …"): a date after a place or a date label, above the salutation
        sal = [i for i, b in enumerate(self.doc.blocks) if b.kind == BlockKind.SALUTATION]
        stop = sal[0] if sal else min(len(self.doc.blocks), 12)
        for m in self.dates:
            # the lead stands right before the date: 80 characters, searched in place ('^' keeps
            # its meaning, the real start of the text); the whole text before each date of a
            # paragraph of dates made this quadratic (77,000 characters: 14 s)
            if m.block < stop and _FUSED_DATE_LEAD().search(self.texts[m.block], max(0, m.start - 80), m.start):
                return m
        return None

    @cached_property
    def event(self) -> tuple[Fact, Fact | None] | None:
        """(start, end) of the event: the draft's start_date/end_date, else a date or range that
        follows "will be held" / "se tiendra" / "سيعقد" in the same sentence."""
        s, e = _iso(self.fact("start_date")), _iso(self.fact("end_date"))
        if s:
            return Fact(s, from_draft=True), (Fact(e, from_draft=True) if e else None)
        # A letter may announce side events ("an information session will take place on 27
        # September … the workshop will be held from 17 to 19 November"): a range in the subject
        # names the event; else the first range after an event cue; else the first such date.
        subject, ranges, singles = [], [], []
        for m in self.dates:
            if m.is_range_end or self.kind(m.block) == BlockKind.DATE_LINE:
                continue
            if self.kind(m.block) == BlockKind.SUBJECT:
                if m.range_end is not None:
                    subject.append(m)
                continue
            if datetext.cue_before(self.texts[m.block], m.start, self.event_cues):
                (ranges if m.range_end is not None else singles).append(m)
        for m in subject + ranges + singles:
            start = m.date(self._year_for(m))
            if start is None:
                continue
            end = m.range_end.date(self._year_for(m.range_end)) if m.range_end else None
            f_end = Fact(end, m.block, m.range_end.start, m.range_end.end) if end else None
            return Fact(start, m.block, m.start, m.end), f_end
        return None

    @cached_property
    def deadlines(self) -> list[tuple[Fact, DateMention | None]]:
        """Deadlines: the draft's ``deadline``, else dates after "avant le" / "by" / "قبل"…"""
        out = []
        for m in self.dates:
            if m.is_range_end or m.range_end is not None or self.kind(m.block) == BlockKind.DATE_LINE:
                continue
            if datetext.cue_before(self.texts[m.block], m.start, self.deadline_cues, 60):
                day = m.date(self._year_for(m))
                if day:
                    out.append((Fact(day, m.block, m.start, m.end), m))
        d = _iso(self.fact("deadline"))
        if not d:
            return out
        # the draft's deadline first, placed where the letter writes it (else nowhere: the checks
        # report it on the draft's field); then any other deadline the prose gives
        written = next(((f, m) for f, m in out if f.value == d), None) or next(
            ((Fact(d, m.block, m.start, m.end), m) for m in self.dates
             if not m.is_range_end and m.date(self._year_for(m)) == d), None)
        draft_fact = (Fact(d, written[0].block, written[0].start, written[0].end, True), written[1]) \
            if written else (Fact(d, from_draft=True), None)
        return [draft_fact] + [(f, m) for f, m in out if f.value != d]

    def _year_for(self, m: DateMention) -> int | None:
        """The year of a date written without one: the year written with a later date of the same
        sentence ("the meetings of 14 February, 3-4 April and 17-18 July 1997"); else, above the
        date line (a header naming past meetings), the letter's year; else the first on or after
        the letter's date."""
        if m.year is not None:
            return m.year
        text = self.texts[m.block]
        for other in self.dates:
            if other.block == m.block and other.start > m.start and other.year is not None \
                    and other.month >= m.month and not re.search(r"[.!?;]\s", text[m.end:other.start]):
                return other.year
        ld = self.letter_date
        if not ld:
            return None
        y = ld.value.year
        if ld.block is not None and m.block < ld.block:
            return y
        if (m.month, m.day) < (ld.value.month, ld.value.day):
            y += 1
        return y

    resolve_year = _year_for

    # ---- letter shape ------------------------------------------------------------------------
    @cached_property
    def letter_type(self) -> str | None:
        if self.draft is not None and getattr(self.draft, "letter_type", None):
            return self.draft.letter_type
        return self.doc.letter_type

    @cached_property
    def is_letter(self) -> bool:
        """A letter, not a resolution, a report or a speech: at least two parts of a letter, one
        of them a part a speech has not (a speech opens with "Excellencies, …" under a date but
        carries no reference, subject or closing formula)."""
        kinds = {b.kind for b in self.doc.blocks}
        parts = {BlockKind.DATE_LINE, BlockKind.SALUTATION, BlockKind.CLOSING, BlockKind.SIGNATURE,
                 BlockKind.SUBJECT, BlockKind.REFERENCE}
        letter_only = {BlockKind.CLOSING, BlockKind.REFERENCE, BlockKind.SIGNED}
        if self.draft is not None:
            return True

        # a subject with its label ("Objet:"); the line above the salutation taken for a subject
        # is as likely a speech's heading
        labelled = any(b.kind == BlockKind.SUBJECT and patterns().SUBJECT.match(b.text) for b in self.doc.blocks)
        return len(kinds & parts) >= 2 and (bool(kinds & letter_only) or labelled)
