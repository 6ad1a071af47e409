"""The passage matcher: found whatever the wrapping, never when a word changes."""

from __future__ import annotations

import difflib
import re

from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

from briefing.text.passages import SentenceIndex, SourceText, fold, normalise

WORDS = ["vote", "Sunday", "the", "coup", "said", '"riots"', "‘plot’", "seven", "of", "Almaty,"]
whitespace = st.sampled_from([" ", "\n", "  ", " \n ", "\t", "\n\n"])


@st.composite
def source_and_cut(draw):
    words = draw(st.lists(st.sampled_from(WORDS), min_size=3, max_size=60))
    gaps = draw(st.lists(whitespace, min_size=len(words), max_size=len(words)))
    lead = draw(st.sampled_from(["", " ", "\n\n"]))  # a source may begin with blank space
    text = lead + "".join(w + g for w, g in zip(words, gaps, strict=True))
    first = draw(st.integers(0, len(words) - 1))
    last = draw(st.integers(first, len(words) - 1))
    starts = [m.start() for m in re.finditer(r"\S+", text)]
    ends = [m.end() for m in re.finditer(r"\S+", text)]
    return text, starts[first], ends[last]


def rewrap(passage: str, draw) -> str:
    return re.sub(r"\s+", lambda _: draw(whitespace), passage)


@settings(deadline=None)  # timing varies on a busy CI machine; correctness is what counts
@given(source_and_cut(), st.data())
def test_a_cut_passage_is_found_at_its_offsets_whatever_its_wrapping(case, data):
    text, start, end = case
    source = SourceText(text)
    passage = rewrap(text[start:end], data.draw)
    passage = passage.replace('"', "\u201c") if data.draw(st.booleans()) else passage
    prefix, suffix = text[max(0, start - 40) : start], text[end : end + 40]
    found = source.find(passage, prefix or None, suffix or None)
    assert (start, end) in found
    if len(source.find(passage)) == 1:
        assert source.find(passage) == [(start, end)]


@settings(deadline=None)
@given(source_and_cut())
def test_the_folded_source_maps_every_word_back_to_the_original(case):
    text, _, _ = case
    folded = normalise(text)
    assert folded.text == fold(text)  # the same folding as a passage gets
    for word in re.finditer(r"\S+", folded.text):
        at = folded.origin(word.start())
        assert fold(text[at : at + len(word.group())]) == word.group()


@settings(deadline=None)
@given(source_and_cut(), st.data())
def test_a_passage_changed_by_one_word_is_never_found(case, data):
    text, start, end = case
    words = text[start:end].split()
    index = data.draw(st.integers(0, len(words) - 1))
    words[index] = data.draw(st.sampled_from(["referendum", "Vote", "votes", "sad", "sevens"]))
    assume(words[index] not in text.split())
    assert SourceText(text).find(" ".join(words)) == []


def test_case_and_punctuation_must_agree():
    source = SourceText("Tokayev, 69, became leader in 2019 — and stayed.")
    assert source.find("tokayev, 69") == []
    assert source.find("Tokayev 69") == []
    assert source.find("leader in 2019 - and") == []
    assert source.find("Tokayev,\n   69,") == [(0, 12)]


def many_alike(people: int) -> list[str]:
    """Sentences as a long source has them: the same few shapes, told apart by a name."""
    return [
        sentence
        for i in range(people)
        for sentence in (
            f"Official {i:04d} served as mayor of Province {i % 40:02d} from {1990 + i % 30}.",
            f"Official {i:04d} wrote a report on water prices in Province {i % 40:02d}.",
            f"Official {i:04d} declined to comment on the future of the council.",
        )
    ]


def test_a_hint_shows_the_one_sentence_of_thousands_that_a_passage_garbles():
    hints = SentenceIndex(many_alike(1500))
    assert hints.closest("Official 0777 wrote a reprt on water prices in Province 17.") == (
        "Official 0777 wrote a report on water prices in Province 17."
    )
    # Words the source never uses, however many, leave the ones it does to find the sentence.
    garbled = "Officiall 0777 wrotee a reprt onn watr pricez inn Provinse 17 todayy."
    assert hints.closest(garbled) == (
        "Official 0777 wrote a report on water prices in Province 17."
    )
    assert hints.closest("Official 0042 served as mayor") == "Official 0042 served as mayor"
    assert hints.closest("Nothing of the kind was ever said here.") is None


def closest_by_every_comparison(sentences: list[str], exact: str) -> str | None:
    """What the hint promises, worked out the slow way: difflib's blocks of three characters or
    more against every sentence sharing a word with the passage, at least 0.6 of the passage
    shared; the stretch with the best ratio, the first in the source of equals."""
    words = set(re.findall(r"\w+", exact.lower()))
    best, best_likeness = None, 0.0
    for sentence in sentences:
        if not words & set(re.findall(r"\w+", sentence.lower())):
            continue
        matcher = difflib.SequenceMatcher(None, exact, sentence, autojunk=False)
        blocks = [b for b in matcher.get_matching_blocks() if b.size >= 3]
        shared = sum(b.size for b in blocks)
        if not blocks or shared < 0.6 * len(exact):
            continue
        start, end = blocks[0].b, blocks[-1].b + blocks[-1].size
        start = sentence.rfind(" ", 0, start) + 1
        end = len(sentence) if sentence.find(" ", end) < 0 else sentence.find(" ", end)
        likeness = 2 * shared / (len(exact) + end - start)
        if likeness > best_likeness:
            best, best_likeness = sentence[start:end], likeness
    return best


# Few words and short ones, some inside others, so that sentences share most of a passage
# and often tie.
alike_words = st.sampled_from(["Official", "0777", "report", "reprt", "a", "ab", "abc", "b"])
sentence_of_words = st.lists(alike_words, min_size=1, max_size=8).map(" ".join)


@settings(max_examples=500, deadline=None)
@given(
    sentences=st.lists(sentence_of_words, max_size=SentenceIndex.CANDIDATES),
    exact=sentence_of_words,
)
# The later sentence may share more, yet tie once difflib has matched: the first must win.
@example(sentences=["abc", "b a ab"], exact="b abc")
def test_the_hint_is_the_stretch_difflib_likes_best_whatever_the_shortcut(sentences, exact):
    assert SentenceIndex(sentences).closest(exact) == closest_by_every_comparison(sentences, exact)
