"""Adding a language is adding files: Portuguese, from data alone, in a copy of resources/ and
templates/ (a language entry — the common layout writes its words —, the letter type's clauses in Portuguese, the
officials' titles and the place name), rendered to DOCX, previewed as HTML and checked — no Python changed.

It runs in a fresh process pointed at the copy (CIRCULAR_STUDIO_RESOURCES/_TEMPLATES), as a
user's installation with an added language would."""
import json
import os
import shutil
import subprocess
import sys

import docx
import pytest

from tests.conftest import ROOT

PT_TOML = '''
code = "pt"
order = 7
babel = "pt_PT"
direction = "ltr"
script = "Latn"

[names]
own = "Português"
en = "Portuguese"
fr = "Portugais"
ar = "البرتغالية"
version = { en = "Portuguese", fr = "portugaise", ar = "البرتغالية" }

[dates]
long = "{d} de {month} de {y}"
line = "{place}, {date}"
range_same_month = "de {d1} a {d2} de {month2} de {y2}"
range_same_year = "de {d1} de {month1} a {d2} de {month2} de {y2}"
range_other = "de {date1} a {date2}"

[labels]
reference = "Ref.ª"
contact = "Contacto"
email = "Correio eletrónico"
telephone = "Telefone"
subject = "Assunto"
to = "A"

[letter]
salutation = "Excelentíssimos Senhores,"
closing = "Com os melhores cumprimentos,"
signed = "(assinado)"
courtesy = { f = "Sra.", m = "Sr." }

[spelling]
dictionaries = ["pt_PT", "pt"]

[docx]
lang = "pt-PT"

[fonts]
latin = "Calibri"
complex = "Amiri"
size = 11.0

[read]
before_month = ["de"]
before_year = ["de"]
range_words = ["a", "até"]
list_words = ["e"]
common_words = "o os as do da dos das de e em que para com por um uma no na nos nas ao se é não mais seu sua"
accents = "ãõçáéíóúâêô"
deadline_cues = ["até (?:ao dia )?", "antes de", "prazo"]
event_cues = ["realizar-se-á", "terá lugar", "decorrerá"]

[parts]
reference = ["Ref\\\\.ª", "Ref\\\\.?"]
contact = ["Contacto", "Telefone", "Correio eletrónico"]
subject = ["Assunto"]
to = ["A", "Aos"]
salutation = ["Excelentíssim[oa]s?"]
closing = ["Com os melhores cumprimentos"]
signed = ["assinado"]
'''


# Portuguese texts of the invitation's clauses: a letter type is written in a language once each
# clause has its text in it (templates/<type>/clauses.toml), with the subject and addressees.
PT_CLAUSES = {
    "@subject": "Convite para participar no {{ event_name }}",
    "@addressees": ["Aos Estados Membros da UIT"],
    "announce": "Tenho a honra de informar que o {{ event_name }}{% if event_acronym %} ({{ event_acronym }}){% endif %} "
                "se realizará em {{ venue }}, {{ start_date|date_range(end_date) }}.",
    "invite_member_states": "Tenho a honra de convidar o seu Governo a enviar uma delegação.",
    "invite_sector_members": "Tenho o prazer de convidar a sua organização a participar.",
    "invite_all": "Tenho o prazer de convidar todas as partes interessadas a participar.",
    "information": "Mais informações estão disponíveis em {{ info_url }}.",
    "confirm": "Agradeço que confirme a sua participação até {{ deadline|long_date }}.",
    "fellowships": "Os pedidos de bolsa devem chegar à UIT até {{ fellowship_deadline|long_date }}.",
    "remote": "Será possível participar à distância: {{ info_url }}.",
    "visa": "Alguns participantes necessitam de visto para entrar na Suíça.",
    "gender": "Encorajo-vos a incluir mulheres e jovens na vossa delegação.",
    "look_forward": "Conto com a vossa participação.",
}


def _add_clause_texts(path, texts: dict) -> None:
    """Each clause of ``path`` gets its Portuguese text; [subject] and [addressees] a pt line."""
    head, *chunks = path.read_text(encoding="utf-8").split("\n[[clause]]\n")
    head = head.replace("\n[addressees]\n", "\n[addressees]\npt = " + json.dumps(texts["@addressees"], ensure_ascii=False) + "\n")
    head = head.replace("\n[subject]\n", "\n[subject]\npt = " + json.dumps(texts["@subject"], ensure_ascii=False) + "\n")
    out = [head]
    for chunk in chunks:
        cid = chunk.split('id = "', 1)[1].split('"', 1)[0]
        out.append(chunk.rstrip("\n") + "\npt = " + json.dumps(texts[cid], ensure_ascii=False) + "\n")
    path.write_text("\n[[clause]]\n".join(out), encoding="utf-8")


