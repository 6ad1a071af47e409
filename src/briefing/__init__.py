"""briefing: compile a source-cited fact base (YAML) into a briefing dossier (site and PDF)."""

from __future__ import annotations

from pathlib import Path

from briefing.collector import collector_paused
from briefing.dossier import Dossier
from briefing.load import load_dossier
from briefing.problems import DossierInvalid, Problems
from briefing.verify import verify

__all__ = ["Dossier", "DossierInvalid", "Problems", "check_dossier", "build_dossier"]


def check_dossier(root: Path) -> tuple[Dossier | None, Problems]:
    """Load, validate and verify a dossier folder; the Dossier is None when errors were found."""
    problems = Problems()
    with collector_paused():
        loaded = load_dossier(Path(root), problems)
        dossier = verify(loaded, problems)
    return dossier, problems


def build_dossier(root: Path) -> Dossier:
    """Like check_dossier, but raise DossierInvalid (carrying every problem) on errors."""
    dossier, problems = check_dossier(root)
    if dossier is None:
        raise DossierInvalid(problems)
    return dossier
