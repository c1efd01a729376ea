"""Translation twins: `squat.es.yaml` beside `squat.yaml` keeps its source's ids and structure,
and every text in it is translated. Lint compares the two files node by node."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from ..errors import HandoutError
from ..model.types import LANGUAGES
from ..resolve.defaults import content_node
from ..source import Map, Node, Scalar, Seq
from .lint import Finding

IDS = ("handout", "exercise", "deck", "program")
# Keys whose values are the same in every language: ids, dates, numbers, choices and paths.
NOT_TEXT = {
    *IDS,
    "language",
    "reviewed",
    "date",
    "review_date",
    "path",
    "url",
    "video",
    "use",
    "tone",
    "category",
    "position",
    "sides",
    "style",
    "order",
    "weeks",
    "sets",
    "reps",
    "hold",
    "rest",
    "per_day",
    "days",
    "width",
    "exercises",
    "handouts",
    "patient",
    "clinician",
    "clinic",
    "equipment",
    "regions",
    "goals",
    "difficulty",
    "easier",
    "harder",
    "tempo",
    "load",
    "rpe",
    "reserve",
    "time",
    "distance",
}
SHARED = {"pose", "path", "license", "author", "source"}  # of a picture a translation takes from its source
WORDS = re.compile(r"[^\W\d_]{2,}")


def twin_findings(files: list[Path]) -> list[Finding]:
    """For each `name.<lang>.yaml` among `files` with a `name.yaml` beside it: ids that differ,
    parts the source has and the twin lacks (or holds in another number), and texts left as
    they are in the source."""
    findings: list[Finding] = []
    for twin in files:
        parts = twin.name.split(".")
        if len(parts) < 3 or parts[-2] not in LANGUAGES:
            continue
        source = twin.with_name(".".join([*parts[:-2], parts[-1]]))
        if not source.is_file():
            continue
        try:
            findings += list(_compare(content_node(source), content_node(twin), source, None))
        except HandoutError:
            continue  # a file that does not load is reported by validate, at its line
    return findings


def missing_translations(files: list[Path], languages: tuple[str, ...]) -> list[Finding]:
    """For each source file among `files` (a name with no language part), each of the project's
    `languages` it has no `name.<lang>.yaml` twin in, besides its own."""
    from ..errors import Where
    from ..resolve.defaults import name_parts
    from ..resolve.project import shown

    findings = []
    for source in files:
        _, named = name_parts(source)
        if named is not None or not languages:
            continue
        try:
            language = content_node(source).get("language")
        except HandoutError:
            continue
        own = language.value if isinstance(language, Scalar) else None
        for wanted in languages:
            twin = source.with_name(f"{source.name.rsplit('.', 1)[0]}.{wanted}.{source.name.rsplit('.', 1)[1]}")
            if wanted != own and not twin.is_file():
                findings.append(
                    Finding(
                        Where(str(source), 1, 1),
                        "missing-translation",
                        f"the project keeps `{wanted}` but there is no {shown(twin)}",
                        f"write one with `handoutgen new --language {wanted} {shown(source)}`",
                    )
                )
    return findings


def _compare(source: Node, twin: Node, name: Path, key: str | None) -> Iterator[Finding]:
    if isinstance(source, Map) and isinstance(twin, Map):
        for entry, (_, value) in source.entries.items():
            if entry not in twin.entries and entry in SHARED:
                continue  # a translation's picture is its source's
            if entry not in twin.entries:
                yield Finding(
                    twin.where,
                    "twin-structure",
                    f"`{entry}` is in {name} but not in its translation",
                    "translate it too, so both editions say the same",
                )
                continue
            yield from _compare(value, twin.entries[entry][1], name, entry)
    elif isinstance(source, Seq) and isinstance(twin, Seq):
        if len(source.items) != len(twin.items):
            yield Finding(
                twin.where,
                "twin-structure",
                f"`{key}` has {len(twin.items)} items here and {len(source.items)} in {name}",
                "keep the same steps, sections and items in both languages",
            )
        for a, b in zip(source.items, twin.items, strict=False):
            yield from _compare(a, b, name, key)
    elif isinstance(source, Scalar) and isinstance(twin, Scalar):
        if key in IDS and source.value != twin.value:
            yield Finding(
                twin.where, "twin-id", f"the id `{twin.value}` is not the source's `{source.value}`", "use the same id"
            )
        elif key not in NOT_TEXT and source.value.strip() == twin.value.strip() and _is_words(source.value):
            yield Finding(
                twin.where,
                "untranslated",
                f"this text is the same as in {name}",
                "translate it",
            )


def _is_words(text: str) -> bool:
    """Text worth translating: at least two words of letters, not an address."""
    return len(WORDS.findall(text)) >= 2 and "://" not in text and "@" not in text
