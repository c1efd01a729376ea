"""Building content files into PDF and HTML editions, each checked, each failure reported."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import HandoutError, Problem

if TYPE_CHECKING:
    from ..verify.report import Report


@dataclass
class BuildJob:
    sources: list[Path]
    layout: str | None
    output: Path | None
    check: bool
    one_per_page: bool = False
    metadata_name: bool = False
    formats: tuple[str, ...] = ("pdf",)
    strict: bool = False  # composition findings fail the build too
    card_layout: str | None = None  # for decks and exercises when `layout` is a page layout (a project's)


@dataclass
class BuildOutcome:
    lines: list[str] = field(default_factory=list)
    errors: list[HandoutError] = field(default_factory=list)
    failed_checks: list[tuple[str, Report]] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)  # each once, however many files share it
    composition: list[tuple[str, Report]] = field(default_factory=list)  # built, with composition findings
    built: int = 0  # sources written
    failed: int = 0  # sources that could not be built or failed their check
    files: list[dict] = field(default_factory=list)  # one record per source, for --json


def output_path(source: Path, output: Path | None, format: str = "pdf") -> Path:
    """Where an edition of `source` goes: `-o x.pdf` (or x.html) names the file, and the other
    edition goes beside it; a folder gets `<name>.pdf` and `<name>.html`."""
    if output is not None and output.suffix.lower() in (".pdf", ".html"):
        return output.with_suffix(f".{format}")
    if output is not None and output.exists() and not output.is_dir():
        raise HandoutError.at(
            None, f"-o {output} is a file that is not a PDF or HTML page; give such a file or a folder"
        )
    return (output or Path("out")) / (source.name.rsplit(".", 1)[0] + f".{format}")


def _target_folders(job: BuildJob) -> list[Path]:
    folders = []
    for source in job.sources:
        try:
            folders += [output_path(source, job.output, f).parent for f in job.formats]
        except HandoutError:
            continue
    return folders


def run_build(job: BuildJob) -> BuildOutcome:
    from ..resolve.layouts import load_layout

    outcome = BuildOutcome()
    try:
        layout = load_layout(job.layout)
        cards = load_layout(job.card_layout) if job.card_layout and layout.cards is None else layout
    except HandoutError as error:
        outcome.errors.append(error)
        return outcome
    from ..output import sweep_stale

    sweep_stale(_target_folders(job))
    targets: dict[Path, Path] = {}
    for source in job.sources:
        record: dict = {"source": str(source), "kind": _kind(source), "status": "failed", "outputs": [], "checks": {}}
        record["problems"] = []
        try:
            chosen = cards if record["kind"] in ("deck", "exercise") else layout
            written = _build_source(job, chosen, source, targets, outcome, record)
        except HandoutError as error:
            outcome.errors.append(error)
            record["problems"] = [p.to_dict() for p in error.problems]
            written = False
        except Exception as exc:  # a bug of ours: report it on this file and go on with the others
            error = internal_error(source, exc)
            outcome.errors.append(error)
            record["problems"] = [p.to_dict() for p in error.problems]
            written = False
        outcome.built += written
        outcome.failed += not written
        outcome.files.append(record)
    return outcome


def _kind(source: Path) -> str | None:
    from ..source import content_kind

    try:
        return content_kind(source)
    except HandoutError:
        return None


def internal_error(source: Path | str, exc: Exception) -> HandoutError:
    return HandoutError.at(
        None,
        f"{source}: handoutgen failed on this file ({type(exc).__name__}: {exc})",
        "this is a bug in handoutgen, not in your file: please report it with the file",
    )


def _build_source(
    job: BuildJob, layout, source: Path, targets: dict[Path, Path], outcome: BuildOutcome, record: dict
) -> bool:
    """Build, check and write one source; False when its check failed and nothing was written.
    `record` gets what `--json` tells of it."""
    import hashlib

    from .. import api

    paths = {fmt: output_path(source, job.output, fmt) for fmt in job.formats}
    for target in paths.values():
        _claim(targets, target, source)
    built = api.build_file(source, layout, job.one_per_page, job.metadata_name, formats=job.formats)
    outcome.warnings += [w for w in built.warnings if w not in outcome.warnings]
    summaries = {fmt: "" for fmt in job.formats}
    if job.check:
        reports = {fmt: check_built(built, fmt) for fmt in job.formats}
        passed = (lambda r: r.strict_ok) if job.strict else (lambda r: r.ok)
        failed = [(str(paths[fmt]), report) for fmt, report in reports.items() if not passed(report)]
        record["checks"] = {fmt: report.to_dict() for fmt, report in reports.items()}
        if failed:  # neither edition is written when one fails: a source is built whole or not at all
            outcome.failed_checks += failed
            return False
        summaries = {fmt: f", checked: {_checked(report)}" for fmt, report in reports.items()}
        outcome.composition += [(str(paths[fmt]), r) for fmt, r in reports.items() if r.composition]
    write_editions(paths, built)
    record["status"] = "built"
    for fmt, target in paths.items():
        size = f"{built.pages} page{'s' if built.pages != 1 else ''}" if fmt == "pdf" else "one page"
        outcome.lines.append(f"built {target} ({size}{summaries[fmt]})")
        data = built.edition(fmt)
        pages = built.pages if fmt == "pdf" else 1
        record["outputs"].append(
            {"format": fmt, "path": str(target), "pages": pages, "sha256": hashlib.sha256(data).hexdigest()}
        )
    return True


def _checked(report: Report) -> str:
    return f"{report.cards} cards" if report.cards is not None else f"{report.words_expected} words"


def _claim(targets: dict[Path, Path], target: Path, source: Path) -> None:
    """Two inputs never write the same file, and no input is overwritten by its own PDF."""
    key = target.resolve()
    if key == source.resolve():
        raise HandoutError.at(None, f"{source}: the output {target} is the input file itself")
    if key in targets:
        raise HandoutError.at(
            None,
            f"{source}: its output {target} would overwrite the one from {targets[key]}",
            "build the two folders separately, or rename one of the files",
        )
    targets[key] = source


def write_output(target: Path, data: bytes) -> None:
    from ..output import write_file

    write_file(target, data)


def write_editions(paths: dict[str, Path], built) -> None:
    """Every edition written, or none: each target is checked before the first is written."""
    from ..output import check_writable

    for target in paths.values():
        check_writable(target)
    for fmt, target in paths.items():
        write_output(target, built.edition(fmt))


def check_built(built, format: str = "pdf") -> Report:
    """The check of an edition just built, against the document it was built from."""
    if format == "html":
        from ..verify.html import check_html

        return check_html(built.edition("html"), built.document)
    from ..verify.pdf import check_pdf

    return check_pdf(built.pdf, built.document, built.layout)
