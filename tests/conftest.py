"""Fixtures shared by the tests; the helpers they use are in `support`."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from support import FIXTURE


@pytest.fixture
def mini(tmp_path: Path) -> Path:
    """A fresh copy of the fixture project (dossier/ and seeds/); returns its dossier folder."""
    shutil.copytree(FIXTURE, tmp_path / "mini")
    return tmp_path / "mini" / "dossier"
