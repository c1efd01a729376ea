"""Which kind of content a file holds, from its top-level keys."""

from __future__ import annotations

from pathlib import Path

from .nodes import Map, Node, load

CONTENT_KINDS = ("handout", "deck", "program", "exercise")


def kind_of(node: Node) -> str | None:
    """`handout`, `deck`, `program` or `exercise`: the kind key a file starts with; None for others."""
    if isinstance(node, Map):
        for kind in CONTENT_KINDS:
            if kind in node.entries:
                return kind
    return None


def content_kind(path: Path) -> str | None:
    return kind_of(load(path))


def expect_kind(node: Node, kind: str, path: Path) -> None:
    """Raise unless `node` is a mapping that starts with `kind:`, naming the kind it looks like."""
    from ..errors import HandoutError, Where

    if not isinstance(node, Map):
        raise HandoutError.at(node.where, f"a {kind} file must be a mapping of `key: value` lines")
    if kind not in node.entries:
        kinds = [k for k in CONTENT_KINDS if k in node.entries]
        found = f"; this looks like a `{kinds[0]}` file" if kinds else ""
        raise HandoutError.at(
            Where(str(path), 1, 1),
            f"expected a `{kind}:` key{found}",
            f"a {kind} file starts with `{kind}: <id>`",
        )
