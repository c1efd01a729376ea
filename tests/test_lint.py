"""Lint: reading grade of prose with known levels, long sentences, contrast, structure."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import MINIMAL, copy_examples, run, write
from handoutgen.authoring.lint import grade, syllables
from handoutgen.text.colors import contrast

PLAIN = (
    "Your glutes are the muscles in your bottom. They help you run. If you run too much, they get sore. "
    "Rest for a day or two. Walk a little. Drink water. Sleep well. The pain will go away soon. "
    "Call us if it does not."
)
JARGON = (
    "Persistent gluteal tendinopathy frequently manifests consequent to repetitive biomechanical "
    "overloading, particularly in individuals demonstrating insufficient neuromuscular control of "
    "pelvic stabilisation musculature, necessitating comprehensive multidisciplinary rehabilitation "
    "incorporating progressive isometric loading protocols and individualised kinematic reeducation."
)
SPANISH_PLAIN = (
    "Los glúteos son los músculos de tu trasero. Te ayudan a correr. Si corres mucho, te duelen. "
    "Descansa uno o dos días. Camina un poco. Bebe agua. Duerme bien. El dolor se irá pronto. "
    "Llámanos si no se va."
)
SPANISH_JARGON = (
    "La tendinopatía glútea persistente se manifiesta frecuentemente como consecuencia de una "
    "sobrecarga biomecánica repetitiva, particularmente en individuos con insuficiente control "
    "neuromuscular de la musculatura estabilizadora pélvica, requiriendo rehabilitación "
    "multidisciplinaria con protocolos isométricos progresivos individualizados."
)


def test_reading_grades_of_known_prose() -> None:
    assert grade(PLAIN, "en")[0] < 4
    assert grade(JARGON, "en")[0] > 16
    assert grade(SPANISH_PLAIN, "es")[0] <= 6
    assert grade(SPANISH_JARGON, "es")[0] > 12
    assert grade("Too short to judge.", "en") is None
    assert [syllables(w, "en") for w in ("run", "muscle", "recover")] == [1, 2, 3]
    assert [syllables(w, "es") for w in ("glúteos", "día", "fisioterapeuta")] == [3, 2, 6]


def test_contrast_ratios() -> None:
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#e07a1f", "#f0f5f6") < 3


def jargon_handout(folder: Path) -> Path:
    return write(
        folder / "handouts" / "j.yaml",
        MINIMAL.replace("summary", "x").replace("Rest your legs today.", f'"{JARGON}"')
        + "      - bullets: [Rest your legs, Drink water, Stop running]\n",
    )


def test_lint_catches_jargon_long_sentences_and_structure(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    jargon_handout(project)
    monkeypatch.chdir(project)
    result = run("lint", "handouts/j.yaml")
    assert result.exit_code == 1
    assert "handouts/j.yaml:1:1: no-summary" in result.output
    assert 'handouts/j.yaml:6:12: reading-grade: section "What to do" reads at about grade' in result.output
    assert "handouts/j.yaml:8:15: long-sentence: a sentence of 34 words" in result.output
    assert "handouts/j.yaml:9:9: actions-as-steps: 3 bullets are actions" in result.output
    data = json.loads(run("lint", "handouts/j.yaml", "--json").output)
    assert {f["code"] for f in data} == {"no-summary", "reading-grade", "long-sentence", "actions-as-steps"}


def test_lint_passes_the_examples_and_checks_layouts(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    copy_examples(project)
    monkeypatch.chdir(project)
    assert run("lint").exit_code == 0
    write(project / "layouts" / "pale.yaml", "extends: a4\ntext: {size: 10}\ncolors: {text: '#aaaaaa'}\n")
    result = run("lint", "handouts/glute-soreness.yaml", "-l", "layouts/pale.yaml")
    assert result.exit_code == 1
    assert "small-text: body text is 10 pt" in result.output
    assert "contrast: `text` colour #aaaaaa is too faint for text: 2.3:1 on white" in result.output


@pytest.mark.parametrize(
    ("colors", "words"),
    [
        ("{accent: '#e07a1f'}", "`accent` colour #e07a1f is too faint for text: 3.0:1 on white"),
        ("{muted: '#8899aa'}", "2.7:1 on exercise panels"),
        ("{tip: '#5fbf6f'}", "`tip` colour #5fbf6f is too faint for text"),
        ("{heading: '#7fb0ff'}", "on the heading colour"),  # white table heads on a pale heading colour
        ("{summary: '#555555'}", "on the key-points box"),
    ],
)
def test_lint_judges_every_text_colour_on_every_background(
    colors: str, words: str, project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    copy_examples(project)
    monkeypatch.chdir(project)
    write(project / "layouts" / "c.yaml", f"extends: a4\ncolors: {colors}\n")
    result = run("lint", "handouts/glute-soreness.yaml", "-l", "layouts/c.yaml")
    assert result.exit_code == 1 and words in result.output, result.output


def test_lint_flags_long_programmes(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    copy_examples(project)
    write(project / "layouts" / "short.yaml", "extends: a4\nmax_exercises: 3\n")
    monkeypatch.chdir(project)
    result = run("lint", "handouts/programs/glute-rehab.yaml", "-l", "layouts/short.yaml")
    assert result.exit_code == 1
    assert "too-many-exercises: 4 exercises; this layout recommends at most 3" in result.output


def test_build_lint_reports_findings_after_building(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    jargon_handout(project)
    monkeypatch.chdir(project)
    result = run("build", "handouts/j.yaml", "--lint")
    assert result.exit_code == 1
    assert (project / "out" / "j.pdf").exists()
    assert "reading-grade" in result.stderr


def test_max_exercises_is_checked(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(project / "layouts" / "bad.yaml", "extends: a4\nmax_exercises: 0\n")
    write(project / "handouts" / "h.yaml", MINIMAL)
    monkeypatch.chdir(project)
    result = run("build", "handouts/h.yaml", "-l", "layouts/bad.yaml")
    assert (
        result.exit_code == 2
        and "layouts/bad.yaml:2:16: error: `max_exercises` is 0; it must be from 1 to 30" in result.stderr
    )


def test_a_translation_left_in_the_source_language_is_named_once_with_the_right_hint(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from conftest import copy_examples

    copy_examples(project)
    monkeypatch.chdir(project)
    twin = project / "handouts" / "exercises" / "clamshell.es.yaml"
    twin.write_text(twin.read_text(encoding="utf-8").replace("language: es", "language: en"), encoding="utf-8")
    result = run("validate", "handouts")
    assert result.exit_code == 2
    said = "clamshell.es.yaml says `language: en`, but its name says it is in `es`"
    assert result.stderr.count(said) == 1, result.stderr
    assert "hint: set `language: es`" in result.stderr and "give each exercise its own id" not in result.stderr
    assert "handouts/exercises/clamshell.es.yaml:4:11: error:" in result.stderr


def test_new_language_makes_a_twin_and_lint_names_what_is_left(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from conftest import copy_examples

    copy_examples(project)
    monkeypatch.chdir(project)
    squat_es = project / "handouts" / "exercises" / "squat.es.yaml"
    squat_es.unlink()
    result = run("new", "--language", "es", "handouts/exercises/squat.yaml")
    assert result.exit_code == 0 and "created handouts/exercises/squat.es.yaml" in result.stdout
    text = squat_es.read_text(encoding="utf-8")
    assert "language: es" in text and "exercise: squat" in text and "translate every text" in text
    assert run("validate", "handouts/exercises/squat.es.yaml").exit_code == 0  # it builds as it is
    findings = run("lint", "handouts/exercises")
    untranslated = [line for line in findings.stdout.splitlines() if "untranslated:" in line]
    assert len(untranslated) >= 5 and all(line.startswith("handouts/exercises/squat.es.yaml:") for line in untranslated)
    steps = squat_es.read_text(encoding="utf-8").split("steps:")[1].split("\n")
    squat_es.write_text(text.replace(steps[1] + "\n", ""), encoding="utf-8")  # one step fewer
    assert (
        "twin-structure: `steps` has 3 items here and 4 in handouts/exercises/squat.yaml"
        in run("lint", "handouts/exercises").stdout
    )
    assert "untranslated" not in run("lint", "handouts/exercises/clamshell.es.yaml").stdout  # a real translation
    for args, message in [
        (["handouts/exercises/squat.yaml"], "already exists"),
        (["handouts/exercises/squat.es.yaml"], "is itself a translation"),
        (["handouts/exercises/lunge.yaml", "x"], "give one FILE"),
        (["handouts/nowhere.yaml"], "nowhere.yaml"),
    ]:
        result = run("new", "--language", "es", *args)
        assert result.exit_code == 2 and message in result.stderr, (args, result.stderr)
    result = run("new", "--language", "fr", "handouts/exercises/lunge.yaml")
    assert result.exit_code == 2 and "--language fr: not one of en, es" in result.stderr


def test_findings_can_be_left_out_by_the_project_or_by_the_file(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(project)
    long = "This sentence goes on " + "and on " * 40 + "until nobody can follow it."
    wordy = write(project / "handouts" / "wordy.yaml", MINIMAL.replace("Rest your legs today.", long))
    codes = {line.split(": ")[1] for line in run("lint", "handouts").stdout.splitlines() if ": " in line}
    assert "long-sentence" in codes and "no-summary" in codes
    wordy.write_text("# handoutgen: ignore long-sentence\n" + wordy.read_text(encoding="utf-8"))
    result = run("lint", "handouts")
    assert "long-sentence" not in result.stdout and "no-summary" in result.stdout
    write(project / "handoutgen.yaml", "project: X\nlint_ignore: [no-summary, reading-grade]\n")
    result = run("lint", "handouts")
    assert "no-summary" not in result.stdout and "reading-grade" not in result.stdout
    write(project / "handoutgen.yaml", "project: X\nlint_ignore: [no-sumary]\n")
    result = run("lint", "handouts")
    assert "handoutgen.yaml:2:15: lint-ignore: `no-sumary` is not a lint code" in result.stdout
    wordy.write_text("# handoutgen: ignore long-sentense\n" + MINIMAL)
    assert "wordy.yaml:1:22: lint-ignore: `long-sentense` is not a lint code" in run("lint", "handouts").stdout


@pytest.mark.parametrize(
    ("text", "line", "column"),
    [
        ("      - text: >\n          Do these things\n          - rest your leg\n          - use ice\n", 9, 11),
        ("      - text: |\n          Do these things:\n          1. rest your leg\n", 9, 11),
        ("      - text: Do these things\n          * rest your leg\n", 8, 11),
        ('      - callout: {text: "Call us if\n          - it swells"}\n', 8, 11),
    ],
)
def test_a_line_that_looks_like_a_list_item_inside_a_text_is_named(
    tmp_path: Path, text: str, line: int, column: int
) -> None:
    path = tmp_path / "trap.yaml"
    path.write_text(
        "handout: trap\ntitle: Trap\nreviewed: 2026-11-01\nsections:\n  - title: One\n    blocks:\n" + text,
        encoding="utf-8",
    )
    assert run("validate", path).exit_code == 0  # YAML that reads, and means something else
    result = run("lint", path, "--json")
    found = [f for f in json.loads(result.stdout) if f["code"] == "list-in-text"]
    assert [f["where"] for f in found] == [f"{path}:{line}:{column}"], result.stdout
    assert "`- bullets:`" in found[0]["suggestion"]


def test_texts_that_only_mention_a_dash_are_not_named(tmp_path: Path) -> None:
    path = tmp_path / "fine.yaml"
    path.write_text(
        "handout: fine\ntitle: Fine\nreviewed: 2026-11-01\nsections:\n  - title: One\n    blocks:\n"
        "      - text: >\n          Rest for 2-3 days - then walk\n          a little more each day.\n"
        "      - bullets:\n          - rest your leg\n          - use ice\n",
        encoding="utf-8",
    )
    result = run("lint", path, "--json")
    assert "list-in-text" not in {f["code"] for f in json.loads(result.stdout)}


def test_a_sentence_a_comma_cut_in_two_inside_brackets_is_named(tmp_path: Path) -> None:
    path = tmp_path / "cut.yaml"
    path.write_text(
        "handout: cut\ntitle: Cut\nreviewed: 2026-11-01\nsummary: [Rest for two days at least, then walk a little.]\n"
        "sections:\n  - title: One\n    blocks:\n      - bullets: [glutes, thighs, Ice for ten minutes at a time]\n",
        encoding="utf-8",
    )
    found = [f for f in json.loads(run("lint", path, "--json").stdout) if f["code"] == "list-in-text"]
    assert [f["where"] for f in found] == [f"{path}:4:39"]  # not the bullets, whose items are words
    assert "a comma inside `[ ... ]` ends an item" in found[0]["message"]
