"""An exercise's two pictures: drawn from its poses, checked from its picture files, or, for a
translation that gives neither, taken from the exercise it translates."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from ..errors import HandoutError, Problem
from ..figures import NoRoomError, pose_pair_svg
from ..model.exercise import Exercise
from ..model.picture import Picture
from ..model.pose import PlacedProp
from .defaults import name_parts
from .svg import check_svg

SIZE = (240.0, 160.0)


def source_of(path: Path) -> Path | None:
    """`squat.yaml` for `squat.es.yaml`; None for a file that is no translation."""
    base, language = name_parts(path)
    if language is None:
        return None
    for suffix in (path.suffix, ".yaml", ".yml"):  # `n.es.yml` may translate `n.yaml`
        source = path.with_name(f"{base}{suffix}")
        if source.is_file():
            return source
    return None


def exercise_pictures(exercise: Exercise, path: Path, inspector, shared) -> tuple[Picture | None, Picture | None]:
    """The start and end pictures. `shared` gives the pictures of the exercise this file
    translates (called only when a picture gives neither a pose nor a file)."""
    declared = (exercise.images.start, exercise.images.end)
    problems = [p for picture in declared if picture is not None for p in _declared_problems(picture, path)]
    problems += _arrow_problems(*declared)
    if problems:
        raise HandoutError(problems)
    poses = [p.pose if p is not None else None for p in declared]
    drawn = _pose_pair(*poses) if any(poses) else (None, None)
    pictures: list[Picture | None] = []
    for index, (picture, svg) in enumerate(zip(declared, drawn, strict=True)):
        which = ("start", "end")[index]
        if picture is None:
            pictures.append(None)
        elif picture.path is not None:
            pictures.append(replace(inspector.picture(picture.path, str(picture.alt)), credit=credit_of(picture)))
        elif svg is not None:
            pictures.append(_drawn(svg, path, which, str(picture.alt), picture.where))
        else:
            pictures.append(_shared(shared, index, path, str(picture.alt), picture.where))
    return pictures[0], pictures[1]


def _pose_pair(start, end) -> tuple[str | None, str | None]:
    """Both poses drawn; a prop that cannot be drawn where the pose puts it is an error at the
    pose's props, never a picture without it."""
    try:
        return pose_pair_svg(start, end)
    except NoRoomError as error:
        from ..model.read import position

        which = "start" if error.pose is start else "end"
        joint, prop = error.joint, error.prop
        leg = joint.removeprefix("far-") in ("knee", "ankle", "foot")
        raise_it = "bend the leg so that it is off the floor" if leg else f"put the {prop} under another joint (`at:`)"
        raise HandoutError.at(
            position(error.item, "prop") if isinstance(error.item, PlacedProp) else position(error.pose, "props"),
            f"the {which} picture's {prop} has no room under the {joint}: the {joint} is on the floor",
            f"{raise_it}, lift the figure with `off_floor`, or leave the {prop} out",
        ) from None


ATTRIBUTION = ("CC-BY",)  # licences that ask for the author to be named where the picture is used


def needs_credit(license: str | None) -> bool:
    return bool(license) and str(license).upper().startswith(ATTRIBUTION)


def credit_of(picture) -> str:
    """`author, licence, source` for a picture whose licence asks to be credited; else nothing."""
    if not needs_credit(picture.license):
        return ""
    parts = [str(p) for p in (picture.author, picture.license, picture.source) if p]
    return ", ".join(parts)


def arrow_left_out(exercise: Exercise) -> Problem | None:
    """A warning for an end picture drawn without its arrow: the arrow runs from the start
    picture's pose, and the start picture of the same file gives none (it is a file, or it is
    shared from the file this one translates). `exercise` is the file that draws the end."""
    from ..model.read import position

    start, end = exercise.images.start, exercise.images.end
    if start is None or start.pose is not None or end is None or end.pose is None or end.pose.arrow is None:
        return None
    why = "the start picture is a file" if start.path is not None else "the start picture is shared, not drawn here"
    return Problem(
        position(end.pose, "arrow"),
        f"the end picture is drawn without its arrow: the arrow runs from the start picture's pose, and {why}",
        "draw the start picture from a pose too, or leave the arrow out",
    )


def _arrow_problems(start, end) -> list[Problem]:
    """The arrow shows the move from the start picture's pose to the end picture's."""
    from ..model.read import position

    found = []
    if start is not None and start.pose is not None and start.pose.arrow is not None:
        where = position(start.pose, "arrow")
        found.append(Problem(where, "the arrow goes on the end picture", "move `arrow:` to the end picture's pose"))
    unstarted = start is None  # a start drawn from a file has no joints: its end is drawn without the arrow
    if end is not None and end.pose is not None and end.pose.arrow is not None and unstarted:
        hint = "draw the start picture from a pose too, or leave the arrow out"
        said = "the arrow runs from the start picture's pose, and there is none"
        found.append(Problem(position(end.pose, "arrow"), said, hint))
    return found


def _declared_problems(picture, path: Path) -> list[Problem]:
    if picture.path is not None and picture.pose is not None:
        return [Problem(picture.where, "a picture is drawn from a `pose` or read from a `path`, not both")]
    if picture.path is None and picture.pose is None and name_parts(path)[1] is None:
        return [
            Problem(picture.where, "this picture has no `pose` and no `path`", "draw it with `pose:` (docs/poses.md)")
        ]
    return []


def _drawn(svg: str, path: Path, which: str, alt: str, where) -> Picture:
    stat = path.stat()
    data = check_svg(svg.encode("utf-8")).serialised()
    stamp = (stat.st_mtime_ns, stat.st_size)
    return Picture(path.resolve(), "svg", alt, *SIZE, stamp, where, data, part=which)


def _shared(shared, index: int, path: Path, alt: str, where) -> Picture:
    source = source_of(path)
    pictures = shared(source) if source is not None else (None, None)
    picture = pictures[index]
    if picture is None:
        which = ("start", "end")[index]
        said = f"{source.name} has no {which} picture to share" if source else f"there is no {name_parts(path)[0]}.yaml"
        raise HandoutError.at(where, f"this picture has no `pose` and no `path`, and {said}")
    return replace(picture, alt=alt, where=where)
