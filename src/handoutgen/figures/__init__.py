"""Pictures drawn from poses: the standard figure in our pictogram style, as SVG text."""

from .draw import pose_pair_svg
from .props import NoRoomError

__all__ = ["NoRoomError", "pose_pair_svg"]
