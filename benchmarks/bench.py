"""Speed and memory figures for the README. Prints them; asserts nothing.

    python benchmarks/bench.py            # all figures
    python benchmarks/bench.py --quick    # fewer repetitions

Figures (2-core machine, compare ratios rather than absolute times):
  cold      whole-process `handoutgen build <glute> --no-check`, median of N runs,
            next to a bare ReportLab script that embeds a TTF (the baseline); for the
            glute handout as shipped (with its exercise pictures) and for its text alone
            (no exercises block: the 3-page text-only handout the targets were set for)
  warm      in-process build of each, per handout over 200 builds
  check     in-process pypdf check of the built handout
  memory    peak resident memory of a process building the handout 200 times
"""

from __future__ import annotations

import argparse
import os
import shutil
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
from handoutgen.render.pdf.document import forget_chosen_passes
times = []
for _ in range({n}):
    forget_chosen_passes()  # each build as of a handout the process has not laid out before
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
        text_only = Path(tmp) / "text-only.yaml"
        text_only.write_text(
            "\n".join(
                line
                for line in GLUTE.read_text().splitlines()
                if "exercises:" not in line and "strength exercises to start" not in line
            )
        )
        baseline = median_seconds([sys.executable, "-c", BASELINE.format(font=font, out=f"{tmp}/b.pdf")], runs)
        cold = median_seconds(build_command(GLUTE, f"{tmp}/g.pdf", "--no-check"), runs)
        cold_checked = median_seconds(build_command(GLUTE, f"{tmp}/g.pdf"), runs)
        cold_text = median_seconds(build_command(text_only, f"{tmp}/t.pdf", "--no-check"), runs)
        median, mean, peak = in_process(GLUTE, loops)
        text_median, _, _ = in_process(text_only, loops)

    import handoutgen
    from handoutgen.verify import seen

    content = handoutgen.document(GLUTE)
    pdf = handoutgen.build(content)
    check_time = 0.0
    for _ in range(10):
        seen.forget()  # each check as of pages not read before
        start = time.perf_counter()
        handoutgen.check(pdf, content=content)
        check_time += (time.perf_counter() - start) / 10
    deck_time = deck_seconds(100)
    big_deck_time = big_deck_seconds(2000)
    watch_time = watch_seconds(5 if args.quick else 15)

    print(f"cold build, bare ReportLab + TTF baseline   {baseline * 1000:7.0f} ms")
    print(f"cold `handoutgen build --no-check`, glute   {cold * 1000:7.0f} ms  ({cold / baseline:.2f}x baseline)")
    print(
        f"cold, text only (no pictures)               {cold_text * 1000:7.0f} ms  "
        f"({cold_text / baseline:.2f}x baseline; target <= 1.40x)"
    )
    print(f"cold `handoutgen build` (with check), glute {cold_checked * 1000:7.0f} ms")
    print(f"in-process build, glute ({loops} runs)        {median * 1000:7.1f} ms median, {mean * 1000:.1f} ms mean")
    print(f"in-process build, text only                 {text_median * 1000:7.1f} ms median (target <= 15 ms)")
    print(f"in-process check, glute                     {check_time * 1000:7.1f} ms")
    print(f"peak memory, {loops} glute builds in one process {peak:6.1f} MiB (target <= 80 MiB)")
    print(f"in-process build, 100-card deck, cards-a6   {deck_time * 1000:7.0f} ms (target <= 1000 ms)")
    print(f"whole build and check, 2,000-card deck      {big_deck_time:7.1f} s  (target <= 10 s)")
    print(f"watch: save to rebuilt PDF, glute handout   {watch_time * 1000:7.0f} ms median (target <= 100 ms)")


def watch_seconds(saves: int) -> float:
    """From writing the glute handout to its rebuilt PDF on disk, with `watch` running warm."""
    import threading

    from handoutgen.authoring.watch import Watcher

    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp)
        for folder in ("handouts/exercises",):
            shutil.copytree(REPO / folder, project / folder)
        source = project / "handouts" / "glute-soreness.yaml"
        source.write_text(GLUTE.read_text())
        target = project / "out" / "glute-soreness.pdf"
        stop = threading.Event()
        ready = threading.Event()
        watcher = Watcher(
            (project / "handouts",), None, project / "out", say=lambda m: ready.set() if "watching" in m else None
        )
        thread = threading.Thread(target=watcher.run, args=(stop,), daemon=True)
        thread.start()
        ready.wait(30)
        samples = []
        for number in range(saves):
            before = target.stat().st_mtime_ns
            time.sleep(0.3)
            start = time.perf_counter()
            source.write_text(GLUTE.read_text().replace("Sore glutes from running", f"Sore glutes {number}"))
            while target.stat().st_mtime_ns == before:
                time.sleep(0.002)
            samples.append(time.perf_counter() - start)
        stop.set()
        thread.join(5)
    return statistics.median(samples)


def build_command(source: Path, out: str, *flags: str) -> list[str]:
    return [sys.executable, "-m", "handoutgen", "build", str(source), *flags, "-o", out]


def in_process(source: Path, loops: int) -> tuple[float, float, float]:
    """Median and mean seconds per build, and peak MiB, in a fresh process building `loops` times."""
    loop = subprocess.run(
        [sys.executable, "-c", LOOP.format(n=loops, glute=str(source))],
        check=True,
        capture_output=True,
        text=True,
        env=ENV,
    )
    median, mean, peak = map(float, loop.stdout.split())
    return median, mean, peak


def write_deck(project: Path, count: int) -> Path:
    """A project with a deck of `count` cards: the eight library exercises over and over."""
    shutil.copytree(REPO / "handouts", project / "handouts", dirs_exist_ok=True)
    ids = sorted(p.stem for p in (project / "handouts" / "exercises").glob("*.yaml") if ".es." not in p.name)
    deck = project / "handouts" / "decks" / f"deck-{count}.yaml"
    lines = [f"deck: deck-{count}", "title: A big deck", "language: en", "exercises:"]
    deck.write_text("\n".join([*lines, *(f"  - {ids[i % len(ids)]}" for i in range(count))]) + "\n")
    return deck


def deck_seconds(count: int) -> float:
    """A 100-card deck built once warm, in process."""
    from handoutgen.api import build, document

    with tempfile.TemporaryDirectory() as tmp:
        deck = document(write_deck(Path(tmp), count), layout="cards-a6")
        build(deck)  # warm the caches, as a clinic server would be
        start = time.perf_counter()
        build(deck)
        return time.perf_counter() - start


def big_deck_seconds(count: int) -> float:
    """A whole `handoutgen build` of a `count`-card deck in cards-a6, with its check."""
    with tempfile.TemporaryDirectory() as tmp:
        deck = write_deck(Path(tmp), count)
        start = time.perf_counter()
        command = [sys.executable, "-m", "handoutgen", "build", str(deck), "-l", "cards-a6", "-o", f"{tmp}/d.pdf"]
        subprocess.run(command, check=True, capture_output=True, env=ENV)
        return time.perf_counter() - start


if __name__ == "__main__":
    main()
