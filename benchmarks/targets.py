"""The speed targets, each as a ratio against anchors measured in the same run. Asserts nothing.

    python benchmarks/targets.py            # 200 rows, 1,000 for the memory figure
    python benchmarks/targets.py --quick    # 40 rows, 200 for the memory figure

Anchors: bare ReportLab Platypus with our Noto Sans; Typst through the `typst` package
(`pip install typst`), when it is installed. Absolute times drift with the machine's load;
the ratios, measured side by side, are what the targets are set on.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from batch import timed_with_memory
from bench import BASELINE, ENV, REPO, build_command, median_seconds, write_deck

FONTS = REPO / "src" / "handoutgen" / "builtin" / "fonts"
GLUTE = REPO / "handouts" / "glute-soreness.yaml"
TEMPLATE = REPO / "handouts" / "programs" / "glute-rehab-template.yaml"

PLATYPUS_PAGES = """
import io, json, sys, time
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table
from reportlab.lib.utils import escapeOnce
from svglib.svglib import svg2rlg
pdfmetrics.registerFont(TTFont("Noto", {font!r}))
title = ParagraphStyle("t", fontName="Noto", fontSize=22, leading=28)
body = ParagraphStyle("b", fontName="Noto", fontSize=12, leading=17, spaceAfter=4)
texts, pictures = json.load(open({content!r}))
drawings = []
for path in pictures:
    drawing = svg2rlg(path)
    scale = 70 * mm / drawing.width
    drawing.scale(scale, scale)
    drawing.width, drawing.height = drawing.width * scale, drawing.height * scale
    drawings.append(drawing)
def one(patient):
    story = [Paragraph(escapeOnce(texts[0]), title), Paragraph("Prepared for " + patient, body)]
    pairs = iter(zip(drawings[::2], drawings[1::2]))
    for index, text in enumerate(texts[1:], start=1):
        story.append(Paragraph(escapeOnce(text), body))
        pair = next(pairs, None) if index % 8 == 0 else None
        if pair:
            story.append(Table([list(pair)]))
    doc = SimpleDocTemplate(io.BytesIO(), pagesize=A4, leftMargin=18 * mm, rightMargin=18 * mm)
    doc.build(story)
    return doc.page
one("Patient 0")
start = time.perf_counter()
pages = sum(one(f"Patient {{row}}") for row in range({n}))
print((time.perf_counter() - start) / pages)
"""


def handout_content(folder: Path) -> tuple[list[str], list[str]]:
    """The glute handout's printed words, in order, and its SVG pictures: what both anchors lay out."""
    import handoutgen
    from handoutgen.text.printed import printed_texts

    document = handoutgen.document(GLUTE)
    pictures = sorted({(p.key, p.data) for p in _pictures(document)})
    files = []
    for index, (_, data) in enumerate(pictures):  # the drawn pictures, as files both anchors read
        file = folder / f"picture-{index}.svg"
        file.write_bytes(data)
        files.append(str(file))
    return [str(t) for t in printed_texts(document.view)], files


def _pictures(value, seen=None):
    """Every SVG picture a resolved document holds."""
    import dataclasses

    from handoutgen.model.picture import Picture

    seen = set() if seen is None else seen
    if id(value) in seen or isinstance(value, (str, bytes, int, float, bool)) or value is None:
        return
    seen.add(id(value))
    if isinstance(value, Picture):
        if value.kind == "svg":
            yield value
    elif dataclasses.is_dataclass(value):
        for item in dataclasses.fields(value):
            yield from _pictures(getattr(value, item.name), seen)
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _pictures(item, seen)


TYPST_PAGE = """#set page(paper: "a4", margin: (x: 18mm, top: 30mm, bottom: 24mm),
  header: [Riverside clinic #h(1fr) Reviewed 2026-11-01], footer: context [#h(1fr) Page #counter(page).display()])
#set text(font: "Noto Sans", size: 12pt, lang: "en")
#set par(leading: 0.6em)
#let patient = sys.inputs.at("patient", default: "")
Prepared for #patient.
"""


