"""The project file, handoutgen.yaml: found as git finds .git, read by every command, its
mistakes reported like content's."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import FIGURE, REPO, pdf_text, reader, run, write


@pytest.fixture
def clinic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A repository with folder names of its own: content/, brand/ and assets/ for pictures."""
    content = tmp_path / "content"
    shutil.copytree(REPO / "handouts" / "exercises", content / "exercises")
    (tmp_path / "assets" / "images").mkdir(parents=True)
    shutil.copy(FIGURE, tmp_path / "assets" / "images" / "squat-start.svg")
    for source in ("glute-soreness.yaml", "decks/glute-stretches.yaml"):
        text = (REPO / "handouts" / source).read_text()
        write(content / Path(source).name, text)
    for exercise in (content / "exercises").glob("*.yaml"):  # pictures live in assets/, beside content/
        exercise.write_text(exercise.read_text().replace("../images/", "../../assets/images/"))
    shutil.copytree(REPO / "layouts", tmp_path / "brand")
    write(
        tmp_path / "handoutgen.yaml",
        """\
        project: Riverside handouts
        content: [content]
        layout: brand/riverside-clinic.yaml
        card_layout: cards-wallet
        output: build
        formats: [pdf, html]
        """,
    )
    (tmp_path / "content" / "drafts").mkdir()
    monkeypatch.chdir(tmp_path / "content" / "drafts")  # deep inside, as an author often is
    return tmp_path


def test_one_build_uses_the_projects_folders_layouts_output_and_formats(clinic: Path) -> None:
    result = run("build")
    assert result.exit_code == 0, result.stderr
    built = sorted(p.name for p in (clinic / "build").iterdir())
    assert built == ["glute-soreness.html", "glute-soreness.pdf", "glute-stretches.html", "glute-stretches.pdf"]
    handout = clinic / "build" / "glute-soreness.pdf"
    assert "Riverside Physio" in pdf_text(handout)  # the clinic's layout, not the plain a4
    cards = reader(clinic / "build" / "glute-stretches.pdf")
    wallet = handoutgen_layout("cards-wallet")
    assert (round(float(cards.pages[0].mediabox.width)), round(float(cards.pages[0].mediabox.height))) == wallet
    assert not (clinic / "content" / "drafts" / "out").exists()


def handoutgen_layout(name: str) -> tuple[int, int]:
    from handoutgen.resolve.layouts import load_layout

    width, height = load_layout(name).page.dimensions()
    return round(width), round(height)


def test_the_command_line_still_wins(clinic: Path) -> None:
    result = run("build", "../glute-soreness.yaml", "-l", "a4", "-o", "mine", "--format", "pdf")
    assert result.exit_code == 0, result.stderr
    assert [p.name for p in Path("mine").iterdir()] == ["glute-soreness.pdf"]
    assert "Riverside Physio" not in pdf_text(Path("mine") / "glute-soreness.pdf")


def test_every_command_reads_it(clinic: Path) -> None:
    assert run("validate", "..").exit_code == 0
    assert "brand/riverside-clinic.yaml (layout)" in run("validate", "..").stdout
    assert run("lint").exit_code in (0, 1)  # it found the content folders on its own
    result = run("preview", "../glute-soreness.yaml", "--pages", "1", "-o", "png")
    assert result.exit_code == 0, result.stderr
    assert (Path("png") / "glute-soreness-1.png").is_file()
    other = run("--project", str(clinic / "handoutgen.yaml"), "build", "../glute-soreness.yaml", "-o", "x")
    assert other.exit_code == 0 and (Path("x") / "glute-soreness.html").is_file()


