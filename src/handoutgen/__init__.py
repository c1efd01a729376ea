"""handoutgen: YAML content and layouts to printable, checked PDF handouts.

import handoutgen
pdf = handoutgen.build("handouts/glute-soreness.yaml", layout="large-print")
report = handoutgen.check(pdf, content="handouts/glute-soreness.yaml")
"""

from __future__ import annotations

from typing import Any

from .version import __version__

__all__ = [
    "Built",
    "HandoutError",
    "__version__",
    "build",
    "build_file",
    "build_mapping",
    "build_text",
    "calibration",
    "check",
    "document",
    "load_content",
    "render_html",
    "validate",
]


def __getattr__(name: str) -> Any:
    # The API loads on first use, so `handoutgen --help` starts fast.
    if name in (
        "Built",
        "build",
        "build_file",
        "build_mapping",
        "build_text",
        "calibration",
        "check",
        "document",
        "load_content",
        "render_html",
        "validate",
    ):
        from . import api

        return getattr(api, name)
    if name == "HandoutError":
        from .errors import HandoutError

        return HandoutError
    raise AttributeError(f"module 'handoutgen' has no attribute {name!r}")
