"""What a content file may leave out because its name or its project says it: the id, the
language and the review date; and what the project file adds: its language, the languages it
keeps, merge settings and batches that one `handoutgen build` builds."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest

from conftest import FIGURE, REPO, pdf_text, reader, run, write

SPANISH = """\
handout:
title: Dolor de rodilla
sections:
  - title: Qué hacer
    blocks:
      - text: Camina un poco cada día y descansa cuando duela.
"""


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_the_id_and_language_come_from_the_file_name(here: Path) -> None:
    write(here / "handouts" / "knee-pain.es.yaml", SPANISH)
    result = run("build", "handouts/knee-pain.es.yaml", "-o", "out/")
    assert result.exit_code == 0, result.stderr
    built = here / "out" / "knee-pain.es.pdf"
    assert reader(built).trailer["/Root"]["/Lang"] == "es"
    text = pdf_text(built)
    assert "Página 1 de 1" in text and "Camina un poco" in text
    assert "Revisado" not in text  # no review date written, none printed


def test_a_file_name_that_is_no_id_is_said_at_the_empty_key(here: Path) -> None:
    write(here / "Knee Pain.yaml", SPANISH)
    result = run("build", "Knee Pain.yaml", "-o", "out/")
    assert result.exit_code == 2
    assert "Knee Pain.yaml:1:1: error: `handout:` is empty, and the file name `Knee Pain.yaml` gives no id" in (
        result.stderr
    )
    assert "write the id, like `handout: knee-pain`" in result.stderr and "Traceback" not in result.stderr
    assert not (here / "out").exists()


def test_a_written_id_and_language_win_over_the_name(here: Path) -> None:
    text = SPANISH.replace("handout:\n", "handout: rodilla\nlanguage: en\n")
    write(here / "knee.es.yaml", text)
    result = run("--diagnostics", "text", "validate", "knee.es.yaml")
    assert result.exit_code == 0, result.stderr
    from handoutgen.resolve.content import load_handout

    handout = load_handout(here / "knee.es.yaml").handout
    assert (str(handout.handout), str(handout.language)) == ("rodilla", "en")


def test_the_project_language_is_the_default(here: Path) -> None:
    write(here / "handoutgen.yaml", "project: Clínica\ncontent: [handouts]\nlanguage: es\n")
    write(here / "handouts" / "rodilla.yaml", SPANISH)
    result = run("build")
    assert result.exit_code == 0, result.stderr
    assert reader(here / "out" / "rodilla.pdf").trailer["/Root"]["/Lang"] == "es"


def test_an_unknown_project_language_is_said_at_its_line(here: Path) -> None:
    write(here / "handoutgen.yaml", "project: X\nlanguage: fr\n")
    result = run("build")
    assert result.exit_code == 2 and "handoutgen.yaml:2:11: error:" in result.stderr
    assert "language `fr` is not supported yet" in result.stderr


def test_exercises_and_decks_take_their_ids_and_languages_from_their_names(here: Path) -> None:
    library = here / "handouts" / "exercises"
    library.mkdir(parents=True)
    for name in ("squat.yaml", "squat.es.yaml"):
        text = (REPO / "handouts" / "exercises" / name).read_text(encoding="utf-8")
        lines = [line for line in text.splitlines() if not line.startswith(("exercise:", "language:", "harder:"))]
        (library / name).write_text("exercise:\n" + "\n".join(lines) + "\n", encoding="utf-8")
    write(here / "handouts" / "decks" / "legs.es.yaml", "deck:\ntitle: Piernas\nexercises: [squat]\n")
    result = run("build", "handouts/decks/legs.es.yaml", "-o", "out/")
    assert result.exit_code == 0, result.stderr
    assert "Sentadilla" in pdf_text(here / "out" / "legs.es.pdf")
    assert run("lint", "handouts").stdout.count("twin-structure") == 0  # the twin says no language, nor does its source


def test_the_review_date_is_optional_and_lint_reminds(here: Path) -> None:
    english = SPANISH.replace("Dolor de rodilla", "Knee pain").replace("Qué hacer", "What to do")
    english = english.replace("Camina un poco cada día y descansa cuando duela.", "Walk a little every day.")
    write(here / "knee.yaml", english)
    assert run("build", "knee.yaml", "-o", "out/").exit_code == 0
    result = run("lint", "knee.yaml")
    assert result.exit_code == 1 and "knee.yaml:1:1: review-date: the handout has no `reviewed` date" in result.stdout
    old = (dt.date.today() - dt.timedelta(days=3 * 366 + 1)).isoformat()
    write(here / "knee.yaml", english.replace("title: Knee pain\n", f"title: Knee pain\nreviewed: {old}\n"))
    result = run("lint", "knee.yaml")
    assert f"knee.yaml:3:11: review-date: the handout was last reviewed on {old}, more than 3 years ago" in (
        result.stdout
    )
    recent = (dt.date.today() - dt.timedelta(days=365)).isoformat()
    write(here / "knee.yaml", english.replace("title: Knee pain\n", f"title: Knee pain\nreviewed: {recent}\n"))
    assert "review-date" not in run("lint", "knee.yaml").stdout
    write(here / "knee.yaml", english.replace("title: Knee pain\n", "title: Knee pain\nreviewed: 2026-02-30\n"))
    result = run("build", "knee.yaml", "-o", "out/")
    assert result.exit_code == 2 and "knee.yaml:3:11: error:" in result.stderr


def test_the_languages_a_project_keeps_are_linted(here: Path) -> None:
    write(here / "handoutgen.yaml", "project: X\nlanguages: [en, es]\n")
    english = SPANISH.replace("Dolor de rodilla", "Knee pain").replace("Qué hacer", "What to do")
    write(here / "handouts" / "knee.yaml", english.replace("Camina un poco cada día y descansa cuando duela.", "Walk."))
    result = run("lint", "--json")
    found = [f for f in json.loads(result.stdout) if f["code"] == "missing-translation"]
    assert [(f["where"], f["message"]) for f in found] == [
        ("handouts/knee.yaml:1:1", "the project keeps `es` but there is no handouts/knee.es.yaml")
    ]
    assert "handoutgen new --language es handouts/knee.yaml" in found[0]["suggestion"]
    write(here / "handouts" / "knee.es.yaml", SPANISH)
    codes = {f["code"] for f in json.loads(run("lint", "--json").stdout)}
    assert "missing-translation" not in codes
    write(here / "handoutgen.yaml", "project: X\nlanguages: [en, de]\n")
    result = run("lint")
    assert result.exit_code == 2 and "handoutgen.yaml:2:17: error:" in result.stderr


EXPORT = "\ufeffNom du patient;Fecha de visita\r\nAna Pérez;03/12/2026\r\n"


def merge_project(here: Path, settings: str) -> None:
    shutil.copytree(REPO / "handouts" / "exercises", here / "handouts" / "exercises")
    template = (REPO / "handouts" / "programs" / "glute-rehab-template.yaml").read_text(encoding="utf-8")
    write(here / "handouts" / "programs" / "rehab.yaml", template)
    shutil.copy(REPO / "handouts" / "glute-soreness.yaml", here / "handouts" / "glute-soreness.yaml")
    (here / "export.csv").write_bytes(EXPORT.encode("utf-8"))
    write(here / "handoutgen.yaml", "project: Clinic\n" + settings)


def template_fields() -> list[str]:
    from handoutgen.resolve.merge import placeholder_names
    from handoutgen.source import load

    return sorted({name for name, _ in placeholder_names(load(Path("handouts/programs/rehab.yaml")))})


def test_merge_settings_in_the_project_file(here: Path) -> None:
    merge_project(here, "")
    fields = template_fields()
    assert {"patient", "date"} <= set(fields), fields
    other = [f for f in fields if f not in ("patient", "date")]
    header = "\ufeffNom du patient;Fecha de visita;" + ";".join(other) + "\r\n"
    values = {"clinician": "Sam Patel", "review_date": "20/12/2026"}
    rows = [f"Ana Pérez;03/12/2026;{';'.join(values.get(f, 'x') for f in other)}\r\n"]
    (here / "export.csv").write_bytes((header + "".join(rows)).encode("utf-8"))
    write(
        here / "handoutgen.yaml",
        "project: Clinic\nmerge:\n  date_format: DD/MM/YYYY\n"
        '  map: {"Nom du patient": patient, "Fecha de visita": date}\n',
    )
    result = run("build", "handouts/programs/rehab.yaml", "--data", "export.csv", "-o", "out/{{ patient }}.pdf")
    assert result.exit_code == 0, result.stderr
    text = pdf_text(here / "out" / "Ana-Perez.pdf")
    assert "Ana Pérez" in text and "3 December 2026" in text
    # the command line adds to the project's mapping and wins over its date format
    (here / "export.csv").write_bytes((header.replace("Fecha de visita", "Visit") + rows[0]).encode("utf-8"))
    result = run("build", "handouts/programs/rehab.yaml", "--data", "export.csv", "-o", "out/{{ patient }}.pdf")
    assert result.exit_code == 2 and "date" in result.stderr
    result = run(
        "build",
        "handouts/programs/rehab.yaml",
        "--data",
        "export.csv",
        "-o",
        "out/{{ patient }}.pdf",
        "--map",
        "Visit=date",
    )
    assert result.exit_code == 0, result.stderr


@pytest.mark.parametrize(
    ("settings", "message"),
    [
        (
            "merge:\n  date_format: 12/2026\n",
            "handoutgen.yaml:3:16: error: `date_format`: `12/2026` is not a date format",
        ),
        ("merge:\n  map: {First Name: first name}\n", "handoutgen.yaml:3:21: error:"),
        ("merge:\n  map: [First Name]\n", "handoutgen.yaml:3:8: error: `map` must be a mapping"),
        ('merge:\n  map: {"--": patient}\n', "handoutgen.yaml:3:9: error: `merge.map`: `--` names no column"),
        ("merge:\n  mapping: {}\n", "handoutgen.yaml:3:3: error: unknown key `mapping`"),
        (
            "batches:\n  - program: nowhere.yaml\n    data: export.csv\n",
            "handoutgen.yaml:3:14: error: `program`: there",
        ),
        ("batches:\n  - program: handouts/programs/rehab.yaml\n", "handoutgen.yaml:3:5: error:"),
        (
            "batches:\n  - program: handouts/programs/rehab.yaml\n    data: export.csv\n    output: all.pdf\n",
            "handoutgen.yaml:5:13: error: `output` needs a {{ field }}",
        ),
        (
            "batches:\n  - program: handouts/programs/rehab.yaml\n    data: export.csv\n    output: ../{{ id }}.pdf\n",
            "handoutgen.yaml:5:13: error: `output` is a file inside the output folder",
        ),
        (
            "batches:\n  - program: export.csv\n    data: export.csv\n",
            "handoutgen.yaml:3:14: error:",
        ),
    ],
)
def test_bad_merge_settings_and_batches_are_said_at_their_line(here: Path, settings: str, message: str) -> None:
    merge_project(here, settings)
    result = run("build")
    assert result.exit_code == 2, result.stdout
    assert message in result.stderr and "Traceback" not in result.stderr, result.stderr
    assert not (here / "out").exists()


def test_one_build_builds_the_content_and_the_projects_batches(here: Path) -> None:
    merge_project(here, "")
    fields = template_fields()
    other = [f for f in fields if f not in ("patient", "date")]
    header = "\ufeffNom du patient;Fecha de visita;" + ";".join(other) + "\r\n"
    values = {"clinician": "Sam Patel", "review_date": "20/02/2027"}
    body = "".join(
        f"{name};{day};{';'.join(values.get(f, 'x') for f in other)}\r\n"
        for name, day in (("Ana Pérez", "03/12/2026"), ("Bo Li", "14/01/2027"))
    )
    (here / "export.csv").write_bytes((header + body).encode("utf-8"))
    write(here / "handouts" / "knee.es.yaml", SPANISH)
    write(
        here / "handoutgen.yaml",
        """\
        project: Clinic
        merge:
          date_format: DD/MM/YYYY
          map: {"Nom du patient": patient, "Fecha de visita": date}
        batches:
          - program: handouts/programs/rehab.yaml
            data: export.csv
            output: patients/{{ patient }}.pdf
        """,
    )
    result = run("build", "--json")
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)  # stdout stays one JSON document
    assert report["summary"]["skipped"] == 0  # the template is built, not skipped
    assert report["batches"][0]["exit_code"] == 0
    assert sorted(p.name for p in (here / "out" / "patients").glob("*.pdf")) == ["Ana-Perez.pdf", "Bo-Li.pdf"]
    assert (here / "out" / "knee.es.pdf").is_file()
    assert "14 January 2027" in pdf_text(here / "out" / "patients" / "Bo-Li.pdf")
    assert "built 2 of 2 rows from export.csv" in run("build").stdout


def test_messages_about_files_outside_say_which_project_folder_and_why(here: Path) -> None:
    (here / "content").mkdir()
    (here / "assets").mkdir()
    shutil.copy(FIGURE, here / "assets" / "squat.svg")
    text = SPANISH + "      - image: {path: ../assets/squat.svg, alt: Una persona en cuclillas}\n"
    write(here / "content" / "knee.es.yaml", text)
    assert run("build", "content/knee.es.yaml", "-o", "out/").exit_code == 0  # the current folder holds both
    import os

    os.chdir(here / "content")
    result = run("build", "knee.es.yaml", "-o", "../out/")
    assert result.exit_code == 2
    assert f"is outside the project folder {here / 'content'}" in result.stderr
    assert "the project folder is the current folder, as no handoutgen.yaml is above it" in result.stderr
    assert "put a handoutgen.yaml in a folder that holds both" in result.stderr
    write(here / "content" / "handoutgen.yaml", "project: X\n")
    result = run("build", "knee.es.yaml", "-o", "../out/")
    assert result.exit_code == 2 and "the project folder is the folder of handoutgen.yaml" in result.stderr
    verbose = run("-v", "build", "knee.es.yaml", "-o", "../out/")
    assert "project: handoutgen.yaml; pictures and content must stay inside" in verbose.stderr


def test_new_layout_cards_is_the_card_layout_template(here: Path) -> None:
    result = run("new", "layout", "--cards", "Home cards")
    assert result.exit_code == 0, result.stderr
    text = (here / "layouts" / "home-cards.yaml").read_text(encoding="utf-8")
    assert "extends: cards-a6" in text and "two passes" in text and "calibrate" in text
    assert "--cards" in run("new", "--help").stdout
    bad = run("new", "handout", "--cards", "x")
    assert bad.exit_code == 2 and "--cards goes with `layout`" in bad.stderr
