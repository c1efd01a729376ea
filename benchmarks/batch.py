"""Batch figures: personalised programmes from a CSV. Prints them; asserts nothing.

    python benchmarks/batch.py            # 1000 rows
    python benchmarks/batch.py --rows 200

Builds a 2-page programme (three exercises, compact, two-week log) once per row, through
the real command line, with --jobs 1 and --jobs 2, with and without the check, and samples
the memory of the worker processes to show that it stays flat across the batch.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}

PROGRAM = """\
program: strength-{{ id }}
title: Your strength programme
language: en
patient: "{{ patient }}"
clinician: "{{ clinician }}"
date: "{{ date }}"
style: compact
exercises:
  - use: glute-bridge
    dose: {sets: 2, reps: "{{ reps }}"}
  - use: clamshell
  - use: squat
    note: "{{ note }}"
log: {weeks: 2}
"""


def write_project(folder: Path, rows: int) -> tuple[Path, Path]:
    shutil.copytree(REPO / "handouts" / "exercises", folder / "handouts" / "exercises")
    program = folder / "handouts" / "programs" / "strength.yaml"
    program.parent.mkdir(parents=True)
    program.write_text(PROGRAM)
    data = folder / "rows.csv"
    lines = ["id,patient,clinician,date,reps,note"]
    lines += [
        f"r{i:05d},Patient {i},Sam Patel,2026-11-{1 + i % 28:02d},{8 + i % 5},Add a set in week {2 + i % 3}."
        for i in range(rows)
    ]
    data.write_text("\n".join(lines) + "\n")
    return program, data


def peak_children_rss(stop: threading.Event, samples: list[float]) -> None:
    """Sample the resident memory of every process under this one (Linux /proc)."""
    while not stop.is_set():
        total = 0.0
        for status in Path("/proc").glob("[0-9]*/status"):
            try:
                text = status.read_text()
            except OSError:
                continue
            if "handoutgen" not in (status.parent / "cmdline").read_bytes().decode(errors="replace"):
                continue
            for line in text.splitlines():
                if line.startswith("VmRSS:"):
                    total = max(total, float(line.split()[1]) / 1024)
        samples.append(total)
        time.sleep(0.2)


def run(program: Path, data: Path, out: Path, jobs: int, check: bool) -> tuple[float, list[float]]:
    command = [
        sys.executable,
        "-m",
        "handoutgen",
        "build",
        str(program),
        "--data",
        str(data),
        "-o",
        f"{out}/{{{{ id }}}}.pdf",
        "--jobs",
        str(jobs),
    ]
    if not check:
        command.append("--no-check")
    return timed_with_memory(command, program.parents[2])


def timed_with_memory(command: list[str], cwd: Path) -> tuple[float, list[float]]:
    """Seconds a command takes, and the memory of its processes sampled while it runs."""
    samples: list[float] = []
    stop = threading.Event()
    sampler = threading.Thread(target=peak_children_rss, args=(stop, samples))
    sampler.start()
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, env=ENV, cwd=cwd)
    elapsed = time.perf_counter() - start
    stop.set()
    sampler.join()
    return elapsed, samples


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=1000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        program, data = write_project(Path(tmp), args.rows)
        pages = subprocess.run(
            [
                sys.executable,
                "-m",
                "handoutgen",
                "build",
                str(program),
                "--data",
                str(data),
                "--shard",
                f"1/{args.rows}",
                "-o",
                f"{tmp}/probe/{{{{ id }}}}.pdf",
            ],
            check=True,
            capture_output=True,
            env=ENV,
            cwd=tmp,
        )
        probe = next(Path(tmp, "probe").glob("*.pdf"))
        from pypdf import PdfReader

        print(f"programme: {len(PdfReader(probe).pages)} pages, {args.rows} rows ({pages.returncode})")
        figures = {}
        for jobs in (1, 2):
            for check in (False, True):
                elapsed, samples = run(program, data, Path(tmp) / f"out-{jobs}-{check}", jobs, check)
                figures[(jobs, check)] = elapsed
                quarter = max(1, len(samples) // 4)
                early = max(samples[:quarter], default=0.0)
                late = max(samples[-quarter:], default=0.0)
                label = "with check" if check else "no check  "
                print(
                    f"--jobs {jobs}, {label}: {elapsed:6.1f} s, {args.rows / elapsed:5.1f} programmes/s; "
                    f"largest process {early:.0f} MiB in the first quarter, {late:.0f} MiB in the last"
                )
        for check in (False, True):
            speedup = figures[(1, check)] / figures[(2, check)]
            print(f"--jobs 2 speed-up, {'with' if check else 'without'} check: {speedup:.2f}x (target >= 1.6x)")


if __name__ == "__main__":
    main()
