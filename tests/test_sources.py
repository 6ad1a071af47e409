"""A source's provenance: each fact about it cited to its text or to the saved page's metadata,
which the build checks against the page kept beside the seed."""

from __future__ import annotations

import hashlib

from briefing import build_dossier, check_dossier
from briefing.text.webpage import page_metadata
from sitecheck import build_site, content, page
from support import edit

PAGE = """<!doctype html><html lang="en"><head>
<title>Storm delays Port Vell vote | The Gazette</title>
<meta property="og:site_name" content="Port Vell Gazette">
<meta name="author" content="Ana  Duarte">
<link rel="canonical" href="https://gazette.example/storm-vote">
<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2021-05-12",
 "author": [{"@type": "Person", "name": "Ana Duarte"}]}</script>
</head><body><p>The town of Port Vell said Tuesday ...</p></body></html>
"""


def test_a_pages_metadata_is_read_as_editors_cite_it():
    found = page_metadata(PAGE)
    assert found["og:site_name"] == ["Port Vell Gazette"]
    assert found["author"] == ["Ana Duarte"]  # whitespace folded
    assert found["title"] == ["Storm delays Port Vell vote | The Gazette"]
    assert found["canonical"] == ["https://gazette.example/storm-vote"]
    assert found["lang"] == ["en"]
    assert found["ld:datePublished"] == ["2021-05-12"]
    assert found["ld:author.name"] == ["Ana Duarte"]


def keep_page(dossier, html: str = PAGE) -> None:
    """Save the page beside the seed and name it, with its digest, in the source record."""
    (dossier.parent / "seeds" / "gazette.html").write_text(html, encoding="utf-8")
    digest = hashlib.sha256(html.encode("utf-8")).hexdigest()
    edit(
        dossier / "sources" / "gazette.yml",
        "title: the Gazette report\n",
        "title: the Gazette report\n"
        f"page: {{file: gazette.html, sha256: {digest}}}\n"
        "url: {value: 'https://gazette.example/storm-vote', page: {field: canonical, "
        "value: 'https://gazette.example/storm-vote'}}\n"
        "authors:\n  - name: Ana Duarte\n    page: {field: author, value: Ana Duarte}\n",
    )


def test_facts_cited_to_the_saved_page_are_checked_against_it(mini):
    keep_page(mini)
    dossier = build_dossier(mini)
    source = dossier.sources["gazette"].source
    assert source.address == "https://gazette.example/storm-vote"
    assert [a.name for a in source.authors] == ["Ana Duarte"]


def test_a_value_the_page_does_not_give_is_refused_with_what_it_gives(mini):
    keep_page(mini)
    edit(mini / "sources" / "gazette.yml", "value: Ana Duarte}", "value: Ann Duarte}")
    _, problems = check_dossier(mini)
    (error,) = problems.errors
    assert error.field == "authors[0].page.value"
    assert error.message == (
        "the saved page's 'author' is 'Ana Duarte', not 'Ann Duarte'; give the value exactly "
        "as the page has it"
    )


def test_a_field_the_page_lacks_is_refused_with_the_nearest(mini):
    keep_page(mini)
    edit(mini / "sources" / "gazette.yml", "{field: author,", "{field: authors,")
    _, problems = check_dossier(mini)
    (error,) = problems.errors
    assert "has no metadata field 'authors'; did you mean 'author'?" in error.message


def test_a_changed_page_is_not_taken_for_the_one_the_source_was_made_from(mini):
    keep_page(mini)
    (mini.parent / "seeds" / "gazette.html").write_text(PAGE + "<!-- edited -->")
    _, problems = check_dossier(mini)
    (error,) = problems.errors
    assert error.field == "page.sha256"
    assert "is not the page this source was made from" in error.message


def test_a_page_field_without_a_saved_page_says_what_to_add(mini):
    edit(
        mini / "sources" / "gazette.yml",
        "title: the Gazette report\n",
        "title: the Gazette report\nauthors:\n  - {name: Ana, page: {field: author, value: Ana}}\n",
    )
    _, problems = check_dossier(mini)
    (error,) = problems.errors
    assert "the source keeps no page: add page: {file: ..., sha256: ...}" in error.message


def _append_to_the_seed(mini, paragraph: str) -> None:
    seed = mini.parent / "seeds" / "port-vell.txt"
    seed.write_text(seed.read_text(encoding="utf-8") + paragraph, encoding="utf-8")


def test_a_caption_marked_as_such_is_not_a_sentence_to_cite(mini):
    _append_to_the_seed(mini, "\nVoters queue outside the town hall on Tuesday.\n")
    dossier, problems = check_dossier(mini)
    assert any("Voters queue" in w.message for w in problems.warnings)
    edit(
        mini / "sources" / "gazette.yml",
        "title: the Gazette report\n",
        "title: the Gazette report\nmarked:\n  - {text: Voters queue outside, as: caption}\n",
    )
    dossier, problems = check_dossier(mini)
    assert problems.warnings == []
    coverage = dossier.sources["gazette"].coverage
    assert coverage.summary() == "100% of factual sentences cited (5/5)"
    assert [s.kind for s in coverage.sentences if "Voters queue" in s.text] == ["caption"]


def test_a_list_item_marked_as_such_is_a_sentence_to_cite_not_a_subheading(mini):
    _append_to_the_seed(mini, "\nThe ferry keeps to its winter timetable\n")
    dossier, problems = check_dossier(mini)
    assert problems.warnings == []  # one short line without a full stop: read as a subheading
    edit(
        mini / "sources" / "gazette.yml",
        "title: the Gazette report\n",
        "title: the Gazette report\nmarked:\n  - {text: The ferry keeps, as: item}\n",
    )
    dossier, problems = check_dossier(mini)
    (warning,) = problems.warnings
    assert "sentence not cited by any statement: 'The ferry keeps to its winter timetable'" in (
        warning.message
    )
    assert dossier.sources["gazette"].coverage.summary() == ("83% of factual sentences cited (5/6)")


def test_a_marked_paragraph_must_be_in_the_text(mini):
    edit(
        mini / "sources" / "gazette.yml",
        "title: the Gazette report\n",
        "title: the Gazette report\nmarked:\n  - {text: No such caption}\n",
    )
    _, problems = check_dossier(mini)
    (error,) = problems.errors
    assert error.field == "marked[0].text" and "not found in the source" in error.message


def test_the_source_page_shows_the_authors_address_and_how_each_is_known(mini, tmp_path):
    keep_page(mini)
    out = tmp_path / "site"
    result = build_site(mini.parent, out)
    assert result.returncode == 0, result.stderr
    facts = content(page(out, "sources/gazette/")).select_one("#about-source")
    text = " ".join(facts.text.split())
    assert "Author: Ana Duarte (from the saved page's author)" in text
    link = facts.find("a", string="https://gazette.example/storm-vote")
    assert link is not None and link["href"] == "https://gazette.example/storm-vote"
    assert "taken from the saved page gazette.html" in text
    listed = " ".join(content(page(out, "sources/")).text.split())
    assert "the Gazette report by Ana Duarte, Port Vell Gazette" in listed
