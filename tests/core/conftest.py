"""IR letters built by hand (from the seeds), shared by the DOCX/PDF/bidi tests of tests/core."""
from __future__ import annotations

import pytest

from circular_studio.core.document import Block, BlockKind, Document, Span

K = BlockKind


def _b(kind, *spans, direction="ltr", **kw):
    spans = [Span(s) if isinstance(s, str) else s for s in spans]
    return Block(kind, spans, direction=direction, **kw)


def make_arabic_letter() -> Document:
    """Seed 001 (WSIS Forum invitation), with its phone number, links and a numbered list."""
    r = dict(direction="rtl")
    blocks = [
        _b(K.LETTERHEAD, "الأمانة العامة (SG)", **r),
        _b(K.DATE_LINE, "جنيف، 6 ديسمبر 2019", **r),
        _b(K.ADDRESSEES, "إلى رؤساء هيئات التنظيم،\nالدول الأعضاء في الاتحاد الدولي للاتصالات", **r),
        _b(K.REFERENCE, "المرجع: CL-19/59\nجهة الاتصال: السيدة Gitanjali Sah\n",
           "البريد الإلكتروني: ", Span("wsis-info@itu.int", link="mailto:wsis-info@itu.int"),
           "\nالهاتف: +41 22 730 5614", **r),
        _b(K.SUBJECT, "الموضوع: دعوة إلى المشاركة في منتدى القمة العالمية لمجتمع المعلومات "
           "(WSIS) لعام 2020", **r),
        _b(K.SALUTATION, "حضرات السادة والسيدات،", **r),
        _b(K.PARAGRAPH, "سيُعقد منتدى القمة العالمية لمجتمع المعلومات (WSIS)، في جنيف، سويسرا، من 6 "
           "إلى 9 أبريل 2020 ويستضيفه الاتحاد الدولي للاتصالات (ITU) ويشترك في تنظيمه الاتحاد "
           "ومنظمة الأمم المتحدة للتربية والعلم والثقافة (اليونسكو) ومؤتمر الأمم المتحدة للتجارة "
           "والتنمية (الأونكتاد) وبرنامج الأمم المتحدة الإنمائي (UNDP).", **r),
        _b(K.PARAGRAPH, "ويمكن الاطلاع عليها في الموقع التالي: ",
           Span("www.wsis.org/forum", link="https://www.wsis.org/forum"),
           ". وللاستفسار يرجى الاتصال بالرقم ", Span("+41 22 730 5614", bold=True),
           " أو زيارة ", Span("صفحة الحدث", link=""), ".", **r),
        _b(K.PARAGRAPH, "وأدعوكم للانضمام إلى التحالف من خلال مجالات التركيز الأربعة:", **r),
        _b(K.PARAGRAPH, Span("توصيل الناس في كل مكان", bold=True), list_kind="ordered", number=1,
           list_id=1, **r),
        _b(K.PARAGRAPH, Span("تمكين المجتمعات المحلية", bold=True), list_kind="ordered", number=2,
           list_id=1, **r),
        _b(K.PARAGRAPH, "بناء النظم الإيكولوجية الرقمية", list_kind="bullet", list_id=2, **r),
        _b(K.CLOSING, "وتفضلوا بقبول فائق التقدير والاحترام.", **r),
        _b(K.SIGNED, "(الأصل عليه توقيع)", **r),
        _b(K.SIGNATURE, "هولين جاو\nالأمين العام", **r),
    ]
    return Document("ar", blocks, title="منتدى القمة العالمية لمجتمع المعلومات 2020",
                    subject="دعوة", source="seed-001")


def make_french_letter() -> Document:
    """Seed 000 (WTDC-25 invitation), with a bold reference, a lost link and a list."""
    blocks = [
        _b(K.LETTERHEAD, "Secrétariat général (SG)"),
        _b(K.DATE_LINE, "Genève, le 31 octobre 2024"),
        _b(K.REFERENCE, "Référence: ", Span("DM-24/1009", bold=True),
           "- SG/BDT\nContact: M. Bruno Ramos\nCourriel: ",
           Span("wtdc@itu.int", link="mailto:wtdc@itu.int")),
        _b(K.ADDRESSEES, "À l'État de Palestine (Rés. 99)"),
        _b(K.SUBJECT, "Objet: Invitation à la Conférence mondiale de développement des "
           "télécommunications de 2025 (CMDT-25), du 17 au 28 novembre 2025"),
        _b(K.SALUTATION, "Madame, Monsieur,"),
        _b(K.PARAGRAPH, "J'ai l'honneur de vous informer que la prochaine Conférence (voir document ",
           Span("CL-24/49", link=""), ") se tiendra à Bakou, du 17 au 28 novembre 2025."),
        _b(K.PARAGRAPH, "J'ai l'honneur d'", Span("inviter", bold=True), " par la présente ",
           Span("l'État de Palestine", bold=True, italic=True), " à envoyer une délégation."),
        _b(K.PARAGRAPH, "Informations: ",
           Span("https://www.itu.int/itu-d/meetings/wtdc25/",
                link="https://www.itu.int/itu-d/meetings/wtdc25/"), "."),
        _b(K.PARAGRAPH, "premier point", list_kind="ordered", number=1, list_id=7),
        _b(K.PARAGRAPH, "second point", list_kind="ordered", number=2, list_id=7),
        _b(K.PARAGRAPH, "une puce", list_kind="bullet", list_id=8),
        _b(K.CLOSING, "Veuillez agréer, Madame, Monsieur, l'expression de ma considération "
           "distinguée."),
        _b(K.SIGNED, "(signé)"),
        _b(K.SIGNATURE, "Doreen Bogdan-Martin\nSecrétaire générale"),
    ]
    return Document("fr", blocks, title="Invitation à la CMDT-25", subject="CMDT-25",
                    source="seed-000")


@pytest.fixture
def arabic_letter() -> Document:
    return make_arabic_letter()


@pytest.fixture
def french_letter() -> Document:
    return make_french_letter()


@pytest.fixture(scope="session")
def letter_makers():
    """Builders of fresh sample letters, for module-scoped fixtures (one LibreOffice run)."""
    return {"ar": make_arabic_letter, "fr": make_french_letter}
