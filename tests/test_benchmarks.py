"""The benchmark runs end to end (at a tiny size: figures are for `make bench`, not tests)."""

from __future__ import annotations

import shutil
import subprocess
import sys

from briefing import build_dossier
from conftest import FIXTURE, ROOT


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
            "4",
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines.pop(0) == "synthetic dossiers: the people reported in 2 source articles"
    assert lines[0].split()[:6] == ["case", "check", "site", "anchor", "ratio", "cpu"]
    row = lines[1].split()
    assert row[0] == "N=4" and row[4].endswith("x") and row[5].endswith("x")
    assert float(row[5].rstrip("x")) > 0 and row[-2].isdigit()
    calls = lines[2].split()
    assert calls[:4] == ["N=4", "Python", "calls:", "site"] and float(calls[4]) > 0
    machine = next(line for line in lines if line.startswith("machine: "))
    assert machine.split()[1].isdigit() and machine.split()[2] == "cores;"


def test_generated_dossier_is_valid_and_fully_cited(tmp_path):
    sys.path.insert(0, str(ROOT / "benchmarks"))
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
