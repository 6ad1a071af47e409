"""The fixture dossier's site, read as a reader sees it."""

from __future__ import annotations

import gc
import hashlib
import html
import json
import shutil
import sys
from pathlib import Path

import pytest

from briefing import build_dossier
from briefing.exports import ftm_entities
from briefing.site import search_view
from briefing.site.jsonld import events
from sitecheck import broken_links, build_site, content, page
from support import FIXTURE, edit, synthetic


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[Path, str]:
    """The fixture project built once: its output folder and what the build printed."""
    project = tmp_path_factory.mktemp("project") / "mini"
    shutil.copytree(FIXTURE, project)
    out = project / "build"
    result = build_site(project, out)
    assert result.returncode == 0, result.stderr
    return out, result.stderr


@pytest.fixture(scope="module")
def site(built) -> Path:
    return built[0]


def test_the_build_says_what_it_checked(built):
    """`make site` runs the build alone, so the build reports what `briefing check` does."""
    _, log = built
    assert (
        "dossier/: 2 people, 1 group, 1 organisation, 1 place, 4 events, 2 quotes, "
        "3 relations; 23 citations verified" in log
    )
    assert "coverage of seeds/port-vell.txt: 100% of factual sentences cited (5/5)" in log


def test_profile_shows_statements_with_their_passages(site):
    soup = page(site, "people/elena-brisk/")
    body = content(soup)
    statement = next(p for p in body.select(".statement") if "She called the storm" in p.text)
    marker = statement.select_one("a.cite")
    assert marker["title"] == 'called the storm "the worst in living memory."'
    note = body.select_one(marker["href"])
    assert 'called the storm "the worst in living memory."' in note.text
    to_source = note.find("a")["href"]
    assert to_source.startswith("../../sources/gazette/#c")
    assert "Mayor (current)" in body.select_one("table.infobox").text
    assert "52" in body.select_one("table.infobox").text and "as of 12 May 2021" in body.text


def test_profile_lists_quotes_events_and_related_people(site):
    body = content(page(site, "people/elena-brisk/"))
    assert "the worst in living memory." in body.select_one("figure.quote").text
    assert [a.text for a in body.select(".event-line a")] == ["Elena Brisk begins leading the town"]
    assert [a.text for a in body.select("ul.related a")] == ["Tomas Reed"]


def test_timeline_orders_mixed_precisions_and_marks_inferred_dates(site):
    body = content(page(site, "timeline/"))
    events = body.select("ol.timeline > li.event")
    assert [e["id"] for e in events] == [
        "event-brisk-takes-office",
        "event-date-moved",
        "event-vote-delayed",
        "event-vote-first-date",
    ]
    dates = [e.select_one(".when time").text for e in events]
    assert dates == ["2015", "April 2021", "11 May 2021", "June 2021"]
    tuesday = events[2]
    assert "source: “Tuesday”" in tuesday.text
    assert "Editorial inference" in tuesday.select_one(".when .basis").text
    assert "status-superseded" in events[3]["class"]
    assert "Planned, superseded by" in events[3].text


def test_quotes_grouped_by_speaker_with_role_and_passage(site):
    body = content(page(site, "quotes/"))
    heading = next(h for h in body.find_all("h2") if "Tomas Reed" in h.text)
    quote = heading.find_next("figure", class_="quote")
    assert "“We will rebuild the stations before anyone casts a ballot”" in quote.text
    assert quote.select_one(".role").text == "harbour master"
    passage = quote.find_next("details", class_="passage-box")
    assert "said harbour master Tomas Reed" in passage.text


def test_source_page_highlights_passages_and_links_back(site):
    body = content(page(site, "sources/gazette/"))
    assert "100% of factual sentences cited (5/5)" in body.text
    marks = body.select("mark.cited")
    assert any("About 4,000 residents are eligible to vote." in m.text for m in marks)
    data = json.loads((site / "dossier.json").read_text(encoding="utf-8"))
    residents = next(g for g in data["groups"] if g["id"] == "residents")
    number = residents["summary"]["cite"][0]["number"]
    assert body.select_one(f"#c{number}") is not None
    to_table = [a["href"] for a in body.select("sup.sentence-ref a")]
    assert "../../sources/gazette/sentences/#sentence-6" in to_table


