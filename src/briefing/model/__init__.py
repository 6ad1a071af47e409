"""The data model of a dossier: the single source of truth for validation and JSON Schema."""

from briefing.model.citations import Citation, Statement
from briefing.model.dates import DateSpec, RelativeRule
from briefing.model.ids import RESERVED_IDS, RefTo
from briefing.model.records import (
    Affiliation,
    Age,
    Attribution,
    DatedStatement,
    DossierMeta,
    Event,
    Figure,
    Group,
    Organisation,
    Person,
    Place,
    PlaceLink,
    Quote,
    Record,
    Relation,
    Role,
    Source,
    Speaker,
    UncitedSentence,
)

__all__ = [
    "RESERVED_IDS", "Affiliation", "Age", "Attribution", "Citation", "DateSpec", "DatedStatement",
    "DossierMeta", "Event", "Figure", "Group", "Organisation", "Person", "Place", "PlaceLink",
    "Quote", "Record", "RefTo", "Relation", "RelativeRule", "Role", "Source", "Speaker",
    "Statement", "UncitedSentence",
]  # fmt: skip
