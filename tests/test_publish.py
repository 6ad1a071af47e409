"""Publishing under faults: whatever happens to a build, the output folder afterwards is the last
good site or the whole new one, byte for byte, and the next build heals what a crash left.

Each test starts from the fixture built once (the last good site, `last`) and an edit whose
build gives another site (`new`), both built ahead in folders of their own.
"""

from __future__ import annotations

import errno
import hashlib
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from briefing.mkdocs.publish import OutputFolder, PublishError
from sitecheck import build_site
from support import FIXTURE, edit

KILLED_BUILD = Path(__file__).parent / "killed_build.py"
OLD_TEXT, NEW_TEXT = "Harbour master of Port Vell.", "Harbour master of the town."


def snapshot(folder: Path) -> dict[str, str] | None:
    """Every file of a folder and its digest; None when the folder is not there."""
    if not folder.is_dir():
        return None
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def edit_to_new(project: Path) -> None:
    edit(project / "dossier/people/tomas-reed.yml", OLD_TEXT, NEW_TEXT)


@pytest.fixture(scope="module")
def sites(tmp_path_factory) -> dict:
    """The digests of the last good site and of the new one, the last site's folder, and how
    long a build took."""
    base = tmp_path_factory.mktemp("references")
    found: dict = {}
    for name in ("last", "new"):
        project = base / name
        shutil.copytree(FIXTURE, project)
        if name == "new":
            edit_to_new(project)
        started = time.monotonic()
        result = build_site(project, project / "build")
        assert result.returncode == 0, result.stderr
        found[name] = snapshot(project / "build")
        found[f"{name} seconds"] = time.monotonic() - started
    assert found["last"] != found["new"] and found["last"].keys() == found["new"].keys()
    found["last folder"] = base / "last" / "build"
    return found


@pytest.fixture
def project(tmp_path, sites) -> Path:
    """The fixture with its last good site in place, and the edit made that the next build
    shows."""
    project = tmp_path / "mini"
    shutil.copytree(FIXTURE, project)
    shutil.copytree(sites["last folder"], project / "build")
    edit_to_new(project)
    return project


def leftovers(project: Path) -> list[str]:
    """What publishing left beside the site: nothing, once a build has ended."""
    return sorted(p.name for p in project.glob("build.*"))


def run_killed(project: Path, step: str) -> None:
    result = subprocess.run(
        [sys.executable, str(KILLED_BUILD), step, str(project)],
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert result.returncode == -signal.SIGKILL, result.stderr


@pytest.mark.parametrize(
    ("step", "then"),
    [("staged", "last"), ("exchanged", "new"), ("removing", "new"), ("renamed", "new")],
)
def test_a_build_killed_at_a_step_of_publishing_leaves_a_whole_site(project, sites, step, then):
    run_killed(project, step)
    assert snapshot(project / "build") == sites[then]
    assert build_site(project, project / "build").returncode == 0  # the next build heals
    assert snapshot(project / "build") == sites["new"]
    assert leftovers(project) == []


def test_a_build_killed_between_two_renames_is_healed_by_the_next_even_if_that_fails(
    project, sites
):
    """Where the system cannot exchange two folders in one step, they move in two; a build
    killed between them leaves the last site beside its place, and the next puts it back."""
    run_killed(project, "moved")
    assert snapshot(project / "build.old") == sites["last"]
    edit(project / "dossier/quotes/quotes.yml", "speaker: tomas-reed", "speaker: tomas-red")
    result = build_site(project, project / "build")
    assert result.returncode == 1 and "unknown actor 'tomas-red'" in result.stderr
    assert snapshot(project / "build") == sites["last"]
    assert leftovers(project) == []


def test_a_build_killed_at_any_moment_leaves_the_last_site_or_the_new_one(project, sites):
    """SIGKILL at moments spread over a build's length, from start-up to publishing."""
    for share in (0.25, 0.5, 0.7, 0.85, 1.0, 1.15):
        build = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "build", "-q"],
            cwd=project,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
            stderr=subprocess.DEVNULL,
        )
        time.sleep(sites["new seconds"] * share)
        build.kill()
        build.wait()
        after = snapshot(project / "build")
        assert after in (sites["last"], sites["new"]), f"killed at {share:.0%} of a build"
        if after == sites["new"]:  # published already: the last site back for the next try
            shutil.rmtree(project / "build")
            shutil.copytree(sites["last folder"], project / "build")
    assert build_site(project, project / "build").returncode == 0
    assert snapshot(project / "build") == sites["new"] and leftovers(project) == []


