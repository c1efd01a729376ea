"""Merge data: `{{ field }}` placeholders in content filled from CSV or YAML rows.

Placeholders are data, never code: a field name is all a placeholder can hold, and an
inserted value is always literal text (Markdown characters in it are escaped).
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from ..errors import HandoutError, Problem, Where
from ..source import Map, Node, Scalar, Seq, load, read_text

PLACEHOLDER = re.compile(r"\{\{(.*?)\}\}")
FIELD = re.compile(r"\s*([A-Za-z_][A-Za-z0-9_]*)\s*")
_MARKDOWN = re.compile(r"([*_\[\]\\`])")


@dataclass(frozen=True)
class Row:
    number: int  # 1-based, counting data rows only
    where: Where  # the row's line in the data file
    fields: dict[str, str]

    @property
    def label(self) -> str:
        return f"row {self.number} ({self.where.file}:{self.where.line})"


def placeholder_names(node: Node) -> list[tuple[str, Where]]:
    """Every `{{ field }}` in the tree; a placeholder that is not a plain field name is an error."""
    found: list[tuple[str, Where]] = []
    problems: list[Problem] = []
    for scalar in _scalars(node):
        for match in PLACEHOLDER.finditer(scalar.value):
            name = FIELD.fullmatch(match.group(1))
            where = _at(scalar, match.start())
            if name is None:
                problems.append(
                    Problem(
                        where,
                        f"`{match.group(0)}` is not a placeholder: placeholders hold "
                        "one field name, like `{{ patient }}`",
                        "no expressions, filters or code",
                    )
                )
            else:
                found.append((name.group(1), where))
    if problems:
        raise HandoutError(problems)
    return found


def fill(node: Node, row: Row) -> Node:
    """A copy of the tree with the row's values in place of the placeholders."""
    missing = [
        Problem(where, f"{row.label} has no field `{name}`", "fields in the data: " + ", ".join(sorted(row.fields)))
        for name, where in placeholder_names(node)
        if field_name(name) not in row.fields
    ]
    if missing:
        raise HandoutError(missing)
    return _fill(node, row.fields)


def _fill(node: Node, fields: dict[str, str]) -> Node:
    if isinstance(node, Scalar):
        if "{{" not in node.value:
            return node

        def value(match: re.Match[str]) -> str:
            return fields[field_name(match.group(1))]

        whole = PLACEHOLDER.fullmatch(node.value.strip())
        if whole and not value(whole).strip():
            return Scalar("", node.where)  # an empty cell is a value not given, as `note:` alone would be
        plain = PLACEHOLDER.sub(value, node.value)
        as_text = PLACEHOLDER.sub(lambda m: _MARKDOWN.sub(r"\\\1", value(m)), node.value)
        return Scalar(plain, node.where, node.quoted, as_text)
    if isinstance(node, Seq):
        return Seq([_fill(item, fields) for item in node.items], node.where)
    filled = Map(node.where)
    for key, (key_node, value) in node.entries.items():
        filled.entries[key] = (key_node, _fill(value, fields))
    return filled


def _scalars(node: Node):
    stack = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, Scalar):
            yield item
        elif isinstance(item, Seq):
            stack.extend(reversed(item.items))
        else:
            stack.extend(value for _, value in reversed(list(item.entries.values())))


def _at(scalar: Scalar, offset: int) -> Where:
    """The position of a placeholder: exact on a one-line plain scalar, else the scalar's start."""
    if "\n" in scalar.value or scalar.quoted:
        return scalar.where
    return Where(scalar.where.file, scalar.where.line, scalar.where.column + offset)


@dataclass(frozen=True)
class BadRow:
    """A row of merge data that cannot be read: reported and skipped, the others still built."""

    number: int
    where: Where
    problem: Problem

    @property
    def label(self) -> str:
        return f"row {self.number} ({self.where.file}:{self.where.line})"


MAX_CELL = 128 * 1024  # characters; a longer cell is almost always a quote that never closed


