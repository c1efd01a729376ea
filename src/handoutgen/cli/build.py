"""`handoutgen build` (files, folders and merge batches) and `handoutgen check`."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from ..diagnostics import located
from ..errors import HandoutError
from ..resolve.project import shown
from .common import (
    EXIT_BAD_INPUT,
    EXIT_CHECK_FAILED,
    annotate,
    complete_layout,
    main,
    parse_jobs,
    printing_json,
    project,
    report_errors,
    say,
)


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "-l",
    "--layout",
    metavar="NAME|FILE",
    shell_complete=complete_layout,
    help="Built-in layout name or layout file [default: a4].",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    help="Output file (one input; .pdf, or .html for the HTML edition) or folder [default: out/].",
)
@click.option(
    "--check/--no-check",
    default=True,
    show_default=True,
    help="Check every file written: fonts, metadata, safety, every word present, composition.",
)
@click.option(
    "--data",
    type=click.Path(path_type=Path),
    metavar="ROWS.csv|ROWS.yaml",
    help="Build the programme once per row, filling its {{ field }} placeholders.",
)
@click.option(
    "-j",
    "--jobs",
    metavar="N|auto",
    default="1",
    show_default=True,
    callback=lambda ctx, param, value: parse_jobs(value),
    help="With --data: build in this many processes (auto: one per core this process may use).",
)
@click.option(
    "--shard",
    metavar="I/N",
    help="With --data: build only every N-th row, starting at row I; auto/N reads I from a Kubernetes "
    "Indexed Job or a Slurm job array.",
)
@click.option(
    "--map",
    "renames",
    metavar="HEADER=FIELD",
    multiple=True,
    help='With --data: read the column HEADER as the field FIELD, like --map "Nom du patient=patient" '
    "(repeat it for more).",
)
@click.option(
    "--date-format",
    metavar="DD/MM/YYYY",
    help="With --data: how the data writes dates (DD/MM/YYYY, MM/DD/YYYY, DD.MM.YYYY...); "
    "YYYY-MM-DD is always read. Dates print in the content's language.",
)
@click.option(
    "--manifest",
    type=click.Path(dir_okay=False, path_type=Path),
    metavar="FILE.jsonl",
    help="With --data: write one JSON line per row here (default: beside the outputs, "
    "<programme>.manifest.jsonl, or .manifest-I-of-N.jsonl for a shard).",
)
@click.option(
    "--resume",
    is_flag=True,
    help="With --data: keep the rows that the manifest (or a killed run's journal) shows were built "
    "from the same inputs and whose files are unchanged; build the rest.",
)
@click.option(
    "--metadata-name",
    is_flag=True,
    help="Also put the patient's name in the PDF's metadata (by default it is only on the page).",
)
@click.option("--lint", "run_lint", is_flag=True, help="Also lint the content (see `handoutgen lint`).")
@click.option(
    "--json",
    "as_json",
    is_flag=True,
    help="Print a JSON report on stdout: each file's kind, status, outputs (pages, sha256), check and problems.",
)
@click.option(
    "--strict",
    is_flag=True,
    help="Fail on composition warnings too (a stub last page, a heading at the foot of a page, small text...).",
)
@click.option(
    "--one-per-page",
    is_flag=True,
    help="Cards: each face on its own page with bleed, crop marks, TrimBox and BleedBox (for print shops).",
)
@click.option(
    "-f",
    "--format",
    "formats",
    metavar="pdf|html|pdf,html",
    help="The editions to write: the printable PDF, one self-contained accessible HTML page, or both "
    "[default: pdf, or the project's formats].",
)
def build(
    paths: tuple[Path, ...],
    layout: str | None,
    output: Path | None,
    check: bool,
    data: Path | None,
    jobs: int,
    shard: str | None,
    renames: tuple[str, ...],
    date_format: str | None,
    manifest: Path | None,
    resume: bool,
    metadata_name: bool,
    run_lint: bool,
    as_json: bool,
    one_per_page: bool,
    formats: str | None,
    strict: bool,
) -> None:
    """Build handouts, programmes and card decks to PDF (and, with --format, HTML).

    PATHS are handout, deck, exercise or programme files, or folders (every handout,
    deck and programme inside is built); with none, ./handouts is built. Decks and exercises are
    printed as cards with a card layout (cards-a6 unless --layout names one).
    Files are written only when they built and checked cleanly; a bad file is
    reported and the others are still built.
    """
    from ..batch import BuildJob, find_content, run_build

    printing_json(as_json)
    settings = project()
    folders: tuple[Path, ...] = (Path("handouts"),)
    card_layout, folder = None, None
    if settings is not None:  # what the command line leaves out, the project file gives
        card_layout = None if layout else settings.card_layout
        layout = layout or settings.layout
        folder = shown(settings.output)
        formats = formats or ",".join(settings.formats)
        folders = tuple(shown(folder) for folder in settings.content)
    editions = _formats(formats or "pdf")
    if data is not None:
        if run_lint:
            raise click.UsageError("--lint goes without --data: lint the programme template with `handoutgen lint`")
        if as_json:
            raise click.UsageError("--json goes without --data: a batch writes a JSON-lines manifest (--manifest)")
        if settings is not None:  # the project's merge settings; the command line's win over them
            date_format = date_format or settings.date_format
        batch = {"jobs": jobs, "shard": shard, "manifest": manifest, "resume": resume, "date_format": date_format}
        batch["renames"] = renames
        batch["project_renames"] = settings.merge_map if settings is not None else ()
        if output is None and folder is not None:  # the project's output folder, a file per row
            output = folder / f"{paths[0].name.rsplit('.', 1)[0]}-{{{{ row }}}}.pdf" if paths else None
        sys.exit(_build_merged(paths, layout, output, check, data, batch, metadata_name, editions, one_per_page))
    output = output or folder
    if jobs > 1 or shard or manifest or resume or date_format or renames:
        raise click.UsageError("--jobs, --shard, --manifest, --resume, --map and --date-format go with --data")
    sources, skipped, errors = find_content(paths or folders)
    batches = settings.batches if settings is not None and not paths else ()
    skipped = [(path, kind) for path, kind in skipped if path.resolve() not in {b.program for b in batches}]
    for error in errors:
        report_errors(error)
    for path, kind in skipped:
        click.echo(f"skipped {path}: {kind}", err=True)
    if not sources and not errors and not batches:
        raise click.UsageError("no handout files found in " + ", ".join(map(str, paths or folders)))
    if output and output.suffix.lower() in (".pdf", ".html") and len(sources) > 1:
        raise click.UsageError(
            f"-o {output} names one file but {len(sources)} handouts were given; give a folder instead"
        )
    job = BuildJob(sources, layout, output, check, one_per_page, metadata_name, editions, strict, card_layout)
    outcome = run_build(job)
    _tell(outcome, errors, skipped, lines=not as_json)
    bad_input = bool(errors or outcome.errors)
    findings = []
    if run_lint and not bad_input:
        from ..authoring.lint_run import lint_paths

        findings = lint_paths(tuple(sources), layout, settings)
        for finding in findings:
            click.echo(finding.format(), err=True)
            annotate("warning", f"{finding.code}: {finding.message}", finding.where, finding.suggestion)
    moved = output if output is not None and output != folder else None  # -o: the batches' files go there too
    built_batches = [
        _build_declared(batch, settings, layout, check, metadata_name, editions, moved) for batch in batches
    ]
    if as_json:
        report = _json_report(outcome, errors, skipped, findings)
        report["batches"] = built_batches
        click.echo(json.dumps(report, indent=2, ensure_ascii=False))
    codes = [EXIT_BAD_INPUT if bad_input else EXIT_CHECK_FAILED if outcome.failed_checks or findings else 0]
    codes += [batch["exit_code"] for batch in built_batches]
    if EXIT_BAD_INPUT in codes:
        sys.exit(EXIT_BAD_INPUT)
    if EXIT_CHECK_FAILED in codes:
        sys.exit(EXIT_CHECK_FAILED)


def _build_declared(
    batch, settings, layout: str | None, check: bool, metadata_name: bool, editions, moved: Path | None = None
) -> dict:
    """One of the project's `batches`: its template filled from its data with the project's
    merge settings, like `build TEMPLATE --data DATA -o OUTPUT`; what `--json` says of it."""
    from ..batch import manifest_path

    options = {"jobs": 1, "shard": None, "manifest": None, "resume": False, "date_format": settings.date_format}
    options["renames"], options["project_renames"] = (), settings.merge_map
    written = Path(batch.output)
    if moved is not None:
        written = moved / written.relative_to(settings.output)
    program, data, output = shown(batch.program), shown(batch.data), str(shown(written))
    code = _build_merged((program,), layout, Path(output), check, data, options, metadata_name, editions)
    manifest = manifest_path(program, output, None)
    return {"program": str(program), "data": str(data), "manifest": str(manifest), "exit_code": code}


def _tell(outcome, errors: list[HandoutError], skipped: list, lines: bool) -> None:
    """What a build of files did, for people: warnings and problems on stderr; with `lines`,
    a line per file written and the summary on stdout."""
    for warning in outcome.warnings:
        click.echo(warning.format("warning"), err=True)
        annotate("warning", warning.message, warning.where, warning.hint)
    for line in outcome.lines if lines else ():
        say(line)
    for name, report in outcome.composition:
        for finding in report.composition:
            where = f"page {finding.page}: " if finding.page else ""
            click.echo(f"{name}: warning: {where}{finding.message} ({finding.code})", err=True)
            annotate("warning", f"{name}: {where}{finding.message} ({finding.code})")
    for error in outcome.errors:
        report_errors(error)
    for name, report in outcome.failed_checks:
        click.echo(report.format(name), err=True)
        annotate("error", report.format(name))
    failed = outcome.failed + len(errors)
    if outcome.built + failed + len(skipped) > 1:
        summary = f"built {outcome.built}, failed {failed}, skipped {len(skipped)}"
        if failed:
            click.echo(summary, err=True)
        elif lines:
            say(summary)


def _json_report(outcome, errors: list[HandoutError], skipped: list, findings: list) -> dict:
    """`build --json`: a record per file (source, kind, status, outputs with pages and sha256,
    the check's report per edition, problems), what was skipped, and the counts."""
    return {
        "files": outcome.files,
        "skipped": [{"source": str(path), "reason": reason} for path, reason in skipped],
        "errors": [problem.to_dict() for error in errors for problem in error.problems],
        "warnings": [warning.to_dict() for warning in outcome.warnings],
        "lint": [finding.to_dict() for finding in findings],
        "summary": {"built": outcome.built, "failed": outcome.failed + len(errors), "skipped": len(skipped)},
    }


def _formats(text: str) -> tuple[str, ...]:
    from ..api import FORMATS

    chosen = tuple(dict.fromkeys(part.strip().lower() for part in text.split(",") if part.strip()))
    unknown = [f for f in chosen if f not in FORMATS]
    if unknown or not chosen:
        raise click.BadParameter(f"`{text}`: give pdf, html or pdf,html", param_hint="--format")
    return chosen


def _build_merged(
    paths: tuple[Path, ...],
    layout: str | None,
    output: Path | None,
    check: bool,
    data: Path,
    batch: dict,
    metadata_name: bool,
    formats: tuple[str, ...] = ("pdf",),
    one_per_page: bool = False,
) -> int:
    """One programme, once per row of data: bad rows are reported and skipped, the rest built.
    `batch` holds the batch options: jobs, shard, manifest and resume. Returns the exit code."""
    from ..batch import MergeJob, group_failures, manifest_path, merge_rows, run_merge
    from ..source import content_kind

    if len(paths) != 1:
        raise click.UsageError("--data goes with exactly one programme file")
    source = paths[0]
    try:
        if content_kind(source) != "program":
            raise click.UsageError(f"--data fills a programme; {source} is not a programme file")
        template = str(output) if output else f"out/{source.name.rsplit('.', 1)[0]}-{{{{ row }}}}.pdf"
        if "{{" not in template:
            raise click.UsageError("with --data, -o needs a {{ field }} in it, like 'out/{{ id }}.pdf'")
        if Path(template).suffix.lower() not in (".pdf", ".html"):
            raise click.UsageError("with --data, -o names the PDF to write, like 'out/{{ id }}.pdf'")
        _check_manifest(batch["manifest"])
        manifest = manifest_path(source, template, batch["shard"], batch["manifest"])
        job = MergeJob(
            source=source,
            data=data,
            layout=layout,
            output=template,
            check=check,
            jobs=batch["jobs"],
            shard=batch["shard"],
            metadata_name=metadata_name,
            formats=formats,
            one_per_page=one_per_page,
            manifest=manifest,
            resume=batch["resume"],
            date_format=batch["date_format"],
            renames=batch["renames"],
            project_renames=batch.get("project_renames", ()),
        )
        rows = merge_rows(job)
        if sys.stderr.isatty():
            with click.progressbar(length=len(rows), label="building", file=sys.stderr) as bar:
                outcome = run_merge(job, rows, bar)
        else:
            outcome = run_merge(job, rows)
    except HandoutError as error:  # the batch as a whole (template, data, manifest): nothing more is built
        report_errors(error)
        return EXIT_BAD_INPUT
    for labels, messages in group_failures(outcome.failures):
        shown = ", ".join(labels[:3]) + (f" and {len(labels) - 3} more" if len(labels) > 3 else "")
        click.echo(
            f"{shown}: skipped" + (f" ({len(labels)} rows, the same problem)" if len(labels) > 1 else ""), err=True
        )
        for message in messages:
            click.echo(message, err=True)
            place, text = located(message)
            annotate("error", f"{shown}: skipped: {text}", place)
    done = f"built {outcome.built} and kept {outcome.kept} unchanged" if outcome.kept else f"built {outcome.built}"
    summary = f"{done} of {outcome.rows} rows from {data}"
    where = f"; manifest {job.manifest}"
    if outcome.failures:
        count = len(outcome.failures)
        click.echo(f"{summary}; {count} row{'s' if count != 1 else ''} failed (see above){where}", err=True)
        return EXIT_CHECK_FAILED
    say(summary + where)
    return 0


def _check_manifest(manifest: Path | None) -> None:
    if manifest is not None and manifest.suffix.lower() != ".jsonl":
        raise click.UsageError(f"--manifest {manifest}: name a .jsonl file, like out/manifest.jsonl")


@main.command()
@click.argument("pdf", metavar="FILE", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "-c",
    "--content",
    type=click.Path(path_type=Path),
    help="The YAML it was built from: also check that every word is present.",
)
@click.option("-l", "--layout", metavar="NAME|FILE", help="Also check the page size against this layout.")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@click.option("--strict", is_flag=True, help="Fail on composition findings too (exit code 1).")
def check(pdf: Path, content: Path | None, layout: str | None, as_json: bool, strict: bool) -> None:
    """Check a PDF or an HTML edition: page size, embedded fonts, title and language, text on the
    page, links, no scripts or actions; with --content every word of the content and the
    composition (stub pages, headings at a page's foot, small text, contrast).

    Exit code 0 when every check passes, 1 when one fails (with --strict, also on a composition
    finding), 2 when the file cannot be read.
    """
    from .. import api

    try:
        report = api.check(pdf, content=content, layout=layout)
    except HandoutError as error:
        report_errors(error)
        sys.exit(EXIT_BAD_INPUT)
    if as_json:
        click.echo(json.dumps({"file": str(pdf), **report.to_dict()}, indent=2, ensure_ascii=False))
    else:
        click.echo(report.format(str(pdf)))
    failed = {f.check for f in report.findings if not f.ok}
    if content is not None and layout is None and failed & {"pages", "cards", "words"}:
        click.echo(
            "hint: this was checked against the content's default layout; if the file was built with "
            "--layout, check it with the same --layout",
            err=True,
        )
    if not (report.strict_ok if strict else report.ok):
        sys.exit(EXIT_CHECK_FAILED)
