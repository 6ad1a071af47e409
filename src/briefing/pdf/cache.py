"""PDFs kept between builds, by a digest of exactly what Typst was given, in a folder outside
the site (the plugin's is `.cache/briefing/pdf/` beside mkdocs.yml): a build in a new process
whose input is an earlier build's takes that PDF instead of compiling it again.

Each entry is written whole to a temporary file and then renamed, and holds a checksum of the
PDF: an entry cut short or damaged is never used, and is removed. It is only a cache: when it
cannot be read or written, the PDF is compiled as without it.
"""

from __future__ import annotations

import hashlib
import os
from contextlib import suppress
from pathlib import Path

LIMIT = 256 * 2**20  # bytes; past it the entries used longest ago go first
_CHECKSUM = hashlib.sha256().digest_size


class PdfCache:
    def __init__(self, folder: Path, limit: int = LIMIT):
        self.folder = folder
        self.limit = limit

    def get(self, digest: str) -> bytes | None:
        """The PDF kept under a digest, or None when there is none or it is not whole."""
        entry = self.folder / f"{digest}.pdf"
        try:
            stored = entry.read_bytes()
        except OSError:
            return None
        checksum, pdf = stored[:_CHECKSUM], stored[_CHECKSUM:]
        if hashlib.sha256(pdf).digest() != checksum:  # cut short or damaged
            with suppress(OSError):
                entry.unlink()
            return None
        with suppress(OSError):
            os.utime(entry)  # used now: the last to go when the folder is trimmed
        return pdf

    def put(self, digest: str, pdf: bytes) -> None:
        """Keep a PDF under its input's digest, then trim the folder to its limit."""
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            ignore = self.folder / ".gitignore"  # never committed, in whatever repository
            if not ignore.exists():
                ignore.write_text("*\n", encoding="utf-8")
            part = self.folder / f"{digest}.{os.getpid()}.part"
            try:  # written whole, then renamed: no build ever reads half an entry
                part.write_bytes(hashlib.sha256(pdf).digest() + pdf)
                os.replace(part, self.folder / f"{digest}.pdf")
            finally:
                part.unlink(missing_ok=True)
            self._trim()
        except OSError:
            pass  # a cache that cannot be written costs the next build its compile, no more

    def _trim(self) -> None:
        """Remove the entries used longest ago (and any a killed build left half-written)
        until the rest fit in the limit."""
        entries = sorted(
            ((path.stat(), path) for path in self.folder.iterdir() if path.name != ".gitignore"),
            key=lambda found: found[0].st_mtime,
            reverse=True,
        )
        kept = 0
        for stat, path in entries:
            kept += stat.st_size
            if kept > self.limit:
                path.unlink(missing_ok=True)
