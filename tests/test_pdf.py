"""The PDF briefing, read with pypdf as a reader's viewer would."""

from __future__ import annotations

import io
import os
import re
import shutil
import signal
import subprocess
import sys

import pytest
from pypdf import PdfReader

from briefing import build_dossier
from briefing.pdf import PdfFailed, PdfJob, build_pdf
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
    os.kill(job._process.pid, signal.SIGKILL)  # what the system's out-of-memory killer sends
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
        "briefing.pdf.job.subprocess.Popen",
        lambda command, **kwargs: popen([sys.executable, "-c", aborting], **kwargs),
    )
    with pytest.raises(PdfFailed) as aborted:
        PdfJob(b"{}", paper="a4", timestamp=0).result()
    assert str(aborted.value).startswith(
        "Typst's process was ended by signal SIGABRT before the PDF was done "
        "(it said: memory allocation of 13312 bytes failed). It most likely ran out of memory"
    )

    monkeypatch.undo()
    job = PdfJob(b"{", paper="a4", timestamp=0)
    os.kill(job._process.pid, signal.SIGTERM)  # not a sign of memory: no such guess
    with pytest.raises(PdfFailed) as ended:
        job.result()
    assert str(ended.value) == "Typst's process was ended by signal SIGTERM before the PDF was done"


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
