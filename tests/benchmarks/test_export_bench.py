"""Render + export of one letter and of a batch of 200, against docxtpl rendering the same letter
from an equivalent Word template (the peer). Compare the 'export-one' group's two rows."""
import io

import docx
import pytest

from circular_studio.core.model import draft as draft_io
from circular_studio.core.docx.writer import docx_bytes
from circular_studio.core.compose.pipeline import build_document
from tests.conftest import example_path

docxtpl = pytest.importorskip("docxtpl")


def _ours(d, language="ar"):
    return docx_bytes(build_document(d, language))


@pytest.fixture(scope="module")
def seed001():
    return draft_io.load(example_path("001"))


@pytest.fixture(scope="module")
def peer_template(tmp_path_factory, seed001):
    """A Word template equivalent to ours: header, date line, reference lines, subject,
    salutation, one paragraph per body paragraph, closing and signature, right-to-left."""
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "{{ letterhead }}"
    for line in ("{{ date_line }}", "{% for a in addressees %}{{ a }} {% endfor %}",
                 "المرجع: {{ reference }}", "جهة الاتصال: {{ contact }}",
                 "البريد الإلكتروني: {{ email }}", "الهاتف: {{ phone }}", "الموضوع: {{ subject }}",
                 "حضرات السادة والسيدات،", "تحية طيبة وبعد،", "{%p for p in paragraphs %}", "{{ p }}",
                 "{%p endfor %}", "وتفضلوا بقبول فائق التقدير والاحترام.", "(الأصل عليه توقيع)",
                 "{{ name }}", "{{ title }}"):
        document.add_paragraph(line)
    path = tmp_path_factory.mktemp("peer") / "letter.docx"
    document.save(path)
    return path


def _peer_context(doc):
    by_kind = {}
    for b in doc.blocks:
        by_kind.setdefault(b.kind.value, []).append(b.text)
    ref = by_kind["reference"][0].split("\n")
    return {"letterhead": by_kind["letterhead"][0], "date_line": by_kind["date_line"][0],
            "addressees": by_kind["addressees"][0].split("\n"), "reference": ref[0], "contact": ref[1],
            "email": ref[2], "phone": ref[3], "subject": by_kind["subject"][0],
            "paragraphs": by_kind["paragraph"], "name": "هولين جاو", "title": "الأمين العام"}


def _peer(template_path, context):
    tpl = docxtpl.DocxTemplate(str(template_path))
    tpl.render(context)
    out = io.BytesIO()
    tpl.save(out)
    return out.getvalue()


@pytest.mark.benchmark(group="export-one")
def test_bench_ours_render_and_export_one(benchmark, seed001):
    data = benchmark(_ours, seed001)
    assert data[:2] == b"PK"


@pytest.mark.benchmark(group="export-one")
def test_bench_docxtpl_peer_one(benchmark, peer_template, seed001):
    context = _peer_context(build_document(seed001, "ar"))
    data = benchmark(_peer, peer_template, context)
    assert data[:2] == b"PK"


@pytest.mark.benchmark(group="export-batch")
def test_bench_ours_batch_of_200(benchmark):
    drafts = [draft_io.load(example_path(n)) for n in ("000", "001", "002", "004")]
    jobs = [(d, next(iter(d.languages))) for d in drafts] * 50

    def batch():
        return [_ours(d, lang) for d, lang in jobs]

    out = benchmark.pedantic(batch, rounds=1, iterations=1)
    assert len(out) == 200
