"""Fourth evaluation corpus (corpus4_fren): French and English letters only, in ITU house style
(French: "Genève, le 1er avril 2026", "Objet:", no space before the colon, « » with spaces inside,
"Rév."; English: "Geneva, 3 March 2026", "Subject:", British/Oxford spelling as ITU writes it),
from all four signing offices and the Deputy Secretary-General, men and women, 2022 and 2026,
with French- and English-specific defects: dropped accents and common English misspellings,
first-person gender agreement and gendered titles, wrong weekdays and impossible dates,
placeholders left over ([NOM DU PAYS], TBD, XX mai), salutation/closing mismatches, conference
acronyms written two ways, resolution citations out of house form, "Objet :" and double spaces.

clean/*.md are written by hand. ``LETTERS`` below injects the defects (find → replace in the
clean text, first occurrence) into defective/*.md, writes manifest.json, and writes every clean
and defective letter to docx/ with python-docx: one paragraph per line, hyperlinks as
w:hyperlink relationships ("#" as a relationship to "#", as Word writes it), and, for the
letters marked ``table``, the reference block and the addressees in a borderless 2-column table.

    .venv/bin/python tests/checks/corpus4_fren/build.py
"""
from __future__ import annotations

import json
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
CLEAN, DEFECTIVE, DOCX = HERE / "clean", HERE / "defective", HERE / "docx"


def d(family, find, replace, excerpt):
    return {"family": family, "find": find, "replace": replace, "excerpt": excerpt}


WOMEN_EN = ("In line with the ITU policy on gender equality and Resolution 198 (Rev. Bucharest, 2022) of the "
            "Plenipotentiary Conference, I encourage you to include women and young people in your delegation.\n\n")

