"""Our pictogram style: the navy figure, lighter far-side limbs, an orange target and motion
arrow, grey floor and props; shapes written as SVG with rounded ends."""

from __future__ import annotations

Point = tuple[float, float]
NAVY = "#1f4e79"
FAR = "#93acc6"
ORANGE = "#e07a1f"
PROP = "#c3ced8"
PROP_EDGE = "#8d9dac"
BAND = "#2e8b7e"


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
