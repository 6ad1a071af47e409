"""A story from several sources: three reports of one event, two of them copies of one agency's
report, that agree on some facts and give two others differently."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader

from briefing import build_dossier
from sitecheck import broken_links, build_site, content, page
from support import SEVERAL, edit, run_check


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    project = tmp_path_factory.mktemp("several") / "project"
    shutil.copytree(SEVERAL, project)
    result = build_site(project, project / "build")
    assert result.returncode == 0, result.stderr
    assert "2 facts with competing accounts; 36 citations verified" in result.stderr
    return project / "build"


def test_a_fact_several_sources_give_says_how_many_are_independent():
    dossier = build_dossier(SEVERAL / "dossier")
    aground, ashore = dossier.meta.at_a_glance
    assert dossier.sources_of(aground.cite) == (3, 2)  # two carry the same agency's report
    assert dossier.sources_of(ashore.cite) == (2, 2)


def test_a_source_records_own_citations_may_leave_the_source_unnamed(tmp_path, capsys):
    """Its date and byline are passages of itself; a fact elsewhere must still say which."""
    dossier = tmp_path / "dossier"
    shutil.copytree(SEVERAL / "dossier", dossier)
    shutil.copytree(SEVERAL / "seeds", tmp_path / "seeds")
    island_post = dossier / "sources" / "island-post.yml"
    edit(island_post, "{source: island-post, exact: 'on Saturday,", "{exact: 'on Saturday,")
    assert run_check(dossier, capsys)[0] == 0
    checked = build_dossier(dossier)
    date_cite = checked.sources["island-post"].source.date.cite[0]
    assert checked.passage(date_cite) == "on Saturday, with 118 people"
    assert date_cite.source_id == "island-post"

    edit(dossier / "places" / "gull-point.yml", "{source: harbour-daily, exact:", "{exact:")
    status, _, err = run_check(dossier, capsys)
    assert status == 1
    assert "gull-point.yml:7:" in err and "citation needs a 'source'" in err


def test_the_home_page_shows_the_corroboration_and_the_competing_accounts(site):
    body = content(page(site, ""))
    first = body.select_one(".statement")
    assert "ran aground off Gull Point on Saturday" in first.text
    assert first.select_one(".corroborated").text.strip() == "3 sources, 2 independent"
    question = body.select_one("#question-people-on-board")
    rows = [
        [td.get_text(" ", strip=True) for td in tr.select("td")]
        for tr in question.select("tbody tr")
    ]
    assert [row[:2] for row in rows] == [["112", "Ines Vahl"], ["118", "The coastguard"]]
    assert all(
        tr.select_one("a.cite") for tr in question.select("tbody tr")
    )  # each has its passage
    assert "crew may account for the gap" in question.text


def test_the_records_an_account_is_about_show_it_too(site):
    body = content(page(site, "organisations/coastguard/"))
    assert body.select_one("#question-people-on-board") is not None


def test_every_source_has_its_page_and_coverage(site):
    listed = content(page(site, "sources/")).select("li")
    assert len(listed) == 3
    assert all("100% of factual sentences cited" in li.text for li in listed)
    radio = " ".join(
        content(page(site, "sources/coast-radio/")).select_one("#about-source").text.split()
    )
    assert "Agency: Nordwire" in radio and "Dateline: PORT ARLEN" in radio
    assert broken_links(site) == []


def test_the_pdf_and_the_data_keep_the_accounts_apart(site):
    pages = PdfReader(site / "briefing.pdf").pages
    text = " ".join(" ".join(p.extract_text() for p in pages).split())
    assert "WHERE ACCOUNTS DIFFER" in text  # a subheading, set in capitals
    assert "Two passengers were treated for minor injuries" in text
    data = json.loads((site / "dossier.json").read_text(encoding="utf-8"))
    values = {q["id"]: [a["value"] for a in q["accounts"]] for q in data["questions"]}
    assert values == {"people-on-board": ["112", "118"], "anyone-hurt": ["No", "Two treated"]}
