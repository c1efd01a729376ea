"""Regular expressions for numbers in a range, so the editor's schema refuses exactly what the
reader refuses: `width: 4.9mm` as well as `width: 1mm`.

Numbers are written with at most two decimals (the reader's rule too), so a range of real
numbers becomes a range of whole hundredths, and that a pattern can state exactly.
"""

from __future__ import annotations

import math

EPSILON = 1e-7


def decimal_pattern(low: float, high: float, decimals: int = 2) -> str:
    """A pattern (no anchors) for numbers from `low` to `high` written with up to `decimals` decimals."""
    scale = 10**decimals
    first, last = math.ceil(low * scale - EPSILON), math.floor(high * scale + EPSILON)
    options = []
    if last >= 0:
        options += _nonnegative(max(first, 0), last, decimals)
    if first < 0:
        options += ["-(?:" + "|".join(_nonnegative(max(-last, 0), -first, decimals)) + ")"]
    return "(?:" + "|".join(options or ["(?!)"]) + ")"


def integer_pattern(low: int, high: int) -> str:
    """A pattern (no anchors) for whole numbers from `low` to `high` (both at least 0)."""
    return "(?:0*(?:" + "|".join(_integers(low, high)) + "))"


def _nonnegative(first: int, last: int, decimals: int) -> list[str]:
    """Numbers whose value in 1/10**decimals is from `first` to `last`."""
    scale = 10**decimals
    if first > last:
        return []
    options = []
    whole_from = first // scale if first % scale == 0 else first // scale + 1
    whole_to = (last + 1) // scale - 1  # the last whole part whose every fraction is in range
    if whole_from <= whole_to:
        fraction = rf"(?:\.\d{{1,{decimals}}})?"
        options.append(f"0*(?:{'|'.join(_integers(whole_from, whole_to))}){fraction}")
    for whole in sorted({first // scale, last // scale}):
        if whole_from <= whole <= whole_to:
            continue
        low = max(first, whole * scale) - whole * scale
        high = min(last, whole * scale + scale - 1) - whole * scale
        if low <= high:
            options.append(f"0*{whole}{_fractions(low, high, decimals)}")
    return options


def _fractions(low: int, high: int, decimals: int) -> str:
    """The decimal part (or none) of numbers whose fraction, in 1/10**decimals, is low to high."""
    forms = [""] if low == 0 else []
    for digits in range(1, decimals + 1):
        step = 10 ** (decimals - digits)
        least, most = math.ceil(low / step), high // step
        if least <= most:
            width = f"{{:0{digits}d}}"
            forms.append(r"\." + "(?:" + "|".join(_same_length(width.format(least), width.format(most))) + ")")
    return "(?:" + "|".join(forms) + ")"


def _integers(low: int, high: int) -> list[str]:
    """Patterns for the whole numbers low to high, written without leading zeros."""
    if low > high:
        return []
    low_digits, high_digits = len(str(low)), len(str(high))
    if low_digits < high_digits:
        return _integers(low, 10**low_digits - 1) + _integers(10**low_digits, high)
    return _same_length(str(low), str(high))


def _same_length(low: str, high: str) -> list[str]:
    """Patterns for the digit strings from `low` to `high`, both of the same length."""
    if low == high:
        return [low]
    if len(low) == 1:
        return [f"[{low}-{high}]"]
    if low[0] == high[0]:
        return [low[0] + "(?:" + "|".join(_same_length(low[1:], high[1:])) + ")"]
    rest = len(low) - 1
    out = [low[0] + "(?:" + "|".join(_same_length(low[1:], "9" * rest)) + ")"]
    if int(low[0]) + 1 <= int(high[0]) - 1:
        out.append(f"[{int(low[0]) + 1}-{int(high[0]) - 1}]" + r"\d" * rest)
    out.append(high[0] + "(?:" + "|".join(_same_length("0" * rest, high[1:])) + ")")
    return out
