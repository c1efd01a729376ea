"""Lint the content files under some paths (the CLI's `lint` and `build --lint`)."""

from __future__ import annotations

from pathlib import Path

from .lint import Finding, lint_handout, lint_layout, lint_program


def lint_paths(paths: tuple[Path, ...], layout_name: str | None) -> list[Finding]:
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
    from .twins import twin_findings

    every_file, _, _ = find_content(paths, include_library=True)  # exercises have twins too
    return findings + twin_findings(every_file)
