"""The `handoutgen` command: parse arguments, call the API, print, set the exit code.

Exit codes: 0 ok, 1 a check failed, 2 bad input or usage.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import click

from .errors import HandoutError
from .version import __version__

EXIT_CHECK_FAILED = 1
EXIT_BAD_INPUT = 2


def complete_layout(ctx: click.Context, param: click.Parameter, incomplete: str) -> list:
    """Shell completion for --layout: built-in names, then layout files."""
    from click.shell_completion import CompletionItem

    from .resolve.layouts import builtin_layouts

    names = [CompletionItem(name) for name in builtin_layouts() if name.startswith(incomplete)]
    return names or [CompletionItem(incomplete, type="file")]


def _jobs(value: str) -> int:
    """`--jobs`: a number of processes from 1 to 64, or `auto` for the cores this process may use."""
    if value.strip().lower() == "auto":
        from .environment import usable_cores

        return min(64, usable_cores())
    if not re.fullmatch(r"[0-9]{1,3}", value.strip()) or not 1 <= int(value) <= 64:
        raise click.BadParameter(f"`{value}` is not a number of processes from 1 to 64, nor `auto`")
    return int(value)


MAX_SHOWN_PROBLEMS = 200  # past this, more lines help nobody fix the file


def _annotate(severity: str, message: str, where=None, hint: str | None = None) -> None:
    """With `--diagnostics github`, the problem again as a GitHub Actions annotation (on stdout,
    where the runner reads workflow commands)."""
    context = click.get_current_context(silent=True)
    root = context.find_root() if context is not None else None
    if root is not None and (root.obj or {}).get("diagnostics") == "github":
        from .diagnostics import github

        click.echo(github(severity, message, where, hint))


def _report_errors(error: HandoutError) -> None:
    for problem in error.problems[:MAX_SHOWN_PROBLEMS]:
        click.echo(problem.format(), err=True)
        _annotate("error", problem.message, problem.where, problem.hint)
    hidden = len(error.problems) - MAX_SHOWN_PROBLEMS
    if hidden > 0:
        click.echo(f"... and {hidden:,} more problems; fix these and run again", err=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, "--version", prog_name="handoutgen")
@click.option(
    "--diagnostics",
    type=click.Choice(["text", "github"]),
    default="text",
    show_default=True,
    help="github: also print each error and warning as a GitHub Actions annotation on its file and line.",
)
@click.pass_context
def main(context: click.Context, diagnostics: str) -> None:
    """Turn YAML handouts into branded, printable PDFs and prove them complete.

    \b
    Quick start:
      handoutgen build                       build everything under ./handouts into ./out
      handoutgen build my.yaml -l large-print -o my.pdf
      handoutgen build handouts/decks/glute-stretches.yaml -l cards-a6 -o cards.pdf
      handoutgen check out/my.pdf --content my.yaml
      handoutgen validate handouts/          check files without building

    Built-in layouts: a4 (default), letter, large-print; cards-a6, cards-letter,
    cards-wallet for exercise cards; or a layout file of your own that starts with
    `extends: a4` (or a card layout).
    """
    context.obj = {"diagnostics": diagnostics}


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
    callback=lambda ctx, param, value: _jobs(value),
    help="With --data: build in this many processes (auto: one per core this process may use).",
)
@click.option(
    "--shard",
    metavar="I/N",
    help="With --data: build only every N-th row, starting at row I; auto/N reads I from a Kubernetes "
    "Indexed Job or a Slurm job array.",
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
    default="pdf",
    show_default=True,
    metavar="pdf|html|pdf,html",
    help="The editions to write: the printable PDF, one self-contained accessible HTML page, or both.",
)
def build(
    paths: tuple[Path, ...],
    layout: str | None,
    output: Path | None,
    check: bool,
    data: Path | None,
    jobs: int,
    shard: str | None,
    manifest: Path | None,
    resume: bool,
    metadata_name: bool,
    run_lint: bool,
    one_per_page: bool,
    formats: str,
    strict: bool,
) -> None:
    """Build handouts, programmes and card decks to PDF (and, with --format, HTML).

    PATHS are handout, deck, exercise or programme files, or folders (every handout,
    deck and programme inside is built); with none, ./handouts is built. Decks and exercises are
    printed as cards with a card layout (cards-a6 unless --layout names one).
    Files are written only when they built and checked cleanly; a bad file is
    reported and the others are still built.
    """
    from .batch import BuildJob, find_content, run_build

    editions = _formats(formats)
    if data is not None:
        if run_lint:
            raise click.UsageError("--lint goes without --data: lint the programme template with `handoutgen lint`")
        batch = {"jobs": jobs, "shard": shard, "manifest": manifest, "resume": resume}
        _build_merged(paths, layout, output, check, data, batch, metadata_name, editions, one_per_page)
        return
    if jobs > 1 or shard or manifest or resume:
        raise click.UsageError("--jobs, --shard, --manifest and --resume go with --data")
    sources, skipped, errors = find_content(paths or (Path("handouts"),))
    for error in errors:
        _report_errors(error)
    for path, kind in skipped:
        click.echo(f"skipped {path}: {kind}", err=True)
    if not sources and not errors:
        raise click.UsageError("no handout files found in " + ", ".join(map(str, paths or ("handouts",))))
    if output and output.suffix.lower() in (".pdf", ".html") and len(sources) > 1:
        raise click.UsageError(
            f"-o {output} names one file but {len(sources)} handouts were given; give a folder instead"
        )
    outcome = run_build(BuildJob(sources, layout, output, check, one_per_page, metadata_name, editions, strict))
    for warning in outcome.warnings:
        click.echo(warning.format("warning"), err=True)
        _annotate("warning", warning.message, warning.where, warning.hint)
    for line in outcome.lines:
        click.echo(line)
    for name, report in outcome.composition:
        for finding in report.composition:
            where = f"page {finding.page}: " if finding.page else ""
            click.echo(f"{name}: warning: {where}{finding.message} ({finding.code})", err=True)
            _annotate("warning", f"{name}: {where}{finding.message} ({finding.code})")
    for error in outcome.errors:
        _report_errors(error)
    for name, report in outcome.failed_checks:
        click.echo(report.format(name), err=True)
        _annotate("error", report.format(name))
    failed = outcome.failed + len(errors)
    if outcome.built + failed + len(skipped) > 1:
        summary = f"built {outcome.built}, failed {failed}, skipped {len(skipped)}"
        click.echo(summary, err=bool(failed))
    if errors or outcome.errors:
        sys.exit(EXIT_BAD_INPUT)
    findings = []
    if run_lint:
        from .authoring.lint_run import lint_paths

        findings = lint_paths(tuple(sources), layout)
        for finding in findings:
            click.echo(finding.format(), err=True)
            _annotate("warning", f"{finding.code}: {finding.message}", finding.where, finding.suggestion)
    if outcome.failed_checks or findings:
        sys.exit(EXIT_CHECK_FAILED)


def _formats(text: str) -> tuple[str, ...]:
    from .api import FORMATS

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
) -> None:
    """One programme, once per row of data: bad rows are reported and skipped, the rest built.
    `batch` holds the batch options: jobs, shard, manifest and resume."""
    from .batch import MergeJob, default_manifest, group_failures, merge_rows, run_merge
    from .source import content_kind

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
        manifest = batch["manifest"] or default_manifest(source, template, batch["shard"])
        _check_manifest(manifest)
        job = MergeJob(
            source,
            data,
            layout,
            template,
            check,
            batch["jobs"],
            batch["shard"],
            metadata_name,
            formats,
            one_per_page,
            manifest,
            batch["resume"],
        )
        rows = merge_rows(job)
    except HandoutError as error:
        _report_errors(error)
        sys.exit(EXIT_BAD_INPUT)
    if sys.stderr.isatty():
        with click.progressbar(length=len(rows), label="building", file=sys.stderr) as bar:
            outcome = run_merge(job, rows, bar)
    else:
        outcome = run_merge(job, rows)
    for labels, messages in group_failures(outcome.failures):
        shown = ", ".join(labels[:3]) + (f" and {len(labels) - 3} more" if len(labels) > 3 else "")
        click.echo(
            f"{shown}: skipped" + (f" ({len(labels)} rows, the same problem)" if len(labels) > 1 else ""), err=True
        )
        for message in messages:
            click.echo(message, err=True)
            _annotate("error", f"{shown}: skipped: {message}")
    done = f"built {outcome.built} and kept {outcome.kept} unchanged" if outcome.kept else f"built {outcome.built}"
    summary = f"{done} of {outcome.rows} rows from {data}"
    where = f"; manifest {job.manifest}"
    if outcome.failures:
        count = len(outcome.failures)
        click.echo(f"{summary}; {count} row{'s' if count != 1 else ''} failed (see above){where}", err=True)
        sys.exit(EXIT_CHECK_FAILED)
    click.echo(summary + where)


def _check_manifest(manifest: Path) -> None:
    if manifest.suffix.lower() != ".jsonl":
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
    from . import api

    try:
        report = api.check(pdf, content=content, layout=layout)
    except HandoutError as error:
        _report_errors(error)
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


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-l", "--layout", metavar="NAME|FILE", help="Also validate this layout.")
def validate(paths: tuple[Path, ...], layout: str | None) -> None:
    """Check content files (and a layout) for mistakes without building anything."""
    from .api import load_content
    from .batch import find_content, is_layout
    from .model.resolved import CardContent, ProgramContent
    from .resolve.layouts import load_layout

    sources, _skipped, errors = find_content(paths, include_library=True)
    if layout:
        try:
            load_layout(layout)
            click.echo(f"ok  layout {layout}")
        except HandoutError as error:
            errors.append(error)
    for source in sources:
        try:
            if is_layout(source):
                load_layout(str(source))
                click.echo(f"ok  {source} (layout)")
                continue
            content = load_content(source)
        except HandoutError as error:
            errors.append(error)
            continue
        if isinstance(content, CardContent):
            click.echo(f"ok  {source} ({len(content.exercises)} card{'s' if len(content.exercises) != 1 else ''})")
        elif isinstance(content, ProgramContent):
            click.echo(f"ok  {source} (programme `{content.program.program}`, {len(content.exercises)} exercises)")
        else:
            click.echo(f"ok  {source} (handout `{content.handout.handout}`, {len(content.sections)} sections)")
    for error in errors:
        _report_errors(error)
    if errors:
        sys.exit(EXIT_BAD_INPUT)


@main.command()
@click.option(
    "-l", "--layout", metavar="NAME|FILE", default="cards-a6", show_default=True, help="The card layout to calibrate."
)
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    default=Path("out/calibrate.pdf"),
    show_default=True,
    help="Where to write the test sheet.",
)
def calibrate(layout: str, output: Path) -> None:
    """Print a two-sided test sheet to measure how far your printer shifts the backs.

    Print it double-sided, hold it to a light with the front towards you, read where the
    back's cross meets the front's scales, and put the numbers in your layout as
    `cards: back_offset: {x: .., y: ..}`.
    """
    from .api import calibration
    from .output import write_file

    try:
        write_file(output, calibration(layout))
    except HandoutError as error:
        _report_errors(error)
        sys.exit(EXIT_BAD_INPUT)
    click.echo(f"wrote {output}: print it on both sides of one sheet")


@main.command()
@click.option(
    "-o",
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("schemas"),
    show_default=True,
    help="Folder to write the schemas into.",
)
def schema(out: Path) -> None:
    """Write JSON Schemas for handouts, exercises, decks, programmes and layouts.

    Editors with the YAML language server (VS Code's YAML extension) read the
    `# yaml-language-server: $schema=...` line at the top of a file and then
    complete keys and underline mistakes as you type.
    """
    from .authoring.schema import KINDS, schema_for
    from .output import write_file

    for kind in KINDS:
        target = out / f"{kind}.schema.json"
        try:
            write_file(target, (json.dumps(schema_for(kind), indent=2, ensure_ascii=False) + "\n").encode())
        except HandoutError as error:
            _report_errors(error)
            sys.exit(EXIT_BAD_INPUT)
        click.echo(f"wrote {target}")


@main.command("list")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
def list_content(paths: tuple[Path, ...]) -> None:
    """List the built-in layouts and the content found (default: ./handouts), with ids and titles."""
    from .resolve.layouts import builtin_layouts
    from .source import Map, Scalar, content_kind, load

    click.echo("Built-in layouts:")
    for name, path in builtin_layouts().items():
        node = load(path)
        description = node.get("description") if isinstance(node, Map) else None
        text = description.value if isinstance(description, Scalar) else ""
        click.echo(f"  {name:<14} {text}")
    folders = paths or (Path("handouts"),)
    for folder in folders:
        files = sorted(folder.rglob("*.y*ml")) if folder.is_dir() else [folder]
        if not files:
            continue
        click.echo(f"\nContent in {folder}:")
        for file in files:
            try:
                kind = content_kind(file)
                node = load(file)
            except HandoutError:
                click.echo(f"  {'(error)':<9} {file}  (run `handoutgen validate {file}`)")
                continue
            ident = node.get(kind) if kind and isinstance(node, Map) else None
            title = node.get("title") or node.get("name") if isinstance(node, Map) else None
            shown = title.value if isinstance(title, Scalar) else ""
            language = node.get("language") if isinstance(node, Map) else None
            lang = f"[{language.value}]" if isinstance(language, Scalar) else ""
            ident_text = ident.value if isinstance(ident, Scalar) else ""
            click.echo(f"  {kind or '?':<9} {ident_text:<24} {lang:<5} {shown}  ({file})")


@main.command()
@click.argument("path", type=click.Path(path_type=Path))
@click.option("-l", "--layout", metavar="NAME|FILE", help="Layout to build with.")
@click.option("--pages", default="1", show_default=True, metavar="N|N-M|all", help="Which pages to render.")
@click.option("--dpi", type=click.IntRange(20, 600), default=100, show_default=True, help="Resolution of the PNGs.")
@click.option(
    "-o",
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("out/preview"),
    show_default=True,
    help="Folder for the PNG files.",
)
def preview(path: Path, layout: str | None, pages: str, dpi: int, out: Path) -> None:
    """Render pages of a content file (or a PDF) to PNG pictures, to look at without printing."""
    from .authoring.preview import page_range, render_pngs

    try:
        if path.suffix.lower() in (".html", ".htm"):
            raise HandoutError.at(None, f"{path}: preview draws PDF pages; open an HTML page in a browser")
        data = path.read_bytes() if path.suffix.lower() == ".pdf" else _built(path, layout)
        written = render_pngs(data, page_range(pages), dpi, out, path.name.rsplit(".", 1)[0])
    except HandoutError as error:
        _report_errors(error)
        sys.exit(EXIT_BAD_INPUT)
    except OSError as exc:
        click.echo(f"error: {exc.filename or path}: {exc.strerror or exc}", err=True)
        sys.exit(EXIT_BAD_INPUT)
    for file in written:
        click.echo(f"wrote {file}")


def _built(path: Path, layout: str | None) -> bytes:
    from . import api

    return api.build(path, layout=layout)


@main.command()
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path))
@click.option("--name", default="Your Clinic", show_default=True, help="Clinic or club name for the layout.")
def init(folder: Path, name: str) -> None:
    """Start a project: a branded layout, a handout, two exercises, a deck and a programme
    that build and check at once."""
    from .authoring.starter import init_project

    try:
        made = init_project(folder, name)
    except HandoutError as error:
        _report_errors(error)
        sys.exit(EXIT_BAD_INPUT)
    for path in made:
        click.echo(f"created {path}")
    click.echo(f"\nNext:  cd {folder} && handoutgen build -l layouts/clinic.yaml")


@main.command()
@click.argument("kind", type=click.Choice(["handout", "exercise", "deck", "program", "layout"]))
@click.argument("name")
def new(kind: str, name: str) -> None:
    """Add a commented template, like `handoutgen new handout "Knee pain"`."""
    from .authoring.starter import new_file

    try:
        path = new_file(kind, name, Path.cwd())
    except HandoutError as error:
        _report_errors(error)
        sys.exit(EXIT_BAD_INPUT)
    click.echo(f"created {path.relative_to(Path.cwd())}")


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("-l", "--layout", metavar="NAME|FILE", help="Also lint this layout (text size, contrast).")
@click.option("--json", "as_json", is_flag=True, help="Print the findings as JSON.")
def lint(paths: tuple[Path, ...], layout: str | None, as_json: bool) -> None:
    """Find what makes a handout hard to read: reading grade above 8, long sentences, small text,
    low contrast, thin alt text, no key points, actions not written as steps, long programmes.

    Exit code 0 when clean, 1 with findings, 2 for files that do not load.
    """
    from .authoring.lint_run import lint_paths

    try:
        findings = lint_paths(paths or (Path("handouts"),), layout)
    except HandoutError as error:
        _report_errors(error)
        sys.exit(EXIT_BAD_INPUT)
    if as_json:
        click.echo(json.dumps([f.to_dict() for f in findings], indent=2, ensure_ascii=False))
    else:
        for finding in findings:
            click.echo(finding.format())
            _annotate("warning", f"{finding.code}: {finding.message}", finding.where, finding.suggestion)
        click.echo(f"{len(findings)} finding{'s' if len(findings) != 1 else ''}")
    if findings:
        sys.exit(EXIT_CHECK_FAILED)


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("-l", "--layout", metavar="NAME|FILE", help="Layout to build with.")
@click.option(
    "-o",
    "--output",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("out"),
    show_default=True,
    help="Folder for the PDFs.",
)
@click.option("--check", is_flag=True, help="Also check each PDF (slower).")
@click.option("--preview", is_flag=True, help="Also write page 1 as a PNG to OUTPUT/preview/.")
def watch(paths: tuple[Path, ...], layout: str | None, output: Path, check: bool, preview: bool) -> None:
    """Rebuild handouts, decks and programmes each time you save, and show errors without stopping.

    Open the PDF in a viewer that reloads changed files to see each save in a blink.
    """
    from .authoring.watch import Watcher

    Watcher(paths or (Path("handouts"),), layout, output, check, preview, say=click.echo).run()