def test_pictures_may_live_anywhere_in_the_project_but_not_outside_it(clinic: Path) -> None:
    result = run("build", "../glute-soreness.yaml", "--format", "pdf", "-o", "ok.pdf")
    assert result.exit_code == 0, result.stderr  # content/ pictures from assets/: one project
    outside = clinic.parent / f"{clinic.name}-elsewhere.svg"
    shutil.copy(clinic / "assets" / "images" / "squat-start.svg", outside)
    write(
        clinic / "content" / "away.yaml",
        f"""\
        handout: away
        title: Away
        language: en
        reviewed: 2026-11-01
        sections:
          - title: A picture
            blocks:
              - image: {{path: ../../{outside.name}, alt: A squat}}
        """,
    )
    result = run("build", "../away.yaml")
    assert result.exit_code == 2 and f"is outside the project folder {clinic}" in result.stderr
    outside.unlink()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("project: X\ncontnet: [content]\n", "handoutgen.yaml:2:1: error: unknown key `contnet`"),
        ("project: X\nformats: [pdf, docx]\n", "handoutgen.yaml:2:16: error:"),
        ("project: X\nlayout: brand/nowhere.yaml\n", "handoutgen.yaml:2:9: error: `layout`: there is no layout"),
        ("project: X\noutput: [a, b]\n", "handoutgen.yaml:2:9: error:"),
        ("content: [content]\n", "a project file starts with `project: <name>`"),
        ("project: X\n\x1b[31m: y\n", "handoutgen.yaml:2:1: error:"),
    ],
)
def test_a_bad_project_file_is_reported_at_its_line(clinic: Path, text: str, message: str) -> None:
    (clinic / "handoutgen.yaml").write_text(text)
    for command in (["build"], ["validate", ".."], ["lint"]):
        result = run(*command)
        assert result.exit_code == 2, (command, result.stderr)
        assert message in result.stderr and "Traceback" not in result.stderr, result.stderr
    assert not (clinic / "build").exists()


def test_a_named_project_file_must_exist(clinic: Path) -> None:
    result = run("--project", "nowhere.yaml", "build")
    assert result.exit_code == 2 and "--project nowhere.yaml: no such file" in result.stderr


@pytest.mark.parametrize(
    ("lines", "message"),
    [
        (
            "output: /tmp/elsewhere\n",
            "handoutgen.yaml:2:9: error: `output`: /tmp/elsewhere is outside the project folder",
        ),
        ("output: ../escaped\n", "handoutgen.yaml:2:9: error: `output`: ../escaped is outside the project folder"),
        ("content: [content]\noutput: content/x\n", "handoutgen.yaml:3:9: error: `output`: content/x is inside"),
        ("output: handoutgen.yaml\n", "`output`: handoutgen.yaml is a file, not a folder"),
        ("content: [nothere]\n", "handoutgen.yaml:2:11: error: `content`: there is no folder nothere"),
        ("content: [/etc]\n", "handoutgen.yaml:2:11: error: `content`: /etc is outside the project folder"),
        ("content: [content, ./content]\n", "handoutgen.yaml:2:20: error: `content`: ./content is already among"),
        ("card_layout: a4\n", "handoutgen.yaml:2:14: error: `card_layout`: `a4` is a page layout, not a card layout"),
    ],
)
def test_project_folders_and_layouts_are_checked_at_their_line(clinic: Path, lines: str, message: str) -> None:
    (clinic / "handoutgen.yaml").write_text("project: X\n" + lines)
    result = run("build")
    assert result.exit_code == 2 and message in result.stderr, result.stderr
    assert not (clinic / "build").exists() and not list(clinic.glob("content/*.pdf"))


@pytest.mark.parametrize("kind", ["folder", "broken link"])
def test_a_project_file_that_is_not_a_file_is_an_error_not_skipped(clinic: Path, kind: str) -> None:
    inner = clinic / "content" / "drafts" / "handoutgen.yaml"
    if kind == "folder":
        inner.mkdir()
    else:
        inner.symlink_to(clinic / "nowhere.yaml")
    result = run("build")
    assert result.exit_code == 2, result.stderr
    assert f"the project file is a {'folder' if kind == 'folder' else 'link to nothing'}" in result.stderr
    assert not (clinic / "build").exists()  # the project above was not used instead


def test_json_reports_a_bad_project_file(clinic: Path) -> None:
    import json

    (clinic / "handoutgen.yaml").write_text("project: X\ncontnet: [content]\n")
    for command in (["build", "--json"], ["validate", "..", "--json"]):
        result = run(*command)
        assert result.exit_code == 2
        (problem,) = json.loads(result.stdout)["errors"]
        assert problem["line"] == 2 and "unknown key `contnet`" in problem["message"]
