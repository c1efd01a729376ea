"""`handoutgen library`: exercises found by region, goal, equipment, position and level; shown as
text and as a card; every picture on a contact sheet; and metadata written wrong."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from conftest import REPO, pdf_text, run


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(REPO / "handouts" / "exercises", tmp_path / "handouts" / "exercises")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def ids(*args: str) -> list[str]:
    result = run("library", "search", *args, "--json")
    assert result.exit_code == 0, result.stderr
    return [row["id"] for row in json.loads(result.stdout)]


def test_every_filter_narrows_the_library(here: Path) -> None:
    everything = ids()
    assert len(everything) >= 8 and everything == sorted(everything)
    knee = ids("--region", "knee")
    assert {"squat", "lunge"} <= set(knee) and "clamshell" not in knee
    assert "lunge" not in ids("--region", "knee", "--difficulty", "1")
    no_equipment = ids("--has", "none")
    assert "squat" in no_equipment and "glute-bridge" not in no_equipment  # a bridge needs a mat
    assert "glute-bridge" in ids("--has", "mat", "--has", "band")
    assert "foam-roll-glutes" in ids("--uses", "roller") and "squat" not in ids("--uses", "roller")
    mobility = ids("--goal", "mobility")
    assert {"pigeon-pose", "seated-glute-stretch"} <= set(mobility) and "hip-thrust" not in mobility
    assert "seated-glute-stretch" in ids("--position", "sitting", "--category", "stretch")
    assert "lunge" not in ids("--position", "sitting")
    assert ids("shin", "across", "--region", "glutes") == ["pigeon-pose"]  # every word, in the steps
    assert ids("no-such-words-anywhere") == []


def test_a_table_for_people_and_json_for_scripts(here: Path) -> None:
    result = run("library", "list")
    assert result.exit_code == 0
    header, *rows = result.stdout.splitlines()
    assert header.split() == ["id", "name", "regions", "needs", "level", "position"]
    assert rows[-1].endswith("exercises") and any(row.startswith("squat ") for row in rows)
    row = next(r for r in json.loads(run("library", "list", "--json").stdout) if r["id"] == "squat")
    assert row["languages"] == ["en", "es"] and row["harder"] == "lunge" and row["dose"].startswith("3 sets of 10")
    spanish = json.loads(run("library", "list", "--language", "es", "--json").stdout)
    assert next(r for r in spanish if r["id"] == "squat")["name"] == "Sentadilla"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["search", "--region", "kne"], "--region `kne` is not a region of the library\n  hint: did you mean `knee`?"),
        (["search", "--goal", "strenght"], "did you mean `strength`?"),
        (["search", "--has", "resistance band"], "did you mean `band`?"),
        (["search", "--position", "prone"], "--position `prone` is not a position"),
        (["search", "--language", "fr"], "--language `fr` is not a content language"),
        (["show", "sqat"], "no exercise `sqat` in en\n  hint: did you mean `squat`?"),
        (["list", "--library", "nowhere"], "--library nowhere: no such folder"),
    ],
)
def test_unknown_filter_values_get_hints(here: Path, args: list[str], message: str) -> None:
    result = run("library", *args)
    assert result.exit_code == 2 and message in result.stderr, result.stderr
    assert "Traceback" not in result.stderr


def test_show_says_the_exercise_and_previews_its_card(here: Path) -> None:
    result = run("library", "show", "squat", "--language", "es", "--preview", "out/squat.png")
    assert result.exit_code == 0, result.stderr
    assert "Sentadilla  (squat, es; also in: en, es)" in result.stdout
    assert "harder: lunge" in result.stdout and "3 series de 10" in result.stdout
    from PIL import Image

    with Image.open(here / "out" / "squat.png") as card:
        assert card.width > 500 and card.height > card.width  # an A6 card, upright
    assert not list((here / "out").glob("*.card-*.png"))


def test_the_contact_sheet_holds_every_picture(here: Path) -> None:
    result = run("library", "sheet", "-o", "out/sheet.pdf")
    assert result.exit_code == 0, result.stderr
    text = " ".join(pdf_text(here / "out" / "sheet.pdf").split())
    entries = json.loads(run("library", "list", "--json").stdout)
    for row in entries:
        assert f"{row['id']} · start" in text and f"{row['id']} · end" in text
    import pypdfium2 as pdfium

    page = pdfium.PdfDocument(here / "out" / "sheet.pdf")[0]
    colours = page.render(scale=1).to_pil().convert("RGB").getcolors(maxcolors=1_000_000)
    navy = sum(count for count, colour in colours if colour == (0x1F, 0x4E, 0x79))
    assert navy > 2000


EXERCISE = (REPO / "handouts" / "exercises" / "squat.yaml").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("change", "line", "message"),
    [
        (("regions: [glutes, thigh, knee]", "regions: [glutes, thigh, kne]"), 9, "did you mean `knee`?"),
        (("goals: [strength]", "goals: [power]"), 10, "item 1 of `goals` is `power`"),
        (("equipment: [none]", "equipment: [exercise mat]"), 8, "did you mean `mat`?"),
        (("difficulty: 1", "difficulty: 4"), 11, "`difficulty` is 4; it must be from 1 to 3"),
        (("harder: lunge", "harder: lnge"), 12, "`harder`: no exercise `lnge` (en) in"),
        (("harder: lunge", "harder: squat"), 12, "`harder` names this exercise itself"),
        (("equipment: [none]", "equipment: [band, band]"), 8, "`equipment` names something twice"),
        (("equipment: [none]", "equipment: [none, band]"), 8, "`equipment` says `none` and names things too"),
        (("goals: [strength]", "goals: [strength, strength]"), 10, "`goals` names something twice"),
    ],
)
def test_metadata_written_wrong_is_said_at_its_line(
    here: Path, change: tuple[str, str], line: int, message: str
) -> None:
    assert change[0] in EXERCISE
    path = here / "handouts" / "exercises" / "squat.yaml"
    path.write_text(EXERCISE.replace(*change), encoding="utf-8")
    result = run("validate", path)
    assert result.exit_code == 2 and f"squat.yaml:{line}:" in result.stderr and message in result.stderr, result.stderr


def test_a_picture_file_says_whose_it_is_and_is_credited_where_its_licence_asks(here: Path) -> None:
    from conftest import FIGURE, use_picture_file

    shutil.copy(FIGURE, here / "handouts" / "figure.svg")
    squat = here / "handouts" / "exercises" / "squat.yaml"
    use_picture_file(squat, "start", "../figure.svg")
    squat.write_text(squat.read_text(encoding="utf-8").replace("    license: own\n", ""), encoding="utf-8")
    found = json.loads(run("lint", "handouts", "--json").stdout)
    origin = [f for f in found if f["code"] == "picture-origin"]
    assert [f["message"] for f in origin] == ["picture `../figure.svg` does not say whose it is"]
    assert origin[0]["where"].endswith("squat.yaml:16:11")  # at the path
    text = squat.read_text(encoding="utf-8").replace(
        "    path: ../figure.svg\n", "    path: ../figure.svg\n    license: CC-BY-4.0\n"
    )
    squat.write_text(text, encoding="utf-8")
    found = json.loads(run("lint", "handouts", "--json").stdout)
    assert [f["message"] for f in found if f["code"] == "picture-origin"] == [
        "`CC-BY-4.0` asks for the author to be named, and this picture names none"
    ]
    squat.write_text(
        text.replace("license: CC-BY-4.0\n", "license: CC-BY-4.0\n    author: Jo Rivera\n"), encoding="utf-8"
    )
    assert "picture-origin" not in run("lint", "handouts").stdout
    for name, said in (
        ("squat.yaml", "Start · Picture: Jo Rivera, CC-BY-4.0"),
        ("squat.es.yaml", "Inicio · Imagen: Jo"),
    ):
        result = run("build", f"handouts/exercises/{name}", "--layout", "cards-a6", "-o", "out/")
        assert result.exit_code == 0, result.stderr
        printed = " ".join(pdf_text(here / "out" / name.replace(".yaml", ".pdf")).split())
        assert said in printed, printed
    own = text.replace("license: CC-BY-4.0\n", "license: own\n")
    squat.write_text(own, encoding="utf-8")
    assert run("build", "handouts/exercises/squat.yaml", "--layout", "cards-a6", "-o", "out/").exit_code == 0
    assert "Picture:" not in pdf_text(here / "out" / "squat.pdf")
