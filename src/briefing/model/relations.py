"""Kinds of relation: how a relation between two records reads, from either side, and how a
map draws it. The built-in kinds are in `relation_kinds.yml`; a dossier adds its own under
`relation_kinds` in dossier.yml."""

from __future__ import annotations

from importlib import resources
from typing import Literal

import yaml
from pydantic import Field, TypeAdapter, model_validator

from briefing.model.ids import SlugId, Strict, Text

RelationStyle = Literal["belongs", "support", "conflict", "action", "link"]


class RelationKind(Strict):
    """A kind of relation and its sentence forms."""

    id: SlugId = Field(description="What relations name in `kind`: 'leads', 'member-of'.")
    says: Text = Field(description="The subject's side, one subject: 'leads', 'is based in'.")
    plural: Text | None = Field(
        None, description="The same for a plural subject: 'lead'; default: `says`."
    )
    inverse: Text | None = Field(
        None,
        description="The object's side, shown on its page: 'is led by'. Without it, the "
        "object's page reads the relation from the subject's side.",
    )
    inverse_plural: Text | None = Field(
        None, description="The same for a plural object: 'are led by'; default: `inverse`."
    )
    symmetric: bool = Field(
        False, description="Reads the same from both sides ('is allied with'): no arrowhead."
    )
    style: RelationStyle = Field(
        "link",
        description="How the map draws it: belongs (posts, membership, bases), support, "
        "conflict, action (what one did to another), link (anything else).",
    )
    above: Literal["subject", "object"] | None = Field(
        None,
        description="Which end a layered map puts higher: the leader ('subject' of leads), "
        "the organisation or place ('object' of member-of, based-in).",
    )

    @model_validator(mode="after")
    def _symmetric_has_one_wording(self) -> RelationKind:
        if self.symmetric and self.inverse is not None:
            raise ValueError("a symmetric kind reads the same from both sides: leave out 'inverse'")
        return self

    def verb(self, *, plural: bool = False, inverse: bool = False) -> str | None:
        """The words between the two names; None for the object's side of a kind without
        an inverse (read it from the subject's side instead)."""
        if inverse and not self.symmetric:
            if self.inverse is None:
                return None
            return (self.inverse_plural or self.inverse) if plural else self.inverse
        return (self.plural or self.says) if plural else self.says


def _read_built_in() -> dict[str, RelationKind]:
    text = (resources.files("briefing.model") / "relation_kinds.yml").read_text("utf-8")
    kinds = TypeAdapter(list[RelationKind]).validate_python(yaml.safe_load(text))
    return {kind.id: kind for kind in kinds}


_BUILT_IN = _read_built_in()  # engine data, read with the engine: no step reads it again


def built_in() -> dict[str, RelationKind]:
    """The kinds every dossier may use, by id."""
    return _BUILT_IN
