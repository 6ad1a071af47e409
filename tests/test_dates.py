"""Dates keep their precision, sort correctly across precisions and resolve relative wording."""

from __future__ import annotations

import pytest

from briefing.text.dates import EdtfDate, Shift, Wording, resolve_relative


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
    assert str(resolve_relative(thursday, Wording(weekday="thursday"))) == "2022-11-17"
    assert (
        str(resolve_relative(thursday, Wording(weekday="sunday", direction="after")))
        == "2022-11-20"
    )
    assert str(resolve_relative(thursday, Wording(weekday="monday"))) == "2022-11-14"
    assert str(resolve_relative(thursday, Wording(month="march"))) == "2022-03"
    assert str(resolve_relative(thursday, Wording(month="december"))) == "2021-12"
    assert (
        str(resolve_relative(thursday, Wording(month="december", direction="after"))) == "2022-12"
    )
    assert str(resolve_relative(thursday, Wording(same_year=True))) == "2022"
    # A day of a month: the nearest such day on or before (or after) the anchor.
    assert str(resolve_relative(thursday, Wording(month="november", day=17))) == "2022-11-17"
    assert str(resolve_relative(thursday, Wording(month="november", day=18))) == "2021-11-18"
    after = Wording(month="november", day=16, direction="after")
    assert str(resolve_relative(thursday, after)) == "2023-11-16"
    assert str(resolve_relative(EdtfDate.parse("2022-11"), Wording(month="november", day=30))) == (
        "2022-11-30"
    )
    assert str(resolve_relative(thursday, Wording(month="february", day=29))) == "2020-02-29"
    with pytest.raises(ValueError, match="said in 2022, which has none"):
        resolve_relative(EdtfDate.parse("2022"), Wording(month="february", day=29))
    assert resolve_relative(thursday) == thursday


def test_weekday_needs_a_day_precise_anchor():
    with pytest.raises(ValueError, match="day-precise"):
        resolve_relative(EdtfDate.parse("2022-11"), Wording(weekday="sunday"))


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("2011/2013", "2011 to 2013"),
        ("2003-05/..", "from May 2003"),
        ("../2015", "until 2015"),
        ("2011/", "from 2011 (end unknown)"),
        ("2014-22", "summer 2014"),
        ("2014-24", "winter 2014"),
        ("201X", "the 2010s"),
        ("2004-06-XX", "June 2004"),
        ("2011~/2013-06?", "about 2011 to possibly June 2013"),
    ],
)
def test_edtf_level_1_reads_as_words(text, words):
    assert EdtfDate.parse(text).human() == words
    assert str(EdtfDate.parse(text)) == text


def test_intervals_and_seasons_know_their_first_and_last_days():
    winter = EdtfDate.parse("2014-24")
    assert (str(winter.earliest), str(winter.latest)) == ("2014-12-01", "2015-02-28")
    open_ended = EdtfDate.parse("2003-05/..")
    assert (str(open_ended.earliest), open_ended.latest) == ("2003-05-01", None)
    assert EdtfDate.parse("../2015").earliest is None


def test_a_period_sorts_before_what_happens_in_its_first_days():
    dates = ["2011-03-01", "2011/2013", "2010", "2011-21", "../2011"]
    ordered = sorted(dates, key=lambda d: EdtfDate.parse(d).sort_key())
    assert ordered == ["2010", "../2011", "2011/2013", "2011-21", "2011-03-01"]


@pytest.mark.parametrize(
    ("bad", "says"),
    [("2022-13", "months run from 01 to 12"), ("2015/2011", "ends before it starts"),
     ("../..", "neither end"), ("2015-26", "21 to 24 are seasons")],
)  # fmt: skip
def test_impossible_dates_say_what_is_wrong(bad, says):
    with pytest.raises(ValueError, match=says):
        EdtfDate.parse(bad)


def test_spans_and_seasons_counted_from_the_anchor():
    thursday = EdtfDate.parse("2015-03-19")
    assert str(resolve_relative(thursday, Wording(ago=Shift(4, "years")))) == "2011"
    assert str(resolve_relative(thursday, Wording(ago=Shift(3, "days")))) == "2015-03-16"
    assert str(resolve_relative(thursday, Wording(ahead=Shift(2, "months")))) == "2015-05"
    assert str(resolve_relative(thursday, Wording(season="fall"))) == "2014-23"  # "last fall"
    assert str(resolve_relative(thursday, Wording(season="spring"))) == "2014-21"  # not this one
    assert str(resolve_relative(thursday, Wording(season="spring", direction="after"))) == "2016-21"
    with pytest.raises(ValueError, match="as precise as a day"):
        resolve_relative(EdtfDate.parse("2015"), Wording(ago=Shift(3, "days")))


def test_a_date_read_again_is_the_same_and_a_wrong_one_is_refused_each_time():
    assert EdtfDate.parse("2022-11-20") is EdtfDate.parse(" 2022-11-20 ")  # read once, shared
    for _ in range(2):
        with pytest.raises(ValueError, match="is not an EDTF date"):
            EdtfDate.parse("20 November")
