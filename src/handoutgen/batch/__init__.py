"""Building many files at once: content found in folders, and programmes merged with data."""

from .build import BuildJob, BuildOutcome, check_built, output_path, run_build, write_output
from .find import BUILDABLE, LIBRARY, find_content, is_layout, is_template
from .merge import MergeJob, MergeOutcome, group_failures, manifest_path, merge_rows, run_merge

__all__ = [
    "BUILDABLE",
    "LIBRARY",
    "BuildJob",
    "BuildOutcome",
    "MergeJob",
    "MergeOutcome",
    "check_built",
    "find_content",
    "group_failures",
    "is_layout",
    "is_template",
    "manifest_path",
    "merge_rows",
    "output_path",
    "run_build",
    "run_merge",
    "write_output",
]
