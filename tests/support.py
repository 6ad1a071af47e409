"""What tests share: the project's paths, a fixture project to copy, and small steps tests take
on a project (editing a file, generating a large dossier, running `briefing check`)."""

from __future__ import annotations

from pathlib import Path

from briefing.cli import main

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = Path(__file__).resolve().parent / "fixtures" / "mini"
SEVERAL = Path(__file__).resolve().parent / "fixtures" / "several"  # three sources, two views


def synthetic(people: int, folder: Path, articles: int = 1, every_kind: bool = False) -> Path:
    """A generated project (`benchmarks/generate.py`): each person cited ten times and part of
    a council of ten, so its relations join `people` + ceil(people / 10) records; the people
    are reported in `articles` sources, in turn; `every_kind` adds the rest (see generate)."""
    from generate import write  # benchmarks/ is on the tests' path (pyproject.toml)

    write(people, folder, articles, every_kind)
    return folder


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def run_check(dossier: Path, capsys) -> tuple[int, str, str]:  # type: ignore[no-untyped-def]
    """Run `briefing check` in-process; returns (exit status, stdout, stderr)."""
    status = main(["check", str(dossier)])
    captured = capsys.readouterr()
    return status, captured.out, captured.err