def typst_handout(folder: Path) -> Path:
    """The glute handout's printed words and its pictures, as a Typst document: the same text
    and the same twelve SVGs for Typst to lay out, a picture pair after each exercise's words."""
    texts, pictures = handout_content(folder)
    lines = [TYPST_PAGE, "= " + texts[0].replace("#", "")]
    pairs = iter(zip(pictures[::2], pictures[1::2], strict=False))
    for index, text in enumerate(texts[1:], start=1):
        quoted = text.replace("\\", "\\\\").replace('"', '\\"')
        lines.append(f'#"{quoted}"\n')
        if index % 8 == 0:
            pair = next(pairs, None)
            if pair:
                lines.append(
                    f'#grid(columns: 2, gutter: 6mm, image("{pair[0]}", width: 70mm), '
                    f'image("{pair[1]}", width: 70mm))\n'
                )
    source = folder / "handout.typ"
    source.write_text("\n".join(lines))
    return source


TYPST_CARDS = """#set page(width: 105mm, height: 148mm, margin: 8mm)
#set text(font: "Noto Sans", size: 11pt)
#for card in range(100) [
  = Exercise #(card + 1)
  + Lie on your back with your knees bent.
  + Push through your heels and lift your hips.
  + Hold for two breaths, then lower slowly.
  Dose: 3 sets of 10. Stop if it hurts.
  #pagebreak(weak: true)
]
"""

TYPST_ONE = """
import sys, typst
typst.compile(sys.argv[1], output=sys.argv[2], font_paths=[sys.argv[3]], ignore_system_fonts=True)
"""


def typst_installed() -> bool:
    try:
        import typst  # noqa: F401
    except ImportError:
        return False
    return True


def typst_pages_per_second(folder: Path, rows: int) -> float:
    """One reused Typst compiler, the handout once per row with the row's patient name."""
    import typst
    from pypdf import PdfReader

    source = typst_handout(folder)
    compiler = typst.Compiler(str(source), root="/", font_paths=[str(FONTS)], ignore_system_fonts=True)
    first = compiler.compile(sys_inputs={"patient": "Patient 0"})
    pages = len(PdfReader(__import__("io").BytesIO(first)).pages)
    start = time.perf_counter()
    for row in range(rows):
        compiler.compile(sys_inputs={"patient": f"Patient {row}"})
    return rows * pages / (time.perf_counter() - start)


