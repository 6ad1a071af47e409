"""Words in another language than the briefing's: a source's text, its passages and the
quotes from it are marked with the source's language on the site and in the PDF."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader

from briefing import build_dossier
from briefing.pdf import build_pdf, pdf_data
from sitecheck import build_site, content, page
from support import FIXTURE, SEVERAL, edit, run_check

DANISH = "language: da\n"  # the fixture's words are English; only the marking is tested


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    project = tmp_path_factory.mktemp("languages") / "project"
    shutil.copytree(SEVERAL, project)
    source = project / "dossier" / "sources" / "harbour-daily.yml"
    edit(source, "title: the Harbour Daily report\n", "title: the Harbour Daily report\n" + DANISH)
    return project


@pytest.fixture(scope="module")
def site(project) -> Path:
    result = build_site(project, project / "build")
    assert result.returncode == 0, result.stderr
    return project / "build"


def test_a_source_page_in_another_language_is_marked_with_it(site):
    assert content(page(site, "sources/harbour-daily/")).select_one(".source-text")["lang"] == "da"
    assert not content(page(site, "sources/coast-radio/")).select_one(".source-text").get("lang")
    sentences = content(page(site, "sources/harbour-daily/sentences/"))
    assert {p.get("lang") for p in sentences.select(".sentence-text")} == {"da"}


def test_quotes_and_passages_from_it_carry_its_language(site):
    quote = content(page(site, "quotes/")).select_one("#quote-vahl-nobody-hurt blockquote")
    assert quote["lang"] == "da"
    notes = content(page(site, "")).select(".source-notes li")
    marked = {n.select_one("a")["href"].split("/")[-2]: n.select_one("q").get("lang")
              for n in notes}  # fmt: skip
    assert marked["harbour-daily"] == "da"
    assert marked["coast-radio"] is None


def test_the_pdf_sets_the_quote_in_its_language(project):
    data = pdf_data(build_dossier(project / "dossier"))
    assert data["language"] == {"lang": "en"}
    quote = next(q for g in data["quotes_by_speaker"] for q in g["quotes"])
    assert quote["lang"] == {"lang": "da"}
    assert (project / "build" / "briefing.pdf").is_file()


def test_the_briefings_own_language_and_region_reach_the_pdf(tmp_path):
    shutil.copytree(FIXTURE, tmp_path / "mini")
    dossier = tmp_path / "mini" / "dossier"
    edit(dossier / "dossier.yml", "as_of:", "language: pt-BR\nas_of:")
    reader = PdfReader(io.BytesIO(build_pdf(build_dossier(dossier))))
    assert reader.trailer["/Root"]["/Lang"] == "pt-BR"


def test_a_tag_is_read_in_its_usual_case_so_the_briefings_own_is_not_foreign(tmp_path):
    shutil.copytree(FIXTURE, tmp_path / "mini")
    dossier = tmp_path / "mini" / "dossier"
    edit(dossier / "dossier.yml", "as_of:", "language: PT-br\nas_of:")
    edit(dossier / "sources" / "gazette.yml", "title: the Gazette report\n",
         "title: the Gazette report\nlanguage: pt-br\n")  # fmt: skip
    checked = build_dossier(dossier)
    assert checked.meta.language == "pt-BR"
    assert checked.foreign_language("gazette") is None
    reader = PdfReader(io.BytesIO(build_pdf(checked)))
    assert reader.trailer["/Root"]["/Lang"] == "pt-BR"


def test_a_language_that_is_not_a_tag_is_refused_with_an_example(tmp_path, capsys):
    shutil.copytree(SEVERAL, tmp_path / "several")
    source = tmp_path / "several" / "dossier" / "sources" / "harbour-daily.yml"
    edit(source, "title: the Harbour Daily report\n", "title: the Harbour Daily report\n"
         "language: Danish\n")  # fmt: skip
    status, _, err = run_check(tmp_path / "several" / "dossier", capsys)
    assert status == 1
    assert "harbour-daily.yml:5" in err and "'Danish' is not a language tag" in err
    assert "'en', 'fr' or 'pt-BR'" in err
    # Dates resting on that source are left unresolved, and said so once, not as a cycle.
    assert "each placed after or before" not in err


def test_pages_marked_in_another_language_than_the_briefings_fail_the_build_until_set(tmp_path):
    """A French briefing on pages Material marks English: the build says what to set."""
    project = tmp_path / "mini"
    shutil.copytree(FIXTURE, project)
    edit(project / "dossier" / "dossier.yml", "as_of:", "language: fr-CA\nas_of:")
    failed = build_site(project, project / "build")
    assert failed.returncode == 1
    assert "the dossier's language is 'fr-CA', but the site's pages are marked 'en'" in (
        failed.stderr
    )
    assert "set `language: fr` under `theme:` in mkdocs.yml" in failed.stderr
    edit(project / "mkdocs.yml", "theme:\n  name: material\n",
         "theme:\n  name: material\n  language: fr\n")  # fmt: skip
    built = build_site(project, project / "build")
    assert built.returncode == 0, built.stderr
    home = page(project / "build", "")
    assert home.find("html")["lang"] == "fr"
    assert home.select_one("input.md-search__input")["placeholder"] == "Rechercher"
