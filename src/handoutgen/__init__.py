"""handoutgen: YAML content and layouts to printable, checked PDF handouts.

import handoutgen
pdf = handoutgen.build("handouts/glute-soreness.yaml", layout="large-print")
report = handoutgen.check(pdf, content="handouts/glute-soreness.yaml")
"""

from __future__ import annotations

from typing import Any

from .version import __version__

# The API's names, loaded on first use so that `handoutgen --help` starts fast.
_API = (
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
)
__all__ = ["HandoutError", "__version__", *_API]


def __getattr__(name: str) -> Any:
    if name in _API:
        from . import api

        return getattr(api, name)
    if name == "HandoutError":
        from .errors import HandoutError

        return HandoutError
    raise AttributeError(f"module 'handoutgen' has no attribute {name!r}")
