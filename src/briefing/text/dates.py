"""Dates as precise as the source allows: EDTF level 1, read with the `edtf` package, and
relative wording ("on Thursday", "four years ago", "last fall") resolved against an anchor.

A date may be a day, a month, a season, a year, a decade or a century, qualified as
uncertain (?), approximate (~) or both (%), or an interval between two such dates whose ends
may be open (..) or unknown (empty). Seasons are the northern meteorological ones: spring
(21) is March to May, summer (22) June to August, autumn (23) September to November, winter
(24) December to February.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import lru_cache
from typing import Literal

import edtf

Precision = Literal["day", "month", "season", "year", "decade", "century"]
Direction = Literal["before", "after"]
Unit = Literal["days", "weeks", "months", "years"]

WEEKDAYS = [d.lower() for d in calendar.day_name]  # monday .. sunday
MONTHS = [m.lower() for m in calendar.month_name[1:]]  # january .. december
SEASONS = {"spring": 21, "summer": 22, "autumn": 23, "fall": 23, "winter": 24}
_SEASON_NAMES = {21: "spring", 22: "summer", 23: "autumn", 24: "winter"}
_SEASON_MONTHS = {21: (3, 5), 22: (6, 8), 23: (9, 11), 24: (12, 14)}  # 14: February after

EDTF_FORMS = (
    "YYYY, YYYY-MM or YYYY-MM-DD, a season YYYY-21..24, a decade 201X, optionally followed by "
    "? (uncertain), ~ (approximate) or % (both); or an interval START/END whose ends may be "
    "open (..) or unknown (empty)"
)
_PLAIN = re.compile(r"^(?P<year>\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2}))?)?[?~%]?$")
_RANK = {"century": 0, "decade": 1, "year": 2, "season": 3, "month": 4, "day": 5}
_PRECISIONS: dict[str, Precision] = {p: p for p in ("day", "month", "year", "decade", "century")}
_NEEDS: dict[Unit, Precision] = {"days": "day", "weeks": "day", "months": "month", "years": "year"}
_QUALIFIER_WORDS = {"": "", "?": "possibly ", "~": "about ", "%": "possibly about "}


@dataclass(frozen=True)
class _Point:
    """One date that is not an interval: the days it may mean, and how it is worded."""

    text: str  # its EDTF: "2022-11-17", "2014-22"
    earliest: date
    latest: date
    precision: Precision
    qualifier: str
    words: str  # "17 November 2022", "summer 2014", "the 2010s", without the qualifier

    def human(self) -> str:
        return _QUALIFIER_WORDS[self.qualifier] + self.words


@dataclass(frozen=True)
class EdtfDate:
    """A date or an interval in EDTF, with the first and last day it can mean.

    `start` is the date itself, or an interval's start; `end` is an interval's end (None for
    a single date). `open_start`/`open_end` say how a missing end of an interval is missing:
    ".." (open: it goes on) or "" (unknown).
    """

    text: str
    start: _Point | None
    end: _Point | None = None
    interval: bool = False
    open_start: str | None = None
    open_end: str | None = None

    @classmethod
    def parse(cls, text: str) -> EdtfDate:
        return _parsed(text.strip())

    @classmethod
    def of(cls, day: date, precision: Precision = "day", qualifier: str = "") -> EdtfDate:
        """The date of `day` at a precision: "2022-11-17", "2022-11", "2022"."""
        text = {"day": day.isoformat(), "month": day.isoformat()[:7]}.get(
            precision, f"{day.year:04d}"
        )
        return cls.parse(text + qualifier)

    def after(self) -> EdtfDate | None:
        """Some time after this date: from its start on, the end open; None for an interval
        whose start is open or unknown, which sets no earliest date for what follows it."""
        if self.start is None:
            return None
        return EdtfDate.parse(f"{self.start.text}/..")

    def before(self) -> EdtfDate | None:
        """Some time before this date: up to its end, the start open; None for an interval
        whose end is open or unknown, which sets no latest date for what precedes it."""
        point = self.end if self.interval else self.start
        if point is None:
            return None
        return EdtfDate.parse(f"../{point.text}")

    @property
    def precision(self) -> Precision | Literal["interval"]:
        return "interval" if self.interval or self.start is None else self.start.precision

    @property
    def qualifier(self) -> str:
        return self.start.qualifier if self.start and not self.interval else ""

    @property
    def earliest(self) -> date | None:
        """The first day it can mean; None when an interval's start is open or unknown."""
        return self.start.earliest if self.start else None

    @property
    def latest(self) -> date | None:
        """The last day it can mean; None when an interval's end is open or unknown."""
        if self.interval:
            return self.end.latest if self.end else None
        return self.start.latest if self.start else None

    @property
    def month(self) -> int | None:
        if self.start and not self.interval and self.start.precision in ("month", "day"):
            return self.start.earliest.month
        return None

    @property
    def iso(self) -> str | None:
        """The date in ISO 8601 ("2022", "2022-11", "2022-11-17") where it is one year, month
        or day, its qualifier left out; None for a season, decade, century or interval."""
        if self.interval or self.start is None:
            return None
        if self.start.precision not in ("year", "month", "day"):
            return None
        return self.start.text.rstrip("?~%")

    def sort_key(self) -> tuple[date, int]:
        """Order by the first day the date can mean; a coarser date before a finer one on it.

        So "2022" comes before "2022-01", which comes before "2022-01-05": a period is listed
        ahead of the things dated inside its first days. An interval open at its start sorts
        by its end.
        """
        if self.start is not None:
            return (self.start.earliest, _RANK[self.start.precision] - self.interval)
        assert self.end is not None  # parse refuses an interval with neither end
        return (self.end.earliest, -1)

    def __str__(self) -> str:
        return self.text

    def human(self) -> str:
        """As precisely as known: "2019", "January 2022", "summer 2014", "2011 to 2013"."""
        if not self.interval:
            assert self.start is not None
            return self.start.human()
        if self.start and self.end:
            return f"{self.start.human()} to {self.end.human()}"
        if self.start:
            return f"from {self.start.human()}" + (" (end unknown)" if self.open_end == "" else "")
        assert self.end is not None
        return f"until {self.end.human()}" + (" (start unknown)" if self.open_start == "" else "")


