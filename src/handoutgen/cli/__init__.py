"""The `handoutgen` command: parse arguments, call the API, print, set the exit code.

Exit codes: 0 ok, 1 a check failed, 2 bad input or usage.
"""

from . import author, build, library  # noqa: F401 - registers the commands on `main`
from .common import main

__all__ = ["main"]
