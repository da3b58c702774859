"""A randomisation test that follows the way the evenings were actually picked.

Chance picked a fixed number of mat evenings within each week, so the test re-picks them the
same way: within each week (a block), every way of choosing that week's mat nights among the
nights that have a measure is equally likely under "the mat makes no difference". The p-value
is the share of those re-picks whose difference in means (mat minus rest) is at least as far
from zero as the one observed (two-sided). Its validity comes from the random assignment
itself (Edgington 1980), not from any assumption about the shape of the data.

Exact when there are at most ``exact_up_to`` re-picks: they are counted, not listed, by adding
up each week's possible mat sums (a convolution), which is exact and cheap. Otherwise,
``resamples`` random re-picks from a fixed seed, with p = (hits + 1) / (resamples + 1), so the
result is the same every time and never 0.

With the counts of mat and rest nights fixed by the design, the difference in means is
(S * n - T * m) / (m * (n - m)) for mat sum S, total T, m mat nights of n, so comparing
|S * n - T * m| in whole numbers decides "at least as far", with no rounding anywhere.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from itertools import combinations
from math import comb, prod

from guide_engine.seeded import generator, shuffle_in_place

Block = Sequence[tuple[int, bool]]
"""One week's nights: (value, was a mat night)."""


@dataclass(frozen=True)
class TestResult:
    difference: Fraction
    """Mean of mat nights minus mean of rest nights."""
    p_value: Fraction
    exact: bool
    count: int
    """Re-picks counted (exact) or drawn (sampled)."""


def randomisation_test(
    blocks: Sequence[Block], *, exact_up_to: int, resamples: int, seed: int
) -> TestResult:
    values = [value for block in blocks for value, _ in block]
    mats = [value for block in blocks for value, is_mat in block if is_mat]
    nights, mat_nights, total = len(values), len(mats), sum(values)
    if not 0 < mat_nights < nights:
        raise ValueError("the test needs at least one mat night and one rest night")

    def distance(mat_sum: int) -> int:
        return abs(mat_sum * nights - total * mat_nights)

    observed = distance(sum(mats))
    difference = Fraction(sum(mats), mat_nights) - Fraction(total - sum(mats), nights - mat_nights)
    picks = prod(comb(len(block), _mat_count(block)) for block in blocks)
    if picks <= exact_up_to:
        sums = _mat_sum_counts(blocks)
        hits = sum(count for mat_sum, count in sums.items() if distance(mat_sum) >= observed)
        return TestResult(difference, Fraction(hits, picks), True, picks)
    rng = generator(seed)
    labels = [[is_mat for _, is_mat in block] for block in blocks]
    block_values = [[value for value, _ in block] for block in blocks]
    hits = 0
    for _ in range(resamples):
        mat_sum = 0
        for week_values, week_labels in zip(block_values, labels, strict=True):
            shuffle_in_place(week_labels, rng)
            mat_sum += sum(v for v, is_mat in zip(week_values, week_labels, strict=True) if is_mat)
        hits += distance(mat_sum) >= observed
    return TestResult(difference, Fraction(hits + 1, resamples + 1), False, resamples)


def _mat_count(block: Block) -> int:
    return sum(1 for _, is_mat in block if is_mat)


def _mat_sum_counts(blocks: Sequence[Block]) -> Counter[int]:
    """How many of all re-picks give each total of the mat nights' values."""
    totals: Counter[int] = Counter({0: 1})
    for block in blocks:
        values = [value for value, _ in block]
        week: Counter[int] = Counter(
            sum(chosen) for chosen in combinations(values, _mat_count(block))
        )
        combined: Counter[int] = Counter()
        for so_far, ways in totals.items():
            for week_sum, week_ways in week.items():
                combined[so_far + week_sum] += ways * week_ways
        totals = combined
    return totals
