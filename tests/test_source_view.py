"""A source laid out for reading: each piece knows the citations covering it."""

from __future__ import annotations

from briefing import build_dossier
from briefing.source_view import paragraphs
from support import FIXTURE


def test_the_text_is_cut_at_every_citation_boundary_and_keeps_every_word():
    dossier = build_dossier(FIXTURE / "dossier")
    document = dossier.sources["gazette"]
    views = paragraphs(document)
    assert [p.kind for p in views] == ["content", "content", "link", "heading", "content",
                                       "content", "link"]  # fmt: skip
    sentences = ["".join(s.text for s in v.segments) for p in views for v in p.sentences]
    assert " ".join(sentences).split() == document.text.split()
    for view in (v for p in views for v in p.sentences):
        for segment in view.segments:
            for number in segment.cites:
                cited = dossier.passage(dossier.citation(number).citation)
                assert segment.text.strip() in cited
        starts = [n for s in view.segments for n in s.anchors]
        assert len(starts) == len(set(starts))  # a citation is anchored where it begins, once
