"""Precision-aware dates: an EDTF subset, sorting across precisions, relative-date resolution.

A source says "in 2019", "in March", "on Thursday". We keep each date at the precision the
source gives (year, month or day, EDTF level 0/1 with the `?` uncertain, `~` approximate and
`%` both qualifiers) and resolve relative wording against a source's date by rule, so the
calendar date is derived by the engine, never typed by hand.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

Precision = Literal["year", "month", "day"]
Direction = Literal["before", "after"]

WEEKDAYS = [d.lower() for d in calendar.day_name]  # monday .. sunday
MONTHS = [m.lower() for m in calendar.month_name[1:]]  # january .. december

_EDTF = re.compile(r"^(?P<year>\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2}))?)?(?P<q>[?~%]?)$")
EDTF_FORMS = (
    "YYYY, YYYY-MM or YYYY-MM-DD, optionally followed by ? (uncertain), ~ (approximate) or % (both)"
)
_PRECISION_RANK = {"year": 0, "month": 1, "day": 2}
_QUALIFIER_WORDS = {"": "", "?": "possibly ", "~": "about ", "%": "possibly about "}


@dataclass(frozen=True)
class EdtfDate:
    year: int
    month: int | None = None
    day: int | None = None
    qualifier: Literal["", "?", "~", "%"] = ""

    @classmethod
    def parse(cls, text: str) -> EdtfDate:
        match = _EDTF.match(text.strip())
        if not match:
            raise ValueError(f"'{text}' is not a date of the form {EDTF_FORMS}")
        year = int(match["year"])
        month = int(match["month"]) if match["month"] else None
        day = int(match["day"]) if match["day"] else None
        if month is not None and not 1 <= month <= 12:
            raise ValueError(f"'{text}' has month {month:02d}; months run from 01 to 12")
        if day is not None and month is not None:  # the pattern has no day without a month
            last = calendar.monthrange(year, month)[1]
            if not 1 <= day <= last:
                raise ValueError(f"'{text}' has day {day:02d}; {year}-{month:02d} has {last} days")
        return cls(year, month, day, match["q"])  # type: ignore[arg-type]  # one of the four

    @classmethod
    def of(cls, day: date, precision: Precision = "day", qualifier: str = "") -> EdtfDate:
        return cls(
            day.year,
            day.month if precision != "year" else None,
            day.day if precision == "day" else None,
            qualifier,  # type: ignore[arg-type]  # the caller's: one of the four
        )

    @property
    def precision(self) -> Precision:
        if self.day is not None:
            return "day"
        return "month" if self.month is not None else "year"

    @property
    def earliest(self) -> date:
        return date(self.year, self.month or 1, self.day or 1)

    @property
    def latest(self) -> date:
        if self.day is not None:
            return self.earliest
        month = self.month or 12
        return date(self.year, month, calendar.monthrange(self.year, month)[1])

    def sort_key(self) -> tuple[date, int]:
        """Order by the first day the date can mean; a coarser date before a finer one on it.

        So "2022" comes before "2022-01", which comes before "2022-01-05": a period is listed
        ahead of the things dated inside its first days.
        """
        return (self.earliest, _PRECISION_RANK[self.precision])

    def __str__(self) -> str:
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
        if self.day is not None:
            text += f"-{self.day:02d}"
        return text + self.qualifier

    def human(self) -> str:
        """As precisely as known: "2019", "January 2022", "17 November 2022"."""
        if self.day is not None and self.month is not None:
            text = f"{self.day} {calendar.month_name[self.month]} {self.year}"
        elif self.month is not None:
            text = f"{calendar.month_name[self.month]} {self.year}"
        else:
            text = str(self.year)
        return _QUALIFIER_WORDS[self.qualifier] + text


def resolve_relative(
    anchor: EdtfDate,
    *,
    weekday: str | None = None,
    month: str | None = None,
    same_year: bool = False,
    direction: Direction = "before",
) -> EdtfDate:
    """Resolve relative wording against the anchor (a source's date).

    - weekday: the nearest such day on or before (or on or after) the anchor — "Thursday".
    - month: the nearest such month up to (or from) the anchor's month — "in March".
    - same_year: the anchor's year — "earlier this year".
    - nothing: the anchor itself — "the article's date".
    """
    if weekday is not None:
        if anchor.precision != "day":
            raise ValueError(f"a weekday needs a day-precise anchor date, not '{anchor}'")
        target = WEEKDAYS.index(weekday)
        start = anchor.earliest
        if direction == "before":
            shift = -((start.weekday() - target) % 7)
        else:
            shift = (target - start.weekday()) % 7
        return EdtfDate.of(start + timedelta(days=shift), "day", anchor.qualifier)
    if month is not None:
        target_month = MONTHS.index(month) + 1
        if anchor.month is None:
            return EdtfDate(anchor.year, target_month, None, anchor.qualifier)
        year = anchor.year
        if direction == "before" and target_month > anchor.month:
            year -= 1
        if direction == "after" and target_month < anchor.month:
            year += 1
        return EdtfDate(year, target_month, None, anchor.qualifier)
    if same_year:
        return EdtfDate(anchor.year, None, None, anchor.qualifier)
    return anchor


def describe_rule(
    *, weekday: str | None, month: str | None, same_year: bool, direction: Direction
) -> str:
    """Words (ending in a space) for how a relative date was resolved, for the inference basis."""
    if weekday is not None:
        side = "on or before" if direction == "before" else "on or after"
        return f"the {weekday.capitalize()} {side} "
    if month is not None:
        side = "up to" if direction == "before" else "from"
        return f"the nearest {month.capitalize()} {side} "
    if same_year:
        return "the year of "
    return ""
