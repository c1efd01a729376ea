"""YAML that reads well and means something else: lines of a text that look like list items.

A text written over several lines (`text: >`, `text: |` or a plain value that goes on) is one
paragraph in the handout, so `- rest your leg` on its second line is printed in the middle of
a sentence, not as a bullet. Lint names each such text at the first line that looks like an
item.
"""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import yaml

from ..errors import Where
from .lint import Finding

_ITEM = re.compile(r"\s*(?:[-*•]|\d{1,2}[.)])\s+\S")


def list_trap_findings(file: Path) -> list[Finding]:
    try:
        text = file.read_text(encoding="utf-8-sig")
        events = list(yaml.parse(text, Loader=yaml.SafeLoader))
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return []  # validate reports a file that does not read
    findings = _split_flow_items(events, file)
    for event in events:
        if not isinstance(event, yaml.ScalarEvent) or event.start_mark.line == event.end_mark.line:
            continue
        lines = text[event.start_mark.index : event.end_mark.index].split("\n")
        for offset, line in enumerate(lines[1:], start=1):
            if _ITEM.match(line):
                column = len(line) - len(line.lstrip()) + 1
                findings.append(
                    Finding(
                        Where(str(file), event.start_mark.line + 1 + offset, column),
                        "list-in-text",
                        "this line looks like a list item, but it is part of a text that is printed as one paragraph",
                        "make it a list: `- bullets:` (or `- steps:`) with one `- item` a line",
                    )
                )
                break
    return findings


def _split_flow_items(events: list, file: Path) -> list[Finding]:
    """`[Pain of 2 out of 10 at most, during and after]`: a sentence that a comma inside `[ ... ]`
    cut in two, seen as an item that starts a sentence and ends without a full stop, followed by
    one in lower case."""
    findings = []
    open_collections: list[list | None] = []  # the plain scalars of each open flow list; None otherwise
    for event in events:
        if isinstance(event, yaml.SequenceStartEvent):
            open_collections.append([] if event.flow_style else None)
        elif isinstance(event, yaml.MappingStartEvent):
            open_collections.append(None)
        elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)) and open_collections:
            items = open_collections.pop()
            findings += _cut_sentences(items, file) if items else []
        elif isinstance(event, yaml.ScalarEvent) and event.style is None and open_collections:
            items = open_collections[-1]
            if items is not None:
                items.append(event)
    return findings


def _cut_sentences(items: list, file: Path) -> list[Finding]:
    found = []
    for before, after in itertools.pairwise(items):
        text, rest = before.value.strip(), after.value.strip()
        if len(text.split()) >= 3 and text[:1].isupper() and text[-1:] not in ".!?:" and rest[:1].islower():
            found.append(
                Finding(
                    Where(str(file), after.start_mark.line + 1, after.start_mark.column + 1),
                    "list-in-text",
                    "a comma inside `[ ... ]` ends an item, so this looks like the rest of the sentence before it",
                    'put the whole sentence in double quotes: `["Pain of 2 at most, during and after."]`',
                )
            )
    return found
