"""Merge batches: one programme built once per row of data, in processes and shards."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import HandoutError, Problem
from .build import check_built, internal_error, write_editions
from .manifest import Edition, Entry, Journal, failed, inputs_key, journals, previous_entries, write_manifest


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
    manifest: Path | None = None  # the JSON-lines manifest to write; None: none
    resume: bool = False  # keep rows the manifest (or a killed run's journal) shows unchanged
    date_format: str | None = None  # how the data writes dates, like DD/MM/YYYY (YYYY-MM-DD always works)
    renames: tuple[str, ...] = ()  # --map HEADER=FIELD: the data must have each HEADER
    project_renames: tuple[str, ...] = ()  # the project's merge.map: used where the data has the column

    def options(self) -> dict[str, object]:
        """What, besides the files and the row, decides a row's output."""
        return {
            "layout": self.layout,
            "formats": list(self.formats),
            "check": self.check,
            "metadata_name": self.metadata_name,
            "one_per_page": self.one_per_page,
            "date_format": self.date_format,
            "renames": list(self.renames),
            "project_renames": list(self.project_renames),
        }


@dataclass
class MergeOutcome:
    built: int = 0
    kept: int = 0  # unchanged since the last run, not built again
    rows: int = 0
    failures: list[tuple[str, list[str]]] = field(default_factory=list)  # row label, messages
    entries: list[Entry] = field(default_factory=list)  # the manifest's lines


def merge_rows(job: MergeJob) -> list:
    """The rows this job builds. Mistakes of the programme template itself (a malformed
    placeholder, a field no row has) are raised here, once, before any row is built."""
    from ..environment import source_date_epoch

    source_date_epoch()  # a bad value would fail every row; it is one mistake, said once
    if job.date_format is not None:
        from ..model.types import date_format

        try:
            date_format(job.date_format)
        except ValueError as exc:
            raise HandoutError.at(None, f"--date-format: {exc}") from None
    if job.manifest is not None:
        from ..output import check_writable

        check_writable(job.manifest)
    from ..resolve.content import program_node
    from ..resolve.merge import PLACEHOLDER, Row, field_name, load_rows, parse_renames, placeholder_names, shard

    used = placeholder_names(program_node(job.source, row=None, allow_placeholders=True))
    rows = load_rows(job.data, parse_renames(job.renames), parse_renames(job.project_renames))
    if job.data.suffix.lower() == ".csv":  # every row has the header's fields
        header = next((set(row.fields) for row in rows if isinstance(row, Row)), None)
        if header is not None:
            outputs = [(m.group(1).strip(), None) for m in PLACEHOLDER.finditer(job.output)]
            known = header | {"row"}
            unknown = [(name, where) for name, where in [*used, *outputs] if field_name(name) not in known]
            if unknown:
                raise HandoutError(_unknown_fields(unknown, header, job))
    return shard(_clashes_marked(rows, job.output), job.shard)


def _overwrites(owner: str) -> str:
    return f"its file would overwrite the one from {owner}; give each row its own file name in -o"


def _clashes_marked(rows: list, template: str) -> list:
    """Rows whose output file another row before them writes too, as bad rows. Found over the
    whole data before sharding, so that every shard agrees on which row owns a file."""
    from ..resolve.merge import BadRow, output_name

    owners: dict[str, str] = {}
    marked = []
    for row in rows:
        if not isinstance(row, BadRow):
            try:
                target = _file_key(output_name(template, _with_row_number(row)))
            except HandoutError:
                marked.append(row)  # reported when the row is built
                continue
            if target in owners:
                row = BadRow(row.number, row.where, Problem(row.where, _overwrites(owners[target])))
            else:
                owners[target] = row.label
        marked.append(row)
    return marked


def _file_key(path: Path) -> str:
    """A file as the disks clinics use see it: `P1.pdf` and `p1.pdf` are one file on macOS and
    Windows, so two rows may not write them even where the names would differ."""
    return str(path.resolve()).casefold()


def manifest_path(source: Path, template: str, shard: str | None, given: Path | None = None) -> Path:
    """Where a batch writes its manifest: `given`, or `<programme>.manifest.jsonl` in the outputs'
    fixed folder. A shard's name says its shard (`-2-of-4`), given or not, so that N shards
    writing to one folder never share a manifest."""
    from ..resolve.merge import fixed_folder, shard_of

    chosen = shard_of(shard)
    suffix = f"-{chosen[0]}-of-{chosen[1]}" if chosen else ""
    if given is not None:
        return given.with_name(f"{given.name[: -len(given.suffix)]}{suffix}{given.suffix}")
    stem = source.name.rsplit(".", 1)[0]
    return fixed_folder(template) / f"{stem}.manifest{suffix}.jsonl"


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
    """Build every row, in `job.jobs` processes; a bad row is reported and skipped. Each row's
    line goes to the journal as it finishes, and the manifest is written whole at the end."""
    from ..output import sweep_stale

    outcome = MergeOutcome(rows=len(rows))
    previous = previous_entries(job.manifest) if job.manifest is not None and job.resume else {}
    tasks, claimed = _tasks(job, rows, previous, outcome)
    sweep_stale([*(target.parent for target in claimed), *([job.manifest.parent] if job.manifest else [])])
    superseded = journals(job.manifest) if job.manifest is not None else []  # the manifest will say it all
    journal = Journal(job.manifest) if job.manifest is not None else None
    written = False
    try:
        for result in _results(job, tasks):
            _collect(outcome, result, journal, progress)
        if job.manifest is not None:
            write_manifest(job.manifest, outcome.entries)
            written = True
            for old in superseded:
                old.unlink(missing_ok=True)
    finally:
        if journal is not None:
            journal.close(remove=written)  # a run that did not finish leaves its journal for --resume
    return outcome


