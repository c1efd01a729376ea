"""A merge batch's manifest and --resume: every row accounted for, unchanged rows kept."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import pytest

from conftest import copy_examples, editions, reader, run, use_picture_file, write
from handoutgen.environment import usable_cores

TEMPLATE = "handouts/programs/glute-rehab-template.yaml"
HEADER = "id,patient,clinician,date,review_date\n"
ROWS = "".join(f"p{i},Patient {i},Sam Patel,2026-11-2{i},2026-12-1{i}\n" for i in range(1, 5))
MANIFEST = Path("out/glute-rehab-template.manifest.jsonl")


@pytest.fixture
def batch(project: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    copy_examples(project)
    write(project / "rows.csv", HEADER + ROWS)
    monkeypatch.chdir(project)
    return project


def build(*extra: str):
    return run("build", TEMPLATE, "--data", "rows.csv", "-o", "out/{{ id }}.pdf", *extra)


def lines(path: Path = MANIFEST) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def stamps(folder: Path) -> dict[str, int]:
    return {p.name: p.stat().st_mtime_ns for p in editions(folder)}


def test_the_manifest_has_a_line_per_row_saying_what_became_of_it(batch: Path) -> None:
    write(batch / "rows.csv", HEADER + ROWS + 'p5,"Unclosed,Sam Patel,2026-11-20,2026-12-18\n')
    result = build()
    assert result.exit_code == 1
    assert "built 4 of 5 rows from rows.csv; 1 row failed (see above); manifest out/" in result.stderr
    entries = lines()
    assert [e["row"] for e in entries] == [1, 2, 3, 4, 5]
    for entry, pdf in zip(entries[:4], editions(batch / "out"), strict=True):
        assert entry["status"] == "built" and entry["message"] == ""
        assert entry["output"] == f"out/{pdf.name}"
        assert entry["sha256"] == hashlib.sha256(pdf.read_bytes()).hexdigest()
        assert entry["pages"] == len(reader(pdf).pages) and entry["language"] == "en"
        assert len(entry["key"]) == 64
    bad = entries[4]
    assert bad["status"] == "failed" and bad["output"] is None and bad["sha256"] is None
    assert "rows.csv:6:1: error:" in bad["message"] and "quote" in bad["message"]
    assert len({e["key"] for e in entries[:4]}) == 4  # each row's values are in its key
    assert not list((batch / "out").glob(".*")), "no journal or half-written file is left"


def test_a_row_that_cannot_be_printed_is_in_the_manifest_with_why(batch: Path) -> None:
    write(batch / "rows.csv", HEADER + "p1,王小明,Sam Patel,2026-11-20,2026-12-18\n" + ROWS.splitlines(True)[1])
    result = build()
    assert result.exit_code == 1
    failed, built = lines()
    assert failed["status"] == "failed" and failed["output"] is None
    assert "glute-rehab-template.yaml:6:10: error: the font Noto Sans cannot print `王`" in failed["message"]
    assert built["status"] == "built" and built["row"] == 2


def test_resume_keeps_unchanged_rows_and_builds_what_changed(batch: Path) -> None:
    assert build().exit_code == 0
    first = lines()
    before = stamps(batch / "out")
    result = build("--resume")
    assert result.exit_code == 0 and "built 0 and kept 4 unchanged of 4 rows" in result.output
    assert stamps(batch / "out") == before and lines() == first

    (batch / "out" / "p2.pdf").unlink()  # a file gone
    (batch / "out" / "p3.pdf").write_bytes(b"%PDF-1.4 not ours")  # a file changed
    write(batch / "rows.csv", HEADER + ROWS.replace("Patient 4", "Patient Four"))  # a row's values
    result = build("--resume")
    assert "built 3 and kept 1 unchanged of 4 rows" in result.output, result.output
    assert stamps(batch / "out")["p1.pdf"] == before["p1.pdf"]
    after = lines()
    assert after[:3] == first[:3]  # the same inputs give the same bytes and the same lines
    assert after[3]["key"] != first[3]["key"] and after[3]["sha256"] != first[3]["sha256"]


def test_resume_rebuilds_every_row_when_a_file_they_use_changes(batch: Path) -> None:
    picture = batch / "handouts" / "images" / "clamshell-end.svg"
    picture.write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="90" height="60"><rect width="90" height="60"/></svg>\n',
        encoding="utf-8",
    )
    use_picture_file(batch / "handouts" / "exercises" / "clamshell.yaml", "end", "../images/clamshell-end.svg")
    assert build().exit_code == 0
    exercise = batch / "handouts" / "exercises" / "squat.yaml"
    exercise.touch()  # a new time alone changes nothing
    assert "kept 4 unchanged" in build("--resume").output
    exercise.write_text(exercise.read_text(encoding="utf-8").replace("Stand", "Stand up", 1), encoding="utf-8")
    result = build("--resume")
    assert "built 4 of 4 rows" in result.output, result.output
    picture.write_text(picture.read_text(encoding="utf-8") + "<!-- redrawn -->\n", encoding="utf-8")
    assert "built 4 of 4 rows" in build("--resume").output
    assert "built 4 of 4 rows" in build("--resume", "--layout", "letter").output  # another layout
    assert "built 4 of 4 rows" in build("--resume", "--format", "pdf,html").output
    assert "kept 4 unchanged" in build("--resume", "--format", "pdf,html").output
    entry = lines()[0]
    assert [e["format"] for e in entry["editions"]] == ["pdf", "html"]
    html = batch / entry["editions"][1]["output"]
    assert entry["editions"][1]["sha256"] == hashlib.sha256(html.read_bytes()).hexdigest()


def test_resume_rebuilds_rows_that_failed_before(batch: Path) -> None:
    write(batch / "rows.csv", HEADER + ROWS + "p5,Ragged row,2026-11-20\n")
    assert build().exit_code == 1
    write(batch / "rows.csv", HEADER + ROWS + "p5,Fixed Row,Sam Patel,2026-11-20,2026-12-18\n")
    result = build("--resume")
    assert result.exit_code == 0 and "built 1 and kept 4 unchanged of 5 rows" in result.output
    assert [e["status"] for e in lines()] == ["built"] * 5


def test_resume_reads_past_a_damaged_manifest(batch: Path) -> None:
    assert build().exit_code == 0
    good = MANIFEST.read_text(encoding="utf-8").splitlines()
    MANIFEST.write_text(
        "\n".join([good[0], good[1][:40], "not json", "[1, 2]", '{"row": "x"}', "\x00\xff"]), encoding="utf-8"
    )
    result = build("--resume")
    assert result.exit_code == 0 and "built 3 and kept 1 unchanged of 4 rows" in result.output, result.output
    assert MANIFEST.read_text(encoding="utf-8").splitlines() == good


def test_manifest_option_names_the_file_and_bad_ones_are_clear_errors(batch: Path) -> None:
    result = build("--manifest", "reports/night.jsonl")
    assert result.exit_code == 0 and "manifest reports/night.jsonl" in result.output
    assert len(lines(batch / "reports" / "night.jsonl")) == 4
    (batch / "a-file").write_text("x")
    for bad, message in [
        ("night.csv", "name a .jsonl file"),
        ("rows.csv", "name a .jsonl file"),
        ("a-file/night.jsonl", "a-file is a file, not a folder"),
    ]:
        result = build("--manifest", bad)
        assert result.exit_code == 2, bad
        assert message in result.stderr and "Traceback" not in result.stderr, result.stderr
    (batch / "folder.jsonl").mkdir()
    result = build("--manifest", "folder.jsonl")
    assert result.exit_code == 2 and "'folder.jsonl' is a directory" in result.stderr
    for option in (["--resume"], ["--manifest", "x.jsonl"]):
        result = run("build", "handouts/glute-soreness.yaml", *option)
        assert result.exit_code == 2 and "go with --data" in result.stderr


def test_a_shard_names_its_own_manifest(batch: Path) -> None:
    assert build("--shard", "2/3").exit_code == 0
    manifest = batch / "out" / "glute-rehab-template.manifest-2-of-3.jsonl"
    assert [e["row"] for e in lines(manifest)] == [2]
    write(batch / "rows.csv", HEADER + ROWS)
    result = run("build", TEMPLATE, "--data", "rows.csv", "-o", "out/{{ clinician }}/{{ id }}.pdf")
    assert result.exit_code == 0 and "manifest out/glute-rehab-template.manifest.jsonl" in result.output


def test_jobs_auto_honours_a_cpu_quota(tmp_path: Path) -> None:
    (tmp_path / "cpu.max").write_text("150000 100000\n")  # Kubernetes `limits: {cpu: 1.5}`
    assert usable_cores(tmp_path) == min(2, usable_cores(tmp_path / "none"))
    (tmp_path / "cpu.max").write_text("max 100000\n")
    assert usable_cores(tmp_path) == usable_cores(tmp_path / "none")
    (tmp_path / "cpu.max").write_text("garbage\n")
    assert usable_cores(tmp_path) >= 1
    (tmp_path / "cpu.max").unlink()
    (tmp_path / "cpu").mkdir()
    (tmp_path / "cpu" / "cpu.cfs_quota_us").write_text("50000\n")  # cgroup v1, half a core
    (tmp_path / "cpu" / "cpu.cfs_period_us").write_text("100000\n")
    assert usable_cores(tmp_path) == 1


def test_a_manifest_that_cannot_be_written_is_a_clear_error(batch: Path) -> None:
    result = build("--manifest", "/proc/handoutgen-test.jsonl")
    assert result.exit_code == 2 and "cannot write the manifest /proc/handoutgen-test.jsonl" in result.stderr
    assert "Traceback" not in result.stderr and editions(batch / "out") == []


def test_a_named_manifest_gets_the_shard_in_its_name(batch: Path) -> None:
    for shard in ("1/2", "2/2"):
        assert build("--manifest", "reports/night.jsonl", "--shard", shard).exit_code == 0
    assert [e["row"] for e in lines(batch / "reports" / "night-1-of-2.jsonl")] == [1, 3]
    assert [e["row"] for e in lines(batch / "reports" / "night-2-of-2.jsonl")] == [2, 4]
    assert not (batch / "reports" / "night.jsonl").exists()


def test_resume_rebuilds_a_row_whose_manifest_line_was_edited_into_nonsense(batch: Path) -> None:
    assert build().exit_code == 0
    entries = MANIFEST.read_text(encoding="utf-8").splitlines()
    broken = json.loads(entries[0])
    broken["output"] = 5
    odd = json.loads(entries[1])
    odd["pages"] = "seven"
    MANIFEST.write_text("\n".join([json.dumps(broken), json.dumps(odd), *entries[2:]]) + "\n", encoding="utf-8")
    result = build("--resume")
    assert result.exit_code == 0, result.stderr
    assert "built 2 and kept 2 unchanged of 4 rows" in result.output
    assert MANIFEST.read_text(encoding="utf-8").splitlines() == entries


def test_shards_agree_on_which_row_owns_a_file(batch: Path) -> None:
    from conftest import pdf_text

    write(
        batch / "rows.csv",
        HEADER + "p1,Ann First,Sam Patel,2026-11-20,2026-12-18\np1,Bo Second,Sam,2026-11-21,2026-12-19\n",
    )
    assert build().exit_code == 1
    whole = lines()
    (batch / "out").rename(batch / "whole")
    results = [build("--shard", shard) for shard in ("1/2", "2/2")]
    assert [r.exit_code for r in results] == [0, 1]
    assert "would overwrite the one from row 1" in results[1].stderr
    assert "Ann First" in pdf_text(batch / "out" / "p1.pdf")  # the second row never replaced it
    shards = lines(batch / "out" / "glute-rehab-template.manifest-1-of-2.jsonl")
    shards += lines(batch / "out" / "glute-rehab-template.manifest-2-of-2.jsonl")
    assert shards == whole


def test_a_journal_left_by_another_machine_is_read_once_then_cleared(batch: Path) -> None:
    """A pod killed on one node and resumed on another: the old journal counts while resuming,
    is cleared once the manifest is written, and never outvotes a newer manifest."""
    assert build().exit_code == 0
    entries = MANIFEST.read_text(encoding="utf-8").splitlines()
    stale = json.loads(entries[0])
    stale["sha256"] = "0" * 64  # what the other machine wrote, before this run's manifest
    journal = MANIFEST.parent / f".{MANIFEST.name}.othernode-1-12345-journal.part"
    journal.write_text(json.dumps(stale) + "\n", encoding="utf-8")
    old = MANIFEST.stat().st_mtime - 60
    os.utime(journal, (old, old))
    result = build("--resume")
    assert "kept 4 unchanged" in result.output, result.output
    assert not journal.exists()
    assert "kept 4 unchanged" in build("--resume").output


def test_jobs_auto_honours_a_quota_on_a_cgroup_above_the_container_root(tmp_path: Path) -> None:
    """On a host (systemd's CPUQuota, a Slurm step) the process sits deep in the cgroup tree."""
    membership = tmp_path / "cgroup-of-process"
    membership.write_text("0::/system.slice/batch.service\n")
    service = tmp_path / "system.slice" / "batch.service"
    service.mkdir(parents=True)
    (service / "cpu.max").write_text("max 100000\n")
    (tmp_path / "system.slice" / "cpu.max").write_text("100000 100000\n")  # one CPU for the slice
    assert usable_cores(tmp_path, membership) == 1
    (tmp_path / "system.slice" / "cpu.max").write_text("max 100000\n")
    assert usable_cores(tmp_path, membership) == usable_cores(tmp_path / "none", tmp_path / "none")


def test_ids_that_differ_only_in_case_are_one_file(batch: Path) -> None:
    write(batch / "rows.csv", HEADER + "P1,Ann,Sam,2026-11-20,2026-12-18\np1,Bo,Sam,2026-11-21,2026-12-19\n")
    result = build()
    assert result.exit_code == 1 and "row 2 (rows.csv:3): skipped" in result.stderr
    assert "would overwrite the one from row 1" in result.stderr
    assert [p.name for p in editions(batch / "out")] == ["P1.pdf"]


def test_a_long_running_process_reads_an_appended_handout_again_when_anything_it_comes_from_changes(
    batch: Path,
) -> None:
    """A batch reads its appended handout once; a second batch in the same process (a service,
    a watch) sees an edit to the handout, to an exercise only the handout shows, and a new
    library file that makes one of its exercise ids ambiguous."""
    from conftest import pdf_text

    assert build("--jobs", "1").exit_code == 0
    assert "Take a big step forward" in pdf_text(batch / "out" / "p1.pdf")
    handout = batch / "handouts" / "glute-soreness.yaml"
    handout.write_text(
        handout.read_text().replace("Three strength exercises to start", "Three sturdy exercises to start")
    )
    lunge = batch / "handouts" / "exercises" / "lunge.yaml"
    lunge.write_text(lunge.read_text().replace("Take a big step forward", "Take one long stride forward"))
    assert build("--jobs", "1").exit_code == 0
    text = pdf_text(batch / "out" / "p2.pdf")
    assert "Three sturdy exercises to start" in text and "Take one long stride forward" in text
    assert "Take a big step forward" not in text
    write(batch / "handouts" / "exercises" / "lunge-copy.yaml", lunge.read_text())
    result = build("--jobs", "1")
    assert result.exit_code == 1 and "exercise `lunge` (en) is defined twice in the library" in result.stderr


def test_an_appended_handouts_picture_link_pointed_elsewhere_is_read_again(project: Path) -> None:
    """A picture that is a symlink can be pointed at another file while the file it led to stays
    as it was: the next build in the same process shows the new picture, as a fresh one would."""
    import subprocess
    import sys

    import handoutgen

    copy_examples(project)
    images = project / "handouts" / "images"
    shape = '<svg xmlns="http://www.w3.org/2000/svg" width="100" height="60"><rect width="{w}" height="40"/></svg>'
    write(images / "narrow.svg", shape.format(w=30))
    write(images / "wide.svg", shape.format(w=90))
    (images / "shape.svg").symlink_to("narrow.svg")
    handout = project / "handouts" / "glute-soreness.yaml"
    picture = "      - image: {path: images/shape.svg, alt: A grey shape, width: 40mm}\n"
    lead_in = '      - text: "Common reasons'
    handout.write_text(handout.read_text().replace(lead_in, picture + lead_in))
    program = project / "handouts" / "programs" / "glute-rehab.yaml"
    first = handoutgen.build_file(program).pdf
    (images / "shape.svg").unlink()
    (images / "shape.svg").symlink_to("wide.svg")
    again = handoutgen.build_file(program).pdf
    fresh = project / "fresh.pdf"
    command = [sys.executable, "-m", "handoutgen", "build", str(program), "-o", str(fresh), "--no-check"]
    subprocess.run(command, check=True, capture_output=True, cwd=project)
    assert again != first and again == fresh.read_bytes()
