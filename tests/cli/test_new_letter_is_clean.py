"""A letter drafted from a type's standard clauses with every fact typed once is clean in every
language: found false LANG006 warnings when the French clauses wrote the event's acronym (SMSI)
once and the English and Arabic ones twice."""
import json

from circular_studio.cli import main

FACTS = ["reference=CL-27/3", "contact_name=Gitanjali Sah", "contact_gender=f",
         "contact_phone=+41 22 730 5614", "contact_email=wsis-info@itu.int",
         "signatory=doreen-bogdan-martin", "sector=SG",
         "event_name.en=World Summit on the Information Society Forum 2027",
         "event_name.fr=le Forum du Sommet mondial sur la société de l'information 2027",
         "event_name.ar=منتدى القمة العالمية لمجتمع المعلومات لعام 2027",
         "event_acronym.en=WSIS", "event_acronym.fr=SMSI", "event_acronym.ar=WSIS",
         "venue.en=Geneva, Switzerland", "venue.fr=Genève (Suisse)", "venue.ar=جنيف، سويسرا",
         "start_date=2027-04-12", "end_date=2027-04-16", "deadline=2027-03-15",
         "info_url=https://www.itu.int/net4/wsis/forum/2027",
         "subject.en=Invitation to the WSIS Forum 2027", "subject.fr=Invitation au Forum du SMSI 2027",
         "subject.ar=دعوة إلى منتدى القمة العالمية لمجتمع المعلومات لعام 2027"]


def test_invitation_with_its_facts_has_no_error_or_warning(tmp_path, capsys):
    draft = tmp_path / "inv.json"
    args = ["new", "invitation", "-l", "ar", "-l", "fr", "-l", "en", "--date", "2027-01-15", "-o", str(draft)]
    for fact in FACTS:
        args += ["--set", fact]
    assert main(args) == 0
    capsys.readouterr()
    assert main(["check", "--format", "json", str(draft)]) == 0
    report = json.loads(capsys.readouterr().out)
    loud = [(f["code"], f["message"]) for file in report["files"] for f in file["findings"]
            if f["severity"] in ("error", "warning")]
    assert loud == []
