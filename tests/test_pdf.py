"""The PDF briefing, read with pypdf as a reader's viewer would."""

from __future__ import annotations

import io
import os
import re
import shutil
import signal
import subprocess
import sys
import time

import pytest
from pypdf import PdfReader

from briefing import build_dossier
from briefing.pdf import PdfFailed, PdfJob, build_pdf, pdf_data
from support import FIXTURE, edit, synthetic

SECTIONS = [
    "At a glance",
    "Elena Brisk",
    "Other people and groups",
    "Organisations",
    "Places",
    "Timeline",
    "Quotes",
    "Source: the Gazette report",
]


@pytest.fixture(scope="module")
def pdf_bytes() -> bytes:
    return build_pdf(build_dossier(FIXTURE / "dossier"))


@pytest.fixture(scope="module")
def reader(pdf_bytes) -> PdfReader:
    return PdfReader(io.BytesIO(pdf_bytes))


def page_text(reader: PdfReader, index: int) -> str:
    return " ".join(reader.pages[index].extract_text().split())


def bookmarks(reader: PdfReader) -> list[tuple[str, int, int]]:
    """(title, 1-based page, depth) for every bookmark, in order."""
    found = []

    def walk(items, depth):
        for item in items:
            if isinstance(item, list):
                walk(item, depth + 1)
            else:
                found.append((item.title, reader.get_destination_page_number(item) + 1, depth))

    walk(reader.outline, 0)
    return found


def test_page_count_is_sensible(reader):
    assert 6 <= len(reader.pages) <= 16


def test_cover_shows_title_as_of_marking_and_source(reader):
    cover = page_text(reader, 0)
    assert "Port Vell harbour vote" in cover
    assert "A storm delays a town's vote" in cover
    assert "As of 12 May 2021" in cover
    assert "TEST FIXTURE — MADE-UP SOURCE" in cover
    assert "Compiled from" in cover and "the Gazette report" in cover
    # the coverage and the count are two clauses ("…cited (7/7); 22 citations verified")
    assert re.search(r"cited \(\d+/\d+\); \d+ citations verified", " ".join(cover.split()))


def test_bookmarks_match_the_sections(reader):
    top = [title for title, _, depth in bookmarks(reader) if depth == 0]
    assert top == SECTIONS
    nested = [title for title, _, depth in bookmarks(reader) if depth == 1]
    assert {"Tomas Reed", "Eligible residents", "Port Vell town council", "Port Vell"} <= set(
        nested
    )


def test_contents_entries_point_at_the_pages_where_sections_start(reader):
    lines = reader.pages[1].extract_text().splitlines()
    entries = [re.match(r"(.*?)[ .\u2060]+(\d+)$", line) for line in lines]
    entries = [(m.group(1).strip(), int(m.group(2))) for m in entries if m and "Page" not in m[1]]
    assert entries == [(title, page) for title, page, _ in bookmarks(reader)]
    for title, page in entries:
        assert title in page_text(reader, page - 1)
    links = [a.get_object() for a in reader.pages[1].get("/Annots", [])]
    assert len([a for a in links if a.get("/Subtype") == "/Link"]) >= len(SECTIONS) - 1


def test_profile_starts_on_its_own_page_with_footnoted_passages(reader):
    brisk = next(page for title, page, _ in bookmarks(reader) if title == "Elena Brisk")
    text = page_text(reader, brisk - 1)
    assert text.index("Elena Brisk") < 200  # at the top of its page, after the running header
    assert "Mayor Elena Brisk, 52, has led the town since 2015" in text  # a footnote's passage
    assert "Editorial inference" not in text or "basis" in text


def test_inferences_are_marked_in_the_timeline(reader):
    start = next(page for title, page, _ in bookmarks(reader) if title == "Timeline")
    text = page_text(reader, start - 1)
    assert "11 May 2021 (source: “Tuesday”)" in text
    assert "EDITORIAL INFERENCE" in text


def test_running_header_footer_and_page_x_of_y(reader):
    total = len(reader.pages)
    text = page_text(reader, 2)
    assert "Port Vell harbour vote" in text and "At a glance" in text
    assert f"Page 3 of {total}" in text and "TEST FIXTURE — made-up source" in text


