"""Seeded shuffles that give the same order in every Python the engine runs in.

Python promises that ``random.Random(seed).random()`` gives the same sequence for the same
integer seed in every version; it makes no such promise for ``shuffle``, ``sample`` or
``randrange``. So the shuffle here is a plain Fisher-Yates that draws only ``random()``:
for i from the last index down to 1, swap item i with item j = int(random() * (i + 1)).
"""

from __future__ import annotations

import random
from typing import TypeVar

Item = TypeVar("Item")


def shuffle_in_place(items: list[Item], rng: random.Random) -> None:
    for i in range(len(items) - 1, 0, -1):
        j = int(rng.random() * (i + 1))
        items[i], items[j] = items[j], items[i]


def generator(seed: int) -> random.Random:
    """The generator for ``seed``: an int, so Python seeds it the version-stable way."""
    return random.Random(seed)
