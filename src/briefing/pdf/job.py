"""Compile the briefing with Typst, in a process of its own so the site can be built meanwhile.

The data reaches Typst as a string input and is only ever placed as Typst strings, so text
from YAML cannot become Typst markup. Only the fonts inside the `typst` wheel are used, and the
timestamp comes from SOURCE_DATE_EPOCH or the dossier's as-of date, so identical input gives
identical bytes.
"""

from __future__ import annotations

import calendar
import hashlib
import os
from importlib.metadata import version
from pathlib import Path
from typing import Any, Literal, NamedTuple

import orjson

from briefing.collector import collector_paused
from briefing.dossier import Dossier
from briefing.pdf.cache import PdfCache
from briefing.pdf.shape import CONTENTS_LIMIT, FOOTNOTE_LIMIT, RECORDS_IN_FULL, pdf_data
from briefing.typesetting import TypstFailed, TypstProcess

Paper = Literal["a4", "us-letter"]
HERE = Path(__file__).parent
TEMPLATE = HERE / "briefing.typ"


def build_pdf(dossier: Dossier, **options: Any) -> bytes:
    """Compile the briefing PDF and return its bytes (options as for `start_pdf`)."""
    return start_pdf(dossier, **options).result()


def start_pdf(
    dossier: Dossier,
    *,
    paper: Paper = "a4",
    timestamp: int | None = None,
    footnote_limit: int = FOOTNOTE_LIMIT,
    contents_limit: int = CONTENTS_LIMIT,
    records_in_full: int = RECORDS_IN_FULL,
    site_url: str = "",
    use_directory_urls: bool = True,
    reuse: PdfJob | None = None,
    cache: PdfCache | None = None,
) -> PdfJob:
    """Shape the briefing's data and start Typst on it; the job's `result()` is the PDF.

    `reuse`, a job whose PDF was made, is returned as it is when it was made from the same
    input: a served site's rebuild after an edit the PDF does not show (a hand-written page,
    the theme) then skips Typst, its seconds and its memory. `cache` does the same across
    processes: a PDF an earlier build made from the same input is read back from it, and a
    PDF made now is kept in it.
    """
    with collector_paused():  # a few hundred thousand new values beside the whole dossier
        shaped = pdf_data(dossier, footnote_limit, contents_limit, records_in_full, site_url,
                          use_directory_urls)  # fmt: skip
        data = orjson.dumps(shaped)
    if timestamp is None:
        timestamp = build_timestamp(dossier)
    made_from = _typst_input(data, paper, timestamp)
    if reuse is not None and reuse.made_from == made_from:
        return reuse
    if cache is not None:
        kept = cache.get(made_from.digest())
        if kept is not None:
            return KeptPdf(made_from, kept)
    return PdfJob(data, paper=paper, timestamp=timestamp, cache=cache)


class TypstInput(NamedTuple):
    """Everything Typst makes the PDF from: it reads no file but the template, and no fonts
    but the wheel's, so the same input gives the same bytes."""

    template: Path
    template_text: bytes
    paper: Paper
    timestamp: int
    data: bytes

    def digest(self) -> str:
        """A name for exactly this input, and for the Typst that compiles it (another
        release may lay the same input out differently)."""
        digest = hashlib.sha256()
        parts = [version("typst").encode(), self.template_text, self.paper.encode(),
                 str(self.timestamp).encode(), self.data]  # fmt: skip
        for part in parts:  # each part's length first, so no two inputs run together alike
            digest.update(len(part).to_bytes(8, "big") + part)
        return digest.hexdigest()


def _typst_input(data: bytes, paper: Paper, timestamp: int) -> TypstInput:
    return TypstInput(TEMPLATE, TEMPLATE.read_bytes(), paper, timestamp, data)


class PdfFailed(Exception):
    """Typst could not make the PDF; the message is Typst's own."""


# What to do when Typst's process ran out of memory.
OUT_OF_MEMORY = (
    "Typst needs about 1.2 MB a page while it compiles (1.2 GiB for a briefing of 1,000 "
    "pages). Give it more memory, or leave the PDF out with `pdf: false` under the briefing "
    "plugin in mkdocs.yml."
)


class PdfJob:
    """Typst compiling the briefing in a process of its own while the caller goes on."""

    def __init__(self, data: bytes, *, paper: Paper, timestamp: int, cache: PdfCache | None = None):
        self.made_from = _typst_input(data, paper, timestamp)
        self._cache = cache  # where the PDF is kept once it is made
        self.typst = TypstProcess(self.made_from.template, data, input_name="data",
                                  making="the PDF", inputs={"paper": paper},
                                  out_of_memory=OUT_OF_MEMORY, timestamp=timestamp,
                                  pdf_tags=True)  # fmt: skip

    def result(self) -> bytes:
        """Wait for the PDF; raise PdfFailed with Typst's message if there is none."""
        try:
            (pdf,) = self.typst.documents()
        except TypstFailed as error:
            raise PdfFailed(str(error)) from None
        if self._cache is not None:
            self._cache.put(self.made_from.digest(), pdf)
            self._cache = None  # kept once
        return pdf

    def stop(self) -> None:
        """End the compile now (the build it was for has failed) and release its process."""
        self.typst.stop()


class KeptPdf(PdfJob):
    """A PDF an earlier build made from the same input, read back from the cache: there is
    no process to wait for or to stop."""

    def __init__(self, made_from: TypstInput, pdf: bytes):
        self.made_from = made_from
        self._pdf = pdf

    def result(self) -> bytes:
        return self._pdf

    def stop(self) -> None:
        pass


def build_timestamp(dossier: Dossier) -> int:
    """SOURCE_DATE_EPOCH when set, else midnight UTC of the dossier's as-of date — never now."""
    if os.environ.get("SOURCE_DATE_EPOCH", "").isdigit():
        return int(os.environ["SOURCE_DATE_EPOCH"])
    as_of = dossier.meta.as_of.date
    day = as_of.latest or as_of.earliest
    assert day is not None  # a date has at least one end
    return calendar.timegm(day.timetuple())
