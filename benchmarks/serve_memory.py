"""Print a served site's memory after each rebuild, as `mkdocs serve` rebuilds it.

Each rebuild follows an edit of the dossier's title, which changes every page and the PDF, and
reloads the configuration as `mkdocs serve` does (the plugin instance is kept). The figure is
the process's peak resident memory after each build: it should level off, not grow with every
edit. The project folder is edited in place and restored at the end.

.venv/bin/python benchmarks/serve_memory.py PROJECT_DIR [REBUILDS]
"""

from __future__ import annotations

import logging
import re
import resource
import sys
import tempfile
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config

# The title's key and opening quote, in block YAML (`title: "…"`) or JSON (`"title": "…"`,
# as `generate.py` writes it).
TITLE = re.compile(r"""^([ \t]*"?title"?:[ \t]*["']?)""", re.MULTILINE)


def served_memory(project: Path, rebuilds: int) -> list[int]:
    """Peak memory in MiB after each of `rebuilds` builds, each after an edit."""
    meta = project / "dossier" / "dossier.yml"
    original = meta.read_text(encoding="utf-8")
    peaks = []
    try:
        with tempfile.TemporaryDirectory(prefix="briefing-served-") as site_dir:
            for number in range(1, rebuilds + 1):
                edited, found = TITLE.subn(rf"\g<1>Edit {number} – ", original, count=1)
                if not found:
                    raise SystemExit(f"no title found to edit in {meta}")
                meta.write_text(edited, encoding="utf-8")
                config = load_config(str(project / "mkdocs.yml"), site_dir=site_dir)
                if number == 1:
                    config.plugins.on_startup(command="serve", dirty=False)
                build(config)
                peaks.append(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)
    finally:
        meta.write_text(original, encoding="utf-8")
    return peaks


def main() -> None:
    logging.getLogger("mkdocs").addHandler(logging.StreamHandler())  # a failed build says why
    project = Path(sys.argv[1])
    rebuilds = int(sys.argv[2]) if len(sys.argv) > 2 else 10
    peaks = served_memory(project, rebuilds)
    print(f"served: peak MiB after each of {rebuilds} rebuilds: {' '.join(map(str, peaks))}")


if __name__ == "__main__":
    main()
