"""Layouts: a built-in by name or a layout file, with its `extends` chain merged and checked."""

from __future__ import annotations

import functools
from pathlib import Path

from ..errors import HandoutError, Where, closest
from ..model import Layout, read
from ..model.resolved import Picture
from ..source import Map, Node, Scalar, load
from .inspect import Inspector
from .pictures import find_picture
from .project import project_root

BUILTIN_LAYOUTS = Path(__file__).resolve().parent.parent / "builtin" / "layouts"
DEFAULT_LAYOUT = "a4"
DEFAULT_CARD_LAYOUT = "cards-a6"
MAX_EXTENDS = 8


def builtin_layouts() -> dict[str, Path]:
    return {p.stem: p for p in sorted(BUILTIN_LAYOUTS.glob("*.yaml"))}


def load_layout(name_or_path: str | Path | None) -> Layout:
    """A built-in layout by name, or a layout file, with its `extends` chain applied."""
    node = _layout_node(str(name_or_path or DEFAULT_LAYOUT), None, [])
    return read(node, Layout, "the layout", Inspector())


def logo_picture(layout: Layout, language: str) -> Picture | None:
    """The layout's logo, checked (it was checked when the layout was read, so this is cached),
    with alt text in the document's language."""
    from ..text.labels import label

    logo = layout.brand.logo
    if logo is None:
        return None
    root = project_root(Path(logo.where.file)) if logo.where else Path.cwd()
    name = str(layout.brand.name or "")
    return find_picture(logo, label(language, "logo", name=name) if name else label(language, "logo_alone"), root)


@functools.lru_cache(maxsize=16)
def _builtin_node(name: str) -> Node:
    return load(builtin_layouts()[name])


def _layout_node(ref: str, at: Where | None, seen: list[str]) -> Node:
    builtins = builtin_layouts()
    if ref in builtins:
        node = _builtin_node(ref)
        key = f"builtin:{ref}"
    else:
        path = Path(at.file).parent / ref if at else Path(ref)
        if path.suffix not in (".yaml", ".yml") or not path.is_file():
            raise HandoutError.at(
                at,
                f"no layout `{ref}`: not a built-in layout nor a layout file",
                closest(ref, builtins) or "built-in layouts: " + ", ".join(builtins),
            )
        node = load(path)
        key = str(path.resolve())
    if key in seen:
        raise HandoutError.at(at, f"layout `{ref}` extends itself (through {' → '.join(seen)})")
    if len(seen) >= MAX_EXTENDS:
        raise HandoutError.at(at, f"more than {MAX_EXTENDS} layouts extend each other")
    if not isinstance(node, Map):
        raise HandoutError.at(node.where, "a layout file must be a mapping of `key: value` lines")
    parent_ref = node.get("extends")
    if parent_ref is None:
        return node
    if not isinstance(parent_ref, Scalar) or not parent_ref.value:
        raise HandoutError.at(parent_ref.where, "`extends` must name a layout, like `a4`")
    parent = _layout_node(parent_ref.value, parent_ref.where, [*seen, key])
    return merge(parent, node)


def merge(base: Node, override: Node) -> Node:
    """Deep-merge two mappings; keys of `override` win, each keeping its own position."""
    if not (isinstance(base, Map) and isinstance(override, Map)):
        return override
    merged = Map(override.where, dict(base.entries))
    for key, (key_node, value) in override.entries.items():
        if key in merged.entries:
            value = merge(merged.entries[key][1], value)
        merged.entries[key] = (key_node, value)
    return merged
