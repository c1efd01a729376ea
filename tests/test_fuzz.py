"""Fuzzing every kind of example file: whatever the mutation, the outcome is clean.

Each example is mutated (a key deleted or duplicated, a value's type changed, a list and a
mapping swapped, random Unicode and control bytes inserted, the file cut at a random byte) and
built. The outcome must be a built PDF, or exit 2 with every problem at file:line:col, never a
traceback, never a file written on error. The everyday suite runs a few dozen mutations from a
fixed seed; `pytest tests/test_fuzz.py --hypothesis-profile=fuzz` runs thousands.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import REPO, run

# name: (file to mutate, file to build, extra build arguments)
EXAMPLES = {
    "handout": ("handouts/glute-soreness.yaml", "handouts/glute-soreness.yaml", []),
    "handout-es": ("handouts/glute-soreness.es.yaml", "handouts/glute-soreness.es.yaml", []),
    "exercise": ("handouts/exercises/squat.yaml", "handouts/exercises/squat.yaml", []),
    "deck": ("handouts/decks/glute-stretches.yaml", "handouts/decks/glute-stretches.yaml", []),
    "program": ("handouts/programs/glute-rehab.yaml", "handouts/programs/glute-rehab.yaml", []),
    "layout": (
        "layouts/riverside-clinic.yaml",
        "handouts/exercises/lunge.yaml",
        ["-l", "layouts/riverside-clinic.yaml"],
    ),
    "card-layout": ("layouts/cards.yaml", "handouts/exercises/lunge.yaml", ["-l", "layouts/cards.yaml"]),
}
CARD_LAYOUT = (
    "extends: cards-a6\ncards:\n  duplex: short-edge\n  back_offset: {x: 1mm, y: -0.5mm}\n  marks: cut-lines\n"
)
RETYPED = [[], {}, "", "text", "12", "-1", "1e999", ["a", "b"], {"x": "y"}, "2026-13-45", None]
LOCATED = re.compile(r"^\S+:\d+:\d+: error: ")
NASTY = [
    *("\x00", "\x1b", "\x0c", "\x7f", "\x85", "\u2028", "\ufeff", "\u200b", "😀", "ـ", "\ud7ff"),
    *("'", '"', ":", "- ", "{", "}", "[", "]", "&a", "*a", "!!python/object:os.system", "{{ x }}"),
    *("\t", "\n", "#", "%", "@", "`"),
]


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("fuzz")
    shutil.copytree(REPO / "handouts", root / "handouts")
    shutil.copytree(REPO / "layouts", root / "layouts")
    (root / "layouts" / "cards.yaml").write_text(CARD_LAYOUT)
    # The programme appends the handout: keep each build quick by leaving it out.
    program = root / "handouts" / "programs" / "glute-rehab.yaml"
    program.write_text(program.read_text().replace("handouts:\n  - ../glute-soreness.yaml\n", ""))
    return root


def paths_in(tree: Any, path: tuple = ()) -> list[tuple]:
    found = [path]
    if isinstance(tree, dict):
        for key, value in tree.items():
            found += paths_in(value, (*path, key))
    elif isinstance(tree, list):
        for index, value in enumerate(tree):
            found += paths_in(value, (*path, index))
    return found


def replace_at(tree: Any, path: tuple, change) -> Any:
    if not path:
        return change(tree)
    copy = dict(tree) if isinstance(tree, dict) else list(tree)
    copy[path[0]] = replace_at(tree[path[0]], path[1:], change)
    return copy


def delete_at(tree: Any, path: tuple) -> Any:
    if len(path) == 1:
        copy = dict(tree) if isinstance(tree, dict) else list(tree)
        del copy[path[0]]
        return copy
    return replace_at(tree, path[:1], lambda child: delete_at(child, path[1:]))


def swapped(value: Any) -> Any:
    if isinstance(value, list):
        return {f"k{i}": item for i, item in enumerate(value)}
    if isinstance(value, dict):
        return list(value.values())
    return value


@st.composite
def mutations(draw: st.DrawFn, text: str) -> bytes:
    kind = draw(st.sampled_from(["truncate", "insert", "duplicate-line", "delete", "retype", "swap"]))
    data = text.encode()
    if kind == "truncate":
        return data[: draw(st.integers(0, len(data) - 1))]
    if kind == "insert":
        at = draw(st.integers(0, len(text)))
        piece = draw(st.one_of(st.sampled_from(NASTY), st.text(min_size=1, max_size=8)))
        return (text[:at] + piece + text[at:]).encode("utf-8", "surrogatepass")
    if kind == "duplicate-line":
        lines = text.splitlines(keepends=True)
        at = draw(st.integers(0, len(lines) - 1))
        return "".join([*lines[: at + 1], lines[at], *lines[at + 1 :]]).encode()
    tree = yaml.load(text, Loader=yaml.BaseLoader)  # every scalar as text, as our reader sees them
    path = draw(st.sampled_from(paths_in(tree)[1:]))
    if kind == "delete":
        tree = delete_at(tree, path)
    elif kind == "retype":
        new = draw(
            st.sampled_from([[], {}, "", "text", "12", "-1", "1e999", ["a", "b"], {"x": "y"}, "2026-13-45", None])
        )
        tree = replace_at(tree, path, lambda _: new)
    else:
        tree = replace_at(tree, path, swapped)
    return yaml.safe_dump(tree, allow_unicode=True, sort_keys=False).encode()


@pytest.mark.parametrize("name", sorted(EXAMPLES))
@settings(
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow], deadline=None, derandomize=True
)
@given(data=st.data())
def test_any_mutation_builds_or_fails_cleanly(name: str, project: Path, data: st.DataObject, monkeypatch) -> None:
    mutated_file, target, extra = EXAMPLES[name]
    path = project / mutated_file
    original = path.read_bytes()
    mutated = data.draw(mutations(original.decode()))
    out = project / "out" / "fuzz.pdf"
    monkeypatch.chdir(project)
    try:
        path.write_bytes(mutated)
        result = run("build", target, "-o", "out/fuzz.pdf", *extra)
    finally:
        path.write_bytes(original)
    assert "Traceback" not in result.output + result.stderr
    assert result.exit_code in (0, 2), f"exit {result.exit_code}:\n{result.output}\n{result.stderr}"
    if result.exit_code == 0:
        assert out.exists()
        out.unlink()
        return
    assert not out.exists(), "a file was written although the build failed"
    problems = [line for line in result.stderr.splitlines() if "error: " in line and not line.startswith(" ")]
    assert problems, result.stderr
    unlocated = [line for line in problems if not LOCATED.match(line)]
    assert not unlocated, "\n".join(unlocated)
