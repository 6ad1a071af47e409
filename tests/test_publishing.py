"""Publishing: the Pages workflow, reproducible builds, the lock, ProperDocs, live preview."""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import threading
import time
import tomllib
import urllib.request
from pathlib import Path

import pytest
import yaml
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

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
    return {canonicalize_name(name): version for name, version in pins}


def test_locks_agree_with_pyproject():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    runtime, full = _pins(ROOT / "requirements.lock"), _pins(ROOT / "requirements-test.lock")
    for lock, requirements in (
        (runtime, project["dependencies"]),
        (full, project["dependencies"] + project["optional-dependencies"]["test"]),
    ):
        for line in requirements:
            requirement = Requirement(line)
            name = canonicalize_name(requirement.name)
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


def test_the_preview_answers_at_once_with_the_last_good_site_while_broken_edits_arrive(
    tmp_path,
):
    """A client fetches a page every 50 ms while edits arrive, good and broken: a strict
    warning, an invalid dossier, a broken hand-written page. No answer waits a second, each is
    a whole page, the last good text stays until a good edit, and the fix is picked up."""
    project = tmp_path / "mini"
    shutil.copytree(FIXTURE, project)
    port = _free_port()
    log_path = tmp_path / "serve.log"
    url = f"http://127.0.0.1:{port}/sub/path/people/tomas-reed/"
    answers: list[tuple[float, float, str]] = []  # (when, how long, the page's text)
    fetching = True

    def fetch() -> None:
        while fetching:
            started = time.monotonic()
            try:
                text = _get(url)
            except OSError as error:
                text = f"failed: {error}"
            answers.append((started, time.monotonic() - started, text))
            time.sleep(0.05)

    person = project / "dossier/people/tomas-reed.yml"
    meta = project / "dossier/dossier.yml"
    good_meta = meta.read_text(encoding="utf-8")
    with open(log_path, "w") as log:
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "-f", str(project / "mkdocs.yml"),
             "--dev-addr", f"127.0.0.1:{port}"],
            stdout=log, stderr=subprocess.STDOUT, cwd=project,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        )  # fmt: skip
        client = threading.Thread(target=fetch, daemon=True)
        try:
            _wait_for(lambda: "Harbour master of Port Vell." in _get(url), what="first build")
            client.start()

            def builds() -> int:  # MkDocs says so after each rebuild, failed or not
                return log_path.read_text().count("Reloading browsers")

            def rebuilt(before: int) -> None:
                _wait_for(lambda: builds() > before, what="a rebuild")

            broken_edits = [
                lambda: meta.write_text(  # a warning: the strict build fails
                    good_meta + "uncited:\n  - sentence: The town of Port Vell said Tuesday\n"
                    "    reason: x\n", encoding="utf-8"),
                lambda: edit(person, "id: tomas-reed", "id: tomas-reed\nnmae: x"),  # an error
                lambda: (project / "docs/notes.md").write_text("[x](nowhere.md)\n"),
            ]  # fmt: skip
            edit(person, "Harbour master of Port Vell.", "Harbour master of the town.")
            rebuilt(builds())
            _wait_for(lambda: "Harbour master of the town." in _get(url), what="the good edit")
            good_since = time.monotonic()
            for breaking in broken_edits:
                before = builds()
                breaking()
                rebuilt(before)
            time.sleep(3)  # longer than any answer may take: a hung request shows
            broken_until = time.monotonic()
            assert "Aborted with 1 warnings in strict mode!" in log_path.read_text()
            assert "nowhere.md" in log_path.read_text()
            # The fixes, all at once: the new text is served.
            meta.write_text(good_meta, encoding="utf-8")
            edit(person, "nmae: x", "")
            edit(person, "of the town.", "of the harbour.")
            (project / "docs/notes.md").write_text("# Notes\n\nA hand-written page.\n")
            _wait_for(lambda: "Harbour master of the harbour." in _get(url), what="the fix")
        finally:
            fetching = False
            if client.is_alive():
                client.join(timeout=10)
            server.terminate()
            server.wait(timeout=10)
    log = log_path.read_text()
    assert "Traceback" not in log and "appear stuck" not in log, log
    broken = [text[:300] for _, _, text in answers if "</html>" not in text]
    assert broken == [], "answers that were not a whole page"
    slowest = max(took for _, took, _ in answers)
    assert slowest < 2.5, f"a request waited {slowest:.2f} s"
    assert len(answers) > 20
    while_broken = [text for when, _, text in answers if good_since < when < broken_until]
    assert while_broken and all("Harbour master of the town." in t for t in while_broken)
