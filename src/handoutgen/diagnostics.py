"""Problems as CI systems read them: `--diagnostics github` adds a GitHub Actions workflow
command for each one (`::error file=…,line=…,col=…::message`), which GitHub shows on the line
of the file in a pull request. The plain messages are printed as well."""

from __future__ import annotations

import os
import re
from pathlib import Path

from .errors import Where

STYLES = ("text", "github")


def github(severity: str, message: str, where: Where | None = None, hint: str | None = None) -> str:
    """One workflow command line: `severity` is error or warning; the message and hint go in
    its text, escaped as GitHub asks, so that a line break or a `::` in them cannot end it."""
    text = _escape(message + (f" (hint: {hint})" if hint else ""))
    if where is None:
        return f"::{severity} title=handoutgen::{text}"
    place = f"file={_escape_property(repository_path(where.file))},line={where.line},col={where.column}"
    return f"::{severity} {place},title=handoutgen::{text}"


def repository_path(file: str) -> str:
    """A file as GitHub names it in a pull request: relative to the checkout (GITHUB_WORKSPACE,
    else the working folder), whatever folder the command ran in."""
    base = Path(os.environ.get("GITHUB_WORKSPACE") or Path.cwd()).resolve()
    path = Path(file) if Path(file).is_absolute() else Path.cwd() / file
    try:
        return path.resolve().relative_to(base).as_posix()
    except (ValueError, OSError):
        return file


def located(message: str) -> tuple[Where | None, str]:
    """The place and text of a message already formatted as `file:line:col: error: text`."""
    first = message.split("\n", 1)[0]
    match = re.match(r"^(.+?):(\d+):(\d+): (?:error|warning): (.*)$", first)
    if match is None:
        return None, first
    return Where(match.group(1), int(match.group(2)), int(match.group(3))), match.group(4)


def _escape(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape(text).replace(":", "%3A").replace(",", "%2C")