def write_rows(folder: Path, rows: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    data = folder / "rows.csv"
    lines = ["id,patient,clinician,date,review_date"]
    lines += [f"r{i:05d},Patient {i},Sam Patel,2026-11-{1 + i % 28:02d},2026-12-{1 + i % 28:02d}" for i in range(rows)]
    data.write_text("\n".join(lines) + "\n")
    return data


def batch(template: Path, data: Path, out: Path, *flags: str) -> tuple[float, int, list[float]]:
    """Seconds for a whole batch, pages per programme, and the memory samples of the process."""
    from pypdf import PdfReader

    command = [sys.executable, "-m", "handoutgen", "build", str(template), "--data", str(data)]
    command += ["-o", f"{out}/{{{{ id }}}}.pdf", *flags]
    elapsed, samples = timed_with_memory(command, template.parents[2])
    pages = len(PdfReader(next(out.glob("*.pdf"))).pages)
    return elapsed, pages, samples


def in_process_per_page(loops: int) -> float:
    """Our glute handout, built and checked in one warm process, seconds per page. The process
    forgets the layout passes it chose and the pages it read before each build, so that each is
    measured as a handout it has not seen (a batch's rows, by contrast, reuse both)."""
    import handoutgen
    from handoutgen import api
    from handoutgen.render.pdf.document import forget_chosen_passes
    from handoutgen.verify import seen

    document = handoutgen.document(GLUTE)
    pdf, pages = api.render(document)
    handoutgen.check(pdf, content=document)
    samples = []
    for _ in range(loops):
        forget_chosen_passes()
        seen.forget()
        start = time.perf_counter()
        document = handoutgen.document(GLUTE)
        pdf, pages = api.render(document)
        handoutgen.check(pdf, content=document)
        samples.append((time.perf_counter() - start) / pages)
    return statistics.median(samples)


def row(name: str, ours: str, anchor: str, ratio: float, target: str, met: bool) -> None:
    print(f"{name:<46} {ours:>14} {anchor:>26} {ratio:7.2f}x  {target:<10} {'met' if met else 'missed'}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="fewer rows and repetitions")
    args = parser.parse_args()
    rows, memory_rows, runs = (40, 200, 5) if args.quick else (200, 1000, 11)
    font = str(FONTS / "NotoSans-Regular.ttf")
    have_typst = typst_installed()
    print(f"{'figure':<46} {'handoutgen':>14} {'anchor':>26} {'ratio':>8}  target")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        import shutil

        shutil.copytree(REPO / "handouts", folder / "handouts")
        template = folder / "handouts" / "programs" / "glute-rehab-template.yaml"
        alone = template.with_name("alone.yaml")
        text = template.read_text()
        alone.write_text(text[: text.index("handouts:")])  # the list of appended handouts is last
        data = write_rows(folder, rows)

        seconds, pages, _ = batch(template, data, folder / "with-handout")
        ours = rows * pages / seconds
        if have_typst:
            anchor = typst_pages_per_second(folder, rows)
            row(
                "programme + handout, check, --jobs 1",
                f"{ours:.0f} pages/s",
                f"Typst {anchor:.0f} pages/s",
                ours / anchor,
                ">= 1x",
                ours >= anchor,
            )
        else:
            print(f"programme + handout, check, --jobs 1: {ours:.0f} pages/s (Typst not installed)")

        seconds, pages, _ = batch(alone, data, folder / "alone", "--no-check")
        ours = rows * pages / seconds
        content = folder / "content.json"
        content.write_text(json.dumps(handout_content(folder)))
        platypus = float(
            subprocess.run(
                [sys.executable, "-c", PLATYPUS_PAGES.format(font=font, content=str(content), n=20)],
                check=True,
                capture_output=True,
                text=True,
                env=ENV,
            ).stdout
        )
        anchor = 1 / platypus
        row(
            "programme alone, no check",
            f"{ours:.0f} pages/s",
            f"Platypus {anchor:.0f} pages/s",
            ours / anchor,
            ">= 2x",
            ours >= 2 * anchor,
        )

        per_page = in_process_per_page(10 if args.quick else 40)
        row(
            "one handout in process, build + check",
            f"{per_page * 1000:.1f} ms/page",
            f"Platypus {platypus * 1000:.1f} ms/page",
            per_page / platypus,
            "<= 0.6x",
            per_page <= 0.6 * platypus,
        )

        deck = write_deck(folder / "deck", 100)
        deck_command = [sys.executable, "-m", "handoutgen", "build", str(deck), "-l", "cards-a6", "-o", f"{tmp}/d.pdf"]
        ours = median_seconds(deck_command, runs)
        if have_typst:
            cards = folder / "cards.typ"
            cards.write_text(TYPST_CARDS)
            anchor = median_seconds([sys.executable, "-c", TYPST_ONE, str(cards), f"{tmp}/c.pdf", str(FONTS)], runs)
            row(
                "100-card deck, build + check, whole process",
                f"{ours:.2f} s",
                f"Typst {anchor:.2f} s",
                ours / anchor,
                "<= 4x",
                ours <= 4 * anchor,
            )

        baseline = median_seconds([sys.executable, "-c", BASELINE.format(font=font, out=f"{tmp}/b.pdf")], runs)
        for flags, name, target in (("--no-check",), "cold build --no-check", 1.4), ((), "cold build with check", 1.5):
            ours = median_seconds(build_command(GLUTE, f"{tmp}/g.pdf", *flags), runs)
            row(
                name,
                f"{ours * 1000:.0f} ms",
                f"ReportLab {baseline * 1000:.0f} ms",
                ours / baseline,
                f"<= {target}x",
                ours <= target * baseline,
            )

        one, _, _ = batch(alone, data, folder / "j1", "--jobs", "1")
        two, _, _ = batch(alone, data, folder / "j2", "--jobs", "2")
        row(
            "--jobs 2 against --jobs 1, check on",
            f"{two:.1f} s",
            f"--jobs 1 {one:.1f} s",
            one / two,
            ">= 1.8x",
            one / two >= 1.8,
        )

        memory_data = write_rows(folder / "memory", memory_rows)
        _, _, samples = batch(alone, memory_data, folder / "m", "--no-check")
        tenth = max(1, len(samples) // 10)
        early, late = max(samples[tenth : 2 * tenth], default=0.0), max(samples[-tenth:], default=0.0)
        print(
            f"memory over {memory_rows} rows: {early:.0f} MiB early, {late:.0f} MiB at the end "
            f"({late - early:+.1f} MiB; target within 5 MiB) {'met' if abs(late - early) <= 5 else 'missed'}"
        )


if __name__ == "__main__":
    main()
