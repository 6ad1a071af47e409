"""Intake: `briefing add-source FILE` turns a saved web page (or a text file) into a source of
the dossier — its text as a seed, the page kept beside it with its SHA-256, and a source record
whose every field says where it was found, marked as a draft for the editor to confirm."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from briefing.intake.extract import (
    NoArticle,
    Paragraph,
    paragraphs_from_html,
    paragraphs_from_text,
    seed_text,
)
from briefing.intake.metadata import PageReading, read_page
from briefing.load import load_dossier
from briefing.load.seeds import DEFAULT_SEEDS
from briefing.model import Source
from briefing.model.ids import free_id, id_words, is_id, slug
from briefing.model.kinds import BY_NOUN, META_FILE
from briefing.model.schema import schema_line
from briefing.problems import Problems
from briefing.text.webpage import page_metadata
from briefing.yamlwrite import comment_before, styled, write

__all__ = ["IntakeRefused", "Intake", "add_source"]

_DATELINE = re.compile(
    r"^(?P<name>(?P<place>[A-ZÀ-Ý][A-ZÀ-Ý.'\- ]{1,40}?)(?:, [A-Z][a-z.]+)?"
    r"(?: \((?P<agency>[A-Za-z]{2,8})\))?) ?[—–]+ "
)
_MARK_OPENING = 8  # words of a marked paragraph written into the record


class IntakeRefused(Exception):
    """Why a file cannot be added, in words for the editor."""


@dataclass
class Intake:
    """What `add-source` wrote and what the editor should check."""

    source_id: str
    record: Path
    seed: Path
    page: Path | None
    paragraphs: int
    marked: list[Paragraph] = field(default_factory=list)
    flags: dict[str, str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)


def add_source(file: Path, dossier: Path, source_id: str | None = None) -> Intake:
    """Add a saved page or a text file to the dossier as a new source (a draft)."""
    if not (dossier / META_FILE).is_file():
        raise IntakeRefused(f"no dossier at '{dossier}': it needs a {META_FILE}")
    if not file.is_file():
        raise IntakeRefused(f"no file at '{file}'")
    raw = file.read_bytes()
    kind = _kind_of(file, raw)
    text = raw.decode("utf-8-sig", "replace")
    loaded = load_dossier(dossier, Problems())
    meta = loaded.meta_file.records[0] if loaded.meta_file else None
    seeds = (dossier / (meta.seeds if meta else DEFAULT_SEEDS)).resolve()
    existing = _existing_sources(loaded.records("source"), dossier)
    digest = hashlib.sha256(raw).hexdigest()
    for source in loaded.records("source"):
        if source.page is not None and source.page.sha256 == digest:
            raise IntakeRefused(f"this page is already the source '{source.id}'")

    reading = PageReading()
    try:
        if kind == "html":
            metadata = page_metadata(text)
            reading = read_page(metadata, "")
            paragraphs = paragraphs_from_html(text, reading.title)
            reading = read_page(metadata, seed_text(paragraphs))
        else:
            paragraphs = paragraphs_from_text(text)
            reading = read_page({}, seed_text(paragraphs))
    except NoArticle as exc:
        raise IntakeRefused(f"{file.name}: {exc}") from None
    seed = seed_text(paragraphs)
    title = reading.title or paragraphs[0].text[:100]

    chosen = source_id or _id_from(title, file)
    if source_id is None:
        chosen = free_id(chosen, existing)
    _check_id(chosen, existing, given=source_id is not None)
    seed_path = seeds / f"{chosen}.txt"
    page_path = seeds / f"{chosen}.html" if kind == "html" else None
    _refuse_overwrite(seed_path, seed.encode("utf-8"))
    if page_path is not None:
        _refuse_overwrite(page_path, raw)

    record = _record(chosen, title, reading, paragraphs, seed, page_path, digest)
    if "date" not in reading.fields:
        raise IntakeRefused(
            f"{file.name}: found no date for the source, in the page's metadata or in the "
            "text; a source needs its date cited (add a dated text, or write the record by hand)"
        )
    record_path = dossier / BY_NOUN["source"].folder / f"{chosen}.yml"
    seeds.mkdir(parents=True, exist_ok=True)
    seed_path.write_text(seed, encoding="utf-8")
    if page_path is not None:
        page_path.write_bytes(raw)
    header = (
        f"{schema_line(BY_NOUN['source'].folder)}\n"
        f"Read from {file.name} by `briefing add-source`: check each field against the page "
        "(and\nany marked '# check:'), then remove 'draft: true'."
    )
    header += "".join(f"\nNot found: {note}." for note in reading.notes)
    write(record_path, record, header)
    return Intake(
        chosen,
        record_path,
        seed_path,
        page_path,
        len(paragraphs),
        [p for p in paragraphs if p.mark],
        reading.flags,
        reading.notes,
    )


def _kind_of(file: Path, raw: bytes) -> str:
    """ "html" or "text", by the file's name and its first bytes; anything else is refused."""
    head = raw[:2048].lstrip().lower()
    if b"\x00" in raw[:4096]:
        raise IntakeRefused(f"{file.name} is not a web page or a text file (it holds binary data)")
    try:
        raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise IntakeRefused(f"{file.name} is not UTF-8 text or HTML") from None
    if file.suffix.lower() in (".html", ".htm", ".xhtml") or head.startswith(
        (b"<!doctype html", b"<html")
    ):
        return "html"
    if file.suffix.lower() in (".txt", ".text", ".md", ""):
        return "text"
    raise IntakeRefused(
        f"{file.name}: add-source takes a saved web page (.html) or a plain text file (.txt)"
    )


