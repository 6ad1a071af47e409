"""The data model of a dossier: the single source of truth for validation and JSON Schema.

Every factual statement carries citations (W3C TextQuoteSelector: `exact`, optional
`prefix`/`suffix`). A statement the editors add that the source does not say literally carries
an `inference` (its basis, in words) next to the citations it was inferred from.

Shorthands keep the YAML light for editors: a citation may be just the passage as a string, a
single citation need not be a list, and a date may be just an EDTF string. Each shorthand is
declared in the generated schema too.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any, Literal, NamedTuple

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PrivateAttr,
    StringConstraints,
    computed_field,
    field_validator,
    model_validator,
)

from briefing.dates import MONTHS, WEEKDAYS, EdtfDate

# --- identifiers and references -------------------------------------------------------------

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
SlugId = Annotated[
    str,
    StringConstraints(pattern=SLUG_PATTERN, max_length=80),
    Field(description="Stable id: lowercase letters, digits and single hyphens, e.g. 'tokayev'."),
]

# Names that are unsafe or clash as page file names on some systems or in the site.
RESERVED_IDS = {
    "con", "prn", "aux", "nul", "index", "schema", "assets", "search",
    *(f"com{i}" for i in range(1, 10)), *(f"lpt{i}" for i in range(1, 10)),
}  # fmt: skip


@dataclass(frozen=True)
class RefTo:
    """Marks a field as a reference to another record; the verifier checks it resolves."""

    kind: Literal["actor", "person", "organisation", "place", "event", "source", "entity"]


ActorRef = Annotated[SlugId, RefTo("actor")]
PersonRef = Annotated[SlugId, RefTo("person")]
OrganisationRef = Annotated[SlugId, RefTo("organisation")]
PlaceRef = Annotated[SlugId, RefTo("place")]
EventRef = Annotated[SlugId, RefTo("event")]
SourceRef = Annotated[SlugId, RefTo("source")]
EntityRef = Annotated[SlugId, RefTo("entity")]

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


class Strict(BaseModel):
    """Unknown fields are errors: a misspelt field must not silently drop a fact."""

    model_config = ConfigDict(extra="forbid")


# --- citations and statements ---------------------------------------------------------------


class _Verified(NamedTuple):
    source_id: str
    start: int
    end: int
    number: int


class Citation(Strict):
    """The exact passage of a source a statement rests on (a W3C TextQuoteSelector)."""

    source: SourceRef | None = Field(
        None, description="Source id; may be left out when the dossier has a single source."
    )
    exact: Text = Field(description="The passage, word for word as in the source.")
    prefix: str | None = Field(
        None, description="Text just before the passage, to pick one of several occurrences."
    )
    suffix: str | None = Field(
        None, description="Text just after the passage, to pick one of several occurrences."
    )

    # Filled in by verification: where the passage lies in the source text, and its number.
    # One private attribute, not four: pydantic fills in each one's default for every model
    # it validates, 0.08 s of `check` at 1,000 people for the four. Read from
    # __pydantic_private__ directly: `self._verified` goes through pydantic's
    # BaseModel.__getattr__, about five times slower (pydantic issue 12081), and a build
    # reads these hundreds of thousands of times.
    _verified: _Verified | None = PrivateAttr(None)

    def resolve(self, source_id: str, start: int, end: int, number: int) -> None:
        self.__pydantic_private__["_verified"] = _Verified(source_id, start, end, number)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def source_id(self) -> str | None:
        verified = self.__pydantic_private__["_verified"]
        return verified and verified.source_id

    @computed_field  # type: ignore[prop-decorator]
    @property
    def start(self) -> int | None:
        """Character offset of the passage in the source text (verified)."""
        verified = self.__pydantic_private__["_verified"]
        return verified and verified.start

    @computed_field  # type: ignore[prop-decorator]
    @property
    def end(self) -> int | None:
        verified = self.__pydantic_private__["_verified"]
        return verified and verified.end

    @computed_field  # type: ignore[prop-decorator]
    @property
    def number(self) -> int | None:
        """Running number of the citation in the dossier, used for anchors and footnotes."""
        verified = self.__pydantic_private__["_verified"]
        return verified and verified.number


def _as_citation_list(value: Any) -> Any:
    if isinstance(value, (str, dict)):
        value = [value]
    if isinstance(value, list):
        return [{"exact": item} if isinstance(item, str) else item for item in value]
    return value


Citations = Annotated[
    list[Citation],
    Field(min_length=1, description="One or more passages the statement rests on."),
    BeforeValidator(
        _as_citation_list, json_schema_input_type=str | Citation | list[str | Citation]
    ),
]

InferenceBasis = Annotated[
    Text,
    Field(
        description="Marks an editorial inference: what the source does not say literally, "
        "with its basis in words. The citations are what it was inferred from."
    ),
]


class Statement(Strict):
    """One sourced fact, in the editors' words, with the passages it rests on."""

    text: Text
    cite: Citations
    inference: InferenceBasis | None = None
    about: list[EntityRef] = Field(
        default_factory=list, description="Other records this statement concerns (cross-links)."
    )


