"""From files to checked models: layouts with `extends`, project folder, links, glyphs, pictures."""

from __future__ import annotations

import dataclasses
import functools
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .errors import HandoutError, Problem, Where, closest
from .model import Handout, Layout, read
from .model.types import Located, RelPath, Text
from .source import Map, Node, Scalar, load

BUILTIN_LAYOUTS = Path(__file__).resolve().parent / "builtin" / "layouts"
DEFAULT_LAYOUT = "a4"
MAX_EXTENDS = 8


def builtin_layouts() -> dict[str, Path]:
    return {p.stem: p for p in sorted(BUILTIN_LAYOUTS.glob("*.yaml"))}


def project_root(path: Path) -> Path:
    """The folder a content file's pictures must stay inside.

    That is the nearest folder above the file holding a `handouts/` or `layouts/` folder
    (a project laid out like ours), else the file's own folder.
    """
    folder = path.resolve().parent
    for candidate in (folder, *folder.parents):
        if (candidate / "handouts").is_dir() or (candidate / "layouts").is_dir():
            return candidate
    return folder


def load_handout(path: Path) -> Handout:
    node = load(path)
    expect_kind(node, "handout", path)
    handout: Handout = read(node, Handout, "the handout")
    check_model(handout, project_root(path))
    check_exercise_blocks(handout)
    return handout


def check_exercise_blocks(handout: Handout) -> None:
    """Every id in an `exercises` block names an exercise in the library, in the handout's language."""
    problems: list[Problem] = []
    for section in handout.sections:
        for block in section.blocks:
            if block.kind == "exercises":
                from .library import exercises_for

                try:
                    exercises_for(block.body, str(handout.language))
                except HandoutError as error:
                    problems.extend(error.problems)
    if problems:
        raise HandoutError(problems)


def expect_kind(node: Node, kind: str, path: Path) -> None:
    if not isinstance(node, Map):
        raise HandoutError.at(node.where, f"a {kind} file must be a mapping of `key: value` lines")
    if kind not in node.entries:
        kinds = [k for k in ("handout", "exercise", "deck", "program") if k in node.entries]
        found = f"; this looks like a `{kinds[0]}` file" if kinds else ""
        raise HandoutError.at(
            Where(str(path), 1, 1),
            f"expected a `{kind}:` key{found}",
            f"a {kind} file starts with `{kind}: <id>`",
        )


def load_layout(name_or_path: str | Path | None) -> Layout:
    """A built-in layout by name, or a layout file, with its `extends` chain applied."""
    node = _layout_node(str(name_or_path or DEFAULT_LAYOUT), None, [])
    layout: Layout = read(node, Layout, "the layout")
    if layout.brand.logo is not None:
        from .render.images import check

        logo_root = project_root(Path(layout.brand.logo.where.file))
        check(layout.brand.logo, logo_root)
    check_model(layout, None)
    return layout


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


def walk_located(obj: Any) -> Iterator[Located]:
    """Every user string in a model, in reading order."""
    if isinstance(obj, Located):
        yield obj
    elif isinstance(obj, (list, tuple)):
        for item in obj:
            yield from walk_located(item)
    elif dataclasses.is_dataclass(obj):
        for f in dataclasses.fields(obj):
            yield from walk_located(getattr(obj, f.name))


def check_model(model: Any, root: Path | None) -> None:
    """Links, characters the fonts lack, and pictures; every problem at once."""
    from .render import fonts
    from .render.images import check
    from .render.markup import inline

    problems: list[Problem] = []
    for value in walk_located(model):
        if isinstance(value, Text):
            try:
                inline(value)
            except ValueError as exc:
                problems.append(Problem(value.where, str(exc)))
        invisible = sorted({c for c in str(value) if unicodedata.category(c) in ("Cc", "Cf") and c not in "\n\t"})
        if invisible:
            shown = ", ".join(f"U+{ord(c):04X}" for c in invisible)
            problems.append(
                Problem(
                    value.where,
                    f"invisible control characters ({shown}) in {_quote(value)}",
                    "retype the text, or paste it as plain text",
                )
            )
        lacking = fonts.missing(str(value))
        if lacking:
            shown = ", ".join(f"`{c}` (U+{ord(c):04X})" for c in lacking)
            problems.append(
                Problem(
                    value.where,
                    f"the font {fonts.DISPLAY_NAME} cannot print {shown} in {_quote(value)}",
                    "replace the character, or remove it",
                )
            )
        if isinstance(value, RelPath) and root is not None:
            try:
                check(value, root)
            except HandoutError as exc:
                problems.extend(exc.problems)
    if problems:
        raise HandoutError(problems)


def _quote(text: str) -> str:
    short = " ".join(text.split())
    return f'"{short[:60]}…"' if len(short) > 60 else f'"{short}"'
