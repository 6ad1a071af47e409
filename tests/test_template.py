"""The project as a template: a new briefing starts from `briefing new`, or from this project
with another dossier in place of the Kazakhstan one, and builds and passes its tests."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from briefing import check_dossier
from briefing.cli import main
from support import ROOT, SEVERAL

INNER = "BRIEFING_INNER_RUN"  # set for the test suite run inside a copy of the project
pytestmark = pytest.mark.skipif(bool(os.environ.get(INNER)), reason="inside a copy already")


def run(command: list[str], cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        command, cwd=cwd, capture_output=True, text=True, env={**os.environ, **env}, timeout=1800
    )


def test_briefing_new_writes_a_project_that_builds_and_passes_its_tests(tmp_path, capsys):
    project = tmp_path / "my-briefing"
    assert main(["new", str(project), "--title", "Millbrook: a water briefing"]) == 0
    assert "now run: cd" in capsys.readouterr().out
    readme = (project / "README.md").read_text(encoding="utf-8")
    assert readme.startswith("# Millbrook: a water briefing\n\n```sh\nmake site")
    assert "make test" in readme.split("```")[1]
    expected = ["mkdocs.yml", "Makefile", ".gitignore", ".github/workflows/pages.yml", "seeds"]
    expected += ["dossier/dossier.yml", "dossier/schema/questions.schema.json"]
    for path in expected:
        assert (project / path).exists(), path
    for kind in ("sources", "people", "groups", "organisations", "places", "events", "quotes",
                 "relations", "questions"):  # fmt: skip
        assert list((project / "dossier" / kind).glob("*.yml")), f"no example in {kind}/"
    site = run(["make", "site"], project)
    assert site.returncode == 0, site.stdout + site.stderr
    assert (project / "build" / "briefing.pdf").is_file()
    assert "1 fact with competing accounts" in site.stderr
    home = (project / "build" / "index.html").read_text(encoding="utf-8")
    assert "given differently by those the source quotes" in home
    tests = run(["make", "test"], project)
    assert tests.returncode == 0, tests.stdout + tests.stderr
    assert not (ROOT / "build" / "lib").exists(), "installing the engine wrote into its site"
    assert "Ran 3 tests" in tests.stderr and "OK" in tests.stderr
    # The example's citations name their source: a source of one's own added beside it
    # leaves it as it was.
    (project / "seeds" / "mine.txt").write_text("The mill reopened on Monday.\n")
    (project / "dossier" / "sources" / "mine.yml").write_text(
        "id: mine\nseed: mine.txt\ntitle: my report\n"
        "date: {value: 2024-03-11, cite: {source: mine, exact: on Monday}, inference: made up}\n"
    )
    assert main(["check", str(project / "dossier")]) == 0
    # Committed as it is, the project keeps every folder its build needs (docs/ included).
    assert run(["git", "init", "-q"], project).returncode == 0
    assert run(["git", "add", "-A"], project).returncode == 0
    tracked = run(["git", "ls-files"], project).stdout.splitlines()
    assert any(path.startswith("docs/") for path in tracked)
    assert not any(path.startswith(("build/", ".venv/")) for path in tracked)


def test_a_title_with_a_colon_or_quote_marks_is_the_title_everywhere(tmp_path):
    title = 'Sudan: "sanctions" lifted # for now'
    project = tmp_path / "sudan"
    assert main(["new", str(project), "--title", title]) == 0
    dossier, problems = check_dossier(project / "dossier")
    assert dossier is not None, problems.report()
    assert dossier.meta.title == title
    config = yaml.load((project / "mkdocs.yml").read_text("utf-8"), Loader=_TaggedLoader)
    assert config["site_name"] == title
    assert (project / "README.md").read_text("utf-8").startswith(f"# {title}\n")


class _TaggedLoader(yaml.SafeLoader):
    """Reads mkdocs.yml's `!ENV [NAME, default]` as its default."""


_TaggedLoader.add_constructor("!ENV", lambda loader, node: loader.construct_sequence(node)[-1])


def test_a_new_project_is_never_written_over_an_existing_one(tmp_path, capsys):
    (tmp_path / "taken").mkdir()
    (tmp_path / "taken" / "notes.txt").write_text("mine")
    assert main(["new", str(tmp_path / "taken")]) == 2
    assert "is not an empty folder" in capsys.readouterr().err
    assert [p.name for p in (tmp_path / "taken").iterdir()] == ["notes.txt"]


def test_this_project_with_another_dossier_builds_and_passes_its_engine_tests(tmp_path):
    """As its README tells someone starting their own briefing from it: another dossier and
    seeds in place, the content tests removed; `make site` and `make test` then pass."""
    copy = tmp_path / "project"
    tracked = run(["git", "ls-files", "-z"], ROOT).stdout.split("\0")
    for name in filter(None, tracked):
        if (ROOT / name).is_file():
            (copy / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, copy / name)
    for folder in ("dossier", "seeds"):
        shutil.rmtree(copy / folder)
        shutil.copytree(SEVERAL / folder, copy / folder)
    shutil.rmtree(copy / "tests" / "content")
    if (ROOT / ".cache" / "npm").is_dir():  # the accessibility checker, as installed here
        shutil.copytree(ROOT / ".cache" / "npm", copy / ".cache" / "npm")
    venv = ROOT / ".venv"  # this run's own, so that nothing is installed again
    make = ["make", f"VENV={venv}", "-o", f"{venv}/.installed", "-o", f"{venv}/.installed-test"]
    assert run([*make, "schema"], copy).returncode == 0
    site = run([*make, "site"], copy)
    assert site.returncode == 0, site.stdout + site.stderr
    assert "2 facts with competing accounts" in site.stderr
    tests = run([*make, "test"], copy, **{INNER: "1"})
    assert tests.returncode == 0, tests.stdout[-3000:] + tests.stderr[-3000:]
    assert " passed" in tests.stdout and " failed" not in tests.stdout
