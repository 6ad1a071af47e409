"""Publishing a build: `mkdocs build` writes into a staging folder that replaces the output
folder only when the whole build succeeded, so a failed build leaves the previous site as it
was."""

from __future__ import annotations

import shutil
from pathlib import Path


def staging_folder(site_dir: str) -> Path:
    """The folder a build writes into before it is published, emptied of any earlier build."""
    staging = Path(f"{site_dir.rstrip('/')}.staging")
    shutil.rmtree(staging, ignore_errors=True)
    return staging


def publish(staging: Path, final: Path) -> None:
    """Swap the finished staging folder in for the old output folder."""
    old = final.with_name(final.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if final.exists():
        final.rename(old)
    staging.rename(final)
    shutil.rmtree(old, ignore_errors=True)


def discard(staging: Path) -> None:
    """Remove what a failed build wrote."""
    shutil.rmtree(staging, ignore_errors=True)
