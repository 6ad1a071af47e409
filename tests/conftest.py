"""Shared test helpers: a private copy of the fixture dossier that a test may break."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from briefing.cli import main

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = Path(__file__).resolve().parent / "fixtures" / "mini"


@pytest.fixture
def mini(tmp_path: Path) -> Path:
    """A fresh copy of the fixture project (dossier/ and seeds/); returns its dossier folder."""
    shutil.copytree(FIXTURE, tmp_path / "mini")
    return tmp_path / "mini" / "dossier"


def synthetic(people: int, folder: Path, articles: int = 1, every_kind: bool = False) -> Path:
    """A generated project (`benchmarks/generate.py`): each person cited ten times and part of
    a council of ten, so its relations join `people` + ceil(people / 10) records; the people
    are reported in `articles` sources, in turn; `every_kind` adds the rest (see generate)."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from generate import write

    write(people, folder, articles, every_kind)
    return folder


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def run_check(dossier: Path, capsys) -> tuple[int, str, str]:
    """Run `briefing check` in-process; returns (exit status, stdout, stderr)."""
    status = main(["check", str(dossier)])
    captured = capsys.readouterr()
    return status, captured.out, captured.err