@lru_cache(maxsize=4096)
def _parsed(text: str) -> EdtfDate:
    """EDTF's parser takes milliseconds a date, and a dossier names the same dates again and
    again (a source's date, each date resolved against it); the dates are frozen, so shared."""
    _check_plain(text)
    try:
        parsed = edtf.parse_edtf(text)
    except Exception:  # the parser's own errors name no field an editor knows
        raise ValueError(f"'{text}' is not an EDTF date; write {EDTF_FORMS}") from None
    if isinstance(parsed, (edtf.Interval, edtf.Level1Interval)):
        lower, upper = _end(parsed.lower, text), _end(parsed.upper, text)
        if lower is None and upper is None:
            raise ValueError(f"'{text}' has neither end; give at least one")
        if lower and upper and upper.latest < lower.earliest:
            raise ValueError(f"'{text}' ends before it starts")
        return EdtfDate(
            text, lower, upper, True,
            None if lower else str(parsed.lower), None if upper else str(parsed.upper),
        )  # fmt: skip
    return EdtfDate(text, _point(parsed, text))


def _check_plain(text: str) -> None:
    """Name the field at fault for the usual mistakes in a plain date: month 13, day 30."""
    match = _PLAIN.match(text)
    if not match:
        return
    year, month, day = match["year"], match["month"], match["day"]
    if month is not None and not 1 <= int(month) <= 12 and int(month) not in _SEASON_NAMES:
        raise ValueError(
            f"'{text}' has month {month}; months run from 01 to 12 (21 to 24 are seasons)"
        )
    if day is not None and month is not None:
        last = calendar.monthrange(int(year), int(month))[1]
        if not 1 <= int(day) <= last:
            raise ValueError(f"'{text}' has day {day}; {year}-{month} has {last} days")


def _end(section: object, text: str) -> _Point | None:
    if isinstance(section, edtf.UnspecifiedIntervalSection):
        return None
    return _point(section, text)


