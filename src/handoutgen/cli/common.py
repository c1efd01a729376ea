"""What every command shares: the `handoutgen` group, exit codes, and how problems are printed."""

from __future__ import annotations

import logging
import re
import sys
from pathlib import Path

import click

from ..errors import HandoutError
from ..version import __version__

EXIT_CHECK_FAILED = 1
EXIT_BAD_INPUT = 2


def complete_layout(ctx: click.Context, param: click.Parameter, incomplete: str) -> list:
    """Shell completion for --layout: built-in names, then layout files."""
    from click.shell_completion import CompletionItem

    from ..resolve.layouts import builtin_layouts

    names = [CompletionItem(name) for name in builtin_layouts() if name.startswith(incomplete)]
    return names or [CompletionItem(incomplete, type="file")]


def parse_jobs(value: str) -> int:
    """`--jobs`: a number of processes from 1 to 64, or `auto` for the cores this process may use."""
    if value.strip().lower() == "auto":
        from ..environment import usable_cores

        return min(64, usable_cores())
    if not re.fullmatch(r"[0-9]{1,3}", value.strip()) or not 1 <= int(value) <= 64:
        raise click.BadParameter(f"`{value}` is not a number of processes from 1 to 64, nor `auto`")
    return int(value)


MAX_SHOWN_PROBLEMS = 200  # past this, more lines help nobody fix the file


def annotate(severity: str, message: str, where=None, hint: str | None = None) -> None:
    """With `--diagnostics github`, the problem again as a GitHub Actions annotation (on stdout,
    where the runner reads workflow commands)."""
    if settings().get("diagnostics") == "github":
        from ..diagnostics import github

        click.echo(github(severity, message, where, hint), err=bool(settings().get("json")))  # stdout is the JSON's


def report_errors(error: HandoutError) -> None:
    for problem in error.problems[:MAX_SHOWN_PROBLEMS]:
        click.echo(problem.format(), err=True)
        annotate("error", problem.message, problem.where, problem.hint)
    hidden = len(error.problems) - MAX_SHOWN_PROBLEMS
    if hidden > 0:
        click.echo(f"... and {hidden:,} more problems; fix these and run again", err=True)


def settings() -> dict:
    """What the shared options set for this run: diagnostics, quiet, verbose."""
    context = click.get_current_context(silent=True)
    root = context.find_root() if context is not None else None
    return (root.obj if root is not None else None) or {}


def printing_json(as_json: bool) -> None:
    """Note that this command prints a JSON report on stdout: annotations then go to stderr."""
    context = click.get_current_context(silent=True)
    if context is not None:
        context.find_root().ensure_object(dict)["json"] = as_json


def project():
    """The project file this run works in (`--project`, else the nearest `handoutgen.yaml` above
    the working folder), read once; None without one. A bad file ends the run (exit 2)."""
    from ..resolve.project import find_project
    from ..resolve.project_file import load_project

    chosen = settings()
    if "project_settings" not in chosen:
        given = chosen.get("project")
        file = Path(given) if given else find_project(Path.cwd())
        if given:  # for this command only: content read later finds its language and folder there
            from ..resolve.project import CHOSEN_PROJECT

            token = CHOSEN_PROJECT.set(Path(given))
            context = click.get_current_context(silent=True)
            if context is not None:
                context.find_root().call_on_close(lambda: CHOSEN_PROJECT.reset(token))
        try:
            if given and not file.is_file():
                raise HandoutError.at(None, f"--project {given}: no such file", "give the project's handoutgen.yaml")
            chosen["project_settings"] = load_project(file) if file is not None else None
            if chosen.get("verbose"):
                click.echo(_project_line(chosen["project_settings"]), err=True)
        except HandoutError as error:
            report_errors(error)
            if chosen.get("json"):  # the report a script waits for, with the project file's problems
                import json

                problems = [problem.to_dict() for problem in error.problems]
                report = {"files": [], "errors": problems, "summary": {"failed": 1}}
                click.echo(json.dumps(report, indent=2, ensure_ascii=False))
            sys.exit(EXIT_BAD_INPUT)
    return chosen.get("project_settings")


def layout_for(layout: str | None, source: Path | None = None) -> str | None:
    """The layout a command uses: the one given, else the project's (its card layout for a deck
    or an exercise file), else None (the built-in default)."""
    settings = project()
    if layout or settings is None:
        return layout
    if source is not None and settings.card_layout and source.is_file():
        from ..source import content_kind

        try:
            if content_kind(source) in ("deck", "exercise"):
                return settings.card_layout
        except HandoutError:
            pass
    return settings.layout


