"""Engine tests run against the real content: engine.json is regenerated from content/ first."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from guide_engine.packaged_data import packaged_data
from guide_site.engine_data import write_engine_data
from tests.engine.support import ENGINE_DATA, REPO, engine_content


@pytest.fixture(scope="session", autouse=True)
def packaged_engine_data() -> Iterator[None]:
    """What `make build` does first, so build_plan() without data= uses the current content."""
    write_engine_data(engine_content(), REPO / "guide_engine")
    packaged_data.cache_clear()
    yield
    packaged_data.cache_clear()


@pytest.fixture
def engine_data() -> dict[str, Any]:
    return ENGINE_DATA
