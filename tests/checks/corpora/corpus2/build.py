"""Second, independent evaluation corpus (corpus2): letters as a colleague really makes them.

clean/*.md are written by hand, as a person writes in a text editor (no block markers, bold labels,
"Réf.:"...). ``DEFECTS`` below injects defects (find → replace in the clean text) into defective/*.md,
and every clean and defective letter is also written to docx/ the way Word writes a letter:

- the letterhead in the page header; the date line right-aligned (or pushed right with tabs);
- the reference block and the addressees in a borderless TABLE, in one of three layouts:
  ``cells`` (one row: left cell = one paragraph per "Ref:/Contact:/…" line, right cell = "To:"…),
  ``rows`` (one row per reference line, the addressees in the right column),
  ``four`` (label | value | "To:" | addressee);
- text split into runs mid-word ("Secre" + "tary-General") with rsids, proofErr and bookmarks
  between them, as Word leaves them after edits; bold through run properties;
- links as w:hyperlink relationships (``links: rel``) or HYPERLINK field codes (``links: field``);
- numbered lists through the "List Number" style's numPr; empty paragraphs for spacing;
- signature name and title in separate paragraphs (``sig: paras``) or one paragraph with a line
  break (``sig: br``);
- Arabic: w:bidi paragraphs and a bidiVisual table, w:rtl only on runs of Arabic script, the LRM
  marks around a protected phone number in their own left-to-right run.

    .venv/bin/python tests/checks/corpus2/build.py      # writes defective/, docx/, manifest.json
"""
from __future__ import annotations

import json
import random
import re
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
CLEAN, DEFECTIVE, DOCX = HERE / "clean", HERE / "defective", HERE / "docx"
LRM, RLE, PDF, NBSP = "\u200e", "\u202b", "\u202c", "\u00a0"

# ---------------------------------------------------------------- presentation forms (a paste)
_NON_JOINING_LEFT = set("اأإآدذرزوؤةى")


def presentation_forms(word: str) -> str:
    """``word`` as text copied from a PDF: each letter in its contextual presentation form."""
    forms: dict[tuple[str, str], str] = {}
    for cp in list(range(0xFE70, 0xFEFF)) + list(range(0xFB50, 0xFDFF)):
        ch = chr(cp)
        dec = unicodedata.decomposition(ch).split()
        if len(dec) == 2 and dec[0] in ("<isolated>", "<final>", "<initial>", "<medial>"):
            forms.setdefault((chr(int(dec[1], 16)), dec[0][1:-1]), ch)
    out = []
    for i, ch in enumerate(word):
        prev_joins = i > 0 and word[i - 1] not in _NON_JOINING_LEFT and "\u0620" <= word[i - 1] <= "\u064a"
        next_exists = i + 1 < len(word) and "\u0620" <= word[i + 1] <= "\u064a"
        joins_next = next_exists and ch not in _NON_JOINING_LEFT
        form = {(True, True): "medial", (True, False): "final", (False, True): "initial",
                (False, False): "isolated"}[(prev_joins, joins_next)]
        out.append(forms.get((ch, form)) or forms.get((ch, "isolated")) or ch)
    return "".join(out)


PF_WORD = presentation_forms("والسيدات")


def d(family, find, replace, excerpt):
    return {"family": family, "find": find, "replace": replace, "excerpt": excerpt}


