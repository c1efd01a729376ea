"""YAML that reads well and means something else: lines of a text that look like list items.

A text written over several lines (`text: >`, `text: |` or a plain value that goes on) is one
paragraph in the handout, so `- rest your leg` on its second line is printed in the middle of
a sentence, not as a bullet. Lint names each such text at the first line that looks like an
item.
"""

from __future__ import annotations

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
    findings = []
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
