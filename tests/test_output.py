"""Same inputs, same bytes; literal text; safe fonts; pictures."""

from __future__ import annotations

from pathlib import Path

import pytest

import handoutgen
from conftest import GLUTE, MINIMAL, pdf_text, reader, run, write


def test_two_builds_are_byte_identical() -> None:
    assert handoutgen.build(GLUTE) == handoutgen.build(GLUTE)


def test_cli_rebuild_is_byte_identical(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(project / "handouts" / "h.yaml", MINIMAL)
    monkeypatch.chdir(project)
    run("build", "handouts/h.yaml", "-o", "one.pdf")
    run("build", "handouts/h.yaml", "-o", "two.pdf")
    assert (project / "one.pdf").read_bytes() == (project / "two.pdf").read_bytes()


def test_pdf_is_dated_from_reviewed_or_source_date_epoch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    assert reader(handoutgen.build(GLUTE)).metadata["/CreationDate"].startswith("D:20261101000000")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")  # 2023-11-14 22:13:20 UTC
    pdf = handoutgen.build(GLUTE)
    assert reader(pdf).metadata["/CreationDate"].startswith("D:20231114221320")
    assert pdf == handoutgen.build(GLUTE)


def test_special_characters_print_literally(project: Path) -> None:
    source = write(
        project / "handouts" / "h.yaml",
        MINIMAL.replace("Rest your legs today.", '"AT&T x<y and z>w <b>not bold</b> 5 * 3 = 15, 50% & more"'),
    )
    text = pdf_text(handoutgen.build(source))
    assert "AT&T x<y and z>w <b>not bold</b> 5 * 3 = 15, 50% & more" in text


def test_yaml_11_surprises_stay_text(project: Path) -> None:
    source = write(
        project / "handouts" / "h.yaml",
        MINIMAL.replace("- text: Rest your legs today.", "- bullets: [NO, 1:30, 0755, yes, ~]"),
    )
    text = pdf_text(handoutgen.build(source))
    for word in ("NO", "1:30", "0755", "yes", "~"):
        assert word in text


def test_markdown_bold_italic_and_links(project: Path) -> None:
    source = write(
        project / "handouts" / "h.yaml",
        MINIMAL.replace(
            "Rest your legs today.",
            '"**Rest** your *legs*; call [us](tel:+441632960123) or see [our page](https://example.org/help)."',
        ),
    )
    pdf = reader(handoutgen.build(source))
    text = pdf.pages[0].extract_text()
    assert "Rest your legs; call us (+441632960123) or see our page (example.org/help)." in text
    uris = sorted(a.get_object()["/A"]["/URI"] for a in pdf.pages[0]["/Annots"])
    assert uris == ["https://example.org/help", "tel:+441632960123"]
    fonts = {str(f.get_object()["/BaseFont"]).split("+")[1] for f in pdf.pages[0]["/Resources"]["/Font"].values()}
    assert {"NotoSans-Bold", "NotoSans-Italic"} <= fonts


def test_accented_and_greek_text_uses_the_embedded_font(project: Path) -> None:
    source = write(
        project / "handouts" / "h.yaml",
        MINIMAL.replace("Rest your legs today.", "Ñandú, crème brûlée, Ωμέγα, Straße, “quotes” — dash"),
    )
    assert "Ñandú, crème brûlée, Ωμέγα, Straße, “quotes” — dash" in pdf_text(handoutgen.build(source))


def test_svg_and_png_pictures_are_drawn_with_captions(project: Path) -> None:
    from PIL import Image

    Image.new("RGB", (40, 20), "#cc3300").save(project / "handouts" / "images" / "red.png")
    write(
        project / "handouts" / "images" / "dot.svg",
        '<svg xmlns="http://www.w3.org/2000/svg" width="100" height="50" viewBox="0 0 100 50">'
        '<circle cx="25" cy="25" r="20" fill="#0f5e6e"/></svg>',
    )
    source = write(
        project / "handouts" / "h.yaml",
        MINIMAL
        + """\
      - image: {path: images/red.png, alt: A red block, caption: The red block, width: 40mm}
      - image: {path: images/dot.svg, alt: A teal dot, caption: The teal dot}
""",
    )
    pdf = handoutgen.build(source)
    text = pdf_text(pdf)
    assert "The red block" in text and "The teal dot" in text
    assert "A red block" not in text  # alt text describes, it is not printed
    assert handoutgen.check(pdf, content=source).ok
    xobjects = reader(pdf).pages[0]["/Resources"]["/XObject"]
    assert any(x.get_object()["/Subtype"] == "/Image" for x in xobjects.values())


def test_qr_code_block_prints_label_and_address(project: Path) -> None:
    source = write(
        project / "handouts" / "h.yaml",
        MINIMAL
        + """\
      - qr: {url: "https://example.org/video", label: Watch the exercise}
""",
    )
    pdf = handoutgen.build(source)
    text = pdf_text(pdf)
    assert "Watch the exercise" in text and "example.org/video" in text
    assert handoutgen.check(pdf, content=source).ok


def test_output_folder_gets_only_finished_files(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from handoutgen.output import write_atomic

    target = project / "out" / "x.pdf"

    write_atomic(target, b"%PDF first")
    with pytest.raises(TypeError):
        write_atomic(target, object())  # type: ignore[arg-type]
    assert target.read_bytes() == b"%PDF first"
    assert [p.name for p in target.parent.iterdir()] == ["x.pdf"]


EXAMPLES = [
    ("handouts/glute-soreness.yaml", "a4"),
    ("handouts/glute-soreness.es.yaml", "layouts/riverside-clinic.yaml"),
    ("handouts/programs/glute-rehab.yaml", "large-print"),
    ("handouts/decks/glute-stretches.yaml", "cards-a6"),
    ("handouts/decks/glute-stretches.es.yaml", "cards-wallet"),
]


def test_every_example_is_byte_identical_warm_and_cold(tmp_path: Path) -> None:
    """Caches of a long-running process (fitted faces, measured paragraphs, drawn pictures)
    never change a byte: twice in this process, and once in a fresh one, give the same files."""
    import subprocess
    import sys

    from conftest import REPO

    warm = {}
    for source, layout in EXAMPLES:
        chosen = str(REPO / layout) if layout.endswith(".yaml") else layout
        for fmt in ("pdf", "html"):
            first = handoutgen.build(REPO / source, layout=chosen, format=fmt)
            assert handoutgen.build(REPO / source, layout=chosen, format=fmt) == first, (source, fmt)
            warm[(source, fmt)] = first
    for source, layout in EXAMPLES:
        chosen = str(REPO / layout) if layout.endswith(".yaml") else layout
        target = tmp_path / (Path(source).name.rsplit(".", 1)[0] + ".pdf")
        command = [sys.executable, "-m", "handoutgen", "build", str(REPO / source), "-l", chosen, "-o", str(target)]
        subprocess.run([*command, "--format", "pdf,html", "--no-check"], check=True, capture_output=True)
        assert target.read_bytes() == warm[(source, "pdf")], source
        assert target.with_suffix(".html").read_bytes() == warm[(source, "html")], source


def test_a_batchs_rows_are_the_bytes_each_row_gives_alone(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A batch lays each row out once, on the pass the first row like it settled on. Here a short
    name settles on the tightest pass (two pages) and a name that takes three lines of the
    details table does not fit there (three pages): each row, in any order, is the file it
    gives when built on its own."""
    from conftest import copy_examples
    from handoutgen.errors import Where
    from handoutgen.render.pdf.document import forget_chosen_passes
    from handoutgen.resolve.merge import Row

    copy_examples(project)
    template = project / "handouts" / "programs" / "glute-rehab-template.yaml"
    goals = "".join(f"  - Goal number {i} for the weeks ahead, said in a sentence.\n" for i in range(2))
    text = template.read_text().replace("goals:\n", "goals:\n" + goals)
    template.write_text(text[: text.index("handouts:")])
    long = "Bartholomew Featherstonehaugh-Smythe the Third of Little Whinging upon Thames, Esquire, Knight"
    names = ["Ann", long, "Li", long, "Ann"]
    data = write(
        project / "rows.csv",
        "id,patient,clinician,date,review_date\n"
        + "".join(f'r{i},"{name}",Sam Patel,2026-11-20,2026-12-18\n' for i, name in enumerate(names)),
    )
    monkeypatch.chdir(project)
    forget_chosen_passes()
    assert run("build", str(template), "--data", str(data), "-o", "out/{{ id }}.pdf").exit_code == 0
    pages = []
    for number, name in enumerate(names):
        forget_chosen_passes()
        row = Row(number + 1, Where(str(data), number + 2, 1), {"id": f"r{number}", "patient": name,
                  "clinician": "Sam Patel", "date": "2026-11-20", "review_date": "2026-12-18"})  # fmt: skip
        alone = handoutgen.build_file(template, row=row)
        assert (project / "out" / f"r{number}.pdf").read_bytes() == alone.pdf, name
        pages.append(alone.pages)
    assert pages == [2, 3, 2, 3, 2]


GHOSTED = """<svg xmlns="http://www.w3.org/2000/svg" width="100" height="60" viewBox="0 0 100 60">
  <g opacity="0.5"><rect x="5" y="5" width="40" height="40" fill="#1f5f8b"/>
    <g fill-opacity="{inner}"><circle cx="70" cy="25" r="20" fill="#c0392b"/></g></g>
  <rect x="10" y="48" width="80" height="8" fill="#333333" fill-opacity="0.5"/>
  <path d="M5 58 L95 58" stroke="#000000" stroke-opacity="0.4" stroke-width="2"/>
</svg>
"""


def test_pictures_drawn_from_memory_are_the_bytes_drawn_afresh(project: Path, tmp_path: Path) -> None:
    """A picture's shapes are drawn once and replayed: with transparency on the page before it,
    nested inside it and repeated on the page, a warm build is the cold build's bytes, and every
    transparency a page uses is in that page's resources."""
    import re
    import subprocess
    import sys

    from conftest import reader, write

    for name, inner in (("a.svg", "0.3"), ("b.svg", "0.8")):
        write(project / "handouts" / "images" / name, GHOSTED.format(inner=inner))
    blocks = "".join(
        f"      - image: {{path: images/{name}, alt: Shapes, width: 50mm}}\n" for name in ("b.svg", "a.svg", "a.svg")
    )
    source = write(
        project / "handouts" / "shapes.yaml",
        "handout: shapes\ntitle: Shapes\nlanguage: en\nreviewed: 2026-11-01\nsections:\n"
        f"  - title: Shapes\n    blocks:\n{blocks}  - title: Again\n    blocks:\n{blocks}",
    )
    first = handoutgen.build(source)
    assert handoutgen.build(source) == first
    target = tmp_path / "cold.pdf"
    command = [sys.executable, "-m", "handoutgen", "build", str(source), "-o", str(target), "--no-check"]
    subprocess.run(command, check=True, capture_output=True)
    assert target.read_bytes() == first
    for page in reader(first).pages:
        used = set(re.findall(rb"/(gRLs\d+) gs", page.get_contents().get_data()))
        states = page["/Resources"].get("/ExtGState", {})
        assert used and {name.decode() for name in used} <= {key.lstrip("/") for key in states}


GRADIENT = """<svg xmlns="http://www.w3.org/2000/svg" width="240" height="160" viewBox="0 0 240 160">
  <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="0">
    <stop offset="0" stop-color="#c0392b"/><stop offset="1" stop-color="#1f5f8b"/></linearGradient></defs>
  <rect x="10" y="10" width="220" height="140" fill="url(#g)"/>
</svg>
"""


def test_a_gradient_picture_is_drawn_afresh_on_every_page(project: Path, tmp_path: Path) -> None:
    """A gradient adds a shading to the page it is drawn on, so it is never replayed: on the
    second page as on the first, warm as cold, the page lists the shading it paints with."""
    import re
    import subprocess
    import sys

    import pypdfium2 as pdfium

    from conftest import reader, write

    write(project / "handouts" / "images" / "grad.svg", GRADIENT)
    image = "      - image: {path: images/grad.svg, alt: A red to blue box, width: 80mm}\n"
    source = write(
        project / "handouts" / "grad.yaml",
        "handout: grad\ntitle: Gradients\nlanguage: en\nreviewed: 2026-11-01\nsections:\n"
        f"  - title: One\n    blocks:\n{image}      - text: First.\n"
        f"  - title: Two\n    blocks:\n      - text: Second.\n{image * 5}",
    )
    first = handoutgen.build(source)
    assert handoutgen.build(source) == first
    target = tmp_path / "cold.pdf"
    subprocess.run([sys.executable, "-m", "handoutgen", "build", str(source), "-o", str(target)], check=True)
    assert target.read_bytes() == first
    pages = reader(first).pages
    assert len(pages) >= 2
    for page in pages:
        used = {name.decode() for name in re.findall(rb"/(Sh\d+) sh", page.get_contents().get_data())}
        assert used and used <= {key.lstrip("/") for key in page["/Resources"].get("/Shading", {})}
    document = pdfium.PdfDocument(first)
    for index in range(len(document)):  # red drawn on every page
        colours = document[index].render(scale=0.5).to_pil().convert("RGB").getcolors(1 << 20)
        assert any(r > 150 and g < 90 and b < 90 for _, (r, g, b) in colours), index
    document.close()


def test_a_device_or_pipe_is_never_replaced_by_a_file(tmp_path: Path) -> None:
    import os

    pipe = tmp_path / "pipe.pdf"
    os.mkfifo(pipe)
    result = run("build", str(GLUTE), "-o", str(pipe))
    assert result.exit_code == 2 and "it is not a regular file" in result.stderr
    assert not pipe.is_file() and pipe.exists()
