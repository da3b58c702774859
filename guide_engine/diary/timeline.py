"""A night's clock times placed on one line, so times after midnight work.

People write clock times ("23:40", "00:25", "06:50"), never dates. Each time is taken as the
first moment at or after the one before it, in the order the night happens: into bed, tried to
sleep, final awakening, out of bed. So 23:40 then 00:25 is 45 minutes, and any pair of times
is less than a day apart. A slip (times in the wrong order) then shows up as a night of almost
a day, which the checks catch with the content's ``hours_in_bed`` limit.
"""

from __future__ import annotations

from dataclasses import dataclass

from guide_engine.clock import MINUTES_PER_DAY


@dataclass(frozen=True)
class Night:
    """Minutes from the moment the person got into bed (into_bed is 0)."""

    tried_to_sleep: int
    final_awakening: int
    out_of_bed: int


def place(into_bed: int | None, tried_to_sleep: int, final_awakening: int, out: int) -> Night:
    """Clock minutes (0-1439) in, minutes from getting into bed out.

    No into_bed means the person got into bed when they tried to sleep (the Consensus Sleep
    Diary asks both; our check-in lets people skip the first). The final awakening comes
    strictly after trying to sleep: equal times mean a whole day, which the checks refuse.
    """
    tried = 0 if into_bed is None else (tried_to_sleep - into_bed) % MINUTES_PER_DAY
    asleep_span = (final_awakening - tried_to_sleep) % MINUTES_PER_DAY or MINUTES_PER_DAY
    final = tried + asleep_span
    return Night(tried, final, final + (out - final_awakening) % MINUTES_PER_DAY)