def _point(parsed: object, text: str) -> _Point:
    if isinstance(parsed, edtf.UncertainOrApproximate):
        qualifier = str(parsed.ua or "")
        inner = _point(parsed.date, text)
        return replace(inner, text=inner.text + qualifier, qualifier=qualifier)
    if isinstance(parsed, edtf.DateAndTime):
        return _point(parsed.date, text)
    if isinstance(parsed, edtf.Season):
        return _season(int(parsed.year), int(parsed.season), text)
    if isinstance(parsed, (edtf.Date, edtf.Unspecified)) and not isinstance(
        parsed, edtf.PartialUnspecified
    ):
        if str(parsed.year).startswith("-"):
            raise ValueError(f"'{text}': years before 1 CE are not supported")
        precision = _PRECISIONS[parsed.precision]
        first, last = _day(parsed.lower_strict()), _day(parsed.upper_strict())
        return _Point(str(parsed), first, last, precision, "", _words(first, precision, parsed))
    raise ValueError(f"'{text}' is beyond EDTF level 1; write {EDTF_FORMS}")


def _season(year: int, season: int, text: str) -> _Point:
    if season not in _SEASON_MONTHS:
        raise ValueError(f"'{text}': seasons are 21 (spring) to 24 (winter)")
    first_month, last_month = _SEASON_MONTHS[season]
    last_year, last_month = year + (last_month - 1) // 12, (last_month - 1) % 12 + 1
    first = date(year, first_month, 1)
    last = date(last_year, last_month, calendar.monthrange(last_year, last_month)[1])
    words = f"{_SEASON_NAMES[season]} {year}"
    return _Point(f"{year:04d}-{season}", first, last, "season", "", words)


def _day(moment: object) -> date:
    return date(*moment[:3])  # type: ignore[index]  # a time.struct_time


def _words(first: date, precision: Precision, parsed: object) -> str:
    if precision == "day" and getattr(parsed, "day", None) not in (None, "XX"):
        return f"{first.day} {calendar.month_name[first.month]} {first.year}"
    if precision in ("day", "month") and getattr(parsed, "month", None) not in (None, "XX"):
        return f"{calendar.month_name[first.month]} {first.year}"
    if precision == "decade":
        return f"the {first.year}s"
    if precision == "century":
        return f"the {first.year}s"
    return str(first.year)


# --- relative wording -----------------------------------------------------------------------


@dataclass(frozen=True)
class Shift:
    """A span of time counted from the anchor: "four years" (ago), "two weeks" (ahead)."""

    amount: int
    unit: Unit


@dataclass(frozen=True)
class Wording:
    """What relative wording says, at most one of the rules below; none is the anchor itself."""

    weekday: str | None = None  # "Thursday"
    month: str | None = None  # "in March"
    day: int | None = None  # with a month: "on March 3"
    season: str | None = None  # "last fall"
    same_year: bool = False  # "earlier this year"
    ago: Shift | None = None  # "four years ago"
    ahead: Shift | None = None  # "in two weeks"
    direction: Direction = "before"  # a weekday, month or season before the anchor, or after


def resolve_relative(anchor: EdtfDate, wording: Wording = Wording()) -> EdtfDate:
    """Resolve relative wording against the anchor (a source's date).

    - weekday: the nearest such day on or before (or on or after) the anchor — "Thursday".
    - month: the nearest such month up to (or from) the anchor's month — "in March"; with
      a day, the nearest such day on or before (or on or after) the anchor — "on March 3".
    - season: the nearest such season ended before (or begun after) the anchor — "last fall".
    - same_year: the anchor's year — "earlier this year".
    - ago / ahead: the anchor moved back or on by a span, at the span's precision — "four
      years ago" is a year, "three days ago" a day.
    - nothing: the anchor itself — "the article's date".
    """
    if wording.ago is not None or wording.ahead is not None:
        shift = wording.ago or wording.ahead
        assert shift is not None
        return _shifted(anchor, shift, -1 if wording.ago is not None else 1)
    start = anchor.earliest
    if start is None or anchor.interval:
        raise ValueError(f"relative wording needs a single anchor date, not '{anchor}'")
    qualifier = anchor.qualifier
    if wording.weekday is not None:
        if anchor.precision != "day":
            raise ValueError(f"a weekday needs a day-precise anchor date, not '{anchor}'")
        target = WEEKDAYS.index(wording.weekday)
        if wording.direction == "before":
            days = -((start.weekday() - target) % 7)
        else:
            days = (target - start.weekday()) % 7
        return EdtfDate.of(start + timedelta(days=days), "day", qualifier)
    if wording.month is not None:
        target_month = MONTHS.index(wording.month) + 1
        day = f"-{wording.day:02d}" if wording.day is not None else ""
        if anchor.month is None:
            return _month_day(start.year, target_month, day, qualifier)
        # Compared by month, and by day where both the anchor and the wording give one.
        by_day = wording.day is not None and anchor.precision == "day"
        wanted = (target_month, (wording.day or 0) if by_day else 0)
        current = (start.month, start.day if by_day else 0)
        year = start.year
        if wording.direction == "before" and wanted > current:
            year -= 1
        if wording.direction == "after" and wanted < current:
            year += 1
        step = -1 if wording.direction == "before" else 1
        while day == "-29" and target_month == 2 and not calendar.isleap(year):
            year += step  # the nearest 29 February is in a leap year
        return _month_day(year, target_month, day, qualifier)
    if wording.season is not None:
        return _nearest_season(anchor, SEASONS[wording.season], wording.direction)
    if wording.same_year:
        return EdtfDate.parse(f"{start.year:04d}{qualifier}")
    return anchor


