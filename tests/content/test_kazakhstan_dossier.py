"""The Kazakhstan dossier: complete, cited, and dated from one editorial record."""

from __future__ import annotations

import json
import shutil

import pytest

from briefing import build_dossier, check_dossier
from briefing.exports import exports
from briefing.text.passages import fold
from support import ROOT, edit

DOSSIER = ROOT / "dossier"


@pytest.fixture(scope="module")
def dossier():
    return build_dossier(DOSSIER)


def test_checks_with_no_warnings_and_full_coverage():
    dossier, problems = check_dossier(DOSSIER)
    assert dossier is not None, problems.report()
    assert problems.items == [], problems.report()
    (document,) = dossier.sources.values()
    coverage = document.coverage
    assert coverage.share == 1.0
    assert len(coverage.factual) == 31
    kinds = {s.text: s.kind for s in coverage.sentences}
    assert (
        kinds["Related article: Ukraine War Strains Ties Between Kazakhstan and Russia"] == "link"
    )
    assert (
        kinds[
            "https://www.themoscowtimes.com/2025/06/07/ukraine-war-strains-ties-between-kazakhstan-and-russia"
        ]
        == "link"
    )
    assert kinds["Balancing act"] == "heading"


def test_every_quote_is_verbatim_in_the_seed(dossier):
    seed = fold((ROOT / "seeds" / "000_09a6841eb59e7920.txt").read_text(encoding="utf-8"))
    assert len(dossier.quotes) == 13
    for quote in dossier.quotes:
        assert fold(quote.text) in seed, quote.id


def test_quotes_are_attributed_with_roles_as_given(dossier):
    by_id = {q.id: q for q in dossier.quotes}
    assert (by_id["ergaly-farce"].speaker, by_id["ergaly-farce"].role) == (
        "aidar-ergaly",
        "architect",
    )
    assert by_id["ergaly-farce"].delivery == "told AFP"
    assert by_id["nakizbekova-hope"].role == "a 57-year-old entrepreneur"
    assert by_id["nakizbekova-hope"].inference  # attribution read from the sentence before
    assert by_id["terirgaliyev-no-choice"].role == (
        "a retired resident of the country's economic capital, Almaty"
    )
    assert by_id["nsc-coup-plan"].speaker == "national-security-committee"


def test_everyone_the_article_names_has_a_profile(dossier):
    assert {p.name for p in dossier.people.values()} == {
        "Kassym-Jomart Tokayev", "Mukhtar Ablyazov", "Nursultan Nazarbayev", "Asset Terirgaliyev",
        "Aidar Ergaly", "Andrei Chebotarev", "Svetlana Kadysheva", "Janiya Nakizbekova",
    }  # fmt: skip
    assert {p.id for p in dossier.main_people} == {"tokayev", "ablyazov", "nazarbayev"}
    assert set(dossier.groups) == {"seven-suspects", "five-challengers", "osce-observers", "voters"}
    assert {"national-security-committee", "osce", "imf", "afp", "moscow-times"} == set(
        dossier.organisations
    )
    assert {"kazakhstan", "almaty", "france", "russia", "china", "ukraine"} <= set(dossier.places)


def test_roles_and_numbers_as_the_article_words_them(dossier):
    ablyazov = dossier.people["ablyazov"]
    assert "a former energy minister and bank chairman" in [r.title for r in ablyazov.roles]
    assert ablyazov.based_in[0].wording == "France-based"
    assert dossier.people["tokayev"].age.years == 69
    figures = {f.value: f.label for f in dossier.meta.key_figures}
    assert "more than 230" in figures and "About 12 million" in figures


def test_timeline_dates_resolved_from_the_article_date(dossier):
    dates = {e.id: str(e.date.date) for e in dossier.events}
    assert dates == {
        "tokayev-becomes-leader": "2019",
        "january-unrest": "2022-01",
        "shoot-to-kill-orders": "2022",
        "nazarbayev-sidelined": "2022",
        "constitutional-reforms": "2022-03",
        "early-vote-called": "2022-09",
        "coup-plot-foiled": "2022-11-17",
        "snap-election": "2022-11-20",
        "election-originally-due": "2024-12",
    }
    assert [e.id for e in dossier.events][0] == "tokayev-becomes-leader"
    assert [e.id for e in dossier.events][-1] == "election-originally-due"
    thursday = next(e for e in dossier.events if e.id == "coup-plot-foiled")
    assert thursday.date.wording == "Thursday"
    assert "itself an editorial inference" in thursday.date.inferred
    source = dossier.sources["afp-kazakhstan-coup-plot"].source
    assert source.date.inference and "20 November 2022" in source.date.inference
    assert dossier.as_of() == "17 November 2022"


def test_relative_dates_follow_the_one_article_date_record(tmp_path):
    shutil.copytree(DOSSIER, tmp_path / "dossier")
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    edit(
        tmp_path / "dossier/sources/afp-kazakhstan-coup-plot.yml",
        "value: 2022-11-17",
        "value: 2022-11-24",
    )
    moved = build_dossier(tmp_path / "dossier")
    dates = {e.id: str(e.date.date) for e in moved.events}
    assert dates["coup-plot-foiled"] == "2022-11-24"
    assert dates["snap-election"] == "2022-11-27"
    assert moved.as_of() == "24 November 2022"


def test_kazakhstan_ftm_keeps_roles_as_worded():
    files = exports(build_dossier(DOSSIER))
    people = {e["id"]: e for e in json.loads(files["entities.ftm.json"])}
    assert (
        "a former energy minister and bank chairman" in people["ablyazov"]["properties"]["position"]
    )