# ---------------------------------------------------------------- the letters and their defects
LETTERS = {
    "en01_sg_wsis20": {"layout": "cells", "links": "rel", "sig": "br", "defects": [
        d("DATE", "Monday, 7 July 2025", "Tuesday, 7 July 2025", "Tuesday"),
        d("REF", "Ref: CL-25/14", "Ref: CL-24/14", "CL-24/14"),
        d("SIGN", "Doreen Bogdan-Martin\nSecretary-General", "Houlin Zhao\nSecretary-General", "Houlin Zhao"),
        d("SPELL", "organized by the International Telecommunication Union", "organized by the International Telecomunication Union",
          "Telecomunication"),
        d("TYPO", "implementing the outcomes", "implementing the the outcomes", "the the"),
        d("LINK", "[www.itu.int/wsis20](https://www.itu.int/wsis20)", "[www.itu.int/wsis20](#)", "www.itu.int/wsis20"),
        d("LINK", "secretariat at wsis-info@itu.int.", "secretariat at wsis-info@itu.", "wsis-info@itu"),
        d("STRUCT", "Dear Sir/Madam,", "Dear Mr Smith,", ["Dear Mr Smith,", "Yours faithfully,"]),
        d("POL", "In line with the International Telecommunication Union policy on gender equality and Resolution 198 "
          "(Rev. Bucharest, 2022) of the Plenipotentiary Conference, I encourage you to include women and young "
          "people in your delegation.\n\n", "", None),
    ]},
    "en02_bdt_rdf": {"layout": "rows", "links": "field", "sig": "paras", "defects": [
        d("REF", "DM-25/1045", "DM-25/45", "DM-25/45"),
        d("DATE", "by 31 July 2025", "by 31 June 2025", "31 June 2025"),
        d("DATE", "from 15 to 17 September 2025, at", "from 17 to 15 September 2025, at", "17 to 15 September 2025"),
        d("SPELL", "wishing to receive", "wishing to recieve", "recieve"),
        d("LINK", "<https://www.itu.int/rdf-africa>", "http//www.itu.int/rdf-africa", "http//www.itu.int/rdf-africa"),
        d("LINK", "will take place in Kigali, Rwanda,", "will take place in {{ venue }},", "{{ venue }}"),
        d("TYPO", "Forum for Africa will take place", "Forum for Africa  will take place", "Africa  will"),
        d("SIGN", "Cosmas Luckyson Zavazava\nDirector", "Brahima Sanou, Director", "Brahima Sanou"),
    ]},
    "en03_tsb_sg17": {"layout": "four", "links": "field", "sig": "paras", "tab_date": True, "defects": [
        d("SIGN", "Seizo Onoe", "Houlin Zhao", "Houlin Zhao"),
        d("DATE", "by 10 February 2025", "by 10 February 2024", "10 February 2024"),
        d("DATE", "no later than 27 March 2025", "no later than 27 April 2025", "27 April 2025"),
        d("TYPO", "input to WRC-27", "input to WRC 27", "WRC 27"),
        d("TYPO", "Resolution 99 (Rev. Dubai, 2018)", "Resolution 99 (Dubai 2018)", "Resolution 99 (Dubai 2018)"),
        d("SPELL", "Delegates are invited", "Each delegaton is invited", "delegaton"),
        d("LINK", "E-mail: tsbsg17@itu.int", "E-mail: tsbsg17@itu", "tsbsg17@itu"),
        d("TYPO", "enjoyable meeting.", "enjoyable meeting!!", "!!"),
        d("LINK", "at 09:30 on Wednesday, 9 April 2025.", "at 09:30 on [DATE].", "[DATE]"),
        d("STRUCT", "Yours faithfully,\n\n", "", None),
    ]},
    "en04_dsg_named": {"layout": "cells", "links": "rel", "sig": "br", "defects": [
        d("STRUCT", "Yours sincerely,", "Yours faithfully,", ["Dear Mr Smith,", "Yours faithfully,"]),
        d("LINK", "by 2 December 2024", "by XXX", "XXX"),
        d("LINK", "Further details are available", "TODO add the agenda. Further details are available", "TODO"),
        d("LINK", "[Council website](https://www.itu.int/council)", "[Council website]()", "Council website"),
        d("SPELL", "the secretariat will circulate", "the secretariet will circulate", "secretariet"),
        d("TYPO", "so that Member States can", "so that Member States,, can", ",,"),
        d("DATE", "on 13 and 14 January 2025", "on Tuesday 13 and Wednesday 14 January 2025", "Tuesday"),
        d("SIGN", "Tomas Lamanauskas\nDeputy Secretary-General", "Tomas Lamanauskas\nSecretary-General",
          "Secretary-General"),
    ]},
    "fr01_sg_aiforgood": {"layout": "cells", "links": "field", "sig": "br", "defects": [
        d("SIGN", "Doreen Bogdan-Martin\nSecrétaire générale", "Doreen Bogdan-Martin\nSecrétaire général",
          "Secrétaire général"),
        d("DATE", "le mardi 8 juillet 2025", "le lundi 8 juillet 2025", "lundi"),
        d("DATE", "au plus tard le 30 mai 2025", "au plus tard le 31 juin 2025", "31 juin 2025"),
        d("REF", "CL-25/20", "CL-24/20", "CL-24/20"),
        d("SPELL", "l'Union internationale des télécommunications", "l'Union internationale des télécommuncations",
          "télécommuncations"),
        d("TYPO", "J'ai l'honneur de vous inviter", "J'ai l'honneur de de vous inviter", "de de"),
        d("TYPO", "**Objet:**", f"**Objet{NBSP}:**", f"Objet{NBSP}:"),
        d("SIGN", "Je serais reconnaissante", "Je serais reconnaissant", "reconnaissant"),
        d("LINK", "[https://aiforgood.itu.int](https://aiforgood.itu.int)",
          "[https://aiforgood.itu.int](https://www.itu.int/en/ITU-T/ai)", "https://aiforgood.itu.int"),
    ]},
    "fr02_bdt_coe": {"layout": "rows", "links": "rel", "sig": "paras", "defects": [
        d("SIGN", "Directrice", "Directeur", "Directeur"),
        d("SPELL", "la participation des femmes", "la participaton des femmes", "participaton"),
        d("DATE", "du 17 au 19 novembre 2021", "du 19 au 17 novembre 2021", "19 au 17 novembre 2021"),
        d("DATE", "au plus tard le 30 septembre 2021", "au plus tard le 30 mai 2021", "30 mai 2021"),
        d("REF", "DM-21/1021", "DM 21/1021", "DM 21/1021"),
        d("LINK", "[site web du BDT](https://academy.itu.int/coe)", "[site web du BDT](#)", "site web du BDT"),
        d("TYPO", "précieuse collaboration.", "précieuse collaboration!!", "!!"),
        d("LINK", "Contact: M. Jean-Paul Ndiaye", "Contact: M. XXX", "XXX"),
        d("STRUCT", "Madame, Monsieur,\n\nLe Bureau", "Le Bureau", None),
    ]},
    "fr03_tsb_cmr": {"layout": "four", "links": "field", "sig": "br", "defects": [
        d("SIGN", "Seizo Onoe", "Houlin Zhao", "Houlin Zhao"),
        d("TYPO", "l'ordre du jour de la CMR-27", "l'ordre du jour de la CMR 27", "CMR 27"),
        d("TYPO", "Résolution 99 (Rév. Dubaï, 2018)", "Résolution 99 (Dubaï 2018)", "Résolution 99 (Dubaï 2018)"),
        d("LINK", "[www.itu.int/go/cmr27-atelier](https://www.itu.int/go/cmr27-atelier)",
          "[www.itu.int/go/cmr27-atelier](http//www.itu.int/go/cmr27-atelier)", "www.itu.int/go/cmr27-atelier"),
        d("LINK", "Courriel: tsbdir@itu.int", "Courriel: tsbdir@itu", "tsbdir@itu"),
        d("LINK", "à Genève, le 22 mai 2023.", "à Genève, le [DATE].", "[DATE]"),
        d("TYPO", "La participation est gratuite", "La participation est  gratuite", "est  gratuite"),
        d("STRUCT", "Veuillez agréer, Madame, Monsieur, l'assurance de ma considération distinguée.\n\n", "", None),
        d("POL", "Je vous encourage à inclure des femmes et des jeunes dans votre délégation.\n\n", "", None),
        d("SPELL", "permettra aux participants", "permettra aux particpants", "particpants"),
        d("TYPO", "sur la page web de l'atelier", "sur la sur la page web de l'atelier", "sur la sur la"),
    ]},
    "ar01_sg_wsis20": {"layout": "cells", "links": "rel", "sig": "br", "defects": [
        d("BIDI", f"الهاتف: {LRM}+41 22 730 5614{LRM}", "الهاتف: +41 22 730 5614", "+41 22 730 5614"),
        d("BIDI", f"{LRM}+41 22 730 6240{LRM}", "+41 22 730 6240", "+41 22 730 6240"),
        d("SIGN", "الأمينة العامة", "الأمين العام", "الأمين العام"),
        d("SIGN", "ممتنة", "ممتن", "ممتن"),
        d("AR", "حضرات السادة والسيدات،", f"حضرات السادة {PF_WORD}،", PF_WORD),
        d("AR", "في جنيف، سويسرا،", "في جنيف, سويسرا،", "جنيف, سويسرا"),
        d("AR", "30 مايو 2025", "٣٠ مايو 2025", "٣٠"),
        d("TYPO", "في تنفيذ نتائج", "في في تنفيذ نتائج", "في في"),
        d("DATE", "يوم الاثنين 7 يوليو 2025", "يوم الثلاثاء 7 يوليو 2025", "الثلاثاء"),
        d("REF", "CL-25/15", "CL-24/15", "CL-24/15"),
    ]},
    "ar02_bdt_rdf": {"layout": "rows", "links": "rel", "sig": "paras", "defects": [
        d("SIGN", "المديرة", "المدير", "المدير"),
        d("REF", "DM-21/1033", "DM-21/33", "DM-21/33"),
        d("DATE", "من 6 إلى 8 سبتمبر 2021", "من 8 إلى 6 سبتمبر 2021", "8 إلى 6 سبتمبر 2021"),
        d("AR", "بدعوة كريمة من حكومة", f"بدعوة كريمة {RLE}من حكومة", f"{RLE}من"),
        d("SPELL", "الدول الأعضاء في الاتحاد في المنطقة", "الدول الأعضاء في الاتحد في المنطقة", "الاتحد"),
        d("SPELL", "المبادرات الإقليمية", "المبادرات الإقيلمية", "الإقيلمية"),
        d("STRUCT", "وتفضلوا بقبول فائق التقدير والاحترام.\n\n", "", None),
        d("LINK", "[www.itu.int/rdf-arb](https://www.itu.int/rdf-arb)", "[www.itu.int/rdf-arb](#)", "www.itu.int/rdf-arb"),
        d("POL", "وأشجعكم على إشراك النساء والشباب في وفودكم.\n\n", "", None),
    ]},
    "ar03_tsb_sg17": {"layout": "four", "links": "field", "sig": "br", "defects": [
        d("SIGN", "سيزو أونوي", "هولين جاو", "هولين جاو"),
        d("DATE", "في موعد أقصاه 8 أكتوبر 2025", "في موعد أقصاه 28 أكتوبر 2025", "28 أكتوبر 2025"),
        d("DATE", "25 أغسطس 2025", "31 يونيو 2025", "31 يونيو 2025"),
        d("LINK", "في مقر الاتحاد في جنيف", "في {{ venue }}", "{{ venue }}"),
        d("LINK", "البريد الإلكتروني: tsbsg17@itu.int", "البريد الإلكتروني: tsbsg17@itu", "tsbsg17@itu"),
        d("SPELL", "بأمن المعلومات", "بأمن المعلومت", "المعلومت"),
        d("BIDI", f"{LRM}+41 22 730 5866{LRM}", "+41 22 730 5866", "+41 22 730 5866"),
        d("AR", "وأشجعكم على إشراك النساء والشباب في وفودكم.", "هل ستشركون النساء والشباب في وفودكم?", "وفودكم?"),
        d("TYPO", "المسائل المتعلقة", "المسائل المتعلقة المتعلقة", "المتعلقة المتعلقة"),
        d("TYPO", "لجنة الدراسات 17 ستجتمع", "لجنة الدراسات 17  ستجتمع", "17  ستجتمع"),
        d("REF", "TSB Circular 210", "TSB Circ. 210", "TSB Circ. 210"),
    ]},
}


