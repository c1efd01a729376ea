"""Pictures drawn from poses: the standard figure in our pictogram style, as SVG text."""

from .draw import pose_pair_svg

__all__ = ["pose_pair_svg"]
