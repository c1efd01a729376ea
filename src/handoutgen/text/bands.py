"""Header and footer texts: a layout's templates filled with a document's values and page."""

from __future__ import annotations

import re

from ..model.layout import Layout
from ..model.resolved import Metadata
from .labels import label, long_date, short_date


def band_values(info: Metadata, layout: Layout) -> dict[str, str]:
    """The values a header or footer template can name, for one document."""
    brand = layout.brand
    language = info.language
    contact = " · ".join(str(v) for v in (brand.phone, brand.web) if v)
    return {
        "title": info.title,
        "reviewed": label(language, "reviewed", date=long_date(language, info.date))
        if info.date and info.reviewed
        else "",
        "reviewed_date": long_date(language, info.date) if info.date else "",
        "reviewed_short": label(language, "reviewed", date=short_date(language, info.date))
        if info.date and info.reviewed
        else "",
        "brand.name": str(brand.name or ""),
        "brand.phone": str(brand.phone or ""),
        "brand.web": str(brand.web or ""),
        "brand.address": str(brand.address or ""),
        "brand.contact": contact,
        "page_label": label(language, "page_label", page="{page}", pages="{pages}"),
    }


def fill(template: str | None, values: dict[str, str], page: int, pages: int) -> str:
    """A template with its {placeholders} filled for one page; empty separators at the ends go."""
    if not template:
        return ""
    numbers = {"page": str(page), "pages": str(pages)}

    def value(match: re.Match[str]) -> str:
        name = match.group(1).strip()
        if name == "page_label":  # "Page {page} of {pages}" in the content's language
            return values[name].format(**numbers)
        return numbers.get(name, values.get(name, match.group(0)))

    text = re.sub(r"\{([^{}]*)\}", value, str(template))
    return " ".join(text.split()).strip(" ·|-")


def shorter(values: dict[str, str]) -> dict[str, str]:
    """The same values with the review date in its short form, for a band that does not fit."""
    return {**values, "reviewed": values.get("reviewed_short", values.get("reviewed", ""))}
