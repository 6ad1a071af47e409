"""The registry of record kinds: the one place a kind of record is described."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

from pypdf import PdfReader

from briefing.model import kinds
from sitecheck import content, page
from support import FIXTURE, ROOT, edit


def test_every_folder_of_a_dossier_is_a_kind_with_its_own_schema():
    folders = {p.name for p in (FIXTURE / "dossier").iterdir() if p.is_dir()}
    assert folders <= set(kinds.BY_FOLDER)
    for kind in kinds.KINDS:
        assert kinds.BY_NOUN[kind.noun] is kind
        assert kind.schema is kind.schema  # made once: one validator per kind of file


def test_references_accept_the_kinds_the_registry_says():
    assert kinds.nouns_accepted("actor") == {"person", "group", "organisation"}
    assert kinds.nouns_accepted("entity") == {"person", "group", "organisation", "place", "event"}
    assert kinds.nouns_accepted("place") == {"place"}


def test_the_navigation_sections_come_from_the_registry():
    assert kinds.section_titles() == {
        "sources": "Sources",
        "people": "People",
        "organisations": "Organisations",
        "places": "Places",
    }


FACILITY_MODEL = '''

class Facility(Record):
    """facilities/<id>.yml: a building or installation the source names."""

    use: Text | None = Field(None, description="What it is for, as worded.")
'''
FACILITY_KIND = """    RecordKind("facility", "facilities", Facility, True, label="Facility",
               entity=True, pages="facilities", section="Facilities",
               print_section="Facilities"),
"""
FACILITY = """id: polling-stations
name: The two polling stations
use: polling
summary:
  text: Two polling stations damaged by the storm.
  cite: a storm damaged two polling stations
"""


def test_a_new_kind_needs_only_its_model_and_its_registry_entry(tmp_path):
    """Add a kind by editing `model/records.py` and `model/kinds.py` in a copy of the engine:
    its files load and check, references to it resolve, and the site, the PDF and the
    exports show it."""
    engine = tmp_path / "src"
    shutil.copytree(ROOT / "src" / "briefing", engine / "briefing")
    records = engine / "briefing" / "model" / "records.py"
    records.write_text(records.read_text(encoding="utf-8") + FACILITY_MODEL, encoding="utf-8")
    registry = engine / "briefing" / "model" / "kinds.py"
    edit(registry, "    Place,\n", "    Facility,\n    Place,\n")
    edit(registry, '    RecordKind("event"', FACILITY_KIND + '    RecordKind("event"')

    project = tmp_path / "mini"
    shutil.copytree(FIXTURE, project)
    (project / "dossier" / "facilities").mkdir()
    (project / "dossier" / "facilities" / "polling-stations.yml").write_text(FACILITY)
    edit(
        project / "dossier" / "places" / "port-vell.yml",
        "  cite: The town of Port Vell said Tuesday it had delayed the harbour vote\n",
        "  cite: The town of Port Vell said Tuesday it had delayed the harbour vote\n"
        "  about: [polling-stations]\n",
    )
    env = {**os.environ, "PYTHONPATH": str(engine), "NO_MKDOCS_2_WARNING": "1"}

    def run(*command: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, *command], cwd=project, env=env, capture_output=True, text=True
        )

    checked = run("-m", "briefing", "check", "dossier")
    assert checked.returncode == 0, checked.stderr
    assert "1 facility," in checked.stdout
    built = run("-m", "mkdocs", "build", "-q")
    assert built.returncode == 0, built.stderr

    site = project / "build"
    body = content(page(site, "facilities/polling-stations/"))
    assert "Two polling stations damaged by the storm." in body.text
    assert "Port Vell" in body.select_one("ul.mentions").text  # what the place says of it
    tabs = [a.text.strip() for a in page(site, "").select(".md-tabs__link")]
    assert "Facilities" in tabs
    exported = json.loads((site / "dossier.json").read_text(encoding="utf-8"))
    assert [f["use"] for f in exported["facilities"]] == ["polling"]
    pdf = " ".join(p.extract_text() for p in PdfReader(site / "briefing.pdf").pages)
    assert "Facilities" in pdf and "The two polling stations" in pdf
