"""Dates as editors write them: an EDTF string, or the source's relative wording and a rule."""

from __future__ import annotations

import calendar
from typing import TYPE_CHECKING, Annotated, Any, Literal

from pydantic import (
    BeforeValidator,
    Field,
    PrivateAttr,
    computed_field,
    field_validator,
    model_validator,
)

from briefing.model.ids import EventRef, SourceRef, Strict
from briefing.text.dates import MONTHS, WEEKDAYS, EdtfDate, Shift


def check_edtf(value: str) -> str:
    EdtfDate.parse(value)
    return value


EdtfString = Annotated[
    str,
    BeforeValidator(lambda v: str(v) if isinstance(v, int) else v),
    Field(
        description="EDTF date (level 1): 2019, 2022-01, 2022-11-17, a season 2014-23, a "
        "decade 201X; ?, ~ or % for uncertain, approximate or both; an interval 2011/2013, "
        "open (2011/..) or with an unknown end (2011/)."
    ),
]

if TYPE_CHECKING:  # the type checker cannot read a Literal built at run time
    Weekday = str
    Month = str
else:  # from the calendar's names
    Weekday = Literal[tuple(WEEKDAYS)]
    Month = Literal[tuple(MONTHS)]
Season = Literal["spring", "summer", "autumn", "fall", "winter"]


class Span(Strict):
    """A span of time in one unit: {years: 4} for "four years"."""

    days: int | None = Field(None, ge=1)
    weeks: int | None = Field(None, ge=1)
    months: int | None = Field(None, ge=1)
    years: int | None = Field(None, ge=1)

    @model_validator(mode="after")
    def _one_unit(self) -> Span:
        if sum(value is not None for value in self.__dict__.values()) != 1:
            raise ValueError("give the span in one unit: days, weeks, months or years")
        return self

    def shift(self) -> Shift:
        if self.days is not None:
            return Shift(self.days, "days")
        if self.weeks is not None:
            return Shift(self.weeks, "weeks")
        if self.months is not None:
            return Shift(self.months, "months")
        assert self.years is not None  # one unit is given: see _one_unit
        return Shift(self.years, "years")


class RelativeRule(Strict):
    """How to turn relative wording into a date: against a source's date (the anchor), or
    as "after" or "before" another event of the timeline."""

    anchor: SourceRef | None = Field(
        None, description="Source whose date anchors the wording; default: the only source."
    )
    weekday: Weekday | None = Field(None, description="'Thursday' -> thursday")
    month: Month | None = Field(None, description="'in March' -> march")
    day: int | None = Field(
        None, ge=1, le=31, description="with month, its day: 'on March 3' -> month: march, day: 3"
    )
    season: Season | None = Field(None, description="'last fall' -> fall")
    same_year: bool = Field(False, description="'earlier this year' -> true")
    ago: Span | None = Field(None, description="'four years ago' -> {years: 4}")
    ahead: Span | None = Field(None, description="'in two weeks' -> {weeks: 2}")
    after: EventRef | None = Field(
        None, description="'later', 'afterwards': after this event, its date otherwise unknown"
    )
    before: EventRef | None = Field(
        None, description="'earlier', 'before that': before this event, its date otherwise unknown"
    )
    direction: Literal["before", "after"] = Field(
        "before",
        description="Whether a weekday, month or season lies on/before (last) or on/after "
        "(next) the anchor.",
    )

    @model_validator(mode="after")
    def _one_rule(self) -> RelativeRule:
        rules = ["weekday", "month", "season", "ago", "ahead", "after", "before"]
        given = [name for name in rules if getattr(self, name) is not None] + (
            ["same_year"] if self.same_year else []
        )
        if len(given) > 1:
            raise ValueError(f"give one rule, not {' and '.join(given)}")
        if (self.after or self.before) and self.anchor:
            raise ValueError("a date after or before another event has no source anchor")
        if self.day is not None and self.month is None:
            raise ValueError("a 'day' is a day of the month: give 'month' too ('March 3')")
        # 2000, a leap year, has every day a month can have (29 February among them).
        if (
            self.day
            and self.month
            and self.day > calendar.monthrange(2000, MONTHS.index(self.month) + 1)[1]
        ):
            raise ValueError(f"{self.month.capitalize()} has no day {self.day}")
        return self

    @property
    def event(self) -> str | None:
        """The event this date is placed after or before, if it is."""
        return self.after or self.before


class DateSpec(Strict):
    """A date as precise as the source allows, with the source's own wording."""

    value: EdtfString | None = Field(None, description="The date, when the source gives it.")
    relative: RelativeRule | None = Field(
        None, description="Resolve the source's relative wording against a source date."
    )
    wording: str | None = Field(None, description="The source's own words: 'on Thursday'.")

    _resolved: EdtfDate | None = PrivateAttr(None)
    _basis: str | None = PrivateAttr(None)
    _settled: bool = PrivateAttr(False)  # resolved, perhaps to no date at all
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
            self._resolved, self._settled = EdtfDate.parse(self.value), True
        return self

    def set_resolved(self, resolved: EdtfDate | None, basis: str) -> None:
        """Settle a relative date: to a date, or to none where it is only placed after or
        before an event the source does not date either."""
        self._resolved, self._basis, self._settled = resolved, basis, True

    @property
    def is_resolved(self) -> bool:
        settled: bool = self.__pydantic_private__["_settled"]
        return settled

    # Read from __pydantic_private__ directly, as Citation's, for speed.
    @property
    def date(self) -> EdtfDate:
        resolved: EdtfDate | None = self.__pydantic_private__["_resolved"]
        if resolved is None:
            raise RuntimeError("a date was read that verification did not resolve to one")
        return resolved

    @property
    def known(self) -> EdtfDate | None:
        """The date, or None where the source gives none (an event placed only by another)."""
        resolved: EdtfDate | None = self.__pydantic_private__["_resolved"]
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
