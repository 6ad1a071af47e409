"""The verified dossier: what every renderer (site, PDF, exports) reads, and nothing else.

By the time a `Dossier` exists, every reference resolves, every citation is located in its
source text, every relative date is resolved, and coverage is measured.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from briefing.coverage import Coverage
from briefing.model import (
    Citation,
    DossierMeta,
    Event,
    Group,
    Organisation,
    Person,
    Place,
    Quote,
    Relation,
    Source,
    Statement,
)

Entity = Person | Group | Organisation | Place


@dataclass
class SourceDocument:
    source: Source
    text: str
    shown_as: str  # path of the seed file as shown to people
    coverage: Coverage


@dataclass(frozen=True)
class CitationUse:
    """A verified citation and what cites it: the record and the statement-like holder."""

    citation: Citation
    record_kind: str  # "person", "event", "quote", "dossier", "source", ...
    record_id: str | None
    holder: Any  # the model whose `cite` this is: a Statement, Role, Age, Quote, Figure, ...

    @property
    def number(self) -> int:
        return self.citation.number  # type: ignore[return-value]


@dataclass
class Dossier:
    meta: DossierMeta
    sources: dict[str, SourceDocument]
    people: dict[str, Person]
    groups: dict[str, Group]
    organisations: dict[str, Organisation]
    places: dict[str, Place]
    events: list[Event]  # in chronological order
    quotes: list[Quote]
    relations: list[Relation] = field(default_factory=list)
    citations: list[CitationUse] = field(default_factory=list)  # by number, from 1

    def entity(self, entity_id: str) -> Entity | Event | None:
        for table in (self.people, self.groups, self.organisations, self.places):
            if entity_id in table:
                return table[entity_id]
        return next((e for e in self.events if e.id == entity_id), None)

    def kind_of(self, entity_id: str) -> str | None:
        for kind, table in (
            ("person", self.people),
            ("group", self.groups),
            ("organisation", self.organisations),
            ("place", self.places),
        ):
            if entity_id in table:
                return kind
        if any(e.id == entity_id for e in self.events):
            return "event"
        return None

    def name_of(self, entity_id: str) -> str:
        entity = self.entity(entity_id)
        if entity is None:
            return entity_id
        return entity.title if isinstance(entity, Event) else entity.name

    def citation(self, number: int) -> CitationUse:
        return self.citations[number - 1]

    @property
    def main_people(self) -> list[Person]:
        return [p for p in self.people.values() if p.main]

    @property
    def other_people(self) -> list[Person]:
        return [p for p in self.people.values() if not p.main]

    def quotes_by(self, actor_id: str) -> list[Quote]:
        return [q for q in self.quotes if q.speaker == actor_id]

    def events_with(self, entity_id: str) -> list[Event]:
        return [
            e
            for e in self.events
            if entity_id in e.participants
            or entity_id in e.places
            or entity_id in e.summary.about
            or any(entity_id in s.about for s in e.statements)
        ]

    def quotes_about(self, record_id: str) -> list[Quote]:
        return [q for q in self.quotes if record_id in q.about]

    def mentions(self, record_id: str) -> list[tuple[str, Statement]]:
        """Statements on other records that are about this one: what others say of it."""
        found = []
        for use in self.citations:
            holder = use.holder
            if (
                isinstance(holder, Statement)
                and record_id in holder.about
                and use.record_id != record_id
                and holder.cite[0] is use.citation
            ):
                found.append((use.record_id or "", holder))
        return found

    def related(self, record_id: str) -> list[str]:
        """People and groups linked to a record by statements, quotes or shared events."""
        linked: set[str] = set()
        record = self.entity(record_id)
        if record is not None and not isinstance(record, Event):
            for statement in [record.summary, *record.statements]:
                linked.update(statement.about)
        linked.update(other for other, _ in self.mentions(record_id))
        for quote in self.quotes:
            if quote.speaker == record_id:
                linked.update(quote.about)
            if record_id in quote.about and quote.speaker:
                linked.add(quote.speaker)
        for event in self.events_with(record_id):
            linked.update(event.participants)
        actors = [i for i in linked if self.kind_of(i) in ("person", "group") and i != record_id]
        return sorted(actors, key=self.name_of)

    def groups_in(self, organisation_id: str) -> list[Group]:
        return [
            g
            for g in self.groups.values()
            if any(a.organisation == organisation_id for a in g.affiliations)
        ]

    def places_in(self, place_id: str) -> list[Place]:
        return [p for p in self.places.values() if p.part_of == place_id]

    def based_in(self, place_id: str) -> list[str]:
        """Ids of people, groups and organisations based in a place."""
        records = [*self.people.values(), *self.groups.values(), *self.organisations.values()]
        return [r.id for r in records if any(b.place == place_id for b in r.based_in)]

    def relations_of(self, record_id: str) -> list[Relation]:
        return [r for r in self.relations if record_id in (r.subject, r.object)]

    def as_of(self) -> str:
        return self.meta.as_of.date.human()
