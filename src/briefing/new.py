"""`briefing new DIR`: a new briefing project, ready to build, with an example dossier.

The project is copied from `starter/`: mkdocs.yml, a Makefile whose `make site` and `make test`
set everything up, a README, the Pages workflow, tests of the dossier, an empty docs/, and a
dossier with one example record of each kind made from an example report in seeds/. Its
requirements.txt pins the versions of the engine's dependencies installed here, and names the
engine as it is installed here (a folder, or a release).
"""

from __future__ import annotations

import json
import shlex
from importlib import metadata, resources
from importlib.resources.abc import Traversable
from pathlib import Path
from urllib.parse import urlparse
from urllib.request import url2pathname

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from briefing.model.schema import write_schemas

TITLE = "__TITLE__"  # in the starter's files, replaced by the project's title
# Kept unhidden in the package. docs/ starts with no page of its own, but git keeps no empty
# folder and MkDocs stops without its docs_dir: .gitkeep keeps it in a committed project.
_RENAMED = {"gitignore": ".gitignore", "github": ".github", "gitkeep": ".gitkeep"}


class ProjectExists(Exception):
    """The folder is there and holds files: a new project never overwrites anything."""


def new_project(target: Path, title: str) -> list[Path]:
    """Write a new project into `target` (missing or empty); the files written."""
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise ProjectExists(f"{target} exists and is not an empty folder")
    written = _copy(resources.files("briefing") / "starter", target, title)
    requirements = target / "requirements.txt"
    requirements.write_text(_requirements(), encoding="utf-8")
    written.append(requirements)
    written += write_schemas(target / "dossier")
    return written


def _copy(folder: Traversable, target: Path, title: str) -> list[Path]:
    written = []
    target.mkdir(parents=True, exist_ok=True)
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name == "__pycache__":
            continue
        path = target / _RENAMED.get(entry.name, entry.name)
        if entry.is_dir():
            written += _copy(entry, path, title)
        else:
            # In YAML the title goes quoted, so that a colon or a quote mark in it stays text.
            quoted = json.dumps(title, ensure_ascii=False) if path.suffix == ".yml" else title
            path.write_text(entry.read_text("utf-8").replace(TITLE, quoted), encoding="utf-8")
            written.append(path)
    return written


def _requirements() -> str:
    """The engine as installed here, and its dependencies pinned at the versions installed."""
    engine = metadata.distribution("briefing")
    pins = sorted(_installed_closure(engine))
    lines = [
        "# The briefing engine and what it needs, as installed where this project was made.",
        _engine_line(engine),
        *(f"{name}=={version}" for name, version in pins),
    ]
    return "\n".join(lines) + "\n"


def _engine_line(engine: metadata.Distribution) -> str:
    """A folder installed editable stays editable: installing it otherwise builds the engine
    inside that folder's build/, which is where its own site is published."""
    direct = json.loads(engine.read_text("direct_url.json") or "{}")
    url = direct.get("url", "")
    if not url.startswith("file://"):
        return f"briefing=={engine.version}"
    if direct.get("dir_info", {}).get("editable"):
        return f"-e {shlex.quote(url2pathname(urlparse(url).path))}"
    return f"briefing @ {url}"


def _installed_closure(root: metadata.Distribution) -> set[tuple[str, str]]:
    """(name, version) of every distribution `root` needs, run time only, as installed."""
    found: dict[str, str] = {}
    pending = [root]
    while pending:
        for line in pending.pop().requires or []:
            requirement = Requirement(line)
            if requirement.marker is not None and not requirement.marker.evaluate({"extra": ""}):
                continue
            name = canonicalize_name(requirement.name)
            if name in found:
                continue
            try:
                dependency = metadata.distribution(requirement.name)
            except metadata.PackageNotFoundError:
                continue  # not needed on this platform
            found[name] = dependency.version
            pending.append(dependency)
    return set(found.items())
