"""Publishing: the Pages workflow, reproducible builds, the lock, ProperDocs, live preview."""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import time
import tomllib
import urllib.request
from pathlib import Path

import pytest
import yaml
from packaging.requirements import Requirement

from sitecheck import build_site
from support import FIXTURE, ROOT, edit

WORKFLOW = ROOT / ".github" / "workflows" / "pages.yml"


def readme_commands() -> list[str]:
    block = re.search(r"```sh\n(.*?)```", (ROOT / "README.md").read_text(encoding="utf-8"), re.S)
    return [line.split("#")[0].strip() for line in block.group(1).splitlines() if line.strip()]


def test_readme_opens_with_the_two_commands():
    assert readme_commands() == ["make site", "make test"]


def test_workflow_is_valid_against_githubs_schema():
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "check_jsonschema",
            "--builtin-schema",
            "vendor.github-workflows",
            str(WORKFLOW),
        ],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_workflow_runs_the_readme_command_and_pins_its_actions():
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    steps = [step for job in workflow["jobs"].values() for step in job["steps"]]
    runs = [step["run"].strip() for step in steps if "run" in step]
    assert runs == [readme_commands()[0]]
    uses = [step["uses"] for step in steps if "uses" in step]
    assert {u.split("@")[0] for u in uses} >= {
        "actions/checkout", "actions/setup-python", "actions/upload-pages-artifact",
        "actions/deploy-pages",
    }  # fmt: skip
    for action in uses:
        assert re.search(r"@(v\d+\.\d+\.\d+|[0-9a-f]{40})$", action), f"{action} is not pinned"
    build = next(s for s in steps if s.get("run") == "make site")
    assert "SITE_URL" in build["env"]


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_two_builds_in_different_folders_are_byte_identical(tmp_path):
    env_epoch = os.environ.pop("SOURCE_DATE_EPOCH", None)
    try:
        trees = []
        for name in ("first place", "second"):
            project = tmp_path / name / "mini"
            shutil.copytree(FIXTURE, project)
            assert build_site(project, project / "build").returncode == 0
            trees.append((project, _snapshot(project / "build")))
    finally:
        if env_epoch is not None:
            os.environ["SOURCE_DATE_EPOCH"] = env_epoch
    (first_project, first), (second_project, second) = trees
    assert first.keys() == second.keys()
    assert [name for name in first if first[name] != second[name]] == []
    assert {
        "sitemap.xml",
        "sitemap.xml.gz",
        "search/search_index.json",
        "search/search_index.js",
        "briefing.pdf",
        "assets/briefing/share/index.png",  # drawn by Typst with its own fonts
    } <= first.keys()
    for name, content in first.items():
        assert str(first_project).encode() not in content, f"{name} holds an absolute path"
    assert b"<lastmod>2021-05-12</lastmod>" in first["sitemap.xml"]  # the dossier's as-of date


def test_properdocs_builds_the_fixture_too(tmp_path):
    project = tmp_path / "mini"
    shutil.copytree(FIXTURE, project)
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "properdocs",
            "build",
            "-f",
            str(project / "mkdocs.yml"),
            "-d",
            str(project / "build"),
        ],
        capture_output=True,
        text=True,
        cwd=project,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert result.returncode == 0, result.stderr
    assert (
        "Elena Brisk" in (project / "build" / "people" / "elena-brisk" / "index.html").read_text()
    )
    assert (project / "build" / "briefing.pdf").is_file()


def _pins(lock: Path) -> dict[str, str]:
    pins = re.findall(r"^([A-Za-z0-9_.\-]+)==([^\s\\]+)", lock.read_text(encoding="utf-8"), re.M)
    return {name.lower().replace("_", "-"): version for name, version in pins}


def test_locks_agree_with_pyproject():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    runtime, full = _pins(ROOT / "requirements.lock"), _pins(ROOT / "requirements-test.lock")
    for lock, requirements in (
        (runtime, project["dependencies"]),
        (full, project["dependencies"] + project["optional-dependencies"]["test"]),
    ):
        for line in requirements:
            requirement = Requirement(line)
            name = requirement.name.lower().replace("_", "-")
            assert name in lock, f"{name} is not in the lock; run `make lock`"
            assert requirement.specifier.contains(lock[name], prereleases=True), (
                f"lock pins {name}=={lock[name]}, pyproject wants {requirement.specifier}; "
                "run `make lock`"
            )
    assert all(full[name] == version for name, version in runtime.items())
    assert "--hash=sha256:" in (ROOT / "requirements.lock").read_text(encoding="utf-8")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode("utf-8")


def _wait_for(condition, timeout: float = 45.0, what: str = "condition"):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            value = condition()
        except OSError:
            value = None
        if value:
            return value
        time.sleep(0.3)
    pytest.fail(f"timed out waiting for {what}")


def test_live_preview_rebuilds_on_edit_and_survives_a_broken_edit(tmp_path):
    project = tmp_path / "mini"
    shutil.copytree(FIXTURE, project)
    port = _free_port()
    log_path = tmp_path / "serve.log"
    with open(log_path, "w") as log:
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "-f", str(project / "mkdocs.yml"),
             "--dev-addr", f"127.0.0.1:{port}"],
            stdout=log, stderr=subprocess.STDOUT, cwd=project,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        )  # fmt: skip
        try:
            url = f"http://127.0.0.1:{port}/sub/path/people/tomas-reed/"
            _wait_for(lambda: "Harbour master of Port Vell." in _get(url), what="first build")
            edit(
                project / "dossier/people/tomas-reed.yml",
                "Harbour master of Port Vell.",
                "Harbour master of the town.",
            )
            _wait_for(
                lambda: "Harbour master of the town." in _get(url), what="rebuild after an edit"
            )
            edit(
                project / "dossier/people/tomas-reed.yml",
                "id: tomas-reed",
                "id: tomas-reed\nnmae: x",
            )
            _wait_for(
                lambda: "unknown field 'nmae'" in log_path.read_text(),
                what="the error to be printed",
            )
            assert "dossier/people/tomas-reed.yml:3:1" in log_path.read_text()
            assert "Harbour master of the town." in _get(url)  # the last good site stays served
        finally:
            server.terminate()
            server.wait(timeout=10)