SCRIPT = r"""
import json, sys
from pathlib import Path
from circular_studio.core.model.draft import load
from circular_studio.core.compose.pipeline import build_document
from circular_studio.core.outputs.formats import export_document
from circular_studio.core.outputs.html_preview import document_html
from circular_studio.core.checks import run_checks
from circular_studio.core.locale.langdetect import detect
from circular_studio.core.model.lettertypes import letter_type

draft = load(sys.argv[1])
doc = build_document(draft, "pt")
export_document(draft, "pt", Path(sys.argv[2]))
findings = run_checks(doc, draft)
print(json.dumps({
    "text": doc.text,
    "html": document_html(doc),
    "languages": list(letter_type("invitation").languages),
    "findings": [[f.code, f.severity.name, f.message] for f in findings],
    "detected": detect("A conferência realizar-se-á em Genebra e os participantes devem inscrever-se."),
}, ensure_ascii=False))
"""


@pytest.fixture
def installation(tmp_path):
    """A copy of templates/ and resources/ with Portuguese added as data."""
    res, tpl = tmp_path / "resources", tmp_path / "templates"
    shutil.copytree(ROOT / "resources", res, ignore=shutil.ignore_patterns("examples"))
    shutil.copytree(ROOT / "templates", tpl)
    (res / "languages" / "pt.toml").write_text(PT_TOML, encoding="utf-8")
    _add_clause_texts(tpl / "invitation" / "clauses.toml", PT_CLAUSES)
    officials = json.loads((res / "officials.json").read_text(encoding="utf-8"))
    officials["offices"]["SG"]["titles"]["pt"] = {"m": "Secretário-Geral", "f": "Secretária-Geral"}
    (res / "officials.json").write_text(json.dumps(officials, ensure_ascii=False), encoding="utf-8")
    house = json.loads((res / "house.json").read_text(encoding="utf-8"))
    house["places"]["geneva"]["pt"] = "Genebra"
    house["sectors"]["SG"]["pt"] = "Secretariado-Geral (SG)"
    house["organisation"]["pt"] = "União Internacional de Telecomunicações"
    (res / "house.json").write_text(json.dumps(house, ensure_ascii=False), encoding="utf-8")
    draft = json.loads((ROOT / "resources" / "examples" / "seed-001.json").read_text(encoding="utf-8"))
    draft["fields"]["signatory"] = "doreen-bogdan-martin"
    draft["fields"]["letter_date"] = "2023-12-06"
    draft["fields"]["start_date"], draft["fields"]["end_date"] = "2024-04-08", "2024-04-11"
    draft["fields"]["deadline"] = "2024-01-15"
    draft["fields"]["reference"] = "CL-23/59"
    draft["languages"] = {"pt": {
        "addressees_intro": "", "addressees": ["Aos Estados Membros da União Internacional de Telecomunicações"],
        "event_name": "Fórum da Cimeira Mundial sobre a Sociedade da Informação", "event_acronym": "CMSI",
        "venue": "Genebra (Suíça)",
        "subject": "Convite para participar no Fórum da CMSI"}}
    draft["overrides"], draft["free"] = {}, []  # the letter type's own clauses, in Portuguese
    path = tmp_path / "letter.json"
    path.write_text(json.dumps(draft, ensure_ascii=False), encoding="utf-8")
    return tmp_path, path


def test_portuguese_from_data_files_alone(installation):
    root, draft_path = installation
    env = {**os.environ, "CIRCULAR_STUDIO_RESOURCES": str(root / "resources"),
           "CIRCULAR_STUDIO_TEMPLATES": str(root / "templates"), "PYTHONPATH": str(ROOT / "src")}
    out = subprocess.run([sys.executable, "-c", SCRIPT, str(draft_path), str(root / "letter.pt.docx")],
                         capture_output=True, text=True, env=env, timeout=120)
    assert out.returncode == 0, out.stderr
    got = json.loads(out.stdout)
    assert "pt" in got["languages"]
    text = got["text"]
    assert "Genebra, 6 de dezembro de 2023" in text  # babel's month name, the table's pattern
    assert "de 8 a 11 de abril de 2024" in text
    assert "15 de janeiro de 2024" in text
    assert "Assunto: Convite" in text and "Excelentíssimos Senhores," in text
    assert "(assinado)" in text and "Secretária-Geral" in text  # title in the holder's gender
    html = got["html"].replace("\xa0", " ")  # the typesetting keeps "6 de dezembro" whole
    assert "Genebra, 6 de dezembro de 2023" in html and "Assunto" in html
    errors = [f for f in got["findings"] if f[1] in ("ERROR", "WARNING")]
    assert errors == []
    assert got["detected"] == "pt"
    written = "\n".join(p.text for p in docx.Document(str(root / "letter.pt.docx")).paragraphs)
    assert "Com os melhores cumprimentos," in written
    styles = docx.Document(str(root / "letter.pt.docx")).styles.element.xml
    assert 'w:val="pt-PT"' in styles
