"""Exact rounding: the report's numbers are the same digits in every Python."""

from __future__ import annotations

from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

from guide_engine.diary.numbers import median, rounded
from tests.engine.support import engine_settings


@engine_settings
@given(st.fractions(max_denominator=10_000), st.integers(0, 3))
def test_rounding_is_pythons_half_to_even_on_the_exact_value(
    value: Fraction, decimals: int
) -> None:
    expected = round(value, decimals)
    result = rounded(value, decimals)
    if expected.denominator == 1:
        assert isinstance(result, int) and result == expected
    else:
        assert isinstance(result, float) and result == float(expected)  # the nearest double


def test_the_median_reads_floats_as_the_decimals_they_print_as() -> None:
    assert median([80.1, 90.2]) == Fraction("85.15")
    assert median([3, 1, 2]) == 2 and median([]) is None