def test_sentence_table_links_each_sentence_to_the_statements_citing_it(site):
    body = content(page(site, "sources/gazette/sentences/"))
    data = json.loads((site / "dossier.json").read_text(encoding="utf-8"))
    residents = next(g for g in data["groups"] if g["id"] == "residents")
    number = residents["summary"]["cite"][0]["number"]
    sentence = body.find("li", id="sentence-6")
    text = sentence.select_one(".sentence-text").text
    assert "About 4,000 residents are eligible to vote." in text
    back = [a["href"] for a in sentence.select("a")]
    assert "../../../people/residents/#s" + str(number) in back
    kinds = {li["id"]: li["class"] for li in body.select("ol.sentence-table > li")}
    assert "kind-link" in kinds["sentence-3"] and "kind-heading" in kinds["sentence-4"]


def test_every_internal_link_and_anchor_resolves(site):
    assert broken_links(site) == []


def test_404_page_links_from_the_root_its_script_finds_not_from_site_url(site):
    """Served at any depth, under any path: test_browser loads it so."""
    soup = page(site, "404.html")
    stylesheets = [link["href"] for link in soup.find_all("link", rel="stylesheet")]
    assert stylesheets and all(href.startswith("./assets/") for href in stylesheets)
    links = soup.find_all(href=lambda href: href and href.startswith("/sub/path/"))
    assert [link.name for link in links] == ["base"]  # the first thing in <head>, and then:
    finder = soup.head.find("script")  # moves it when the address is elsewhere
    assert '"built_for": "/sub/path/"' in finder.string and '"people"' in finder.string


def _meta(soup, name: str) -> str | None:
    tag = soup.find("meta", attrs={"property": name}) or soup.find("meta", attrs={"name": name})
    return tag["content"] if tag else None


def test_each_page_has_its_own_description_and_link_preview(site):
    home = page(site, "index.html")
    assert (
        _meta(home, "description")
        == _meta(home, "og:description")
        == ("Port Vell delayed its harbour vote after a storm damaged two polling stations.")
    )
    assert _meta(home, "og:type") == "website"
    assert _meta(home, "og:image") == "https://example.org/sub/path/assets/briefing/share/index.png"
    profile = page(site, "people/elena-brisk/")
    assert _meta(profile, "description") == "Mayor of Port Vell since 2015."
    assert [_meta(profile, n) for n in ("og:title", "og:type", "og:url", "og:image")] == [
        "Elena Brisk",
        "profile",
        "https://example.org/sub/path/people/elena-brisk/",
        "https://example.org/sub/path/assets/briefing/share/people/elena-brisk.png",
    ]
    assert _meta(profile, "twitter:card") == "summary_large_image"
    assert "Elena Brisk, Mayor" in _meta(profile, "og:image:alt")
    assert "TEST FIXTURE — made-up source" in _meta(profile, "og:image:alt")
    # Not a main figure: her own words, the briefing's card.
    other = page(site, "people/tomas-reed/")
    assert _meta(other, "description") == "Harbour master of Port Vell."
    assert _meta(other, "og:image") == _meta(home, "og:image")
    timeline = _meta(page(site, "timeline/"), "description")
    assert timeline.startswith("4 events, from 2015 to June 2021: Elena Brisk begins leading")
    pages = [p for p in sorted(site.rglob("index.html")) if p.parent.name != "notes"]
    descriptions = {
        p: _meta(page(site, p.relative_to(site).as_posix()), "og:description") for p in pages
    }
    assert all(descriptions.values()) and len(set(descriptions.values())) == len(pages)
    notes = page(site, "notes/")  # hand-written, no description: the home page's
    assert _meta(notes, "og:title") == "Notes" and _meta(notes, "og:type") == "article"
    assert _meta(notes, "og:description") == _meta(home, "og:description")


