"""Prove an HTML edition complete, self-contained and accessible in its structure.

Checks: `lang` and `<title>` set, one `<h1>` and headings that never skip a level, alt text on
every picture, a label on every form control, nothing fetched from elsewhere (no external `src`,
style sheet or script, every picture a data URI), links only to the content's own addresses
with an allowed scheme, and (given the document) every word it prints present.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urlsplit

from ..errors import HandoutError
from ..model.resolved import Document
from ..model.types import LINK_SCHEMES, Text
from ..text.css import fetches
from ..text.markup import inline
from ..text.printed import printed_texts
from .report import Report
from .words import check_words

VOID = {"area", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
# The page is ours: exactly the elements and attributes the HTML renderer writes, nothing else.
COMMON = {"class", "id", "lang", "aria-label", "aria-labelledby"}
ALLOWED: dict[str, set[str]] = {
    "html": {"lang"}, "head": set(), "title": set(), "style": set(), "body": set(),
    "meta": {"charset", "name", "content"},
    **{tag: COMMON for tag in (
        "div", "header", "main", "footer", "article", "section", "aside", "h1", "h2", "h3", "h4", "h5", "h6",
        "p", "ul", "ol", "li", "dl", "dt", "dd", "strong", "em", "br", "figure", "figcaption", "table",
        "caption", "thead", "tbody", "tr", "td", "span",
    )},
    "a": COMMON | {"href"}, "img": COMMON | {"src", "alt", "width", "height"}, "th": COMMON | {"scope"},
    "input": COMMON | {"type", "min", "max", "step", "inputmode"},
}  # fmt: skip
INPUT_TYPES = {"checkbox", "number"}  # tick boxes, and boxes to score a day from 0 to 10
META_NAMES = {"viewport", "generator"}


@dataclass
class Page:
    """What the parser saw."""

    lang: str = ""
    title: str = ""
    headings: list[tuple[int, str]] = field(default_factory=list)
    images: list[dict[str, str]] = field(default_factory=list)
    links: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)  # every src= and srcset=
    fetching: list[str] = field(default_factory=list)  # elements and attributes that would load or run something
    unlabelled: list[str] = field(default_factory=list)
    ids: set[str] = field(default_factory=set)
    text: list[str] = field(default_factory=list)
    styles: list[str] = field(default_factory=list)


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = Page()
        self._stack: list[str] = []
        self._heading: tuple[int, list[str]] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        page = self.page
        if len(values) != len(attrs):  # a browser keeps the first of two `src`, this reader the last
            page.fetching.append(f"a repeated attribute on <{tag}>")
        if tag == "html":
            page.lang = values.get("lang", "").strip()
        if "id" in values:
            page.ids.add(values["id"])
        allowed = ALLOWED.get(tag)
        if allowed is None:
            page.fetching.append(f"<{tag}>")
        else:
            page.fetching += [f"`{name}` on <{tag}>" for name in values if name not in allowed]
        if tag == "meta" and "name" in values and values["name"] not in META_NAMES:
            page.fetching.append(f"<meta name={values['name']}>")
        if tag == "input" and values.get("type") not in INPUT_TYPES:
            page.fetching.append(f"<input type={values.get('type', '')}>")
        for name in ("src", "srcset", "poster", "data", "formaction", "action", "background"):
            if name in values:
                page.sources.append(values[name])
        if "style" in values:
            page.styles.append(values["style"])
        if tag == "img":
            page.images.append(values)
        if tag == "a" and "href" in values:
            page.links.append(values["href"])
        if tag in ("input", "select", "textarea") and not (values.get("aria-label") or values.get("aria-labelledby")):
            page.unlabelled.append(f"<{tag}>")
        if re.fullmatch(r"h[1-6]", tag):
            self._heading = (int(tag[1]), [])
        if tag not in VOID:
            self._stack.append(tag)

    # Our pages hold no comments, processing instructions or declarations but the doctype; parsers
    # disagree about where such things end (`<!-->` closes a comment in HTML5), so none is allowed.
    def handle_comment(self, data: str) -> None:
        self.page.fetching.append("a comment")

    def handle_pi(self, data: str) -> None:
        self.page.fetching.append("a processing instruction")

    def handle_decl(self, decl: str) -> None:
        if decl.strip().lower() != "doctype html":
            self.page.fetching.append(f"<!{decl[:30]}>")

    def unknown_decl(self, data: str) -> None:
        self.page.fetching.append(f"<![{data[:30]}")

    def handle_endtag(self, tag: str) -> None:
        if self._heading is not None and tag == f"h{self._heading[0]}":
            self.page.headings.append((self._heading[0], " ".join("".join(self._heading[1]).split())))
            self._heading = None
        while self._stack and self._stack.pop() != tag:
            pass

    def handle_data(self, data: str) -> None:
        where = self._stack[-1] if self._stack else ""
        if where == "title":
            self.page.title += data
        elif where == "style":
            self.page.styles.append(data)
            if "<" in data:  # browsers end a style sheet at `</style x>` too: never markup in one
                self.page.fetching.append("markup inside a <style>")
        elif where != "script":
            self.page.text.append(data)
            if self._heading is not None:
                self._heading[1].append(data)


def read_html(data: bytes) -> Page:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise HandoutError.at(None, f"not a readable HTML page: it is not UTF-8 ({exc.reason})") from None
    if "<html" not in text[:2000].lower():
        raise HandoutError.at(None, "not a readable HTML page: there is no <html> element")
    reader = _Reader()
    reader.feed(text)
    reader.close()
    return reader.page


def check_html(data: bytes, document: Document | None = None) -> Report:
    page = read_html(data)
    report = Report(pages=1, title=" ".join(page.title.split()), language=page.lang)
    _check_metadata(report, page, document)
    _check_headings(report, page)
    _check_pictures(report, page)
    _check_self_contained(report, page)
    _check_links(report, page, document)
    if document is not None:
        check_words(report, "\n".join(page.text), printed_texts(document.view), web=True)
    return report


def _check_metadata(report: Report, page: Page, document: Document | None) -> None:
    problems = []
    if not page.lang:
        problems.append("no `lang` on <html>")
    elif document is not None and page.lang != document.meta.language:
        problems.append(f"`lang` is {page.lang}, the content is {document.meta.language}")
    if not report.title:
        problems.append("no <title>")
    elif document is not None and " ".join(report.title.split()) != " ".join(document.meta.title.split()):
        problems.append(f'<title> is "{report.title[:60]}", the document is "{document.meta.title[:60]}"')
    first = next((text for level, text in page.headings if level == 1), None)
    if document is not None and first is not None and document.kind != "cards" and not _same(first, document):
        problems.append(f'the <h1> is "{first[:60]}", not the document\'s title')
    if problems:
        report.add("metadata", False, "; ".join(problems) + " (screen readers need both)")
    else:
        report.add("metadata", True, f'title "{report.title}", language {page.lang}')


def _same(heading: str, document: Document) -> bool:
    return " ".join(heading.split()) == " ".join(inline(document.view.title).plain.split())


def _check_headings(report: Report, page: Page) -> None:
    levels = [level for level, _ in page.headings]
    problems = []
    if levels.count(1) != 1:
        problems.append(f"{levels.count(1)} <h1> headings (a page has one)")
    for (before, _), (level, text) in itertools.pairwise(page.headings):
        if level > before + 1:
            problems.append(f'<h{level}> "{text[:40]}" comes straight after an <h{before}>')
    empty = [f"<h{level}>" for level, text in page.headings if not text]
    problems += [f"an empty {tag}" for tag in empty]
    if problems:
        report.add("headings", False, "; ".join(problems[:3]))
    else:
        report.add("headings", True, f"{len(levels)} headings, one <h1>, in order")


def _check_pictures(report: Report, page: Page) -> None:
    lacking = [image.get("src", "")[:40] for image in page.images if not image.get("alt", "").strip()]
    if lacking:
        report.add("pictures", False, f"{len(lacking)} pictures without alt text")
    elif page.unlabelled:
        report.add("pictures", False, f"{len(page.unlabelled)} form controls without a label")
    else:
        report.add("pictures", True, f"{len(page.images)} pictures, each with alt text")


def _check_self_contained(report: Report, page: Page) -> None:
    outside = [src[:60] for src in page.sources if not src.startswith("data:image/")]
    in_styles = list(dict.fromkeys(word for style in page.styles for word in fetches(style)))
    problems = [*page.fetching, *outside, *in_styles]
    if problems:
        report.add("requests", False, "the page would load or run something: " + ", ".join(problems[:3]))
    else:
        report.add("requests", True, "self-contained: only our own markup, no script, no request elsewhere")


def _check_links(report: Report, page: Page, document: Document | None) -> None:
    allowed = _content_links(document) if document is not None else None
    bad = []
    for href in page.links:
        if href.startswith("#"):
            if href[1:] not in page.ids:
                bad.append(f"{href} points at nothing on the page")
            continue
        try:
            scheme = urlsplit(href).scheme.lower()
        except ValueError:  # a broken address, like an unclosed `[` of an IPv6 host
            bad.append(f"{href[:60]} is not a well-formed address")
            continue
        if scheme not in LINK_SCHEMES:
            bad.append(f"{href[:60]} has a scheme other than {', '.join(LINK_SCHEMES)}")
        elif allowed is not None and href not in allowed:
            bad.append(f"{href[:60]} is not one of the content's own links")
    report.links = len(page.links)
    if bad:
        report.add("links", False, "; ".join(bad[:3]))
    else:
        report.add("links", True, f"{len(page.links)} links, each one of the content's own")


def _content_links(document: Document) -> set[str]:
    """Every address the content itself links to: Markdown links, QR codes, videos."""
    links: set[str] = set()
    for text in printed_texts(document.view):
        if isinstance(text, Text):
            links.update(inline(text).links)
    stack = [document.view]
    while stack:  # addresses behind QR codes and videos are not printed text, so look for them
        item = stack.pop()
        if isinstance(item, (list, tuple)):
            stack.extend(item)
        elif hasattr(item, "__dataclass_fields__"):
            url = getattr(item, "url", None)
            if isinstance(url, str):
                links.add(url)
            stack.extend(getattr(item, name) for name in item.__dataclass_fields__ if name != "url")
    return links
