"""Direct quotations in a source's text and who the text says spoke them.

A quotation is text between double quote marks — straight, curly or guillemets — and may run
to the end of its paragraph and on into the next one that opens with a quote mark. It is
attributed by the words around it: a verb of saying after it ('," said X', '," X told AFP',
'», a ajouté X'), before it ('X said "...', 'according to X'), or in its sentence ('X has
vowed to build "..."'). A quotation that opens its paragraph with no attribution of its own
continues the speaker quoted just before, or the person the paragraph before introduced.
Quote-marked words with no verb of saying anywhere near are scare quotes, not quotations.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefing.text.sentences import PARAGRAPH_BREAK, Sentence

SPEECH_VERBS = (
    "said", "says", "say", "saying", "told", "tells", "added", "adding", "adds", "stated",
    "declared", "announced", "insisted", "warned", "vowed", "admitted", "asked", "wrote",
    "explained", "argued", "noted", "claimed", "criticized", "criticised", "called",
    "described", "urged", "promised", "pledged", "replied", "recalled", "acknowledged",
    "a ajouté", "a déclaré", "a dit", "a affirmé", "a expliqué", "a indiqué", "a estimé",
    "a précisé", "a souligné", "a assuré", "a annoncé", "a confié", "déclare", "explique",
    "ajoute", "estime", "affirme", "selon", "according to", "d'après", "d’après",
)  # fmt: skip
_VERB = "|".join(re.escape(v) for v in sorted(SPEECH_VERBS, key=len, reverse=True))
VERB_AT = re.compile(rf"(?<![\w-])(?:{_VERB})(?![\w-])", re.I)
_HYPOTHETICAL = re.compile(r"\bas if to (?:say|ask)\s*$|\bas though to say\s*$", re.I)
_OPENERS = {"“": "”", "«": "»", '"': '"'}
_SENTENCE_WIDE = {"selon", "according to", "d'après", "d’après"}  # attribute a whole sentence
_NEAR = 60  # an attribution after a quotation starts within this many characters of it


@dataclass
class Quotation:
    """A quoted span of the text and the words around it that attribute it."""

    text: str  # between the marks, stripped
    start: int  # of the text, in the source
    end: int
    paragraph: int
    opens_paragraph: bool  # nothing but the quote mark before it in its paragraph
    sentence_start: int  # the sentences it lies in, for its citation
    sentence_end: int
    attribution: str | None = None  # the words that attribute it: 'said Martin Indyk, ...'
    attribution_start: int | None = None
    verb: str | None = None  # 'said', 'told reporters aboard Air Force One'
    after: bool = False  # the attribution follows the quotation


def find_quotations(text: str, sentences: list[Sentence]) -> list[Quotation]:
    """Every quoted span, in the text's order, with its attribution where the text gives one."""
    found: list[Quotation] = []
    for paragraph, (start, end) in enumerate(_paragraphs(text)):
        found += _in_paragraph(text, start, end, paragraph, sentences)
    return found


def _paragraphs(text: str) -> list[tuple[int, int]]:
    spans, position = [], 0
    for match in PARAGRAPH_BREAK.finditer(text):
        spans.append((position, match.start()))
        position = match.end()
    spans.append((position, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def _in_paragraph(
    text: str, start: int, end: int, paragraph: int, sentences: list[Sentence]
) -> list[Quotation]:
    found = []
    at = start
    while at < end:
        opening = _next_opening(text, at, end)
        if opening is None:
            break
        mark_at, closer = opening
        close_at = text.find(closer, mark_at + 1, end)
        inner_end = close_at if close_at != -1 else end
        raw = text[mark_at + 1 : inner_end]
        inner = raw.strip()
        if inner:
            begin = mark_at + 1 + (len(raw) - len(raw.lstrip()))
            quotation = Quotation(
                inner,
                begin,
                begin + len(inner),
                paragraph,
                not text[start:mark_at].strip(),
                *_sentence_span(sentences, begin, begin + len(inner)),
            )
            _attribute(text, quotation, mark_at, inner_end + 1, start, end)
            found.append(quotation)
        at = inner_end + 1 if close_at != -1 else end
    return found


def _next_opening(text: str, start: int, end: int) -> tuple[int, str] | None:
    best: tuple[int, str] | None = None
    for opener, closer in _OPENERS.items():
        at = text.find(opener, start, end)
        if at != -1 and (best is None or at < best[0]):
            best = (at, closer)
    return best


def _sentence_span(sentences: list[Sentence], start: int, end: int) -> tuple[int, int]:
    touching = [s for s in sentences if s.start < end and s.end > start]
    if not touching:
        return start, end
    return touching[0].start, touching[-1].end


def _attribute(
    text: str, quotation: Quotation, mark_at: int, close_at: int, para_start: int, para_end: int
) -> None:
    """Find the words that attribute the quotation: after it, before it, or in its sentence."""
    sentence_end = max(quotation.sentence_end, close_at)
    after = text[close_at : min(sentence_end, para_end)]
    before = text[max(quotation.sentence_start, para_start) : mark_at]
    if _HYPOTHETICAL.search(before):
        return  # "as if to say ...": words put in someone's mouth, not said
    verb = VERB_AT.search(after)
    if verb and _attributes_after(after, verb):
        quotation.attribution = after.strip(" ,.;:")
        quotation.attribution_start = close_at + (len(after) - len(after.lstrip(" ,.;:")))
        quotation.verb = _verb_phrase(after[verb.start() :])
        quotation.after = True
        return
    verbs = list(VERB_AT.finditer(before))
    if verbs:
        last = verbs[-1]
        quotation.attribution = before.strip()
        quotation.attribution_start = mark_at - len(before) + (len(before) - len(before.lstrip()))
        quotation.verb = last.group()
        quotation.after = False


def _attributes_after(after: str, verb: re.Match[str]) -> bool:
    """Whether the verb after a quotation attributes it: '," said X' or '," X said', close by;
    not '," adding that ...' (the same speaker goes on) nor a clause about something else."""
    between = after[: verb.start()].strip(" ,")
    sentence_wide = verb.group().lower() in _SENTENCE_WIDE
    if not sentence_wide and (_OPENERS.keys() & set(between) or verb.start() > _NEAR):
        return False
    if between and all(
        w.lower() in ("but", "and", "then", "or", "mais", "et") for w in between.split()
    ):
        return False  # '" but insisted': the subject is before the quotation
    following = after[verb.end() :].split()
    return not (not between and following and following[0].lower() in ("that", "he", "she"))


def _verb_phrase(words: str) -> str:
    """'told reporters aboard Air Force One' from what follows a quotation, up to a name's
    apposition or the sentence's end."""
    phrase = re.split(r"[.;:]\s|[.;:]?$|,", words.strip(), maxsplit=1)[0]
    return " ".join(phrase.split()[:6])