def test_share_cards_are_drawn_for_the_home_page_and_each_main_profile(site):
    folder = site / "assets/briefing/share"
    cards = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*.png"))
    assert cards == ["index.png", "people/elena-brisk.png"]
    home = (site / "assets/briefing/share/index.png").read_bytes()
    profile = (site / "assets/briefing/share/people/elena-brisk.png").read_bytes()
    for png in (home, profile):
        assert png[:8] == b"\x89PNG\r\n\x1a\n"
        assert (int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")) == (1200, 630)
    assert home != profile


def test_nothing_is_loaded_from_another_host(site):
    for file in [*site.rglob("*.html"), *site.rglob("*.css")]:
        text = file.read_text(encoding="utf-8")
        assert "fonts.googleapis" not in text and "fonts.gstatic" not in text, file


def test_search_index_finds_people_by_name(site):
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    titles = {doc["title"] for doc in index["docs"]}
    assert {"Elena Brisk", "Tomas Reed"} <= titles


def test_search_reads_a_profile_as_its_words_without_citation_numbers(site):
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    docs = {doc["location"]: doc for doc in index["docs"]}
    statements = docs["people/elena-brisk/#statements"]
    assert statements["text"] == '<p>She called the storm "the worst in living memory".</p>'
    assert "Age 52 (as of 12 May 2021)" in docs["people/elena-brisk/"]["text"]
    # the page itself still shows its markers: search read a text-only copy
    assert content(page(site, "people/elena-brisk/")).select("sup.cites a.cite")


def test_search_view_keeps_headings_and_words_and_escaped_text_stays_text():
    html = (
        '<h2 id="x">Title<a class="headerlink" href="#x">&para;</a></h2>\n'
        '<p class="statement" id="s1">A &lt;b&gt; claim by <a href="../x/">Reed</a>.'
        '<sup class="cites"><a class="cite" href="#fn-1">1</a></sup></p>\n'
        '<script type="application/ld+json">{"a": 1}</script>'
        "<table><tr><th>Age</th><td>52</td></tr></table>"
    )
    assert search_view(html) == '<h2 id="x">Title</h2> <p>A &lt;b&gt; claim by Reed.</p> Age 52'


def test_a_name_with_accents_is_found_typed_without_them(tmp_path):
    """Searching "Tomas Reed" finds "Tomás Reed" (a keyboard without accents); the page still
    shows the name as it is written."""
    project = tmp_path / "mini"
    shutil.copytree(FIXTURE, project)
    edit(project / "dossier/people/tomas-reed.yml", "name: Tomas Reed", "name: Tomás Reed")
    assert build_site(project, project / "build").returncode == 0
    index = json.loads((project / "build/search/search_index.json").read_text(encoding="utf-8"))
    docs = {doc["location"]: doc for doc in index["docs"]}
    profile = docs["people/tomas-reed/"]
    assert profile["title"] == "Tomás Reed" and "<p>Tomas Reed</p>" in profile["text"]
    assert page(project / "build", "people/tomas-reed/").find("h1").text == "Tomás Reed"
    assert search_view("<p>x</p>", "<Łukasz Ğ>") == "<p>&lt;Łukasz G&gt;</p> <p>x</p>"
    assert search_view("<p>x</p>", "Reed") == "<p>x</p>"


def test_search_finds_the_source_text_once_not_again_in_the_sentence_table(site):
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    hits = [doc["location"] for doc in index["docs"] if "eligible to vote" in doc["text"]]
    assert any(hit.startswith("sources/gazette/") for hit in hits)
    assert not any("sentences" in hit for hit in hits)


def test_json_ld_describes_the_person_and_its_source(site):
    soup = page(site, "people/elena-brisk/")
    data = json.loads(soup.find("script", type="application/ld+json").string)
    assert data["mainEntity"] == data["mainEntity"] | {"@type": "Person", "name": "Elena Brisk"}
    assert data["isBasedOn"][0]["name"] == "the Gazette report"
    quotes = json.loads(page(site, "quotes/").find("script", type="application/ld+json").string)
    assert {q["@type"] for q in quotes["@graph"]} == {"Quotation"}


def test_dossier_json_holds_verified_offsets(site):
    data = json.loads((site / "dossier.json").read_text(encoding="utf-8"))
    text = data["sources"][0]["text"]
    cite = data["people"][0]["summary"]["cite"][0]
    assert text[cite["start"] : cite["end"]] == cite["exact"]


def test_hand_written_pages_sit_beside_generated_ones(site):
    body = content(page(site, "notes/"))
    assert body.find("a", string="timeline")["href"] == "../timeline/"
    assert not (FIXTURE / "docs" / "people").exists()
    assert sorted(p.name for p in (FIXTURE / "docs").iterdir()) == ["notes.md"]


def test_markup_in_yaml_is_shown_as_text(tmp_path):
    project = tmp_path / "mini"
    shutil.copytree(FIXTURE, project)
    dossier = project / "dossier"
    name = 'Tomas <b>Reed</b> *x* #panic("typst") $x$'
    summary = '"><script>alert(1)</script> [link](http://evil.example) **bold** #tag'
    edit(dossier / "people/tomas-reed.yml", "name: Tomas Reed", f"name: '{name}'\nmain: true")
    edit(
        dossier / "people/tomas-reed.yml",
        "text: Harbour master of Port Vell.",
        f"text: '{summary}'",
    )
    result = build_site(project, project / "build")
    assert result.returncode == 0, result.stderr
    soup = page(project / "build", "people/tomas-reed/")
    body = content(soup)
    assert body.find("b") is None and body.find("strong", string="bold") is None
    assert not any(
        "alert(1)" in (s.string or "") for s in soup.find_all("script") if not s.get("type")
    )
    assert summary in body.text
    assert soup.find("h1").text == name
    headings = [h.text for h in content(page(project / "build", "quotes/")).find_all("h2")]
    assert any(name in h for h in headings)
    assert not body.find("a", href="http://evil.example")
    # In its attributes too, and in its share card, which Typst draws from strings only.
    assert soup.find("meta", attrs={"name": "description"})["content"] == summary
    assert soup.find("meta", attrs={"property": "og:title"})["content"] == name
    assert len(soup.find_all("meta", attrs={"property": "og:description"})) == 1
    assert (project / "build/assets/briefing/share/people/tomas-reed.png").is_file()


def test_bad_dossier_leaves_the_previous_build_untouched(tmp_path):
    project = tmp_path / "mini"
    shutil.copytree(FIXTURE, project)
    out = project / "build"
    assert build_site(project, out).returncode == 0

    def snapshot() -> dict[str, str]:
        return {
            p.relative_to(out).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(out.rglob("*"))
            if p.is_file()
        }

    before = snapshot()
    edit(project / "dossier/quotes/quotes.yml", "speaker: tomas-reed", "speaker: tomas-red")
    result = build_site(project, out)
    assert result.returncode != 0
    assert "dossier/quotes/quotes.yml:4:12" in result.stderr
    assert "unknown actor 'tomas-red'; did you mean 'tomas-reed'?" in result.stderr
    assert "Traceback" not in result.stderr
    assert snapshot() == before
    assert not (project / "build.staging").exists()


def test_a_failure_late_in_the_build_also_leaves_it_untouched(tmp_path):
    project = tmp_path / "mini"
    shutil.copytree(FIXTURE, project)
    out = project / "build"
    assert build_site(project, out).returncode == 0
    index_before = (out / "index.html").read_bytes()
    (project / "docs" / "notes.md").write_text("[broken](nowhere.md)\n", encoding="utf-8")
    result = build_site(project, out)
    assert result.returncode != 0 and "nowhere.md" in result.stderr
    assert (out / "index.html").read_bytes() == index_before
    assert (out / "notes" / "index.html").is_file()
    assert not (project / "build.staging").exists()


def test_links_also_resolve_without_directory_urls(tmp_path):
    project = tmp_path / "mini"
    shutil.copytree(FIXTURE, project)
    edit(project / "mkdocs.yml", "strict: true\n", "strict: true\nuse_directory_urls: false\n")
    result = build_site(project, project / "build")
    assert result.returncode == 0, result.stderr
    assert (project / "build" / "people" / "elena-brisk.html").is_file()
    assert broken_links(project / "build") == []


def in_process_config(project: Path, site_dir: Path, monkeypatch, command: str = "build"):
    """MkDocs' configuration of a project, for builds run in this process as `mkdocs serve`
    runs them; the plugin sets SOURCE_DATE_EPOCH, which is put back after the test.

    MkDocs keeps one plugin per process, so the command is given every time: a test must not
    build as the one before it served."""
    from mkdocs.config import load_config

    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(site_dir))
    config.plugins.on_startup(command=command, dirty=False)
    return config


