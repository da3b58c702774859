"""The comparison is structured data (aids x criteria), rendered as an accessible table."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from bs4 import BeautifulSoup

from tests.support.content import REPO


def comparison_page(site: Path) -> BeautifulSoup:
    html = (site / "comparison" / "index.html").read_text(encoding="utf-8")
    return BeautifulSoup(html, "html.parser")


def test_every_aid_is_described_against_the_same_criteria(content: dict[str, Any]) -> None:
    """Every aid has a cell for each criterion, in the criteria's order (the table's columns)."""
    comparison = content["comparison"]
    criteria = [criterion["id"] for criterion in comparison["criteria"]]
    assert len(comparison["aids"]) >= 2, "a comparison needs something to compare"
    for aid in comparison["aids"]:
        assert list(aid["cells"]) == criteria, aid["id"]


def test_the_comparison_uses_the_same_evidence_labels_as_the_pages() -> None:
    schemas = REPO / "content" / "schemas"
    page = json.loads((schemas / "page.schema.json").read_text(encoding="utf-8"))
    comparison = json.loads((schemas / "comparison.schema.json").read_text(encoding="utf-8"))
    cell = comparison["properties"]["aids"]["items"]["properties"]["cells"]["properties"]
    assert cell["evidence"]["properties"]["status"]["enum"] == page["$defs"]["evidence"]["enum"]


def test_cbt_i_is_presented_as_the_first_line_treatment(content: dict[str, Any]) -> None:
    cbt_i = next(aid for aid in content["comparison"]["aids"] if aid["id"] == "cbt-i")
    assert cbt_i["cells"]["evidence"]["status"] == "supported_by_trials"
    assert set(cbt_i["cells"]["evidence"]["refs"]) == {"qaseem-2016", "edinger-2021"}
    assert "first treatment" in cbt_i["cells"]["evidence"]["text"]


def test_the_mat_is_not_oversold(content: dict[str, Any]) -> None:
    mat = next(aid for aid in content["comparison"]["aids"] if aid["id"] == "mat")
    assert mat["cells"]["evidence"]["status"] == "mixed_or_no_effect"
    assert set(mat["cells"]["evidence"]["refs"]) == {"kjellgren-2011", "kisker-2023"}


def test_the_table_is_named_by_its_visible_caption(
    built_site: Path, content: dict[str, Any]
) -> None:
    table = comparison_page(built_site).select_one("table.comparison-table")
    assert table is not None
    caption = comparison_page(built_site).find(id=table["aria-labelledby"])
    assert caption is not None and caption.name == "figcaption"
    assert caption.get_text(" ", strip=True) == " ".join(content["comparison"]["caption"].split())


def test_column_and_row_headers_are_scoped(built_site: Path, content: dict[str, Any]) -> None:
    table = comparison_page(built_site).select_one("table.comparison-table")
    assert table is not None
    columns = [th.get_text(strip=True) for th in table.select("thead th[scope=col]")]
    labels = [criterion["label"] for criterion in content["comparison"]["criteria"]]
    assert columns == ["Sleep aid", *labels]
    rows = [th.get_text(strip=True) for th in table.select("tbody tr > th[scope=row]")]
    assert rows == [aid["name"] for aid in content["comparison"]["aids"]]


def test_each_cell_carries_its_column_label_for_the_phone_layout(
    built_site: Path, content: dict[str, Any]
) -> None:
    """On a phone each row becomes a card, and each cell shows its data-label as a heading."""
    labels = [criterion["label"] for criterion in content["comparison"]["criteria"]]
    table = comparison_page(built_site).select_one("table.comparison-table")
    assert table is not None
    for row in table.select("tbody tr"):
        assert [cell["data-label"] for cell in row.find_all("td")] == labels


def test_each_evidence_cell_shows_its_label_and_numbered_sources(
    built_site: Path, content: dict[str, Any]
) -> None:
    table = comparison_page(built_site).select_one("table.comparison-table")
    assert table is not None
    for aid, row in zip(content["comparison"]["aids"], table.select("tbody tr"), strict=True):
        evidence = row.find("td")
        badge = evidence.select_one(f".evidence--{aid['cells']['evidence']['status']}")
        assert badge is not None, aid["id"]
        links = {a["href"] for a in evidence.find_all("a")}
        assert links == {f"../references/#ref-{ref}" for ref in aid["cells"]["evidence"]["refs"]}


def test_each_aid_has_a_longer_description_below_the_table(
    built_site: Path, content: dict[str, Any]
) -> None:
    page = comparison_page(built_site)
    blocks = {
        block.summary.get_text(strip=True): block.get_text(" ", strip=True)
        for block in page.select("#each-aid ~ details")
    }
    for aid in content["comparison"]["aids"]:
        assert " ".join(aid["summary"].split()) in blocks[aid["name"]]
