"""Render the PDF: the verified dossier shaped as JSON (`shape`) and laid out by Typst with the
template `briefing.typ`, in a process of its own (`job`), kept between builds
(`cache`)."""

from briefing.pdf.cache import PdfCache
from briefing.pdf.job import (
    KeptPdf,
    Paper,
    PdfFailed,
    PdfJob,
    TypstInput,
    build_pdf,
    build_timestamp,
    start_pdf,
)
from briefing.pdf.shape import RECORDS_IN_FULL, pdf_data

__all__ = [
    "RECORDS_IN_FULL", "KeptPdf", "Paper", "PdfCache", "PdfFailed", "PdfJob", "TypstInput",
    "build_pdf", "build_timestamp", "pdf_data", "start_pdf",
]  # fmt: skip
