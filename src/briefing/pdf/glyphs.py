"""The characters the PDF can print: those some font inside the `typst` wheel has a glyph for
(Typst looks through all its fonts for a character the text's font lacks). Any other character
prints as an empty box, so the build names each such character with the records it is in.

The wheel's fonts cover Latin, Greek and Cyrillic (Kazakh's letters too), in Libertinus Serif,
the text's font. Their code points are listed in `glyphs.txt`, made from the fonts inside the
wheel by `make glyphs` (which needs fontTools, a test dependency); a test fails while the list
and the installed wheel disagree.
"""

from __future__ import annotations

import functools
import importlib.util
import io
import re
import struct
from collections.abc import Iterator
from pathlib import Path

from briefing.dossier import Dossier
from briefing.problems import some_of
from briefing.text.characters import describe

GLYPHS = Path(__file__).with_name("glyphs.txt")


def unprintable(dossier: Dossier, data: bytes) -> list[str]:
    """A warning for each character of the PDF's data (its JSON) that no font can print."""
    if data.isascii():  # every printable ASCII character has its glyph
        return []
    missing = sorted(set(_no_glyph().findall(data.decode("utf-8"))))
    if not missing:
        return []
    holders = list(_records(dossier))
    warnings = []
    for char in missing:
        where = [label for label, text in holders if char in text]
        warnings.append(
            f"no font of the PDF has {describe(char)}, found in {some_of(where) or 'the PDF'}: "
            "the PDF prints an empty box in its place (the site shows it)"
        )
    return warnings


@functools.cache
def _no_glyph() -> re.Pattern[str]:
    """Any one character outside the ranges of `glyphs.txt`."""
    ranges = [line.split("-") for line in GLYPHS.read_text(encoding="ascii").split()]
    return re.compile(
        "[^" + "".join(f"\\U{int(a, 16):08x}-\\U{int(b, 16):08x}" for a, b in ranges) + "]"
    )


def _records(dossier: Dossier) -> Iterator[tuple[str, str]]:
    """Each record as it is named in messages, with its text."""
    yield "dossier.yml", dossier.meta.model_dump_json()
    for noun, records in dossier.profiles.items():
        for record_id, record in records.items():
            yield f"{noun} '{record_id}'", record.model_dump_json()
    for event in dossier.events:
        yield f"event '{event.id}'", event.model_dump_json()
    for quote in dossier.quotes:
        yield f"quote '{quote.id}'", quote.model_dump_json()
    for number, relation in enumerate(dossier.relations, 1):
        yield f"relation {number}", relation.model_dump_json()
    for source_id, document in dossier.sources.items():
        yield f"source '{source_id}'", document.source.model_dump_json() + document.text


# --- making glyphs.txt (`make glyphs`) --------------------------------------------------------


def wheel_code_points() -> set[int]:
    """Every code point some font inside the installed `typst` wheel maps to a glyph.

    The wheel builds its fonts into its library; each is found there by its table directory
    (an OpenType header, then records of tag, checksum, offset and length) and read whole.
    """
    from fontTools.ttLib import TTFont  # type: ignore[import-untyped]  # no type hints

    # Found, not imported: Typst is imported only where it compiles, in a process of its own.
    wheel = importlib.util.find_spec("typst")
    assert wheel is not None and wheel.origin is not None, "the typst wheel is not installed"
    library = next(Path(wheel.origin).parent.glob("_typst*"))
    blob = library.read_bytes()
    found: set[int] = set()
    for signature in (b"OTTO", b"\x00\x01\x00\x00"):
        at = blob.find(signature)
        while at != -1:
            length = _font_length(blob, at)
            if length:
                font = TTFont(io.BytesIO(blob[at : at + length]))
                found.update(font.getBestCmap() or {})
            at = blob.find(signature, at + 1)
    return found


def _font_length(blob: bytes, at: int) -> int:
    """The length of the font whose table directory starts at `at`, or 0 if none does."""
    (tables,) = struct.unpack_from(">H", blob, at + 4)
    if not 4 <= tables <= 64:
        return 0
    end, tags = 0, set()
    for index in range(tables):
        tag, _, offset, length = struct.unpack_from(">4sIII", blob, at + 12 + 16 * index)
        if not all(32 <= byte < 127 for byte in tag):
            return 0
        tags.add(tag)
        end = max(end, offset + length)
    return end if {b"cmap", b"head"} <= tags and at + end <= len(blob) else 0


def as_ranges(code_points: set[int]) -> str:
    """Code points as the lines of `glyphs.txt`: FIRST-LAST in hexadecimal, in order."""
    lines, ordered = [], sorted(code_points)
    start = previous = ordered[0]
    for point in [*ordered[1:], -1]:
        if point != previous + 1:
            lines.append(f"{start:04X}-{previous:04X}")
            start = point
        previous = point
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    GLYPHS.write_text(as_ranges(wheel_code_points()), encoding="ascii")