def test_all_fonts_are_embedded(reader):
    for page in reader.pages:
        fonts = page["/Resources"].get("/Font", {})
        for font in fonts.values():
            font = font.get_object()
            descendants = [d.get_object() for d in font.get("/DescendantFonts", [font])]
            for descendant in descendants:
                descriptor = descendant["/FontDescriptor"].get_object()
                assert any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))


def test_metadata_language_and_structure_tree(reader):
    meta = reader.metadata
    assert meta.title == "Port Vell harbour vote"
    assert meta.subject == "A storm delays a town's vote"
    assert "Elena Brisk" in meta["/Keywords"]
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "en"
    assert "/StructTreeRoot" in root
    assert bool(root["/MarkInfo"]["/Marked"])


def test_identical_input_gives_identical_bytes(pdf_bytes):
    assert build_pdf(build_dossier(FIXTURE / "dossier")) == pdf_bytes


def test_us_letter_by_setting():
    letter = PdfReader(io.BytesIO(build_pdf(build_dossier(FIXTURE / "dossier"), paper="us-letter")))
    box = letter.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)


def test_markup_like_characters_from_yaml_appear_literally(tmp_path):
    shutil.copytree(FIXTURE, tmp_path / "mini")
    dossier = tmp_path / "mini" / "dossier"
    tricky = "Harbour #master *bold* $x$ <b>tag</b> @ref [link] _u_ \\\\ =eq"
    edit(
        dossier / "people/tomas-reed.yml", "text: Harbour master of Port Vell.", f'text: "{tricky}"'
    )
    reader = PdfReader(io.BytesIO(build_pdf(build_dossier(dossier))))
    text = " ".join(" ".join(p.extract_text() for p in reader.pages).split())
    assert "Harbour #master *bold* $x$ <b>tag</b> @ref [link] _u_ \\ =eq" in text


def test_site_build_writes_the_pdf_on_the_paper_the_plugin_asks_for(tmp_path):
    from sitecheck import build_site, page

    project = tmp_path / "mini"
    shutil.copytree(FIXTURE, project)
    edit(project / "mkdocs.yml", "  - briefing\n", "  - briefing:\n      paper: us-letter\n")
    assert build_site(project, project / "build").returncode == 0
    letter = PdfReader(project / "build" / "briefing.pdf")
    assert round(float(letter.pages[0].mediabox.width)) == 612
    home = page(project / "build", "index.html")
    assert home.find("a", href="briefing.pdf").text == "Download the PDF briefing"


def test_large_briefings_print_notes_per_section_instead_of_footnotes():
    dossier = build_dossier(FIXTURE / "dossier")
    reader = PdfReader(io.BytesIO(build_pdf(dossier, footnote_limit=0)))
    brisk = next(page for title, page, _ in bookmarks(reader) if title == "Elena Brisk")
    text = page_text(reader, brisk - 1)
    assert "SOURCES" in text
    assert "Mayor Elena Brisk, 52, has led the town since 2015" in text


def test_large_briefings_list_only_sections_in_the_contents_and_everyone_in_bookmarks(reader):
    dossier = build_dossier(FIXTURE / "dossier")
    large = PdfReader(io.BytesIO(build_pdf(dossier, contents_limit=0)))
    assert "Tomas Reed" in page_text(reader, 1)  # the fixture's contents lists every profile
    contents = page_text(large, 1)
    assert "Contents" in contents and "Other people and groups" in contents
    assert "Tomas Reed" not in contents
    assert "Tomas Reed" in [title for title, _, depth in bookmarks(large) if depth == 1]


def test_typst_errors_reach_the_caller_in_typsts_words():
    with pytest.raises(PdfFailed, match="failed to parse JSON"):
        PdfJob(b"{", paper="a4", timestamp=0).result()


