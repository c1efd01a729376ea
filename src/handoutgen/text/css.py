"""CSS as a browser reads it: comments and escapes undone, so that no spelling of a fetch hides."""

from __future__ import annotations

import re

# Every CSS way to make a browser fetch, run or draw something from elsewhere.
FETCHES = ("url(", "@import", "image-set(", "expression(", "@font-face", "cross-fade(", "element(", "src(")


def unescaped(css: str) -> str:
    """`css` as a browser tokenises it, lower case: comments removed (outside strings, before
    escapes are read, as CSS does), then escapes (`\\72` for `r`, `\\@`) undone."""
    return _undo_escapes(_without_comments(css))


def _undo_escapes(css: str) -> str:
    def character(match: re.Match[str]) -> str:
        code = int(match.group(1), 16)
        return chr(code) if 0 < code < 0x110000 else ""

    undone = re.sub(r"\\([0-9a-fA-F]{1,6})\s?", character, css)
    return re.sub(r"\\(.)", r"\1", undone).lower()


def _without_comments(css: str) -> str:
    out, index, quote = [], 0, ""
    while index < len(css):
        char = css[index]
        if quote:
            if char == "\\":
                out.append(css[index : index + 2])
                index += 2
                continue
            if char == quote:
                quote = ""
        elif char in "\"'":
            quote = char
        elif css.startswith("/*", index):
            end = css.find("*/", index + 2)
            index = len(css) if end < 0 else end + 2
            continue
        out.append(char)
        index += 1
    return "".join(out)


def fetches(css: str) -> list[str]:
    """The fetching words the CSS holds, once each; `url(#id)` (a same-file reference) excepted.
    Read both with comments removed and as written, so no way of hiding one in a comment, or a
    comment in a string, gets a fetch past."""
    found: dict[str, None] = {}
    for text in (unescaped(css), _undo_escapes(css)):
        text = re.sub(r"url\(\s*['\"]?#[^)'\"\s]*['\"]?\s*\)", "", text)
        found.update((word, None) for word in FETCHES if word in text)
    return list(found)
