"""Lint the content files under some paths (the CLI's `lint` and `build --lint`)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from .lint import Finding, lint_handout, lint_layout, lint_program

if TYPE_CHECKING:
    from ..resolve.project_file import ProjectSettings

LINT_CODES = (
    "no-summary",
    "reading-grade",
    "small-text",
    "contrast",
    "too-many-exercises",
    "long-sentence",
    "actions-as-steps",
    "alt-text",
    "layout-language",
    "untranslated",
    "twin-structure",
    "twin-id",
    "review-date",
    "missing-translation",
    "list-in-text",
    "picture-origin",
)
_IGNORE = re.compile(r"#\s*handoutgen:\s*ignore\s+([A-Za-z0-9_, -]+)")


def lint_paths(
    paths: tuple[Path, ...], layout_name: str | None, settings: ProjectSettings | None = None
) -> list[Finding]:
    """Every finding under `paths`, less those the project (its `lint_ignore`) or the file itself
    (`# handoutgen: ignore CODE, CODE`) leaves out. A code that names no finding is a finding
    itself, so a typo never silences anything quietly. With the project's `languages`, each
    file without a translation into one of them is a finding too."""
    ignore = settings.lint_ignore if settings else ()
    findings = _all_findings(paths, layout_name, settings.languages if settings else ())
    unknown = [
        Finding(where, "lint-ignore", f"`{code}` is not a lint code", _CODES)
        for code, where in ignore
        if code not in LINT_CODES
    ]
    left_out = {code for code, _ in ignore}
    kept = []
    read: dict[str, tuple[set[str], list[Finding]]] = {}  # each file's comments, read once
    for finding in findings:
        file = finding.where.file if finding.where else None
        if file is not None and file not in read:
            read[file] = _file_ignores(file)
        own, mistakes = read[file] if file is not None else (set(), [])
        unknown += [m for m in mistakes if m not in unknown]
        if finding.code not in left_out and finding.code not in own:
            kept.append(finding)
    return unknown + kept


_CODES = "codes: " + ", ".join(LINT_CODES)


def _file_ignores(file: str) -> tuple[set[str], list[Finding]]:
    """The codes a file leaves out of lint, and a finding for each one that is no code."""
    from ..errors import Where

    try:
        lines = Path(file).read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return set(), []
    codes: set[str] = set()
    mistakes = []
    for number, line in enumerate(lines, start=1):
        match = _IGNORE.search(line)
        if match is None:
            continue
        for code in (c.strip() for c in match.group(1).split(",")):
            if code in LINT_CODES:
                codes.add(code)
            elif code:
                mistakes.append(
                    Finding(
                        Where(file, number, match.start(1) + 1), "lint-ignore", f"`{code}` is not a lint code", _CODES
                    )
                )
    return codes, mistakes


def _all_findings(paths: tuple[Path, ...], layout_name: str | None, kept: tuple[str, ...]) -> list[Finding]:
    from ..api import load_content
    from ..batch import find_content
    from ..errors import HandoutError
    from ..model.resolved import HandoutContent, ProgramContent
    from ..resolve.document import content_language
    from ..resolve.layouts import load_layout

    layout = load_layout(layout_name)
    sources, _skipped, errors = find_content(paths, include_library=False)
    if errors:
        raise HandoutError([p for e in errors for p in e.problems])
    findings: list[Finding] = lint_layout(layout)
    languages: set[str] = set()
    for source in sources:
        content = load_content(source)
        languages.add(content_language(content))
        if isinstance(content, HandoutContent):
            findings += lint_handout(content.handout)
        elif isinstance(content, ProgramContent):
            findings += lint_program(content, layout)
    for language in sorted(languages):  # each layout string the content's language lacks
        _, missing = layout.in_language(language)
        findings += [Finding(p.where, "layout-language", p.message, p.hint) for p in missing]
    from .traps import list_trap_findings
    from .twins import missing_translations, twin_findings

    every_file, _, _ = find_content(paths, include_library=True)  # exercises have twins too
    findings += [finding for file in every_file for finding in list_trap_findings(file)]
    findings += [finding for file in every_file for finding in _exercise_findings(file)]
    return findings + twin_findings(every_file) + missing_translations(every_file, kept)


def _exercise_findings(file: Path) -> list[Finding]:
    """What lint says of an exercise file of the library: where its pictures come from."""
    from ..errors import HandoutError
    from ..resolve.library import load_exercise
    from ..source import content_kind
    from .lint import origin_findings

    try:
        if content_kind(file) != "exercise":
            return []
        exercise, _, _ = load_exercise(file)
    except HandoutError:
        return []  # validate says why it does not load
    return origin_findings(exercise)
