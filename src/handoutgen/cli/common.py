"""What every command shares: the `handoutgen` group, exit codes, and how problems are printed."""

from __future__ import annotations

import re

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
    context = click.get_current_context(silent=True)
    root = context.find_root() if context is not None else None
    if root is not None and (root.obj or {}).get("diagnostics") == "github":
        from ..diagnostics import github

        click.echo(github(severity, message, where, hint))


def report_errors(error: HandoutError) -> None:
    for problem in error.problems[:MAX_SHOWN_PROBLEMS]:
        click.echo(problem.format(), err=True)
        annotate("error", problem.message, problem.where, problem.hint)
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
