"""Programmes that progress: phases of weeks with their exercises, when to move on and when to
step back; a week-by-week plan; a log over every phase's weeks with pain and effort rows."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import handoutgen
from conftest import REPO, pdf_text, run, write

PHASED = """\
program: hips
title: Strong hips for running
language: {language}
patient: Alex Example
date: 2026-11-20
phases:
  - title: {first}
    weeks: 2
    goal: {goal}
    exercises:
      - use: glute-bridge
        dose: {{sets: 2, reps: 10, tempo: 2-1-2}}
      - use: clamshell
    progress: [{progress}]
    step_back: [{back}]
  - weeks: 4
    exercises:
      - use: hip-thrust
        dose: {{sets: 3, reps: 8, load: {{kg: 10}}, rpe: 7}}
      - use: glute-bridge
log: {{pain: true, effort: true}}
"""
ENGLISH = {
    "language": "en",
    "first": "Wake up the glutes",
    "goal": "Every exercise without pain.",
    "progress": "Two weeks with pain no higher than 2 out of 10.",
    "back": "Pain above 5 out of 10 the next morning.",
}
SPANISH = {
    "language": "es",
    "first": "Despierta los glúteos",
    "goal": "Todos los ejercicios sin dolor.",
    "progress": "Dos semanas con dolor de 2 sobre 10 como mucho.",
    "back": "Dolor por encima de 5 sobre 10 a la mañana siguiente.",
}


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(REPO / "handouts" / "exercises", tmp_path / "handouts" / "exercises")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def programme(here: Path, words: dict[str, str]) -> Path:
    return write(here / "handouts" / "programs" / f"hips.{words['language']}.yaml", PHASED.format(**words))


def test_a_phased_programme_prints_its_plan_phases_and_a_log_of_every_week(here: Path) -> None:
    source = programme(here, ENGLISH)
    pdf = handoutgen.build(source)
    assert handoutgen.check(pdf, content=source).ok
    text = " ".join(pdf_text(pdf).split())
    assert "Your plan When Phase Goal Weeks 1–2 Phase 1: Wake up the glutes Every exercise without pain." in text
    assert "Weeks 3–6 Phase 2" in text
    assert "Phase 1 · Weeks 1–2: Wake up the glutes" in text and "Phase 2 · Weeks 3–6" in text
    assert "Move on when • Two weeks with pain no higher than 2 out of 10." in text
    assert "Step back if • Pain above 5 out of 10 the next morning." in text
    assert "3 sets of 8, hold 2 seconds, with 10 kg, effort 7 out of 10" in text
    assert "lower for 2 seconds, pause for 1, lift for 1" not in text  # tempo 2-1-2 lifts for 2
    assert "lower for 2 seconds, pause for 1, lift for 2" in text
    assert all(f"Week {n}" in text for n in range(1, 7)) and "Week 7" not in text
    assert text.count("Pain (0–10)") >= 3 and "write your pain and effort from 0 to 10" in text
    assert text.count("Glute bridge") >= 2 + 3  # both phases' panels, one log row per week table
    from handoutgen.api import document

    log = document(source).view.log
    assert [str(row) for row in log.rows] == ["Glute bridge", "Clamshell", "Hip thrust", "Pain (0–10)", "Effort (0–10)"]


def test_in_spanish_and_as_a_web_page(here: Path) -> None:
    source = programme(here, SPANISH)
    pdf = handoutgen.build(source)
    assert handoutgen.check(pdf, content=source).ok
    text = " ".join(pdf_text(pdf).split())
    assert "Tu plan Cuándo Fase Objetivo Semanas 1–2 Fase 1: Despierta los glúteos" in text
    assert "Pasa a la siguiente fase cuando" in text and "Vuelve a la fase anterior si" in text
    assert "Puente de glúteos" in text and "Dolor (0–10)" in text and "Semana 6" in text
    html = handoutgen.build(source, format="html").decode()
    assert '<th scope="row">Semanas 1–2</th>' in html and 'class="box warning"' in html
    assert (
        '<input type="number" min="0" max="10" step="1" inputmode="numeric" aria-label="Dolor (0–10), Semana 1, Lun">'
        in html
    )
    result = run("build", source, "--format", "html", "-o", "out/")
    assert result.exit_code == 0, result.stderr


def test_the_log_can_name_its_weeks(here: Path) -> None:
    source = write(
        here / "p.yaml", PHASED.format(**ENGLISH).replace("log: {pain: true, effort: true}", "log: {weeks: 3}")
    )
    from handoutgen.api import document

    log = document(source).view.log
    assert [str(w) for w in log.weeks] == ["Week 1", "Week 2", "Week 3"]
    assert [str(row) for row in log.rows] == ["Glute bridge", "Clamshell", "Hip thrust"]


def test_an_example_protocol_warns_until_it_is_reviewed(here: Path) -> None:
    source = write(
        here / "p.yaml", PHASED.format(**ENGLISH).replace("date: 2026-11-20", "date: 2026-11-20\nexample: true")
    )
    result = run("build", source, "-o", "out/")
    assert result.exit_code == 0
    assert "p.yaml:6:10: warning: this programme is an example protocol" in result.stderr
    assert "then set `example: false`" in result.stderr
    checked = run("validate", source, "--json")
    assert checked.exit_code == 0 and "warning: this programme is an example protocol" in checked.stderr
    import json

    (record,) = json.loads(checked.stdout)["files"]
    assert record["warnings"][0]["message"] == "this programme is an example protocol"


@pytest.mark.parametrize(
    ("change", "where", "message"),
    [
        (("phases:", "exercises: [{use: squat}]\nphases:"), "1:1", "the programme has both `exercises` and `phases`"),
        (("  - weeks: 4\n", "  - weeks: 0\n"), "16:12", "`weeks` is 0; it must be from 1 to 12"),
        (("      - use: hip-thrust", "      - use: hip-trust"), "18:14", "unknown exercise `hip-trust`"),
        (("    goal:", "    aim:"), "9:5", "unknown key `aim`"),
    ],
)
def test_phases_written_wrong_are_said_at_their_line(here: Path, change, where, message) -> None:
    text = PHASED.format(**ENGLISH).replace(*change, 1)
    assert text != PHASED.format(**ENGLISH)
    source = write(here / "p.yaml", text)
    result = run("validate", source)
    assert result.exit_code == 2 and f"p.yaml:{where}: error: {message}" in result.stderr, result.stderr


def test_a_programme_with_neither_exercises_nor_phases(here: Path) -> None:
    text = PHASED.format(**ENGLISH)
    text = text[: text.index("phases:")] + "log: {weeks: 2}\n"
    result = run("validate", write(here / "p.yaml", text))
    assert result.exit_code == 2 and "the programme has neither `exercises` nor `phases`" in result.stderr
