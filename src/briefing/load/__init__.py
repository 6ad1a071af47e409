"""Load: the dossier folder's YAML files become validated model objects, and the seeds' texts
are read. Nothing after this step reads a file."""

from __future__ import annotations

from pathlib import Path

from briefing.load.files import LoadedDossier, LoadedFile, Seed, display_path, read_files
from briefing.load.seeds import read_seeds
from briefing.problems import Problems

__all__ = ["LoadedDossier", "LoadedFile", "Seed", "display_path", "load_dossier"]


def load_dossier(root: Path, problems: Problems) -> LoadedDossier:
    """Read and validate every file of the dossier and its seeds; report problems, keep what
    is valid."""
    loaded = read_files(root, problems)
    loaded.seeds = read_seeds(loaded, problems)
    return loaded
