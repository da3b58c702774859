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

from guide_engine.diary.fields import MAT_USED, WITH_THE_MAT
from guide_site.examples import example_plans
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


def dotted_keys(words: Mapping[str, Any], prefix: str = "") -> dict[str, str]:
    """Nested words as one level, with dotted keys: ``{"status": {"ready": ...}}`` gives
    ``{"status.ready": ...}``, as a page's script looks its words up."""
    flat: dict[str, str] = {}
    for key, value in words.items():
        if isinstance(value, Mapping):
            flat.update(dotted_keys(value, f"{prefix}{key}."))
        else:
            flat[f"{prefix}{key}"] = str(value)
    return flat


def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=False,  # output is Markdown; HTML in templates escapes with |e explicitly
    )
    env.filters["dotted"] = dotted_keys
    return env


class RenderError(Exception):
    """A page's template failed; ``page_key`` names the page's content file."""

    def __init__(self, page_key: str, template: str, problem: jinja2.TemplateError) -> None:
        self.page_key, self.template = page_key, template
        super().__init__(f"template '{template}' failed: {problem}")


def render_pages(content: Content, engine_data: Mapping[str, Any]) -> list[RenderedPage]:
    """Render every page of content/pages into Markdown: the nav's order, then any others.

    ``engine_data`` (from :func:`guide_site.engine_data.build_engine_data`) supplies the plan
    builder's questions and works out the example plans, so pages and engine share one source.
    Raises RenderError for a template that fails.
    """
    env = environment()
    citations = Citations(content)
    all_pages = pages(content)
    keys = {data["id"]: key for key, data in content.items() if key.startswith("pages/")}
    in_nav = [page_id for page_id in content["site"]["nav"] if page_id in all_pages]
    order = in_nav + sorted(set(all_pages) - set(in_nav))
    shared = {
        "pages": all_pages,
        "content": content,
        "site": content["site"],
        "cite": citations.marks,
        "citation_numbers": citations.numbers,
        "page_uri": page_src_uri,
        "questions": engine_data["questionnaire"]["questions"],
        "examples": example_plans(content, engine_data),
        # The diary page's check-ins: the engine's fields (stop signs resolved), and the answer
        # of mat_used that reveals the fields asked only with the mat.
        "diary_fields": engine_data["diary"]["fields"],
        "diary_form": {"with_the_mat": WITH_THE_MAT, "mat_used": MAT_USED},
    }
    rendered = []
    for page_id in order:
        page = all_pages[page_id]
        try:
            template = env.get_template(f"{page['template']}.md.j2")
            markdown = template.render(page=page, **shared)
        except jinja2.TemplateError as problem:
            raise RenderError(keys[page_id], page["template"], problem) from problem
        rendered.append(
            RenderedPage(
                page_id,
                page.get("nav_title", page["title"]),
                page_src_uri(page_id),
                markdown,
                f"content/{keys[page_id]}.yml",
            )
        )
    return rendered
