"""Clock times as minutes after midnight, and the evening a late bedtime belongs to."""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta

MINUTES_PER_DAY = 24 * 60

# [0-9], not \d: \d also matches other scripts' digits, which int() would quietly accept.
_TIME = re.compile(r"([01]?[0-9]|2[0-3])[:.]([0-5][0-9])")

# A bedtime before noon (00:10, 01:30) belongs to the night that began the evening before.
_NIGHT_STARTS_AT = 12 * 60


def parse_time(text: str) -> int | None:
    """Minutes after midnight for "22:30", "7:05" or "22.30"; None for anything else."""
    match = _TIME.fullmatch(text.strip())
    if match is None:
        return None
    return int(match[1]) * 60 + int(match[2])


def format_time(minutes: int) -> str:
    """ "HH:MM" on a 24-hour clock; minutes outside one day wrap (-20 is "23:40")."""
    hours, mins = divmod(minutes % MINUTES_PER_DAY, 60)
    return f"{hours:02d}:{mins:02d}"


def bedtime_on(evening: date, bedtime: int) -> datetime:
    """When lights go out on the night that starts on ``evening``.

    A bedtime of 00:10 on the evening of 1 March is 00:10 on 2 March, so a session timed back
    from it starts on the evening of 1 March, as the person means.
    """
    day = evening if bedtime >= _NIGHT_STARTS_AT else evening + timedelta(days=1)
    return datetime.combine(day, time(bedtime // 60, bedtime % 60))
