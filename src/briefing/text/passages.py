"""Finding a cited passage in a source text, and nothing looser than that.

Matching forgives exactly two things: differences in whitespace and line wrapping, and straight
versus curly quotes. Everything else — case, punctuation, dashes, a changed word — must agree.
Matches are reported as character offsets into the original text. Both texts come in NFC
(`load` reads every text so), so accents typed either way agree.
"""

from __future__ import annotations

import bisect
import difflib
import re
from dataclasses import dataclass
from functools import cached_property
from itertools import accumulate, repeat
from operator import add

from briefing.text.characters import describe

_QUOTE_MAP = str.maketrans(
    {"\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'",
     "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"'}
)  # fmt: skip


_SPACE_RUNS = re.compile(r"\s+")
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Normalised:
    """Text with whitespace runs folded to one space and quotes straightened.

    Word k starts at `starts[k]` in `text` and at `origins[k]` in the original text; inside a
    word (and at the folded space after it) offsets move in step, so one entry per word maps
    every offset back, with a fraction of the memory of one entry per character.
    """

    text: str
    starts: list[int]
    origins: list[int]

    def origin(self, offset: int) -> int:
        """Offset in the original text of character `offset` of `text`.

        A folded space stands for the whitespace run that began right after its word.
        """
        word = bisect.bisect_right(self.starts, offset) - 1
        return self.origins[word] + offset - self.starts[word]


def normalise(text: str) -> Normalised:
    # The words, and the length of each whitespace run: word k + 1 starts where word k and
    # the run after it end, so running sums give every word's offsets without a match object
    # per word (`str.split` and the regex's \s agree on what whitespace is).
    straight = text.translate(_QUOTE_MAP)
    words = straight.split()
    runs = list(map(len, _SPACE_RUNS.findall(straight)))
    lead = runs.pop(0) if straight[:1].isspace() else 0
    origins = list(accumulate(map(add, map(len, words), runs), initial=lead))[: len(words)]
    starts = list(accumulate(map(add, map(len, words), repeat(1)), initial=0))[: len(words)]
    return Normalised(" ".join(words), starts, origins)


def fold(text: str) -> str:
    """The normalised form alone (same as `normalise(text).text`, without the offsets).

    Plain ASCII has no curly quotes to straighten, so it skips `translate`, most of what
    folding costs.
    """
    return " ".join((text if text.isascii() else text.translate(_QUOTE_MAP)).split())


class SourceText:
    """A source document prepared for repeated passage look-ups.

    Finding every occurrence of a passage by scanning the whole text costs time in proportion
    to the text for each citation. Instead the start of every word is indexed by its first
    characters: any occurrence of a passage that contains a space has its second word at an
    indexed word start, so its candidates are found directly and then checked.
    """

    KEY = 8

    def __init__(self, text: str):
        self.text = text
        self._normalised = normalise(text)
        self._line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self._word_starts: dict[str, list[int]] = {}
        haystack = self._normalised.text
        for start in self._normalised.starts:
            self._word_starts.setdefault(haystack[start : start + self.KEY], []).append(start)

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
        for at in self._occurrences(needle):
            end = at + len(needle)
            before = haystack[max(0, at - len(want_before) - 1) : at].rstrip()
            after = haystack[end : end + len(want_after) + 1].lstrip()
            if before.endswith(want_before) and after.startswith(want_after):
                origin = self._normalised.origin
                spans.append((origin(at), origin(end - 1) + 1))
        return spans

    def _occurrences(self, needle: str) -> list[int]:
        """Start offsets (in the folded text) of every occurrence of a folded passage."""
        haystack = self._normalised.text
        best: list[int] | None = None
        shift = 0
        position = needle.find(" ")
        while position != -1 and len(needle) - position - 1 >= self.KEY:
            start = position + 1
            candidates = self._word_starts.get(needle[start : start + self.KEY], [])
            if best is None or len(candidates) < len(best):
                best, shift = candidates, start  # the rarest word start narrows it most
                if len(best) <= 1:
                    break  # nothing narrows it further
            position = needle.find(" ", start)
        if best is None:  # a single word or a short fragment: scan the text
            found, at = [], haystack.find(needle)
            while at != -1:
                found.append(at)
                at = haystack.find(needle, at + 1)
            return found
        return [p - shift for p in best if p >= shift and haystack.startswith(needle, p - shift)]

    def line_of(self, offset: int) -> int:
        """1-based line number of a character offset."""
        return bisect.bisect_right(self._line_starts, offset)


class SentenceIndex:
    """The sentences of a source, folded once, for the two look-ups that go by sentence: the
    one an `uncited` entry opens, and the "did you mean" hint for a passage not found (a
    typo or a changed word in a citation shows the editor the source's real words).

    Each look-up has an index, made at its first use, so that a changed seed that breaks
    thousands of citations is reported in seconds, not by scanning every sentence for each.
    """

    POOL = 64  # sentences holding the passage's rarest words, scored by the words they share
    CANDIDATES = 8  # of those, the sentences compared character by character
    SHARED = 0.6  # of the passage's characters a sentence must share to be shown

    def __init__(self, sentences: list[str]):
        self._folded = [fold(sentence) for sentence in sentences]

    def first_starting_with(self, opening: str) -> int | None:
        """The first sentence, in the source's order, that starts with these words."""
        wanted = fold(opening)
        by_text = self._by_text
        # Sentences starting with `wanted` stand together where it would be inserted.
        at = bisect.bisect_left(by_text, (wanted, -1))
        found = []
        while at < len(by_text) and by_text[at][0].startswith(wanted):
            found.append(by_text[at][1])
            at += 1
        return min(found, default=None)

    def closest(self, exact: str) -> str | None:
        """The stretch of a sentence most like the passage, or None if none is like it.

        It is compared only with the few sentences sharing most of its words, chosen from a
        pool of those holding its rarest words, whose size no source's length moves.
        """
        from rapidfuzz.distance import LCSseq  # here: only a passage not found needs it

        target = fold(exact)
        words = set(_WORD.findall(target.lower()))
        with_word, word_sets = self._with_word, self._word_sets
        # Sorted by word too, so that equally rare words come in the same order every run.
        rarest_first = sorted((len(with_word[word]), word) for word in words if word in with_word)
        pool: dict[int, None] = {}
        for _, word in rarest_first:
            if len(pool) >= self.POOL:
                break
            pool.update(dict.fromkeys(with_word[word][: self.POOL]))
        shared_words = {index: len(words & word_sets[index]) for index in pool}
        most_alike = sorted(pool, key=lambda index: -shared_words[index])[: self.CANDIDATES]
        # difflib's blocks are a common subsequence and the stretch holds them all, so no
        # candidate is more alike than its longest common subsequence standing alone, which
        # rapidfuzz finds in microseconds (difflib takes a quarter of a millisecond). Taken
        # best bound first, a candidate that cannot beat the best so far, or tie it from
        # earlier in the source, ends the search.
        bounded = []
        for index in most_alike:
            most_shared = LCSseq.similarity(target, self._folded[index])
            if most_shared >= self.SHARED * len(target):
                bounded.append((_likeness(target, most_shared, most_shared), index))
        best, best_likeness, best_index = None, 0.0, len(self._folded)
        for bound, index in sorted(bounded, key=lambda pair: (-pair[0], pair[1])):
            if bound < best_likeness or (bound == best_likeness and index > best_index):
                break
            folded = self._folded[index]
            matcher = difflib.SequenceMatcher(None, target, folded, autojunk=False)
            blocks = [b for b in matcher.get_matching_blocks() if b.size >= 3]
            shared = sum(b.size for b in blocks)
            if not blocks or shared < self.SHARED * len(target):
                continue
            stretch = _whole_words(folded, blocks[0].b, blocks[-1].b + blocks[-1].size)
            likeness = _likeness(target, shared, len(stretch))
            # The most alike; of equals, the first in the source.
            if likeness > best_likeness or (likeness == best_likeness and index < best_index):
                best, best_likeness, best_index = stretch, likeness, index
        return best

    @cached_property
    def _by_text(self) -> list[tuple[str, int]]:
        """(folded text, index) of every sentence, sorted by text."""
        return sorted((text, index) for index, text in enumerate(self._folded))

    @cached_property
    def _word_sets(self) -> list[set[str]]:
        """The words of each sentence, lowercased."""
        return [set(_WORD.findall(sentence.lower())) for sentence in self._folded]

    @cached_property
    def _with_word(self) -> dict[str, list[int]]:
        """Each word, lowercased, with the sentences holding it, in the source's order."""
        index: dict[str, list[int]] = {}
        for at, words in enumerate(self._word_sets):
            for word in words:
                index.setdefault(word, []).append(at)
        return index


def where_they_part(passage: str, source_words: str) -> str:
    """Where a passage first departs from the source's words shown for it, for a message; with
    the code points of the characters that differ when any is not plain ASCII, as a Cyrillic
    'а' and a Latin 'a', or a no-break and a plain hyphen, look the same."""
    ours, theirs = fold(passage), fold(source_words)
    opcodes = difflib.SequenceMatcher(None, ours, theirs, autojunk=False).get_opcodes()
    part = next((op for op in opcodes if op[0] != "equal"), None)
    if part is None:
        return ""
    _, start, end, source_start, source_end = part
    said = (
        f"they part at '{_whole_words(ours, start, end) or ours}', where the source has "
        f"'{_whole_words(theirs, source_start, source_end)}'"
    )
    differing = ours[start:end], theirs[source_start:source_end]
    if not "".join(differing).isascii() or not "".join(differing).isprintable():
        has = [", ".join(map(describe, chars[:3])) or "nothing" for chars in differing]
        said += f": the passage has {has[0]} where the source has {has[1]}"
    return said


def _likeness(target: str, shared: int, stretch_length: int) -> float:
    """difflib's ratio of the passage and the stretch a hint would show.

    The most characters shared alone would favour a long sentence that shares a few more.
    """
    return 2 * shared / (len(target) + stretch_length)


def _whole_words(text: str, start: int, end: int) -> str:
    """text[start:end], widened to the words it cuts."""
    while start > 0 and text[start - 1] != " ":
        start -= 1
    while end < len(text) and text[end] != " ":
        end += 1
    return text[start:end]
