"""Render the verified dossier into site pages, independent of MkDocs.

Each page is Markdown whose body is HTML made by Jinja2 templates with autoescaping, so any
text from YAML reaches the reader as text, never as markup. Section headings are plain Markdown
so MkDocs builds the table of contents from them. The MkDocs plugin only wraps these pages as
files; another front end could publish them as they are.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import jinja2
from markupsafe import Markup, escape

from briefing.dossier import CitationUse, Dossier, SourceDocument
from briefing.model import (
    Affiliation,
    Age,
    Attribution,
    Citation,
    DatedStatement,
    Figure,
    Group,
    Organisation,
    Person,
    Place,
    PlaceLink,
    Quote,
    Relation,
    Role,
    Statement,
)
from briefing.pictures import (
    CHART_ROW_LIMIT,
    MAP_LIMIT,
    records_on_map,
    relation_sentence,
    relationship_map,
    timeline_chart,
)
from briefing.source_view import ParagraphView, paragraphs
from briefing.templatecache import use_template_cache

PDF_NAME = "briefing.pdf"
JSON_NAME = "dossier.json"


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


def search_view(html: str) -> str:
    """What the search index reads of a generated page: its headings and its text.

    Material's search parser costs about 20 µs a tag, and our pages carry many tags for little
    text (a citation marker is three tags around a number). The index keeps only headings,
    paragraphs and list items; citation markers, sentence numbers and heading permalinks,
    noise in a search result, are left out, and scripts (the JSON-LD) and styles go with
    their content. So does a page's "Sources for this page": its passages are the source's
    words, which search finds on the source page, where each leads back to what cites it.
    """
    html = _TAG.sub(_search_tag, _NOT_FOR_SEARCH.sub("", html))
    return " ".join(html.split())  # generated pages hold no <pre>


_NOT_FOR_SEARCH = re.compile(
    r'<sup class="(?:cites|sentence-ref)">.*?</sup>|<a class="headerlink"[^>]*>.*?</a>'
    r"|<(script|style)\b.*?</\1>"
    r'|<h2\b[^>]*>(?:(?!</h2>).)*</h2>\s*<ol class="source-notes">.*?</ol>',  # with its heading
    re.DOTALL,
)
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)\b[^>]*>")
_INLINE_TAGS = {"a", "abbr", "b", "cite", "code", "em", "i", "mark", "q", "s", "small", "span",
                "strong", "sub", "sup", "time"}  # fmt: skip


def _search_tag(tag: re.Match[str]) -> str:
    closing, name = tag.group(1), tag.group(2).lower()
    if name in ("h1", "h2", "h3", "h4", "h5", "h6"):
        return tag.group(0)  # with its id: each heading starts a search result
    if name in ("p", "li", "ul", "ol"):
        return f"<{closing}{name}>"
    return "" if name in _INLINE_TAGS else " "


def _stash_html(body: str) -> tuple[str, tuple[str, ...]]:
    """Markdown with every chunk that is not a heading replaced by a numbered placeholder."""
    parts, blocks = [], []
    for chunk in re.split(r"\n\s*\n", body.strip()):
        if chunk.startswith("#") and "\n" not in chunk:
            parts.append(chunk)
        else:
            parts.append(f"{_PLACEHOLDER}{len(blocks)}")
            blocks.append(chunk)
    return "\n\n".join(parts) + "\n", tuple(blocks)


# --- where each record lives ----------------------------------------------------------------

_FOLDER = {
    "person": "people",
    "group": "people",
    "organisation": "organisations",
    "place": "places",
}


def page_of(dossier: Dossier, record_id: str) -> str:
    """Source path of the page that presents a record (event ids live on the timeline)."""
    kind = dossier.kind_of(record_id)
    if kind == "event":
        return "timeline.md"
    return f"{_FOLDER[kind]}/{record_id}.md"


def url_of(src_uri: str, use_directory_urls: bool = True) -> str:
    """The URL MkDocs gives a Markdown source path, relative to the site root."""
    stem = src_uri.removesuffix(".md")
    if not use_directory_urls:
        return f"{stem}.html"
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return f"{stem}/"


@dataclass
class _Notes:
    """The citations shown on one page, listed at its foot like footnotes."""

    shown: dict[int, Citation] = field(default_factory=dict)

    def add(self, citation: Citation) -> str:
        self.shown.setdefault(citation.number, citation)
        return ""

    def ordered(self) -> list[Citation]:
        return [self.shown[n] for n in sorted(self.shown)]


class SiteRenderer:
    """Builds every page of the site from one verified dossier."""

    def __init__(self, dossier: Dossier, *, use_directory_urls: bool = True):
        self.dossier = dossier
        self.use_directory_urls = use_directory_urls
        self.source_views: dict[str, list[ParagraphView]] = {}
        self.env = jinja2.Environment(
            loader=jinja2.PackageLoader("briefing", "templates/site"),
            autoescape=True,
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            extensions=["jinja2.ext.do"],
            auto_reload=False,  # package files: no need to stat them at every include (6 a page)
        )
        self.env.filters["oneline"] = lambda s: " ".join(str(s).split())
        self.env.filters["md_text"] = markdown_text
        self.env.globals["map_limit"] = MAP_LIMIT
        self.env.globals["chart_row_limit"] = CHART_ROW_LIMIT
        use_template_cache(self.env)

    # -- public ------------------------------------------------------------------------------

    def pages(self) -> list[SitePage]:
        """Every page, in reading order: home, people, organisations, places, the rest."""
        d = self.dossier
        page = self._page
        people = [*d.main_people, *d.other_people]
        return [
            page("index.md", d.meta.title, "home.html.j2"),
            page("people/index.md", "People", "people_index.html.j2"),
            *(page(page_of(d, p.id), p.name, "person.html.j2", record=p) for p in people),
            *(page(page_of(d, g.id), g.name, "record.html.j2", record=g)
              for g in d.groups.values()),
            page("organisations/index.md", "Organisations", "records_index.html.j2",
                 records=list(d.organisations.values())),
            *(page(page_of(d, o.id), o.name, "record.html.j2", record=o)
              for o in d.organisations.values()),
            page("places/index.md", "Places", "records_index.html.j2",
                 records=list(d.places.values())),
            *(page(page_of(d, p.id), p.name, "record.html.j2", record=p)
              for p in d.places.values()),
            page("timeline.md", "Timeline", "timeline.html.j2"),
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

    # -- rendering ---------------------------------------------------------------------------

    def _page(
        self, src_uri: str, title: str, template: str, searchable: bool = True, **context: Any
    ) -> SitePage:
        notes = _Notes()
        here = url_of(src_uri, self.use_directory_urls)
        helpers = _Helpers(self, here, notes)
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


class _Helpers:
    """What templates call: links relative to the current page, passages, names, JSON-LD."""

    def __init__(self, renderer: SiteRenderer, here: str, notes: _Notes):
        self.renderer = renderer
        self.dossier = renderer.dossier
        self.here = here
        self.notes = notes

    def link(self, src_uri: str, anchor: str = "") -> str:
        """Relative link from the current page to a page (and anchor) of the site."""
        target = url_of(src_uri, self.renderer.use_directory_urls)
        fragment = f"#{anchor}" if anchor else ""
        if target == self.here and fragment:
            return fragment
        return ("../" * self.here.count("/") + target or "./") + fragment

    def record_link(self, record_id: str) -> str:
        d = self.dossier
        anchor = f"event-{record_id}" if d.kind_of(record_id) == "event" else ""
        return self.link(page_of(d, record_id), anchor)

    def name(self, record_id: str) -> str:
        return self.dossier.name_of(record_id)

    def passage(self, citation: Citation) -> str:
        text = self.dossier.sources[citation.source_id].text[citation.start : citation.end]
        return " ".join(text.split())

    def source_link(self, citation: Citation) -> str:
        return self.link(f"sources/{citation.source_id}.md", f"c{citation.number}")

    def source_title(self, citation: Citation) -> str:
        return self.dossier.sources[citation.source_id].source.title

    def use(self, number: int) -> CitationUse:
        return self.dossier.citation(number)

    def holder_link(self, use: CitationUse) -> str:
        """Where the statement behind a citation is shown, for links back from the source."""
        first = use.holder.cite[0].number
        if use.record_kind in ("dossier", "relation") or use.record_id is None:
            return self.link("index.md", f"s{first}")
        if use.record_kind == "source":
            return self.link(f"sources/{use.record_id}.md", "about-source")
        if use.record_kind == "quote":
            return self.link("quotes.md", f"quote-{use.record_id}")
        return self.link(page_of(self.dossier, use.record_id), f"s{first}")

    def holder_label(self, use: CitationUse) -> str:
        holder = use.holder
        if use.record_kind == "dossier":
            where = "At a glance"
        elif use.record_kind == "source":
            where = "About the source"
        elif use.record_kind == "quote":
            where = "Quotes"
        elif use.record_kind == "relation":
            return f"Relationship: {relation_sentence(self.dossier, holder)}"
        else:
            where = self.dossier.name_of(use.record_id)
        # By kind, not by probing for attributes: a pydantic model refuses a missing one with
        # an exception, 4 µs each, 16,700 times at 1,000 people.
        match holder:
            case Statement() | Quote():
                label = holder.text
            case Role():
                label = holder.title
            case Attribution():
                label = holder.name
            case Figure():
                label = holder.label
            case DatedStatement():
                label = holder.value
            case Age():
                label = f"age {holder.years}"
            case PlaceLink():
                label = f"based in {self.dossier.name_of(holder.place)}"
            case Affiliation():
                label = self.dossier.name_of(holder.organisation)
            case _:
                return where
        return f"{where}: {label}"

    def json_ld(self, data: dict) -> Markup:
        """A JSON-LD script element; the JSON is escaped so text cannot end the script."""
        text = json.dumps(data, ensure_ascii=False, indent=None, sort_keys=True)
        text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
        return Markup(f'<script type="application/ld+json">{text}</script>')

    def ld_based_on(self, citations: Iterable[Citation]) -> list[dict]:
        """The sources these citations quote, in the order first cited: what a page, an event
        or a quotation rests on (all of a dossier's sources, on every item of every page, grew
        with items times sources)."""
        cited = dict.fromkeys(c.source_id for c in citations)
        sources = [self.dossier.sources[source_id].source for source_id in cited]
        return [
            {"@type": "NewsArticle", "name": s.title, **({"url": s.url} if s.url else {})}
            for s in sources
        ]

    def root_file(self, name: str) -> str:
        """Relative link from this page to a file at the root of the site."""
        return "../" * self.here.count("/") + name

    @property
    def pdf(self) -> str:
        return self.root_file(PDF_NAME)

    @property
    def data_json(self) -> str:
        return self.root_file(JSON_NAME)

    def kind_label(self, record: Any) -> str:
        if isinstance(record, Group):
            return "Group"
        if isinstance(record, Organisation):
            return "Organisation"
        if isinstance(record, Place):
            return record.kind.capitalize() if record.kind != "other" else "Place"
        return "Person"

    def source_date(self, citation: Citation) -> str:
        return self.dossier.sources[citation.source_id].source.date.date.human()

    def ld_person(self, person: Person) -> dict:
        return {
            "@context": "https://schema.org",
            "@type": "ProfilePage",
            "isBasedOn": self.ld_based_on(self.notes.ordered()),  # all the page cites so far
            "mainEntity": {
                "@type": "Person",
                "name": person.name,
                "alternateName": person.aliases,
                "description": person.summary.text,
                "jobTitle": [r.title for r in person.roles],
                "homeLocation": [
                    {"@type": "Place", "name": self.name(b.place)} for b in person.based_in
                ],
            },
        }

    def ld_timeline(self) -> dict:
        return {
            "@context": "https://schema.org",
            "@type": "WebPage",
            "name": "Timeline",
            "isBasedOn": self.ld_based_on(self.notes.ordered()),
            "hasPart": self.ld_events(),
        }

    def ld_events(self) -> list[dict]:
        status = {
            "happened": "https://schema.org/EventScheduled",
            "expected": "https://schema.org/EventScheduled",
            "planned": "https://schema.org/EventScheduled",
            "superseded": "https://schema.org/EventRescheduled",
        }
        return [
            {
                "@type": "Event",
                "@id": f"#event-{e.id}",
                "name": e.title,
                "startDate": str(e.date.date).rstrip("?~%"),
                "description": e.summary.text,
                "eventStatus": status[e.status],
                "location": [{"@type": "Place", "name": self.name(p)} for p in e.places],
                "isBasedOn": self.ld_based_on(u.citation for u in self.dossier.citations_of(e.id)),
            }
            for e in self.dossier.events
        ]

    def ld_quotes(self) -> dict:
        return {"@context": "https://schema.org", "@graph": self._ld_quotations()}

    def _ld_quotations(self) -> list[dict]:
        return [
            {
                "@type": "Quotation",
                "@id": f"#quote-{q.id}",
                "text": " ".join(q.text.split()),
                "creator": {
                    "@type": "Organization"
                    if self.dossier.kind_of(q.speaker or "") == "organisation"
                    else "Person",
                    "name": self.dossier.speaker_name(q),
                },
                "isBasedOn": self.ld_based_on(q.cite),
            }
            for q in self.dossier.quotes
        ]

    def _picture_href(self, kind: str, target: str) -> str:
        if kind == "citation":
            citation = self.dossier.citation(int(target)).citation
            return self.link(f"sources/{citation.source_id}.md", f"c{citation.number}")
        return self.record_link(target)

    def relationship_map(self, focus: str | None = None) -> Markup | None:
        svg = relationship_map(
            self.dossier, focus=focus, href=self._picture_href, svg_id=f"map-{focus or 'all'}"
        )
        return Markup(svg) if svg else None

    def timeline_chart(self) -> Markup | None:
        svg = timeline_chart(self.dossier, href=self._picture_href, svg_id="chart")
        return Markup(svg) if svg else None

    def relations(self, focus: str | None = None) -> list[Relation]:
        return self.dossier.relations if focus is None else self.dossier.relations_of(focus)

    def records_on_map(self, focus: str | None = None) -> int:
        return records_on_map(self.relations(focus))

    def source_paragraphs(self, document: SourceDocument) -> list[ParagraphView]:
        key = document.source.id
        if key not in self.renderer.source_views:
            self.renderer.source_views[key] = paragraphs(document)
        return self.renderer.source_views[key]


_MARKDOWN_SPECIALS = {c: f"&#{ord(c)};" for c in "\\`*_{}[]()#+-.!|~^=:"}


def markdown_text(text: str) -> Markup:
    """Text for a Markdown heading: HTML-escaped, and no character Markdown would act on."""
    folded = " ".join(str(text).split())
    return Markup("".join(_MARKDOWN_SPECIALS.get(c) or str(escape(c)) for c in folded))
