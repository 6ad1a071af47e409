"""Finding a cited passage in a source text, and nothing looser than that.

Matching forgives exactly two things: differences in whitespace and line wrapping, and straight
versus curly quotes. Everything else — case, punctuation, dashes, a changed word — must agree.
Matches are reported as character offsets into the original text.
"""

from __future__ import annotations

import bisect
import difflib
from dataclasses import dataclass

_QUOTE_MAP = str.maketrans(
    {"\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'",
     "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"'}
)  # fmt: skip


@dataclass(frozen=True)
class Normalised:
    """Text with whitespace runs folded to one space and quotes straightened.

    `origin[i]` is the offset in the original text of character `i` of `text`.
    """

    text: str
    origin: list[int]


def normalise(text: str) -> Normalised:
    chars: list[str] = []
    origin: list[int] = []
    pending_space: int | None = None
    for index, char in enumerate(text.translate(_QUOTE_MAP)):
        if char.isspace():
            if pending_space is None:
                pending_space = index
            continue
        if pending_space is not None and chars:
            chars.append(" ")
            origin.append(pending_space)
        pending_space = None
        chars.append(char)
        origin.append(index)
    return Normalised("".join(chars), origin)


def fold(text: str) -> str:
    """The normalised form alone, for comparing two snippets."""
    return normalise(text).text


class SourceText:
    """A source document prepared for repeated passage look-ups."""

    def __init__(self, text: str):
        self.text = text
        self._normalised = normalise(text)
        self._line_starts = [0] + [i + 1 for i, c in enumerate(text) if c == "\n"]

    def find(
        self, exact: str, prefix: str | None = None, suffix: str | None = None
    ) -> list[tuple[int, int]]:
        """Every (start, end) in the original text where the passage occurs.

        With a prefix and/or suffix, only occurrences with that text right before/after count.
        """
        needle = fold(exact)
        if not needle:
            return []
        haystack = self._normalised.text
        want_before = fold(prefix) if prefix else ""
        want_after = fold(suffix) if suffix else ""
        spans = []
        at = haystack.find(needle)
        while at != -1:
            end = at + len(needle)
            if haystack[:at].rstrip().endswith(want_before) and haystack[end:].lstrip().startswith(
                want_after
            ):
                origin = self._normalised.origin
                spans.append((origin[at], origin[end - 1] + 1))
            at = haystack.find(needle, at + 1)
        return spans

    def line_of(self, offset: int) -> int:
        """1-based line number of a character offset."""
        return bisect.bisect_right(self._line_starts, offset)

    def suggest(self, exact: str, sentences: list[str]) -> str | None:
        """The stretch of a source sentence most like a passage that was not found.

        Used for "did you mean" hints: a typo or a changed word in a citation shows the editor
        the source's real words.
        """
        target = fold(exact)
        best, best_score, best_blocks = "", 0, []
        for sentence in sentences:
            folded = fold(sentence)
            matcher = difflib.SequenceMatcher(None, target, folded, autojunk=False)
            blocks = [b for b in matcher.get_matching_blocks() if b.size >= 3]
            score = sum(b.size for b in blocks)
            if score > best_score:
                best, best_score, best_blocks = folded, score, blocks
        if not best_blocks or best_score < 0.6 * len(target):
            return None
        start = best_blocks[0].b
        end = best_blocks[-1].b + best_blocks[-1].size
        while start > 0 and best[start - 1] != " ":
            start -= 1
        while end < len(best) and best[end] != " ":
            end += 1
        return best[start:end]
