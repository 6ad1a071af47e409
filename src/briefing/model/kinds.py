"""The one registry of record kinds: what each kind is called, where its files live, its model,
and how the site shows it. Every other module asks this registry rather than naming kinds.

Adding a kind of record means a model in `records` and an entry here.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, cached_property
from typing import Annotated, Any

from pydantic import BaseModel, Field

from briefing.model.records import (
    DossierMeta,
    Event,
    Group,
    Organisation,
    Person,
    Place,
    Question,
    Quote,
    Relation,
)
from briefing.model.sources import Source

META_FILE = "dossier.yml"
META_NOUN = "dossier"  # the record kind of dossier.yml, in messages and citation holders


@dataclass(frozen=True)
class RecordKind:
    noun: str  # singular, in messages and references: "person"
    folder: str  # the dossier folder holding its files: "people"
    model: type[BaseModel]
    one_per_file: bool  # a file per record named after its id, or a file holding a list
    list_description: str = ""  # for list files: what the schema says of a file
    label: str = ""  # shown beside a record's name: "Person"
    actor: bool = False  # may speak, take part in events and claim things ("actor" references)
    entity: bool = False  # may be linked to and written about ("entity" references)
    pages: str = ""  # the site folder of its pages ("" when its records have no pages)
    print_section: str = ""  # the PDF's section of its profiles (main records stand alone)
    section: str = ""  # the navigation section it opens in `pages`, with an index page
    page_template: str = "record.html.j2"
    index_template: str = "records_index.html.j2"

    @cached_property
    def schema(self) -> Any:
        """What one file of this kind holds: a record, or a non-empty list of records."""
        if self.one_per_file:
            return self.model
        listed = Field(min_length=1, description=self.list_description)
        return Annotated[list[self.model], listed]  # type: ignore[name-defined]  # made at run time


KINDS: tuple[RecordKind, ...] = (
    RecordKind("source", "sources", Source, True, pages="sources", section="Sources"),
    RecordKind(
        "person", "people", Person, True, label="Person", actor=True, entity=True,
        pages="people", section="People", print_section="Other people and groups",
        page_template="person.html.j2",
        index_template="people_index.html.j2",
    ),
    RecordKind("group", "groups", Group, True, label="Group", actor=True, entity=True,
               pages="people", print_section="Other people and groups"),
    RecordKind("organisation", "organisations", Organisation, True, label="Organisation",
               actor=True, entity=True, pages="organisations", section="Organisations",
               print_section="Organisations"),
    RecordKind("place", "places", Place, True, label="Place", entity=True, pages="places",
               section="Places", print_section="Places"),
    RecordKind("event", "events", Event, False, "events/*.yml: a list of timeline events.",
               label="Event", entity=True),
    RecordKind("quote", "quotes", Quote, False, "quotes/*.yml: a list of quotations."),
    RecordKind("relation", "relations", Relation, False,
               "relations/*.yml: a list of relations between records."),
    RecordKind("question", "questions", Question, False,
               "questions/*.yml: facts the sources give differently, each with its accounts.",
               label="Competing accounts"),
)  # fmt: skip

BY_NOUN = {kind.noun: kind for kind in KINDS}
BY_FOLDER = {kind.folder: kind for kind in KINDS}
# Kinds that have profiles: named records other records, statements and relations point at.
PROFILED = tuple(kind for kind in KINDS if kind.entity and kind.one_per_file)
META_MODEL = DossierMeta


@cache
def nouns_accepted(reference: str) -> frozenset[str]:
    """The kinds of record a reference (a RefTo kind) may name."""
    if reference == "actor":
        return frozenset(kind.noun for kind in KINDS if kind.actor)
    if reference == "entity":
        return frozenset(kind.noun for kind in KINDS if kind.entity)
    return frozenset({reference})


def section_titles() -> dict[str, str]:
    """Site folder -> the navigation section's title."""
    return {kind.pages: kind.section for kind in KINDS if kind.section}


def kind_word(record: Any, noun: str) -> str:
    """A record's kind in a word, lowercased: a place's own kind ('country'), else its noun."""
    return record.kind if isinstance(record, Place) else noun


def kind_label(record: Any, noun: str) -> str:
    """A record's kind as a label: 'Country' for a place of that kind, else the kind's label."""
    if isinstance(record, Place) and record.kind != "other":
        return record.kind.capitalize()
    return BY_NOUN[noun].label