def test_a_pdf_that_fails_to_compile_fails_the_build_and_keeps_the_last_one(
    tmp_path, monkeypatch, caplog
):
    """The PDF compiles while the pages render; its failure still fails the whole build."""
    from mkdocs.commands.build import build
    from mkdocs.exceptions import Abort

    project = tmp_path / "mini"
    shutil.copytree(FIXTURE, project)
    out = project / "build"
    assert build_site(project, out).returncode == 0
    pdf_before = (out / "briefing.pdf").read_bytes()

    broken = tmp_path / "broken-template"
    broken.mkdir()
    (broken / "briefing.typ").write_text('#panic("the layout failed")\n')
    monkeypatch.setattr("briefing.pdf.job.TEMPLATE", broken / "briefing.typ")
    config = in_process_config(project, out, monkeypatch)
    with pytest.raises(Abort):
        build(config)
    assert "could not be compiled:\nerror: panicked with: the layout failed" in caplog.text
    assert "broken-template/briefing.typ:1:1" in caplog.text  # where, in the template
    assert (out / "briefing.pdf").read_bytes() == pdf_before
    assert not (project / "build.staging").exists()
    assert gc.get_freeze_count() == 0  # what the build froze is released on failure too
    # The same plugin builds again (as `mkdocs serve` does) without the failed PDF's ghost.
    config.plugins["briefing"].config.pdf = False
    build(config)
    assert (out / "people" / "elena-brisk" / "index.html").is_file()
    assert gc.get_freeze_count() == 0  # and after a build that worked


