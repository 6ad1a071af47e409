"""The briefing's data for Typst: the dossier shaped into plain JSON values, with names
resolved, dates in words and passages cut from the source. The template in `briefing.typ`
lays it out."""

from __future__ import annotations

from typing import Any

from briefing.dossier import Dossier, SourceDocument, source_facts
from briefing.model import Citation, DateSpec, Event, Person, Quote, Record, Statement
from briefing.model.kinds import PROFILED
from briefing.model.sources import Provenanced
from briefing.pictures import (
    CHART_ROW_LIMIT,
    MAP_LIMIT,
    PRINT,
    records_on_map,
    relationship_map,
    timeline_chart,
)
from briefing.source_view import paragraphs

# Typst lays out each footnote by re-flowing its page; past this many citations the briefing
# prints its notes at the end of each profile and section instead.
FOOTNOTE_LIMIT = 1500
# Past this many second-level headings (profiles, quote speakers) the printed contents lists
# the sections only: a contents of dozens of pages helps no reader and costs Typst time, and
# the PDF's bookmarks still list every heading.
CONTENTS_LIMIT = 150


def pdf_data(
    dossier: Dossier,
    footnote_limit: int = FOOTNOTE_LIMIT,
    contents_limit: int = CONTENTS_LIMIT,
) -> dict[str, Any]:
    """Everything the template shows, as plain JSON values."""
    data = _Shaper(dossier).document()
    data["notes"] = "footnotes" if len(dossier.citations) <= footnote_limit else "sections"
    sectioned = [p for section in data["profile_sections"] for p in section["profiles"]]
    entries = len(sectioned) + len(data["quotes_by_speaker"])
    data["contents_depth"] = 2 if entries <= contents_limit else 1
    for profile in [*data["main_profiles"], *sectioned]:
        profile["notes"] = _cites_in(profile)
    data["glance_notes"] = _cites_in([data["glance"], data["figures"], data["relations"]])
    data["timeline_notes"] = _cites_in(data["timeline"])
    data["quotes_notes"] = _cites_in(data["quotes_by_speaker"])
    return data


def _cites_in(value: Any) -> list[dict[str, Any]]:
    """Every citation shaped inside a value, once each, in the order they appear."""
    found: dict[int, dict[str, Any]] = {}

    def walk(item: Any) -> None:
        if isinstance(item, dict):
            for cite in item.get("cites", []):
                found.setdefault(cite["n"], cite)
            for key, child in item.items():
                if key != "cites":
                    walk(child)
        elif isinstance(item, list):
            for child in item:
                walk(child)

    walk(value)
    return list(found.values())


