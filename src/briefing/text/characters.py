"""Characters as the engine reads and names them: text is taken in Unicode's NFC form, control
characters are refused wherever text is read, and a message names a character by its code
point when its look alone would not tell it from another."""

from __future__ import annotations

import re
import unicodedata

# Unicode's control characters (Cc) but tab and the line breaks (LF, CR).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_CONTROL_NAMES = {
    0x00: "NULL", 0x07: "BELL", 0x08: "BACKSPACE", 0x0B: "LINE TABULATION",
    0x0C: "FORM FEED", 0x1B: "ESCAPE", 0x7F: "DELETE",
}  # fmt: skip


def composed(text: str) -> str:
    """Text in NFC: an accent typed as a letter and a combining mark reads as the one letter,
    so a passage and its source agree however each was typed. ASCII is NFC already."""
    return text if text.isascii() else unicodedata.normalize("NFC", text)


def ascii_folded(text: str) -> str:
    """Text with its accents dropped and any other non-ASCII letter left out, for ids and for
    comparing names: 'Élysée' → 'Elysee'."""
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")


def without_accents(text: str) -> str:
    """Text with its accents dropped and every letter kept, as someone types a name on a
    keyboard without them: 'Davutoğlu' → 'Davutoglu', 'Łukasz' as it is."""
    decomposed = unicodedata.normalize("NFD", text)
    return unicodedata.normalize(
        "NFC", "".join(c for c in decomposed if not unicodedata.combining(c))
    )


def control_character(text: str) -> tuple[int, str] | None:
    """The offset of the first control character in `text` and what to say of it, or None."""
    if text.isprintable():  # the fast answer for most values: nothing to look for
        return None
    found = _CONTROL.search(text)
    if found is None:
        return None
    char = found.group()
    message = (
        f"control character {describe(char)}: text may hold tab and line breaks but no other "
        "control character; remove it"
    )
    if 0x80 <= ord(char) <= 0x9F:  # C1 controls are most often Windows-1252 read as Latin-1
        meant = bytes([ord(char)]).decode("cp1252", "replace")
        if meant != "\ufffd":
            message += f" (it most likely stands for '{meant}', mis-converted from Windows-1252)"
    return found.start(), message


def describe(char: str) -> str:
    """'а' (U+0430 CYRILLIC SMALL LETTER A); an invisible character by code point alone."""
    code = ord(char)
    name = unicodedata.name(char, "") or _CONTROL_NAMES.get(code, "a control character")
    visible = char.isprintable() and not char.isspace()
    return f"{f'{char!r} ' if visible else ''}(U+{code:04X} {name})"


def line_and_column(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of a character offset."""
    line_start = text.rfind("\n", 0, offset) + 1
    return text.count("\n", 0, offset) + 1, offset - line_start + 1
