"""Merge batches: one programme built once per row of data, in processes and shards."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..errors import HandoutError, Problem
from .build import check_built, internal_error, write_editions


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
    from ..environment import source_date_epoch

    source_date_epoch()  # a bad value would fail every row; it is one mistake, said once
    from ..resolve.content import program_node
    from ..resolve.merge import PLACEHOLDER, Row, load_rows, placeholder_names, shard

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
    from ..errors import closest

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
    from ..resolve.merge import BadRow, output_name

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
    from ..output import sweep_stale

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
    from .. import api
    from ..resolve.layouts import load_layout
    from ..resolve.merge import output_name

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


def _with_row_number(row):
    from ..resolve.merge import Row

    return Row(row.number, row.where, {"row": str(row.number), **row.fields})
