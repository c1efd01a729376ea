"""Hostile and unlucky input in every entry point: located errors, no traceback, no file written;
and the API is safe to call from many threads and after a change of folder."""

from __future__ import annotations

import concurrent.futures
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

import handoutgen
from conftest import GLUTE, MINIMAL, REPO, copy_examples, pdf_text, run, use_picture_file, write
from handoutgen.authoring.watch import Watcher
from handoutgen.errors import HandoutError

CONTROL = {"NUL": "\x00", "ESC": "\x1b", "form feed": "\x0c", "DEL": "\x7f", "next line": "\x85", "U+2028": "\u2028"}


@pytest.fixture
def here(project: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    copy_examples(project)
    monkeypatch.chdir(project)
    return project


def spoil(path: Path, old: str, char: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, old[:2] + char + old[2:], 1), encoding="utf-8")


def position_of(path: Path, words: str) -> str:
    """line:column of the character `spoil` put two characters into `words`."""
    lines = path.read_text(encoding="utf-8").split("\n")
    number, line = next((n, line) for n, line in enumerate(lines, start=1) if words[2:] in line)
    return f"{number}:{line.index(words[2:])}"


@pytest.mark.parametrize("name", sorted(CONTROL))
@pytest.mark.parametrize(
    ("file", "words", "target"),
    [
        ("handouts/glute-soreness.yaml", "Sore glutes", "handouts/glute-soreness.yaml"),
        ("handouts/decks/glute-stretches.yaml", "title:", "handouts/decks/glute-stretches.yaml"),
        ("handouts/programs/glute-rehab.yaml", "patient:", "handouts/programs/glute-rehab.yaml"),
        ("handouts/exercises/squat.yaml", "name:", "handouts/glute-soreness.yaml"),  # used by the handout
        ("layouts/riverside-clinic.yaml", "brand:", "handouts/glute-soreness.yaml"),
    ],
)
def test_control_characters_are_located_errors_everywhere(here: Path, name: str, file: str, words: str, target: str):
    path = here / file
    spoil(path, words, CONTROL[name])
    where = position_of(path, words)
    layout = ["-l", "layouts/riverside-clinic.yaml"] if file.startswith("layouts") else []
    for command in (["build", target, "-o", "out/x.pdf", *layout], ["validate", target, *layout], ["lint", target]):
        if command[0] == "lint" and layout:
            command += layout
        result = run(*command)
        assert result.exit_code == 2, (command, result.output)
        assert "Traceback" not in result.output + result.stderr
        assert f"{file}:{where}: error: the file contains a control character" in result.stderr, result.stderr
        assert CONTROL[name] not in result.stderr  # shown as an escape, never sent raw to the terminal
    assert not (here / "out").exists()


def test_a_broken_library_file_is_a_warning_where_it_is_not_used(here: Path) -> None:
    spoil(here / "handouts" / "exercises" / "clamshell.yaml", "name:", "\x00")
    handout = run("build", "handouts/glute-soreness.yaml", "-o", "out/h.pdf")  # squat, lunge, hip thrust
    assert handout.exit_code == 0, handout.stderr
    assert "handouts/exercises/clamshell.yaml:" in handout.stderr and "warning: library file not used" in handout.stderr
    assert (here / "out" / "h.pdf").exists()
    programme = run("build", "handouts/programs/glute-rehab.yaml", "-o", "out/p.pdf")  # uses the clamshell
    assert programme.exit_code == 2
    assert "handouts/exercises/clamshell.yaml:" in programme.stderr and "error: the file contains" in programme.stderr
    assert not (here / "out" / "p.pdf").exists()


def test_watch_reports_a_control_character_and_keeps_going(here: Path) -> None:
    messages: list[str] = []
    watcher = Watcher((Path("handouts/glute-soreness.yaml"),), None, Path("out"), say=messages.append)
    spoil(here / "handouts" / "glute-soreness.yaml", "Sore glutes", "\x1b")
    watcher.changed({Path("handouts/glute-soreness.yaml")})
    assert any("control character (U+001B ESC)" in m for m in messages)


