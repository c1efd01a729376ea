"""Settings read from the environment, checked once for every stage that reads them."""

from __future__ import annotations

import os
import re

from .errors import HandoutError

LATEST_EPOCH = 253402300799  # 9999-12-31, the last date a PDF can carry


def source_date_epoch() -> int | None:
    """SOURCE_DATE_EPOCH as whole seconds, or None when unset or blank (as ReportLab reads it).
    Only ASCII digits: Python's int() takes other scripts' digits that ReportLab's would not."""
    value = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not value:
        return None
    if not re.fullmatch(r"[0-9]{1,15}", value) or int(value) > LATEST_EPOCH:
        raise HandoutError.at(
            None,
            f"SOURCE_DATE_EPOCH is `{value[:40]}{'…' if len(value) > 40 else ''}`; it must be whole seconds since 1970",
            "unset it, or set it to the output of `date +%s`",
        )
    return int(value)