class _Shaper:
    def __init__(self, dossier: Dossier):
        self.d = dossier
        # Ids that have a place of their own in the PDF, for links to it.
        self.in_pdf = {i for kind in PROFILED for i in dossier.profiles[kind.noun]}
        self.in_pdf.update(e.id for e in dossier.events)

    def document(self) -> dict[str, Any]:
        d = self.d
        meta = d.meta
        return {
            "title": meta.title,
            "subtitle": meta.subtitle or "",
            "as_of": d.as_of(),
            "marking": meta.marking,
            "keywords": sorted(
                {p.name for p in d.main_people} | {p.name for p in d.places.values()}
            ),
            "sources": [self.source(doc) for doc in d.sources.values()],
            "glance": [self.statement(s) for s in meta.at_a_glance],
            "figures": [
                {"value": f.value, "label": f.label, **self.cited(f.cite, f.inference)}
                for f in meta.key_figures
            ],
            **self.profiles(),
            "timeline": [self.event(e) for e in d.events],
            "quotes_by_speaker": self.quotes_by_speaker(),
            "source_texts": [self.source_text(doc) for doc in d.sources.values()],
            "citation_count": len(d.citations),
            "relation_map": relationship_map(d, palette=PRINT, svg_id="map") or "",
            # What the note in place of a map too crowded to draw says (numbers as printed).
            "relation_counts": {
                "relations": f"{len(d.relations):,}",
                "records": f"{records_on_map(d.relations):,}",
                "limit": str(MAP_LIMIT),
            },
            "timeline_chart": timeline_chart(d, palette=PRINT, svg_id="chart") or "",
            "event_counts": {"events": f"{len(d.events):,}", "limit": str(CHART_ROW_LIMIT)},
            "relations": [
                {
                    "text": d.relation_sentence(r),
                    "draft": r.draft,
                    **self.cited(r.cite, r.inference),
                }
                for r in d.relations
            ],
        }

    def profiles(self) -> dict[str, Any]:
        """Main records, each a chapter of its own; the rest in sections by kind (`kinds`)."""
        main: list[dict[str, Any]] = []
        sections: dict[str, list[dict[str, Any]]] = {}
        for kind in PROFILED:
            for record in self.d.profiles[kind.noun].values():
                shaped = self.profile(record)
                if getattr(record, "main", False):
                    main.append(shaped)
                else:
                    sections.setdefault(kind.print_section, []).append(shaped)
        return {
            "main_profiles": main,
            "profile_sections": [{"title": t, "profiles": p} for t, p in sections.items()],
        }

    # -- pieces --------------------------------------------------------------------------

    def cite(self, citation: Citation) -> dict[str, Any]:
        return {
            "n": citation.number,
            "passage": self.d.passage(citation),
            "source": self.d.source_of(citation).title,
        }

    def cited(self, cites: list[Citation], inference: str | None) -> dict[str, Any]:
        return {"cites": [self.cite(c) for c in cites], "inference": inference or ""}

    def statement(self, statement: Statement) -> dict[str, Any]:
        return {
            "text": statement.text,
            "draft": statement.draft,
            **self.cited(statement.cite, statement.inference),
        }

    def ref(self, record_id: str) -> dict[str, str]:
        return {
            "id": record_id if record_id in self.in_pdf else "",
            "name": self.d.name_of(record_id),
        }

    def date(self, spec: DateSpec) -> dict[str, str]:
        return {
            "text": spec.date.human(),
            "wording": spec.wording or "",
            "inferred": spec.inferred or "",
        }

    def source(self, document: SourceDocument) -> dict[str, Any]:
        source = document.source
        return {
            "title": source.title,
            "draft": source.draft,
            "file": document.shown_as,
            "date": source.date.date.human(),
            "publisher": source.publisher.name if source.publisher else "",
            "agency": source.agency.name if source.agency else "",
            "authors": [a.name for a in source.authors],
            "url": source.address or "",
            "coverage": document.coverage.summary(),
        }

    def known(self, item: Provenanced) -> dict[str, Any]:
        """How a fact about a source is known: its citations, the page field, the inference."""
        return {
            **self.cited(item.cite or [], item.inference),
            "page": item.page.field if item.page else "",
        }

    def profile(self, record: Record) -> dict[str, Any]:
        d = self.d
        kind = d.kind_of(record.id)
        data: dict[str, Any] = {
            "id": record.id,
            "name": record.name,
            "draft": record.draft,
            "kind": kind,
            "aliases": list(getattr(record, "aliases", [])),
            "short_name": getattr(record, "short_name", None) or "",
            "size": getattr(record, "size", None) or "",
            "summary": self.statement(record.summary),
            "statements": [self.statement(s) for s in record.statements],
            "roles": [],
            "age": None,
            "based_in": [
                {**self.ref(b.place), "wording": b.wording or "", **self.cited(b.cite, b.inference)}
                for b in getattr(record, "based_in", [])
            ],
            "affiliations": [
                {**self.ref(a.organisation), **self.cited(a.cite, a.inference)}
                for a in getattr(record, "affiliations", [])
            ],
            "quotes": [self.quote(q) for q in d.quotes_by(record.id)],
            "said_of": [
                self.quote(q) for q in d.quotes_about(record.id) if q.speaker_id != record.id
            ],
            "events": [
                {**self.ref(e.id), "date": e.date.date.human(), "status": e.status}
                for e in d.events_with(record.id)
            ],
            "related": [self.ref(r) for r in d.related(record.id)],
        }
        if isinstance(record, Person):
            data["roles"] = [
                {
                    "title": r.title,
                    "status": r.status or "",
                    "organisation": self.ref(r.organisation) if r.organisation else None,
                    "start": self.date(r.start) if r.start else None,
                    "end": self.date(r.end) if r.end else None,
                    **self.cited(r.cite, r.inference),
                }
                for r in record.roles
            ]
            if record.age:
                data["age"] = {
                    "years": record.age.years,
                    "as_of": d.source_date(record.age.cite[0]).human(),
                    **self.cited(record.age.cite, record.age.inference),
                }
        return data

    def quote(self, quote: Quote) -> dict[str, Any]:
        speaker = (
            self.ref(quote.speaker_id)
            if quote.speaker_id
            else {"id": "", "name": self.d.speaker_name(quote)}
        )
        return {
            "text": " ".join(quote.text.split()),
            "speaker": speaker,
            "role": quote.role or "",
            "delivery": quote.delivery,
            "draft": quote.draft,
            "event": self.ref(quote.event) if quote.event else None,
            **self.cited(quote.cite, quote.inference),
        }

    def event(self, event: Event) -> dict[str, Any]:
        return {
            "id": event.id,
            "title": event.title,
            "draft": event.draft,
            "date": self.date(event.date),
            "status": event.status,
            "superseded_by": self.ref(event.superseded_by) if event.superseded_by else None,
            "summary": self.statement(event.summary),
            "statements": [self.statement(s) for s in event.statements],
            "participants": [self.ref(p) for p in event.participants],
            "places": [self.ref(p) for p in event.places],
        }

    def quotes_by_speaker(self) -> list[dict[str, Any]]:
        groups = []
        for _, quotes in self.d.quotes_by_speaker():
            shaped = [self.quote(q) for q in quotes]
            groups.append({"speaker": shaped[0]["speaker"], "quotes": shaped})
        return groups

    def source_text(self, document: SourceDocument) -> dict[str, Any]:
        shaped = []
        for para in paragraphs(document):
            segments: list[dict[str, Any]] = []
            for position, sentence in enumerate(para.sentences):
                if position:
                    segments.append({"text": " ", "cited": False})
                segments += [{"text": s.text, "cited": bool(s.cites)} for s in sentence.segments]
            shaped.append({"kind": para.kind, "segments": segments})
        return {
            "title": document.source.title,
            "draft": document.source.draft,
            "coverage": document.coverage.summary(),
            "facts": [
                {"label": label, "text": text, **self.known(item)}
                for label, text, item in source_facts(document.source)
            ],
            "paragraphs": shaped,
        }
