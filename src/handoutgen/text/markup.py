"""Inline Markdown (bold, italic, links) to escaped ReportLab paragraph markup and to HTML.

Only those three constructs are recognised; every other character prints as written,
so `AT&T`, `x<y` and `<b>` reach the page literally.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from html import escape as _html_escape

from ..model.types import check_url

_MARKDOWN_CHARS = re.compile(r"[*_\[\]\\`]")


@dataclass(frozen=True)
class Inline:
    markup: str  # for reportlab.platypus.Paragraph; a link's address is printed after it
    plain: str  # the words a reader sees on paper, used by the completeness check
    links: tuple[str, ...]
    html: str  # for the HTML edition, where links are links
    web_plain: str  # the words a reader sees on the web page


def escape(text: str) -> str:
    return _html_escape(text, quote=False)


def attr(value: str) -> str:
    return _html_escape(value, quote=True)


@functools.cache
def _parser():
    from markdown_it import MarkdownIt

    md = MarkdownIt("zero").enable(["emphasis", "link", "escape", "newline"])
    md.validateLink = lambda url: True  # we check schemes ourselves, with a clear error
    return md


@functools.lru_cache(maxsize=8192)
def inline(text: str, link_color: str = "#0f5e6e") -> Inline:
    """Parse once per distinct text; raises ValueError for a link with a bad scheme."""
    if not _MARKDOWN_CHARS.search(text):
        plain = " ".join(text.split())
        return Inline(escape(plain), plain, (), escape(plain), plain)
    tokens = _parser().parseInline(text)[0].children or []
    markup: list[str] = []
    html: list[str] = []
    plain: list[str] = []
    web: list[str] = []
    links: list[str] = []
    href = ""
    for token in tokens:
        kind = token.type
        if kind == "text":
            markup.append(escape(token.content))
            html.append(escape(token.content))
            plain.append(token.content)
            web.append(token.content)
        elif kind in ("softbreak", "hardbreak"):
            markup.append("<br/>" if kind == "hardbreak" else " ")
            html.append("<br>" if kind == "hardbreak" else " ")
            plain.append(" ")
            web.append(" ")
        elif kind in ("strong_open", "strong_close"):
            markup.append("<b>" if kind.endswith("open") else "</b>")
            html.append("<strong>" if kind.endswith("open") else "</strong>")
        elif kind in ("em_open", "em_close"):
            markup.append("<i>" if kind.endswith("open") else "</i>")
            html.append("<em>" if kind.endswith("open") else "</em>")
        elif kind == "link_open":
            href = str(token.attrs.get("href", ""))
            check_url(href)
            links.append(href)
            markup.append(f'<a href="{attr(href)}" color="{link_color}"><u>')
            html.append(f'<a href="{attr(href)}">')
        elif kind == "link_close":
            markup.append("</u></a>")
            html.append("</a>")
            shown = _printed_address(href)
            if shown and shown not in "".join(plain[-1:]):
                markup.append(f" ({escape(shown)})")
                plain.append(f" ({shown})")
    return Inline("".join(markup), _words(plain), tuple(links), "".join(html).strip(), _words(web))


def _words(parts: list[str]) -> str:
    return " ".join("".join(parts).split())


def _printed_address(href: str) -> str:
    """On paper a link is only useful if its address is printed too."""
    for prefix in ("https://", "http://", "mailto:", "tel:"):
        if href.lower().startswith(prefix):
            return href[len(prefix) :].rstrip("/")
    return href
