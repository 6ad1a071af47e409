"""The verified dossier: what every renderer reads, and the one way to read each thing."""

from __future__ import annotations

import pytest

from briefing import build_dossier
from support import FIXTURE


@pytest.fixture(scope="module")
def dossier():
    return build_dossier(FIXTURE / "dossier")


def test_a_citations_passage_is_the_sources_words_with_whitespace_folded(dossier):
    role = dossier.people["elena-brisk"].roles[0]
    assert dossier.passage(role.cite[0]) == "Mayor Elena Brisk, 52, has led the town since 2015"
    quote = next(q for q in dossier.quotes if q.id == "reed-rebuild")
    assert "\n" not in dossier.passage(quote.cite[0])  # the seed wraps this passage


def test_a_citation_knows_its_source_and_the_date_its_words_are_as_of(dossier):
    age = dossier.people["elena-brisk"].age
    assert dossier.source_of(age.cite[0]).title == "the Gazette report"
    assert dossier.source_date(age.cite[0]).human() == "12 May 2021"


def test_relations_read_as_sentences_that_say_what_is_inferred(dossier):
    first = dossier.relations[0]
    assert dossier.relation_sentence(first) == (
        "Elena Brisk is based in Port Vell (editorial inference)"
    )


def test_records_of_every_kind_are_found_by_id(dossier):
    assert dossier.kind_of("elena-brisk") == "person"
    assert dossier.kind_of("residents") == "group"
    assert dossier.kind_of("vote-delayed") == "event"
    assert dossier.name_of("vote-delayed") == "Town says it delayed the vote after a storm"
    assert dossier.kind_of("nobody") is None and dossier.name_of("nobody") == "nobody"


def test_cross_references_each_record_page_shows(dossier):
    assert [q.id for q in dossier.quotes_by("tomas-reed")] == ["reed-rebuild"]
    assert [other for other, _ in dossier.mentions("tomas-reed")] == ["elena-brisk"]
    assert {r.subject for r in dossier.relations_of("port-vell")} == {"elena-brisk", "tomas-reed"}
    assert dossier.based_in("port-vell") == ["elena-brisk"]  # her file says so; his does not
    assert "elena-brisk" in [e.participants[0] for e in dossier.events_with("elena-brisk")]


def test_the_summary_line_counts_each_kind_in_the_singular_or_the_plural(dossier):
    assert dossier.summary() == (
        "2 people, 1 group, 1 organisation, 1 place, 4 events, 2 quotes, "
        "3 relations; 23 citations verified"
    )
