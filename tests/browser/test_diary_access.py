"""The diary page is accessible in each of its states: axe (WCAG 2.2 AA) finds nothing, in the
light and the dark scheme (each state is built once and shown in both), and no request leaves
the site (the axe_page fixture checks)."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from tests.browser.diary import DIARY_SCENES
from tests.browser.test_plan_builder_access import assert_no_violations, axe_page  # noqa: F401
from tests.support.server import ServedSite


@pytest.mark.parametrize("scene", list(DIARY_SCENES))
def test_axe_finds_nothing_in_any_state_of_the_diary(
    axe_page: Page,  # noqa: F811 - the fixture
    served_site: ServedSite,
    scene: str,
) -> None:
    DIARY_SCENES[scene](axe_page, served_site)
    assert_no_violations(axe_page, scene)
