"""Dates as editors write them: an EDTF string, or the source's relative wording and a rule."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any, Literal

from pydantic import (
    BeforeValidator,
    Field,
    PrivateAttr,
    computed_field,
    field_validator,
    model_validator,
)

from briefing.model.ids import SourceRef, Strict
from briefing.text.dates import MONTHS, WEEKDAYS, EdtfDate


def check_edtf(value: str) -> str:
    EdtfDate.parse(value)
    return value


EdtfString = Annotated[
    str,
    BeforeValidator(lambda v: str(v) if isinstance(v, int) else v),
    Field(description="EDTF date: 2019, 2022-01, 2022-11-17; may end in ?, ~ or %."),
]

if TYPE_CHECKING:  # the type checker cannot read a Literal built at run time
    Weekday = str
    Month = str
else:  # from the calendar's names
    Weekday = Literal[tuple(WEEKDAYS)]
    Month = Literal[tuple(MONTHS)]


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
    if TYPE_CHECKING:  # pydantic types it as optional; this model has private fields
        __pydantic_private__: dict[str, Any]

    @field_validator("value")
    @classmethod
    def _valid_edtf(cls, value: str | None) -> str | None:
        return None if value is None else check_edtf(value)

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

    # Read from __pydantic_private__ directly, as Citation's, for speed.
    @property
    def date(self) -> EdtfDate:
        resolved: EdtfDate | None = self.__pydantic_private__["_resolved"]
        if resolved is None:
            raise RuntimeError("relative date used before verification resolved it")
        return resolved

    @computed_field  # type: ignore[prop-decorator]  # pydantic's form
    @property
    def edtf(self) -> str | None:
        resolved: EdtfDate | None = self.__pydantic_private__["_resolved"]
        return str(resolved) if resolved else None

    @computed_field  # type: ignore[prop-decorator]  # pydantic's form
    @property
    def inferred(self) -> str | None:
        """The generated basis when the date was resolved from relative wording."""
        basis: str | None = self.__pydantic_private__["_basis"]
        return basis


def _as_date_spec(value: Any) -> Any:
    return {"value": str(value)} if isinstance(value, (str, int)) else value


DateInput = Annotated[
    DateSpec, BeforeValidator(_as_date_spec, json_schema_input_type=str | int | DateSpec)
]
