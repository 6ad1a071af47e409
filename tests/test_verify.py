"""Verify: what load read is checked against itself and the sources, reading no file."""

from __future__ import annotations

import builtins
from pathlib import Path

import pytest

from briefing.load import load_dossier
from briefing.model import Quote
from briefing.problems import Problems
from briefing.verify import verify
from support import FIXTURE, edit

SEED = (FIXTURE / "seeds" / "port-vell.txt").read_text(encoding="utf-8")


def loaded(dossier: Path):
    problems = Problems()
    return load_dossier(dossier, problems), problems


def test_verifying_reads_no_file(mini, monkeypatch):
    """Everything verify needs was read by load: with files out of reach it still works."""
    done, problems = loaded(mini)

    def refuse(*args, **kwargs):
        raise AssertionError(f"verify opened a file: {args}")

    monkeypatch.setattr(builtins, "open", refuse)
    monkeypatch.setattr(Path, "read_bytes", refuse)
    monkeypatch.setattr(Path, "read_text", refuse)
    dossier = verify(done, problems)
    assert dossier is not None and problems.errors == []


def test_citations_are_numbered_in_reading_order_at_their_offsets_in_the_source(mini):
    dossier = verify(*loaded(mini))
    assert dossier is not None
    numbers = [use.citation.number for use in dossier.citations]
    assert numbers == list(range(1, len(numbers) + 1))
    for use in dossier.citations:
        cited = " ".join(SEED[use.citation.start : use.citation.end].split())
        assert cited == " ".join(use.citation.exact.split()).replace("\u201c", '"')
    # dossier.yml comes first, then the folders in the registry's order.
    assert dossier.citations[0].record_kind == "dossier"


def test_a_relative_date_is_resolved_against_its_sources_date_with_its_basis(mini):
    dossier = verify(*loaded(mini))
    moved = next(e for e in dossier.events if e.id == "date-moved")
    assert str(moved.date.date) == "2021-04"
    assert moved.date.inferred == (
        "'in April' resolved as the nearest April up to the date of the Gazette report "
        "(12 May 2021, itself an editorial inference)"
    )


def test_a_day_of_a_month_resolves_to_the_nearest_such_day_with_its_basis(mini):
    """'on April 30' said on 12 May 2021 is 30 April 2021; the year is the editors' reading."""
    edit(mini / "events" / "timeline.yml", "relative: {month: april}\n    wording: in April",
         "relative: {month: april, day: 30}\n    wording: on April 30")  # fmt: skip
    dossier = verify(*loaded(mini))
    moved = next(e for e in dossier.events if e.id == "date-moved")
    assert str(moved.date.date) == "2021-04-30"
    assert moved.date.inferred.startswith(
        "'on April 30' resolved as the nearest 30 April on or before the date of the Gazette "
        "report (12 May 2021"
    )


def test_a_day_without_its_month_or_past_its_months_end_is_refused(mini):
    for rule, says in [
        ("{weekday: tuesday, day: 3}", "a 'day' is a day of the month: give 'month' too"),
        ("{month: april, day: 31}", "April has no day 31"),
    ]:
        timeline = mini / "events" / "timeline.yml"
        before = timeline.read_text(encoding="utf-8")
        edit(timeline, "relative: {weekday: tuesday}", f"relative: {rule}")
        done, problems = loaded(mini)
        verify(done, problems)
        assert any(says in p.message and p.line == 30 for p in problems.errors), [
            (p.line, p.message) for p in problems.errors
        ]
        timeline.write_text(before, encoding="utf-8")


def test_an_id_used_twice_names_both_places_even_across_kinds(mini):
    edit(mini / "places" / "port-vell.yml", "id: port-vell", "id: residents")
    (mini / "places" / "port-vell.yml").rename(mini / "places" / "residents.yml")
    done, problems = loaded(mini)
    assert verify(done, problems) is None
    (duplicate,) = [p for p in problems.errors if "duplicate id" in p.message]
    assert duplicate.message.startswith(
        "duplicate id 'residents': already used by a group at dossier/groups/residents.yml:2"
    )


def test_references_to_a_record_that_failed_to_load_are_reported_once_as_waiting(mini):
    edit(mini / "people" / "tomas-reed.yml", "name: Tomas Reed", "name: [Tomas]")
    done, problems = loaded(mini)
    verify(done, problems)
    (own,) = [p for p in problems.errors if p.file == "dossier/people/tomas-reed.yml"]
    (waiting,) = [p for p in problems.errors if p is not own]
    assert waiting.message.startswith(
        "'tomas-reed' is defined in dossier/people/tomas-reed.yml, which has errors; fix them "
        "and this reference resolves (so do "
    )