def test_every_problem_of_a_file_in_one_run(here: Path) -> None:
    text = MINIMAL + (
        "      - bulets: [a]\n"  # an unknown block kind
        "      - image: {path: images/none.png, alt: A missing picture}\n"  # a picture that is not there
        "      - text: A smile 😀 here.\n"  # a character the font lacks
        "      - exercises: [squat, squatt]\n"  # an unknown exercise
        "  - title: [not, text]\n"  # a wrong type
    )
    write(here / "handouts" / "many.yaml", text)
    result = run("validate", "handouts/many.yaml")
    assert result.exit_code == 2
    for where, words in [
        ("9:9", "unknown block kind `bulets`"),
        ("10:23", "picture `images/none.png` not found"),
        ("11:15", "cannot print `😀`"),
        ("12:28", "unknown exercise `squatt`"),
        ("13:12", "must be text"),
    ]:
        line = next(
            line for line in result.stderr.splitlines() if line.startswith(f"handouts/many.yaml:{where}: error:")
        )
        assert words in line, (words, result.stderr)


@pytest.mark.parametrize(
    ("block", "where", "words"),
    [
        ('      - qr: {url: "https://example.org/' + "a" * 300 + '", label: Long}\n', "9:19", "at most 300"),
        ("      - text: " + "x" * 10_000 + "\n", "9:15", "10,000 characters long; it may be at most 2,000"),
        ("      - text: A " + "y" * 41 + " word.\n", "9:15", "a word of 41 letters"),
        ("      - image: {path: " + "d" * 300 + "/a.png, alt: Deep path}\n", "9:23", "longer than 255 bytes"),
        ("      - image: {path: " + "d/" * 2100 + "a.png, alt: Deep path}\n", "9:23", "4,205 characters long"),
    ],
)
def test_limits_fail_early_at_the_value(here: Path, block: str, where: str, words: str) -> None:
    write(here / "handouts" / "h.yaml", MINIMAL + block)
    result = run("build", "handouts/h.yaml", "-o", "out/h.pdf")
    assert result.exit_code == 2, result.output
    assert f"handouts/h.yaml:{where}: error:" in result.stderr and words in result.stderr, result.stderr
    assert "Traceback" not in result.stderr and not (here / "out").exists()


def test_a_picture_that_is_a_symlink_loop(here: Path) -> None:
    (here / "handouts" / "images" / "loop.png").symlink_to("loop.png")
    write(here / "handouts" / "h.yaml", MINIMAL + "      - image: {path: images/loop.png, alt: A loop}\n")
    result = run("build", "handouts/h.yaml", "-o", "out/h.pdf")
    assert result.exit_code == 2 and "handouts/h.yaml:9:23: error: picture `images/loop.png`" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_title_of_two_thousand_words_is_refused_at_once(here: Path) -> None:
    write(here / "handouts" / "h.yaml", MINIMAL.replace("A sample handout", "Glutes " * 2000))
    start = time.perf_counter()
    result = run("build", "handouts/h.yaml", "-o", "out/h.pdf")
    assert result.exit_code == 2 and "handouts/h.yaml:2:8: error: `title` is 13,999 characters long" in result.stderr
    assert time.perf_counter() - start < 5  # it took 30 to 50 s to lay out before


def test_a_part_too_big_for_any_page_is_named_at_its_block(here: Path) -> None:
    write(here / "layouts" / "small.yaml", "extends: large-print\npage: {size: a5}\n")
    box = "      - text: Fine.\n      - callout: {tone: warning, text: " + "Very long warning text. " * 41 + "}\n"
    write(here / "handouts" / "h.yaml", MINIMAL + box)
    result = run("build", "handouts/h.yaml", "-l", "layouts/small.yaml", "-o", "out/h.pdf")
    assert result.exit_code == 2, result.output
    assert "handouts/h.yaml:10:9: error: this part of the document is too big to fit on one page" in result.stderr


