"""The example briefings under examples/, each a project of its own made from one real
article: each checks with no problem and no draft, cites every factual sentence of its
source (or says why not), names where its text comes from without keeping the page, installs
the engine from this repository, and builds its site and its PDF."""

from __future__ import annotations

import io
import os
import shutil

import pytest
from pypdf import PdfReader

from briefing import check_dossier
from briefing.draft.review import drafts_in
from briefing.model.schema import stale_schemas
from sitecheck import build_site, page
from support import ROOT

EXAMPLES = sorted(path.parent for path in (ROOT / "examples").glob("*/mkdocs.yml"))
# The run inside a copy of the project (tests/test_template.py) leaves the examples to this one.
pytestmark = pytest.mark.skipif(
    bool(os.environ.get("BRIEFING_INNER_RUN")), reason="checked by the outer run"
)
each_example = pytest.mark.parametrize("example", EXAMPLES, ids=lambda path: path.name)


def test_there_are_examples_from_at_least_two_articles():
    assert len(EXAMPLES) >= 2, EXAMPLES


@each_example
def test_the_example_checks_with_no_problem_and_no_draft(example):
    dossier, problems = check_dossier(example / "dossier")
    assert dossier is not None, problems.report()
    assert problems.report() == "", "errors or warnings"
    assert drafts_in(dossier) == []


@each_example
def test_every_factual_sentence_of_its_source_is_cited_or_explained(example):
    dossier, _ = check_dossier(example / "dossier")
    assert dossier is not None
    for document in dossier.sources.values():
        coverage = document.coverage
        left = [coverage.sentences[i].text for i in coverage.uncited if i not in coverage.explained]
        assert left == [], document.shown_as
        assert coverage.sentences, f"{document.shown_as} has no sentence to cite"


@each_example
def test_its_seed_names_its_origin_and_the_saved_page_is_not_kept(example):
    seeds = example / "seeds"
    assert not list(seeds.glob("*.htm*")), "the publisher's page is not committed"
    origin = (seeds / "README.md").read_text(encoding="utf-8")
    assert "mozilla/readability" in origin and f"test/test-pages/{example.name}" in origin
    dossier, _ = check_dossier(example / "dossier")
    assert dossier is not None
    for document in dossier.sources.values():
        source = document.source
        assert source.page is None, "a page the build would look for and not find"
        assert source.seed in origin, f"seeds/README.md does not name {source.seed}"
        assert source.publisher is not None and source.publisher.name in origin


@each_example
def test_it_installs_the_engine_from_this_repository(example):
    lines = (example / "requirements.txt").read_text(encoding="utf-8").splitlines()
    requirements = [line for line in lines if line and not line.startswith("#")]
    assert "-e ../.." in requirements  # pip reads the path from the example's folder
    assert not [line for line in requirements if "file:" in line or "briefing" in line]


@each_example
def test_its_schema_is_current(example):
    assert not stale_schemas(example / "dossier"), f"run `briefing schema {example}/dossier`"


@each_example
def test_its_site_and_pdf_build(example, tmp_path):
    """Built from a copy, so that nothing (the PDF kept between builds) is written here."""
    project = tmp_path / example.name
    shutil.copytree(example, project, ignore=shutil.ignore_patterns(".venv", "build*", ".cache"))
    out = tmp_path / "site"
    built = build_site(project, out)
    assert built.returncode == 0, built.stderr
    dossier, _ = check_dossier(example / "dossier")
    assert dossier is not None
    title = dossier.meta.title
    assert title in page(out, "index.html").title.text
    for source_id in dossier.sources:
        assert (out / "sources" / source_id / "index.html").is_file()
    reader = PdfReader(io.BytesIO((out / "briefing.pdf").read_bytes()))
    first = " ".join(reader.pages[0].extract_text().split())
    assert " ".join(title.split()[:4]) in first
    assert len(reader.pages) > 5