# --- dates ----------------------------------------------------------------------------------


def _check_edtf(value: str) -> str:
    EdtfDate.parse(value)
    return value


EdtfString = Annotated[
    str,
    BeforeValidator(lambda v: str(v) if isinstance(v, int) else v),
    Field(description="EDTF date: 2019, 2022-01, 2022-11-17; may end in ?, ~ or %."),
]

Weekday = Literal[tuple(WEEKDAYS)]  # type: ignore[valid-type]
Month = Literal[tuple(MONTHS)]  # type: ignore[valid-type]


class RelativeRule(Strict):
    """How to turn relative wording into a date against a source's date (the anchor)."""

    anchor: SourceRef | None = Field(
        None, description="Source whose date anchors the wording; default: the only source."
    )
    weekday: Weekday | None = Field(None, description="'Thursday' -> thursday")
    month: Month | None = Field(None, description="'in March' -> march")
    same_year: bool = Field(False, description="'earlier this year' -> true")
    direction: Literal["before", "after"] = Field(
        "before", description="Whether the date lies on/before (past) or on/after the anchor."
    )

    @model_validator(mode="after")
    def _one_rule(self) -> RelativeRule:
        if sum([self.weekday is not None, self.month is not None, self.same_year]) > 1:
            raise ValueError("give at most one of weekday, month, same_year")
        return self


class DateSpec(Strict):
    """A date as precise as the source allows, with the source's own wording."""

    value: EdtfString | None = Field(None, description="The date, when the source gives it.")
    relative: RelativeRule | None = Field(
        None, description="Resolve the source's relative wording against a source date."
    )
    wording: str | None = Field(None, description="The source's own words: 'on Thursday'.")

    _resolved: EdtfDate | None = PrivateAttr(None)
    _basis: str | None = PrivateAttr(None)

    @field_validator("value")
    @classmethod
    def _valid_edtf(cls, value: str | None) -> str | None:
        return None if value is None else _check_edtf(value)

    @model_validator(mode="after")
    def _value_or_relative(self) -> DateSpec:
        if (self.value is None) == (self.relative is None):
            raise ValueError("give exactly one of 'value' (an EDTF date) or 'relative' (a rule)")
        if self.relative is not None and not self.wording:
            raise ValueError(
                "a relative date needs 'wording': the source's own words, e.g. 'Thursday'"
            )
        if self.value is not None:
            self._resolved = EdtfDate.parse(self.value)
        return self

    def set_resolved(self, resolved: EdtfDate, basis: str) -> None:
        self._resolved, self._basis = resolved, basis

    # Read from __pydantic_private__ directly, as Citation's: a page build reads dates
    # 30,000 times at 1,000 people.
    @property
    def date(self) -> EdtfDate:
        resolved = self.__pydantic_private__["_resolved"]
        if resolved is None:
            raise RuntimeError("relative date used before verification resolved it")
        return resolved

    @computed_field  # type: ignore[prop-decorator]
    @property
    def edtf(self) -> str | None:
        resolved = self.__pydantic_private__["_resolved"]
        return str(resolved) if resolved else None

    @computed_field  # type: ignore[prop-decorator]
    @property
    def inferred(self) -> str | None:
        """The generated basis when the date was resolved from relative wording."""
        return self.__pydantic_private__["_basis"]


