"""Typed models of content and layouts, read from located YAML nodes."""

from .handout import Block, Handout, Section
from .layout import Layout
from .read import read

__all__ = ["Block", "Handout", "Layout", "Section", "read"]
