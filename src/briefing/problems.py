"""Problems found in a dossier: errors and warnings that name the file, line and field.

Every step of the flow reports into one `Problems` collection instead of raising, so a single
run of `briefing check` shows the editor everything that is wrong, sorted by file and line.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any, TypedDict, Unpack

_CLOSE_ENOUGH = 0.6  # difflib's ratio; get_close_matches' own default
_ROUNDING = 1e-9  # the two ratios are floats of exact fractions: bounds keep this slack
_MOST_NAMED = 3
_NUMBERS = re.compile(r"\d+")


class Where(TypedDict, total=False):
    """Where in a file a problem is: what `LoadedFile.where` gives for a field."""

    line: int | None
    column: int | None
    field: str


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    severity: Severity
    file: str  # path as shown to the editor, relative to the project where possible
    line: int | None  # 1-based
    column: int | None  # 1-based
    field: str  # dotted field path inside the file, "" for the whole file
    message: str

    def sort_key(self) -> tuple[str, int, int, str, str]:
        return (self.file, self.line or 0, self.column or 0, self.field, self.message)

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        field_part = f" {self.field}:" if self.field else ""
        return f"{where}: {self.severity.value}:{field_part} {self.message}"


@dataclass
class Problems:
    """Collects problems from every step; `errors` decide the exit status."""

    items: list[Problem] = field(default_factory=list)

    def add(
        self,
        severity: Severity,
        file: str | Path,
        message: str,
        *,
        line: int | None = None,
        column: int | None = None,
        field: str = "",
    ) -> None:
        self.items.append(Problem(severity, str(file), line, column, field, message))

    def error(self, file: str | Path, message: str, **where: Unpack[Where]) -> None:
        self.add(Severity.ERROR, file, message, **where)

    def warning(self, file: str | Path, message: str, **where: Unpack[Where]) -> None:
        self.add(Severity.WARNING, file, message, **where)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.sorted() if p.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.sorted() if p.severity is Severity.WARNING]

    def sorted(self) -> list[Problem]:
        return sorted(set(self.items), key=Problem.sort_key)

    def report(self) -> str:
        return "\n".join(str(p) for p in self.sorted())


class DossierInvalid(Exception):
    """Raised at the end of a step when errors were found; carries every problem."""

    def __init__(self, problems: Problems):
        self.problems = problems
        super().__init__(problems.report())


def did_you_mean(found: str, candidates: Iterable[str]) -> str:
    """A "; did you mean 'x'?" suffix naming the closest candidates, else "".

    Closeness is difflib's ratio, as in `get_close_matches`, but ties are not broken by the
    alphabet: 'council-0010' and 'councel-0001' are equally close to 'council-0001'. Numbers
    tell sibling records apart, so a candidate with the same numbers as `found` comes first;
    a tie left is named (three of it at most) rather than settled by the alphabet.

    difflib's ratio runs in Python, and a dossier whose people were all renamed asks for a
    thousand hints among thousands of ids. rapidfuzz's `fuzz.ratio` counts the longest common
    subsequence, which difflib's matching blocks never exceed, so it bounds difflib's ratio
    from above; it scores every candidate in C, best first, and difflib runs only on those
    whose bound still reaches the best ratio found.
    """
    from rapidfuzz import fuzz, process  # here: a dossier that checks clean never needs it

    numbers = _NUMBERS.findall(found)
    matcher = difflib.SequenceMatcher(b=found)
    bounds = process.extract(
        found,
        set(candidates),
        scorer=fuzz.ratio,
        limit=None,
        score_cutoff=100 * _CLOSE_ENOUGH - _ROUNDING,
    )
    best_ratio = _CLOSE_ENOUGH
    scored: list[tuple[tuple[float, bool], str]] = []
    for candidate, bound, _ in bounds:
        if bound / 100 < best_ratio - _ROUNDING:
            break  # this candidate and every later one are less close than the best
        matcher.set_seq1(candidate)
        if (ratio := matcher.ratio()) >= _CLOSE_ENOUGH:
            scored.append(((ratio, _NUMBERS.findall(candidate) == numbers), candidate))
            best_ratio = max(best_ratio, ratio)
    if not scored:
        return ""
    best = max(score for score, _ in scored)
    closest = sorted(candidate for score, candidate in scored if score == best)
    named = [f"'{candidate}'" for candidate in closest[:_MOST_NAMED]]
    listed = " or ".join(named) if len(named) < 3 else f"{', '.join(named[:-1])} or {named[-1]}"
    return f"; did you mean {listed}?"


def field_path(loc: tuple[Any, ...]) -> str:
    """('roles', 0, 'start') -> 'roles[0].start'."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


# --- words for messages ---------------------------------------------------------------------


def a_noun(noun: str) -> str:
    """'a person', 'an organisation'."""
    return f"{'an' if noun[0] in 'aeiou' else 'a'} {noun}"


def shorten(text: str, limit: int = 80) -> str:
    """Text for a message: whitespace folded, and cut with '...' past `limit` characters."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 3] + "..."


def some_of(ids: Iterable[str], shown: int = 5) -> str:
    """Ids for a message: all of a few, or the first few and how many more (a dossier of a
    hundred sources would otherwise print all hundred in every such error)."""
    names = sorted(ids)
    if len(names) <= shown + 1:
        return ", ".join(names)
    return f"{', '.join(names[:shown])} and {len(names) - shown} more"
