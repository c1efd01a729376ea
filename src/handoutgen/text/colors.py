"""Colours as layouts write them (`#rrggbb`): tints and WCAG contrast, for every stage."""

from __future__ import annotations

RGB = tuple[int, int, int]


def channels(color: str | RGB) -> RGB:
    """`#1f4e79` as (31, 78, 121); an RGB triple as it is."""
    if isinstance(color, str):
        return (int(color[1:3], 16), int(color[3:5], 16), int(color[5:7], 16))
    return color


def tint(color: str, amount: float) -> str:
    """`color` mixed with white: amount 0 is the colour, 1 is white."""
    return "#" + "".join(f"{round(c + (255 - c) * amount):02x}" for c in channels(color))


def contrast(first: str | RGB, second: str | RGB) -> float:
    """The WCAG 2 contrast ratio of two colours, from 1 (none) to 21 (black on white)."""

    def luminance(color: str | RGB) -> float:
        linear = [
            c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in (v / 255 for v in channels(color))
        ]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


# How far toward white each background is mixed from its layout colour; the renderers draw
# these and lint judges text on them, so both read the same numbers.
TONE_BACKGROUND = 0.9  # callouts: a tone's colour
PANEL_BACKGROUND = 0.94  # exercise panels: the heading colour
DOSE_BACKGROUND = 0.88  # the dose box on a card: the heading colour
TABLE_STRIPE = 0.4  # every other table row: the summary colour
LOG_SHADE = 0.5  # the log's tick boxes: the summary colour


def text_pairs(colors) -> list[tuple[str, str, str, str]]:
    """(colour name, text colour, background, background name) for every text the renderers
    print in a layout colour."""
    white = "#ffffff"
    panel = tint(colors.heading, PANEL_BACKGROUND)
    stripe = tint(colors.summary, TABLE_STRIPE)
    dose = tint(colors.heading, DOSE_BACKGROUND)
    pairs = [
        ("text", colors.text, white, "white"),
        ("text", colors.text, colors.summary, "the key-points box"),
        ("text", colors.text, stripe, "striped table rows"),
        ("text", colors.text, panel, "exercise panels"),
        ("heading", colors.heading, white, "white"),
        ("heading", colors.heading, colors.summary, "the key-points box"),
        ("heading", colors.heading, panel, "exercise panels"),
        ("heading", colors.heading, dose, "a card's dose box"),
        ("muted", colors.muted, white, "white"),
        ("muted", colors.muted, panel, "exercise panels"),
        ("accent", colors.accent, white, "white"),
        ("accent", colors.accent, panel, "exercise panels"),
        ("white text", white, colors.heading, "the heading colour (table heads, card names)"),
    ]
    for tone in ("info", "tip", "warning"):
        background = tint(getattr(colors, tone), TONE_BACKGROUND)
        pairs += [(tone, getattr(colors, tone), background, f"{tone} callouts")]
        pairs += [("text", colors.text, background, f"{tone} callouts")]
    return pairs
