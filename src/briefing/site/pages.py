"""Render the verified dossier into site pages, independent of MkDocs.

Each page is Markdown whose body is HTML made by Jinja2 templates with autoescaping, so any
text from YAML reaches the reader as text, never as markup. Section headings are plain Markdown
so MkDocs builds the table of contents from them. The MkDocs plugin only wraps these pages as
files; another front end could publish them as they are.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import jinja2
from markupsafe import escape

from briefing.cards import Card
from briefing.dossier import Dossier
from briefing.model.kinds import PROFILED
from briefing.pictures import CHART_ROW_LIMIT, PHONE
from briefing.site import sharing
from briefing.site.helpers import Notes, TemplateHelpers, markdown_text
from briefing.site.templatecache import use_template_cache
from briefing.site.urls import ABOUT, METHOD, TIMELINE, page_of, url_of
from briefing.source_view import ParagraphView

# Pages every briefing has, written by the engine unless the project writes its own in docs/.
STANDARD_PAGES = {
    METHOD: ("Method", "method.html.j2"),
    ABOUT: ("About this briefing", "about.html.j2"),
}


@dataclass(frozen=True)
class SitePage:
    """A generated page: its parts in reading order, each a Markdown heading or HTML.

    Markdown is given the headings alone, to build their HTML and the page's contents list
    from; it would parse the HTML slowly and gain nothing from it, so `fill` puts the HTML
    back between the converted headings. `meta` is the page's front matter.
    """

    src_uri: str  # "people/tokayev.md"
    title: str  # plain text
    parts: tuple[str, ...]
    meta: dict[str, Any] = field(default_factory=dict)
    searchable: bool = True
    description: str = ""  # plain text, for its <meta> description and link previews
    og_type: str = "article"
    card: Card | None = None  # its own share card; pages without one share the home page's

    @property
    def markdown(self) -> str:
        """What Markdown converts: the page's headings."""
        return "\n\n".join(part for part in self.parts if _is_heading(part)) + "\n"

    def fill(self, html: str) -> str:
        """The whole page: its headings as Markdown converted them, one a line (`html`), with
        the HTML between them where it stood."""
        converted = _HEADING_STARTS.split(html) if html else []
        headings = sum(1 for part in self.parts if _is_heading(part))
        if len(converted) != headings:
            raise ValueError(
                f"{self.src_uri}: Markdown gave back {len(converted)} parts for its {headings} "
                "headings, not one a line; a Markdown extension in mkdocs.yml changes them"
            )
        converted_headings = iter(converted)
        return "\n".join(
            next(converted_headings) if _is_heading(part) else part for part in self.parts
        )


_HEADING_STARTS = re.compile(r"\n(?=<h[1-6][\s>])")


def _is_heading(part: str) -> bool:
    return part.startswith("#") and "\n" not in part


def _parts(body: str) -> tuple[str, ...]:
    """A rendered page cut into its parts: paragraphs of Markdown or HTML, blank-line apart."""
    return tuple(re.split(r"\n\s*\n", body.strip()))


class SiteRenderer:
    """Builds every page of the site from one verified dossier."""

    def __init__(
        self,
        dossier: Dossier,
        *,
        use_directory_urls: bool = True,
        written: frozenset[str] = frozenset(),
    ):
        self.dossier = dossier
        self.written = written  # the project's own pages: a standard page of that name gives way
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
        self.env.filters["md_text"] = markdown_text
        self.env.globals["phone_width"] = PHONE.width
        self.env.globals["chart_row_limit"] = CHART_ROW_LIMIT
        use_template_cache(self.env)

    def pages(self) -> list[SitePage]:
        """Every page, in reading order: home, each kind's profiles (its index first, main
        records first), the timeline, quotes, sources and data."""
        d = self.dossier
        page = self._page
        pages = [
            page(
                "index.md",
                d.meta.title,
                "home.html.j2",
                sharing.home_description(d),
                og_type="website",
                card=sharing.home_card(d),
            )
        ]
        for kind in PROFILED:
            records = list(d.profiles[kind.noun].values())
            if kind.section:
                pages.append(
                    page(
                        f"{kind.pages}/index.md",
                        kind.section,
                        kind.index_template,
                        sharing.index_description(kind.section, records),
                        records=records,
                    )
                )
            records.sort(key=lambda record: not getattr(record, "main", False))
            for r in records:
                src_uri = page_of(d, r.id)
                main = getattr(r, "main", False)  # a main record's page has its own card
                pages.append(
                    page(
                        src_uri,
                        r.name,
                        kind.page_template,
                        r.summary.text,
                        og_type="profile" if kind.noun == "person" else "article",
                        card=sharing.profile_card(d, src_uri, r, kind.label) if main else None,
                        record=r,
                    )
                )
        return [
            *pages,
            page(TIMELINE, "Timeline", "timeline.html.j2", sharing.timeline_description(d)),
            page("quotes.md", "Quotes", "quotes.html.j2", sharing.quotes_description(d)),
            page("sources/index.md", "Sources", "sources_index.html.j2",
                 sharing.sources_description(d)),
            *(page(f"sources/{source_id}.md", f"Source: {doc.source.title}", "source.html.j2",
                   sharing.source_description(doc), document=doc)
              for source_id, doc in d.sources.items()),
            # The table repeats the source and the statements, each already searchable on
            # its own page: left out of search, where it would only duplicate every hit.
            *(page(f"sources/{source_id}/sentences.md",
                   f"Sentence by sentence: {doc.source.title}", "source_sentences.html.j2",
                   sharing.sentences_description(doc), searchable=False, document=doc)
              for source_id, doc in d.sources.items()),
            page("data.md", "Data", "data.html.j2", sharing.DATA_DESCRIPTION),
            *(page(uri, title, template, sharing.standard_description(d, uri))
              for uri, (title, template) in STANDARD_PAGES.items() if uri not in self.written),
        ]  # fmt: skip

    def _page(
        self,
        src_uri: str,
        title: str,
        template: str,
        description: str,
        searchable: bool = True,
        og_type: str = "article",
        card: Card | None = None,
        **context: Any,
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
        description = sharing.shortened(description)
        meta: dict[str, Any] = {}
        if src_uri == "index.md":  # MkDocs names the home page "Home"; the title is its <h1>
            parts = _parts(f"<h1>{escape(title)}</h1>\n\n{body}")
        else:
            parts, meta["title"] = _parts(body), str(escape(title))
            if not searchable:
                meta["search"] = {"exclude": True}
        # Material writes the front matter's values into the page unescaped: escaped here.
        meta["description"] = str(escape(description))
        return SitePage(src_uri, title, parts, meta, searchable, description, og_type, card)