def content_folders() -> tuple[Path, ...]:
    """What a command reads when it is given no files: the project's content folders, or ./handouts."""
    from ..resolve.project import shown

    settings = project()
    return tuple(shown(folder) for folder in settings.content) if settings else (Path("handouts"),)


def _project_line(found) -> str:
    from ..resolve.project import shown

    if found is None:
        return (
            "project: no handoutgen.yaml here or above; pictures must stay inside the current folder "
            "(or, for content outside it, the content's project folder)"
        )
    return f"project: {shown(found.file)}; pictures and content must stay inside {found.root}"


def say(text: str) -> None:
    """A line about what was done (built, written, ok): left out with --quiet, and on stderr when
    stdout carries a JSON report."""
    chosen = settings()
    if not chosen.get("quiet"):
        click.echo(text, err=bool(chosen.get("json")))


_LIBRARIES = ("pypdf", "svglib", "reportlab", "fontTools", "PIL")  # the loggers of what we build on
_LIBRARY_WARNINGS: logging.Handler | None = None


def _store(name: str):
    def callback(context: click.Context, param: click.Parameter, value):
        chosen = context.find_root().ensure_object(dict)
        if value or name not in chosen:
            chosen[name] = value
        if name == "verbose" and value:
            _show_library_warnings(True)
        return value

    return callback


def _show_library_warnings(show: bool) -> None:
    """What pypdf, svglib or ReportLab log as warnings goes to stderr with --verbose only: our
    own messages already say what matters, in the user's terms. Only their loggers are
    touched, and only while a command runs (a program that calls `main` keeps its own)."""
    global _LIBRARY_WARNINGS
    _forget_library_warnings()
    _LIBRARY_WARNINGS = logging.StreamHandler(sys.stderr) if show else logging.NullHandler()
    _LIBRARY_WARNINGS.setFormatter(logging.Formatter("%(name)s: %(levelname)s: %(message)s"))
    _LIBRARY_WARNINGS.setLevel(logging.WARNING)
    for name in _LIBRARIES:
        logging.getLogger(name).addHandler(_LIBRARY_WARNINGS)


def _forget_library_warnings() -> None:
    global _LIBRARY_WARNINGS
    if _LIBRARY_WARNINGS is not None:
        for name in _LIBRARIES:
            logging.getLogger(name).removeHandler(_LIBRARY_WARNINGS)
        _LIBRARY_WARNINGS = None


def shared_options() -> list[click.Option]:
    """--quiet, --verbose and --diagnostics: on the group and on every command, so they can be
    given before or after the command's name."""
    return [
        click.Option(
            ["-q", "--quiet"],
            is_flag=True,
            expose_value=False,
            callback=_store("quiet"),
            help="Print only errors, warnings and findings.",
        ),
        click.Option(
            ["-v", "--verbose"],
            is_flag=True,
            expose_value=False,
            callback=_store("verbose"),
            help="Also print what the libraries underneath warn about (pypdf, svglib, ReportLab).",
        ),
        click.Option(
            ["--project"],
            type=click.Path(dir_okay=False),
            expose_value=False,
            callback=_store("project"),
            help="The project file (default: handoutgen.yaml here or in the nearest folder above).",
        ),
        click.Option(
            ["--diagnostics"],
            type=click.Choice(["text", "github"]),
            default=None,
            expose_value=False,
            callback=_store("diagnostics"),
            help="github: also print each error and warning as a GitHub Actions annotation on its file and line.",
        ),
    ]


def old_spelling(flag: str, name: str):
    """An option's former name, still taken but not shown in --help: `--out` for `--output`."""

    def store(context: click.Context, param: click.Parameter, value):
        if value is not None:
            context.params[name] = value
        return value

    return click.option(
        flag, type=click.Path(file_okay=False, path_type=Path), hidden=True, expose_value=False, callback=store
    )


class Commands(click.Group):
    """The `handoutgen` group: every command it holds takes the shared options too."""

    def add_command(self, cmd: click.Command, name: str | None = None) -> None:
        cmd.params.extend(shared_options())
        super().add_command(cmd, name)


@click.group(cls=Commands, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, "--version", prog_name="handoutgen")
@click.pass_context
def main(context: click.Context) -> None:
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
    _show_library_warnings(bool(context.ensure_object(dict).get("verbose")))
    context.call_on_close(_forget_library_warnings)


main.params.extend(shared_options())