LETTERS = {
    # Secretary-General (a woman), PP-26
    "fr01_sg_pp26": [
        d("SIGN", "Doreen Bogdan-Martin\nSecrétaire générale", "Doreen Bogdan-Martin\nSecrétaire général",
          "Secrétaire général"),
        d("SIGN", "Je vous serais reconnaissante de", "Je vous serais reconnaissant de", "reconnaissant"),
        d("DATE", "le lundi 9 novembre 2026", "le mardi 9 novembre 2026", "mardi"),
        d("SPELL", "plénipotentiaires de l'Union internationale des télécommunications (PP-26)",
          "plénipotentiaires de l'Union internationale des telecommunications (PP-26)", "telecommunications"),
        d("TYPO", "Objet: Conférence", "Objet : Conférence", "Objet :"),
        d("LINK", "[www.itu.int/pp26](https://www.itu.int/pp26)", "[www.itu.int/pp26](#)", "www.itu.int/pp26"),
    ],
    # TSB Director (a man), a study group meeting after WTSA-24
    "fr02_tsb_ce17": [
        d("TYPO", "Elle présentera les décisions de l'AMNT-24", "Elle présentera les décisions de l'AMNT 24",
          "AMNT 24"),
        d("DATE", "au plus tard le 13 juillet 2026", "au plus tard le 31 juin 2026", "31 juin 2026"),
        d("DATE", "au plus tard le 27 août 2026", "au plus tard le 27 septembre 2026", "27 septembre 2026"),
        d("SPELL", "sous forme électronique", "sous forme electronique", "electronique"),
        d("TYPO", "la sécurité des applications", "la sécurité  des applications", "sécurité  des"),
        d("SIGN", "Seizo Onoe\nDirecteur du", "Seizo Onoe\nDirectrice du", "Directrice"),
    ],
    # BR Director (a man), a WRC-27 regional workshop
    "fr03_br_cmr27": [
        d("LINK", "aux services compétents de l'administration de votre pays",
          "aux services compétents de l'administration de [NOM DU PAYS]", "[NOM DU PAYS]"),
        d("LINK", "avant le 4 septembre 2026", "avant le XX septembre 2026", "XX septembre 2026"),
        d("STRUCT", "Veuillez agréer, Madame, Monsieur, l'assurance de ma considération distinguée.",
          "Yours faithfully,", ["Madame, Monsieur,", "Yours faithfully,"]),
        d("SPELL", "Il contribuera au développement des services", "Il contribuera au développment des services",
          "développment"),
        d("TYPO", "l'ordre du jour de la CMR-27, tel", "l'ordre du jour de la de la CMR-27, tel", "de la de la"),
        d("TYPO", "Résolution 198 (Rév. Bucarest, 2022)", "Résolution 198 (Rev. Bucarest 2022)",
          "Résolution 198 (Rev. Bucarest 2022)"),
    ],
    # BDT Director in 2022 (a woman), WTDC-22
    "fr04_bdt_cmdt22": [
        d("STRUCT", "Objet: Conférence mondiale de développement des télécommunications de 2022 (CMDT-22), Kigali "
          "(Rwanda), du 6 au 16 juin 2022\n\n", "", None),
        d("SIGN", "Je suis heureuse de vous inviter", "Je suis heureux de vous inviter", "heureux"),
        d("POL", "Conformément à la politique de l'UIT relative à l'égalité hommes-femmes et à la Résolution 198 "
          "(Rév. Dubaï, 2018) de la Conférence de plénipotentiaires, je vous encourage à inclure des femmes et des "
          "jeunes dans votre délégation.\n\n", "", None),
        d("LINK", "au plus tard le 6 mai 2022", "au plus tard le XX mai 2022", "XX mai 2022"),
        d("REF", "Réf.: DM-22/1005", "Réf.: DM-21/1005", "DM-21/1005"),
        d("TYPO", "Résolution 71 (Rév. Dubaï, 2018)", "Résolution 71 (Dubai, 2018)", "Résolution 71 (Dubai, 2018)"),
        d("SPELL", "informations sur l'hébergement", "informations sur l'hebergement", "hebergement"),
    ],
    # Secretary-General, AI for Good
    "en01_sg_aiforgood": [
        d("STRUCT", "Dear Sir/Madam,", "Dear Mr Smith,", ["Dear Mr Smith,", "Yours faithfully,"]),
        d("DATE", "Tuesday, 7 July 2026", "Wednesday, 7 July 2026", "Wednesday"),
        d("SPELL", "who wish to receive an invitation", "who wish to recieve an invitation", "recieve"),
        d("TYPO", "and to scale those solutions", "and to scale the the solutions", "the the"),
        d("LINK", "The Summit will take place at Palexpo, Geneva,", "The Summit will take place at TBD, Geneva,",
          "TBD"),
        d("SIGN", "Doreen Bogdan-Martin\nSecretary-General",
          "Doreen Bogdan-Martin\nDirector of the Telecommunication Development Bureau",
          ["Doreen Bogdan-Martin", "Director of the Telecommunication Development Bureau"]),
    ],
    # TSB Director, Study Group 13 after WTSA-24
    "en02_tsb_sg13": [
        d("TYPO", "priorities identified by WTSA-24", "priorities identified by WTSA 24", "WTSA 24"),
        d("DATE", "no later than 1 October 2026", "no later than 1 November 2026", "1 November 2026"),
        d("SPELL", "fellowship selection committee", "fellowship selection comittee", "comittee"),
        d("TYPO", "available in electronic form", "available in  electronic form", "in  electronic"),
        d("LINK", "E-mail: tsbsg13@itu.int", "E-mail: tsbsg13@itu", "tsbsg13@itu"),
        d("DATE", "on Tuesday, 13 October 2026", "on Tuesday, 12 October 2026", "Tuesday, 12 October 2026"),
    ],
    # Deputy Secretary-General (a man), WSIS stocktaking
    "en03_dsg_wsis": [
        d("SPELL", "Every government, organization", "Every goverment, organization", "goverment"),
        d("LINK", "[www.itu.int/net4/wsis/stocktaking](https://www.itu.int/net4/wsis/stocktaking)",
          "[www.itu.int/net4/wsis/stocktaking](#)", "www.itu.int/net4/wsis/stocktaking"),
        d("DATE", "until 30 April 2026", "until 31 April 2026", "31 April 2026"),
        d("REF", "Ref: CL-26/6", "Ref: CL-25/6", "CL-25/6"),
        d("TYPO", "Resolution 140 (Rev. Bucharest, 2022)", "Resolution 140 (Bucharest, 2022)",
          "Resolution 140 (Bucharest, 2022)"),
        d("SIGN", "Tomas Lamanauskas\nDeputy Secretary-General", "Tomas Lamanauskas\nSecretary-General",
          ["Tomas Lamanauskas", "Secretary-General"]),
    ],
    # BDT Director (a man), a regional cyberdrill
    "en04_bdt_cyberdrill": [
        d("SPELL", "information on visas and accommodation", "information on visas and acommodation",
          "acommodation"),
        d("POL", WOMEN_EN, "", None),
        d("DATE", "on Tuesday, 15 September 2026", "on Wednesday, 15 September 2026", "Wednesday"),
        d("DATE", "no later than 17 July 2026", "no later than 17 July 2025", "17 July 2025"),
        d("LINK", "Thailand, from 15 to 17 September 2026, at the kind invitation of the National Broadcasting "
          "and Telecommunications Commission of Thailand.", "Thailand, from 15 to 17 September 2026, at the kind "
          "invitation of [COUNTRY NAME].", "[COUNTRY NAME]"),
        d("STRUCT", "Dear Sir/Madam,", "Madame, Monsieur,", ["Madame, Monsieur,", "Yours faithfully,"]),
    ],
}

