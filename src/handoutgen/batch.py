"""Finding content files and building many of them, reporting each failure."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import HandoutError
from .source import Map, load

if TYPE_CHECKING:
    from .verify import Report

BUILDABLE = ("handout", "deck")  # built when found in a folder
LIBRARY = ("exercise",)  # built when named; in folders they are the library that decks use
PARTS = ("program",)  # not built on their own


def content_kind(path: Path) -> str | None:
    node = load(path)
    if isinstance(node, Map):
        for kind in (*BUILDABLE, *LIBRARY, *PARTS):
            if kind in node.entries:
                return kind
    return None


def find_content(
    paths: tuple[Path, ...], include_library: bool = False
) -> tuple[list[Path], list[tuple[Path, str]], list[HandoutError]]:
    """Content files named, or found under folders (handouts and decks, and exercise files
    with `include_library`); programmes are listed as skipped."""
    sources: list[Path] = []
    skipped: list[tuple[Path, str]] = []
    errors: list[HandoutError] = []
    for path in paths:
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file())
            for file in files:
                try:
                    kind = content_kind(file)
                except HandoutError as error:
                    errors.append(error)
                    continue
                if kind in BUILDABLE or (include_library and kind in LIBRARY):
                    sources.append(file)
                elif kind in PARTS:
                    skipped.append((file, kind))
        elif path.exists():
            sources.append(path)
        else:
            errors.append(HandoutError.at(None, f"{path}: no such file or folder"))
    return sources, skipped, errors


@dataclass
class BuildJob:
    sources: list[Path]
    layout: str | None
    output: Path | None
    check: bool
    one_per_page: bool = False


@dataclass
class BuildOutcome:
    lines: list[str] = field(default_factory=list)
    errors: list[HandoutError] = field(default_factory=list)
    failed_checks: list[tuple[str, Report]] = field(default_factory=list)


def output_path(source: Path, output: Path | None) -> Path:
    if output is not None and output.suffix.lower() == ".pdf":
        return output
    return (output or Path("out")) / (source.name.rsplit(".", 1)[0] + ".pdf")


def run_build(job: BuildJob) -> BuildOutcome:
    from . import api
    from .output import write_atomic
    from .resolve import load_layout

    outcome = BuildOutcome()
    try:
        layout = load_layout(job.layout)
    except HandoutError as error:
        outcome.errors.append(error)
        return outcome
    for source in job.sources:
        target = output_path(source, job.output)
        try:
            built = api.build_file(source, layout, job.one_per_page)
        except HandoutError as error:
            outcome.errors.append(error)
            continue
        summary = ""
        if job.check:
            report = api.check(built.pdf, content=built.content, layout=built.layout)
            if not report.ok:
                outcome.failed_checks.append((str(target), report))
                continue
            checked = f"{report.cards} cards" if report.cards is not None else f"{report.words_expected} words"
            summary = f", checked: {checked}"
        write_atomic(target, built.pdf)
        outcome.lines.append(f"built {target} ({built.pages} pages{summary})")
    return outcome
