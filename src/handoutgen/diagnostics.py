"""Problems as CI systems read them: `--diagnostics github` adds a GitHub Actions workflow
command for each one (`::error file=…,line=…,col=…::message`), which GitHub shows on the line
of the file in a pull request. The plain messages are printed as well."""

from __future__ import annotations

from .errors import Where

STYLES = ("text", "github")


def github(severity: str, message: str, where: Where | None = None, hint: str | None = None) -> str:
    """One workflow command line: `severity` is error or warning; the message and hint go in
    its text, escaped as GitHub asks, so that a line break or a `::` in them cannot end it."""
    text = _escape(message + (f" (hint: {hint})" if hint else ""))
    if where is None:
        return f"::{severity} title=handoutgen::{text}"
    place = f"file={_escape_property(where.file)},line={where.line},col={where.column}"
    return f"::{severity} {place},title=handoutgen::{text}"


def _escape(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape(text).replace(":", "%3A").replace(",", "%2C")
