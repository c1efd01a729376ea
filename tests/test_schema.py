"""JSON Schemas: generated from the model, valid for every example, agreeing with the validator."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from conftest import REPO, run
from handoutgen.authoring.schema import KINDS, model_for, schema_for
from handoutgen.errors import HandoutError
from handoutgen.model import read
from handoutgen.source import parse

EXAMPLES = sorted(p for folder in ("handouts", "layouts") for p in (REPO / folder).rglob("*.yaml"))


def kind_of(path: Path) -> str:
    data = yaml.safe_load(path.read_text())
    return next((k for k in KINDS if k in data), "layout")


def test_committed_schemas_match_the_model(tmp_path: Path) -> None:
    result = run("schema", "--out", tmp_path)
    assert result.exit_code == 0
    for kind in KINDS:
        generated = json.loads((tmp_path / f"{kind}.schema.json").read_text())
        committed = json.loads((REPO / "schemas" / f"{kind}.schema.json").read_text())
        assert generated == committed, f"run `handoutgen schema` to refresh schemas/{kind}.schema.json"
        jsonschema.Draft7Validator.check_schema(generated)


@pytest.mark.parametrize("path", EXAMPLES, ids=[str(p.relative_to(REPO)) for p in EXAMPLES])
def test_every_example_names_and_passes_its_schema(path: Path) -> None:
    kind = kind_of(path)
    first_line = path.read_text().splitlines()[0]
    assert first_line.startswith("# yaml-language-server: $schema=")
    schema_path = (path.parent / first_line.split("$schema=", 1)[1].strip()).resolve()
    assert schema_path == (REPO / "schemas" / f"{kind}.schema.json").resolve()
    data = json.loads(json.dumps(yaml.safe_load(path.read_text()), default=str))  # dates as the editor sees them
    jsonschema.validate(data, schema_for(kind))


BAD = [
    (
        "handout",
        {
            "handout": "x",
            "title": "T",
            "language": "en",
            "reviewed": "2026-11-01",
            "sections": [{"title": "S", "blocks": [{"txt": "hi"}]}],
        },
    ),
    (
        "handout",
        {
            "handout": "x",
            "title": "T",
            "language": "fr",
            "reviewed": "2026-11-01",
            "sections": [{"title": "S", "blocks": [{"text": "hi"}]}],
        },
    ),
    (
        "handout",
        {
            "handout": "x",
            "language": "en",
            "reviewed": "2026-11-01",
            "sections": [{"title": "S", "blocks": [{"text": "hi"}]}],
        },
    ),
    (
        "handout",
        {
            "handout": "x",
            "title": "T",
            "language": "en",
            "reviewed": "2026-11-01",
            "colour": "red",
            "sections": [{"title": "S", "blocks": [{"text": "hi"}]}],
        },
    ),
    (
        "handout",
        {
            "handout": "x",
            "title": "T",
            "language": "en",
            "reviewed": "2026-11-01",
            "sections": [{"title": "S", "blocks": [{"callout": {"tone": "loud", "text": "x"}}]}],
        },
    ),
    (
        "handout",
        {
            "handout": "Bad Id",
            "title": "T",
            "language": "en",
            "reviewed": "2026-11-01",
            "sections": [{"title": "S", "blocks": [{"text": "hi"}]}],
        },
    ),
    ("exercise", {"exercise": "x", "name": "X", "language": "en", "category": "stretching", "steps": ["a"]}),
    ("exercise", {"exercise": "x", "name": "X", "language": "en", "category": "stretch", "steps": []}),
    (
        "exercise",
        {"exercise": "x", "name": "X", "language": "en", "category": "stretch", "steps": ["a"], "dose": {"hold": "30"}},
    ),
    ("deck", {"deck": "d", "title": "D", "language": "en", "exercises": "squat"}),
    (
        "program",
        {
            "program": "p",
            "title": "P",
            "language": "en",
            "patient": "A",
            "date": "2026-11-20",
            "exercises": [{"use": "squat", "dose": {"repetitions": 3}}],
        },
    ),
    (
        "program",
        {
            "program": "p",
            "title": "P",
            "language": "en",
            "patient": "A",
            "date": "2026-11-20",
            "exercises": [{"use": "squat"}],
            "order": "random",
        },
    ),
    ("layout", {"extends": "a4", "colours": {"text": "#000000"}}),
    ("layout", {"extends": "a4", "page": {"margins": "15"}}),
    ("layout", {"extends": "a4", "colors": {"text": "teal"}}),
    ("layout", {"extends": "cards-a6", "cards": {"duplex": "double"}}),
]


@pytest.mark.parametrize(("kind", "data"), BAD, ids=[f"{k}-{i}" for i, (k, _) in enumerate(BAD)])
def test_schema_and_validator_reject_the_same_bad_files(kind: str, data: dict) -> None:
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, schema_for(kind))
    node = parse(json.dumps(data), f"bad.{kind}.yaml")
    with pytest.raises(HandoutError):
        read(node, model_for(kind), f"the {kind}")


def test_the_key_reference_is_current_and_names_every_key() -> None:
    from handoutgen.authoring.reference import reference_markdown
    from handoutgen.authoring.schema import KINDS, model_for
    from handoutgen.model.read import fields_of

    written = (REPO / "docs" / "reference.md").read_text(encoding="utf-8")
    assert written == reference_markdown(), "run: python -m handoutgen.authoring.reference docs/reference.md"
    keys = {line.split(" | ")[0].lstrip("| ") for line in written.splitlines() if line.startswith("| ")}
    for kind in KINDS:
        assert set(fields_of(model_for(kind))) <= keys, kind
    for key in ("page.margins.top", "cards.duplex", "sections[].blocks[].log.weeks", "exercises[].dose.sets"):
        assert key in keys, key
    assert "| text.size | size in points (`11` or `11pt`) | `12.0` | 8–36 |" in written
