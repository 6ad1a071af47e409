"""The sources' texts: each source record names a seed file in the seeds folder, read here,
and, where it keeps one, the web page the text was saved from (checked against its SHA-256)."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from pathlib import Path

from briefing.load.files import LoadedDossier, LoadedFile, Seed, display_path
from briefing.model import Source
from briefing.problems import Problems, did_you_mean
from briefing.text.characters import composed, control_character, line_and_column
from briefing.text.webpage import page_metadata

DEFAULT_SEEDS = "../seeds"


def read_seeds(loaded: LoadedDossier, problems: Problems) -> dict[str, Seed]:
    """Source id -> its seed's text in NFC, for every source whose seed can be read as UTF-8
    and holds no control character (but tab and line breaks)."""
    meta = loaded.meta_file.records[0] if loaded.meta_file else None
    folder = (loaded.root / (meta.seeds if meta else DEFAULT_SEEDS)).resolve()
    seeds: dict[str, Seed] = {}
    for file in loaded.of_kind("source"):
        source: Source = file.records[0]
        if source.id in seeds:
            continue
        seed_name = source.seed
        where = file.where(("seed",))
        if Path(seed_name).name != seed_name or seed_name in (".", ".."):
            problems.error(
                file.shown_as,
                f"seed '{seed_name}' must be a plain file name inside the seeds folder",
                **where,
            )
            continue
        path = folder / seed_name
        if not path.is_file():
            existing = [p.name for p in folder.iterdir()] if folder.is_dir() else []
            problems.error(
                file.shown_as,
                f"seed file '{seed_name}' not found in {display_path(folder, loaded.root)}"
                + did_you_mean(seed_name, existing),
                **where,
            )
            continue
        shown = display_path(path, loaded.root)
        try:
            raw = path.read_bytes()
        except OSError as error:
            problems.error(
                file.shown_as, f"seed file {shown} cannot be read: {error.strerror}", **where
            )
            continue
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            line = raw.count(b"\n", 0, error.start) + 1
            problems.error(
                file.shown_as,
                f"seed file '{seed_name}' is not UTF-8 text: byte 0x{raw[error.start]:02x} on "
                f"line {line} of {shown} cannot be read; save it as UTF-8",
                **where,
            )
            continue
        found = control_character(text)
        if found is not None:
            line, column = line_and_column(text, found[0])
            problems.error(shown, found[1], line=line, column=column)
            continue
        seed = Seed(composed(text), shown)
        if source.page is not None:
            seed = _with_page(seed, source, folder, file, loaded.root, problems)
        seeds[source.id] = seed
    return seeds


def _with_page(
    seed: Seed, source: Source, folder: Path, file: LoadedFile, root: Path, problems: Problems
) -> Seed:
    """The seed with its saved page's metadata, if the page is there, unchanged."""
    assert source.page is not None
    path = folder / source.page.file
    where = file.where(("page", "file"))
    if Path(source.page.file).name != source.page.file or not path.is_file():
        problems.error(
            file.shown_as,
            f"saved page '{source.page.file}' not found in {display_path(folder, root)}; keep "
            "the page the text was taken from beside the seed",
            **where,
        )
        return seed
    raw = path.read_bytes()
    digest = hashlib.sha256(raw).hexdigest()
    if digest != source.page.sha256:
        problems.error(
            file.shown_as,
            f"saved page '{source.page.file}' is not the page this source was made from: its "
            f"SHA-256 is {digest}; restore the original, or add the new page as a new source",
            **file.where(("page", "sha256")),
        )
        return seed
    metadata = page_metadata(raw.decode("utf-8", "replace"))
    return replace(seed, page=metadata, page_shown_as=display_path(path, root))