def _tasks(job: MergeJob, rows: list, previous: dict[int, Entry], outcome: MergeOutcome):
    """The rows to build, each with what the last run recorded of it; rows that cannot be built
    (unreadable, or writing another row's file) are failures at once."""
    from ..resolve.merge import BadRow, output_name

    tasks = []
    claimed: dict[Path, str] = {}
    for row in rows:  # two rows never write one file
        if isinstance(row, BadRow):
            _fail(outcome, row, [row.problem.format()])
            continue
        try:
            target = output_name(job.output, _with_row_number(row)).resolve()
        except HandoutError as error:
            _fail(outcome, row, [p.format() for p in error.problems])
            continue
        if target in claimed:
            _fail(outcome, row, [_overwrites(claimed[target])])
            continue
        claimed[target] = row.label
        tasks.append((job, row, previous.get(row.number)))
    return tasks, claimed


def _fail(outcome: MergeOutcome, row, messages: list[str]) -> None:
    outcome.failures.append((row.label, messages))
    outcome.entries.append(failed(row.number, "\n".join(messages)))


def _results(job: MergeJob, tasks: list) -> Iterator[RowResult]:
    """Each row's result, in row order. With several processes the first row is built here
    first, so that the workers start with its fonts, layout, library and pictures loaded."""
    if job.jobs <= 1 or len(tasks) < 3:
        yield from map(_build_row, tasks)
        return
    import multiprocessing

    yield _build_row(tasks[0])
    rest = tasks[1:]
    context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else None)
    with context.Pool(job.jobs) as pool:
        yield from pool.imap(_build_row, rest, chunksize=max(1, min(16, len(rest) // (job.jobs * 8))))


def _collect(outcome: MergeOutcome, result: RowResult, journal: Journal | None, progress) -> None:
    if result.messages:
        outcome.failures.append((result.label, result.messages))
    elif result.kept:
        outcome.kept += 1
    else:
        outcome.built += 1
    outcome.entries.append(result.entry)
    if journal is not None:
        journal.add(result.entry)
    if progress is not None:
        progress.update(1)


@dataclass(frozen=True)
class RowResult:
    label: str
    entry: Entry
    messages: list[str] = field(default_factory=list)
    kept: bool = False  # unchanged since the last run: nothing was built


def _build_row(task: tuple[MergeJob, object, Entry | None]) -> RowResult:
    """Build one row's editions and write them, or keep them when nothing they come from changed."""
    from .. import api
    from ..resolve.layouts import load_layout
    from ..resolve.merge import output_name

    job, row, previous = task
    key = None
    try:
        layout = load_layout(job.layout)
        target = output_name(job.output, _with_row_number(row))
        paths = {fmt: target.with_suffix(f".{fmt}") for fmt in job.formats}
        document = _read_row(job, layout, row)
        key = inputs_key(document, row.fields, job.options())
        if previous is not None and previous.still_true(key) and previous.output == str(paths[job.formats[0]]):
            return RowResult(row.label, previous, kept=True)
        built = api.build_document(document, job.source, job.formats)
        if job.check:
            for fmt, path in paths.items():
                report = check_built(built, fmt)
                if not report.ok:
                    return _row_failed(row, [report.format(str(path))], key)
        write_editions(paths, built)
    except HandoutError as error:
        return _row_failed(row, [problem.format() for problem in error.problems], key)
    except Exception as exc:  # a bug of ours: this row fails, the others are built
        return _row_failed(row, [internal_error(row.label, exc).problems[0].format()], key)
    return RowResult(row.label, _built_entry(row.number, key, paths, built))


def _read_row(job: MergeJob, layout, row):
    """The row's resolved document, its dates read as the data writes them."""
    from .. import api
    from ..model.types import DATE_FORMAT, date_format

    token = DATE_FORMAT.set(date_format(job.date_format) if job.date_format else (None, None))
    try:
        return api.document(job.source, layout, job.one_per_page, job.metadata_name, row)
    finally:
        DATE_FORMAT.reset(token)


def _row_failed(row, messages: list[str], key: str | None) -> RowResult:
    return RowResult(row.label, failed(row.number, "\n".join(messages), key), messages)


def _built_entry(number: int, key: str, paths: dict[str, Path], built) -> Entry:
    editions = tuple(
        Edition(fmt, str(path), hashlib.sha256(built.edition(fmt)).hexdigest()) for fmt, path in paths.items()
    )
    first = editions[0]
    pages = built.pages if "pdf" in paths else 1
    return Entry(
        number,
        key,
        first.output,
        first.sha256,
        pages,
        built.document.meta.language,
        "built",
        editions=editions if len(editions) > 1 else (),
    )


def _with_row_number(row):
    from ..resolve.merge import Row

    return Row(row.number, row.where, {"row": str(row.number), **row.fields})
