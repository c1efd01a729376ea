"""handoutgen: YAML content and layouts to printable, checked PDF handouts.

import handoutgen
pdf = handoutgen.build("handouts/glute-soreness.yaml", layout="large-print")
report = handoutgen.check(pdf, content="handouts/glute-soreness.yaml")
"""

from __future__ import annotations

from typing import Any

__version__ = "0.1.0"
__all__ = ["HandoutError", "__version__", "build", "check", "validate"]


def __getattr__(name: str) -> Any:
    # The API loads on first use, so `handoutgen --help` starts fast.
    if name in ("build", "check", "validate", "build_file"):
        from . import api

        return getattr(api, name)
    if name == "HandoutError":
        from .errors import HandoutError

        return HandoutError
    raise AttributeError(f"module 'handoutgen' has no attribute {name!r}")
