"""The check reads a page it has read before from memory: a batch's leaflets, a deck's repeated
sheets. What it says is what it says on a first reading, with each page's own number."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter

import handoutgen
from conftest import REPO, write
from handoutgen.verify import seen
from test_composition import HANDOUT, draw, page_one, rest_of


def _report(pdf: bytes, document) -> dict:
    return handoutgen.check(pdf, content=document).to_dict()


def _behind(front: bytes, back: bytes) -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(front)))
    writer.append(PdfReader(io.BytesIO(back)))
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


@pytest.fixture
def knees(tmp_path: Path):
    import shutil

    shutil.copytree(REPO / "handouts", tmp_path / "handouts")
    return handoutgen.document(write(tmp_path / "handouts" / "knees.yaml", HANDOUT))


def test_pages_read_before_are_found_again_under_their_new_numbers(knees) -> None:
    faint = draw(knees, [page_one(knees), rest_of(knees)], size=6, color="#b0b0b0")
    plain = draw(knees, [page_one(knees)])
    later = _behind(plain, faint)  # the faint pages again, as pages 2 and 3
    seen.forget()
    first = _report(faint, knees)
    again = _report(later, knees)
    seen.forget()
    assert _report(later, knees) == again
    assert [(c["code"], c["page"]) for c in first["composition"]] == [
        ("small-text", 1),
        ("small-text", 2),
        ("contrast", 1),
        ("contrast", 2),
    ]
    assert [(c["code"], c["page"]) for c in again["composition"]] == [
        ("small-text", 2),
        ("small-text", 3),
        ("contrast", 2),
        ("contrast", 3),
    ]


def test_a_page_is_known_by_all_it_is_drawn_from_and_not_by_its_place(knees) -> None:
    def prints(pdf: bytes) -> list[bytes]:
        return seen.fingerprints(list(PdfReader(io.BytesIO(pdf)).pages))

    navy = draw(knees, [page_one(knees), rest_of(knees)])
    assert prints(navy) == prints(draw(knees, [page_one(knees), rest_of(knees)]))
    assert prints(_behind(navy, navy))[2:] == prints(navy)  # the same pages further on
    grey = prints(draw(knees, [page_one(knees), rest_of(knees)], color="#777777"))
    bigger = prints(draw(knees, [page_one(knees), rest_of(knees)], size=13))
    assert not set(grey) & set(prints(navy)) and not set(bigger) & set(prints(navy))
    moved = draw(knees, [page_one(knees), rest_of(knees, squat_at=0.35)])
    assert prints(moved)[0] == prints(navy)[0]  # page 1 drawn the same, from the same font subset
    assert prints(moved)[1] != prints(navy)[1]


def test_a_batchs_reports_are_the_reports_of_a_first_reading(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every row appends the same leaflet; a row checked after others says what it says alone."""
    from conftest import copy_examples
    from handoutgen.errors import Where
    from handoutgen.resolve.merge import Row

    copy_examples(project)
    template = project / "handouts" / "programs" / "glute-rehab-template.yaml"
    reports = []
    for number, name in enumerate(["Alex Morgan", "María Núñez", "Chris Wu"], start=1):
        row = Row(number, Where("rows.csv", number + 1, 1), {"patient": name, "clinician": "Sam Patel",
                  "date": "2026-11-20", "review_date": "2026-12-18"})  # fmt: skip
        built = handoutgen.build_file(template, row=row)
        reports.append((built, _report(built.pdf, built.document)))
    for built, warm in reports:
        seen.forget()
        assert _report(built.pdf, built.document) == warm
        assert warm["ok"] and warm["words_missing"] == [] and warm["pages"] == 7


def test_every_example_says_the_same_read_warm_or_cold() -> None:
    from test_output import EXAMPLES

    for source, layout in EXAMPLES:
        chosen = str(REPO / layout) if layout.endswith(".yaml") else layout
        document = handoutgen.document(REPO / source, chosen)
        pdf = handoutgen.build(REPO / source, layout=chosen)
        seen.forget()
        cold = _report(pdf, document)
        assert _report(pdf, document) == cold, source


def test_pages_that_link_to_one_another_and_back_to_themselves_are_read(tmp_path: Path) -> None:
    from conftest import run
    from test_hostile_pdfs import CATALOG, raw_pdf

    link = b"<< /Type /Annot /Subtype /Link /Rect [0 0 50 50] /P %d 0 R /Dest [%d 0 R /Fit] >>"
    pdf = raw_pdf(
        {
            1: CATALOG,
            2: b"<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >>",
            3: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Annots [5 0 R] >>",
            4: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Annots [6 0 R] >>",
            5: link % (3, 4),
            6: link % (4, 3),
        }
    )
    pages = list(PdfReader(io.BytesIO(pdf)).pages)
    first, second = seen.fingerprints(pages)
    assert first == second  # each draws nothing and links to the other: where a link leads is no part of the look
    path = tmp_path / "links.pdf"
    path.write_bytes(pdf)
    result = run("check", path)
    assert result.exit_code in (0, 1) and "Traceback" not in result.output + result.stderr


