"""Where text sits on a page, from what pypdf's text extraction reports."""

from __future__ import annotations


def text_origin(cm: list, tm: list) -> tuple[float, float]:
    """Where a run of text starts on the page, from pypdf's visitor matrices."""
    return tm[4] * cm[0] + tm[5] * cm[2] + cm[4], tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
