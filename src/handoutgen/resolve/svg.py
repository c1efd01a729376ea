"""SVG pictures checked by parsing them as XML, never by searching their bytes.

An SVG is data from anywhere: it may name other files (`<image href>`, `<use href>`, CSS
`url()`), declare entities, carry scripts, or be built to explode when drawn. Here it is parsed
once with entities, DTDs and the network off (any encoding its XML declaration names), and
refused unless everything in it can be drawn completely from the file alone. The checked tree
is what svglib renders, so svglib never opens a file itself.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any

from ..text.css import fetches, unescaped

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
METADATA_NS = {  # what drawing programs keep about a picture; svglib draws none of it
    "http://www.inkscape.org/namespaces/inkscape",
    "http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd",
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "http://purl.org/dc/elements/1.1/",
    "http://creativecommons.org/ns#",
    "http://web.resource.org/cc/",
    "http://ns.adobe.com/AdobeIllustrator/10.0/",
    "http://ns.adobe.com/SaveForWeb/1.0/",
}
MAX_ELEMENTS = 20_000  # after <use> references are expanded
MAX_USE_EXPANSIONS = 500
MAX_DEPTH = 200
MAX_COORDINATE = 1e6  # user units; a printed picture is a few hundred
# What svglib draws; anything else in the SVG namespace would be left out of the picture.
DRAWN = {
    "svg", "g", "a", "defs", "style", "symbol", "use", "switch", "clipPath", "title", "desc", "metadata",
    "linearGradient", "radialGradient", "stop", "rect", "circle", "ellipse", "line", "polyline", "polygon",
    "path", "text", "tspan",
}  # fmt: skip
REFUSED = {
    "script": "a script",
    "foreignObject": "a <foreignObject> (HTML inside the picture)",
    "image": "an embedded or linked image",
    "iframe": "an <iframe>",
    "handler": "an event handler",
    "listener": "an event listener",
}
GEOMETRY = {
    "x", "y", "width", "height", "rx", "ry", "cx", "cy", "r", "x1", "y1", "x2", "y2", "fx", "fy", "dx", "dy",
    "points", "d", "viewBox", "transform", "stroke-width", "font-size", "offset",
}  # fmt: skip
_NUMBER = re.compile(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?|[-+]?(?:inf|nan)(?:inity)?", re.I)
_URL = re.compile(r"url\(\s*(['\"]?)(.*?)\1\s*\)", re.I | re.S)


class UnsafeSvgError(ValueError):
    """The SVG cannot be printed safely and completely; the message says why."""


@dataclass(frozen=True)
class CheckedSvg:
    root: Any  # the lxml root element, safe to hand to svglib

    def texts(self) -> list[str]:
        """The words the picture draws itself (its <text> and <tspan>), for the font check."""
        return ["".join(e.itertext()) for e in self.root.iter() if isinstance(e.tag, str) and _local(e.tag) == "text"]

    def serialised(self) -> bytes:
        """The checked tree as UTF-8 XML: no DOCTYPE, entity or outside reference can be in it."""
        from lxml import etree

        return etree.tostring(self.root, encoding="utf-8")


def check_svg(data: bytes) -> CheckedSvg:
    """Parse and check an SVG file's bytes; raise UnsafeSvgError naming the first problem."""
    from lxml import etree

    parser = etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
        recover=False,
    )
    try:
        root = etree.fromstring(data, parser)
    except (etree.XMLSyntaxError, ValueError) as exc:
        raise UnsafeSvgError(f"is not well-formed XML ({_short(str(exc))})") from None
    tree = root.getroottree()
    if tree.docinfo.doctype or tree.docinfo.internalDTD is not None:
        raise UnsafeSvgError("declares a DOCTYPE (which can define entities or load other files)")
    if _local(root.tag) != "svg":
        raise UnsafeSvgError(f"is not an SVG picture (its first element is <{_local(root.tag)}>)")
    for elements, element in enumerate(root.iter(), start=1):
        if elements > MAX_ELEMENTS:
            raise UnsafeSvgError(f"has more than {MAX_ELEMENTS:,} elements")
        _check_element(element, etree)
    _check_size(root)
    _check_uses(root)
    return CheckedSvg(root)


def _check_element(element: Any, etree: Any) -> None:
    """svglib goes by an element's local name whatever its namespace, so every element is judged
    by its local name; only the metadata of drawing programs may hold names it does not draw."""
    if isinstance(element, etree._Entity):
        raise UnsafeSvgError(f"uses the entity `&{element.name};`")
    if not isinstance(element.tag, str):
        return
    namespace, name = _split(element.tag)
    for key, value in element.attrib.items():
        _check_attribute(key, value, name)
    if name in REFUSED:
        raise UnsafeSvgError(f"contains {REFUSED[name]}")
    if name not in DRAWN and namespace not in METADATA_NS:
        raise UnsafeSvgError(f"uses <{name}>, which cannot be printed, so the picture would be incomplete")
    if name == "style":
        text = "".join(element.itertext())
        if "@import" in unescaped(text):
            raise UnsafeSvgError("imports a style sheet from another file")
        _check_urls(text, "its <style>")


def _check_attribute(key: str, value: str, name: str) -> None:
    _, attribute = _split(key)
    if attribute.lower().startswith("on"):
        raise UnsafeSvgError(f"has an event attribute `{attribute}` on <{name}>")
    if attribute == "href" and not re.fullmatch(r"#[^\s#]+", value):  # exactly a same-file `#id`
        raise UnsafeSvgError(f"refers to `{_short(value)}` outside the file (on <{name}>)")
    if attribute in ("mask", "filter", "marker-start", "marker-mid", "marker-end") and value.strip() != "none":
        raise UnsafeSvgError(f"uses `{attribute}`, which cannot be printed, so the picture would be incomplete")
    _check_urls(value, f"`{attribute}` of <{name}>")
    if attribute in GEOMETRY:
        _check_numbers(value, attribute, name)
    if attribute == "transform":
        _check_transform(value, name)


