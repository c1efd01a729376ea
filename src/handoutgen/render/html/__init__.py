"""The HTML edition: one self-contained, accessible page per document.

Everything is inside the file (the style sheet, pictures as data URIs), so the page makes no
request of its own; headings, lists, tables, figures and labelled asides carry the structure a
screen reader announces; sizes are in rem, so the reader's text size and zoom scale it.
"""

from __future__ import annotations

import re

from ...model.resolved import Document
from ...model.views import CardsView, HandoutView, ProgramView
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


def _bands(document: Document) -> dict[str, str]:
    """The layout's header and footer texts, as the PDF fills them but with no page numbers: a
    web page has none."""
    from ...text.bands import band_values, fill

    values = band_values(document.meta, document.layout)
    layout = document.layout
    texts = {
        "header.left": layout.header.left,
        "header.right": layout.header.right,
        "footer.left": layout.footer.left,
        "footer.right": layout.footer.right,
    }
    return {name: "" if not t or PAGE_NUMBERS.search(str(t)) else fill(t, values, 1, 1) for name, t in texts.items()}


PAGE_NUMBERS = re.compile(r"\{\s*(?:page|pages|page_label)\s*\}")  # a text about pages: none on a web page


def _masthead(document: Document) -> str:
    bands = _bands(document)
    parts = []
    if document.logo is not None:
        parts.append(picture_img(document.logo))
    if bands["header.left"]:
        parts.append(f'<p class="brand-name">{esc(bands["header.left"])}</p>')
    if bands["header.right"]:
        parts.append(f'<p class="contact">{esc(bands["header.right"])}</p>')
    return f'<header class="masthead">{"".join(parts)}</header>' if parts else ""


def _foot(document: Document) -> str:
    view, bands = document.view, _bands(document)
    parts = []
    disclaimer = getattr(view, "disclaimer", None)
    if disclaimer:
        parts.append(f'<p class="disclaimer">{rich(disclaimer)}</p>')
    for name in ("footer.left", "footer.right"):
        if bands[name]:
            parts.append(f"<p>{esc(bands[name])}</p>")
    address = document.layout.brand.address
    if address and not any(str(address) in text for text in bands.values()):
        parts.append(f"<p>{esc(address)}</p>")
    return f'<footer class="page-foot">{"".join(parts)}</footer>' if parts else ""
