"""The author commands: validate, calibrate, schema, list, preview, init, new, lint, watch."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from ..errors import HandoutError
from ..resolve.project import shown
from .common import (
    EXIT_BAD_INPUT,
    EXIT_CHECK_FAILED,
    annotate,
    content_folders,
    layout_for,
    main,
    old_spelling,
    printing_json,
    project,
    report_errors,
    say,
)


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("-l", "--layout", metavar="NAME|FILE", help="Also validate this layout.")
@click.option(
    "--json", "as_json", is_flag=True, help="Print a JSON report on stdout: each file's kind, status, problems."
)
def validate(paths: tuple[Path, ...], layout: str | None, as_json: bool) -> None:
    """Check content files (and a layout) for mistakes without building anything; with no PATHS,
    the project's content folders (or ./handouts)."""
    from ..batch import find_content
    from ..resolve.layouts import load_layout

    printing_json(as_json)
    layout = layout_for(layout)
    sources, _skipped, loose = find_content(paths or content_folders(), include_library=True)  # loose: no one file's
    records: list[dict] = []
    if layout:
        try:
            load_layout(layout)
            records.append({"source": layout, "kind": "layout", "status": "ok", "summary": "layout", "problems": []})
        except HandoutError as error:
            loose.append(error)
    errors = list(loose)
    warned: list = []
    for source in sources:
        record: dict = {"source": str(source), "kind": None, "status": "ok", "summary": "", "problems": []}
        records.append(record)
        record["kind"] = _kind(source)
        try:
            record["summary"], warnings = _validated(source)
            record["warnings"] = [w.to_dict() for w in warnings]
            warned += warnings
        except HandoutError as error:
            errors.append(error)
            record.update(status="failed", problems=[p.to_dict() for p in error.problems])
    for record in records if not as_json else ():
        if record["status"] == "ok":
            say(f"ok  {record['source']} ({record['summary']})")
    said: set = set()  # a library file's mistake is every user's problem, but is said once
    for error in errors:
        fresh = [p for p in error.problems if (p.where, p.message) not in said]
        said.update((p.where, p.message) for p in fresh)
        if fresh:
            report_errors(HandoutError(fresh))
    for warning in warned:
        if (warning.where, warning.message) not in said:
            said.add((warning.where, warning.message))
            click.echo(warning.format("warning"), err=True)
            annotate("warning", warning.message, warning.where, warning.hint)
    if as_json:
        failed = sum(r["status"] == "failed" for r in records)
        report = {
            "files": records,
            "errors": [p.to_dict() for e in loose for p in e.problems],
            "summary": {"ok": len(records) - failed, "failed": failed + len(loose)},
        }
        click.echo(json.dumps(report, indent=2, ensure_ascii=False))
    if errors:
        sys.exit(EXIT_BAD_INPUT)


def _kind(source: Path) -> str | None:
    """What the file is (handout, deck, exercise, program, layout), even when it has mistakes."""
    from ..batch import is_layout
    from ..source import content_kind

    try:
        return content_kind(source) or ("layout" if is_layout(source) else None)
    except HandoutError:
        return None


def _validated(source: Path) -> tuple[str, tuple]:
    """A file read and checked: what it holds, in words, and what it warns of."""
    from ..api import load_content
    from ..batch import is_layout
    from ..model.resolved import CardContent, ProgramContent
    from ..resolve.layouts import load_layout

    if is_layout(source):
        load_layout(str(source))
        return "layout", ()
    content = load_content(source)
    if isinstance(content, CardContent):
        count = len(content.exercises)
        return f"{count} card{'s' if count != 1 else ''}", content.warnings
    if isinstance(content, ProgramContent):
        return f"programme `{content.program.program}`, {len(content.exercises)} exercises", content.warnings
    return f"handout `{content.handout.handout}`, {len(content.sections)} sections", content.warnings


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
    from ..api import calibration
    from ..output import write_file

    try:
        write_file(output, calibration(layout))
    except HandoutError as error:
        report_errors(error)
        sys.exit(EXIT_BAD_INPUT)
    say(f"wrote {output}: print it on both sides of one sheet")


@main.command()
@click.option(
    "-o",
    "--output",
    "out",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("schemas"),
    show_default=True,
    help="Folder to write the schemas into.",
)
@old_spelling("--out", "out")
def schema(out: Path) -> None:
    """Write JSON Schemas for handouts, exercises, decks, programmes and layouts.

    Editors with the YAML language server (VS Code's YAML extension) read the
    `# yaml-language-server: $schema=...` line at the top of a file and then
    complete keys and underline mistakes as you type.
    """
    from ..authoring.schema import KINDS, schema_for
    from ..output import write_file

    for kind in KINDS:
        target = out / f"{kind}.schema.json"
        try:
            write_file(target, (json.dumps(schema_for(kind), indent=2, ensure_ascii=False) + "\n").encode())
        except HandoutError as error:
            report_errors(error)
            sys.exit(EXIT_BAD_INPUT)
        say(f"wrote {target}")


