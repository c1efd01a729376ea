"""Load a YAML file into a small tree of nodes that remember where they came from.

Only the YAML *structure* is read here; no value is typed yet. Types come from the
model declarations, so `NO` stays the text "NO" unless a field asks for a boolean.
Aliases, tags, duplicate keys, deep nesting, huge files and non-UTF-8 bytes are errors.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..errors import GIVEN_TEXTS, HandoutError, Problem, Where

MAX_FILE_BYTES = 2 * 1024 * 1024
MAX_DEPTH = 40

try:  # libyaml makes parsing several times faster; the pure-Python parser is the fallback.
    _Parser: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _Parser = yaml.SafeLoader


@dataclass
class Scalar:
    value: str
    where: Where
    quoted: bool = False
    as_text: str | None = None  # after a merge: the value with inserted data escaped for Markdown


@dataclass
class Seq:
    items: list[Node]
    where: Where


@dataclass
class Map:
    where: Where
    entries: dict[str, tuple[Scalar, Node]] = field(default_factory=dict)

    def get(self, key: str) -> Node | None:
        entry = self.entries.get(key)
        return entry[1] if entry else None


Node = Scalar | Seq | Map


def describe(node: Node) -> str:
    if isinstance(node, Map):
        return "a mapping"
    if isinstance(node, Seq):
        return "a list"
    return f"the text {node.value!r}" if node.value else "an empty value"


def read_text(path: Path, max_bytes: int = MAX_FILE_BYTES) -> str:
    """Read a user file as UTF-8, refusing huge files and pointing at the first bad byte."""
    name = str(path)
    try:
        if path.exists() and not path.is_file() and not path.is_dir():
            raise HandoutError.at(None, f"{name}: not a regular file")
        size = path.stat().st_size
        if size > max_bytes:
            raise HandoutError.at(
                Where(name, 1, 1),
                f"file is {size:,} bytes; the limit is {max_bytes:,} bytes",
                "split the content into several files",
            )
        data = path.read_bytes()
    except FileNotFoundError:
        raise HandoutError.at(None, f"{name}: no such file") from None
    except IsADirectoryError:
        raise HandoutError.at(None, f"{name}: is a folder, not a file") from None
    except OSError as exc:
        raise HandoutError.at(None, f"{name}: cannot read: {exc.strerror}") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        before = data[: exc.start]
        line = before.count(b"\n") + 1
        column = len(before.rsplit(b"\n", 1)[-1].decode("utf-8", "replace")) + 1
        if line == 1 and before.startswith(b"\xef\xbb\xbf"):
            column -= 1  # a byte-order mark is no column an editor shows
        raise HandoutError.at(
            Where(name, line, column),
            f"the file is not UTF-8 text (byte 0x{data[exc.start]:02x})",
            "save the file as UTF-8 in your editor",
        ) from None


def load(path: Path) -> Node:
    """Parse one YAML document from `path` into located nodes.

    Parsed once per version of the file (keyed on its absolute path, modification time and
    size): a batch reads its programme, library and appended handouts once, not once a row.
    Node trees are never changed after parsing (merging and filling make new ones).
    """
    given = GIVEN_TEXTS.get().get(str(path))
    if given is not None:  # content the caller gave as text, standing at this path
        return parse(given[1], str(path))
    try:
        stat = path.stat()
        key = (str(path.resolve()), stat.st_mtime_ns, stat.st_size)
    except OSError:
        return parse(read_text(path), str(path))  # read_text says what is wrong with it
    return _load(key, str(path))


@functools.lru_cache(maxsize=512)
def _load(key: tuple[str, int, int], name: str) -> Node:
    return parse(read_text(Path(name)), name)


# C0 controls but tab, LF and CR; DEL; C1 controls (NEL too: YAML would count it as a line
# break that no editor shows); the Unicode line and paragraph separators.
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029]")
MAX_CHARACTER_PROBLEMS = 10


def control_character_problems(text: str, name: str) -> list[Problem]:
    """One problem per line holding characters no YAML file may contain, at the first of them."""
    problems: list[Problem] = []
    last_line = 0
    for match in _FORBIDDEN.finditer(text):
        line = text.count("\n", 0, match.start()) + 1
        if line == last_line:
            continue
        last_line = line
        column = match.start() - (text.rfind("\n", 0, match.start()) + 1) + 1
        char = match.group()
        problems.append(
            Problem(
                Where(name, line, column),
                f"the file contains a control character (U+{ord(char):04X}{_char_name(char)}), "
                "which a YAML file may not hold",
                "delete it: it is invisible in most editors (it often comes from copying text out of "
                "another program); a tab or a line break is fine",
            )
        )
        if len(problems) == MAX_CHARACTER_PROBLEMS:
            break
    return problems


def _char_name(char: str) -> str:
    names = {"\x00": "NUL", "\x1b": "ESC", "\x0c": "form feed", "\x7f": "DEL", "\x85": "next line"}
    names |= {"\u2028": "line separator", "\u2029": "paragraph separator", "\x0b": "vertical tab"}
    return f" {names[char]}" if char in names else ""


def parse(text: str, name: str) -> Node:
    found = control_character_problems(text, name)
    if found:
        raise HandoutError(found)
    problems: list[Problem] = []  # found before a syntax error are reported with it
    try:
        return _compose(yaml.parse(text, Loader=_Parser), name, problems, text)
    except yaml.reader.ReaderError as exc:  # a character our scan let through: still a located error
        before = text[: exc.position]
        where = Where(name, before.count("\n") + 1, len(before) - (before.rfind("\n") + 1) + 1)
        problems.append(Problem(where, f"invalid YAML: {exc.reason}"))
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = Where(name, mark.line + 1, mark.column + 1) if mark else Where(name, 1, 1)
        message = exc.problem or exc.context or "invalid YAML"
        problems.append(Problem(where, f"invalid YAML: {message}", _yaml_hint(message, text, mark)))
    except yaml.YAMLError as exc:  # pragma: no cover - PyYAML marks its errors; this is the rest
        problems.append(Problem(Where(name, 1, 1), f"invalid YAML: {exc}"))
    raise HandoutError(problems)


def _yaml_hint(message: str, text: str, mark: yaml.Mark | None) -> str | None:
    if "mapping values are not allowed" in message:
        return 'put text that contains ": " in double quotes'
    lines = text.splitlines()
    if mark and mark.line < len(lines) and "\t" in lines[mark.line][: mark.column + 1]:
        return "indent with spaces, not tabs"
    if "could not find expected ':'" in message or "expected <block end>" in message:
        return "check the indentation of this line and the one above"
    return None


def _where(name: str, event: yaml.Event) -> Where:
    mark = event.start_mark
    return Where(name, mark.line + 1, mark.column + 1)


def _joined_list_items(text: str, event, name: str) -> list[Problem]:
    """A plain text that runs onto lines starting `- `: list items indented one space too far,
    which YAML quietly joins to the item above (`- First` and ` - Second` become one item)."""
    lines = text[event.start_mark.index : event.end_mark.index].split("\n")[1:]
    problems = []
    for offset, line in enumerate(lines, start=2):
        if line.lstrip().startswith("- "):
            where = Where(name, event.start_mark.line + offset, len(line) - len(line.lstrip()) + 1)
            problems.append(
                Problem(
                    where,
                    "this line looks like a list item, but it is indented further than the item above, "
                    "so YAML joins it to that item's text",
                    "line its `-` up with the item above (or put the text in quotes if the dash belongs in it)",
                )
            )
    return problems


def _compose(events, name: str, problems: list[Problem], text: str = "") -> Node:
    """Build the node tree from parser events with an explicit stack (no recursion).

    Aliases, anchors, tags and duplicate keys are collected, so that all of them are reported
    at once; structure problems (a second document, deep nesting) stop at once.
    """
    stack: list[Seq | Map] = []
    pending_keys: list[Scalar | None] = []
    root: Node | None = None
    documents = 0
    for event in events:
        if isinstance(event, yaml.DocumentStartEvent):
            documents += 1
            if documents > 1:
                problems.append(
                    Problem(
                        _where(name, event),
                        "the file holds more than one YAML document",
                        "remove the second `---` line",
                    )
                )
                raise HandoutError(problems)
            continue
        node: Node
        if isinstance(event, yaml.AliasEvent):
            problems.append(
                Problem(_where(name, event), "YAML aliases (*name) are not allowed", "write the value out in full")
            )
            node = Scalar("", _where(name, event))
        elif isinstance(event, yaml.ScalarEvent):
            problems.extend(_anchor_and_tag_problems(event, name))
            node = Scalar(event.value, _where(name, event), quoted=event.style not in (None, ""))
            if event.style in (None, "") and event.end_mark.line > event.start_mark.line:  # plain text
                problems.extend(_joined_list_items(text, event, name))
        elif isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
            problems.extend(_anchor_and_tag_problems(event, name))
            if len(stack) >= MAX_DEPTH:
                problems.append(
                    Problem(
                        _where(name, event),
                        f"nesting deeper than {MAX_DEPTH} levels",
                        "content files are never this deep: check the indentation",
                    )
                )
                raise HandoutError(problems)
            opened: Seq | Map = (
                Seq([], _where(name, event)) if isinstance(event, yaml.SequenceStartEvent) else Map(_where(name, event))
            )
            stack.append(opened)
            pending_keys.append(None)
            continue
        elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
            node = stack.pop()
            pending_keys.pop()
        else:
            continue
        if not stack:
            root = node
        else:
            _attach(stack[-1], node, pending_keys, problems)
    if problems:
        raise HandoutError(problems)
    if root is None:
        raise HandoutError.at(Where(name, 1, 1), "the file is empty")
    return root


def _attach(parent: Seq | Map, node: Node, pending_keys: list[Scalar | None], problems: list[Problem]) -> None:
    if isinstance(parent, Seq):
        parent.items.append(node)
        return
    key = pending_keys[-1]
    if key is None:
        if not isinstance(node, Scalar):
            problems.append(Problem(node.where, "a key must be plain text, not " + describe(node)))
            node = Scalar("\0", node.where)  # a key no file can have, so its value is still read past
        pending_keys[-1] = node
        return
    pending_keys[-1] = None
    if key.value in parent.entries:
        first = parent.entries[key.value][0].where
        problems.append(
            Problem(key.where, f"duplicate key `{key.value}` (first given at line {first.line})", "keep one of the two")
        )
        return
    if key.value != "\0":
        parent.entries[key.value] = (key, node)


def _anchor_and_tag_problems(event: yaml.NodeEvent, name: str) -> list[Problem]:
    found = []
    if event.anchor is not None:
        found.append(
            Problem(
                _where(name, event),
                f"YAML anchors (&{event.anchor}) are not allowed",
                "write each value out in full",
            )
        )
    tag = getattr(event, "tag", None)
    implicit = getattr(event, "implicit", True)
    explicit = tag is not None and not (implicit is True or (isinstance(implicit, tuple) and any(implicit)))
    if explicit and tag not in ("!", "tag:yaml.org,2002:str"):
        found.append(
            Problem(
                _where(name, event),
                f"YAML tags ({tag}) are not allowed",
                "remove the tag; each field already knows its type",
            )
        )
    return found