def test_a_typst_process_ended_for_want_of_memory_is_reported_with_what_to_do(monkeypatch):
    """Running out of memory leaves no error of Typst's own: the build says what happened."""
    job = PdfJob(b"{", paper="a4", timestamp=0)
    os.kill(job.typst.pid, signal.SIGKILL)  # what the system's out-of-memory killer sends
    with pytest.raises(PdfFailed) as killed:
        job.result()
    assert str(killed.value).startswith("Typst's process was ended by signal SIGKILL before")
    assert "ran out of memory" in str(killed.value) and "`pdf: false`" in str(killed.value)

    # Under a memory limit (ulimit -v) Typst's allocator gives up and aborts, saying so.
    aborting = (
        "import os, signal, sys; sys.stderr.write('memory allocation of 13312 bytes failed')"
        "; sys.stderr.flush(); os.kill(os.getpid(), signal.SIGABRT)"
    )
    popen = subprocess.Popen
    monkeypatch.setattr(
        "briefing.typesetting.process.subprocess.Popen",
        lambda command, **kwargs: popen([sys.executable, "-c", aborting], **kwargs),
    )
    with pytest.raises(PdfFailed) as aborted:
        PdfJob(b"{}", paper="a4", timestamp=0).result()
    assert str(aborted.value).startswith(
        "Typst's process was ended by signal SIGABRT before it had made the PDF "
        "(it said: memory allocation of 13312 bytes failed). It most likely ran out of memory"
    )

    monkeypatch.undo()
    job = PdfJob(b"{", paper="a4", timestamp=0)
    os.kill(job.typst.pid, signal.SIGTERM)  # not a sign of memory: no such guess
    with pytest.raises(PdfFailed) as ended:
        job.result()
    said = "Typst's process was ended by signal SIGTERM before it had made the PDF"
    assert str(ended.value) == said


