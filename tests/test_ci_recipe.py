"""The CI workflow in docs/ci.md: its handoutgen steps, run as written."""

from __future__ import annotations

import json
import os
import shlex
import subprocess
import sys
from pathlib import Path

import yaml

from conftest import MINIMAL, REPO, copy_examples, write


def steps() -> list[str]:
    page = (REPO / "docs" / "ci.md").read_text(encoding="utf-8")
    workflow = yaml.safe_load(page.split("```yaml\n", 1)[1].split("```", 1)[0])
    return [step["run"] for step in workflow["jobs"]["build"]["steps"] if step.get("run", "").startswith("handoutgen")]


def test_the_workflows_steps_build_report_and_annotate(project: Path) -> None:
    copy_examples(project)
    write(
        project / "handoutgen.yaml", "project: Riverside\ncontent: [handouts]\nlayout: layouts/riverside-clinic.yaml\n"
    )
    env = {**os.environ, "PATH": str(Path(sys.executable).parent) + os.pathsep + os.environ["PATH"]}
    env["GITHUB_WORKSPACE"] = str(project)
    commands = steps()
    assert len(commands) == 3
    results = [
        subprocess.run(["bash", "-c", c], cwd=project, env=env, capture_output=True, text=True) for c in commands
    ]
    assert [r.returncode for r in results[:2]] == [0, 0], [r.stderr for r in results]
    report = json.loads((project / "build-report.json").read_text())
    assert report["summary"]["failed"] == 0 and report["summary"]["built"] >= 5
    assert all(f["outputs"] for f in report["files"])
    write(project / "handouts" / "bad.yaml", MINIMAL.replace("reviewed: 2026-11-01", "reviewed: someday"))
    validate = subprocess.run(["bash", "-c", commands[0]], cwd=project, env=env, capture_output=True, text=True)
    assert validate.returncode == 2
    assert "::error file=handouts/bad.yaml,line=4,col=11,title=handoutgen::" in validate.stdout
    built = subprocess.run(["bash", "-c", commands[1]], cwd=project, env=env, capture_output=True, text=True)
    assert built.returncode == 2 and json.loads((project / "build-report.json").read_text())["summary"]["failed"] == 1
    assert "::error file=handouts/bad.yaml,line=4,col=11" in built.stderr  # beside the JSON, not in it
    assert shlex.split(commands[1])[-2:] == [">", "build-report.json"]
