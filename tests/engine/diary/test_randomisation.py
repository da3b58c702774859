"""The randomisation test re-picks mat nights within each week, as the design picked them.

Checked against brute force: list every way of choosing each week's mat nights (the product
of the weeks' combinations), compute every difference in means, count those at least as far
from zero as the observed one."""

from __future__ import annotations

from fractions import Fraction
from itertools import combinations, product
from statistics import fmean

import pytest
from hypothesis import given
from hypothesis import strategies as st

from guide_engine.diary.randomisation import randomisation_test
from tests.engine.support import engine_settings

Blocks = list[list[tuple[int, bool]]]


def brute_force_p(blocks: Blocks) -> Fraction:
    def mean_difference(mat_positions: list[set[int]]) -> Fraction:
        mat, rest = [], []
        for block, chosen in zip(blocks, mat_positions, strict=True):
            for index, (value, _) in enumerate(block):
                (mat if index in chosen else rest).append(value)
        return Fraction(sum(mat), len(mat)) - Fraction(sum(rest), len(rest))

    observed = mean_difference(
        [{i for i, (_, is_mat) in enumerate(block) if is_mat} for block in blocks]
    )
    options = [
        [set(c) for c in combinations(range(len(block)), sum(m for _, m in block))]
        for block in blocks
    ]
    differences = [mean_difference(list(choice)) for choice in product(*options)]
    return Fraction(sum(abs(d) >= abs(observed) for d in differences), len(differences))


@st.composite
def small_designs(draw: st.DrawFn) -> Blocks:
    """Up to three weeks of up to six nights, each week with some mat and some rest nights."""
    blocks = []
    for _ in range(draw(st.integers(1, 3))):
        size = draw(st.integers(2, 6))
        mats = draw(st.integers(1, size - 1))
        labels = draw(st.permutations([True] * mats + [False] * (size - mats)))
        values = draw(st.lists(st.integers(0, 90), min_size=size, max_size=size))
        blocks.append(list(zip(values, labels, strict=True)))
    return blocks


@engine_settings
@given(small_designs())
def test_the_exact_test_matches_brute_force_enumeration(blocks: Blocks) -> None:
    result = randomisation_test(blocks, exact_up_to=10**6, resamples=100, seed=1)
    assert result.exact
    assert result.p_value == brute_force_p(blocks)
    mats = [v for b in blocks for v, m in b if m]
    rests = [v for b in blocks for v, m in b if not m]
    assert float(result.difference) == pytest.approx(fmean(mats) - fmean(rests))
    assert 0 < result.p_value <= 1  # the observed assignment always counts


def test_a_clear_difference_has_a_small_p_value_and_none_has_p_one() -> None:
    weeks = [[(10, True), (12, True), (11, True), (40, False), (45, False), (42, False)]] * 3
    clear = randomisation_test(weeks, exact_up_to=10**6, resamples=100, seed=1)
    assert clear.p_value == Fraction(2, 20**3)  # only the observed split and its mirror
    same = [[(20, True), (20, False), (20, True), (20, False)]] * 2
    assert randomisation_test(same, exact_up_to=10**6, resamples=100, seed=1).p_value == 1


def test_above_the_limit_it_samples_deterministically_and_close_to_exact() -> None:
    blocks = [
        [(v, i % 2 == 0) for i, v in enumerate(values)]
        for values in ([12, 30, 8, 25, 14, 40, 9], [20, 18, 35, 10, 28, 16, 22])
    ]
    exact = randomisation_test(blocks, exact_up_to=10**6, resamples=2000, seed=7)
    sampled = randomisation_test(blocks, exact_up_to=10, resamples=2000, seed=7)
    again = randomisation_test(blocks, exact_up_to=10, resamples=2000, seed=7)
    assert exact.exact and not sampled.exact and sampled.count == 2000
    assert sampled == again
    assert abs(float(sampled.p_value) - float(exact.p_value)) < 0.05
    assert sampled.p_value > 0


def test_it_needs_both_kinds_of_night() -> None:
    with pytest.raises(ValueError, match="at least one mat night and one rest night"):
        randomisation_test([[(1, True), (2, True)]], exact_up_to=10, resamples=10, seed=1)
