"""Where the time goes: a profile of a batch row and of one handout, summed by library.

    python benchmarks/where_time_goes.py            # 20 rows, 10 handouts
    python benchmarks/where_time_goes.py --top 30   # and the 30 functions that take longest themselves

Each figure is the time spent inside that library's own code (cProfile's "tottime"), and in
the C functions it calls (zlib, ReportLab's _rl_accel, pdfium, Python's built-ins), so the
shares add up to the whole.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
from collections import defaultdict
from pathlib import Path

from bench import REPO

GLUTE = REPO / "handouts" / "glute-soreness.yaml"
TEMPLATE = REPO / "handouts" / "programs" / "glute-rehab-template.yaml"
LIBRARIES = ("reportlab", "pypdf", "pypdfium2", "svglib", "yaml", "markdown_it", "PIL", "lxml", "click")


def owner(filename: str) -> str:
    """The library (or part of handoutgen) a function's file belongs to."""
    if filename.startswith("~") or filename.startswith("<"):
        return "C built-ins"
    parts = Path(filename).parts
    if "handoutgen" in parts:
        index = parts.index("handoutgen")
        return "handoutgen/" + (parts[index + 1] if len(parts) > index + 2 else "")
    for library in LIBRARIES:
        if library in parts:
            if library == "reportlab" and "platypus" in parts:
                return "reportlab (Platypus layout)"
            return library
    return "Python standard library"


def summed(profile: cProfile.Profile, runs: int, top: int) -> None:
    stats = pstats.Stats(profile)
    shares: dict[str, float] = defaultdict(float)
    for (filename, _, _), (_, _, own, _, callers) in stats.stats.items():  # type: ignore[attr-defined]
        if owner(filename) != "C built-ins" or not callers:
            shares[owner(filename)] += own
            continue
        called = sum(caller[2] for caller in callers.values()) or 1.0
        for (caller_file, _, _), caller in callers.items():  # a built-in's time goes to who called it
            shares[owner(caller_file)] += own * caller[2] / called
    whole = sum(shares.values())
    for name, seconds in sorted(shares.items(), key=lambda item: -item[1]):
        if seconds / whole >= 0.005:
            print(f"  {seconds / runs * 1000:7.1f} ms  {100 * seconds / whole:5.1f} %  {name}")
    print(f"  {whole / runs * 1000:7.1f} ms in all (profiled; unprofiled runs take about half)")
    if top:
        stats.sort_stats("tottime").print_stats(top)


def rows(count: int):
    from handoutgen.errors import Where
    from handoutgen.resolve.merge import Row

    for number in range(1, count + 1):
        fields = {
            "id": f"r{number:05d}",
            "patient": f"Patient {number}",
            "clinician": "Sam Patel",
            "date": "2026-11-20",
            "review_date": "2026-12-18",
        }
        yield Row(number, Where("rows.csv", number + 1, 1), fields)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--top", type=int, default=0, help="also list this many functions")
    args = parser.parse_args()
    import handoutgen
    from handoutgen.render.pdf.document import forget_chosen_passes
    from handoutgen.verify import seen

    warm = list(rows(21))
    handoutgen.check((built := handoutgen.build_file(TEMPLATE, row=warm[0])).pdf, content=built.document)
    profile = cProfile.Profile()
    profile.enable()
    for row in warm[1:]:
        built = handoutgen.build_file(TEMPLATE, row=row)
        handoutgen.check(built.pdf, content=built.document)
    profile.disable()
    print(f"A batch row: the glute programme with its handout ({built.pages} pages), built and checked")
    summed(profile, 20, args.top)

    document = handoutgen.document(GLUTE)
    profile = cProfile.Profile()
    for _ in range(10):
        forget_chosen_passes()
        seen.forget()
        profile.enable()
        pdf = handoutgen.build(GLUTE)
        handoutgen.check(pdf, content=document)
        profile.disable()
    print("\nOne handout not seen before (the glute handout, 5 pages, laid out three times), built and checked")
    summed(profile, 10, args.top)


if __name__ == "__main__":
    main()
