"""Engine tests run against the content under test (tests/support/content.py)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from guide_engine.packaged_data import packaged_data
from tests.support.content import ENGINE_DATA


@pytest.fixture(scope="session", autouse=True)
def packaged_engine_data() -> Iterator[None]:
    """build_plan() without data= reads $GUIDE_ENGINE_DATA (set in tests/conftest.py) afresh."""
    packaged_data.cache_clear()
    yield
    packaged_data.cache_clear()


@pytest.fixture
def engine_data() -> dict[str, Any]:
    return ENGINE_DATA
