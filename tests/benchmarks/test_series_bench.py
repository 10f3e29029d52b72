"""Series letters (issue 13): the seed-000 invitation for the 194 Member States in French,
English and Arabic (582 letters) to DOCX in one process, against exporting one letter alone and
against docxtpl rendering the same 582 letters from an equivalent Word template; and a batch of
PDFs through LibreOffice, one process per CPU core. Compare the rows of each group; the per-letter
figures are in ``extra_info``."""
import io
import os

import docx
import pytest

from circular_studio.core.compose.pipeline import build_document
from circular_studio.core.document import BlockKind
from circular_studio.core.model import addressees as A
from circular_studio.core.model import draft as draft_io
from circular_studio.core.outputs import batch, pdf
from circular_studio.core.outputs.formats import export_document
from circular_studio.core.resources import examples_dir

docxtpl = pytest.importorskip("docxtpl")

LANGUAGES = ("fr", "en", "ar")


@pytest.fixture(scope="module")
def series():
    return draft_io.load(examples_dir() / "series-000.json")


@pytest.fixture(scope="module")
def members():
    return A.member_states(include_observers=False)


@pytest.mark.benchmark(group="series")
def test_bench_series_582_docx(benchmark, series, members, tmp_path):
    def run():
        return batch.render_series(series, members, LANGUAGES, tmp_path / "out")

    report = benchmark.pedantic(run, rounds=1, iterations=1)
    assert len(report.by_status("written")) == 582
    benchmark.extra_info["letters"] = 582
    benchmark.extra_info["ms_per_letter"] = round(benchmark.stats.stats.mean / 582 * 1000, 2)


@pytest.mark.benchmark(group="series")
def test_bench_single_letter_export(benchmark, series, tmp_path):
    """One letter rendered and written alone, as `render DRAFT -o FILE` does."""
    target = tmp_path / "one.docx"
    benchmark(export_document, series, "fr", target, "docx")
    assert target.stat().st_size > 0
    benchmark.extra_info["ms_per_letter"] = round(benchmark.stats.stats.mean * 1000, 2)


def _peer_template(path):
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "{{ letterhead }}"
    for line in ("{{ date_line }}", "{{ reference }}", "{{ addressee }}", "{{ subject }}",
                 "{{ salutation }}", "{%p for p in paragraphs %}", "{{ p }}", "{%p endfor %}",
                 "{{ closing }}", "{{ name }}", "{{ title }}"):
        document.add_paragraph(line)
    document.save(path)
    return path


def _peer_context(doc):
    by_kind = {}
    for b in doc.blocks:
        by_kind.setdefault(b.kind, []).append(b.text)
    first = lambda kind: (by_kind.get(kind) or [""])[0]  # noqa: E731
    return {"letterhead": first(BlockKind.LETTERHEAD), "date_line": first(BlockKind.DATE_LINE),
            "reference": first(BlockKind.REFERENCE), "addressee": first(BlockKind.ADDRESSEES),
            "subject": first(BlockKind.SUBJECT), "salutation": first(BlockKind.SALUTATION),
            "paragraphs": by_kind.get(BlockKind.PARAGRAPH, []), "closing": first(BlockKind.CLOSING),
            "name": "Doreen Bogdan-Martin", "title": "Secrétaire générale"}


@pytest.mark.benchmark(group="series")
def test_bench_docxtpl_582(benchmark, series, members, tmp_path):
    """The peer: docxtpl must reload its template for every letter. Its contexts (the same texts,
    names already in the right grammatical form) are prepared outside the timing."""
    template = _peer_template(tmp_path / "peer.docx")
    contexts = [_peer_context(build_document(series, lang, addressee=a)) for a in members for lang in LANGUAGES]

    def run():
        out = []
        for ctx in contexts:
            tpl = docxtpl.DocxTemplate(str(template))
            tpl.render(ctx)
            buf = io.BytesIO()
            tpl.save(buf)
            out.append(len(buf.getvalue()))
        return out

    sizes = benchmark.pedantic(run, rounds=1, iterations=1)
    assert len(sizes) == 582
    benchmark.extra_info["ms_per_letter"] = round(benchmark.stats.stats.mean / 582 * 1000, 2)


@pytest.mark.libreoffice
@pytest.mark.skipif(pdf.soffice_path() is None, reason="LibreOffice (soffice) is not installed")
@pytest.mark.benchmark(group="series-pdf")
def test_bench_series_pdf_one_libreoffice_per_core(benchmark, series, members, tmp_path):
    chosen = members[:24]
    workers = os.cpu_count() or 1

    def run():
        return batch.render_series(series, chosen, ["fr"], tmp_path / "pdf", "pdf", pdf_workers=workers)

    report = benchmark.pedantic(run, rounds=1, iterations=1)
    assert len(report.by_status("written")) == len(chosen)
    assert all(p.read_bytes()[:4] == b"%PDF" for p in (tmp_path / "pdf").iterdir())
    benchmark.extra_info["workers"] = workers
    benchmark.extra_info["ms_per_letter"] = round(benchmark.stats.stats.mean / len(chosen) * 1000, 1)
