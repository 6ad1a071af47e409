"""Dates keep their precision, sort correctly across precisions and resolve relative wording."""

from __future__ import annotations

import pytest

from briefing.text.dates import EdtfDate, resolve_relative


def test_precision_and_human_form():
    assert EdtfDate.parse("2019").human() == "2019"
    assert EdtfDate.parse("2022-01").human() == "January 2022"
    assert EdtfDate.parse("2022-11-17").human() == "17 November 2022"
    assert EdtfDate.parse("2022-11~").human() == "about November 2022"
    assert EdtfDate.parse("2022?").human() == "possibly 2022"
    assert str(EdtfDate.parse("2022-11-17%")) == "2022-11-17%"


@pytest.mark.parametrize(
    "bad", ["22", "2022-1", "2022-13", "2022-02-30", "17/11/2022", "2022-11-17x"]
)
def test_invalid_dates_are_rejected(bad):
    with pytest.raises(ValueError):
        EdtfDate.parse(bad)


def test_sorting_across_precisions():
    dates = ["2022-11-20", "2024-12", "2019", "2022-01", "2022", "2022-03", "2022-11-17"]
    ordered = sorted(dates, key=lambda d: EdtfDate.parse(d).sort_key())
    assert ordered == ["2019", "2022", "2022-01", "2022-03", "2022-11-17", "2022-11-20", "2024-12"]


def test_relative_dates_against_an_anchor():
    thursday = EdtfDate.parse("2022-11-17")
    assert str(resolve_relative(thursday, weekday="thursday")) == "2022-11-17"
    assert str(resolve_relative(thursday, weekday="sunday", direction="after")) == "2022-11-20"
    assert str(resolve_relative(thursday, weekday="monday")) == "2022-11-14"
    assert str(resolve_relative(thursday, month="march")) == "2022-03"
    assert str(resolve_relative(thursday, month="december")) == "2021-12"
    assert str(resolve_relative(thursday, month="december", direction="after")) == "2022-12"
    assert str(resolve_relative(thursday, same_year=True)) == "2022"
    assert resolve_relative(thursday) == thursday


def test_weekday_needs_a_day_precise_anchor():
    with pytest.raises(ValueError, match="day-precise"):
        resolve_relative(EdtfDate.parse("2022-11"), weekday="sunday")
