"""Citations and statements: every fact the dossier holds rests on the passages it cites.

A citation is a W3C TextQuoteSelector (`exact`, optional `prefix`/`suffix`). A statement the
editors add that the source does not say literally carries an `inference` (its basis, in
words) next to the citations it was inferred from.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any, NamedTuple

from pydantic import BeforeValidator, Field, PrivateAttr, computed_field

from briefing.model.ids import ActorRef, EntityRef, SourceRef, Strict, Text


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
    # One private attribute, read from __pydantic_private__ directly: both are for speed
    # (benchmarks/README.md, "Why the code looks as it does").
    _verified: _Verified | None = PrivateAttr(None)
    if TYPE_CHECKING:  # pydantic types it as optional; every model here has private fields
        __pydantic_private__: dict[str, Any]

    def resolve(self, source_id: str, start: int, end: int, number: int) -> None:
        self.__pydantic_private__["_verified"] = _Verified(source_id, start, end, number)

    @property
    def located(self) -> bool:
        """Whether verification found the passage (the properties below need it found)."""
        return self.__pydantic_private__["_verified"] is not None

    # In dossier.json each of these is null for a citation verification did not locate.

    @computed_field(return_type=str | None)  # type: ignore[prop-decorator]  # pydantic's form
    @property
    def source_id(self) -> str:
        return _located(self.__pydantic_private__["_verified"]).source_id

    @computed_field(return_type=int | None)  # type: ignore[prop-decorator]  # pydantic's form
    @property
    def start(self) -> int:
        """Character offset of the passage in the source text (verified)."""
        return _located(self.__pydantic_private__["_verified"]).start

    @computed_field(return_type=int | None)  # type: ignore[prop-decorator]  # pydantic's form
    @property
    def end(self) -> int:
        return _located(self.__pydantic_private__["_verified"]).end

    @computed_field(return_type=int | None)  # type: ignore[prop-decorator]  # pydantic's form
    @property
    def number(self) -> int:
        """Running number of the citation in the dossier, used for anchors and footnotes."""
        return _located(self.__pydantic_private__["_verified"]).number


def _located(verified: _Verified | None) -> _Verified:
    if verified is None:
        raise RuntimeError("a citation was read before verification located its passage")
    return verified


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

DraftMark = Annotated[
    bool,
    Field(
        description="Proposed by `briefing draft` (or read from a page by `briefing "
        "add-source`) and not yet reviewed: shown marked as a draft, and publishing refuses "
        "the dossier until an editor has checked it and removed the mark."
    ),
]

InferenceBasis = Annotated[
    Text,
    Field(
        description="Marks an editorial inference: what the source does not say literally, "
        "with its basis in words. The citations are what it was inferred from."
    ),
]


class Unnamed(Strict):
    """A source or speaker the text does not name, described in its words: 'officials',
    'local news reports', 'a witness'."""

    description: Text


ClaimedBy = Annotated[
    ActorRef | Unnamed,
    Field(
        description="Who says so, when the source attributes it: a person, group or "
        "organisation id, or {description: 'officials'} for one it does not name."
    ),
]


class Statement(Strict):
    """One sourced fact, in the editors' words, with the passages it rests on."""

    text: Text
    cite: Citations
    inference: InferenceBasis | None = None
    according_to: ClaimedBy | None = None
    about: list[EntityRef] = Field(
        default_factory=list, description="Other records this statement concerns (cross-links)."
    )
    draft: DraftMark = False
