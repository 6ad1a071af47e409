"""The briefing's data for Typst: the dossier shaped into plain JSON values, with names
resolved, dates in words and passages cut from the source. The template in `briefing.typ`
lays it out."""

from __future__ import annotations

import unicodedata
from typing import Any

from briefing.dossier import Dossier, SourceDocument, source_facts
from briefing.model import Citation, DateSpec, Event, Person, Question, Quote, Record, Statement
from briefing.model.kinds import PROFILED, kind_label
from briefing.model.sources import Provenanced
from briefing.pictures import CHART_ROW_LIMIT, COLUMN, PRINT, print_charts, print_maps
from briefing.site.urls import TIMELINE, page_of, url_of
from briefing.source_view import paragraphs
from briefing.typesetting import typst_language

UNDATED = "date not given"  # an event the source does not date

# Typst lays out each footnote by re-flowing its page; past this many citations the briefing
# prints its notes at the end of each profile and section instead.
FOOTNOTE_LIMIT = 1500
# Past this many second-level headings (profiles, quote speakers) the printed contents lists
# the sections only: a contents of dozens of pages helps no reader and costs Typst time, and
# the PDF's bookmarks still list every heading.
CONTENTS_LIMIT = 150
# Up to this many records (people, groups, organisations, places) the briefing prints each in
# full. Past it, a briefing of a few hundred pages would be a reference book: it prints the
# story and the main records in full, and the others in a register pointing at the site.
RECORDS_IN_FULL = 100
# How many of a record's statements its register entry prints: the most cited ones.
REGISTER_STATEMENTS = 2


def pdf_data(
    dossier: Dossier,
    footnote_limit: int = FOOTNOTE_LIMIT,
    contents_limit: int = CONTENTS_LIMIT,
    records_in_full: int = RECORDS_IN_FULL,
    site_url: str = "",
    use_directory_urls: bool = True,
) -> dict[str, Any]:
    """Everything the template shows, as plain JSON values. `site_url` is where the site is
    published: the register gives each record's address there."""
    records = sum(len(dossier.profiles[kind.noun]) for kind in PROFILED)
    shaper = _Shaper(dossier, in_register=records > records_in_full)
    data = shaper.document()
    data["register"] = shaper.register(site_url, use_directory_urls) if shaper.in_register else None
    data["notes"] = "footnotes" if len(dossier.citations) <= footnote_limit else "sections"
    sectioned = [p for section in data["profile_sections"] for p in section["profiles"]]
    entries = len(sectioned) + len(data["quotes_by_speaker"])
    data["contents_depth"] = 2 if entries <= contents_limit else 1
    for profile in [*data["main_profiles"], *sectioned]:
        profile["notes"] = _cites_in(profile)
    data["glance_notes"] = _cites_in(
        [data["glance"], data["figures"], data["questions"], data["relations"]]
    )
    data["timeline_notes"] = _cites_in(data["timeline"])
    data["quotes_notes"] = _cites_in(data["quotes_by_speaker"])
    for section in data["register"]["sections"] if data["register"] else []:
        for letter in section["letters"]:
            for entry in letter["entries"]:
                entry["notes"] = _notes_by_passage(_cites_in(entry))
    return data


