"""Our pictogram style: the navy figure, lighter far-side limbs, an orange target and motion
arrow, grey floor and props; shapes written as SVG with rounded ends."""

from __future__ import annotations

import math

Point = tuple[float, float]
NAVY = "#1f4e79"
FAR = "#93acc6"
ORANGE = "#e07a1f"
PROP = "#c3ced8"
PROP_EDGE = "#8d9dac"
BAND = "#2e8b7e"
MIN_ARROW = 34.0
ARROW_OFFSET = 20.0


def _n(value: float) -> str:
    text = f"{value:.1f}"
    return "0" if text in ("0.0", "-0.0") else text.removesuffix(".0")


def _xy(p: Point) -> str:
    return f"{_n(p[0])},{_n(p[1])}"


class Canvas:
    """SVG elements in drawing order; widths given in figure units are scaled with the figure."""

    def __init__(self, width: float, height: float, scale: float) -> None:
        self.width, self.height, self.scale = width, height, scale
        self.parts: list[str] = []

    def line(self, a: Point, b: Point, colour: str, width: float, scaled: bool = True) -> None:
        w = width * self.scale if scaled else width
        self.parts.append(
            f'<line x1="{_n(a[0])}" y1="{_n(a[1])}" x2="{_n(b[0])}" y2="{_n(b[1])}" stroke="{colour}" '
            f'stroke-width="{_n(w)}" stroke-linecap="round"/>'
        )

    def circle(self, centre: Point, radius: float, fill: str, stroke: str | None = None) -> None:
        edge = f' stroke="{stroke}" stroke-width="{_n(2 * self.scale)}"' if stroke else ""
        self.parts.append(
            f'<circle cx="{_n(centre[0])}" cy="{_n(centre[1])}" r="{_n(radius * self.scale)}" fill="{fill}"{edge}/>'
        )

    def rect(self, left: float, top: float, width: float, height: float, fill: str, radius: float = 2) -> None:
        self.parts.append(
            f'<rect x="{_n(left)}" y="{_n(top)}" width="{_n(width)}" height="{_n(height)}" rx="{_n(radius)}" '
            f'fill="{fill}" stroke="{PROP_EDGE}" stroke-width="1.5"/>'
        )

    def raw(self, element: str) -> None:
        self.parts.append(element)

    def svg(self) -> str:
        head = (
            '<svg xmlns="http://www.w3.org/2000/svg" version="1.1" '
            f'width="{_n(self.width)}" height="{_n(self.height)}" viewBox="0 0 {_n(self.width)} {_n(self.height)}">'
        )
        return "\n".join([head, *("  " + p for p in self.parts), "</svg>", ""])


def polyline(canvas: Canvas, points: list[Point], colour: str, width: float) -> None:
    canvas.raw(
        f'<polyline points="{" ".join(_xy(p) for p in points)}" fill="none" stroke="{colour}" '
        f'stroke-width="{_n(width * canvas.scale)}" stroke-linecap="round" stroke-linejoin="round"/>'
    )


def ellipse_on(canvas: Canvas, centre: Point, degrees: float, size: tuple[float, float]) -> None:
    """The target highlight: an ellipse along a body part (direction in picture degrees)."""
    rx, ry = size[0] * canvas.scale, size[1] * canvas.scale
    turn = degrees - 90
    canvas.raw(
        f'<ellipse cx="{_n(centre[0])}" cy="{_n(centre[1])}" rx="{_n(rx)}" ry="{_n(ry)}" fill="{ORANGE}" '
        f'fill-opacity="0.55" transform="rotate({_n(turn)} {_n(centre[0])} {_n(centre[1])})"/>'
    )


def arrow(canvas: Canvas, start: Point, end: Point, away_from: Point) -> None:
    """A curved arrow from `start` to `end`, set off to the side away from the body (the other
    side when that one runs off the picture)."""
    length = math.hypot(end[0] - start[0], end[1] - start[1])
    if length < 8:
        return
    if length < MIN_ARROW:  # a short move gets an arrow long enough to read, about its middle
        grow = (MIN_ARROW - length) / 2 / length
        dx, dy = end[0] - start[0], end[1] - start[1]
        start, end = (start[0] - dx * grow, start[1] - dy * grow), (end[0] + dx * grow, end[1] + dy * grow)
    arcs = sorted((_arc(canvas, start, end, sign) for sign in (1, -1)), key=lambda arc: -_distance(arc[2], away_from))
    a, b, c = next((arc for arc in arcs if _inside(canvas, arc)), arcs[0])
    tx, ty = b[0] - c[0], b[1] - c[1]
    tl = math.hypot(tx, ty) or 1
    tx, ty = tx / tl, ty / tl
    tip = (b[0] + tx * 8, b[1] + ty * 8)
    left, right = (b[0] - ty * 5, b[1] + tx * 5), (b[0] + ty * 5, b[1] - tx * 5)
    canvas.raw(
        f'<path d="M{_xy(a)} Q{_xy(c)} {_xy(b)}" fill="none" stroke="{ORANGE}" stroke-width="4" '
        'stroke-linecap="round"/>'
    )
    canvas.raw(f'<polygon points="{_xy(tip)} {_xy(left)} {_xy(right)}" fill="{ORANGE}"/>')


def _arc(canvas: Canvas, start: Point, end: Point, sign: int) -> tuple[Point, Point, Point]:
    """The arrow's start, end and curve control point, set off to one side of start→end."""
    dx, dy = end[0] - start[0], end[1] - start[1]
    length = math.hypot(dx, dy)
    ux, uy = dx / length, dy / length
    nx, ny = -uy * sign, ux * sign
    off = ARROW_OFFSET * canvas.scale
    a = (start[0] + nx * off + ux * 4, start[1] + ny * off + uy * 4)
    b = (end[0] + nx * off - ux * 6, end[1] + ny * off - uy * 6)
    mid = ((start[0] + end[0]) / 2, (start[1] + end[1]) / 2)
    c = (mid[0] + nx * (off + 0.3 * length), mid[1] + ny * (off + 0.3 * length))
    return a, b, c


def _distance(a: Point, b: Point) -> float:
    return math.hypot(a[0] - b[0], a[1] - b[1])


def _inside(canvas: Canvas, arc: tuple[Point, Point, Point]) -> bool:
    return all(6 <= p[0] <= canvas.width - 6 and 6 <= p[1] <= canvas.height - 10 for p in arc)