def _as_date_spec(value: Any) -> Any:
    return {"value": str(value)} if isinstance(value, (str, int)) else value


DateInput = Annotated[
    DateSpec, BeforeValidator(_as_date_spec, json_schema_input_type=str | int | DateSpec)
]


# --- dossier and sources --------------------------------------------------------------------


class Figure(Strict):
    """A key figure as the source gives it, for the home page cards."""

    value: Text = Field(description="As worded in the source: 'more than 230'.")
    label: Text
    cite: Citations
    inference: InferenceBasis | None = None
    about: list[EntityRef] = Field(default_factory=list)


class UncitedSentence(Strict):
    """A sentence of a source deliberately left uncited, with the reason."""

    source: SourceRef | None = None
    sentence: Text = Field(description="The sentence, or its opening words.")
    reason: Text


class DossierMeta(Strict):
    """dossier.yml: what the briefing is and where its sources live."""

    title: Text
    subtitle: Text | None = None
    as_of: DateInput = Field(description="The date the briefing is current as of.")
    marking: Text = Field(description="Marking line printed on every page, e.g. 'Open sources'.")
    language: Text = "en"
    seeds: str = Field("../seeds", description="Folder of source documents, relative to here.")
    at_a_glance: list[Statement] = Field(default_factory=list)
    key_figures: list[Figure] = Field(default_factory=list)
    uncited: list[UncitedSentence] = Field(default_factory=list)


class Attribution(Strict):
    """Who published a source, or who it was written by, with how that is known."""

    name: Text
    cite: Citations
    inference: InferenceBasis | None = None


class DatedStatement(Strict):
    """A source's date with how it is known."""

    value: EdtfString
    cite: Citations
    inference: InferenceBasis | None = None

    @field_validator("value")
    @classmethod
    def _valid_edtf(cls, value: str) -> str:
        return _check_edtf(value)

    @property
    def date(self) -> EdtfDate:
        return EdtfDate.parse(self.value)


class Source(Strict):
    """One source document, kept as a seed file, and what is known about it."""

    id: SlugId
    seed: Text = Field(description="File name of the source text in the seeds folder.")
    title: Text = Field(description="A label for the source (editorial when it has no headline).")
    publisher: Attribution | None = None
    agency: Attribution | None = None
    date: DatedStatement
    url: str | None = None


# --- actors, places, events, quotes ---------------------------------------------------------


class Role(Strict):
    """A role as the source words it: 'a former energy minister and bank chairman'."""

    title: Text
    status: Literal["current", "former"] | None = None
    organisation: OrganisationRef | None = None
    start: DateInput | None = None
    end: DateInput | None = None
    cite: Citations
    inference: InferenceBasis | None = None


class Age(Strict):
    """An age as stated by a source; it holds as of that source's date."""

    years: int = Field(ge=0, le=130)
    cite: Citations
    inference: InferenceBasis | None = None


class PlaceLink(Strict):
    place: PlaceRef
    wording: str | None = Field(None, description="The source's words: 'France-based'.")
    cite: Citations
    inference: InferenceBasis | None = None


class Affiliation(Strict):
    organisation: OrganisationRef
    wording: str | None = None
    cite: Citations
    inference: InferenceBasis | None = None


class Record(Strict):
    """Fields every profile shares: a name, a short sourced summary, sourced statements."""

    id: SlugId
    name: Text
    summary: Statement = Field(description="One or two sourced sentences shown first.")
    statements: list[Statement] = Field(default_factory=list)


class Person(Record):
    """people/<id>.yml: a named person."""

    aliases: list[Text] = Field(default_factory=list, description="Other names the source uses.")
    main: bool = Field(False, description="A main figure: full profile first in the briefing.")
    age: Age | None = None
    roles: list[Role] = Field(default_factory=list)
    based_in: list[PlaceLink] = Field(default_factory=list)
    affiliations: list[Affiliation] = Field(default_factory=list)


