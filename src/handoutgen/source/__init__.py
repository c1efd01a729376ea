"""YAML files to located nodes: the first stage, which knows nothing of what the files mean."""

from .kinds import CONTENT_KINDS, content_kind, expect_kind, kind_of
from .nodes import Map, Node, Scalar, Seq, describe, load, parse, read_text

__all__ = [
    "CONTENT_KINDS",
    "Map",
    "Node",
    "Scalar",
    "Seq",
    "content_kind",
    "describe",
    "expect_kind",
    "kind_of",
    "load",
    "parse",
    "read_text",
]
