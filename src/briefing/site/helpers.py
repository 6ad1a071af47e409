"""What the site's templates call: links relative to the current page, passages, names,
labels, JSON-LD and pictures. Each page gets its own helpers and its own notes."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup, escape

from briefing.dossier import CitationUse, Dossier, SourceDocument, source_facts
from briefing.model import (
    Account,
    Affiliation,
    Age,
    Attribution,
    Citation,
    DatedStatement,
    Figure,
    Person,
    PlaceLink,
    Quote,
    Relation,
    Role,
    Source,
    Statement,
)
from briefing.model.kinds import kind_label
from briefing.model.sources import Provenanced
from briefing.pictures import PHONE, RelationMap, neighbourhood, relationship_map, timeline_chart
from briefing.site import jsonld
from briefing.site.urls import JSON_NAME, PDF_NAME, page_of, url_of
from briefing.source_view import ParagraphView, paragraphs


@dataclass
class Notes:
    """The citations shown on one page, listed at its foot like footnotes."""

    shown: dict[int, Citation] = field(default_factory=dict)

    def add(self, citation: Citation) -> str:
        self.shown.setdefault(citation.number, citation)
        return ""

    def ordered(self) -> list[Citation]:
        return [self.shown[n] for n in sorted(self.shown)]


class TemplateHelpers:
    """What templates call as `h.…`, for the page at `here` (its URL from the site root)."""

    def __init__(
        self,
        dossier: Dossier,
        here: str,
        notes: Notes,
        *,
        use_directory_urls: bool,
        source_views: dict[str, list[ParagraphView]],
    ):
        self.dossier = dossier
        self.here = here
        self.notes = notes
        self.use_directory_urls = use_directory_urls
        self.source_views = source_views  # shared by every page: each source is cut once

    def link(self, src_uri: str, anchor: str = "") -> str:
        """Relative link from the current page to a page (and anchor) of the site."""
        target = url_of(src_uri, self.use_directory_urls)
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
        return self.dossier.passage(citation)

    def source_link(self, citation: Citation) -> str:
        return self.link(f"sources/{citation.source_id}.md", f"c{citation.number}")

    def source_title(self, citation: Citation) -> str:
        return self.dossier.source_of(citation).title

    def source_date(self, citation: Citation) -> str:
        return self.dossier.source_date(citation).human()

    def lang(self, citations: list[Citation] | str) -> Markup:
        """` lang="…"` for words from a source (by id, or its first citation) in another
        language than the dossier's; nothing otherwise."""
        source_id = citations if isinstance(citations, str) else citations[0].source_id
        language = self.dossier.foreign_language(source_id)
        return Markup(' lang="{}"').format(language) if language else Markup("")

    def source_facts(self, source: Source) -> list[tuple[str, str, Provenanced]]:
        return source_facts(source)

    def use(self, number: int) -> CitationUse:
        return self.dossier.citation(number)

    def holder_link(self, use: CitationUse) -> str:
        """Where the statement behind a citation is shown, for links back from the source."""
        first = use.holder.cite[0].number
        if use.record_kind in ("dossier", "relation", "question") or use.record_id is None:
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
        elif use.record_kind == "question":
            where = "Where accounts differ"
        elif use.record_kind == "relation":
            return f"Relationship: {self.dossier.relation_sentence(holder)}"
        else:
            where = self.dossier.name_of(use.record_id or "")
        # By kind, not by probing for attributes: a pydantic model refuses a missing one with
        # an exception, which is slow.
        match holder:
            case Statement() | Account():
                label = holder.text
            case Quote():
                label = holder.words
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
        return kind_label(record, self.dossier.kind_of(record.id) or "")

    # -- JSON-LD ------------------------------------------------------------------------------

    def json_ld(self, data: jsonld.JsonObject) -> Markup:
        return jsonld.script(data)

    def ld_person(self, person: Person) -> jsonld.JsonObject:
        return jsonld.profile_page(self.dossier, person, self.notes.ordered())

    def ld_timeline(self) -> jsonld.JsonObject:
        return jsonld.timeline_page(self.dossier, self.notes.ordered())

    def ld_quotes(self) -> jsonld.JsonObject:
        return jsonld.quotations(self.dossier)

    # -- pictures and the source -------------------------------------------------------------

    def _picture_href(self, kind: str, target: str) -> str:
        if kind == "citation":
            citation = self.dossier.citation(int(target)).citation
            return self.link(f"sources/{citation.source_id}.md", f"c{citation.number}")
        return self.record_link(target)

    def relationship_map(self, focus: str | None = None) -> RelationMap | None:
        return relationship_map(
            self.dossier, focus=focus, href=self._picture_href, svg_id=f"map-{focus or 'all'}"
        )

    def timeline_charts(self) -> tuple[Markup, Markup] | None:
        """The chart for the column, and the one drawn in its place on a phone."""
        wide = timeline_chart(self.dossier, href=self._picture_href, svg_id="chart")
        narrow = timeline_chart(
            self.dossier, frame=PHONE, href=self._picture_href, svg_id="chart-phone"
        )
        return (Markup(wide), Markup(narrow)) if wide and narrow else None

    def svg(self, picture: RelationMap) -> Markup:
        return Markup(picture.svg)

    def relations(self, focus: str | None = None) -> list[Relation]:
        """The relations a map shows: all of them, or a record's and its neighbours'."""
        return self.dossier.relations if focus is None else neighbourhood(self.dossier, focus)

    def source_paragraphs(self, document: SourceDocument) -> list[ParagraphView]:
        key = document.source.id
        if key not in self.source_views:
            self.source_views[key] = paragraphs(document)
        return self.source_views[key]


_MARKDOWN_SPECIALS = {c: f"&#{ord(c)};" for c in "\\`*_{}[]()#+-.!|~^=:"}


def markdown_text(text: str) -> Markup:
    """Text for a Markdown heading: HTML-escaped, and no character Markdown would act on."""
    folded = " ".join(str(text).split())
    return Markup("".join(_MARKDOWN_SPECIALS.get(c) or str(escape(c)) for c in folded))
