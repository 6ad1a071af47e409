"""Identifiers and references: what an id may look like, and how a field names another record."""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints

from briefing.text.characters import ascii_folded

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
ID_LENGTH = 80  # at the most
SlugId = Annotated[
    str,
    StringConstraints(pattern=SLUG_PATTERN, max_length=ID_LENGTH),
    Field(description="Stable id: lowercase letters, digits and single hyphens, e.g. 'tokayev'."),
]


def _language_tag(value: str) -> str:
    """The tag in its usual case ('PT-br' → 'pt-BR'), so that two spellings compare equal."""
    if not re.fullmatch(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*", value):
        example = "use a BCP 47 tag such as 'en', 'fr' or 'pt-BR'"
        raise ValueError(f"'{value}' is not a language tag: {example}")
    language, *subtags = value.split("-")
    return "-".join([language.lower(), *map(_subtag_case, subtags)])


def _subtag_case(subtag: str) -> str:
    """BCP 47's usual case: a region upper ('BR'), a script title ('Hant'), the rest lower."""
    if subtag.isalpha() and len(subtag) == 2:
        return subtag.upper()
    return subtag.title() if subtag.isalpha() and len(subtag) == 4 else subtag.lower()


LanguageTag = Annotated[
    str,
    AfterValidator(_language_tag),
    Field(description="A BCP 47 language tag: 'en', 'fr', 'pt-BR'."),
]


# Names that are unsafe or clash as page file names on some systems or in the site.
RESERVED_IDS = {
    "con", "prn", "aux", "nul", "index", "schema", "assets", "search",
    *(f"com{i}" for i in range(1, 10)), *(f"lpt{i}" for i in range(1, 10)),
}  # fmt: skip


def id_words(text: str) -> list[str]:
    """The words of a text as an id spells them: 'Élysée Palace' → ['elysee', 'palace'];
    an abbreviation with stops is one word ('U.S.-Israeli' → ['us', 'israeli'])."""
    joined = _DOTTED.sub(lambda found: found[0].replace(".", ""), ascii_folded(text))
    return re.findall(r"[a-z0-9]+", joined.lower())


_DOTTED = re.compile(r"(?<![A-Za-z])(?:[A-Za-z]\.){2,}")


def slug(text: str) -> str:
    """An id made from a text's words, short enough to leave room for a '-2'."""
    return "-".join(id_words(text))[:60].strip("-")


def free_id(wanted: str, taken: Collection[str]) -> str:
    """`wanted`, else `wanted-2`, `wanted-3`, ...: the first no record has and no file forbids."""
    chosen, n = wanted, 2
    while chosen in taken or chosen in RESERVED_IDS:
        chosen, n = f"{wanted}-{n}", n + 1
    return chosen


def is_id(value: str) -> bool:
    """Whether `value` may be a record's id, as the model and the loader check it."""
    fits = len(value) <= ID_LENGTH and re.fullmatch(SLUG_PATTERN, value) is not None
    return fits and value not in RESERVED_IDS


@dataclass(frozen=True)
class RefTo:
    """Marks a field as a reference to another record; the verifier checks it resolves.

    `kind` is a record kind's noun, or "actor" / "entity" for any kind that acts or that a
    statement may be about (see `kinds`).
    """

    kind: Literal["actor", "person", "organisation", "place", "event", "source", "entity"]


ActorRef = Annotated[SlugId, RefTo("actor")]
PersonRef = Annotated[SlugId, RefTo("person")]
OrganisationRef = Annotated[SlugId, RefTo("organisation")]
PlaceRef = Annotated[SlugId, RefTo("place")]
EventRef = Annotated[SlugId, RefTo("event")]
SourceRef = Annotated[SlugId, RefTo("source")]
EntityRef = Annotated[SlugId, RefTo("entity")]

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


@dataclass(frozen=True)
class OldForm:
    """Marks a field as an older way of writing something: it still works, with a warning
    saying what to write instead, and `briefing migrate` rewrites it."""

    instead: str  # what to write, in words
    renamed_to: str = ""  # the field it becomes, for `briefing migrate`


class Strict(BaseModel):
    """Unknown fields are errors: a misspelt field must not silently drop a fact."""

    model_config = ConfigDict(extra="forbid")
