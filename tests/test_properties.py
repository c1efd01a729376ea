"""Property tests: any valid handout builds and passes its check; any broken one fails cleanly."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import handoutgen
from handoutgen.errors import HandoutError

# Words from a generous alphabet: accents, punctuation that means something in
# Markdown or XML, digits. Every one must come out of the PDF as written.
WORD = st.text(
    alphabet=st.sampled_from(
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZáéíóúñüçßΩ0123456789&<>%$#@!?;'\"()/+=*_[]`\\"
    ),
    min_size=1,
    max_size=14,
)
SENTENCE = st.lists(WORD, min_size=1, max_size=25).map(" ".join)
SHORT = st.lists(WORD, min_size=1, max_size=6).map(" ".join)

BLOCK = st.one_of(
    SENTENCE.map(lambda t: {"text": t}),
    st.lists(SENTENCE, min_size=1, max_size=5).map(lambda items: {"bullets": items}),
    st.lists(st.fixed_dictionaries({"title": SHORT, "text": SENTENCE}), min_size=1, max_size=4).map(
        lambda steps: {"steps": steps}
    ),
    st.lists(st.fixed_dictionaries({"q": SHORT, "a": SENTENCE}), min_size=1, max_size=3).map(lambda faq: {"faq": faq}),
    st.tuples(st.sampled_from(["info", "tip", "warning"]), SENTENCE).map(
        lambda t: {"callout": {"tone": t[0], "text": t[1]}}
    ),
    st.integers(min_value=1, max_value=4)
    .flatmap(
        lambda n: st.tuples(
            st.lists(WORD, min_size=n, max_size=n),
            st.lists(st.lists(SHORT, min_size=n, max_size=n), min_size=1, max_size=4),
        )
    )
    .map(lambda t: {"table": {"header": t[0], "rows": t[1]}}),
)

HANDOUT = st.fixed_dictionaries(
    {
        "handout": st.from_regex(r"[a-z][a-z0-9-]{0,20}", fullmatch=True),
        "title": SHORT,
        "language": st.sampled_from(["en", "es"]),
        "reviewed": st.dates().map(lambda d: d.isoformat()).filter(lambda d: d >= "1971"),
        "sections": st.lists(
            st.fixed_dictionaries({"title": SHORT, "blocks": st.lists(BLOCK, min_size=1, max_size=4)}),
            min_size=1,
            max_size=4,
        ),
    },
    optional={"subtitle": SHORT, "summary": st.lists(SENTENCE, min_size=1, max_size=4)},
)

SETTINGS = settings(deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def as_yaml(data: dict) -> str:
    # JSON is YAML; every string is quoted, so the generated text is taken literally.
    return json.dumps(data, ensure_ascii=False, indent=1)


def _escape_markdown(data):
    if isinstance(data, str):
        return "".join("\\" + c if c in "*_[]\\`" else c for c in data)
    if isinstance(data, list):
        return [_escape_markdown(x) for x in data]
    if isinstance(data, dict):
        return {
            k: v if k in ("handout", "language", "reviewed", "tone") else _escape_markdown(v) for k, v in data.items()
        }
    return data


@SETTINGS
@given(HANDOUT)
def test_any_valid_handout_builds_and_passes_check(tmp_path_factory, data: dict) -> None:
    folder: Path = tmp_path_factory.mktemp("h")
    source = folder / "h.yaml"
    source.write_text(as_yaml(_escape_markdown(data)), encoding="utf-8")  # Markdown characters print literally
    pdf = handoutgen.build(source)
    report = handoutgen.check(pdf, content=source, layout="a4")
    assert report.ok, report.format(str(source)) + "\n" + source.read_text()


MUTATIONS = [
    lambda d: d.pop("title"),
    lambda d: d.update(language="xx"),
    lambda d: d.update(reviewed="yesterday"),
    lambda d: d.update(extra_key=1),
    lambda d: d.update(sections="none"),
    lambda d: d["sections"][0]["blocks"].append({"nonsense": "x"}),
    lambda d: d["sections"][0]["blocks"].append({"text": "bad [link](javascript:x)"}),
    lambda d: d["sections"][0]["blocks"].append({"text": "emoji \U0001f4a5"}),
    lambda d: d["sections"][0].update(blocks=[{"callout": {"tone": "loud", "text": "x"}}]),
    lambda d: d.update(handout="Not An Id"),
]


@SETTINGS
@given(HANDOUT, st.sampled_from(range(len(MUTATIONS))))
def test_any_broken_handout_gives_a_located_error(tmp_path_factory, data: dict, which: int) -> None:
    MUTATIONS[which](data)
    folder: Path = tmp_path_factory.mktemp("h")
    source = folder / "h.yaml"
    source.write_text(as_yaml(data), encoding="utf-8")
    try:
        handoutgen.build(source)
    except HandoutError as error:
        assert error.problems
        for problem in error.problems:
            assert problem.where is not None and problem.where.file == str(source)
            assert problem.where.line >= 1 and problem.where.column >= 1
    else:
        raise AssertionError(f"mutation {which} built without an error")