def load_rows(
    path: Path, renamed: dict[str, str] | None = None, optional: dict[str, str] | None = None
) -> list[Row | BadRow]:
    """Rows from a CSV file (first line: field names) or a YAML list of mappings. Columns are
    renamed by `renamed` (each must be in the data) and by `optional` where the data has them.

    A row that cannot be read (a quote that never closes, a missing comma, a huge cell) is kept
    as a BadRow so that the batch reports it and builds the rest.
    """
    if path.suffix.lower() in (".yaml", ".yml"):
        return list(_yaml_rows(path))
    if path.suffix.lower() != ".csv":
        raise HandoutError.at(None, f"{path}: data must be a .csv or .yaml file")
    text = read_text(path, max_bytes=200 * 1024 * 1024)
    name = str(path)
    lines = io.StringIO(text, newline="").readlines()  # the csv module's line breaks, not str.splitlines
    delimiter = sniff_delimiter(lines[0] if lines else "")
    records = _csv_records(lines, name, delimiter)
    first = next(records, None)
    if first is None or isinstance(first[1], Problem):
        raise HandoutError.at(Where(name, 1, 1), "the CSV file has no header line", "the first line names the fields")
    present = {field_name(h) for h in first[1]}
    renames = {**{h: f for h, f in (optional or {}).items() if h in present}, **(renamed or {})}
    fields = _header_fields(first[1], _field_columns(lines[0], delimiter), name, renames)
    rows: list[Row | BadRow] = []
    for line, values in records:
        where = Where(name, line, 1)
        number = len(rows) + 1
        if isinstance(values, Problem):
            rows.append(BadRow(number, where, values))
        elif not any(v.strip() for v in values):
            continue
        elif len(values) != len(fields):
            problem = Problem(
                where,
                f"this row has {len(values)} values; the header has {len(fields)}",
                "a comma is missing or there is one too many; put values that hold a comma in double quotes",
            )
            rows.append(BadRow(number, where, problem))
        else:
            rows.append(Row(number, where, dict(zip(fields, (v.strip() for v in values), strict=True))))
    return rows


DELIMITERS = (",", ";", "\t")  # what spreadsheets export: `;` where the comma is the decimal mark


def sniff_delimiter(header: str) -> str:
    """The delimiter of a CSV file, from its header line: whichever of comma, semicolon and tab
    separates the most names there (outside quotes); a comma when there is none."""
    counts = dict.fromkeys(DELIMITERS, 0)
    quoted = False
    for char in header:
        if char == '"':
            quoted = not quoted
        elif char in counts and not quoted:
            counts[char] += 1
    best = max(DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] else ","


def parse_renames(pairs: tuple[str, ...]) -> dict[str, str]:
    """`--map "Nom du patient=patient"`: each header (as written, or as a field name) to the
    field the template uses."""
    renamed: dict[str, str] = {}
    for pair in pairs:
        header, equals, field = pair.rpartition("=")  # a field name has no `=`; a header may
        if not equals or not field_name(header) or not FIELD.fullmatch(field.strip()):
            raise HandoutError.at(None, f'--map `{pair}`: write HEADER=FIELD, like --map "Nom du patient=patient"')
        renamed[field_name(header)] = field_name(field)
    return renamed


