"""The benchmark runs end to end (at a tiny size: figures are for `make bench`, not tests)."""

from __future__ import annotations

import shutil
import subprocess
import sys

import yaml

from briefing import build_dossier, check_dossier
from support import FIXTURE, ROOT


def test_benchmark_runs_at_tiny_size():
    result = subprocess.run(
        [
            sys.executable,
            str(ROOT / "benchmarks" / "run.py"),
            "--runs",
            "1",
            "--skip-real",
            "--calls",
            "--articles",
            "2",
            "--every-kind",
            "4",
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines.pop(0) == "synthetic dossiers: the people reported in 2 source articles"
    assert lines.pop(0) == "synthetic dossiers: with every kind of record and field (generate.py)"
    assert lines[0].split()[:6] == ["case", "check", "site", "anchor", "ratio", "cpu"]
    row = lines[1].split()
    assert row[0] == "N=4" and row[4].endswith("x") and row[5].endswith("x")
    assert float(row[5].rstrip("x")) > 0 and row[-2].isdigit()
    calls = lines[2].split()
    assert calls[:4] == ["N=4", "Python", "calls:", "site"] and float(calls[4]) > 0
    # Each of four people's "joined" sentence is cited by a statement, an event, a relation and
    # an affiliation; the council's and the group's first member's too, and at a glance.
    assert lines[3] == f"     N=4 check of a changed source: 19 errors in {lines[3].split()[-1]}"
    machine = next(line for line in lines if line.startswith("machine: "))
    assert machine.split()[1].isdigit() and machine.split()[2] == "cores;"


def test_the_run_says_which_of_the_issues_targets_its_figures_meet():
    from run import target_lines

    def case(site, anchor, check=0.5, pdf=3.0, peak=500, pdf_peak=900, full=None):
        figures = {"site_s": site, "anchor_s": anchor, "ratio": site / anchor, "check_s": check}
        figures |= {"pdf_s": pdf, "pdf_cpu_s": pdf * 1.5, "peak_mib": peak}
        figures |= {"pdf_peak_mib": pdf_peak}
        return figures | {"full_s": full, "full_ratio": full / anchor if full else None}

    lines = target_lines(
        {
            "real": case(1.8, 1.5, full=2.1),
            "N=1000": case(20.0, 19.0, check=1.2, pdf=4.0, pdf_peak=250),
            "N=3000": case(70.0, 80.0, pdf=11.0, pdf_peak=3900),
        }
    )
    assert lines == [
        "      met  site <= 1.1x the anchor at N=1000: 1.05x",
        "  NOT met  check <= 1 s at N=1000: 1.20s",
        "      met  PDF <= 5 s at N=1000: 4.00s (CPU 6.00s)",
        "      met  peak memory of the PDF at N=1000 < 1 GiB: 250 MiB",
        "  NOT met  growth of the site N=3000 / N=1000 <= 3.3x: 3.50x",
        "      met  growth of the PDF (Typst's CPU) N=3000 / N=1000 <= 3.3x: 2.75x",
        "      met  peak memory of the site build at N=3000 < 1 GiB: 500 MiB",
        "  NOT met  peak memory of the PDF at N=3000 < 1 GiB: 3,900 MiB",
        "  NOT met  real full build, warm, <= 1.3x bare Material: 1.40x",
    ]
    assert target_lines({"N=4": case(1.0, 1.0)}) == []  # no target is set at that size


def test_generated_dossier_is_valid_and_fully_cited(tmp_path):
    from generate import write

    counts = write(12, tmp_path)
    dossier = build_dossier(tmp_path / "dossier")
    assert len(dossier.people) == 12 and len(dossier.citations) == counts["citations"]
    (document,) = dossier.sources.values()
    assert document.coverage.share == 1.0

    counts = write(12, tmp_path / "three", articles=3)
    dossier = build_dossier(tmp_path / "three" / "dossier")
    assert len(dossier.citations) == counts["citations"] and len(dossier.sources) == 3
    assert all(document.coverage.share == 1.0 for document in dossier.sources.values())


def test_generated_dossier_with_every_kind_holds_each_and_checks_clean(tmp_path):
    from generate import write

    for articles in (1, 3):
        folder = tmp_path / f"articles-{articles}"
        counts = write(20, folder, articles, every_kind=True)
        dossier, problems = check_dossier(folder / "dossier")
        assert dossier is not None and not problems.items, problems.report()
        assert len(dossier.citations) == counts["citations"]
        assert len(dossier.groups) == 2 and len(dossier.meta.key_figures) == 2
        assert [e.status for e in dossier.events].count("superseded") == 10
        assert all(r.according_to for r in dossier.relations)
        person = dossier.people["p00013"]
        assert person.based_in and person.affiliations
        assert any(s.about == ["council-0001"] for s in person.statements)
        # One sentence a person is left uncited, with its reason; every other one is cited.
        for document in dossier.sources.values():
            coverage = document.coverage
            assert coverage.uncited and set(coverage.uncited) == set(coverage.explained)
            assert all(
                coverage.sentences[i].text.startswith("Colleagues describe")
                for i in coverage.uncited
            )


def test_served_memory_runs_and_leaves_the_project_as_it_was(tmp_path):
    project = tmp_path / "mini"
    shutil.copytree(FIXTURE, project)
    meta = (project / "dossier" / "dossier.yml").read_text(encoding="utf-8")
    result = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "serve_memory.py"), str(project), "2"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("served: peak MiB after each of 2 rebuilds: ")
    peaks = [int(mib) for mib in result.stdout.split(":")[-1].split()]
    assert len(peaks) == 2 and peaks[0] > 0
    assert (project / "dossier" / "dossier.yml").read_text(encoding="utf-8") == meta


def test_served_memory_edits_the_title_of_a_generated_dossier_too(tmp_path):
    from generate import write
    from serve_memory import TITLE

    write(2, tmp_path)  # its dossier.yml is JSON, which YAML reads
    for meta in (tmp_path / "dossier" / "dossier.yml", FIXTURE / "dossier" / "dossier.yml"):
        edited, found = TITLE.subn(r"\g<1>Edit 1 – ", meta.read_text(encoding="utf-8"), count=1)
        assert found == 1
        dossier_meta = yaml.safe_load(edited)
        assert dossier_meta["title"].startswith("Edit 1 – ")
