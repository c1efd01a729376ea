"""The HTML edition: one self-contained, accessible page per document.

Everything is inside the file (the style sheet, pictures as data URIs), so the page makes no
request of its own; headings, lists, tables, figures and labelled asides carry the structure a
screen reader announces; sizes are in rem, so the reader's text size and zoom scale it.
"""

from __future__ import annotations

from ...model.resolved import Document
from ...model.views import CardsView, HandoutView, ProgramView
from ...text.labels import label, long_date
from ...version import __version__
from .blocks import Ids, handout_html
from .cards import cards_html
from .markup import esc, picture_img, rich
from .program import program_html
from .style import stylesheet


def render_html(document: Document) -> bytes:
    """The document as one HTML page, UTF-8; the same Document always gives the same bytes."""
    ids = Ids()
    view = document.view
    if isinstance(view, HandoutView):
        body = handout_html(view, 1, ids)
    elif isinstance(view, ProgramView):
        body = program_html(view, ids)
    else:
        assert isinstance(view, CardsView)
        body = cards_html(view, ids)
    meta = document.meta
    page = [
        "<!DOCTYPE html>",
        f'<html lang="{esc(meta.language)}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{esc(meta.title)}</title>",
        f'<meta name="generator" content="handoutgen {__version__}">',
        f"<style>{stylesheet(document.layout)}</style>",
        "</head>",
        "<body>",
        '<div class="page">',
        _masthead(document),
        "<main>",
        *body,
        "</main>",
        _foot(document),
        "</div>",
        "</body>",
        "</html>",
        "",
    ]
    return "\n".join(page).encode("utf-8")


def _masthead(document: Document) -> str:
    brand = document.layout.brand
    parts = []
    if document.logo is not None:
        parts.append(picture_img(document.logo))
    if brand.name:
        parts.append(f'<p class="brand-name">{esc(brand.name)}</p>')
    contact = [str(v) for v in (brand.phone, brand.web) if v]
    if contact:
        parts.append(f'<p class="contact">{esc(" · ".join(contact))}</p>')
    return f'<header class="masthead">{"".join(parts)}</header>' if parts else ""


def _foot(document: Document) -> str:
    view, meta = document.view, document.meta
    parts = []
    disclaimer = getattr(view, "disclaimer", None)
    if disclaimer:
        parts.append(f'<p class="disclaimer">{rich(disclaimer)}</p>')
    if meta.date is not None and meta.reviewed:
        parts.append(f"<p>{esc(label(meta.language, 'reviewed', date=long_date(meta.language, meta.date)))}</p>")
    if document.layout.brand.address:
        parts.append(f"<p>{esc(document.layout.brand.address)}</p>")
    return f'<footer class="page-foot">{"".join(parts)}</footer>' if parts else ""