class Group(Record):
    """groups/<id>.yml: an unnamed group of actors the source describes."""

    size: Text | None = Field(None, description="As worded: 'seven', 'five'.")
    affiliations: list[Affiliation] = Field(default_factory=list)
    based_in: list[PlaceLink] = Field(default_factory=list)


class Organisation(Record):
    """organisations/<id>.yml: an institution, agency, company or publication."""

    short_name: Text | None = None
    aliases: list[Text] = Field(default_factory=list)
    based_in: list[PlaceLink] = Field(default_factory=list)


class Place(Record):
    """places/<id>.yml: a country, city or region."""

    kind: Literal["country", "city", "region", "other"] = "other"
    aliases: list[Text] = Field(default_factory=list)
    part_of: PlaceRef | None = None


class Event(Strict):
    """One entry of the timeline."""

    id: SlugId
    title: Text = Field(description="Short headline in the editors' words.")
    date: DateInput
    status: Literal["happened", "planned", "superseded", "expected"] = Field(
        "happened",
        description="planned/expected: still ahead at the source date; superseded: "
        "a plan overtaken by events (e.g. an election date moved).",
    )
    superseded_by: EventRef | None = None
    participants: list[ActorRef] = Field(default_factory=list)
    places: list[PlaceRef] = Field(default_factory=list)
    summary: Statement
    statements: list[Statement] = Field(default_factory=list)


class Speaker(Strict):
    """An unnamed speaker described in words."""

    description: Text


class Quote(Strict):
    """A direct quotation, verbatim, with who said it and how."""

    id: SlugId
    text: Text = Field(description="The quotation, verbatim (without the quote marks).")
    speaker: ActorRef | None = Field(None, description="Person, organisation or group id.")
    unnamed_speaker: Speaker | None = None
    role: Text | None = Field(
        None, description="The speaker's role as the source gives it; must lie in a cited passage."
    )
    delivery: Text = Field(description="How it was said: 'said', 'told AFP', 'statement'.")
    event: EventRef | None = None
    about: list[EntityRef] = Field(default_factory=list)
    cite: Citations
    inference: InferenceBasis | None = Field(
        None, description="When the attribution is the editors' reading, not the source's words."
    )

    @model_validator(mode="after")
    def _one_speaker(self) -> Quote:
        if (self.speaker is None) == (self.unnamed_speaker is None):
            raise ValueError("give exactly one of 'speaker' (an id) or 'unnamed_speaker'")
        return self


RELATION_LABELS = {
    "succeeded": "succeeded",
    "sidelined": "sidelined",
    "arrested": "arrested",
    "sentenced-in-absentia": "sentenced in absentia",
    "shares-views-of": "shares the views of",
    "criticised": "criticised",
    "observed": "observed",
    "based-in": "is based in",
    "member-of": "is part of",
    "supports": "supports",
    "opposes": "opposes",
}
RelationKind = Literal[tuple(RELATION_LABELS)]  # type: ignore[valid-type]


class Relation(Strict):
    """A sourced link between two records, drawn as an arrow on the relationship map."""

    subject: EntityRef
    kind: RelationKind
    object: EntityRef
    according_to: ActorRef | None = Field(
        None, description="Whose claim this is, when the source attributes it to someone."
    )
    wording: str | None = Field(None, description="The source's own words for the link.")
    cite: Citations
    inference: InferenceBasis | None = None

    @property
    def label(self) -> str:
        return RELATION_LABELS[self.kind]


def _list_of(model: type[BaseModel], description: str) -> type:
    return Annotated[list[model], Field(min_length=1, description=description)]  # type: ignore[valid-type]


EventsFile = _list_of(Event, "events/*.yml: a list of timeline events.")
QuotesFile = _list_of(Quote, "quotes/*.yml: a list of quotations.")
RelationsFile = _list_of(Relation, "relations/*.yml: a list of relations between records.")
