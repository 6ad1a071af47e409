"""Render the verified dossier into site pages, independent of MkDocs.

Each page is Markdown whose body is HTML made by Jinja2 templates with autoescaping, so any
text from YAML reaches the reader as text, never as markup. Section headings are plain Markdown
so MkDocs builds the table of contents from them. The MkDocs plugin only wraps these pages as
files; another front end could publish them as they are.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

import jinja2
from markupsafe import escape

from briefing.dossier import Dossier
from briefing.model.kinds import PROFILED
from briefing.pictures import CHART_ROW_LIMIT, PHONE
from briefing.site.helpers import Notes, TemplateHelpers, markdown_text
from briefing.site.templatecache import use_template_cache
from briefing.site.urls import TIMELINE, page_of, url_of
from briefing.source_view import ParagraphView


@dataclass(frozen=True)
class SitePage:
    """A generated page: Markdown headings, with each block of HTML left as a placeholder.

    Markdown processors parse raw HTML slowly and gain nothing from it here, so the HTML
    blocks travel beside the Markdown and `fill` puts them into the converted page.
    """

    src_uri: str  # "people/tokayev.md"
    title: str  # plain text
    markdown: str
    blocks: tuple[str, ...] = ()
    searchable: bool = True

    def fill(self, html: str) -> str:
        """The converted page with every placeholder paragraph replaced by its HTML block."""
        for number, block in enumerate(self.blocks):
            html = html.replace(f"<p>{_PLACEHOLDER}{number}</p>", block, 1)
        return html


_PLACEHOLDER = "BRIEFINGBLOCK"


def _stash_html(body: str) -> tuple[str, tuple[str, ...]]:
    """Markdown with every chunk that is not a heading replaced by a numbered placeholder."""
    parts: list[str] = []
    blocks: list[str] = []
    for chunk in re.split(r"\n\s*\n", body.strip()):
        if chunk.startswith("#") and "\n" not in chunk:
            parts.append(chunk)
        else:
            parts.append(f"{_PLACEHOLDER}{len(blocks)}")
            blocks.append(chunk)
    return "\n\n".join(parts) + "\n", tuple(blocks)


class SiteRenderer:
    """Builds every page of the site from one verified dossier."""

    def __init__(self, dossier: Dossier, *, use_directory_urls: bool = True):
        self.dossier = dossier
        self.use_directory_urls = use_directory_urls
        self.source_views: dict[str, list[ParagraphView]] = {}
        self.env = jinja2.Environment(
            loader=jinja2.PackageLoader("briefing.site", "templates"),
            autoescape=True,
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            extensions=["jinja2.ext.do"],
            auto_reload=False,  # package files: no need to stat them at every include
        )
        self.env.filters["oneline"] = lambda s: " ".join(str(s).split())
        self.env.filters["md_text"] = markdown_text
        self.env.globals["phone_width"] = PHONE.width
        self.env.globals["chart_row_limit"] = CHART_ROW_LIMIT
        use_template_cache(self.env)

    def pages(self) -> list[SitePage]:
        """Every page, in reading order: home, each kind's profiles (its index first, main
        records first), the timeline, quotes, sources and data."""
        d = self.dossier
        page = self._page
        pages = [page("index.md", d.meta.title, "home.html.j2")]
        for kind in PROFILED:
            records = list(d.profiles[kind.noun].values())
            if kind.section:
                pages.append(page(f"{kind.pages}/index.md", kind.section, kind.index_template,
                                  records=records))  # fmt: skip
            records.sort(key=lambda record: not getattr(record, "main", False))
            pages += [page(page_of(d, r.id), r.name, kind.page_template, record=r) for r in records]
        return [
            *pages,
            page(TIMELINE, "Timeline", "timeline.html.j2"),
            page("quotes.md", "Quotes", "quotes.html.j2"),
            page("sources/index.md", "Sources", "sources_index.html.j2"),
            *(page(f"sources/{source_id}.md", f"Source: {doc.source.title}", "source.html.j2",
                   document=doc) for source_id, doc in d.sources.items()),
            # The table repeats the source and the statements, each already searchable on
            # its own page: left out of search, where it would only duplicate every hit.
            *(page(f"sources/{source_id}/sentences.md",
                   f"Sentence by sentence: {doc.source.title}", "source_sentences.html.j2",
                   searchable=False, document=doc) for source_id, doc in d.sources.items()),
            page("data.md", "Data", "data.html.j2"),
        ]  # fmt: skip

    def _page(
        self, src_uri: str, title: str, template: str, searchable: bool = True, **context: Any
    ) -> SitePage:
        notes = Notes()
        here = url_of(src_uri, self.use_directory_urls)
        helpers = TemplateHelpers(
            self.dossier,
            here,
            notes,
            use_directory_urls=self.use_directory_urls,
            source_views=self.source_views,
        )
        body = self.env.get_template(template).render(
            d=self.dossier, h=helpers, notes=notes, title=title, **context
        )
        if src_uri == "index.md":  # MkDocs names the home page "Home"; the title is its <h1>
            markdown, blocks = _stash_html(f"<h1>{escape(title)}</h1>\n\n{body}")
            return SitePage(src_uri, title, markdown, blocks)
        search = "" if searchable else "search:\n  exclude: true\n"
        front_matter = f"---\ntitle: {json.dumps(str(escape(title)))}\n{search}---\n\n"
        markdown, blocks = _stash_html(body)
        return SitePage(src_uri, title, front_matter + markdown, blocks, searchable)