def all_text(pdf: bytes) -> list[str]:
    return [" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(pdf)).pages]


def test_a_map_too_big_for_a_page_goes_on_by_group_and_a_chart_too_tall_is_listed(tmp_path):
    # 42 people in five councils: each council's group fills half a page or more, and the
    # events would take 31 rows (a chart draws 30).
    text = " ".join(all_text(build_pdf(build_dossier(synthetic(42, tmp_path) / "dossier"))))
    assert "WHO STANDS WHERE (CONTINUED)" in text
    assert "The map leaves out" not in text  # every group has its page
    assert "Bolat Abenov 00001 is part of Council 0000" in text
    assert (
        "These 42 events are too many for one chart (it draws up to 30 rows of them), "
        "so the Timeline section lists them without one." in text
    )
    assert "Events placed by date" not in text


def test_a_tall_chart_goes_on_over_a_page_each_with_its_axis(tmp_path):
    pages = all_text(build_pdf(build_dossier(synthetic(41, tmp_path) / "dossier")))  # 30 rows
    first, second = [text for text in pages if "TIMELINE AT A GLANCE" in text]
    assert "TIMELINE AT A GLANCE (CONTINUED)" in second
    assert "1991" in first and "Events placed by date" not in first
    assert "Events placed by date" in second  # the caption, under the last part
    assert "June 2020" in second  # the latest event


def _running(pid: int) -> bool:
    """Whether a process runs (a zombie, ended but not yet reaped, does not)."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False
    except OSError:  # no /proc: ask the system
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return False
        return True


@pytest.mark.parametrize(
    ("module", "start"),
    [
        ("briefing.pdf.job", "job.PdfJob(b'{}', paper='a4', timestamp=0)"),
        ("briefing.cards.job", "job.CardsJob([job.Card('x.png', 'T', 'As of', 'M')], 'en')"),
    ],
    ids=["the PDF", "the share cards"],
)
def test_typst_ends_with_the_build_that_started_it_even_when_that_is_killed(
    tmp_path, module, start
):
    """`kill -9` of a build leaves no Typst compiling on for nobody."""
    slow = tmp_path / "slow.typ"
    slow.write_text("#for i in range(4000) [#lorem(200) #parbreak()]\n", encoding="utf-8")
    build = subprocess.Popen(
        [sys.executable, "-c", "import pathlib, sys, time\n"
         f"import {module} as job\n"
         f"job.TEMPLATE = pathlib.Path({str(slow)!r})\n"
         f"print({start}.typst.pid, flush=True)\n"
         "time.sleep(60)\n"],
        stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    typst = int(build.stdout.readline())
    time.sleep(1)
    assert _running(typst), "Typst should still be compiling"
    build.kill()
    build.wait()
    deadline = time.monotonic() + 10
    while _running(typst) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not _running(typst), "Typst outlived the build that started it"


def test_the_list_of_printable_characters_is_the_typst_wheels():
    from briefing.pdf.glyphs import GLYPHS, as_ranges, wheel_code_points

    assert as_ranges(wheel_code_points()) == GLYPHS.read_text(encoding="ascii"), (
        "the typst wheel's fonts changed: run `make glyphs`"
    )


def test_cyrillic_and_greek_print_and_a_character_no_font_has_is_named_with_its_record(
    tmp_path,
):
    """Kazakh and Russian names are written in Cyrillic; an emoji has no glyph in any font."""
    from briefing.pdf import start_pdf
    from briefing.pdf.glyphs import unprintable

    project = tmp_path / "mini"
    shutil.copytree(FIXTURE, project)
    person = project / "dossier/people/tomas-reed.yml"
    edit(person, "name: Tomas Reed", "name: Қасым-Жомарт Тоқаев (Τόμας Ρεντ)")
    edit(person, "text: Harbour master of Port Vell.", 'text: "Harbour master of Port Vell 😀."')
    dossier = build_dossier(project / "dossier")
    job = start_pdf(dossier)
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(job.result())).pages)
    assert "Қасым-Жомарт Тоқаев (Τόμας Ρεντ)" in text
    assert unprintable(dossier, job.made_from.data) == [
        "no font of the PDF has '😀' (U+1F600 GRINNING FACE), found in person 'tomas-reed': "
        "the PDF prints an empty box in its place (the site shows it)"
    ]
    assert unprintable(build_dossier(FIXTURE / "dossier"), b'{"plain": "ASCII"}') == []


# -- past its size: the story, the main records and a register ---------------------------------


@pytest.fixture(scope="module")
def register(tmp_path_factory) -> PdfReader:
    """The fixture's briefing built as a site with five records, one more than the size the
    editor set for a briefing in full: its one main record in full, the others in a register."""
    from sitecheck import build_site

    project = tmp_path_factory.mktemp("register") / "mini"
    shutil.copytree(FIXTURE, project)
    edit(project / "mkdocs.yml", "  - briefing\n", "  - briefing:\n      pdf_in_full_up_to: 4\n")
    assert build_site(project, project / "build").returncode == 0
    return PdfReader(project / "build" / "briefing.pdf")


def test_up_to_its_size_every_record_is_printed_in_full(pdf_bytes):
    dossier = build_dossier(FIXTURE / "dossier")
    assert build_pdf(dossier, records_in_full=5) == pdf_bytes  # five records: in full
    assert build_pdf(dossier, records_in_full=4) != pdf_bytes


def test_past_its_size_the_briefing_prints_the_main_records_and_a_register_by_kind_and_letter(
    register,
):
    marks = bookmarks(register)
    assert [title for title, _, depth in marks if depth == 0] == [
        "At a glance", "Elena Brisk", "Timeline", "Quotes", "Register",
    ]  # fmt: skip
    register_page = next(page for title, page, depth in marks if title == "Register")
    under = [(title, depth) for title, page, depth in marks if page >= register_page][1:]
    assert under == [
        ("Other people and groups", 1), ("E", 2), ("T", 2),
        ("Organisations", 1), ("P", 2),
        ("Places", 1), ("P", 2),
    ]  # fmt: skip
    text = " ".join(page_text(register, i) for i in range(register_page - 1, len(register.pages)))
    # People and groups together, by name: the group's entry before the person's.
    assert text.index("Eligible residents · Group") < text.index("Tomas Reed · Person")
    assert "Tomas Reed · Person · harbour master" in text  # a person's role
    assert "Port Vell · City" in text or "Port Vell · Place" in text
    assert "Full record: https://example.org/sub/path/people/tomas-reed/" in text
    assert "Full record: https://example.org/sub/path/organisations/port-vell-council/" in text
    assert "Source: the Gazette report" not in [title for title, _, _ in marks]


def test_a_register_entry_cites_its_statements(register):
    text = " ".join(page_text(register, i) for i in range(len(register.pages)))
    entry = text[text.index("Tomas Reed · Person") :]
    entry = entry[: entry.index("Full record:")]
    assert "Harbour master of Port Vell." in entry  # its statement, footnoted
    assert "“harbour master Tomas Reed” — the Gazette report" in text  # the role's passage
    assert "“said harbour master Tomas Reed” — the Gazette report" in text


def test_past_its_size_the_cover_and_contents_say_the_site_holds_the_full_record(register):
    said = (
        "This briefing prints its main record in full and the other 4 in a register; the "
        "site at https://example.org/sub/path/ holds every record in full"
    )
    assert said in page_text(register, 0)
    assert said in page_text(register, 1)
    assert "Register" in page_text(register, 1) and "Organisations" in page_text(register, 1)


def test_past_its_size_the_story_keeps_to_the_main_records(register):
    marks = bookmarks(register)
    timeline = next(page for title, page, _ in marks if title == "Timeline")
    text = page_text(register, timeline - 1)
    assert "The site’s timeline lists all 4: https://example.org/sub/path/timeline/" in text
    assert "Elena Brisk begins leading the town" in text
    assert "Council moves the vote date" not in text
    quotes = [
        title for title, _, depth in marks if depth == 1 and title != "Other people and groups"
    ]
    assert quotes[0] == "Elena Brisk"  # her quotes; Tomas Reed's are on the site
    assert "Tomas Reed" not in [title for title, _, _ in marks]


def test_links_to_a_record_in_the_register_lead_to_its_entry(register):
    """A name in the story links to the record's place in the PDF: its register entry."""
    marks = bookmarks(register)
    tomas_letter = next(page for title, page, depth in marks if title == "T")
    numbers = {page.indirect_reference.idnum: i + 1 for i, page in enumerate(register.pages)}
    named = register.named_destinations
    targets = []
    for page in register.pages[2 : tomas_letter - 1]:  # after the contents, before the entry
        for annotation in page.get("/Annots", []):
            link = annotation.get_object()
            if link.get("/Subtype") == "/Link" and "/Dest" in link:
                destination = link["/Dest"]
                if isinstance(destination, str):
                    targets.append(register.get_destination_page_number(named[destination]) + 1)
                else:
                    targets.append(numbers[destination[0].idnum])
    assert tomas_letter in targets


def test_a_briefing_with_a_register_prints_with_a_quote_of_someone_unnamed(mini):
    """The register keeps the main speakers' quotes; one the source leaves unnamed is left to
    the site, as the other people's are."""
    edit(
        mini / "quotes" / "quotes.yml",
        "  speaker: tomas-reed\n",
        "  speaker: {description: a pilot}\n",
    )
    dossier = build_dossier(mini)
    groups = pdf_data(dossier, records_in_full=0)["quotes_by_speaker"]
    assert "a pilot" not in str(groups)
    reader = PdfReader(io.BytesIO(build_pdf(dossier, records_in_full=0)))
    assert "in a register" in " ".join(page.extract_text() for page in reader.pages)


def test_the_register_sorts_names_as_a_reader_looks_them_up(mini):
    """By name without regard to case or accents, under its first letter; a name that opens
    with no letter under "#"."""
    edit(mini / "people/tomas-reed.yml", "name: Tomas Reed", "name: Émile Reed")
    edit(mini / "groups/residents.yml", "name: Eligible residents", "name: eligible residents")
    edit(mini / "places/port-vell.yml", "name: Port Vell", "name: 4th harbour district")
    register = pdf_data(build_dossier(mini), records_in_full=0)["register"]
    shaped = {
        section["title"]: [
            (g["letter"], [e["name"] for e in g["entries"]]) for g in section["letters"]
        ]
        for section in register["sections"]
    }
    assert shaped == {
        "Other people and groups": [("E", ["eligible residents", "Émile Reed"])],
        "Organisations": [("P", ["Port Vell town council"])],
        "Places": [("#", ["4th harbour district"])],
    }


def test_a_register_entry_gives_a_record_s_most_cited_statements_in_its_own_order(mini):
    statements = """statements:
  - text: The council first set the vote for June 2021.
    cite: The council first set the vote for June 2021
  - text: The mayor called the storm the worst in living memory.
    cite: the worst in living memory
  - text: The council moved the date to allow repairs after a storm damaged two stations.
    cite: [in April it moved the date to allow repairs, damaged two polling stations]
"""
    council = mini / "organisations/port-vell-council.yml"
    council.write_text(council.read_text(encoding="utf-8") + statements, encoding="utf-8")
    register = pdf_data(build_dossier(mini), records_in_full=0, site_url="https://x.org/b")
    (entry,) = register["register"]["sections"][1]["letters"][0]["entries"]
    assert entry["description"]["text"] == "The council set the vote and moved its date."
    assert [s["text"] for s in entry["statements"]] == [
        "The council first set the vote for June 2021.",
        "The council moved the date to allow repairs after a storm damaged two stations.",
    ]
    assert entry["url"] == "https://x.org/b/organisations/port-vell-council/"
    assert [note["passage"] for note in entry["notes"]] == [
        "The council first set the vote for June 2021, but in April it moved the date",
        "The council first set the vote for June 2021",
        "in April it moved the date to allow repairs",
        "damaged two polling stations",
    ]


# -- the PDF kept between builds ---------------------------------------------------------------


def test_a_kept_pdf_is_read_back_only_while_whole(tmp_path):
    from briefing.pdf import PdfCache

    cache = PdfCache(tmp_path / "cache")
    assert cache.get("a" * 64) is None
    cache.put("a" * 64, b"%PDF-1.7 the briefing %%EOF")
    assert cache.get("a" * 64) == b"%PDF-1.7 the briefing %%EOF"
    assert (tmp_path / "cache" / ".gitignore").read_text() == "*\n"

    entry = tmp_path / "cache" / f"{'a' * 64}.pdf"
    entry.write_bytes(entry.read_bytes()[:-5])  # cut short, as by a full disk
    assert cache.get("a" * 64) is None and not entry.exists()
    cache.put("a" * 64, b"%PDF-1.7 the briefing %%EOF")
    damaged = bytearray(entry.read_bytes())
    damaged[-8] ^= 1
    entry.write_bytes(bytes(damaged))
    assert cache.get("a" * 64) is None

    assert not [p for p in (tmp_path / "cache").iterdir() if p.suffix == ".part"]


def test_the_kept_pdfs_stay_within_their_limit_the_least_recently_used_going_first(tmp_path):
    from briefing.pdf import PdfCache

    cache = PdfCache(tmp_path, limit=3_500)  # three entries of 1,000 bytes and a checksum
    for number, name in enumerate("abc"):
        cache.put(name * 64, bytes(1_000))
        os.utime(tmp_path / f"{name * 64}.pdf", (number, number))  # a, then b, then c
    assert cache.get("a" * 64) is not None  # used now: b is the least recently used
    cache.put("d" * 64, bytes(1_000))
    assert [name for name in "abcd" if cache.get(name * 64) is not None] == ["a", "c", "d"]


def test_a_cache_that_cannot_be_written_leaves_the_pdf_to_be_made_as_without_it(tmp_path):
    from briefing.pdf import PdfCache

    (tmp_path / "taken").write_text("a file where the folder would be")
    cache = PdfCache(tmp_path / "taken")
    cache.put("a" * 64, b"%PDF")  # no error
    assert cache.get("a" * 64) is None


def test_the_cache_knows_a_pdf_by_everything_typst_makes_it_from(tmp_path):
    from briefing.pdf import KeptPdf, PdfCache, start_pdf

    dossier = build_dossier(FIXTURE / "dossier")
    cache = PdfCache(tmp_path)
    made = start_pdf(dossier, cache=cache)
    assert not isinstance(made, KeptPdf)
    pdf = made.result()
    kept = start_pdf(dossier, cache=cache)
    assert isinstance(kept, KeptPdf) and kept.result() == pdf
    for different in ({"paper": "us-letter"}, {"timestamp": 0}, {"records_in_full": 0}):
        assert not isinstance(start_pdf(dossier, cache=cache, **different), KeptPdf), different


def test_an_inferred_relation_is_marked_once_with_its_basis(reader):
    """The mark and its basis follow the relation; the sentence does not say it again."""
    text = " ".join(page_text(reader, i) for i in range(len(reader.pages)))
    at = text.index("As the town's mayor she is read as based there.")
    before = text[max(0, at - 160) : at]
    assert before.rstrip().endswith("EDITORIAL INFERENCE"), before
    assert "(editorial inference)" not in before