def _notes_by_passage(cites: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A register entry's notes: each passage once, with the numbers of every citation of it
    (a person's role and summary often cite the same words)."""
    notes: dict[tuple[str, str], dict[str, Any]] = {}
    for cite in cites:
        note = notes.setdefault((cite["passage"], cite["source"]), {**cite, "numbers": []})
        note["numbers"].append(str(cite["n"]))
    return [
        {**note, "numbers": ",".join(sorted(note["numbers"], key=int))} for note in notes.values()
    ]


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
    def __init__(self, dossier: Dossier, in_register: bool = False):
        self.d = dossier
        # With a register, the story keeps to the main records: their events, quotes and
        # relations; the site holds the rest.
        self.in_register = in_register
        self.main = {
            i
            for kind in PROFILED
            for i, record in dossier.profiles[kind.noun].items()
            if getattr(record, "main", False)
        }
        self.events = dossier.events
        if in_register:
            story = {e.id for i in self.main for e in dossier.events_with(i)}
            self.events = [e for e in dossier.events if e.id in story]
        # Ids that have a place of their own in the PDF, for links to it.
        self.in_pdf = {i for kind in PROFILED for i in dossier.profiles[kind.noun]}
        self.in_pdf.update(e.id for e in self.events)

    def document(self) -> dict[str, Any]:
        d = self.d
        meta = d.meta
        return {
            "title": meta.title,
            "language": typst_language(meta.language),
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
            "timeline": [self.event(e) for e in self.events],
            "questions": [self.question(q) for q in d.questions],
            "quotes_by_speaker": self.quotes_by_speaker(),
            "source_texts": []
            if self.in_register
            else [self.source_text(doc) for doc in d.sources.values()],
            "citation_count": len(d.citations),
            **self.pictures(),
            "event_counts": {"events": f"{len(d.events):,}", "limit": str(CHART_ROW_LIMIT)},
            "relations": [
                {
                    "text": d.relation_sentence(r, marked=False),  # its inference beside it
                    "alt": d.relation_sentence(r),  # for the map's description
                    "draft": r.draft,
                    **self.cited(r.cite, r.inference),
                }
                for r in d.relations
                if not self.in_register or {r.subject, r.object} & self.main
            ],
        }

    def pictures(self) -> dict[str, Any]:
        """The map's pages and the chart's, each with its share of the text's width (a unit
        of the drawing is 1/688 of it, so that text is never under 7 pt), and who the map
        leaves out."""
        maps = print_maps(self.d, PRINT)
        left_out = maps[-1].left_out if maps else []
        return {
            "relation_maps": [{"svg": m.svg, "share": m.width / COLUMN.width} for m in maps],
            # Who the map leaves out, the first dozen by name.
            "map_left_out": [self.ref(r) for r in left_out[:12]],
            "map_left_out_count": f"{len(left_out):,}",
            "timeline_charts": [{"svg": svg, "share": 1.0} for svg in print_charts(self.d, PRINT)],
        }

    def profiles(self) -> dict[str, Any]:
        """Main records, each a chapter of its own; the rest in sections by kind (`kinds`)."""
        main: list[dict[str, Any]] = []
        sections: dict[str, list[dict[str, Any]]] = {}
        for kind in PROFILED:
            for record in self.d.profiles[kind.noun].values():
                if getattr(record, "main", False):
                    main.append(self.profile(record))
                elif not self.in_register:
                    sections.setdefault(kind.print_section, []).append(self.profile(record))
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
            "lang": self.foreign(citation.source_id),
        }

    def cited(self, cites: list[Citation], inference: str | None) -> dict[str, Any]:
        shaped: dict[str, Any] = {
            "cites": [self.cite(c) for c in cites],
            "inference": inference or "",
        }
        sources, independent = self.d.sources_of(cites) if cites else (0, 0)
        if sources > 1:  # what the site's pages say beside such a statement
            shaped["sources"] = f"{sources} sources" + (
                f", {independent} independent" if independent < sources else ""
            )
        return shaped

    def statement(self, statement: Statement) -> dict[str, Any]:
        shaped = {
            "text": statement.text,
            "draft": statement.draft,
            **self.cited(statement.cite, statement.inference),
        }
        if statement.according_to is not None:
            shaped["according_to"] = self.d.claimant(statement.according_to)
        return shaped

    def question(self, question: Question) -> dict[str, Any]:
        return {
            "question": question.question,
            "about": [self.ref(i) for i in question.about],
            "note": question.note or "",
            "accounts": [
                {
                    "value": a.value,
                    "text": a.text,
                    "according_to": self.d.claimant(a.according_to),
                    **self.cited(a.cite, a.inference),
                }
                for a in question.accounts
            ],
        }

    def ref(self, record_id: str) -> dict[str, str]:
        return {
            "id": record_id if record_id in self.in_pdf else "",
            "name": self.d.name_of(record_id),
        }

    def date(self, spec: DateSpec | None) -> dict[str, str]:
        if spec is None:
            return {"text": UNDATED, "wording": "", "inferred": ""}
        return {
            "text": spec.known.human() if spec.known else UNDATED,
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
                {**self.ref(e.id), "date": self.date(e.date)["text"], "status": e.status}
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
            "text": quote.words,
            "lang": self.foreign(quote.cite[0].source_id),
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
            if self.in_register and quotes[0].speaker_id not in self.main:
                continue
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
            "lang": self.foreign(document.source.id),
            "draft": document.source.draft,
            "coverage": document.coverage.summary(),
            "facts": [
                {"label": label, "text": text, **self.known(item)}
                for label, text, item in source_facts(document.source)
            ],
            "paragraphs": shaped,
        }

    def foreign(self, source_id: str) -> dict[str, str] | None:
        """The language of words from a source in another language than the dossier's."""
        language = self.d.foreign_language(source_id)
        return typst_language(language) if language else None

    # -- the register ----------------------------------------------------------------------

    def register(self, site_url: str, use_directory_urls: bool) -> dict[str, Any]:
        """Every record but the main ones, one compact entry each, in the PDF's sections by
        kind, then by name under its first letter; with what the story left to the site."""
        d = self.d

        def address(src_uri: str) -> str:
            path = url_of(src_uri, use_directory_urls)
            return f"{site_url.rstrip('/')}/{path}" if site_url else path

        sections: dict[str, list[dict[str, Any]]] = {}
        for kind in PROFILED:
            for record in d.profiles[kind.noun].values():
                if record.id not in self.main:
                    entry = self.register_entry(record, kind.noun, address(page_of(d, record.id)))
                    sections.setdefault(kind.print_section, []).append(entry)
        shaped = []
        for title, entries in sections.items():
            entries.sort(key=lambda entry: (_folded(entry["name"]), entry["id"]))
            letters: dict[str, list[dict[str, Any]]] = {}
            for entry in entries:
                first = _folded(entry["name"])[:1].upper()
                letters.setdefault(first if first.isalpha() else "#", []).append(entry)
            shaped.append({
                "title": title,
                "letters": [{"letter": k, "entries": v} for k, v in letters.items()],
            })  # fmt: skip
        count = sum(len(entries) for entries in sections.values())
        return {
            "sections": shaped,
            "entries": f"{count:,}",
            "main": f"{len(self.main):,}",
            "site": address("index.md") if site_url else "",
            "events": f"{len(d.events):,}",
            "quotes": f"{len(d.quotes):,}",
            "relations": f"{len(d.relations):,}",
            "timeline_url": address(TIMELINE),
            "quotes_url": address("quotes.md"),
        }

    def register_entry(self, record: Record, noun: str, url: str) -> dict[str, Any]:
        """A record in brief: its name, kind, role (a person's first) or description (its
        summary), its most cited statements, and the address of its full page."""
        role = record.roles[0] if isinstance(record, Person) and record.roles else None
        candidates = [record.summary, *record.statements] if role else record.statements
        ranked = sorted(range(len(candidates)), key=lambda i: -len(candidates[i].cite))
        return {
            "id": record.id,
            "name": record.name,
            "short_name": getattr(record, "short_name", None) or "",
            "kind": kind_label(record, noun),
            "role": {
                "title": role.title,
                "status": role.status or "",
                "organisation": self.ref(role.organisation) if role.organisation else None,
                **self.cited(role.cite, role.inference),
            }
            if role
            else None,
            "description": None if role else self.statement(record.summary),
            "statements": [
                self.statement(candidates[i]) for i in sorted(ranked[:REGISTER_STATEMENTS])
            ],
            "url": url,
        }


def _folded(name: str) -> str:
    """A name as the register sorts it: without accents, case folded ("Émile" by "emile")."""
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
