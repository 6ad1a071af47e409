"""`mkdocs build`, killed with SIGKILL at one step of publishing, as a crash would end it.

    python killed_build.py STEP PROJECT

STEP is where the build dies:
  staged      the whole site is in the staging folder, nothing published yet
  exchanged   the folders have traded places; the last site is not yet removed
  removing    half-way through removing the last site
  moved       (two renames) the output folder moved aside, the new one not yet in place
  renamed     (two renames) the new site in place, the last one not yet removed
"""

from __future__ import annotations

import os
import shutil
import signal
import sys
from pathlib import Path

import briefing.mkdocs.publish as publish


def die() -> None:
    os.kill(os.getpid(), signal.SIGKILL)


def main(step: str, project: str) -> None:
    real_exchange, real_rename, real_rmtree = publish._exchange, Path.rename, shutil.rmtree

    def exchange(first: Path, second: Path) -> bool:
        if step == "staged":
            die()
        if step in ("moved", "renamed"):
            return False  # as where the system cannot exchange two folders
        done = real_exchange(first, second)
        if step == "exchanged":
            die()
        return done

    def rename(self: Path, target: str | Path) -> Path:
        moved = real_rename(self, target)
        if (step, Path(target).suffix) in (("moved", ".old"), ("renamed", "")):
            die()
        return moved

    def rmtree(path: str | Path, *args: object, **kwargs: object) -> None:
        if step == "removing":
            files = sorted(p for p in Path(path).rglob("*") if p.is_file())
            for file in files[: len(files) // 2]:
                file.unlink()
            die()
        real_rmtree(path)

    publish._exchange = exchange  # type: ignore[assignment]
    Path.rename = rename  # type: ignore[assignment, method-assign]
    publish.shutil.rmtree = rmtree  # type: ignore[assignment]
    from mkdocs.__main__ import cli

    os.chdir(project)
    cli(["build", "-q"])


if __name__ == "__main__":
    main(*sys.argv[1:])
