"""The verified dossier: what every renderer (site, PDF, exports) reads, and nothing else.

By the time a `Dossier` exists, every reference resolves, every citation is located in its
source text, every relative date is resolved, and coverage is measured.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, TypeVar

from briefing.model import (
    Citation,
    DossierMeta,
    Event,
    Group,
    Organisation,
    Person,
    Place,
    Question,
    Quote,
    Record,
    Relation,
    Source,
    Statement,
)
from briefing.model.citations import Unnamed
from briefing.model.kinds import PROFILED
from briefing.model.relations import RelationKind
from briefing.model.sources import Address, Provenanced
from briefing.text.dates import EdtfDate
from briefing.text.sentences import Sentence

K = TypeVar("K")
V = TypeVar("V")


@dataclass
class Coverage:
    """How much of one source the dossier cites."""

    source_id: str
    sentences: list[Sentence]
    # The citations' (start, end, number), sorted: the source page marks them from here.
    spans: list[tuple[int, int, int]] = field(default_factory=list)
    citing: dict[int, list[int]] = field(default_factory=dict)  # sentence index -> citation nos.
    explained: dict[int, str] = field(default_factory=dict)  # sentence index -> reason uncited

    @property
    def factual(self) -> list[int]:
        return [i for i, s in enumerate(self.sentences) if s.kind == "content"]

    @property
    def cited(self) -> list[int]:
        return [i for i in self.factual if self.citing.get(i)]

    @property
    def uncited(self) -> list[int]:
        return [i for i in self.factual if not self.citing.get(i)]

    @property
    def share(self) -> float:
        return len(self.cited) / len(self.factual) if self.factual else 1.0

    def summary(self) -> str:
        return (
            f"{self.share:.0%} of factual sentences cited ({len(self.cited)}/{len(self.factual)})"
        )


@dataclass
class SourceDocument:
    source: Source
    text: str
    shown_as: str  # path of the seed file as shown to people
    coverage: Coverage

    def coverage_line(self) -> str:
        return f"coverage of {self.shown_as}: {self.coverage.summary()}"


def source_facts(source: Source) -> list[tuple[str, str, Provenanced]]:
    """(label, value, how it is known) for each fact about a source that its record gives,
    in the order a reader looks for them."""
    facts: list[tuple[str, str, Provenanced]] = [("Date", source.date.date.human(), source.date)]
    facts += [("Author", author.name, author) for author in source.authors]
    for label, who in (("Publisher", source.publisher), ("Agency", source.agency)):
        if who is not None:
            facts.append((label, who.name, who))
    if source.dateline is not None:
        facts.append(("Dateline", source.dateline.name, source.dateline))
    if isinstance(source.url, Address):
        facts.append(("Address", source.url.value, source.url))
    return facts


@dataclass(frozen=True)
class CitationUse:
    """A verified citation and what cites it: the record and the statement-like holder."""

    citation: Citation
    record_kind: str  # "person", "event", "quote", "dossier", "source", ...
    record_id: str | None
    holder: Any  # the model whose `cite` this is: a Statement, Role, Age, Quote, Figure, ...

    @property
    def number(self) -> int:
        return self.citation.number


@dataclass
class Dossier:
    meta: DossierMeta
    sources: dict[str, SourceDocument]
    # Kind noun -> id -> record, for every kind with profiles (see `kinds.PROFILED`), each in
    # the order its files were read.
    profiles: dict[str, dict[str, Any]]
    events: list[Event]  # in chronological order
    quotes: list[Quote]
    relations: list[Relation] = field(default_factory=list)
    citations: list[CitationUse] = field(default_factory=list)  # by number, from 1
    # The kinds relations name: the built-in ones and the dossier's own, by id.
    relation_kinds: dict[str, RelationKind] = field(default_factory=dict)
    questions: list[Question] = field(default_factory=list)

    @property
    def people(self) -> dict[str, Person]:
        return self.profiles["person"]

    @property
    def groups(self) -> dict[str, Group]:
        return self.profiles["group"]

    @property
    def organisations(self) -> dict[str, Organisation]:
        return self.profiles["organisation"]

    @property
    def places(self) -> dict[str, Place]:
        return self.profiles["place"]

    def entity(self, entity_id: str) -> Record | Event | None:
        found = self._by_id.get(entity_id)
        return found[1] if found else None

    def kind_of(self, entity_id: str) -> str | None:
        """The noun of the record's kind ("person", "event", ...), None for an unknown id."""
        found = self._by_id.get(entity_id)
        return found[0] if found else None

    def name_of(self, entity_id: str) -> str:
        entity = self.entity(entity_id)
        if entity is None:
            return entity_id
        return entity.title if isinstance(entity, Event) else entity.name

    def citation(self, number: int) -> CitationUse:
        return self.citations[number - 1]

    def passage(self, citation: Citation) -> str:
        """The cited words as the source has them, with whitespace folded."""
        text = self.sources[citation.source_id].text
        return " ".join(text[citation.start : citation.end].split())

    def source_of(self, citation: Citation) -> Source:
        return self.sources[citation.source_id].source

    def foreign_language(self, source_id: str) -> str | None:
        """The source's language where it is not the briefing's, for marking its words."""
        language = self.sources[source_id].source.language
        return language if language and language != self.meta.language else None

    def source_date(self, citation: Citation) -> EdtfDate:
        """The date of the source a citation quotes: what an age or "now" in it is as of."""
        return self.source_of(citation).date.date

    def sources_of(self, citations: list[Citation]) -> tuple[int, int]:
        """(how many sources these citations quote, how many of them are independent): copies
        of one agency's report count as one."""
        cited = [self.source_of(c) for c in citations]
        ids = dict.fromkeys(s.id for s in cited)
        origins = {(s.agency.name.casefold() if s.agency else s.id) for s in cited}
        return len(ids), len(origins)

    def questions_about(self, record_id: str) -> list[Question]:
        return self._questions_about.get(record_id, [])

    def plural(self, record_id: str) -> bool:
        """Whether sentences name the record in the plural ('Seven suspects share ...')."""
        record = self.entity(record_id)
        return isinstance(record, Group) and record.plural

    def phrase_of(self, record_id: str) -> str:
        """How a sentence names a record: an event by its `name` where it has one."""
        record = self.entity(record_id)
        if isinstance(record, Event) and record.name:
            return record.name
        return self.name_of(record_id)

    def claimant(self, claimed_by: str | Unnamed) -> str:
        """Who says so, in words: a record's name, or the source's description of them."""
        return (
            claimed_by.description if isinstance(claimed_by, Unnamed) else self.name_of(claimed_by)
        )

    def relation_parts(self, relation: Relation, side: str | None = None) -> tuple[str, str, str]:
        """(first id, words between, second id): the relation read from the side of the
        record `side` whose page shows it, with the kind's inverse wording on the object's
        side where it has one."""
        kind = self.relation_kinds[relation.kind]
        subject, object_ = relation.subject, relation.object
        if side == object_ != subject:
            # A symmetric kind reads the same either way; one without an inverse has none.
            words = kind.verb(plural=self.plural(object_), inverse=True)
            if words is not None:
                return object_, words, subject
        return subject, kind.verb(plural=self.plural(subject)) or "", object_

    def relation_label(self, relation: Relation) -> str:
        """The words on the relation's arrow: "leads", "shares the views of (claimed)"."""
        words = self.relation_parts(relation)[1]
        return words + (" (claimed)" if relation.according_to else "")

    def relation_sentence(
        self, relation: Relation, side: str | None = None, *, marked: bool = True
    ) -> str:
        """The relation in words: "A succeeded B, according to C (editorial inference)";
        not `marked` where its inference is shown beside it."""
        first, words, second = self.relation_parts(relation, side)
        sentence = f"{self.phrase_of(first)} {words} {self.phrase_of(second)}"
        if relation.according_to:
            sentence += f", according to {self.claimant(relation.according_to)}"
        if relation.inference and marked:
            sentence += " (editorial inference)"
        return sentence

    @cached_property
    def _by_id(self) -> dict[str, tuple[str, Record | Event]]:
        found: dict[str, tuple[str, Record | Event]] = {}
        for kind in PROFILED:
            found.update((i, (kind.noun, record)) for i, record in self.profiles[kind.noun].items())
        found.update((event.id, ("event", event)) for event in self.events)
        return found

    @property
    def main_people(self) -> list[Person]:
        return [p for p in self.people.values() if p.main]

    @property
    def other_people(self) -> list[Person]:
        return [p for p in self.people.values() if not p.main]

    # Cross-references are looked up once per page for every record, so each is answered from
    # an index built on first use: scanning every list for every record would make the build
    # time grow with the square of the dossier's size.

    def quotes_by(self, actor_id: str) -> list[Quote]:
        return self._quotes_by.get(actor_id, [])

    def quotes_about(self, record_id: str) -> list[Quote]:
        return self._quotes_about.get(record_id, [])

    def speaker_name(self, quote: Quote) -> str:
        assert quote.speaker is not None  # the model asks for a speaker
        return self.claimant(quote.speaker)

    def quotes_by_speaker(self) -> list[tuple[str, list[Quote]]]:
        """(speaker's name, their quotes), in the order each speaker is first quoted."""
        return list(_index((self.speaker_name(q), q) for q in self.quotes).items())

    def events_with(self, entity_id: str) -> list[Event]:
        """Events the record takes part in, happens at, or is the subject of, in date order."""
        return self._events_with.get(entity_id, [])

    def mentions(self, record_id: str) -> list[tuple[str, Statement]]:
        """Statements on other records that are about this one: what others say of it."""
        return self._mentions.get(record_id, [])

    def relations_of(self, record_id: str) -> list[Relation]:
        return self._relations_of.get(record_id, [])

    def citations_of(self, record_id: str) -> list[CitationUse]:
        """The citations in one record (person, event, quote, ...), by number."""
        return self._citations_of.get(record_id, [])

    def groups_in(self, organisation_id: str) -> list[Group]:
        return self._groups_in.get(organisation_id, [])

    def places_in(self, place_id: str) -> list[Place]:
        return self._places_in.get(place_id, [])

    def based_in(self, place_id: str) -> list[str]:
        """Ids of people, groups and organisations based in a place."""
        return self._based_in.get(place_id, [])

    def related(self, record_id: str) -> list[str]:
        """People and groups linked to a record by statements, quotes or shared events."""
        linked: set[str] = set()
        record = self.entity(record_id)
        if record is not None and not isinstance(record, Event):
            for statement in [record.summary, *record.statements]:
                linked.update(statement.about)
        linked.update(other for other, _ in self.mentions(record_id))
        for quote in self.quotes_by(record_id):
            linked.update(quote.about)
        linked.update(q.speaker_id for q in self.quotes_about(record_id) if q.speaker_id)
        for event in self.events_with(record_id):
            linked.update(event.participants)
        actors = [i for i in linked if self.kind_of(i) in ("person", "group") and i != record_id]
        return sorted(actors, key=self.name_of)

    @cached_property
    def _quotes_by(self) -> dict[str, list[Quote]]:
        return _index((q.speaker_id, q) for q in self.quotes if q.speaker_id)

    @cached_property
    def _quotes_about(self) -> dict[str, list[Quote]]:
        return _index((about, q) for q in self.quotes for about in dict.fromkeys(q.about))

    @cached_property
    def _events_with(self) -> dict[str, list[Event]]:
        def involved(e: Event) -> dict[str, None]:
            ids = [*e.participants, *e.places, *e.summary.about]
            ids += [i for s in e.statements for i in s.about]
            return dict.fromkeys(ids)

        return _index((i, e) for e in self.events for i in involved(e))

    @cached_property
    def _mentions(self) -> dict[str, list[tuple[str, Statement]]]:
        pairs = []
        for use in self.citations:
            holder = use.holder
            if isinstance(holder, Statement) and holder.cite[0] is use.citation:
                for about in dict.fromkeys(holder.about):
                    if about != use.record_id:
                        pairs.append((about, (use.record_id or "", holder)))
        return _index(pairs)

    @cached_property
    def _questions_about(self) -> dict[str, list[Question]]:
        return _index((about, q) for q in self.questions for about in dict.fromkeys(q.about))

    @cached_property
    def _citations_of(self) -> dict[str, list[CitationUse]]:
        return _index((use.record_id, use) for use in self.citations if use.record_id)

    @cached_property
    def _relations_of(self) -> dict[str, list[Relation]]:
        return _index((i, r) for r in self.relations for i in dict.fromkeys((r.subject, r.object)))

    @cached_property
    def _groups_in(self) -> dict[str, list[Group]]:
        return _index(
            (o, g)
            for g in self.groups.values()
            for o in dict.fromkeys(a.organisation for a in g.affiliations)
        )

    @cached_property
    def _places_in(self) -> dict[str, list[Place]]:
        return _index((p.part_of, p) for p in self.places.values() if p.part_of)

    @cached_property
    def _based_in(self) -> dict[str, list[str]]:
        records: list[Person | Group | Organisation] = [
            *self.people.values(),
            *self.groups.values(),
            *self.organisations.values(),
        ]
        return _index(
            (p, r.id) for r in records for p in dict.fromkeys(b.place for b in r.based_in)
        )

    def as_of(self) -> str:
        return self.meta.as_of.date.human()

    def summary(self) -> str:
        """What was checked, in one line (`briefing check` and the build both print it)."""
        counted = [(len(self.profiles[k.noun]), k.noun, k.folder) for k in PROFILED]
        counted += [(len(self.events), "event", "events"), (len(self.quotes), "quote", "quotes")]
        counted += [(len(self.relations), "relation", "relations")]
        if self.questions:
            counted.append((len(self.questions), "fact", "facts"))
        listed = ", ".join(f"{n} {one if n == 1 else many}" for n, one, many in counted)
        if self.questions:
            listed += " with competing accounts"
        return f"{listed}; {len(self.citations)} citations verified"


def _index(pairs: Iterable[tuple[K, V]]) -> dict[K, list[V]]:
    """key -> list of values, in the order met."""
    index: dict[K, list[V]] = {}
    for key, value in pairs:
        index.setdefault(key, []).append(value)
    return index