def _existing_sources(sources: list[Source], dossier: Path) -> set[str]:
    folder = dossier / BY_NOUN["source"].folder
    stems = {path.stem for path in folder.glob("*.yml")} if folder.is_dir() else set()
    return stems | {source.id for source in sources}


_ARTICLES = {"a", "an", "the", "le", "la", "les", "un", "une"}


def _id_from(title: str, file: Path) -> str:
    words = [w for w in id_words(title) if w not in _ARTICLES]
    return slug(" ".join(words[:4])) or slug(file.stem) or "source"


def _check_id(source_id: str, existing: set[str], *, given: bool) -> None:
    if not is_id(source_id):
        raise IntakeRefused(
            f"'{source_id}' cannot be a source id: use lowercase letters, digits and single "
            "hyphens, e.g. 'bbc-obama-guns'"
        )
    if source_id in existing:
        raise IntakeRefused(
            f"source id '{source_id}' is already used (sources/{source_id}.yml); choose "
            "another with --id"
        )


def _refuse_overwrite(path: Path, content: bytes) -> None:
    if path.exists() and path.read_bytes() != content:
        raise IntakeRefused(
            f"{path.name} already exists in the seeds folder with a different text; a seed is "
            "kept as it was published: choose another id with --id"
        )


def _record(
    source_id: str,
    title: str,
    reading: PageReading,
    paragraphs: list[Paragraph],
    seed: str,
    page: Path | None,
    digest: str,
) -> Any:
    def cite(passage: str) -> dict[str, str]:
        """Naming the source: a bare passage would stop working once a second is added."""
        return {"source": source_id, "exact": passage}

    data: dict[str, Any] = {"id": source_id, "seed": f"{source_id}.txt", "title": title}
    if reading.language:
        data["language"] = reading.language
    if page is not None:
        data["page"] = {"file": page.name, "sha256": digest}
    for name in ("url", "authors", "publisher", "agency"):
        if name in reading.fields:
            data[name] = reading.fields[name]
    # The story's first paragraph, after any photo caption or byline above it.
    opening = next((p.text for p in paragraphs if not p.mark), "")
    dateline = _DATELINE.match(opening)
    if dateline and seed.count(dateline["name"]) == 1:
        if dateline["agency"] and "agency" not in data:  # the page's own field first
            data["agency"] = {"name": dateline["agency"], "cite": cite(dateline["name"])}
        data["dateline"] = {"name": dateline["name"], "cite": cite(dateline["name"])}
    if "date" in reading.fields:
        data["date"] = dict(reading.fields["date"])
        if "cite" in data["date"]:
            data["date"]["cite"] = cite(data["date"]["cite"])
    marked = [
        {"text": " ".join(p.text.split()[:_MARK_OPENING]), "as": p.mark}
        for p in paragraphs
        if p.mark
    ]
    if marked:
        data["marked"] = marked
    data["draft"] = True
    record = styled(data)
    for name, why in reading.flags.items():
        if name in record:
            comment_before(record, name, f"check: {why}")
    return record