def _check_transform(value: str, name: str) -> None:
    """A transform that squashes the picture flat cannot be drawn (nor undone)."""
    for kind, arguments in re.findall(r"(matrix|scale)\s*\(([^)]*)\)", value):
        numbers = [float(n) for n in _NUMBER.findall(arguments)]
        if kind == "matrix" and len(numbers) >= 4:
            flat = abs(numbers[0] * numbers[3] - numbers[1] * numbers[2]) < 1e-9
        else:
            flat = any(abs(n) < 1e-9 for n in numbers[:2]) if numbers else False
        if flat:
            raise UnsafeSvgError(f"has a `transform` that squashes <{name}> flat ({_short(value)})")


def _check_urls(value: str, what: str) -> None:
    """CSS in an attribute or a <style>: only `url(#id)` references within the file, however the
    CSS is spelt (escapes undone)."""
    if "(" not in value and "@" not in value and "\\" not in value:
        return
    for match in _URL.finditer(unescaped(value)):
        if not match.group(2).strip().startswith("#"):
            raise UnsafeSvgError(f"refers to `{_short(match.group(2))}` outside the file (in {what})")
    found = fetches(value)
    if found:
        raise UnsafeSvgError(f"uses `{found[0]}` in {what}, which would fetch from outside the file")
    if re.search(r"(?:^|[;{\s])(?:mask|filter|marker(?:-start|-mid|-end)?)\s*:(?!\s*none)", unescaped(value)):
        raise UnsafeSvgError(f"uses a mask, filter or marker in {what}, which cannot be printed")


def _check_numbers(value: str, attribute: str, name: str) -> None:
    for match in _NUMBER.finditer(value):
        number = float(match.group())
        if not math.isfinite(number) or abs(number) > MAX_COORDINATE:
            raise UnsafeSvgError(f"has an absurd `{attribute}` ({_short(match.group())}) on <{name}>")


def _check_size(root: Any) -> None:
    for attribute in ("width", "height"):
        value = root.get(attribute)
        if value is None or value.strip().endswith("%"):
            continue
        match = _NUMBER.match(value.strip())
        if match is None or not 0.01 <= float(match.group()) <= 100_000:
            raise UnsafeSvgError(f"has an unusable `{attribute}` ({_short(value)})")
    view_box = root.get("viewBox")
    if view_box is not None:
        numbers = [float(n) for n in _NUMBER.findall(view_box)]
        if len(numbers) != 4 or numbers[2] < 0.01 or numbers[3] < 0.01:
            raise UnsafeSvgError(f"has an unusable `viewBox` ({_short(view_box)})")


def _check_uses(root: Any) -> None:
    """Every <use> names an element of this file, without cycles, and the expanded picture
    stays small (a few nested <use> can otherwise multiply into millions of shapes)."""
    ids = {element.get("id"): element for element in root.iter() if isinstance(element.tag, str) and element.get("id")}
    # Keyed by the element proxies themselves, which the dict keeps alive (an id() of an lxml
    # proxy can be reused once the proxy is freed).
    sizes: dict[Any, tuple[int, int]] = {}  # element: (elements, <use> copies) once expanded
    expanding: set[Any] = set()

    def expanded(element: Any, depth: int = 0) -> tuple[int, int]:
        key = element
        if key in sizes:
            return sizes[key]
        if depth > MAX_DEPTH:
            raise UnsafeSvgError(f"nests elements and <use> references more than {MAX_DEPTH} deep")
        if key in expanding:
            raise UnsafeSvgError(f"has a <use> that refers back to itself (through `#{element.get('id')}`)")
        expanding.add(key)
        count, uses = 1, 0
        children = [child for child in element if isinstance(child.tag, str)]
        if _local(element.tag) == "use":
            href = (element.get(f"{{{XLINK_NS}}}href") or element.get("href") or "").strip()
            target = ids.get(href[1:]) if href.startswith("#") else None
            if target is None:
                raise UnsafeSvgError(f"has a <use> of `{_short(href) or '(nothing)'}`, which is not in the file")
            children.append(target)
            uses = 1
        for child in children:
            child_count, child_uses = expanded(child, depth + 1)
            count, uses = count + child_count, uses + child_uses
            if count > MAX_ELEMENTS or uses > MAX_USE_EXPANSIONS:
                raise UnsafeSvgError(
                    f"expands to more than {MAX_ELEMENTS:,} shapes or {MAX_USE_EXPANSIONS} <use> copies when drawn"
                )
        expanding.discard(key)
        sizes[key] = (count, uses)
        return count, uses

    expanded(root)


def _split(tag: str) -> tuple[str, str]:
    if tag.startswith("{"):
        namespace, _, name = tag[1:].partition("}")
        return namespace, name
    return "", tag


def _local(tag: Any) -> str:
    return _split(tag)[1] if isinstance(tag, str) else ""


def _short(text: str) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= 60 else text[:57] + "…"


def intrinsic_size(root: Any) -> tuple[float, float]:
    """The picture's own width and height (its viewBox, else its width and height), for its proportions."""
    view_box = root.get("viewBox")
    if view_box is not None:
        numbers = [float(n) for n in _NUMBER.findall(view_box)]
        return numbers[2], numbers[3]
    sizes = []
    for attribute in ("width", "height"):
        match = _NUMBER.match((root.get(attribute) or "").strip())
        sizes.append(float(match.group()) if match and not root.get(attribute, "").strip().endswith("%") else 100.0)
    return sizes[0], sizes[1]