# letters whose reference block and addressees are a 2-column table in the .docx
TABLE = {"fr02_tsb_ce17", "fr04_bdt_cmdt22", "en02_tsb_sg13", "en04_bdt_cyberdrill"}


def manifest() -> dict:
    return LETTERS


def inject(text: str, defects: list[dict]) -> str:
    for df in defects:
        if df["find"] not in text:
            raise ValueError(f"defect not applicable: {df['find']!r}")
        text = text.replace(df["find"], df["replace"], 1)
    return text


# ---------------------------------------------------------------- DOCX
_INLINE = re.compile(r"\[(?P<text>[^\]]*)\]\((?P<url>[^)\s]*)\)|\*\*(?P<bold>[^*]+)\*\*")
_LABEL = re.compile(r"^(?:Ref\.?|Réf\.?|Contact|Tel\.?|Téléphone|E-mail|Courriel)\s*:")
_TO = re.compile(r"^(?:To:|Aux? |À )")


def _link(p, text: str, url: str) -> None:
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    link = OxmlElement("w:hyperlink")
    if url:
        link.set(qn("r:id"), p.part.relate_to(url, RT.HYPERLINK, is_external=True))
    run = OxmlElement("w:r")
    rpr = OxmlElement("w:rPr")
    style = OxmlElement("w:rStyle")
    style.set(qn("w:val"), "Hyperlink")
    rpr.append(style)
    run.append(rpr)
    t = OxmlElement("w:t")
    t.text = text
    t.set(qn("xml:space"), "preserve")
    run.append(t)
    link.append(run)
    p._p.append(link)


def _inline(p, line: str) -> None:
    pos = 0
    for m in _INLINE.finditer(line):
        if m.start() > pos:
            p.add_run(line[pos:m.start()])
        if m.group("bold") is not None:
            p.add_run(m.group("bold")).bold = True
        else:
            _link(p, m.group("text"), m.group("url"))
        pos = m.end()
    if pos < len(line):
        p.add_run(line[pos:])


def to_docx(md: str, path: Path, table: bool) -> None:
    import docx

    document = docx.Document()
    blocks = [b.split("\n") for b in re.split(r"\n\s*\n", md.strip())]
    k = 0
    while k < len(blocks):
        lines = blocks[k]
        if table and _LABEL.match(lines[0]):
            to = blocks[k + 1] if k + 1 < len(blocks) and _TO.match(blocks[k + 1][0]) else []
            t = document.add_table(rows=1, cols=2)
            for cell, cell_lines in zip(t.rows[0].cells, (lines, to)):
                for n, ln in enumerate(cell_lines):
                    _inline(cell.paragraphs[0] if n == 0 else cell.add_paragraph(), ln)
            k += 2 if to else 1
            continue
        for ln in lines:
            _inline(document.add_paragraph(), ln)
        k += 1
    document.save(str(path))


def build() -> None:
    DEFECTIVE.mkdir(exist_ok=True)
    DOCX.mkdir(exist_ok=True)
    (HERE / "manifest.json").write_text(json.dumps({"letters": LETTERS}, ensure_ascii=False, indent=1) + "\n",
                                        encoding="utf-8")
    for name, defects in LETTERS.items():
        clean = (CLEAN / f"{name}.md").read_text(encoding="utf-8")
        bad = inject(clean, defects)
        (DEFECTIVE / f"{name}.md").write_text(bad, encoding="utf-8")
        to_docx(clean, DOCX / f"{name}.clean.docx", name in TABLE)
        to_docx(bad, DOCX / f"{name}.defective.docx", name in TABLE)


if __name__ == "__main__":
    build()