HEADING_RULE = """
import xml.etree.ElementTree as etree
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

class Rule(Treeprocessor):
    def run(self, root):
        for index, element in reversed(list(enumerate(root))):
            if element.tag == "h2":
                root.insert(index + 1, etree.Element("hr"))

class HeadingRule(Extension):
    def extendMarkdown(self, md):
        md.treeprocessors.register(Rule(md), "heading_rule", 1)

def makeExtension(**kwargs):
    return HeadingRule(**kwargs)
"""


def test_a_markdown_extension_that_adds_to_the_headings_fails_the_build_naming_the_page(tmp_path):
    """Markdown converts a generated page's headings alone; an extension that makes more of
    them than headings would misplace the page's HTML, so the build stops and says so."""
    project = tmp_path / "mini"
    shutil.copytree(FIXTURE, project)
    (project / "heading_rule.py").write_text(HEADING_RULE, encoding="utf-8")
    edit(
        project / "mkdocs.yml", "markdown_extensions:\n", "markdown_extensions:\n  - heading_rule\n"
    )
    result = build_site(project, project / "build")
    assert result.returncode == 1
    said = "index.md: Markdown gave back 1 parts for its 8 headings, not one a line"
    assert said in result.stderr and "a Markdown extension in mkdocs.yml" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_build_that_fails_stops_its_pdf_rather_than_waiting_for_it(tmp_path, monkeypatch, caplog):
    """The PDF starts compiling before the pages; a build that fails on the way ends it."""
    from mkdocs.commands.build import build
    from mkdocs.exceptions import Abort

    from briefing import pdf

    project = tmp_path / "mini"
    shutil.copytree(FIXTURE, project)
    (project / "docs" / "people").mkdir(exist_ok=True)
    (project / "docs" / "people" / "index.md").write_text("# My people\n", encoding="utf-8")
    started: list[pdf.PdfJob] = []

    def start_and_keep(*args, **kwargs):
        started.append(pdf.start_pdf(*args, **kwargs))
        return started[-1]

    monkeypatch.setattr("briefing.mkdocs.plugin.start_pdf", start_and_keep)
    config = in_process_config(project, project / "build", monkeypatch)
    with pytest.raises(Abort):
        build(config)
    assert "docs/people/index.md clashes with a page the dossier generates" in caplog.text
    assert len(started) == 1
    with pytest.raises(pdf.PdfFailed, match="stopped before it finished"):
        started[0].result()
    assert not list(project.glob(".cache/briefing/pdf/*.pdf"))  # nothing kept of it


