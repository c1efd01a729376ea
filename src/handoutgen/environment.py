"""Settings read from the environment, checked once for every stage that reads them."""

from __future__ import annotations

import math
import os
import re
from pathlib import Path

from .errors import HandoutError

LATEST_EPOCH = 253402300799  # 9999-12-31, the last date a PDF can carry


def source_date_epoch() -> int | None:
    """SOURCE_DATE_EPOCH as whole seconds, or None when unset or blank (as ReportLab reads it).
    Only ASCII digits: Python's int() takes other scripts' digits that ReportLab's would not."""
    value = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not value:
        return None
    if not re.fullmatch(r"[0-9]{1,15}", value) or int(value) > LATEST_EPOCH:
        raise HandoutError.at(
            None,
            f"SOURCE_DATE_EPOCH is `{value[:40]}{'…' if len(value) > 40 else ''}`; it must be whole seconds since 1970",
            "unset it, or set it to the output of `date +%s`",
        )
    return int(value)


def usable_cores(cgroup: Path = Path("/sys/fs/cgroup"), membership: Path = Path("/proc/self/cgroup")) -> int:
    """The cores this process may use: the CPUs it may run on, cut to the tightest CPU quota of
    its cgroup and the cgroups above it (how Kubernetes, Docker and systemd's CPUQuota apply a
    CPU limit) where one is set. 1.5 CPUs' worth gives two processes."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    quotas = [q for folder in _cgroup_folders(cgroup, membership) if (q := _cgroup_quota(folder)) is not None]
    if quotas:
        cores = min(cores, max(1, math.ceil(min(quotas))))
    return max(1, cores)


def _cgroup_folders(cgroup: Path, membership: Path) -> list[Path]:
    """The cgroup (v2) folders that hold this process, its own first, up to the root: inside a
    container the process sits at the root; on a host it sits deeper (`0::/system.slice/x`)."""
    try:
        lines = membership.read_text().splitlines()
    except OSError:
        lines = []
    own = next((line.split("::", 1)[1] for line in lines if line.startswith("0::")), "/")
    folder = cgroup / own.strip().lstrip("/")
    found = [folder, *[f for f in folder.parents if f == cgroup or cgroup in f.parents]]
    return list(dict.fromkeys(found))


def _cgroup_quota(cgroup: Path) -> float | None:
    """CPUs' worth of quota: cgroup v2's cpu.max (`200000 100000`), or v1's cfs_quota_us over
    cfs_period_us; None when there is no quota or it cannot be read."""
    try:
        v2 = cgroup / "cpu.max"
        if v2.is_file():
            quota, period = v2.read_text().split()[:2]
        else:
            quota = (cgroup / "cpu" / "cpu.cfs_quota_us").read_text().strip()
            period = (cgroup / "cpu" / "cpu.cfs_period_us").read_text().strip()
        if quota == "max" or int(quota) <= 0 or int(period) <= 0:
            return None
        return int(quota) / int(period)
    except (OSError, ValueError):
        return None