def _month_day(year: int, month: int, day: str, qualifier: str) -> EdtfDate:
    """A month of a year, or a day of it ("-03"): 29 February only in a leap year."""
    if day == "-29" and month == 2 and not calendar.isleap(year):
        raise ValueError(f"29 February said in {year}, which has none: date it by its year")
    return EdtfDate.parse(f"{year:04d}-{month:02d}{day}{qualifier}")


def _shifted(anchor: EdtfDate, shift: Shift, sign: int) -> EdtfDate:
    needs = _NEEDS[shift.unit]
    point = anchor.start
    if point is None or anchor.interval or _RANK[point.precision] < _RANK[needs]:
        raise ValueError(
            f"'{shift.amount} {shift.unit}' needs an anchor date at least as precise as a "
            f"{needs}, not '{anchor}'"
        )
    start = point.earliest
    if shift.unit in ("days", "weeks"):
        days = shift.amount * (7 if shift.unit == "weeks" else 1)
        return EdtfDate.of(start + timedelta(days=sign * days), "day")
    if shift.unit == "months":
        months = start.year * 12 + start.month - 1 + sign * shift.amount
        return EdtfDate.parse(f"{months // 12:04d}-{months % 12 + 1:02d}")
    return EdtfDate.parse(f"{start.year + sign * shift.amount:04d}")


def _nearest_season(anchor: EdtfDate, season: int, direction: Direction) -> EdtfDate:
    """The latest such season that ended before the anchor's first day, or the earliest that
    begins after its last: "last fall" said in March 2015 is autumn 2014."""
    start, end = anchor.earliest, anchor.latest
    assert start is not None and end is not None
    for offset in (0, -1, -2) if direction == "before" else (-1, 0, 1):
        candidate = _season(start.year + offset, season, "")
        if direction == "before" and candidate.latest < start:
            return EdtfDate.parse(f"{start.year + offset:04d}-{season}")
        if direction == "after" and candidate.earliest > end:
            return EdtfDate.parse(f"{start.year + offset:04d}-{season}")
    raise AssertionError("a season comes round every year")  # pragma: no cover


def describe_rule(wording: Wording) -> str:
    """Words (ending in a space) for how a relative date was resolved, for the inference basis."""
    if wording.ago is not None:
        return f"{wording.ago.amount} {wording.ago.unit} before "
    if wording.ahead is not None:
        return f"{wording.ahead.amount} {wording.ahead.unit} after "
    if wording.weekday is not None:
        side = "on or before" if wording.direction == "before" else "on or after"
        return f"the {wording.weekday.capitalize()} {side} "
    if wording.month is not None and wording.day is not None:
        side = "on or before" if wording.direction == "before" else "on or after"
        return f"the nearest {wording.day} {wording.month.capitalize()} {side} "
    if wording.month is not None:
        side = "up to" if wording.direction == "before" else "from"
        return f"the nearest {wording.month.capitalize()} {side} "
    if wording.season is not None:
        side = "before" if wording.direction == "before" else "after"
        return f"the nearest {wording.season} {side} "
    if wording.same_year:
        return "the year of "
    return ""
