"""The "did you mean" hint: the closest candidates by difflib's ratio, whatever the shortcut."""

from __future__ import annotations

import difflib
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.problems import did_you_mean

# A small alphabet with digits makes close ids, ties and shared numbers common.
ids = st.text(alphabet="pqx-01", max_size=8)


def closest_by_every_ratio(found: str, candidates: list[str]) -> list[str]:
    """What the hint promises, worked out the slow way: difflib's ratio for every candidate,
    at least 0.6; among the closest, those with the same numbers as `found` if any."""
    numbers = re.findall(r"\d+", found)
    scored = {
        candidate: (ratio, re.findall(r"\d+", candidate) == numbers)
        for candidate in set(candidates)
        if (ratio := difflib.SequenceMatcher(None, candidate, found).ratio()) >= 0.6
    }
    best = max(scored.values(), default=None)
    return sorted(candidate for candidate, score in scored.items() if score == best)


@settings(max_examples=400, deadline=None)
@given(found=ids, candidates=st.lists(ids, max_size=40))
def test_the_hint_names_the_closest_candidates_as_difflib_scores_them(found, candidates):
    expected = [f"'{candidate}'" for candidate in closest_by_every_ratio(found, candidates)[:3]]
    hint = did_you_mean(found, candidates)
    if not expected:
        assert hint == ""
    else:
        assert hint.startswith("; did you mean ") and hint.endswith("?")
        assert re.findall(r"'[^']*'", hint) == expected


def test_a_typo_gets_the_one_id_it_misspells():
    assert did_you_mean("tokaev", ["tokayev", "nazarbayev", "ablyazov"]) == (
        "; did you mean 'tokayev'?"
    )
    assert did_you_mean("zzz", ["tokayev", "nazarbayev"]) == ""
