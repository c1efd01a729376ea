"""The author's commands: init, new, list, preview, schema."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

import handoutgen
from conftest import run


def test_init_makes_a_project_that_builds_and_checks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    result = run("init", tmp_path / "clinic", "--name", "Harbour Physio")
    assert result.exit_code == 0, result.stderr
    assert "created" in result.output and "handoutgen build" in result.output
    monkeypatch.chdir(tmp_path / "clinic")
    result = run("build", "-l", "layouts/clinic.yaml")
    assert result.exit_code == 0, result.output + result.stderr
    built = sorted(p.name for p in Path("out").glob("*.pdf"))
    assert built == ["example-programme.pdf", "knee-pain-basics.pdf", "warm-up-cards.pdf"]
    assert handoutgen.check(Path("out/knee-pain-basics.pdf")).ok
    from pypdf import PdfReader

    assert "Harbour Physio" in PdfReader("out/knee-pain-basics.pdf").pages[0].extract_text()
    assert run("validate", "handouts", "layouts").exit_code == 0
    assert sorted(p.name for p in Path("schemas").iterdir())[:2] == ["deck.schema.json", "exercise.schema.json"]
    assert run("init", ".").exit_code == 2  # not empty
    assert "out/" in Path(".gitignore").read_text()  # built files are not committed


@pytest.mark.parametrize(
    ("name", "message"),
    [("\u4e2d\u6587 Physio", "the fonts cannot print: `\u4e2d`"), ("Harbour\u200bPhysio", "invisible characters")],
)
def test_init_refuses_a_name_it_cannot_print(name: str, message: str, tmp_path: Path) -> None:
    result = run("init", tmp_path / "clinic", "--name", name)
    assert result.exit_code == 2 and message in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "clinic").exists()


def test_init_where_it_cannot_write_leaves_nothing(tmp_path: Path) -> None:
    (tmp_path / "a-file").write_text("x")
    result = run("init", tmp_path / "a-file" / "clinic")
    assert result.exit_code == 2 and "cannot make" in result.stderr and "Traceback" not in result.stderr
    result = run("init", tmp_path / "a-file")
    assert result.exit_code == 2 and "is a file" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a-file"]


@pytest.mark.parametrize("kind", ["handout", "exercise", "deck", "program", "layout"])
def test_new_templates_validate(kind: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    run("init", tmp_path / "p")
    monkeypatch.chdir(tmp_path / "p")
    result = run("new", kind, "My New Thing")
    assert result.exit_code == 0, result.stderr
    created = Path(result.output.split("created ", 1)[1].strip())
    assert created.name == "my-new-thing.yaml" and created.read_text().startswith("# yaml-language-server:")
    assert run("validate", created).exit_code == 0, run("validate", created).stderr
    again = run("new", kind, "My New Thing")
    assert again.exit_code == 2 and "already exists" in again.stderr


def test_list_shows_layouts_and_content(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    run("init", tmp_path / "p")
    monkeypatch.chdir(tmp_path / "p")
    output = run("list").output
    assert "cards-wallet" in output and "large-print" in output
    assert "handout   knee-pain-basics" in output and "exercise  squat" in output


def test_preview_writes_pngs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    run("init", tmp_path / "p")
    monkeypatch.chdir(tmp_path / "p")
    result = run("preview", "handouts/knee-pain-basics.yaml", "--dpi", "50", "--pages", "all", "-o", "pv")
    assert result.exit_code == 0, result.stderr
    image = Image.open("pv/knee-pain-basics-1.png")
    assert abs(image.size[0] - 595.28 * 50 / 72) <= 1 and abs(image.size[1] - 841.89 * 50 / 72) <= 1
    assert image.convert("L").getextrema()[0] < 100  # there is dark text on the page
    assert run("preview", "handouts/knee-pain-basics.yaml", "--pages", "3").exit_code == 2
    assert run("preview", "handouts/knee-pain-basics.yaml", "--pages", "x").exit_code == 2


def test_shell_completion_offers_commands_and_layouts() -> None:
    import os
    import subprocess
    import sys

    def complete(words: str) -> str:
        env = {
            **os.environ,
            "_HANDOUTGEN_COMPLETE": "bash_complete",
            "COMP_WORDS": words,
            "COMP_CWORD": str(len(words.split()) - (0 if words.endswith(" ") else 1)),
        }
        return subprocess.run([sys.executable, "-m", "handoutgen"], env=env, capture_output=True, text=True).stdout

    assert "plain,build" in complete("handoutgen bu")
    assert "plain,cards-a6" in complete("handoutgen build --layout cards-a")
    script = subprocess.run(
        [sys.executable, "-m", "handoutgen"],
        capture_output=True,
        text=True,
        env={**os.environ, "_HANDOUTGEN_COMPLETE": "zsh_source"},
    ).stdout
    assert "compdef handoutgen" in script


def test_init_in_the_current_empty_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = run("init", ".", "--name", "Dot Clinic")
    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        ".gitignore",
        "README.md",
        "handoutgen.yaml",
        "handouts",
        "layouts",
        "schemas",
    ]
    assert run("build").exit_code == 0  # the project file names the clinic's layout


def test_new_cards_explains_two_sided_printing_at_home(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from conftest import copy_examples

    copy_examples(project)
    monkeypatch.chdir(project)
    help_text = " ".join(run("new", "--help").stdout.split())
    assert "`new cards NAME`: a card layout for two-sided printing at home" in help_text
    result = run("new", "cards", "Home printer")
    assert result.exit_code == 0 and "created layouts/home-printer.yaml" in result.stdout
    text = (project / "layouts" / "home-printer.yaml").read_text(encoding="utf-8")
    for words in ("flip on long edge", "print the even pages (backs)", "handoutgen calibrate", "back_offset"):
        assert words in text, words
    built = run("build", "handouts/decks/glute-stretches.yaml", "-l", "layouts/home-printer.yaml", "-o", "c.pdf")
    assert built.exit_code == 0, built.stderr
    assert run("calibrate", "--layout", "layouts/home-printer.yaml", "-o", "cal.pdf").exit_code == 0