def test_one_bad_entry_of_a_list_file_leaves_the_others_loaded_and_checked(mini):
    edit(mini / "events" / "timeline.yml", "relative: {weekday: tuesday}",
         "relative: {weekday: tuesdy}")  # fmt: skip
    done, problems = loaded(mini)
    verify(done, problems)
    assert [e.id for e in done.records("event")] == ["brisk-takes-office", "vote-first-date",
                                                     "date-moved"]  # fmt: skip
    waiting, bad = problems.errors  # sorted by line: the reference comes first
    assert (bad.file, bad.field) == ("dossier/events/timeline.yml", "[3].date.relative.weekday")
    assert "did you mean 'tuesday'?" in bad.message
    assert (waiting.line, waiting.field) == (13, "[1].superseded_by")
    assert waiting.message == (
        "'vote-delayed' is defined in dossier/events/timeline.yml:27, which has errors; fix "
        "them and this reference resolves"
    )


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "text: We will rebuild the stations",
            "text: We shall rebuild the stations",
            "quote text is not inside its cited passage",
        ),
        ("role: harbour master", "role: port captain", "role 'port captain' is not in"),
    ],
)
def test_a_quote_and_its_role_must_lie_in_its_passages(mini, old, new, expected):
    edit(mini / "quotes" / "quotes.yml", old, new)
    done, problems = loaded(mini)
    assert verify(done, problems) is None
    (error,) = problems.errors
    assert error.file == "dossier/quotes/quotes.yml" and expected in error.message


def test_coverage_counts_the_factual_sentences_the_dossier_cites(mini):
    dossier = verify(*loaded(mini))
    coverage = dossier.sources["gazette"].coverage
    assert coverage.summary() == "100% of factual sentences cited (5/5)"
    kinds = [coverage.sentences[i].kind for i in range(len(coverage.sentences))]
    assert kinds.count("heading") == 1 and kinds.count("link") == 2


EVENTS = """- id: repairs-start
  title: Repairs to the stations begin
  date: {relative: {after: date-moved}, wording: to allow repairs}
  status: ongoing
  summary:
    text: The move allowed repairs.
    cite: it moved the date to allow repairs
- id: council-sits
  title: The council sits
  summary:
    text: The council set the vote.
    cite: The council first set the vote
- id: vote-later
  title: The vote after the council sits
  date: {relative: {after: council-sits}, wording: first set the vote}
  summary:
    text: The council first set the vote for June 2021.
    cite: first set the vote for June 2021
"""


def test_events_placed_after_another_stand_beside_it_and_undated_ones_come_last(mini):
    (mini / "events" / "more.yml").write_text(EVENTS, encoding="utf-8")
    dossier = verify(*loaded(mini))
    assert [e.id for e in dossier.events] == [
        "brisk-takes-office", "date-moved", "repairs-start", "vote-delayed", "vote-first-date",
        "council-sits", "vote-later",
    ]  # fmt: skip
    repairs = dossier.events[2]
    assert str(repairs.when) == "2021-04/.." and repairs.when.human() == "from April 2021"
    assert repairs.date.inferred == (
        "'to allow repairs' read as after the event 'date-moved' (April 2021); the source "
        "gives no date of its own"
    )
    assert dossier.events[-2].when is None  # the source does not date it
    later = dossier.events[-1]
    assert later.when is None and "which the source does not date either" in later.date.inferred


def test_an_event_after_one_known_only_to_have_ended_by_a_date_gets_no_date(mini):
    """Before April 2021 and then after that: any time at all, so no earliest date."""
    (mini / "events" / "more.yml").write_text(
        """- id: council-sits
  title: The council sits
  date: {relative: {before: date-moved}, wording: first}
  summary:
    text: The council set the vote.
    cite: The council first set the vote
- id: repairs-start
  title: Repairs to the stations begin
  date: {relative: {after: council-sits}, wording: to allow repairs}
  summary:
    text: The move allowed repairs.
    cite: it moved the date to allow repairs
""",
        encoding="utf-8",
    )
    dossier = verify(*loaded(mini))
    sits, repairs = (
        next(e for e in dossier.events if e.id == i) for i in ("council-sits", "repairs-start")
    )
    assert str(sits.when) == "../2021-04"
    assert repairs.when is None
    assert repairs.date.inferred == (
        "'to allow repairs' placed after the event 'council-sits' (until April 2021), which "
        "gives it no earliest date"
    )
    order = [e.id for e in dossier.events]
    assert order.index("repairs-start") == order.index("council-sits") + 1


def test_two_events_each_placed_by_the_other_are_refused(mini):
    (mini / "events" / "more.yml").write_text(
        EVENTS.replace("{after: date-moved}", "{after: vote-later}").replace(
            "- id: council-sits\n  title: The council sits\n",
            "- id: council-sits\n  title: The council sits\n"
            "  date: {relative: {before: repairs-start}, wording: first}\n",
        ),
        encoding="utf-8",
    )
    done, problems = loaded(mini)
    assert verify(done, problems) is None
    assert {p.message for p in problems.errors} == {
        "this date and the one of 'vote-later' are each placed after or before the other; "
        "date one of them",
        "this date and the one of 'repairs-start' are each placed after or before the other; "
        "date one of them",
        "this date and the one of 'council-sits' are each placed after or before the other; "
        "date one of them",
    }


