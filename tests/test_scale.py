"""The job-runner recipes in docs/scale.md, run as written: N shards give one run's files and
manifest byte for byte, a task delivered twice does no harm, and a killed shard resumes."""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

from conftest import REPO, copy_examples, editions, write

SCALE = (REPO / "docs" / "scale.md").read_text(encoding="utf-8")
TEMPLATE = "handouts/programs/glute-rehab-template.yaml"
ROWS = 12


def blocks(language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", SCALE, flags=re.S)


def environment(**variables: str) -> dict[str, str]:
    """This test's environment with the installed `handoutgen` first on PATH and no runner set."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLURM_", "JOB_COMPLETION_INDEX"))}
    env["PATH"] = str(Path(sys.executable).parent) + os.pathsep + env.get("PATH", "")
    return {**env, **variables}


@pytest.fixture
def clinic(project: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project with an export of ROWS patients, and the outputs of one whole run in whole/."""
    copy_examples(project)
    rows = "".join(f"p{i:03},Patient {i},Sam Patel,2026-11-{i + 10},2026-12-{i + 10}\n" for i in range(1, ROWS + 1))
    write(project / "exports" / "patients.csv", "id,patient,clinician,date,review_date\n" + rows)
    monkeypatch.chdir(project)
    command = ["handoutgen", "build", TEMPLATE, "--data", "exports/patients.csv", "-o", "out/{{ id }}.pdf"]
    subprocess.run(command, check=True, env=environment(), capture_output=True)
    (project / "out").rename(project / "whole")
    return project


def manifest_lines(folder: Path, pattern: str) -> list[dict]:
    found = [json.loads(line) for path in folder.glob(pattern) for line in path.read_text().splitlines()]
    return sorted(found, key=lambda entry: entry["row"])


def assert_same_as_one_run(project: Path, shards: int) -> None:
    whole, out = project / "whole", project / "out"
    assert [p.name for p in editions(out)] == [p.name for p in editions(whole)]
    for mine, theirs in zip(editions(out), editions(whole), strict=True):
        assert mine.read_bytes() == theirs.read_bytes(), mine.name
    combined = manifest_lines(out, f"glute-rehab-template.manifest-*-of-{shards}.jsonl")
    assert combined == manifest_lines(whole, "glute-rehab-template.manifest.jsonl")
    assert len(combined) == ROWS
    assert not list(out.glob(".*")), "no journal and no half-written file is left"


def start_all(commands: list[tuple[list[str], dict[str, str]]]) -> list[subprocess.Popen]:
    return [subprocess.Popen(c, env=e, stdout=subprocess.PIPE, stderr=subprocess.PIPE) for c, e in commands]


def finish(processes: list[subprocess.Popen]) -> None:
    for process in processes:
        _, err = process.communicate(timeout=300)
        assert process.returncode == 0, err.decode()


def kubernetes_job() -> dict:
    (job,) = [doc for block in blocks("yaml") if (doc := yaml.safe_load(block)).get("kind") == "Job"]
    return job


def test_the_kubernetes_indexed_job_gives_one_runs_files_even_with_a_pod_delivered_twice(clinic: Path) -> None:
    job = kubernetes_job()
    assert job["spec"]["completionMode"] == "Indexed"
    (container,) = job["spec"]["template"]["spec"]["containers"]
    shards = job["spec"]["completions"]
    indexes = [*range(shards), 0]  # index 0 twice, at the same time
    finish(start_all([(container["command"], environment(JOB_COMPLETION_INDEX=str(i))) for i in indexes]))
    assert_same_as_one_run(clinic, shards)


def test_the_slurm_array_script_gives_one_runs_files(clinic: Path) -> None:
    (script,) = [block for block in blocks("bash") if "#SBATCH" in block]
    first, last = map(int, re.search(r"#SBATCH --array=(\d+)-(\d+)", script).groups())
    path = clinic / "programmes.sh"
    path.write_text(script)
    variables = {"SLURM_ARRAY_TASK_MIN": str(first), "SLURM_ARRAY_TASK_MAX": str(last)}
    tasks = [
        (["bash", str(path)], environment(SLURM_ARRAY_TASK_ID=str(t), **variables)) for t in range(first, last + 1)
    ]
    finish(start_all(tasks))
    assert_same_as_one_run(clinic, last - first + 1)


@pytest.mark.skipif(shutil.which("parallel") is None, reason="GNU parallel is not installed")
def test_the_gnu_parallel_line_gives_one_runs_files(clinic: Path) -> None:
    (line,) = [block.strip() for block in blocks("bash") if block.startswith("parallel ")]
    subprocess.run(["bash", "-c", line], check=True, env=environment(), capture_output=True, timeout=300)
    assert_same_as_one_run(clinic, int(re.search(r"--shard \{\}/(\d+)", line).group(1)))


def test_a_shard_killed_half_way_resumes_without_doubles_or_leftovers(clinic: Path) -> None:
    (container,) = kubernetes_job()["spec"]["template"]["spec"]["containers"]
    command, shards, victim = container["command"], 4, 1
    processes = start_all([(command, environment(JOB_COMPLETION_INDEX=str(i))) for i in range(shards)])
    journal = f".glute-rehab-template.manifest-{victim + 1}-of-{shards}.jsonl.*journal.part"
    deadline = time.monotonic() + 120
    while not any(p.read_text().count("\n") >= 1 for p in (clinic / "out").glob(journal)):
        assert time.monotonic() < deadline and processes[victim].poll() is None, "the shard never got going"
        time.sleep(0.01)
    processes[victim].send_signal(signal.SIGKILL)
    processes[victim].communicate()
    finish([p for i, p in enumerate(processes) if i != victim])
    killed = clinic / "out" / f"glute-rehab-template.manifest-{victim + 1}-of-{shards}.jsonl"
    assert processes[victim].returncode == -signal.SIGKILL and not killed.exists()
    assert list((clinic / "out").glob(journal)), "the killed shard left its journal"

    again = subprocess.run(
        command, env=environment(JOB_COMPLETION_INDEX=str(victim)), capture_output=True, text=True, timeout=300
    )
    assert again.returncode == 0, again.stderr
    kept = int(re.search(r"kept (\d+) unchanged", again.stdout).group(1))
    assert 1 <= kept < ROWS // shards  # what was built before the kill is kept, the rest is built
    assert_same_as_one_run(clinic, shards)
