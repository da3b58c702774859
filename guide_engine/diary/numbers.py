"""Exact arithmetic for the report's numbers, so every Python prints the same digits.

Means, medians and percentages are worked out as fractions and rounded once, at the end,
half to even (Python's round on a Fraction is exact). A whole result stays an int.
"""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction


def rounded(value: Fraction, decimals: int = 1) -> int | float:
    return rounded_ratio(value.numerator, value.denominator, decimals)


def rounded_ratio(numerator: int, denominator: int, decimals: int = 1) -> int | float:
    """numerator / denominator rounded half to even, in whole numbers (no float until the end)."""
    scale = 10**decimals
    whole, rest = divmod(numerator * scale, denominator)
    if 2 * rest > denominator or (2 * rest == denominator and whole % 2):
        whole += 1
    return whole // scale if whole % scale == 0 else whole / scale


def median(values: Sequence[int | float]) -> Fraction | None:
    """The exact median; floats are read as the decimals they print as (87.5, not binary)."""
    if not values:
        return None
    ordered = sorted(values)  # floats sort exactly; only the middle ones become fractions
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return _exact(ordered[middle])
    return (_exact(ordered[middle - 1]) + _exact(ordered[middle])) / 2


def _exact(value: int | float) -> Fraction:
    return Fraction(value) if isinstance(value, int) else Fraction(repr(value))


def mean(values: Sequence[int]) -> Fraction:
    return Fraction(sum(values), len(values))