def test_an_event_placed_by_one_in_a_loop_is_not_reported_as_in_it(mini):
    """Only the dates that lead back to themselves are the loop; one after them waits."""
    (mini / "events" / "more.yml").write_text(
        EVENTS.replace("{after: date-moved}", "{after: vote-later}").replace(
            "- id: council-sits\n  title: The council sits\n",
            "- id: council-sits\n  title: The council sits\n"
            "  date: {relative: {after: repairs-start}, wording: first}\n",
        )
        + """- id: vote-after-repairs
  title: A vote after the repairs
  date: {relative: {after: council-sits}, wording: the vote}
  summary:
    text: The vote came after.
    cite: The council first set the vote for June
""",
        encoding="utf-8",
    )
    done, problems = loaded(mini)
    assert verify(done, problems) is None
    looped = {p.message.split("'")[1] for p in problems.errors}
    assert looped == {"vote-later", "repairs-start", "council-sits"}  # and not vote-after-repairs
    assert len(problems.errors) == 3


def test_what_is_placed_after_an_event_follows_it_with_what_is_placed_after_that(mini):
    """B after A, C after B, D after A: A B C D, each chain kept together."""
    (mini / "events" / "more.yml").write_text(
        """- id: b
  title: B
  date: {relative: {after: date-moved}, wording: to allow repairs}
  summary: {text: B., cite: to allow repairs}
- id: c
  title: C
  date: {relative: {after: b}, wording: repairs}
  summary: {text: C., cite: The council first set the vote}
- id: d
  title: D
  date: {relative: {after: date-moved}, wording: moved}
  summary: {text: D., cite: first set the vote for June 2021}
""",
        encoding="utf-8",
    )
    dossier = verify(*loaded(mini))
    order = [e.id for e in dossier.events]
    at = order.index("date-moved")
    assert order[at : at + 4] == ["date-moved", "b", "c", "d"]


@pytest.mark.parametrize(
    ("parts", "words"),
    [
        (["The stations are gone,", "We will rebuild them."], "The stations are gone. We will"),
        (["We will rebuild the stations,", "before anyone votes."], "the stations, before anyone"),
    ],
)
def test_a_split_quotation_reads_with_the_stop_its_comma_stood_for(parts, words):
    """The comma before the attribution ends the sentence when the next part opens a new one."""
    quote = Quote.model_validate(
        {"id": "q", "parts": parts, "speaker": "s", "delivery": "said", "cite": "x"}
    )
    assert words in quote.words and not quote.words.endswith(",")


@pytest.mark.parametrize(
    "text",
    [
        "We will rebuild [the polling] stations before anyone casts a ballot,",
        "We will rebuild the stations … casts a ballot,",
    ],
)
def test_a_quote_may_hold_the_editors_words_in_brackets_and_mark_words_left_out(mini, text):
    edit(
        mini / "quotes" / "quotes.yml",
        "text: We will rebuild the stations before anyone casts a ballot,",
        f"text: {text}",
    )
    done, problems = loaded(mini)
    dossier = verify(done, problems)
    assert problems.errors == []
    quote = next(q for q in dossier.quotes if q.id == "reed-rebuild")
    assert quote.words == text.rstrip(",")  # shown without the comma that led into "said"


def test_the_words_outside_the_brackets_must_still_be_the_sources(mini):
    edit(
        mini / "quotes" / "quotes.yml",
        "text: We will rebuild the stations before",
        "text: We will rebuild [the] polls before",
    )
    done, problems = loaded(mini)
    assert verify(done, problems) is None
    (error,) = problems.errors
    assert "(the words 'polls before anyone casts a ballot,' are not there)" in error.message


WHOLE = '"We will rebuild the stations before anyone casts a ballot," said harbour master'
SPLIT = '"We will rebuild the stations," said harbour master Tomas Reed. "Before anyone casts'


def test_a_quotation_split_by_its_attribution_stays_one_quote(mini):
    seed = mini.parent / "seeds" / "port-vell.txt"
    text = seed.read_text(encoding="utf-8")
    seed.write_text(text.replace(WHOLE + "\nTomas Reed.", SPLIT + ' a ballot."'), encoding="utf-8")
    quotes = mini / "quotes" / "quotes.yml"
    edit(
        quotes,
        "  text: We will rebuild the stations before anyone casts a ballot,\n",
        "  parts:\n    - We will rebuild the stations,\n    - Before anyone casts a ballot.\n",
    )
    edit(quotes, f"cite: '{WHOLE} Tomas Reed.'", f"cite: '{SPLIT} a ballot.\"'")
    done, problems = loaded(mini)
    dossier = verify(done, problems)
    assert [p.message for p in problems.errors] == []
    quote = next(q for q in dossier.quotes if q.id == "reed-rebuild")
    assert quote.words == "We will rebuild the stations. Before anyone casts a ballot."
    edit(quotes, "    - Before anyone casts a ballot.", "    - Before anyone votes.")
    done, problems = loaded(mini)
    assert verify(done, problems) is None
    assert "the words 'Before anyone votes.' are not there" in problems.errors[0].message