def inject(text: str, defects: list[dict]) -> str:
    for x in defects:
        if x["find"] not in text:
            raise ValueError(f"defect not applicable: {x['find']!r}")
        text = text.replace(x["find"], x["replace"], 1)
    return text


# ---------------------------------------------------------------- markdown (as written) → parts
_LABEL = re.compile(r"^(?:Ref\.?|Réf\.?|Référence|Contact|Tel\.?|Telephone|Téléphone|E-mail|Courriel|"
                    r"المرجع|جهة الاتصال|الهاتف|البريد الإلكتروني)\s*:")
_TO = re.compile(r"^(?:To:|Aux? |À |إلى:|Mr |Ms )")
_DATE = re.compile(r"^(?:Geneva|Genève|جنيف)")
_INLINE = re.compile(r"\[(?P<text>[^\]]*)\]\((?P<url>[^)\s]*)\)|\*\*(?P<bold>[^*]+)\*\*|<(?P<auto>https?://[^>]+)>")
_ARABIC = re.compile(r"[\u0600-\u06ff\ufb50-\ufdff\ufe70-\ufeff]")


def parse_parts(md: str) -> list[tuple[str, list[str]]]:
    """(kind, lines) for each blank-line separated block of the letter."""
    blocks = [b.split("\n") for b in re.split(r"\n\s*\n", md.strip()) if b.strip()]
    out = []
    seen_date = False
    for k, lines in enumerate(blocks):
        first = lines[0]
        if not seen_date and _DATE.match(first):
            out.append(("date", lines))
            seen_date = True
        elif not seen_date:
            out.append(("letterhead", lines))
        elif _LABEL.match(first):
            out.append(("ref", lines))
        elif _TO.match(first) and out and out[-1][0] == "ref":
            out.append(("to", lines))
        elif re.match(r"^\d+\. ", first):
            out.append(("list", [re.sub(r"^\d+\. ", "", ln) for ln in lines]))
        elif k == len(blocks) - 1 and len(lines) == 2:
            out.append(("signature", lines))
        else:
            out.append(("para", lines))
    return out


