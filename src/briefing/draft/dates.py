"""Date wordings in a sentence, as the dates the model resolves: 'on Thursday' becomes a
relative weekday, 'in March' a relative month, 'on March 3' a relative day of a month,
'earlier this year' the source's year, 'March 3, 2015', 'in May 2015' and 'In 1997' dates as
given. Wordings the model cannot yet say ('18 months ago', 'last week') are left for the
editor."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from typing import Any

from briefing.text.dates import MONTHS, WEEKDAYS

_FRENCH_WEEKDAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
_FRENCH_MONTHS = [
    "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
    "octobre", "novembre", "décembre",
]  # fmt: skip
_ENGLISH_MONTHS = "|".join(m.capitalize() for m in MONTHS)
_FRENCH_MONTH_WORDS = "|".join(_FRENCH_MONTHS)
_MONTH_WORDS = f"{_ENGLISH_MONTHS}|{_FRENCH_MONTH_WORDS}"
_WEEKDAY_WORDS = "|".join(d.capitalize() for d in WEEKDAYS) + "|" + "|".join(_FRENCH_WEEKDAYS)
_MONTH_YEAR = rf"\b(?:in |en )?(?P<month>{_MONTH_WORDS}) (?P<year>(?:19|20)\d\d)\b"
_WEEKDAY = (
    rf"\b(?:(?:late|early|on|last|next|since|depuis) )?(?P<weekday>{_WEEKDAY_WORDS})\b(?:’s|'s)?"
)
_FULL_DATE = (
    rf"\b(?:on )?(?P<month>{_ENGLISH_MONTHS})\.? (?P<day>[0-3]?\d), (?P<year>(?:19|20)\d\d)\b"
    rf"|\b(?:le )?(?P<fday>[0-3]?\d|1er) (?P<fmonth>{_FRENCH_MONTH_WORDS}) "
    rf"(?P<fyear>(?:19|20)\d\d)\b"
)
_MONTH_DAY = (
    rf"\b(?:on )?(?P<month>{_ENGLISH_MONTHS})\.? (?P<day>[0-3]?\d)\b(?!,? ?\d)"
    rf"|\b(?:le )?(?P<fday>[0-3]?\d|1er) (?P<fmonth>{_FRENCH_MONTH_WORDS})\b(?! \d)"
)
_FORMS = [
    ("full-date", re.compile(_FULL_DATE)),
    ("month-day", re.compile(_MONTH_DAY)),
    ("month-year", re.compile(_MONTH_YEAR)),
    ("this-year", re.compile(r"\b(?:earlier|later) this year\b|\bcette année\b", re.I)),
    ("weekday", re.compile(_WEEKDAY)),
    ("month", re.compile(rf"\b(?:[Ii]n|[Ee]n|since|depuis) (?P<month>{_MONTH_WORDS})\b(?! \d)")),
    ("year", re.compile(r"\b(?:[Ii]n|[Ee]n|since|depuis) (?P<year>(?:19|20)\d\d)\b(?![-/]\d)")),
]
_FUTURE = re.compile(
    r"\b(?:will|is to|are to|set to|plans? to|planned|scheduled|expect(?:s|ed)? to|hopes? to|"
    r"next|va|vont|doit|devait|devrait|prévu)\b",
    re.I,
)


@dataclass(frozen=True)
class DateWording:
    """A date as a sentence words it, and the date it gives in the model's terms."""

    wording: str
    date: dict[str, Any]  # a DateSpec as YAML: {value, wording} or {relative, wording}
    planned: bool  # said of what is still ahead at the source's date


def date_in(sentence: str) -> DateWording | None:
    """The first date wording of a sentence the model can resolve, if it has one."""
    future = bool(_FUTURE.search(sentence))
    found: list[tuple[int, DateWording]] = []
    for form, pattern in _FORMS:
        match = pattern.search(sentence)
        if match is None:
            continue
        wording = match.group().strip()
        direction = "after" if future else "before"
        if form in ("full-date", "month-day"):
            month = _month_number(match["month"] or match["fmonth"])
            day = int((match["day"] or match["fday"]).replace("1er", "1"))
            given = match.groupdict()
            year = int(given.get("year") or given.get("fyear") or 2000)  # 2000 has 29 February
            if not 1 <= day <= calendar.monthrange(year, month)[1]:
                continue  # "March 45" is no day
            if form == "full-date":
                spec: dict[str, Any] = {
                    "value": f"{year}-{month:02d}-{day:02d}",
                    "wording": wording,
                }
            else:
                rule: dict[str, Any] = {"month": MONTHS[month - 1], "day": day}
                if direction == "after":
                    rule["direction"] = "after"
                spec = {"relative": rule, "wording": wording}
        elif form == "month-year":
            value = f"{match['year']}-{_month_number(match['month']):02d}"
            spec = {"value": value, "wording": wording}
        elif form == "year":
            spec = {"value": match["year"], "wording": wording}
        elif form == "this-year":
            spec = {"relative": {"same_year": True}, "wording": wording}
        elif form == "weekday":
            rule = {"weekday": _weekday_name(match["weekday"])}
            if direction == "after":
                rule["direction"] = "after"
            spec = {"relative": rule, "wording": wording}
        else:
            rule = {"month": MONTHS[_month_number(match["month"]) - 1]}
            if direction == "after":
                rule["direction"] = "after"
            spec = {"relative": rule, "wording": wording}
        found.append((match.start(), DateWording(wording, spec, future)))
    return min(found, key=lambda pair: pair[0])[1] if found else None


def _month_number(word: str) -> int:
    lowered = word.lower()
    if lowered in _FRENCH_MONTHS:
        return _FRENCH_MONTHS.index(lowered) + 1
    return MONTHS.index(lowered) + 1


def _weekday_name(word: str) -> str:
    lowered = word.lower()
    if lowered in _FRENCH_WEEKDAYS:
        return WEEKDAYS[_FRENCH_WEEKDAYS.index(lowered)]
    return lowered
