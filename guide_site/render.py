"""Render loaded content into Markdown pages through Jinja2 templates.

Each page's ``template`` names ``templates/<template>.md.j2``; every template sees the page, the
whole content (so a page can show shared data such as the comparison table) and the site settings.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2

from guide_site.engine_data import build_engine_data
from guide_site.examples import EXAMPLES_PAGE_ID, EXAMPLES_SOURCE, examples_markdown
from guide_site.loader import Content

TEMPLATES = Path(__file__).parent / "templates"


@dataclass(frozen=True)
class RenderedPage:
    """One generated Markdown page and the content file it came from."""

    page_id: str
    nav_title: str
    src_uri: str
    markdown: str
    source: str


def page_src_uri(page_id: str) -> str:
    """Where a page lives in the docs tree: the home page is the site's front page."""
    return "index.md" if page_id == "home" else f"{page_id}.md"


def pages(content: Content) -> dict[str, dict[str, Any]]:
    """Every page, by id."""
    return {data["id"]: data for key, data in content.items() if key.startswith("pages/")}


class Citations:
    """Numbers references in the order of references.yml, so [3] means one source everywhere."""

    def __init__(self, content: Content) -> None:
        references = content.get("references", {}).get("references", [])
        self.numbers = {ref["id"]: number for number, ref in enumerate(references, start=1)}

    def marks(self, ref_ids: list[str]) -> str:
        """Markdown citation marks such as ``[[1]](references.md#ref-olsson-2011)``."""
        return "".join(
            f"[[{self.numbers[ref_id]}]](references.md#ref-{ref_id})" for ref_id in ref_ids
        )


def environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=False,  # output is Markdown; HTML in templates escapes with |e explicitly
    )


def render_pages(
    content: Content, engine_data: Mapping[str, Any] | None = None
) -> list[RenderedPage]:
    """Render every page of the content into Markdown, in navigation order.

    ``engine_data`` (from :func:`guide_site.engine_data.build_engine_data`, computed when not
    given) supplies the plan builder's questions, so the form and the engine share one list.
    """
    if engine_data is None:
        engine_data = build_engine_data(content)
    env = environment()
    citations = Citations(content)
    all_pages = pages(content)
    order = content["site"]["nav"]
    rendered = []
    for page_id in order:
        page = all_pages[page_id]
        template = env.get_template(f"{page['template']}.md.j2")
        markdown = template.render(
            page=page,
            pages=all_pages,
            content=content,
            site=content["site"],
            cite=citations.marks,
            citation_numbers=citations.numbers,
            page_uri=page_src_uri,
            questions=engine_data["questionnaire"]["questions"],
        )
        rendered.append(
            RenderedPage(
                page_id,
                page.get("nav_title", page["title"]),
                page_src_uri(page_id),
                markdown,
                f"content/pages/{page_id}.yml",
            )
        )
    # The example plans, worked out by the engine now, follow the plan builder in the navigation.
    examples = examples_markdown(content, engine_data, env)
    if examples is not None:
        title = content["examples"]["nav_title"]
        uri = page_src_uri(EXAMPLES_PAGE_ID)
        rendered.append(RenderedPage(EXAMPLES_PAGE_ID, title, uri, examples, EXAMPLES_SOURCE))
    return rendered
