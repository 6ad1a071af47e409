"""The records of a dossier: its meta file, sources, people, groups, organisations, places,
events, quotes and relations. `kinds` says which folder holds each.

Shorthands keep the YAML light for editors: a citation may be just the passage as a string, a
single citation need not be a list, and a date may be just an EDTF string. Each shorthand is
declared in the generated schema too.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, model_validator

from briefing.model.citations import (
    Citations,
    ClaimedBy,
    DraftMark,
    InferenceBasis,
    Statement,
    Unnamed,
)
from briefing.model.dates import DateInput
from briefing.model.ids import (
    ActorRef,
    EntityRef,
    EventRef,
    LanguageTag,
    OldForm,
    OrganisationRef,
    PlaceRef,
    SlugId,
    SourceRef,
    Strict,
    Text,
)
from briefing.model.relations import RelationKind
from briefing.text.dates import EdtfDate

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
    about: list[Text] = Field(
        default_factory=list,
        description="What the briefing covers, in the editors' words, a paragraph an item: the "
        "About page opens with them (unless docs/about.md replaces the page).",
    )
    language: LanguageTag = Field(
        "en", description="The briefing's language (BCP 47: 'en', 'fr'), for its pages and PDF."
    )
    seeds: str = Field("../seeds", description="Folder of source documents, relative to here.")
    relation_kinds: list[RelationKind] = Field(
        default_factory=list,
        description="Kinds of relation of this dossier's own, beside the built-in ones.",
    )
    at_a_glance: list[Statement] = Field(default_factory=list)
    key_figures: list[Figure] = Field(default_factory=list)
    uncited: list[UncitedSentence] = Field(default_factory=list)


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
    draft: DraftMark = False


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
    plural: bool = Field(
        True,
        description="Named in the plural ('Leftist figures oppose ...'); false for 'the crowd'.",
    )
    affiliations: list[Affiliation] = Field(default_factory=list)
    based_in: list[PlaceLink] = Field(default_factory=list)


class Organisation(Record):
    """organisations/<id>.yml: an institution, agency, company or publication."""

    short_name: Text | None = None
    aliases: list[Text] = Field(default_factory=list)
    roles: list[Role] = Field(
        default_factory=list, description="What it was, when: 'held power from 2011 to 2013'."
    )
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
    name: Text | None = Field(
        None,
        description="How a sentence names it, where the title will not do: 'the attack on "
        "the Bardo museum' (for relations with the event as their object).",
    )
    date: DateInput | None = Field(
        None, description="When it happened, as the source says; leave it out when it does not."
    )
    status: Literal["happened", "ongoing", "planned", "superseded", "expected"] = Field(
        "happened",
        description="ongoing: under way at the source date ('lawmakers are drafting'); "
        "planned/expected: still ahead at the source date; superseded: a plan overtaken by "
        "events (e.g. an election date moved).",
    )
    superseded_by: EventRef | None = None
    participants: list[ActorRef] = Field(default_factory=list)
    places: list[PlaceRef] = Field(default_factory=list)
    summary: Statement
    statements: list[Statement] = Field(default_factory=list)
    draft: DraftMark = False

    @property
    def when(self) -> EdtfDate | None:
        """Its date, or None where the source gives none (or only its place among others)."""
        return self.date.known if self.date is not None else None


class Quote(Strict):
    """A direct quotation, verbatim, with who said it and how."""

    id: SlugId
    text: Text | None = Field(
        None,
        description="The quotation, verbatim, without the quote marks. Words the editors add "
        "go in [brackets] ('this [attack]'), words left out are marked … ; the rest must be "
        "in the cited passage as it is.",
    )
    parts: list[Text] = Field(
        default_factory=list,
        description="Instead of text: a quotation the source splits with its attribution "
        '("...," Azzouz said. "..."), as its parts, each verbatim.',
    )
    speaker: ActorRef | Unnamed | None = Field(
        None,
        description="Who said it: a person, organisation or group id, or {description: "
        "'a witness'} for a speaker the source does not name.",
    )
    unnamed_speaker: Annotated[
        Unnamed | None,
        OldForm("speaker: {description: ...}", renamed_to="speaker"),
        Field(exclude=True),  # read into `speaker`; exports carry the speaker once
    ] = None
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
    draft: DraftMark = False

    @model_validator(mode="after")
    def _text_or_parts(self) -> Quote:
        if (self.text is None) == (not self.parts):
            raise ValueError(
                "give the quotation as 'text', or as 'parts' when the source splits it"
            )
        return self

    @property
    def words(self) -> str:
        """The quotation as a reader sees it: its parts joined, whitespace folded, and the
        comma, colon or semicolon that led into the attribution dropped at its end; inside,
        a part's comma before a part that opens a new sentence is the full stop it stood for
        ("...their stripes," said Reeves. "These guys..." reads "...their stripes. These guys")."""
        parts = [" ".join(part.split()) for part in (self.parts or [self.text or ""])]
        for at in range(len(parts) - 1):
            if parts[at].endswith(",") and parts[at + 1][:1].isupper():
                parts[at] = parts[at][:-1] + "."
        return " ".join(parts).rstrip(",;:").rstrip()

    @property
    def pieces(self) -> list[str]:
        """The parts as written: the text alone, or the parts of a split quotation."""
        return self.parts or [self.text or ""]

    @model_validator(mode="after")
    def _one_speaker(self) -> Quote:
        if (self.speaker is None) == (self.unnamed_speaker is None):
            raise ValueError(
                "give 'speaker': an id, or {description: ...} for a speaker the source does "
                "not name"
            )
        if self.unnamed_speaker is not None:  # the older form, read as the newer one
            self.speaker, self.unnamed_speaker = self.unnamed_speaker, None
        return self

    @property
    def speaker_id(self) -> str | None:
        """The speaking record's id; None for a speaker the source does not name."""
        return self.speaker if isinstance(self.speaker, str) else None


class Account(Strict):
    """One account of a fact the sources give differently: what it says, who says so, and
    the passages it rests on."""

    value: Text = Field(description="The answer as worded: '23', 'more than 20', 'Tuesday'.")
    text: Text = Field(description="The account in the editors' words, with who gives it.")
    according_to: ClaimedBy
    cite: Citations
    inference: InferenceBasis | None = None


class Question(Strict):
    """questions/*.yml: a fact the sources give differently — a toll, a count, a date — with
    each account side by side, never merged into one."""

    id: SlugId
    question: Text = Field(description="What the accounts answer: 'How many were killed?'")
    about: list[EntityRef] = Field(default_factory=list)
    accounts: list[Account] = Field(min_length=2, description="Two or more accounts.")
    note: Text | None = Field(
        None, description="The editors' note on why they may differ; no verdict on which is right."
    )


class Relation(Strict):
    """A sourced link between two records, drawn as an arrow on the relationship map."""

    subject: EntityRef
    kind: SlugId = Field(
        description="A kind of relation: a built-in one ('leads', 'member-of', 'condemned', "
        "...) or one described under relation_kinds in dossier.yml."
    )
    object: EntityRef
    according_to: ClaimedBy | None = None
    wording: str | None = Field(None, description="The source's own words for the link.")
    cite: Citations
    inference: InferenceBasis | None = None
    draft: DraftMark = False