@main.command("list")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
def list_content(paths: tuple[Path, ...]) -> None:
    """List the built-in layouts and the content found (default: ./handouts), with ids and titles."""
    from ..resolve.defaults import content_node
    from ..resolve.layouts import builtin_layouts
    from ..source import Map, Scalar, content_kind, load

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
                node = content_node(file)
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
    "--output",
    "out",
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder for the PNG files [default: out/preview, or preview/ in the project's output folder].",
)
@old_spelling("--out", "out")
def preview(path: Path, layout: str | None, pages: str, dpi: int, out: Path | None) -> None:
    """Render pages of a content file (or a PDF) to PNG pictures, to look at without printing."""
    from ..authoring.preview import page_range, render_pngs

    settings = project()
    out = out or (shown(settings.output) / "preview" if settings else Path("out/preview"))

    try:
        if path.suffix.lower() in (".html", ".htm"):
            raise HandoutError.at(None, f"{path}: preview draws PDF pages; open an HTML page in a browser")
        data = path.read_bytes() if path.suffix.lower() == ".pdf" else _built(path, layout_for(layout, path))
        written = render_pngs(data, page_range(pages), dpi, out, path.name.rsplit(".", 1)[0])
    except HandoutError as error:
        report_errors(error)
        sys.exit(EXIT_BAD_INPUT)
    except OSError as exc:
        click.echo(f"error: {exc.filename or path}: {exc.strerror or exc}", err=True)
        sys.exit(EXIT_BAD_INPUT)
    for file in written:
        say(f"wrote {file}")


def _built(path: Path, layout: str | None) -> bytes:
    from .. import api

    return api.build(path, layout=layout)


@main.command()
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path))
@click.option("--name", default="Your Clinic", show_default=True, help="Clinic or club name for the layout.")
def init(folder: Path, name: str) -> None:
    """Start a project: a branded layout, a handout, two exercises, a deck and a programme
    that build and check at once."""
    from ..authoring.starter import init_project

    try:
        made = init_project(folder, name)
    except HandoutError as error:
        report_errors(error)
        sys.exit(EXIT_BAD_INPUT)
    for path in made:
        say(f"created {path}")
    say(f"\nNext:  cd {folder} && handoutgen build")


@main.command()
@click.argument("kind", metavar="KIND|FILE")
@click.argument("name", required=False)
@click.option(
    "--language",
    metavar="LANG",
    help="Make a translation of FILE (`new --language es handouts/x.yaml` writes handouts/x.es.yaml).",
)
@click.option(
    "--cards",
    is_flag=True,
    help="With `layout`: a card layout for double-sided printing on a home printer (duplex, back offset, "
    "cutting guides and manual two-pass printing explained in its comments); the same as KIND `cards`.",
)
def new(kind: str, name: str | None, language: str | None, cards: bool) -> None:
    """Add a commented template, like `handoutgen new handout "Knee pain"` (KIND: handout, exercise,
    deck, program, layout; `new layout --cards NAME` or `new cards NAME`: a card layout for
    two-sided printing at home, with its duplex, back offset and cutting guides explained), or a
    translation of a file with --language."""
    from ..authoring.starter import KINDS, new_file, new_translation

    if cards:
        if kind not in ("layout", "cards"):
            raise click.UsageError('--cards goes with `layout`: `handoutgen new layout --cards "Home cards"`')
        kind = "cards"
    try:
        if language is not None:
            if name is not None:
                raise click.UsageError("with --language, give one FILE: `handoutgen new --language es handouts/x.yaml`")
            path = new_translation(Path(kind), language)
        elif kind not in KINDS or name is None:
            raise click.UsageError(
                f'give a KIND ({", ".join(KINDS)}) and a name, like `handoutgen new handout "Knee pain"`'
            )
        else:
            path = new_file(kind, name, Path.cwd())
    except HandoutError as error:
        report_errors(error)
        sys.exit(EXIT_BAD_INPUT)
    say(f"created {shown(path)}")


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("-l", "--layout", metavar="NAME|FILE", help="Also lint this layout (text size, contrast).")
@click.option("--json", "as_json", is_flag=True, help="Print the findings as JSON.")
def lint(paths: tuple[Path, ...], layout: str | None, as_json: bool) -> None:
    """Find what makes a handout hard to read: reading grade above 8, long sentences, small text,
    low contrast, thin alt text, no key points, actions not written as steps, long programmes.

    Exit code 0 when clean, 1 with findings, 2 for files that do not load.
    """
    from ..authoring.lint_run import lint_paths

    try:
        findings = lint_paths(paths or content_folders(), layout_for(layout), project())
    except HandoutError as error:
        report_errors(error)
        sys.exit(EXIT_BAD_INPUT)
    if as_json:
        click.echo(json.dumps([f.to_dict() for f in findings], indent=2, ensure_ascii=False))
    else:
        for finding in findings:
            click.echo(finding.format())
            annotate("warning", f"{finding.code}: {finding.message}", finding.where, finding.suggestion)
        say(f"{len(findings)} finding{'s' if len(findings) != 1 else ''}")
    if findings:
        sys.exit(EXIT_CHECK_FAILED)


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("-l", "--layout", metavar="NAME|FILE", help="Layout to build with.")
@click.option(
    "-o",
    "--output",
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder for the PDFs [default: out/, or the project's output folder].",
)
@click.option("--check", is_flag=True, help="Also check each PDF (slower).")
@click.option("--preview", is_flag=True, help="Also write page 1 as a PNG to OUTPUT/preview/.")
def watch(paths: tuple[Path, ...], layout: str | None, output: Path | None, check: bool, preview: bool) -> None:
    """Rebuild handouts, decks and programmes each time you save, and show errors without stopping.

    Open the PDF in a viewer that reloads changed files to see each save in a blink.
    """
    from ..authoring.watch import Watcher

    settings = project()
    output = output or (shown(settings.output) if settings else Path("out"))
    Watcher(paths or content_folders(), layout_for(layout), output, check, preview, say=click.echo).run()
