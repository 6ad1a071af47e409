"""The site opened from a folder (file://), with no server: what search needs there.

Material's search reads its index with a request a page opened from disk may not make, and
runs in a Web Worker such a page may not start. As Material's `offline` plugin does, the index
is also written as a script, which Material loads from disk, and the iframe-worker shim stands
in for the worker; here the shim is served from the site itself, never from another host. The
links are made to work from disk in `briefing.js`.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

WORKER_SHIM = "assets/briefing/iframe-worker.js"
SHIM_FILES = ["iframe-worker.js", "iframe-worker.LICENSE"]  # in briefing/site/assets/


def serve_worker_shim(config: MkDocsConfig) -> None:
    """Load the site's own copy of the worker shim first in every page, in place of any other
    (Material's `offline` plugin adds one from another host)."""
    polyfills = [str(script) for script in config.extra.get("polyfills", [])]
    kept = [script for script in polyfills if "iframe-worker" not in script]
    config.extra["polyfills"] = [WORKER_SHIM, *kept]


def write_search_index_script(site_dir: Path) -> None:
    """search/search_index.js beside the index Material's search plugin wrote, as Material's
    `offline` plugin writes it: what Material's search loads from a page opened from disk."""
    index = site_dir / "search" / "search_index.json"
    if index.is_file():
        script = b"var __index = " + index.read_bytes()
        (site_dir / "search" / "search_index.js").write_bytes(script)