@pytest.mark.parametrize("value", ["abc", "12.5", "-5", "1e9", "\u0661\u0662\u0663", "\u00b2", "1_000"])
def test_a_bad_source_date_epoch_is_reported_before_reportlab_reads_it(here: Path, monkeypatch, value: str):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", value)
    for args in (
        ["build", "handouts/glute-soreness.yaml", "-o", "out/h.pdf"],
        ["build", "handouts/decks/glute-stretches.yaml", "-o", "out/d.pdf"],
    ):
        result = run(*args)
        assert result.exit_code == 2 and f"SOURCE_DATE_EPOCH is `{value}`" in result.stderr, result.output
    assert not (here / "out").exists()


def test_a_blank_source_date_epoch_is_unset_as_reportlab_reads_it(here: Path, monkeypatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", " ")
    blank = run("build", "handouts/glute-soreness.yaml", "-o", "out/blank.pdf")
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    unset = run("build", "handouts/glute-soreness.yaml", "-o", "out/unset.pdf")
    assert blank.exit_code == unset.exit_code == 0, blank.stderr
    assert (here / "out" / "blank.pdf").read_bytes() == (here / "out" / "unset.pdf").read_bytes()


def test_preview_refuses_a_picture_of_billions_of_pixels(here: Path) -> None:
    write(here / "layouts" / "huge.yaml", "extends: a4\npage: {size: {width: 1500mm, height: 1500mm}}\n")
    result = run("preview", "handouts/glute-soreness.yaml", "-l", "layouts/huge.yaml", "--dpi", "600")
    assert result.exit_code == 2
    assert "the limit is 60 million pixels" in result.stderr and "use --dpi" in result.stderr
    assert not (here / "out" / "preview").exists()


def test_stale_temporary_files_of_a_killed_build_are_swept(here: Path) -> None:
    out = here / "out"
    write(here / "handouts" / "h.yaml", MINIMAL)
    # A build killed with kill -9 in the middle of writing:
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    child.kill()
    child.wait()
    from handoutgen.output import _HOST

    out.mkdir()
    dead = out / f".h.pdf.{_HOST}-{child.pid}-abcd1234.part"
    live = out / f".x.pdf.{_HOST}-{os.getpid()}-abcd1234.part"  # a build still running keeps its file
    old_style = out / ".old.pdf.k3j4h5g6.part"
    other = out / ".notes.part"  # not ours
    for path in (dead, live, old_style, other):
        path.write_bytes(b"%PDF-1.4 half")
    hour_ago = time.time() - 7200
    os.utime(old_style, (hour_ago, hour_ago))
    result = run("build", "handouts/h.yaml", "-o", "out/h.pdf")
    assert result.exit_code == 0
    assert not dead.exists() and not old_style.exists()
    assert live.exists() and other.exists()


def test_a_file_of_an_earlier_process_with_the_same_number_is_swept(here: Path) -> None:
    """In a container every first process is number 1, so a retried job's process has the number
    of the one that was killed: the start time in the name tells them apart."""
    from handoutgen.output import _HOST, _owner, _started

    write(here / "handouts" / "h.yaml", MINIMAL)
    out = here / "out"
    out.mkdir()
    me = os.getpid()
    earlier = out / f".h.pdf.{_HOST}-{me}-{(_started(me) or 5) - 1}-abcd1234.part"  # my number, not me
    mine = out / f".x.pdf.{_owner()}-abcd1234.part"
    journal = out / f".x.manifest.jsonl.{_HOST}-{me}-1-journal.part"
    for path in (earlier, mine, journal):
        path.write_bytes(b"half")
    assert run("build", "handouts/h.yaml", "-o", "out/h.pdf").exit_code == 0
    assert mine.exists()
    if _started(me) is not None:  # Linux: the start time can be read
        assert not earlier.exists() and not journal.exists()


def test_the_api_is_safe_in_threads() -> None:
    reference = handoutgen.build(GLUTE)  # 4 pages, 6 SVG pictures

    def build(_: int) -> bytes:
        pdf = handoutgen.build(GLUTE)
        assert handoutgen.check(pdf, content=GLUTE).ok
        return pdf

    with concurrent.futures.ThreadPoolExecutor(8) as pool:
        results = list(pool.map(build, range(32)))
    assert all(pdf == reference for pdf in results)


def test_caches_follow_the_folder_not_the_name(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Two projects with the same file names and times: after a chdir, the second one's exercise."""
    first, second = tmp_path / "one", tmp_path / "two"
    for project in (first, second):
        copy_examples(project)
    squat = second / "handouts" / "exercises" / "squat.yaml"
    stat = squat.stat()
    squat.write_text(squat.read_text().replace("name: Squat", "name: Chair squat"))
    os.utime(squat, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # same time, same name
    monkeypatch.chdir(first)
    assert "Chair squat" not in pdf_text(handoutgen.build(Path("handouts/exercises/squat.yaml"), "cards-a6"))
    monkeypatch.chdir(second)
    assert "Chair squat" in pdf_text(handoutgen.build(Path("handouts/exercises/squat.yaml"), "cards-a6"))


def test_validate_of_a_damaged_checkout_never_crashes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copytree(REPO / "handouts", tmp_path / "handouts")
    for path in (tmp_path / "handouts").rglob("*.yaml"):
        path.write_bytes(path.read_bytes()[: len(path.read_bytes()) // 3])
    monkeypatch.chdir(tmp_path)
    result = run("validate", "handouts")
    assert result.exit_code == 2 and "Traceback" not in result.stderr
    for path in sorted((tmp_path / "handouts").rglob("*.yaml")):
        try:  # the API says the same: valid, or HandoutError, nothing else
            handoutgen.validate(path)
        except HandoutError as error:
            assert all(problem.where is not None for problem in error.problems), error


def test_a_library_picture_swapped_after_the_first_build_is_checked_again(project: Path) -> None:
    copy_examples(project)
    images = project / "handouts" / "images"
    (images / "safe.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="90" height="60"><rect width="90" height="60"/></svg>'
    )
    (images / "unsafe.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="90" height="60"><script>x()</script></svg>'
    )
    link = images / "bridge.svg"
    link.symlink_to("safe.svg")
    bridge = project / "handouts" / "exercises" / "glute-bridge.yaml"
    use_picture_file(bridge, "start", "../images/bridge.svg")
    deck = project / "handouts" / "decks" / "glute-stretches.yaml"
    handoutgen.build(deck, layout="cards-a6")
    link.unlink()
    link.symlink_to("unsafe.svg")
    with pytest.raises(HandoutError, match="contains a script"):
        handoutgen.build(deck, layout="cards-a6")


def test_the_exercise_library_never_comes_from_outside_the_project(tmp_path: Path) -> None:
    outside = tmp_path / "exercises"  # beside the project, not in it
    copy_examples(tmp_path / "elsewhere")
    shutil.copytree(tmp_path / "elsewhere" / "handouts" / "exercises", outside)
    project = tmp_path / "clinic"
    project.mkdir()
    deck = REPO / "handouts" / "decks" / "glute-stretches.yaml"
    write(project / "deck.yaml", deck.read_text())
    with pytest.raises(HandoutError, match="unknown exercise `pigeon-pose`"):
        handoutgen.build(project / "deck.yaml")
    (project / "handouts").mkdir()
    (project / "handouts" / "exercises").symlink_to(outside)
    with pytest.raises(HandoutError, match="unknown exercise `pigeon-pose`"):
        handoutgen.build(project / "deck.yaml")


def test_a_library_file_linked_from_outside_the_project_is_never_read(project: Path) -> None:
    copy_examples(project)
    outside = project.parent / "outside-exercise.yaml"
    outside.write_text((project / "handouts" / "exercises" / "squat.yaml").read_text().replace("Squat", "SECRET"))
    link = project / "handouts" / "exercises" / "evil.yaml"
    link.symlink_to(outside)
    deck = write(project / "handouts" / "decks" / "d.yaml", "deck: d\ntitle: D\nlanguage: en\nexercises: [evil]\n")
    with pytest.raises(HandoutError) as caught:
        handoutgen.build(deck)
    message = caught.value.problems[0].format()
    assert "d.yaml:4:13" in message and "is a link to a file outside the project folder" in message
    assert "SECRET" not in message
    assert handoutgen.build(project / "handouts" / "decks" / "glute-stretches.yaml")  # the rest still builds


@pytest.mark.parametrize(
    ("layout", "words"),
    [
        ('brand: {logo: "images/x\\0.png"}', "holds a NUL character"),
        ("columns: 99999999999999999999999999999999", "is far too large"),
    ],
)
def test_impossible_values_are_located_errors(layout: str, words: str, here: Path) -> None:
    write(here / "layouts" / "t.yaml", f"extends: a4\n{layout}\n")
    result = run("build", "handouts/glute-soreness.yaml", "-l", "layouts/t.yaml", "-o", "out/t.pdf")
    assert result.exit_code == 2 and "layouts/t.yaml:2:" in result.stderr and words in result.stderr
    assert "Traceback" not in result.stderr and not (here / "out").exists()


def test_a_pipe_where_a_picture_should_be_is_named_as_such(here: Path) -> None:
    os.mkfifo(here / "handouts" / "images" / "p.png")
    write(here / "handouts" / "h.yaml", MINIMAL + "      - image: {path: images/p.png, alt: A picture}\n")
    result = run("build", "handouts/h.yaml", "-o", "out/h.pdf")
    assert result.exit_code == 2 and "is not a regular file" in result.stderr


def test_paths_through_a_file_say_which_part_is_a_file(here: Path) -> None:
    (here / "notes").write_text("x")
    result = run("build", "handouts/glute-soreness.yaml", "-o", "notes/h.pdf")
    assert result.exit_code == 2 and "notes is a file, not a folder" in result.stderr


def test_preview_draws_at_most_200_pages_a_run(here: Path) -> None:
    from pypdf import PdfWriter

    writer = PdfWriter()
    for _ in range(201):
        writer.add_blank_page(100, 100)
    writer.write(here / "many.pdf")
    result = run("preview", "many.pdf", "--pages", "all", "-o", "out/p")
    assert result.exit_code == 2 and "one run draws at most 200" in result.stderr
    assert not (here / "out").exists()
    assert run("preview", "out.html").exit_code == 2


def test_the_api_names_wrong_argument_types(here: Path) -> None:
    for wrong in (None, 42, b"handouts/glute-soreness.yaml"):
        with pytest.raises(TypeError, match="must be a path"):
            handoutgen.build(wrong)
    with pytest.raises(HandoutError, match="NUL"):
        handoutgen.build("handouts/glute\0.yaml")
    pdf = handoutgen.build("handouts/glute-soreness.yaml")
    assert handoutgen.check(bytearray(pdf)).ok and handoutgen.check(memoryview(pdf)).ok


def test_the_stale_sweep_leaves_a_users_own_part_files(here: Path) -> None:
    from handoutgen.output import sweep_stale

    out = here / "out"
    out.mkdir()
    mine = out / ".notes.abcdefgh.part"
    mine.write_text("my notes")
    ours = out / ".h.pdf.abcdefgh.part"
    ours.write_bytes(b"%PDF-")
    old = time.time() - 2 * 3600
    for path in (mine, ours):
        os.utime(path, (old, old))
    assert sweep_stale([out]) == [ours]
    assert mine.read_text() == "my notes"


@pytest.mark.parametrize("value", ["\u0662\u0660mm", "\uff12\uff10mm"])
def test_only_ascii_digits_make_a_length(value: str, here: Path) -> None:
    write(here / "layouts" / "t.yaml", f"extends: a4\npage: {{margins: '{value}'}}\n")
    result = run("validate", "layouts/t.yaml")
    assert result.exit_code == 2 and "layouts/t.yaml:2:" in result.stderr


@pytest.mark.parametrize("name", ["", " ", "x" * 101])
def test_init_refuses_a_name_its_project_could_not_print(name: str, tmp_path: Path) -> None:
    result = run("init", tmp_path / "p", "--name", name)
    assert result.exit_code == 2 and "Traceback" not in result.stderr and not (tmp_path / "p").exists()


def test_new_never_writes_through_a_dangling_link(here: Path) -> None:
    outside = here.parent / "written-outside.yaml"
    (here / "handouts" / "knee.yaml").symlink_to(outside)
    result = run("new", "handout", "knee")
    assert result.exit_code == 2 and "already exists" in result.stderr and not outside.exists()