# ---------------------------------------------------------------- DOCX writing, the Word way
class Writer:
    def __init__(self, arabic: bool, opts: dict, seed: str):
        import docx

        self.arabic = arabic
        self.opts = opts
        self.rnd = random.Random(seed)
        self.doc = docx.Document()
        self.bookmark = 0

    # -- low level
    def _el(self, tag, **attrs):
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn

        el = OxmlElement(tag)
        for k, v in attrs.items():
            el.set(qn(k.replace("_", ":", 1)), v)
        return el

    def _rsid(self):
        return "00%06X" % self.rnd.randrange(16 ** 6)

    def _para(self, container, style=None, jc=None):
        p = container.add_paragraph(style=style)
        p._p.set("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}rsidR", self._rsid())
        ppr = p._p.get_or_add_pPr()
        if self.arabic:
            ppr.append(self._el("w:bidi"))
        if jc:
            ppr.append(self._el("w:jc", w_val=jc))
        return p

    def _run(self, parent, text: str, bold=False, breaks=False):
        """Append runs for ``text`` to ``parent`` (a w:p or w:hyperlink), split by script for Arabic
        and at random points mid-word, as Word leaves runs after edits."""
        for seg, rtl in self._segments(text):
            for piece in self._split(seg):
                r = self._el("w:r")
                r.set("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}rsidR", self._rsid())
                rpr = self._el("w:rPr")
                if bold:
                    rpr.append(self._el("w:b"))
                    rpr.append(self._el("w:bCs"))
                if self.arabic:
                    rpr.append(self._el("w:rFonts", w_cs="Traditional Arabic"))
                if rtl:
                    rpr.append(self._el("w:rtl"))
                if self.arabic:
                    rpr.append(self._el("w:lang", w_bidi="ar-SA"))
                if len(rpr):
                    r.append(rpr)
                lines = piece.split("\n")
                for k, ln in enumerate(lines):
                    if k:
                        r.append(self._el("w:br"))
                    if ln:
                        t = self._el("w:t")
                        t.text = ln
                        t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
                        r.append(t)
                parent.append(r)
                if self.rnd.random() < 0.15:
                    parent.append(self._el("w:proofErr", w_type="spellStart"))
                    parent.append(self._el("w:proofErr", w_type="spellEnd"))
                if self.rnd.random() < 0.05:
                    self.bookmark += 1
                    parent.append(self._el("w:bookmarkStart", w_id=str(self.bookmark), w_name=f"_Hlk{self.bookmark}"))
                    parent.append(self._el("w:bookmarkEnd", w_id=str(self.bookmark)))

    def _segments(self, text):
        if not self.arabic:
            return [(text, False)]
        out = []
        for m in re.finditer(r"[\u200e]?[A-Za-z0-9+@./:_\-{}\[\]()]+(?:[ \t]+[A-Za-z0-9+@./:_\-{}\[\]()]+)*[\u200e]?|[^A-Za-z0-9]+?(?=[\u200eA-Za-z0-9]|$)", text):
            s = m.group(0)
            if not s:
                continue
            rtl = bool(_ARABIC.search(s))
            if out and out[-1][1] == rtl:
                out[-1] = (out[-1][0] + s, rtl)
            else:
                out.append((s, rtl))
        return out

    def _split(self, text):
        pieces = []
        while len(text) > 6 and self.rnd.random() < 0.6:
            cut = self.rnd.randrange(2, len(text) - 2)
            if "\n" in text[cut - 1:cut + 1] or "\u200e" in text[cut - 1:cut + 1]:
                break
            pieces.append(text[:cut])
            text = text[cut:]
        pieces.append(text)
        return pieces

    def _inline(self, p, line: str, bold=False):
        pos = 0
        for m in _INLINE.finditer(line):
            if m.start() > pos:
                self._run(p._p, line[pos:m.start()], bold)
            if m.group("bold") is not None:
                self._run(p._p, m.group("bold"), True)
            elif m.group("auto") is not None:
                self._link(p, m.group("auto"), m.group("auto"))
            else:
                self._link(p, m.group("text"), m.group("url"))
            pos = m.end()
        if pos < len(line):
            self._run(p._p, line[pos:], bold)

    def _link(self, p, text, url):
        from docx.opc.constants import RELATIONSHIP_TYPE as RT

        if self.opts["links"] == "rel":
            link = self._el("w:hyperlink")
            if url == "#":
                link.set("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id",
                         p.part.relate_to("#", RT.HYPERLINK, is_external=True))
            elif url:
                link.set("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id",
                         p.part.relate_to(url, RT.HYPERLINK, is_external=True))
            link.set("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}history", "1")
            self._run(link, text)
            for r in link.iter("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}r"):
                rpr = r.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}rPr")
                if rpr is None:
                    rpr = self._el("w:rPr")
                    r.insert(0, rpr)
                rpr.insert(0, self._el("w:rStyle", w_val="Hyperlink"))
            p._p.append(link)
            return
        # a HYPERLINK field: begin, instructions (split over runs), separate, result, end
        def fld(kind):
            r = self._el("w:r")
            r.append(self._el("w:fldChar", w_fldCharType=kind))
            p._p.append(r)

        fld("begin")
        instr = f' HYPERLINK "{url}" '
        cut = len(instr) // 2
        for part in (instr[:cut], instr[cut:]):
            r = self._el("w:r")
            it = self._el("w:instrText")
            it.text = part
            it.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            r.append(it)
            p._p.append(r)
        fld("separate")
        self._run(p._p, text)
        fld("end")

    # -- blocks
    def header(self, lines):
        hdr = self.doc.sections[0].header
        p = hdr.paragraphs[0]
        if self.arabic:
            p._p.get_or_add_pPr().append(self._el("w:bidi"))
        for k, ln in enumerate(lines):
            if k:
                p = self._para(hdr)
            self._inline(p, ln)

    def table(self, ref, to):
        from docx.shared import Cm

        layout = self.opts["layout"]
        if layout == "cells":
            t = self.doc.add_table(rows=1, cols=2)
            cells = [t.rows[0].cells[0], t.rows[0].cells[1]]
            for cell, lines in zip(cells, (ref, to)):
                first = True
                for ln in lines:
                    p = cell.paragraphs[0] if first else cell.add_paragraph()
                    first = False
                    if self.arabic:
                        p._p.get_or_add_pPr().append(self._el("w:bidi"))
                    self._inline(p, ln)
        elif layout == "rows":
            n = max(len(ref), len(to))
            t = self.doc.add_table(rows=n, cols=2)
            for i in range(n):
                for c, lines in enumerate((ref, to)):
                    if i < len(lines):
                        p = t.rows[i].cells[c].paragraphs[0]
                        if self.arabic:
                            p._p.get_or_add_pPr().append(self._el("w:bidi"))
                        self._inline(p, lines[i])
        else:  # four columns: label | value | To: | addressee
            n = max(len(ref), len(to))
            t = self.doc.add_table(rows=n, cols=4)
            for i in range(n):
                pairs = []
                if i < len(ref):
                    lab, _, val = ref[i].partition(":")
                    pairs += [(0, lab + ":"), (1, val.strip())]
                if i < len(to):
                    ln = to[i]
                    for lab in ("To:", "إلى:"):
                        if ln.startswith(lab):
                            pairs += [(2, lab), (3, ln[len(lab):].strip())]
                            break
                    else:
                        pairs += [(3, ln)]
                for c, text in pairs:
                    p = t.rows[i].cells[c].paragraphs[0]
                    if self.arabic:
                        p._p.get_or_add_pPr().append(self._el("w:bidi"))
                    self._inline(p, text)
        t.autofit = False
        for row in t.rows:
            for cell in row.cells:
                cell.width = Cm(16 / len(row.cells))
        if self.arabic:
            t._tbl.tblPr.append(self._el("w:bidiVisual"))

    def build(self, md: str, path: Path):
        parts = parse_parts(md)
        i = 0
        while i < len(parts):
            kind, lines = parts[i]
            if kind == "letterhead":
                self.header(lines)
            elif kind == "date":
                if self.opts.get("tab_date"):
                    p = self._para(self.doc)
                    self._run(p._p, "\t\t\t\t\t" + lines[0])
                else:
                    p = self._para(self.doc, jc="left" if self.arabic else "right")
                    self._inline(p, lines[0])
                self._para(self.doc)  # an empty paragraph for spacing
            elif kind == "ref":
                to = parts[i + 1][1] if i + 1 < len(parts) and parts[i + 1][0] == "to" else []
                self.table(lines, to)
                i += 1 if to else 0
                self._para(self.doc)
            elif kind == "list":
                for ln in lines:
                    p = self._para(self.doc, style="List Number")
                    self._inline(p, ln)
            elif kind == "signature":
                if self.opts["sig"] == "br":
                    p = self._para(self.doc)
                    self._inline(p, lines[0] + "\n" + lines[1])
                else:
                    for ln in lines:
                        self._inline(self._para(self.doc), ln)
            else:
                for ln in lines:
                    self._inline(self._para(self.doc, jc="both" if len(ln) > 80 and not self.arabic else None), ln)
            i += 1
        if self.arabic:
            self.doc.sections[0]._sectPr.append(self._el("w:bidi"))
        self.doc.save(str(path))


def to_docx(md: str, path: Path, arabic: bool, opts: dict) -> None:
    Writer(arabic, opts, path.name.split(".")[0]).build(md, path)


def manifest() -> dict:
    return {name: spec["defects"] for name, spec in LETTERS.items()}


def build() -> None:
    DEFECTIVE.mkdir(exist_ok=True)
    DOCX.mkdir(exist_ok=True)
    for name, spec in LETTERS.items():
        clean = (CLEAN / f"{name}.md").read_text(encoding="utf-8")
        bad = inject(clean, spec["defects"])
        (DEFECTIVE / f"{name}.md").write_text(bad, encoding="utf-8")
        arabic = name.startswith("ar")
        to_docx(clean, DOCX / f"{name}.clean.docx", arabic, spec)
        to_docx(bad, DOCX / f"{name}.defective.docx", arabic, spec)
    (HERE / "manifest.json").write_text(json.dumps(
        {"about": "Written by build.py from LETTERS: each defect's family (code prefix), find/replace in the "
                  "clean letter, excerpt (text a finding of that family must overlap; a list: any of them; "
                  "null: the defect is something missing, any finding of the family counts).",
         "letters": manifest()}, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    build()
