"""Finding content files and building many of them, reporting each failure."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import HandoutError, Problem
from .source import Map, content_kind, load

if TYPE_CHECKING:
    from .verify.report import Report

BUILDABLE = ("handout", "deck", "program")  # built when found in a folder
LIBRARY = ("exercise",)  # built when named; in folders they are the library that decks use


def is_template(path: Path) -> bool:
    """A programme with {{ field }} placeholders in its values (comments do not count)."""
    from .resolve.merge import placeholder_names

    try:
        return bool(placeholder_names(load(path)))
    except HandoutError:
        return False


def is_layout(path: Path) -> bool:
    """A file with no content kind whose keys are all layout keys."""
    from .model.layout import Layout
    from .model.read import fields_of

    node = load(path)
    return isinstance(node, Map) and content_kind(path) is None and set(node.entries) <= set(fields_of(Layout))


SKIPPED_FOLDERS = {"node_modules", "__pycache__", "venv", "site-packages"}


def _yaml_files(folder: Path) -> list[Path]:
    """YAML files under a folder, sorted, leaving out hidden folders (.git, .venv) and the
    folders of package managers, which hold YAML that is not ours."""
    found = []
    for top, folders, files in os.walk(folder):
        folders[:] = [f for f in folders if not f.startswith(".") and f not in SKIPPED_FOLDERS]
        found += [Path(top, f) for f in files if f.endswith((".yaml", ".yml")) and not f.startswith(".")]
    return sorted(p for p in found if p.is_file())


def find_content(
    paths: tuple[Path, ...], include_library: bool = False
) -> tuple[list[Path], list[tuple[Path, str]], list[HandoutError]]:
    """Content files named, or found under folders: handouts, decks and programmes (and exercise
    and layout files with `include_library`); programme templates are listed as skipped."""
    sources: list[Path] = []
    skipped: list[tuple[Path, str]] = []
    errors: list[HandoutError] = []
    for path in paths:
        if path.is_dir():
            files = _yaml_files(path)
            for file in files:
                try:
                    kind = content_kind(file)
                except HandoutError as error:
                    errors.append(error)
                    continue
                if kind == "program" and is_template(file):
                    skipped.append((file, "programme template (build it with --data)"))
                elif (
                    kind in BUILDABLE
                    or (include_library and kind in LIBRARY)
                    or (include_library and kind is None and is_layout(file))
                ):
                    sources.append(file)
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
    metadata_name: bool = False
    formats: tuple[str, ...] = ("pdf",)
    strict: bool = False  # composition findings fail the build too


@dataclass
class BuildOutcome:
    lines: list[str] = field(default_factory=list)
    errors: list[HandoutError] = field(default_factory=list)
    failed_checks: list[tuple[str, Report]] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)  # each once, however many files share it
    composition: list[tuple[str, Report]] = field(default_factory=list)  # built, with composition findings


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
    from .resolve.layouts import load_layout

    outcome = BuildOutcome()
    try:
        layout = load_layout(job.layout)
    except HandoutError as error:
        outcome.errors.append(error)
        return outcome
    from .output import sweep_stale

    sweep_stale(_target_folders(job))
    targets: dict[Path, Path] = {}
    for source in job.sources:
        try:
            _build_source(job, layout, source, targets, outcome)
        except HandoutError as error:
            outcome.errors.append(error)
        except Exception as exc:  # a bug of ours: report it on this file and go on with the others
            outcome.errors.append(internal_error(source, exc))
    return outcome


def internal_error(source: Path | str, exc: Exception) -> HandoutError:
    return HandoutError.at(
        None,
        f"{source}: handoutgen failed on this file ({type(exc).__name__}: {exc})",
        "this is a bug in handoutgen, not in your file: please report it with the file",
    )


def _build_source(job: BuildJob, layout, source: Path, targets: dict[Path, Path], outcome: BuildOutcome) -> None:
    from . import api

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
        if failed:  # neither edition is written when one fails: a source is built whole or not at all
            outcome.failed_checks += failed
            return
        summaries = {fmt: f", checked: {_checked(report)}" for fmt, report in reports.items()}
        outcome.composition += [(str(paths[fmt]), r) for fmt, r in reports.items() if r.composition]
    write_editions(paths, built)
    for fmt, target in paths.items():
        size = f"{built.pages} page{'s' if built.pages != 1 else ''}" if fmt == "pdf" else "one page"
        outcome.lines.append(f"built {target} ({size}{summaries[fmt]})")


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
    from .output import write_file

    write_file(target, data)


def write_editions(paths: dict[str, Path], built) -> None:
    """Every edition written, or none: each target is checked before the first is written."""
    from .output import check_writable

    for target in paths.values():
        check_writable(target)
    for fmt, target in paths.items():
        write_output(target, built.edition(fmt))


@dataclass(frozen=True)
class MergeJob:
    """One programme built once per row of merge data."""

    source: Path
    data: Path
    layout: str | None
    output: str  # a path template with {{ field }} placeholders; {{ row }} is the row number
    check: bool
    jobs: int = 1
    shard: str | None = None
    metadata_name: bool = False
    formats: tuple[str, ...] = ("pdf",)
    one_per_page: bool = False


@dataclass
class MergeOutcome:
    built: int = 0
    rows: int = 0
    failures: list[tuple[str, list[str]]] = field(default_factory=list)  # row label, messages


def merge_rows(job: MergeJob) -> list:
    """The rows this job builds. Mistakes of the programme template itself (a malformed
    placeholder, a field no row has) are raised here, once, before any row is built."""
    from .environment import source_date_epoch

    source_date_epoch()  # a bad value would fail every row; it is one mistake, said once
    from .resolve.content import program_node
    from .resolve.merge import PLACEHOLDER, Row, load_rows, placeholder_names, shard

    used = placeholder_names(program_node(job.source, row=None, allow_placeholders=True))
    rows = load_rows(job.data)
    if job.data.suffix.lower() == ".csv":  # every row has the header's fields
        header = next((set(row.fields) for row in rows if isinstance(row, Row)), None)
        if header is not None:
            outputs = [(m.group(1).strip(), None) for m in PLACEHOLDER.finditer(job.output)]
            unknown = [(name, where) for name, where in [*used, *outputs] if name not in header | {"row"}]
            if unknown:
                raise HandoutError(_unknown_fields(unknown, header, job))
    return shard(rows, job.shard)


def _unknown_fields(unknown: list, header: set[str], job: MergeJob) -> list:
    from .errors import closest

    problems = []
    for name, where in dict.fromkeys(unknown):
        place = "" if where is not None else f" (in -o `{job.output}`)"
        hint = closest(name, header) or "fields in the data: " + ", ".join(sorted(header))
        problems.append(Problem(where, f"`{{{{ {name} }}}}`{place} names a field that {job.data} does not have", hint))
    return problems


def group_failures(failures: list[tuple[str, list[str]]]) -> list[tuple[list[str], list[str]]]:
    """Rows that failed with the same messages, together: one error repeated in 500 rows is
    printed once, with the rows it happened in."""
    groups: dict[tuple[str, ...], list[str]] = {}
    for label, messages in failures:
        groups.setdefault(tuple(messages), []).append(label)
    return [(labels, list(messages)) for messages, labels in groups.items()]


def run_merge(job: MergeJob, rows: list, progress=None) -> MergeOutcome:
    """Build every row, in `job.jobs` processes; a bad row is reported and skipped."""
    from .resolve.merge import BadRow, output_name

    outcome = MergeOutcome(rows=len(rows))
    tasks = []
    claimed: dict[Path, str] = {}
    for row in rows:  # two rows never write one file
        if isinstance(row, BadRow):
            outcome.failures.append((row.label, [row.problem.format()]))
            continue
        try:
            target = output_name(job.output, _with_row_number(row)).resolve()
        except HandoutError as error:
            outcome.failures.append((row.label, [p.format() for p in error.problems]))
            continue
        if target in claimed:
            outcome.failures.append(
                (
                    row.label,
                    [f"its file would overwrite the one from {claimed[target]}; give each row its own file name in -o"],
                )
            )
            continue
        claimed[target] = row.label
        tasks.append((job, row))
    from .output import sweep_stale

    sweep_stale(target.parent for target in claimed)
    if job.jobs <= 1 or len(tasks) < 2:
        results = map(_build_row, tasks)
        _collect(outcome, results, progress)
        return outcome
    import multiprocessing

    context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else None)
    with context.Pool(job.jobs) as pool:
        _collect(
            outcome, pool.imap(_build_row, tasks, chunksize=max(1, min(16, len(tasks) // (job.jobs * 8)))), progress
        )
    return outcome


def _collect(outcome: MergeOutcome, results, progress) -> None:
    for label, messages in results:
        if messages:
            outcome.failures.append((label, messages))
        else:
            outcome.built += 1
        if progress is not None:
            progress.update(1)


def _build_row(task: tuple[MergeJob, object]) -> tuple[str, list[str]]:
    """Build one row's PDF and write it; returns the row label and any problems."""
    from . import api
    from .resolve.layouts import load_layout
    from .resolve.merge import output_name

    job, row = task
    try:
        layout = load_layout(job.layout)
        target = output_name(job.output, _with_row_number(row))
        paths = {fmt: target.with_suffix(f".{fmt}") for fmt in job.formats}
        built = api.build_file(job.source, layout, job.one_per_page, job.metadata_name, row, job.formats)
        if job.check:
            for fmt, path in paths.items():
                report = check_built(built, fmt)
                if not report.ok:
                    return row.label, [report.format(str(path))]
        write_editions(paths, built)
    except HandoutError as error:
        return row.label, [problem.format() for problem in error.problems]
    except Exception as exc:  # a bug of ours: this row fails, the others are built
        return row.label, [internal_error(row.label, exc).problems[0].format()]
    return row.label, []


def check_built(built, format: str = "pdf") -> Report:
    """The check of an edition just built, against the document it was built from."""
    if format == "html":
        from .verify.html import check_html

        return check_html(built.edition("html"), built.document)
    from .verify.pdf import check_pdf

    return check_pdf(built.pdf, built.document, built.layout)


def _with_row_number(row):
    from .resolve.merge import Row

    return Row(row.number, row.where, {"row": str(row.number), **row.fields})