def test_two_builds_that_meet_a_third_take_turns(project, sites):
    """Builds that find the output folder locked wait (and say so), then take turns: each
    publishes the whole site. The test holds the lock until both have said they wait, so
    the builds meet however slowly the machine starts them."""
    holder = OutputFolder(str(project / "build"))
    holder.lock(waiting=print)
    builds = [
        subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "build"],
            cwd=project,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    logs: list[list[str]] = [[], []]
    waiting = [threading.Event(), threading.Event()]

    def read(index: int) -> None:
        stream = builds[index].stderr
        assert stream is not None
        for line in stream:
            logs[index].append(line)
            if "Another build is writing" in line:
                waiting[index].set()

    readers = [threading.Thread(target=read, args=(i,)) for i in range(2)]
    for reader in readers:
        reader.start()
    try:
        for said, reader in zip(waiting, readers, strict=True):
            deadline = time.monotonic() + 120
            while not said.wait(timeout=0.1) and reader.is_alive():
                assert time.monotonic() < deadline, logs
            assert said.is_set(), logs  # a build that ended without waiting
    finally:
        holder.unlock()
        for build in builds:
            build.wait(timeout=300)
        for reader in readers:
            reader.join()
    text = ["".join(log) for log in logs]
    assert [build.returncode for build in builds] == [0, 0], text
    assert all("Published the site" in log and "Traceback" not in log for log in text)
    assert snapshot(project / "build") == sites["new"] and leftovers(project) == []


def test_a_build_waits_for_the_lock_only_so_long_and_then_says_who_holds_it(tmp_path):
    holder = OutputFolder(str(tmp_path / "build"))
    holder.lock(waiting=print)
    said: list[str] = []
    started = time.monotonic()
    with pytest.raises(PublishError) as raised:
        OutputFolder(str(tmp_path / "build")).lock(waiting=said.append, timeout=0.3)
    assert 0.3 <= time.monotonic() - started < 10  # gave up, rather than wait on
    assert said == [f"Another build is writing {tmp_path / 'build'} (process {os.getpid()}); "
                    "waiting for it to finish"]  # fmt: skip
    assert f"(process {os.getpid()}, lock {tmp_path / 'build.lock'})" in str(raised.value)
    holder.unlock()
    OutputFolder(str(tmp_path / "build")).lock(waiting=said.append, timeout=0.3)
    assert len(said) == 1  # free again: taken without waiting


def test_a_strict_build_that_warns_publishes_nothing(project, sites):
    """The dossier's own warnings, logged as the build starts, fail a strict build too."""
    with open(project / "dossier/dossier.yml", "a", encoding="utf-8") as meta:
        meta.write("uncited:\n  - sentence: The town of Port Vell said Tuesday\n    reason: x\n")
    result = build_site(project, project / "build")
    assert result.returncode == 1
    assert "sentence listed as uncited is cited" in result.stderr
    assert "Published the site" not in result.stderr
    assert "Aborted with 1 warnings in strict mode!" in result.stdout
    assert snapshot(project / "build") == sites["last"] and leftovers(project) == []


def test_exports_that_fail_publish_nothing(project, sites, monkeypatch):
    from mkdocs.commands.build import build

    from test_site import in_process_config

    def failing(dossier):
        raise ValueError("the exports failed")

    monkeypatch.setattr("briefing.mkdocs.plugin.exports", failing)
    config = in_process_config(project, project / "build", monkeypatch)
    with pytest.raises(ValueError, match="the exports failed"):
        build(config)
    assert snapshot(project / "build") == sites["last"] and leftovers(project) == []


def test_a_full_disk_while_pages_are_written_gives_a_message_and_publishes_nothing(
    project, sites, monkeypatch, caplog
):
    from mkdocs.commands.build import build
    from mkdocs.exceptions import Abort

    from test_site import in_process_config

    real_write = __import__("mkdocs.utils", fromlist=["write_file"]).write_file

    def write_file(content: bytes, path: str) -> None:
        if path.endswith("tomas-reed/index.html"):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), path)
        real_write(content, path)

    monkeypatch.setattr("mkdocs.utils.write_file", write_file)
    config = in_process_config(project, project / "build", monkeypatch)
    with pytest.raises(Abort, match="could not write its files"):
        build(config)
    staged = project / "build.staging" / "people" / "tomas-reed" / "index.html"
    assert f"The disk is full: no room to write {staged}" in caplog.text
    assert "free some space and build again" in caplog.text
    assert snapshot(project / "build") == sites["last"] and leftovers(project) == []
    assert config.site_dir == str(project / "build")  # the config is as it was given


def test_a_folder_in_the_way_of_the_output_folder_gives_a_message(tmp_path):
    project = tmp_path / "mini"
    shutil.copytree(FIXTURE, project)
    (project / "output").write_text("a file, not a folder")
    result = build_site(project, project / "output" / "build")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f"Could not write {project / 'output'}" in result.stderr
    assert "`mkdocs build -d FOLDER`" in result.stderr


