"""`briefing add-source`: a saved page becomes a seed, the page kept beside it and a source
record whose fields the build finds again in the page; what looks wrong is flagged."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
import yaml

from briefing import check_dossier
from briefing.cli import main
from briefing.intake import IntakeRefused, add_source

PAGE = """<!doctype html><html lang="en"><head>
<title>Harbour vote delayed by storm - The Port Gazette</title>
<meta property="og:site_name" content="The Port Gazette">
<meta name="author" content="Username">
<meta property="article:published_time" content="2021-05-11T23:40:00Z">
<link rel="canonical" href="https://gazette.example/harbour-vote">
</head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Harbour vote delayed by storm</h1>
<p>PORT VELL (AP) — The town council of Port Vell said on Tuesday it had delayed the harbour
vote after a storm damaged two polling stations, the mayor's office said in a statement.</p>
<p>“We will not hold a vote in tents,” said Elena Brisk, the council's chief clerk. “Every
resident deserves a dry booth.”</p>
<p>Harbour pilot Tomas Reed, 54, said the storm was the worst he had seen in decades of work
on the quays, and that boats had been moved to the inner basin overnight.</p>
<p>The council expects to announce a new date for the vote in June, once repairs to the two
schools used as polling stations are finished and inspected by the town's engineers.</p>
<p>This version corrects the name of the harbour pilot, who was misnamed earlier today.</p>
</article><footer>© The Port Gazette</footer></body></html>
"""


def project(tmp_path: Path) -> Path:
    dossier = tmp_path / "project" / "dossier"
    dossier.mkdir(parents=True)
    (dossier / "dossier.yml").write_text(
        "title: Harbour\nas_of: 2021-06-01\nmarking: test\n", encoding="utf-8"
    )
    return dossier


def saved(tmp_path: Path, html: str = PAGE, name: str = "harbour.html") -> Path:
    page = tmp_path / name
    page.write_text(html, encoding="utf-8")
    return page


def test_a_saved_page_becomes_a_seed_its_page_and_a_draft_record_that_checks(tmp_path):
    dossier = project(tmp_path)
    intake = add_source(saved(tmp_path), dossier, "gazette")
    seeds = dossier.parent / "seeds"
    seed = (seeds / "gazette.txt").read_text(encoding="utf-8")
    assert seed.startswith("PORT VELL (AP) — The town council of Port Vell said on Tuesday")
    assert "\n\n“We will not hold a vote in tents,” said Elena Brisk" in seed
    assert "Home" not in seed and "©" not in seed  # navigation and footer left out
    assert (seeds / "gazette.html").read_bytes() == PAGE.encode("utf-8")

    record = yaml.safe_load(intake.record.read_text(encoding="utf-8"))
    assert record["draft"] is True
    assert record["title"] == "Harbour vote delayed by storm"
    assert record["page"]["sha256"] == hashlib.sha256(PAGE.encode("utf-8")).hexdigest()
    assert record["publisher"]["page"] == {"field": "og:site_name", "value": "The Port Gazette"}
    assert record["date"]["value"] == "2021-05-11"
    assert record["url"]["value"] == "https://gazette.example/harbour-vote"
    assert record["agency"]["name"] == "AP" and record["dateline"]["name"] == "PORT VELL (AP)"
    assert record["marked"] == [
        {"text": "This version corrects the name of the harbour", "as": "note"}
    ]
    # What looks wrong is flagged in the file and in what add-source reports.
    text = intake.record.read_text(encoding="utf-8")
    assert "# check: 'Username' does not look like a person's name" in text
    assert "near midnight UTC" in intake.flags["date"]

    dossier_checked, problems = check_dossier(dossier)
    assert problems.errors == [], problems.report()
    assert dossier_checked is not None
    coverage = dossier_checked.sources["gazette"].coverage
    assert [s.kind for s in coverage.sentences if s.text.startswith("This version")] == ["note"]


AGENCY_PAGE = """<!doctype html><html lang="fr"><head>
<title>Un vote reporté - La Gazette</title>
<meta property="og:site_name" content="La Gazette">
</head><body><article itemscope itemtype="http://schema.org/NewsArticle">
<h1 itemprop="headline">Un vote reporté</h1>
<span itemprop="author creator" itemscope itemtype="http://schema.org/Person">
<a href="/auteur/afp"><span itemprop="name"> AFP</span></a></span>
<time itemprop="datePublished" datetime="2021-05-12T07:19:58">12 mai 2021</time>
<p>Le port de Port Vell, le 11 mai 2021, après la tempête. (Photo Ana Ruiz. AFP)</p>
<p>PORT VELL (AFP) — Le conseil municipal de Port Vell a reporté mardi le vote sur le port,
après qu'une tempête a endommagé deux bureaux de vote, a indiqué la mairie.</p>
<p>Le conseil compte annoncer une nouvelle date en juin, une fois les deux écoles réparées et
inspectées par les ingénieurs de la ville.</p>
</article></body></html>
"""


def test_an_agency_named_where_the_author_goes_is_the_sources_agency(tmp_path):
    """The page's schema.org markup names AFP as the author: AFP is the agency, cited to that
    markup, which the build finds again in the kept page; the dateline after a photo caption
    is read too."""
    dossier = project(tmp_path)
    intake = add_source(saved(tmp_path, AGENCY_PAGE), dossier, "gazette")
    record = yaml.safe_load(intake.record.read_text(encoding="utf-8"))
    assert "authors" not in record
    assert record["agency"] == {
        "name": "AFP", "page": {"field": "itemprop:author.name", "value": "AFP"}
    }  # fmt: skip
    assert record["date"]["page"] == {
        "field": "itemprop:datePublished", "value": "2021-05-12T07:19:58"
    }  # fmt: skip
    assert record["marked"][0]["as"] == "caption"
    assert record["dateline"]["name"] == "PORT VELL (AFP)"
    assert "no author: the page names only the agency, AFP" in intake.notes
    checked, problems = check_dossier(dossier)
    assert problems.errors == [], problems.report()
    assert checked is not None and checked.sources["gazette"].source.agency.name == "AFP"
    # A value the page does not give is refused at the build.
    text = intake.record.read_text(encoding="utf-8")
    intake.record.write_text(text.replace("value: AFP}", "value: Reuters}"), encoding="utf-8")
    _, problems = check_dossier(dossier)
    assert any("itemprop:author.name" in str(p) for p in problems.errors), problems.report()


def test_a_text_file_is_taken_as_it_is_and_its_date_read_from_its_words(tmp_path):
    dossier = project(tmp_path)
    text = tmp_path / "note.txt"
    text.write_text("Port Vell voted on May 20, 2021.\nThe count took all night.\n")
    add_source(text, dossier, "note")
    seed = (dossier.parent / "seeds" / "note.txt").read_text(encoding="utf-8")
    assert seed == "Port Vell voted on May 20, 2021.\n\nThe count took all night.\n"
    record = yaml.safe_load((dossier / "sources" / "note.yml").read_text(encoding="utf-8"))
    assert record["date"]["value"] == "2021-05-20" and "inference" in record["date"]
    assert check_dossier(dossier)[1].errors == []


@pytest.mark.parametrize(
    ("content", "name", "expected"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00", "photo.png", "not a web page or a text file"),
        (b"<html><body><nav>Home</nav></body></html>", "empty.html", "no article text"),
    ],
)
def test_a_file_that_is_no_article_is_refused(tmp_path, content, name, expected):
    dossier = project(tmp_path)
    file = tmp_path / name
    file.write_bytes(content)
    with pytest.raises(IntakeRefused, match=expected):
        add_source(file, dossier)
    assert not (dossier / "sources").exists()


def test_an_id_already_used_and_a_seed_of_another_text_are_refused(tmp_path, capsys):
    dossier = project(tmp_path)
    add_source(saved(tmp_path), dossier, "gazette")
    other = saved(tmp_path, PAGE.replace("two polling", "three polling"), "other.html")
    status = main(["add-source", str(other), "--id", "gazette", "--dossier", str(dossier)])
    assert status == 1
    assert "source id 'gazette' is already used" in capsys.readouterr().err
    with pytest.raises(IntakeRefused, match="already the source 'gazette'"):
        add_source(saved(tmp_path), dossier, "again")
    (dossier / "sources" / "gazette.yml").unlink()  # the id is free again, the seed is not
    with pytest.raises(IntakeRefused, match="already exists in the seeds folder"):
        add_source(other, dossier, "gazette")


def test_an_id_the_model_would_refuse_is_refused_before_anything_is_written(tmp_path):
    dossier = project(tmp_path)
    with pytest.raises(IntakeRefused, match="cannot be a source id"):
        add_source(saved(tmp_path), dossier, "gazette-" + "x" * 80)
    assert not (dossier / "sources").exists() and not (dossier.parent / "seeds").exists()


def test_the_default_id_keeps_an_abbreviation_whole(tmp_path):
    """'U.S.-Israeli' is 'us-israeli' in an id, not cut to 'u' after three words."""
    dossier = project(tmp_path)
    page = PAGE.replace("Harbour vote delayed by storm - The Port Gazette",
                        "Where do strained U.S.-Israeli ties go? - The Port Gazette")  # fmt: skip
    intake = add_source(saved(tmp_path, page), dossier)
    assert intake.record.name == "where-do-strained-us.yml"
