"""The benchmark reports each page's median Lighthouse run, chosen by Lighthouse's own rule."""

from __future__ import annotations

from tests.bench_lighthouse import median_run, mid_tier_phone_slowdown


def report(fcp_ms: float, interactive_ms: float) -> dict:
    audits = {"first-contentful-paint": fcp_ms, "interactive": interactive_ms}
    return {"audits": {name: {"numericValue": value} for name, value in audits.items()}}


def test_the_median_run_is_the_one_closest_to_the_median_paint_and_interactive_times() -> None:
    fast, middle, slow = report(900, 2_000), report(1_000, 2_600), report(1_900, 6_000)
    assert median_run([slow, fast, middle]) is middle
    assert median_run([fast]) is fast


def test_the_cpu_slowdown_follows_lighthouses_table_for_a_mid_tier_phone() -> None:
    assert [mid_tier_phone_slowdown(index) for index in (2_400, 1_500, 900, 500)] == [4, 4, 2, 1]
