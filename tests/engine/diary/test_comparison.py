"""The comparison: only once there are enough nights of each kind (content's threshold), by the
schedule chance picked, with a verdict in content's words that never says "proves"."""

from __future__ import annotations

import math
import re
from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from guide_engine import build_plan
from guide_engine.contract import FAIR_TEST_SEED
from guide_engine.outputs import render_diary
from tests.engine.diary.support import (
    DIARY,
    entry,
    evening,
    fair_test_answers,
    morning,
    plan_answers,
    quality,
    report,
)
from tests.engine.support import ENGINE_DATA, QUESTIONS, engine_settings

WORDS = DIARY["comparison"]
NEVER_SAY = re.compile(r"\bpro(ve|ves|ved|ven|ving|of)\b", re.IGNORECASE)


def schedule_by_offset(answers: dict) -> dict[int, str]:
    """Days after the start -> "mat" or "rest", for every fair test evening."""
    plan = build_plan(answers, data=ENGINE_DATA)
    start = date.fromisoformat(plan["answers"]["start_date"])
    return {
        (date.fromisoformat(item["date"]) - start).days: item["kind"]
        for week in plan["fair_test"]["weeks"]
        for item in week["evenings"]
    }


def diary(answers: dict, sol_on: dict[str, int], *, skip: int = 0) -> list[dict]:
    """A morning for every test evening (after the first ``skip``), SOL by its kind."""
    offsets = sorted(schedule_by_offset(answers).items())[skip:]
    return [
        entry(offset, evening(used=kind == "mat"), morning(sol=sol_on[kind] + offset % 3))
        for offset, kind in offsets
    ]


def test_a_plan_without_the_test_has_nothing_to_compare() -> None:
    result = report(plan_answers(), [entry(9, morning())])
    assert result["comparison"]["status"] == "not_a_test"
    assert result["comparison"]["text"] == WORDS["not_a_test"]


def test_too_few_nights_says_so_with_the_counts() -> None:
    answers = fair_test_answers()
    few = diary(answers, {"mat": 10, "rest": 30})[:5]
    comparison = report(answers, few)["comparison"]
    assert comparison["status"] == "too_few"
    assert comparison["mat_nights"] + comparison["rest_nights"] == len(few)
    assert str(WORDS["nights_needed_each"]) in comparison["text"]


def test_a_big_difference_is_clear_but_never_proof() -> None:
    answers = fair_test_answers()
    result = report(answers, diary(answers, {"mat": 10, "rest": 40}))
    comparison = result["comparison"]
    assert comparison["status"] == "compared"
    sol = next(o for o in comparison["outcomes"] if o["measure"] == "sol")
    # Counted exactly when content's exact_up_to covers every schedule chance could pick.
    tested = len(build_plan(answers, data=ENGINE_DATA)["fair_test"]["weeks"])
    schedules = math.comb(7, DIARY["fair_test"]["mat_evenings_per_week"]) ** tested
    assert sol["exact"] is (schedules <= WORDS["exact_up_to"])
    assert sol["clear"] is True
    assert sol["difference"] < 0 and sol["p_value"] < WORDS["clear_below"]
    finding = next(o for o in WORDS["outcomes"] if o["measure"] == "sol")["mat_lower"]
    assert finding.split("{difference}")[0] in sol["verdict"]
    for output_format in ("text", "html"):
        shown = render_diary(result, output_format, data=ENGINE_DATA).replace("&#x27;", "'")
        assert " ".join(sol["verdict"].split()) in " ".join(shown.split())
        assert not NEVER_SAY.search(shown)


def test_no_difference_reads_as_no_clear_difference() -> None:
    answers = fair_test_answers()
    result = report(answers, diary(answers, {"mat": 20, "rest": 20}))
    for outcome in result["comparison"]["outcomes"]:
        assert not outcome["clear"]
        assert outcome["verdict"].startswith(WORDS["unclear"].split("{")[0].strip()) or (
            outcome["verdict"].startswith(WORDS["same"].split("{")[0].strip())
        )


def test_nights_after_a_sign_to_stop_are_left_out() -> None:
    answers = fair_test_answers()
    nights = diary(answers, {"mat": 10, "rest": 40})
    stop_at = nights[4]["night"]
    nights[4]["stop_signs"] = [DIARY["stop_signs"][0]["id"]]
    comparison = report(answers, nights)["comparison"]
    assert comparison["after_stop"] is True
    assert comparison["mat_nights"] + comparison["rest_nights"] == 5
    assert all(n["night"] <= stop_at for n in nights[:5])


def test_evenings_off_the_schedule_are_counted_as_scheduled_and_flagged() -> None:
    answers = fair_test_answers()
    nights = diary(answers, {"mat": 20, "rest": 20})
    for item in nights:
        item.update(evening())  # the mat every evening, whatever the schedule said
    comparison = report(answers, nights)["comparison"]
    assert comparison["off_schedule"] == comparison["rest_nights"] > 0


@engine_settings
@given(
    st.integers(QUESTIONS[FAIR_TEST_SEED]["min"], QUESTIONS[FAIR_TEST_SEED]["max"]),
    st.lists(st.integers(0, 90), min_size=21, max_size=21),
    st.lists(st.integers(1, 5), min_size=21, max_size=21),
    st.integers(0, 6),
)
def test_any_full_test_gives_an_honest_verdict(
    seed: int, sols: list[int], scores: list[int], skip: int
) -> None:
    answers = fair_test_answers(seed)
    offsets = sorted(schedule_by_offset(answers).items())[skip:]
    nights = [
        entry(offset, morning(sol=sol, awakenings=0, waso=0)) | {"sleep_quality": quality(score)}
        for (offset, _kind), sol, score in zip(offsets, sols, scores, strict=False)
    ]
    comparison = report(answers, nights)["comparison"]
    if comparison["status"] != "compared":
        assert (
            min(comparison["mat_nights"], comparison["rest_nights"]) < WORDS["nights_needed_each"]
        )
        return
    assert [o["measure"] for o in comparison["outcomes"]] == [
        o["measure"] for o in WORDS["outcomes"]
    ]
    for outcome in comparison["outcomes"]:
        assert 0 < outcome["p_value"] <= 1
        if outcome["clear"]:
            assert outcome["difference"] != 0 and outcome["p_value"] <= WORDS["clear_below"]
        elif outcome["difference"] != 0:
            assert outcome["p_value"] >= WORDS["clear_below"]
        assert not NEVER_SAY.search(outcome["verdict"] + " " + outcome["chance"])
        assert "{" not in outcome["verdict"] + outcome["chance"]


def test_content_wording_never_claims_proof() -> None:
    texts = [v for v in WORDS.values() if isinstance(v, str)]
    texts += [v for o in WORDS["outcomes"] for v in o.values() if isinstance(v, str)]
    texts += DIARY["fair_test"]["can_show"] + DIARY["fair_test"]["cannot_show"]
    assert texts and not [t for t in texts if NEVER_SAY.search(t)]
