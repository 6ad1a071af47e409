"""A source cut into sentences: what counts as a factual sentence, and where each lies."""

from __future__ import annotations

from briefing.text.sentences import split_sentences

TEXT = """Harbour plan

Mr. Reed said the U.S. team arrived at 9 a.m. Tuesday. It left at noon.
"It was quick," he said.

Read more: Storm season arrives early

https://example.org/story
"""


def test_paragraphs_become_headings_links_and_sentences():
    sentences = split_sentences(TEXT)
    assert [(s.kind, s.text) for s in sentences] == [
        ("heading", "Harbour plan"),
        ("content", "Mr. Reed said the U.S. team arrived at 9 a.m. Tuesday."),
        ("content", "It left at noon."),
        ("content", '"It was quick," he said.'),
        ("link", "Read more: Storm season arrives early"),
        ("link", "https://example.org/story"),
    ]


def test_each_sentence_knows_its_offsets_and_paragraph():
    sentences = split_sentences(TEXT)
    for sentence in sentences:
        assert " ".join(TEXT[sentence.start : sentence.end].split()) == sentence.text
    assert [s.paragraph for s in sentences] == [0, 1, 1, 1, 2, 3]


def test_a_text_without_blank_lines_is_one_paragraph_and_is_still_cut_quickly():
    text = "One fact. " * 30_000
    sentences = split_sentences(text)
    assert len(sentences) == 30_000 and {s.paragraph for s in sentences} == {0}