def test_a_build_in_a_new_process_takes_the_pdf_an_earlier_build_made_from_the_same_input(
    tmp_path,
):
    """The PDF is kept outside the site by a digest of what Typst is given; a kept PDF that
    is not whole is never used."""
    project = tmp_path / "mini"
    shutil.copytree(FIXTURE, project)
    out = project / "build"
    taken = "The PDF's input is as in an earlier build: its PDF is from .cache/briefing/pdf/"
    first = build_site(project, out)
    assert first.returncode == 0 and taken not in first.stderr
    made = (out / "briefing.pdf").read_bytes()
    (entry,) = project.glob(".cache/briefing/pdf/*.pdf")

    again = build_site(project, out)
    assert again.returncode == 0 and taken in again.stderr
    assert (out / "briefing.pdf").read_bytes() == made

    entry.write_bytes(entry.read_bytes()[: len(made) // 2])  # as a full disk might leave it
    after_damage = build_site(project, out)
    assert after_damage.returncode == 0 and taken not in after_damage.stderr
    assert (out / "briefing.pdf").read_bytes() == made
    assert len(entry.read_bytes()) > len(made)  # made again, and kept whole

    edit(project / "dossier/people/tomas-reed.yml", "of Port Vell.", "of the town.")
    edited = build_site(project, out)
    assert edited.returncode == 0 and taken not in edited.stderr
    assert (out / "briefing.pdf").read_bytes() != made
    assert len(list(project.glob(".cache/briefing/pdf/*.pdf"))) == 2


def test_a_served_site_does_not_keep_the_pages_of_earlier_builds(tmp_path, monkeypatch):
    """`mkdocs serve` rebuilds in one process; each build's pages must be freed, not piled up.

    The plugin keeps the collector from walking a build's objects while it runs; what an
    earlier build left behind has to be collected all the same. Typst, which keeps what it
    memoised in the process that ran it, runs in a process of its own."""
    from mkdocs.commands.build import build
    from mkdocs.structure.pages import Page

    project = tmp_path / "mini"
    shutil.copytree(FIXTURE, project)
    config = in_process_config(project, tmp_path / "served", monkeypatch, command="serve")

    def pages_in_memory() -> int:
        return sum(isinstance(o, Page) for o in gc.get_objects())

    held = []
    for number in range(6):
        edit(project / "dossier" / "dossier.yml", "title: ", f"title: Edit {number} of ")
        build(config)
        held.append(pages_in_memory())
    assert held[-1] <= held[1], held
    # Each build made its PDF in a process of its own: Typst never ran in the server.
    assert "typst" not in sys.modules


def test_a_served_site_compiles_its_pdf_again_only_when_what_it_makes_the_pdf_from_changed(
    tmp_path, monkeypatch, caplog
):
    """An edit the PDF does not show reuses the last PDF; any other edit compiles it again."""
    from mkdocs.commands.build import build
    from mkdocs.exceptions import Abort
    from pypdf import PdfReader

    from briefing import pdf

    project = tmp_path / "mini"
    shutil.copytree(FIXTURE, project)
    served = tmp_path / "served"
    compiled: list[pdf.PdfJob] = []

    class CountedJob(pdf.PdfJob):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            compiled.append(self)

    monkeypatch.setattr("briefing.pdf.job.PdfJob", CountedJob)
    caplog.set_level("INFO", logger="mkdocs")
    config = in_process_config(project, served, monkeypatch, command="serve")

    def built_pdf_text() -> str:
        reader = PdfReader(served / "briefing.pdf")
        return " ".join(" ".join(p.extract_text().split()) for p in reader.pages)

    build(config)
    first = (served / "briefing.pdf").read_bytes()
    assert "Harbour master of Port Vell." in built_pdf_text()
    before = len(compiled)  # MkDocs keeps one plugin per process: an earlier test's PDF may do

    edit(project / "docs" / "notes.md", "A hand-written page", "An edited page")
    build(config)
    assert "An edited page" in (served / "notes" / "index.html").read_text(encoding="utf-8")
    assert len(compiled) == before  # Typst did not run
    assert (served / "briefing.pdf").read_bytes() == first
    assert "its PDF is used again" in caplog.text

    # A build that fails after taking the last PDF leaves it fit to be used again.
    clash = project / "docs" / "people" / "index.md"
    clash.parent.mkdir()
    clash.write_text("# My people\n", encoding="utf-8")
    with pytest.raises(Abort):
        build(config)
    clash.unlink()
    build(config)
    assert len(compiled) == before and (served / "briefing.pdf").read_bytes() == first

    edit(project / "dossier/people/tomas-reed.yml", "of Port Vell.", "of the town.")
    build(config)
    assert len(compiled) == before + 1
    assert "Harbour master of the town." in built_pdf_text()

    config.plugins["briefing"].config.paper = "us-letter"
    build(config)
    assert len(compiled) == before + 2
    assert PdfReader(served / "briefing.pdf").pages[0].mediabox.width == 612  # 8.5 in


def test_search_finds_a_cited_passage_in_its_source_not_again_in_each_profiles_notes(site):
    """A profile's notes quote the source; search finds those words once, in the source."""
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    profile = [doc for doc in index["docs"] if doc["location"].startswith("people/elena-brisk/")]
    assert profile and not any(doc["title"] == "Sources for this page" for doc in profile)
    assert not any("see it in" in doc["text"] for doc in profile)
    notes = content(page(site, "people/elena-brisk/")).select("ol.source-notes q.passage")
    assert notes  # the page itself still shows them
    source_text = " ".join(
        html.unescape(doc["text"])
        for doc in index["docs"]
        if doc["location"].startswith("sources/gazette/")
    )
    for note in notes:
        assert " ".join(note.get_text().split()) in " ".join(source_text.split())


def test_search_opens_each_section_at_its_heading_and_the_page_keeps_its_contents(site):
    """A hit for a speaker on the quotes page, or a part of a profile, opens at its heading;
    the contents list search does without is still on the page."""
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    for url in ("quotes/", "people/elena-brisk/"):
        soup = page(site, url)
        headings = {h["id"] for h in content(soup).select("h2[id], h3[id]")}
        opened_at = {
            doc["location"].removeprefix(url + "#")
            for doc in index["docs"]
            if doc["location"].startswith(url + "#")
        }
        assert opened_at and opened_at <= headings, (url, opened_at, headings)
        listed = {a["href"].lstrip("#") for a in soup.select("nav.md-nav--secondary a[href^='#']")}
        assert headings <= listed, (url, headings - listed)


def built_without_pdf(project: Path) -> Path:
    """A generated project, built into its build/ folder with the PDF switched off."""
    edit(project / "mkdocs.yml", "  - briefing\n", "  - briefing:\n      pdf: false\n")
    result = build_site(project, project / "build")
    assert result.returncode == 0, result.stderr
    return project


def test_pictures_too_crowded_to_draw_in_full_say_what_they_leave_to_the_lists(tmp_path):
    # 42 people in five councils: 47 records, more than the column holds at full size, and
    # events that would take 31 rows (a chart draws 30).
    project = built_without_pdf(synthetic(42, tmp_path / "big"))
    home = content(page(project / "build", "index.html"))
    figure = home.select_one("figure.relmap")
    assert figure.select_one("svg") is not None
    note = " ".join(figure.select_one(".map-left-out").text.split())
    assert note.startswith("The map shows the ")
    assert note.endswith(" more, whose relations are in the list below.")
    listed = home.select("ul.relations li")
    assert len(listed) == 42
    assert " ".join(listed[1].text.split()).startswith("Bolat Abenov 00001 is part of Council 0000")
    assert all(item.select_one("a.cite") for item in listed)
    chart_note = home.select_one("p.chart-left-out")
    assert " ".join(chart_note.text.split()) == (
        "These 42 events are too many for one chart (it draws up to 30 rows of them), "
        "so the Timeline lists them without one."
    )
    assert chart_note.find("a")["href"] == "timeline/"
    timeline = content(page(project / "build", "timeline/"))
    assert "so they are listed below without one" in timeline.select_one("p.chart-left-out").text
    assert len(timeline.select("ol.timeline > li")) == 42


def test_a_main_record_page_maps_its_neighbourhood_and_lists_it(tmp_path):
    project = built_without_pdf(synthetic(12, tmp_path / "small"))
    person = content(page(project / "build", "people/p00000/"))
    svg = person.select_one("figure.relmap svg")
    assert svg.select_one("rect.node.focus") is not None
    own, further = person.select("ul.relations")
    assert " ".join(own.text.split()).startswith("Aliya Abenov 00000 is part of Council 0000")
    assert len(further.select("li")) == 9  # the nine others in the council: two steps away


def test_with_several_sources_each_page_and_item_points_at_its_own(tmp_path):
    # people 0-3, 4-7 and 8-11
    project = built_without_pdf(synthetic(12, tmp_path / "three", articles=3))
    index = content(page(project / "build", "sources/"))
    assert [a.text for a in index.select("a") if "synthetic report" in a.text] == [
        f"synthetic report {a:03d}" for a in range(3)
    ]
    middle = content(page(project / "build", "sources/report-001/"))
    marked = " ".join(m.text for m in middle.select("mark.cited"))
    assert "Gulnara Abenov 00004" in marked and "Timur Abenov 00008" not in marked
    assert "100% of factual sentences cited (40/40)" in middle.text
    profile = content(page(project / "build", "people/p00005/"))
    note = profile.select_one("ol.source-notes li")
    assert note.find("a")["href"].startswith("../../sources/report-001/#c")

    def linked_data(url_path: str) -> dict:
        script = page(project / "build", url_path).find("script", type="application/ld+json")
        return json.loads(script.string)

    report = [{"@type": "NewsArticle", "name": f"synthetic report {a:03d}"} for a in range(3)]
    assert linked_data("people/p00005/")["isBasedOn"] == [report[1]]  # what the page cites
    timeline = linked_data("timeline/")
    assert timeline["isBasedOn"] == report
    events = {event["@id"]: event["isBasedOn"] for event in timeline["hasPart"]}
    assert events["#event-e00000"] == [report[0]] and events["#event-e00009"] == [report[2]]
    quotes = {q["@id"]: q["isBasedOn"] for q in linked_data("quotes/")["@graph"]}
    assert quotes["#quote-q00004"] == [report[1]]


def test_structured_data_gives_iso_dates_and_a_season_or_decade_as_its_days(mini):
    """schema.org and FtM read ISO 8601: "summer 2021" is its first and last days, "the 2010s"
    likewise, never the EDTF codes 2021-22 or 201X."""
    events_file = mini / "events" / "timeline.yml"
    edit(events_file, 'date: {value: "2015", wording: since 2015}', 'date: {value: "201X"}')
    edit(events_file, "date: {value: 2021-06, wording: June 2021}", "date: {value: 2021-22}")
    dossier = build_dossier(mini)
    dates = {e["@id"]: {k: v for k, v in e.items() if k.endswith("Date")} for e in events(dossier)}
    assert dates["#event-brisk-takes-office"] == {
        "startDate": "2010-01-01",
        "endDate": "2019-12-31",
    }
    assert dates["#event-vote-first-date"] == {"startDate": "2021-06-01", "endDate": "2021-08-31"}
    assert dates["#event-vote-delayed"] == {"startDate": "2021-05-11"}
    (article,) = ftm_entities(dossier)[:1]
    assert article["properties"]["publishedAt"] == ["2021-05-12"]
