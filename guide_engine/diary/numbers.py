"""Exact arithmetic for the report's numbers, so every Python prints the same digits.

Means, medians and percentages are worked out as fractions and rounded once, at the end,
half to even (Python's round on a Fraction is exact). A whole result stays an int.
"""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction


def rounded(value: Fraction, decimals: int = 1) -> int | float:
    result = round(value, decimals)
    return int(result) if result.denominator == 1 else float(result)


def median(values: Sequence[int | Fraction]) -> Fraction | None:
    if not values:
        return None
    ordered = sorted(Fraction(value) for value in values)
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return ordered[middle]
    return (ordered[middle - 1] + ordered[middle]) / 2


def mean(values: Sequence[int]) -> Fraction:
    return Fraction(sum(values), len(values))
