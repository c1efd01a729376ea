"""Bad input: one clear message at file:line:col, exit code 2, no traceback, no file written."""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from conftest import FIGURE, MINIMAL, run, write

PNG_1PX = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360f8cfc0000003010100c9fe92ef0000000049454e44ae426082"
)


def handout(blocks: str = "      - text: Rest your legs today.\n", **top: str) -> str:
    text = MINIMAL.replace("      - text: Rest your legs today.\n", blocks)
    for key, value in top.items():
        text = text.replace(f"{key}: ", f"{key}: {value}  # was: ", 1) if value else text
    return text


@dataclass
class Case:
    name: str
    content: str | bytes
    line: int
    column: int
    message: str
    hint: str | None = None
    layout: str | None = None  # layout file text
    extra: dict[str, str | bytes] = field(default_factory=dict)
    in_layout: bool = False  # the error points into the layout file


CASES = [
    Case(
        "unknown-top-key",
        MINIMAL + "summry: [a]\n",
        9,
        1,
        "unknown key `summry` in the handout",
        "did you mean `summary`?",
    ),
    Case(
        "unknown-block-kind",
        handout("      - bulets: [a, b]\n"),
        8,
        9,
        "unknown block kind `bulets`",
        "did you mean `bullets`?",
    ),
    Case(
        "missing-title",
        MINIMAL.replace("title: A sample handout\n", ""),
        1,
        1,
        "the handout is missing the required key `title`",
    ),
    Case(
        "sections-not-a-list",
        MINIMAL.split("sections:")[0] + "sections: none\n",
        5,
        11,
        "`sections` must be a list, not the text 'none'",
    ),
    Case(
        "bullets-not-a-list",
        handout("      - bullets: just one\n"),
        8,
        18,
        "`bullets` must be a list",
        "start each item on its own line",
    ),
    Case("duplicate-key", MINIMAL + "title: Again\n", 9, 1, "duplicate key `title` (first given at line 2)"),
    Case(
        "alias",
        MINIMAL.replace("title: A sample handout", "title: &t A sample handout") + "subtitle: *t\n",
        2,
        8,
        "YAML anchors (&t) are not allowed",
    ),
    Case(
        "alias-bomb",
        'a: &a ["x","x"]\nb: &b [*a,*a]\nc: &c [*b,*b]\nd: &d [*c,*c]\n',
        1,
        4,
        "YAML anchors (&a) are not allowed",
    ),
    Case(
        "python-tag",
        MINIMAL + "subtitle: !!python/object/apply:os.system [ls]\n",
        9,
        11,
        "YAML tags (tag:yaml.org,2002:python/object/apply:os.system) are not allowed",
    ),
    Case(
        "deep-nesting",
        MINIMAL + "subtitle: " + "[" * 60 + "]" * 60 + "\n",
        9,
        50,
        "nesting deeper than 40 levels",
    ),
    Case("huge-file", MINIMAL + "# " + "x" * (2 * 1024 * 1024) + "\n", 1, 1, "the limit is 2,097,152 bytes"),
    Case(
        "not-utf8",
        MINIMAL.replace("A sample handout", "Caf\xe9").encode("latin-1"),
        2,
        11,
        "the file is not UTF-8 text (byte 0xe9)",
        "save the file as UTF-8",
    ),
    Case("bad-indentation", MINIMAL.replace("    blocks:", "   blocks:"), 7, 4, "invalid YAML"),
    Case(
        "tab-indentation",
        MINIMAL.replace("    blocks:", "\tblocks:"),
        7,
        1,
        "invalid YAML",
        "indent with spaces, not tabs",
    ),
    Case(
        "colon-in-text",
        handout("      - text: Note: rest today\n"),
        8,
        19,
        "invalid YAML: mapping values are not allowed",
        'put text that contains ": " in double quotes',
    ),
    Case(
        "bad-date",
        MINIMAL.replace("2026-11-01", "2026-13-01"),
        4,
        11,
        "`2026-13-01` is not a date; write it as YYYY-MM-DD",
    ),
    Case("slash-date", MINIMAL.replace("2026-11-01", "1/11/2026"), 4, 11, "`1/11/2026` is not a date"),
    Case(
        "unsupported-language",
        MINIMAL.replace("language: en", "language: fr"),
        3,
        11,
        "language `fr` is not supported yet; use one of: en, es",
    ),
    Case(
        "bad-id",
        MINIMAL.replace("handout: sample", "handout: Sample Handout"),
        1,
        10,
        "an id uses lower-case letters, digits and hyphens",
    ),
    Case(
        "bad-callout-tone",
        handout("      - callout: {tone: danger, text: Stop.}\n"),
        8,
        25,
        "`tone` is `danger`; expected one of `info`, `tip`, `warning`",
    ),
    Case(
        "table-row-mismatch",
        handout("      - table:\n          header: [a, b]\n          rows:\n            - [1, 2]\n            - [3]\n"),
        12,
        16,
        "table row has 1 cells but the header has 2",
    ),
    Case(
        "javascript-link",
        handout("      - text: Click [here](javascript:alert(1)) now.\n"),
        8,
        15,
        "link `javascript:alert(1)` is not allowed",
    ),
    Case(
        "file-link",
        handout('      - text: "See [notes](file:///etc/passwd)."\n'),
        8,
        15,
        "link `file:///etc/passwd` is not allowed",
    ),
    Case(
        "ftp-qr",
        handout("      - qr: {url: 'ftp://example.org/x', label: Files}\n"),
        8,
        19,
        "link `ftp://example.org/x` is not allowed",
    ),
    Case(
        "image-outside-project",
        handout("      - image: {path: ../../../etc/hosts.png, alt: x}\n"),
        8,
        23,
        "is outside the project folder",
    ),
    Case(
        "image-without-alt",
        handout("      - image: {path: images/dot.png}\n"),
        8,
        16,
        "missing the required key `alt`",
        extra={"handouts/images/dot.png": PNG_1PX},
    ),
    Case(
        "image-not-found",
        handout("      - image: {path: images/nope.png, alt: A dot}\n"),
        8,
        23,
        "picture `images/nope.png` not found",
    ),
    Case(
        "image-wrong-kind",
        handout("      - image: {path: images/a.gif, alt: A dot}\n"),
        8,
        23,
        "is not PNG, JPEG or SVG",
        extra={"handouts/images/a.gif": b"GIF89a"},
    ),
    Case(
        "image-fake-png",
        handout("      - image: {path: images/a.png, alt: A dot}\n"),
        8,
        23,
        "is not a real PNG file",
        extra={"handouts/images/a.png": b"hello"},
    ),
    Case(
        "svg-external-ref",
        handout("      - image: {path: images/a.svg, alt: A dot}\n"),
        8,
        23,
        "refers to `/etc/passwd` outside the file",
        extra={
            "handouts/images/a.svg": '<svg xmlns="http://www.w3.org/2000/svg" '
            'xmlns:xlink="http://www.w3.org/1999/xlink"><image xlink:href="/etc/passwd"/></svg>'
        },
    ),
    Case(
        "svg-entity",
        handout("      - image: {path: images/a.svg, alt: A dot}\n"),
        8,
        23,
        "declares a DOCTYPE",
        extra={
            "handouts/images/a.svg": '<!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
            '<svg xmlns="http://www.w3.org/2000/svg"><text>&x;</text></svg>'
        },
    ),
    Case(
        "missing-glyph",
        handout("      - text: Great job \U0001f600 keep going\n"),
        8,
        15,
        'the font Noto Sans cannot print `\U0001f600` (U+1F600) in "Great job',
    ),
    Case("empty-text", handout('      - text: ""\n'), 8, 15, "`text` is empty"),
    Case("empty-file", "", 1, 1, "the file is empty"),
    Case("two-documents", MINIMAL + "---\nhandout: two\n", 9, 1, "the file holds more than one YAML document"),
    Case("top-level-list", "- handout: x\n", 1, 1, "a handout file must be a mapping"),
    Case(
        "no-kind-key",
        "title: Rehab\nsections: []\n",
        1,
        1,
        "expected a `handout:` key",
    ),
    Case(
        "table-too-wide",
        handout(
            "      - table:\n          header: ["
            + ", ".join(["Supercalifragilistic"] * 8)
            + "]\n          rows: [["
            + ", ".join(["x"] * 8)
            + "]]\n"
        ),
        9,
        11,
        "table is too wide for the page",
    ),
    # Layout files
    Case(
        "layout-unknown-key",
        MINIMAL,
        2,
        1,
        "unknown key `colours` in the layout",
        "did you mean `colors`",
        layout="extends: a4\ncolours: {text: '#000000'}\n",
        in_layout=True,
    ),
    Case(
        "layout-length-without-unit",
        MINIMAL,
        2,
        17,
        "`15` is not a length",
        layout="extends: a4\npage: {margins: 15}\n",
        in_layout=True,
    ),
    Case(
        "layout-unquoted-colour",
        MINIMAL,
        3,
        8,
        "no colour given; quote it",
        layout="extends: a4\ncolors:\n  text: #1d2733\n",
        in_layout=True,
    ),
    Case(
        "layout-bad-colour",
        MINIMAL,
        2,
        16,
        "`teal` is not a colour",
        layout="extends: a4\ncolors: {text: teal}\n",
        in_layout=True,
    ),
    Case(
        "layout-unknown-placeholder",
        MINIMAL,
        2,
        16,
        "unknown placeholder `{pag}`",
        "did you mean `page` or `pages`?",
        layout="extends: a4\nfooter: {left: 'p. {pag}'}\n",
        in_layout=True,
    ),
    Case(
        "layout-extends-unknown",
        MINIMAL,
        1,
        10,
        "no layout `a3`",
        "expected one of: `a4`, `cards-a6`",
        layout="extends: a3\n",
        in_layout=True,
    ),
    Case(
        "layout-extends-itself",
        MINIMAL,
        1,
        10,
        "extends itself",
        layout="extends: layout.yaml\n",
        in_layout=True,
    ),
    Case(
        "layout-three-columns",
        MINIMAL,
        2,
        10,
        "`columns` is 3; it must be from 1 to 2",
        layout="extends: a4\ncolumns: 3\n",
        in_layout=True,
    ),
    Case(
        "layout-font-size",
        MINIMAL,
        2,
        14,
        "`size` is 200 pt; it must be from 8 pt to 36 pt",
        layout="extends: a4\ntext: {size: 200}\n",
        in_layout=True,
    ),
    Case(
        "layout-logo-outside",
        MINIMAL,
        2,
        15,
        "is outside the project folder",
        layout="extends: a4\nbrand: {logo: ../../../../etc/x.png}\n",
        in_layout=True,
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_bad_input_is_reported_cleanly(case: Case, project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = project / "handouts" / "bad.yaml"
    data = case.content if isinstance(case.content, bytes) else case.content.encode()
    source.write_bytes(data)
    for name, content in case.extra.items():
        target = project / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content if isinstance(content, bytes) else content.encode())
    args: list[str | Path] = ["build", "handouts/bad.yaml", "-o", "out/bad.pdf"]
    where = "handouts/bad.yaml"
    if case.layout is not None:
        write(project / "layouts" / "layout.yaml", case.layout)
        args += ["--layout", "layouts/layout.yaml"]
        where = "layouts/layout.yaml" if case.in_layout else where
    monkeypatch.chdir(project)
    result = run(*args)
    assert result.exit_code == 2, result.output + result.stderr
    assert "Traceback" not in result.output + result.stderr
    assert f"{where}:{case.line}:{case.column}: error: " in result.stderr, result.stderr
    assert case.message in result.stderr
    if case.hint:
        assert f"hint: {case.hint}" in result.stderr
    assert not (project / "out").exists() or not any((project / "out").iterdir())


def test_there_are_at_least_25_distinct_bad_files() -> None:
    assert len({c.name for c in CASES}) >= 25


def test_every_problem_in_a_file_is_reported_at_once(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(
        project / "handouts" / "bad.yaml",
        """\
        handout: Bad Id
        title: [not, text]
        language: en
        reviewed: tomorrow
        sections:
          - title: A
            blocks:
              - txt: hi
        """,
    )
    monkeypatch.chdir(project)
    result = run("validate", "handouts/bad.yaml")
    assert result.exit_code == 2
    assert result.stderr.count(": error: ") == 4


def test_offending_line_is_shown_with_a_caret(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(project / "handouts" / "bad.yaml", handout("      - callout: {tone: danger, text: Stop.}\n"))
    monkeypatch.chdir(project)
    stderr = run("validate", "handouts/bad.yaml").stderr
    assert "   8 |       - callout: {tone: danger, text: Stop.}" in stderr
    assert "     |                         ^" in stderr


def test_good_files_build_while_bad_ones_are_reported(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(project / "handouts" / "good.yaml", MINIMAL)
    write(project / "handouts" / "bad.yaml", MINIMAL.replace("text:", "txt:"))
    monkeypatch.chdir(project)
    result = run("build", "handouts")
    assert result.exit_code == 2
    assert (project / "out" / "good.pdf").exists()
    assert not (project / "out" / "bad.pdf").exists()
    assert "bad.yaml:8:9: error: unknown block kind `txt`" in result.stderr


def test_missing_path_and_bad_options_are_usage_errors(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(project)
    assert run("build", "nope.yaml").exit_code == 2
    assert "nope.yaml: no such file or folder" in run("build", "nope.yaml").stderr
    assert run("build", "--frobnicate").exit_code == 2
    result = run("check", "missing.pdf")
    assert result.exit_code == 2 and "does not exist" in result.stderr


# Exercise, deck and card-layout files. `path` is where the bad file goes; the build target is
# that file unless `target` says otherwise; errors may point into another file (`where`).
GOOD_EXERCISE = """\
exercise: side-step
name: Side step
language: en
category: strength
position: standing
images:
  start: {path: ../images/squat-start.svg, alt: Standing}
steps:
  - Stand with a band around your knees.
  - Step to the side and back.
dose:
  sets: 3
  reps: 10
  hold: 2s
"""
DECK_HEAD = "deck: club\ntitle: Club cards\nlanguage: en\n"


@dataclass
class CardCase:
    name: str
    path: str
    content: str
    line: int
    column: int
    message: str
    hint: str | None = None
    target: str | None = None
    layout: str | None = None


CARD_CASES = [
    CardCase(
        "deck-unknown-exercise",
        "handouts/decks/bad.yaml",
        DECK_HEAD + "exercises: [squat, pigeon]\n",
        4,
        20,
        "unknown exercise `pigeon`",
        "did you mean `pigeon-pose`?",
    ),
    CardCase(
        "deck-missing-language-version",
        "handouts/decks/bad.yaml",
        DECK_HEAD.replace("language: en", "language: es") + "exercises:\n  - squat\n  - side-step\n",
        6,
        5,
        "exercise `side-step` has no `es` version",
        "found: en",
    ),
    CardCase(
        "deck-without-exercises",
        "handouts/decks/bad.yaml",
        DECK_HEAD,
        1,
        1,
        "the deck is missing the required key `exercises`",
    ),
    CardCase(
        "deck-exercises-not-a-list",
        "handouts/decks/bad.yaml",
        DECK_HEAD + "exercises: squat\n",
        4,
        12,
        "`exercises` must be a list",
    ),
    CardCase(
        "deck-misspelt-key",
        "handouts/decks/bad.yaml",
        DECK_HEAD + "excercises: [squat]\n",
        4,
        1,
        "unknown key `excercises` in the deck",
        "did you mean `exercises`?",
    ),
    CardCase(
        "deck-bad-id",
        "handouts/decks/bad.yaml",
        DECK_HEAD + "exercises: [Squat Deep]\n",
        4,
        13,
        "an id uses lower-case letters",
    ),
    CardCase(
        "exercise-bad-category",
        "handouts/exercises/bad.yaml",
        GOOD_EXERCISE.replace("category: strength", "category: stretching"),
        4,
        11,
        "`category` is `stretching`",
        "did you mean `stretch`",
    ),
    CardCase(
        "exercise-bad-position",
        "handouts/exercises/bad.yaml",
        GOOD_EXERCISE.replace("position: standing", "position: prone"),
        5,
        11,
        "`position` is `prone`",
    ),
    CardCase(
        "exercise-hold-without-unit",
        "handouts/exercises/bad.yaml",
        GOOD_EXERCISE.replace("hold: 2s", "hold: 30"),
        14,
        9,
        "`30` is not a duration",
    ),
    CardCase(
        "exercise-hold-in-words",
        "handouts/exercises/bad.yaml",
        GOOD_EXERCISE.replace("hold: 2s", "hold: 30 sec"),
        14,
        9,
        "`30 sec` is not a duration",
    ),
    CardCase(
        "exercise-zero-sets",
        "handouts/exercises/bad.yaml",
        GOOD_EXERCISE.replace("sets: 3", "sets: 0"),
        12,
        9,
        "`sets` is 0; it must be from 1 to 100",
    ),
    CardCase(
        "exercise-eight-days",
        "handouts/exercises/bad.yaml",
        GOOD_EXERCISE.replace("hold: 2s", "hold: 2s\n  days: 8"),
        15,
        9,
        "`days` is 8; it must be from 1 to 7",
    ),
    CardCase(
        "exercise-bad-sides",
        "handouts/exercises/bad.yaml",
        GOOD_EXERCISE.replace("hold: 2s", "hold: 2s\n  sides: left"),
        15,
        10,
        "`sides` is `left`",
    ),
    CardCase(
        "exercise-picture-without-alt",
        "handouts/exercises/bad.yaml",
        GOOD_EXERCISE.replace(", alt: Standing}", "}"),
        7,
        10,
        "missing the required key `alt`",
    ),
    CardCase(
        "exercise-picture-outside",
        "handouts/exercises/bad.yaml",
        GOOD_EXERCISE.replace("../images/squat-start.svg", "../../../../etc/a.svg"),
        7,
        17,
        "is outside the project folder",
    ),
    CardCase(
        "exercise-javascript-video",
        "handouts/exercises/bad.yaml",
        GOOD_EXERCISE + "video: 'javascript:alert(1)'\n",
        15,
        8,
        "link `javascript:alert(1)` is not allowed",
    ),
    CardCase(
        "exercise-unknown-key",
        "handouts/exercises/bad.yaml",
        GOOD_EXERCISE + "instructions: [x]\n",
        15,
        1,
        "unknown key `instructions` in the exercise",
    ),
    CardCase(
        "exercise-without-steps",
        "handouts/exercises/bad.yaml",
        GOOD_EXERCISE.replace("steps:\n  - Stand with a band around your knees.\n  - Step to the side and back.\n", ""),
        1,
        1,
        "the exercise is missing the required key `steps`",
    ),
    CardCase(
        "exercise-dose-misspelt",
        "handouts/exercises/bad.yaml",
        GOOD_EXERCISE.replace("reps: 10", "repetitions: 10"),
        13,
        3,
        "unknown key `repetitions` in `dose`",
        "did you mean `reps`?",
    ),
    CardCase(
        "exercise-duplicate-key",
        "handouts/exercises/bad.yaml",
        GOOD_EXERCISE + "name: Again\n",
        15,
        1,
        "duplicate key `name` (first given at line 2)",
    ),
    CardCase(
        "handout-unknown-exercise",
        "handouts/bad.yaml",
        MINIMAL + "      - exercises: [squat, lungee]\n",
        9,
        28,
        "unknown exercise `lungee`",
        "did you mean `lunge`?",
    ),
    CardCase(
        "cards-grid-too-big",
        "layouts/bad.yaml",
        "extends: cards-a6\ncards: {grid: {columns: 3, rows: 2}}\n",
        1,
        1,
        "3 × 2 cards of 105.0 × 148.0 mm need 315 × 296 mm, more than the 210 × 297 mm sheet",
        target="handouts/decks/glute-stretches.yaml",
        layout="layouts/bad.yaml",
    ),
    CardCase(
        "cards-min-above-size",
        "layouts/bad.yaml",
        "extends: cards-a6\ncards: {min_font_size: 12}\n",
        2,
        24,
        "`min_font_size` 12 pt is larger than `font_size` 10 pt",
        target="handouts/decks/glute-stretches.yaml",
        layout="layouts/bad.yaml",
    ),
    CardCase(
        "cards-bad-duplex",
        "layouts/bad.yaml",
        "extends: cards-a6\ncards: {duplex: double}\n",
        2,
        17,
        "`duplex` is `double`",
        target="handouts/decks/glute-stretches.yaml",
        layout="layouts/bad.yaml",
    ),
    CardCase(
        "cards-bad-marks",
        "layouts/bad.yaml",
        "extends: cards-a6\ncards: {marks: crops}\n",
        2,
        16,
        "`marks` is `crops`",
        "did you mean `crop`?",
        target="handouts/decks/glute-stretches.yaml",
        layout="layouts/bad.yaml",
    ),
    CardCase(
        "cards-bad-back-part",
        "layouts/bad.yaml",
        "extends: cards-a6\ncards: {back: [steps, notes]}\n",
        2,
        23,
        "is `notes`",
        target="handouts/decks/glute-stretches.yaml",
        layout="layouts/bad.yaml",
    ),
]


@pytest.mark.parametrize("case", CARD_CASES, ids=[c.name for c in CARD_CASES])
def test_bad_exercise_deck_and_card_files(case: CardCase, project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from conftest import copy_examples

    copy_examples(project)
    shutil.copy(FIGURE, project / "handouts" / "images" / "squat-start.svg")
    write(project / "handouts" / "exercises" / "side-step.yaml", GOOD_EXERCISE)
    write(project / case.path, case.content)
    monkeypatch.chdir(project)
    args: list[str] = ["build", case.target or case.path, "-o", "out/bad.pdf"]
    if case.layout:
        args += ["--layout", case.layout]
    result = run(*args)
    assert result.exit_code == 2, result.output + result.stderr
    assert "Traceback" not in result.stderr
    assert f"{case.path}:{case.line}:{case.column}: error: " in result.stderr, result.stderr
    assert case.message in result.stderr, result.stderr
    if case.hint:
        assert f"hint: {case.hint}" in result.stderr, result.stderr
    assert not (project / "out" / "bad.pdf").exists()


def test_there_are_at_least_15_bad_exercise_and_deck_files() -> None:
    assert len([c for c in CARD_CASES if "exercise" in c.path or "decks" in c.path]) >= 15


@pytest.mark.parametrize(
    ("cards", "words"),
    [
        ("{max_font_size: 8}", "`max_font_size` 8 pt is smaller than `font_size` 10 pt"),
        ("{max_font_size: 40}", "max_font_size"),
        ("{max_font_size: big}", "max_font_size"),
    ],
)
def test_a_bad_max_font_size_is_an_error_at_its_line(cards: str, words: str, tmp_path: Path) -> None:
    layout = write(tmp_path / "layouts" / "c.yaml", f"extends: cards-a6\ncards: {cards}\n")
    result = run("validate", str(layout))
    assert result.exit_code == 2 and words in result.stderr and "c.yaml:2:" in result.stderr, result.stderr


def test_a_comma_inside_braces_gets_the_hint_to_quote_the_text(project: Path, monkeypatch) -> None:
    monkeypatch.chdir(project)
    write(
        project / "handouts" / "flow.yaml",
        MINIMAL.replace("- text: Rest your legs today.", "- callout: {text: Rest, then ice, tone: tip}"),
    )
    result = run("validate", "handouts/flow.yaml")
    assert result.exit_code == 2
    assert "flow.yaml:8:31: error: unknown key `then ice` in `callout`" in result.stderr
    assert (
        'hint: a comma inside { … } starts a new key: put the whole text in quotes, like `text: "Rest, then ice"`'
        in result.stderr
    )
    write(project / "handouts" / "typo.yaml", MINIMAL.replace("title: What to do", "titel: What to do"))
    assert "did you mean `title`?" in run("validate", "handouts/typo.yaml").stderr  # a plain typo keeps its hint


def test_a_list_item_indented_one_space_too_far_is_not_joined_to_the_one_above(project: Path, monkeypatch) -> None:
    monkeypatch.chdir(project)
    text = MINIMAL.replace(
        "      - text: Rest your legs today.",
        "      - bullets:\n          - Rest today\n           - Ice tonight\n          - Walk tomorrow",
    )
    write(project / "handouts" / "joined.yaml", text)
    for command in ("validate", "lint", "build"):
        result = run(command, "handouts/joined.yaml")
        assert result.exit_code == 2, command
        assert "joined.yaml:10:12: error: this line looks like a list item" in result.stderr
        assert "line its `-` up with the item above" in result.stderr
    folded = MINIMAL.replace("Rest your legs today.", "Rest your legs today\n          and tomorrow.")
    write(project / "handouts" / "folded.yaml", folded)  # a text over two lines is fine
    assert run("validate", "handouts/folded.yaml").exit_code == 0
