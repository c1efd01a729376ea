"""CSS as a browser reads it: escapes undone, so that no spelling of a fetch hides."""

from __future__ import annotations

import re

# Every CSS way to make a browser fetch, run or draw something from elsewhere.
FETCHES = ("url(", "@import", "image-set(", "expression(", "@font-face", "cross-fade(", "element(", "src(")


def unescaped(css: str) -> str:
    """`css` with its escapes (`\\72` for `r`, `\\@`) undone and comments removed, in lower case."""

    def character(match: re.Match[str]) -> str:
        code = int(match.group(1), 16)
        return chr(code) if 0 < code < 0x110000 else ""

    undone = re.sub(r"\\([0-9a-fA-F]{1,6})\s?", character, css)
    undone = re.sub(r"\\(.)", r"\1", undone)
    return re.sub(r"/\*.*?\*/", "", undone, flags=re.S).lower()


def fetches(css: str) -> list[str]:
    """The fetching words the CSS holds, once each; `url(#id)` (a same-file reference) excepted."""
    text = re.sub(r"url\(\s*['\"]?#[^)'\"\s]*['\"]?\s*\)", "", unescaped(css))
    return [word for word in FETCHES if word in text]
