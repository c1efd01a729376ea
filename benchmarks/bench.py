"""Speed and memory figures for the README. Prints them; asserts nothing.

    python benchmarks/bench.py            # all figures
    python benchmarks/bench.py --quick    # fewer repetitions

Figures (2-core machine, compare ratios rather than absolute times):
  cold      whole-process `handoutgen build <glute> --no-check`, median of N runs,
            next to a bare ReportLab script that embeds a TTF (the baseline)
  warm      in-process build of the glute handout, per handout over 200 builds
  check     in-process pypdf check of the built handout
  memory    peak resident memory of a process building the handout 200 times
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
GLUTE = REPO / "handouts" / "glute-soreness.yaml"

BASELINE = """
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph, SimpleDocTemplate
pdfmetrics.registerFont(TTFont("Noto", {font!r}))
style = ParagraphStyle("b", fontName="Noto", fontSize=12, leading=17)
text = "Your glutes steady your pelvis and push you forward when you run. " * 6
SimpleDocTemplate({out!r}, pagesize=A4).build([Paragraph(text, style) for _ in range(28)])
"""

LOOP = """
import resource, sys, time
import handoutgen
from handoutgen.api import build
times = []
for _ in range({n}):
    start = time.perf_counter()
    build({glute!r})
    times.append(time.perf_counter() - start)
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
times.sort()
print(times[len(times) // 2], sum(times) / len(times), peak)
"""


# Users' Pythons cache compiled bytecode; a machine that sets PYTHONDONTWRITEBYTECODE
# would otherwise recompile our modules on every start and skew the cold figures.
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def median_seconds(command: list[str], runs: int) -> float:
    subprocess.run(command, check=True, capture_output=True, env=ENV)  # warm the bytecode cache
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True, env=ENV)
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="fewer repetitions")
    args = parser.parse_args()
    runs, loops = (5, 50) if args.quick else (15, 200)
    font = str(REPO / "src" / "handoutgen" / "builtin" / "fonts" / "NotoSans-Regular.ttf")
    with tempfile.TemporaryDirectory() as tmp:
        baseline = median_seconds([sys.executable, "-c", BASELINE.format(font=font, out=f"{tmp}/b.pdf")], runs)
        cold = median_seconds(
            [sys.executable, "-m", "handoutgen", "build", str(GLUTE), "--no-check", "-o", f"{tmp}/g.pdf"], runs
        )
        cold_checked = median_seconds(
            [sys.executable, "-m", "handoutgen", "build", str(GLUTE), "-o", f"{tmp}/g.pdf"], runs
        )
    loop = subprocess.run(
        [sys.executable, "-c", LOOP.format(n=loops, glute=str(GLUTE))], check=True, capture_output=True, text=True
    )
    median, mean, peak = map(float, loop.stdout.split())

    import handoutgen

    pdf = handoutgen.build(GLUTE)
    content = handoutgen.validate(GLUTE)
    start = time.perf_counter()
    for _ in range(10):
        handoutgen.check(pdf, content=content)
    check_time = (time.perf_counter() - start) / 10

    print(f"cold build, bare ReportLab + TTF baseline   {baseline * 1000:7.0f} ms")
    print(
        f"cold `handoutgen build --no-check`          {cold * 1000:7.0f} ms  "
        f"({cold / baseline:.2f}x baseline; target <= 1.40x)"
    )
    print(f"cold `handoutgen build` (with check)        {cold_checked * 1000:7.0f} ms")
    print(
        f"in-process build, per handout ({loops} runs)   {median * 1000:7.1f} ms median, "
        f"{mean * 1000:.1f} ms mean (target <= 15 ms)"
    )
    print(f"in-process check, per handout               {check_time * 1000:7.1f} ms")
    print(f"peak memory, {loops} builds in one process     {peak:7.1f} MiB (target <= 80 MiB)")


if __name__ == "__main__":
    main()
