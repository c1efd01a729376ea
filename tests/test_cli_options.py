"""The options every command shares: --quiet, --verbose and --diagnostics, before or after the
command's name."""

from __future__ import annotations

from pathlib import Path

import pytest

import handoutgen
from conftest import GLUTE, MINIMAL, copy_examples, run, write


def test_quiet_leaves_only_problems(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    copy_examples(project)
    monkeypatch.chdir(project)
    for args in (["-q", "build", "--no-check"], ["build", "--quiet", "--no-check"]):
        result = run(*args)
        assert result.exit_code == 0, result.stderr
        assert result.stdout == ""
        assert len(list((project / "out").glob("*.pdf"))) == 5
    assert run("validate", "handouts", "-q").stdout == ""
    write(project / "handouts" / "bad.yaml", MINIMAL.replace("reviewed: 2026-11-01", "reviewed: someday"))
    result = run("build", "-q", "--no-check")
    assert result.exit_code == 2 and result.stdout == ""
    assert "bad.yaml:4:11: error:" in result.stderr and "built 5, failed 1, skipped 1" in result.stderr
    loud = run("build", "--no-check", "handouts/glute-soreness.yaml")
    assert loud.stdout.startswith("built out/glute-soreness.pdf")


def test_library_warnings_show_only_with_verbose(tmp_path: Path) -> None:
    data = handoutgen.build(GLUTE)
    damaged = tmp_path / "damaged.pdf"
    damaged.write_bytes(data[: data.rindex(b"startxref")] + b"startxref\n12345\n%%EOF\n")  # pypdf recovers
    quiet = run("check", damaged)
    assert quiet.exit_code == 0 and "startxref" not in quiet.stderr
    verbose = run("check", damaged, "--verbose")
    assert verbose.exit_code == 0 and "pypdf" in verbose.stderr and "startxref" in verbose.stderr
    assert "startxref" not in run("check", damaged).stderr  # and hidden again on the next run


def test_diagnostics_go_after_the_command_too(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(project)
    write(project / "handouts" / "bad.yaml", MINIMAL.replace("title: A sample handout", "title: [a, b]"))
    result = run("validate", "handouts", "--diagnostics", "github")
    assert result.exit_code == 2 and "::error file=handouts/bad.yaml,line=2,col=8," in result.stdout