def field_name(header: str) -> str:
    """A header as exported, as a field name: accents dropped, lower case, and every run of
    spaces or punctuation one `_` ("First Name" is `first_name`, "Fecha de revisión" is
    `fecha_de_revision`)."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", header) if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "_", plain.casefold()).strip("_")


def _header_fields(header: list[str], columns: list[int], name: str, renamed: dict[str, str]) -> list[str]:
    """Field names from the header line, after `--map` (header -> field, both as field names);
    every problem in it is reported at once."""
    fields = [renamed.get(field_name(h), field_name(h)) for h in header]
    unknown = sorted(set(renamed) - {field_name(h) for h in header})
    if unknown:
        found = ", ".join(f"`{h.strip()}`" for h in header)
        raise HandoutError.at(
            Where(name, 1, 1), f"--map names a column the data does not have: `{unknown[0]}`", f"its columns: {found}"
        )
    problems = []
    seen: dict[str, int] = {}
    for index, (written, field) in enumerate(zip(header, fields, strict=True)):
        where = Where(name, 1, columns[index] if index < len(columns) else 1)
        if not written.strip():
            hint = "name the column, or remove it (a delimiter at the end of the line makes an empty one)"
            problems.append(Problem(where, f"column {index + 1} has no name in the header", hint))
        elif field == "row":
            hint = "handoutgen numbers the rows as `{{ row }}`: give this column another name"
            problems.append(Problem(where, f"the header `{written.strip()}` is the row number's name", hint))
        elif not FIELD.fullmatch(field):
            hint = "start it with a letter" if field[:1].isdigit() else "use letters, digits and spaces"
            problems.append(Problem(where, f"the header `{written.strip()}` cannot be a field name", hint))
        elif field in seen:
            first = header[seen[field]].strip()
            same = "appears twice in the header" if first == written.strip() else f"and `{first}` are one field"
            problems.append(Problem(where, f"`{written.strip()}` {same} (`{field}`)", "give each column its own name"))
        else:
            seen[field] = index
    if problems:
        raise HandoutError(problems)
    return fields


def _field_columns(line: str, delimiter: str = ",") -> list[int]:
    """The 1-based character column where each field of a CSV line starts (delimiters inside
    double quotes belong to the field)."""
    columns, quoted = [1], False
    for offset, char in enumerate(line.lstrip("\ufeff"), start=1):
        if char == '"':
            quoted = not quoted
        elif char == delimiter and not quoted:
            columns.append(offset + 1)
    return columns


def _csv_records(lines: list[str], name: str, delimiter: str = ","):
    """(line number, values) for each record; (line number, Problem) for one that cannot be read,
    after which reading starts again on the next line, so one stray quote costs one row."""
    position = 0
    while position < len(lines):
        reader = csv.reader(lines[position:], delimiter=delimiter, strict=True)
        start = 0  # lines consumed by this reader before the current record
        try:
            for values in reader:
                if any(len(value) > MAX_CELL for value in values):
                    raise csv.Error("field larger than field limit")
                yield position + start + 1, values
                start = reader.line_num
        except csv.Error as exc:
            yield position + start + 1, _csv_problem(Where(name, position + start + 1, 1), str(exc))
            position += start + 1
            continue
        return


def _csv_problem(where: Where, message: str) -> Problem:
    if "field limit" in message or "end of data" in message:
        return Problem(
            where,
            'a quote (") opened in this row is never closed, so the rest of the file would be one cell',
            "close the quote, or remove it; values with commas or line breaks go in double quotes",
        )
    return Problem(
        where, f"this row is not valid CSV ({message})", 'a quote inside a quoted value is written twice: ""'
    )


def _yaml_rows(path: Path) -> list[Row]:
    node = load(path)
    if not isinstance(node, Seq):
        raise HandoutError.at(node.where, "merge data in YAML is a list of rows, each a mapping of fields")
    rows = []
    for number, item in enumerate(node.items, start=1):
        if not isinstance(item, Map):
            raise HandoutError.at(item.where, f"row {number} must be a mapping of `field: value` lines")
        values: dict[str, str] = {}
        for key, (key_node, value) in item.entries.items():
            if not FIELD.fullmatch(key):
                raise HandoutError.at(key_node.where, f"`{key}` is not a field name")
            if not isinstance(value, Scalar):
                raise HandoutError.at(value.where, f"field `{key}` must be a single value, not a list or mapping")
            if field_name(key) in values:
                raise HandoutError.at(key_node.where, f"`{key}` and another key of this row are one field")
            if field_name(key) == "row":
                raise HandoutError.at(
                    key_node.where, f"`{key}` is the row number's name", "give this field another name"
                )
            values[field_name(key)] = value.value
        rows.append(Row(number, item.where, values))
    return rows


def shard(rows: list, spec: str | None) -> list:
    """`I/N`: every N-th row starting with row I (1-based), so N machines share a batch."""
    chosen = shard_of(spec)
    if chosen is None:
        return rows
    index, count = chosen
    return [row for row in rows if (row.number - index) % count == 0]


def shard_of(spec: str | None) -> tuple[int, int] | None:
    """The shard `I/N` names, as (I, N). `auto/N` takes I from the job runner: a Kubernetes
    Indexed Job's JOB_COMPLETION_INDEX or a Slurm job array's SLURM_ARRAY_TASK_ID (both counted
    from the array's first task)."""
    if not spec:
        return None
    match = re.fullmatch(r"([0-9]{1,9}|auto)/([0-9]{1,9})", spec.strip())
    if not match:
        raise HandoutError.at(None, f"--shard `{spec}` must be I/N with 1 <= I <= N, like 1/4, or auto/N")
    count = int(match.group(2))
    index = runner_index() if match.group(1) == "auto" else int(match.group(1))
    if not 1 <= index <= count:
        raise HandoutError.at(None, f"--shard `{spec}`: shard {index} is not one of 1 to {count}")
    return index, count


def runner_index() -> int:
    """This task's shard, 1-based, from the job runner's environment."""
    import os

    def number(name: str) -> int | None:
        value = os.environ.get(name, "").strip()
        return int(value) if re.fullmatch(r"[0-9]{1,9}", value) else None

    kubernetes = number("JOB_COMPLETION_INDEX")  # 0, 1, ... N-1
    if kubernetes is not None:
        return kubernetes + 1
    slurm = number("SLURM_ARRAY_TASK_ID")
    if slurm is not None:
        return slurm - (number("SLURM_ARRAY_TASK_MIN") or 0) + 1
    raise HandoutError.at(
        None,
        "--shard auto/N: neither JOB_COMPLETION_INDEX (Kubernetes) nor SLURM_ARRAY_TASK_ID (Slurm) is set",
        "give the shard yourself, like --shard 1/4",
    )


def fixed_folder(template: str) -> Path:
    """The folder of an output template that no row's values change: `out/{{ clinic }}/x.pdf`
    gives `out`."""
    folder = Path(template).parent
    while "{{" in str(folder):
        folder = folder.parent
    return folder


def output_name(template: str, row: Row) -> Path:
    """The output path for a row; inserted values are cleaned so they cannot leave the folder."""

    def clean(match: re.Match[str]) -> str:
        name = field_name(match.group(1))
        if name not in row.fields:
            raise HandoutError.at(None, f"-o `{template}`: {row.label} has no field `{name}`")
        plain = "".join(c for c in unicodedata.normalize("NFKD", row.fields[name]) if not unicodedata.combining(c))
        value = re.sub(r"[^A-Za-z0-9._-]+", "-", plain).strip(".-")[:100]  # a file name's room
        return value or f"row-{row.number}"

    return Path(PLACEHOLDER.sub(clean, template))