def _prints(pdf: bytes) -> list[bytes | None]:
    reader = PdfReader(io.BytesIO(pdf))
    return seen.fingerprints(list(reader.pages), reader.trailer["/Root"])


def _one_page(form: bytes, form_type: bytes = b"", catalog_more: bytes = b"", form_more: bytes = b"") -> bytes:
    """A page that draws form 4, which writes `form` in Helvetica."""
    from test_hostile_pdfs import raw_pdf

    stream = b"BT /F1 12 Tf 20 100 Td (" + form + b") Tj ET"
    return raw_pdf(
        {
            1: b"<< /Type /Catalog /Pages 2 0 R " + catalog_more + b" >>",
            2: b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            3: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 5 0 R"
            b" /Resources << /XObject << /X 4 0 R >> >> >>",
            4: b"<< "
            + form_type
            + b" /Subtype /Form /BBox [0 0 200 200] /Resources << /Font << /F1 6 0 R >> "
            + form_more
            + b" >> /Length %d >>\nstream\n" % len(stream)
            + stream
            + b"\nendstream",
            5: b"<< /Length 8 >>\nstream\n/X Do   \nendstream",
            6: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        }
    )


@pytest.mark.parametrize("form_type", [b"", b"/Type /Page", b"/Type /Pages"])
def test_what_a_page_draws_is_in_its_fingerprint_whatever_its_objects_call_themselves(form_type: bytes) -> None:
    assert _prints(_one_page(b"Hello", form_type)) != _prints(_one_page(b"World", form_type))
    assert _prints(_one_page(b"Hello", form_type)) == _prints(_one_page(b"Hello", form_type))


def test_which_layers_show_is_part_of_how_every_page_looks() -> None:
    layer = b"/OCProperties << /OCGs [7 0 R] /D << /ON [] /OFF [] >> >>"
    shown, hidden = layer, layer.replace(b"/OFF []", b"/OFF [7 0 R]")
    assert _prints(_one_page(b"Hello", catalog_more=shown)) != _prints(_one_page(b"Hello", catalog_more=hidden))
    assert _prints(_one_page(b"Hello", catalog_more=shown)) != _prints(_one_page(b"Hello"))


def test_a_page_whose_objects_contain_themselves_is_read_afresh_every_time(tmp_path: Path) -> None:
    from conftest import run

    looped = _one_page(b"Hello", form_more=b"/XObject << /Again 4 0 R >>")
    assert _prints(looped) == [None]
    path = tmp_path / "looped.pdf"
    path.write_bytes(looped)
    for _ in range(2):
        result = run("check", path)
        assert "text" in result.output and "damaged" not in result.output and "Traceback" not in result.stderr


@pytest.mark.parametrize("depth", [600, 5000])
def test_a_deep_chain_of_objects_changes_nothing_the_check_says(depth: int, tmp_path: Path) -> None:
    """The walk keeps no stack of its own calls: a chain deeper than Python's recursion limit
    is walked (or given up on past the walk's limit) without a word about it in the report."""
    from conftest import run
    from test_hostile_pdfs import raw_pdf

    objects = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        3: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Resources << /Next 10 0 R >> >>",
    }
    objects |= {10 + i: b"<< /Next %d 0 R >>" % (11 + i) for i in range(depth)}
    objects[10 + depth] = b"<< >>"
    path = tmp_path / "deep.pdf"
    path.write_bytes(raw_pdf(objects))
    assert _prints(path.read_bytes())[0] is not None
    result = run("check", path)
    assert "damaged" not in result.output and "RecursionError" not in result.output
    assert "ok   text" in result.output, result.output


def test_a_page_drawn_twice_in_one_document_is_found_at_both_places(knees) -> None:
    faint = draw(knees, [page_one(knees), rest_of(knees)], color="#b0b0b0")
    plain = draw(knees, [page_one(knees)])
    twice = _behind(_behind(faint, plain), faint)  # pages 1 2 | 3 | 4 5
    seen.forget()
    report = _report(twice, knees)
    assert [c["page"] for c in report["composition"] if c["code"] == "contrast"] == [1, 2, 4, 5]


def test_a_file_pypdf_had_to_repair_is_read_afresh_every_time() -> None:
    """When pypdf rebuilds a file's cross-reference table, pdfium may find other objects than
    pypdf did: what pdfium read of such a file is not kept for any other."""
    import re

    from handoutgen.verify.text import _READ

    good = _one_page(b"Hello")
    broken = re.sub(rb"startxref\n\d+", b"startxref\n999", good)
    seen.forget()
    handoutgen.check(broken)
    assert len(_READ._found) == 0
    handoutgen.check(good)
    assert len(_READ._found) == 1
