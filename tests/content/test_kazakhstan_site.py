"""The Kazakhstan briefing as published: its site links up and its PDF reads as a briefing."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader

from sitecheck import broken_links, build_site, content, page
from support import ROOT


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    project = tmp_path_factory.mktemp("kazakhstan")
    for name in ("mkdocs.yml", "docs", "dossier", "seeds"):
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, project / name)
    result = build_site(project, project / "build")
    assert result.returncode == 0, result.stderr
    return project / "build"


def test_every_link_of_the_site_resolves(site):
    assert broken_links(site) == []


def test_the_about_page_says_what_the_briefing_covers(site):
    text = content(page(site, "about/")).text
    assert "Kazakhstan's snap presidential election of November 2022" in text
    assert "current as of 17 November 2022" in text


def test_the_pdf_opens_with_the_briefing_and_lists_its_sections(site):
    pages = [" ".join(p.extract_text().split()) for p in PdfReader(site / "briefing.pdf").pages]
    assert "Kazakhstan: snap election and a foiled coup plot" in pages[0]
    assert "As of 17 November 2022" in pages[0]
    assert "Contents" in pages[1] and "Kassym-Jomart Tokayev" in pages[1]
    for section in ("At a glance", "Timeline", "Quotes", "Source: the AFP report"):
        assert any(section in p for p in pages[2:]), section