def test_a_last_site_that_cannot_be_removed_is_moved_aside_and_named(
    project, sites, monkeypatch, caplog
):
    """Files of another user in the last site: the build publishes all the same, says what it
    left, and the builds after it work as well."""
    from mkdocs.commands.build import build

    from test_site import in_process_config

    real_rmtree = shutil.rmtree

    def rmtree(path, *args, **kwargs):
        if Path(path).name == "build.staging" and (Path(path) / "index.html").exists():
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        real_rmtree(path, *args, **kwargs)

    monkeypatch.setattr("briefing.mkdocs.publish.shutil.rmtree", rmtree)
    caplog.set_level("INFO", logger="mkdocs")
    config = in_process_config(project, project / "build", monkeypatch)
    for _ in range(2):
        build(config)
        assert snapshot(project / "build") == sites["new"]
    aside = [name for name in leftovers(project)]
    assert len(aside) == 2 and all(name.startswith("build.staging.") for name in aside)
    assert f"Could not remove {project / aside[0]} (Permission denied)" in caplog.text


def _mount_tmpfs(folder: Path, size: str) -> None:
    folder.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)],
        capture_output=True,
    )
    if mounted.returncode != 0:
        pytest.skip("mounting a small file system needs root and CAP_SYS_ADMIN")


@pytest.fixture
def small_disk(tmp_path):
    disk = tmp_path / "disk"
    _mount_tmpfs(disk, "6m")
    yield disk
    subprocess.run(["umount", "-l", str(disk)], check=False)


def test_a_real_full_disk_and_a_read_only_one(small_disk, sites):
    """On a file system with room for one site and not two, then made read-only."""
    project = small_disk / "mini"
    shutil.copytree(FIXTURE, project, ignore=shutil.ignore_patterns("*.pdf"))
    assert build_site(project, project / "build").returncode == 0
    assert snapshot(project / "build") == sites["last"]
    edit_to_new(project)
    filler = small_disk / "filler"
    free = shutil.disk_usage(small_disk).free
    filler.write_bytes(b"\0" * max(0, free - 1_000_000))  # leaves a third of a site's room
    result = build_site(project, project / "build")
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    assert "The disk is full: no room to write" in result.stderr
    assert snapshot(project / "build") == sites["last"] and leftovers(project) == []
    filler.unlink()
    subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], check=True)
    result = build_site(project, project / "build")
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    assert f"{project / 'build.lock'} is on a read-only file system" in result.stderr
    assert snapshot(project / "build") == sites["last"]


def _seed_bytes(project: Path, old: bytes, new: bytes) -> None:
    seed = project / "seeds/port-vell.txt"
    seed.write_bytes(seed.read_bytes().replace(old, new, 1))


HAZARDS = {
    "a NUL in YAML": (
        lambda p: edit(p / "dossier/people/tomas-reed.yml", "name: Tomas Reed", 'name: "T\\0"'),
        "dossier/people/tomas-reed.yml:3:7: error: control character (U+0000 NULL)",
    ),
    "a control character in a seed": (
        lambda p: _seed_bytes(p, b"Harbour plan", b"Harbour\x1bplan"),
        "seeds/port-vell.txt:9:8: error: control character (U+001B ESCAPE)",
    ),
    "a seed not in UTF-8": (
        lambda p: _seed_bytes(p, b"Elena", b"\xc9lena"),
        "is not UTF-8 text: byte 0xc9 on line 4 of seeds/port-vell.txt",
    ),
    "YAML nested 600 levels deep": (
        lambda p: edit(p / "dossier/people/tomas-reed.yml", "id: tomas-reed",
                       "id: tomas-reed\nx: " + "[" * 600 + "]" * 600),
        "values nested more than 100 levels deep",
    ),
    "a character no font of the PDF has": (
        lambda p: edit(p / "dossier/people/tomas-reed.yml", "Harbour master of the town.",
                       '"Harbour master of the town \U0001f600."'),
        "no font of the PDF has '\U0001f600' (U+1F600 GRINNING FACE), found in person",
    ),
}  # fmt: skip


@pytest.mark.parametrize("hazard", HAZARDS)
def test_text_hazards_fail_the_build_with_a_message_and_publish_nothing(project, sites, hazard):
    make, message = HAZARDS[hazard]
    make(project)
    result = build_site(project, project / "build")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert message in result.stderr
    errors = [line for line in result.stderr.splitlines() if "error:" in line]
    # One error, and no knock-on ones: references to a record that failed are one line more.
    assert len([e for e in errors if "which has errors" not in e]) <= 1, errors
    assert len(errors) <= 2, errors
    assert snapshot(project / "build") == sites["last"] and leftovers(project) == []


def test_a_file_where_the_output_folder_should_be_is_reported_before_building(tmp_path):
    project = tmp_path / "mini"
    shutil.copytree(FIXTURE, project)
    (project / "build").write_text("notes, not a site")
    result = build_site(project, project / "build")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f"{project / 'build'} is not a folder, so the site cannot be published" in result.stderr
    assert (project / "build").read_text() == "notes, not a site" and leftovers(project) == []
