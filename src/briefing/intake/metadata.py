"""What a saved page says about itself, as the fields of a source record: each value taken
from a metadata field the build can find again in the page (`text.webpage`), or from the
text, with what looks wrong flagged for the editor to confirm.

Metadata can be wrong: a page's markup may name a login widget as the author, give the
publisher as the author, or date a story in a time zone where it is already the next day.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from briefing.text.webpage import PageMetadata

# The page's fields for each fact, in the order they are trusted.
TITLE_FIELDS = ("og:title", "ld:headline", "twitter:title", "itemprop:headline", "title")
AUTHOR_FIELDS = (
    "author", "ld:author.name", "article:author", "og:article:author", "byl", "dc.creator",
    "parsely-author", "sailthru.author", "itemprop:author.name", "itemprop:author",
)  # fmt: skip
PUBLISHER_FIELDS = ("og:site_name", "ld:publisher.name", "itemprop:publisher.name")
DATE_FIELDS = (
    "article:published_time", "ld:datePublished", "og:published_time", "datepublished",
    "pubdate", "pdate", "date", "dc.date", "dcterms.created", "sailthru.date",
    "itemprop:datePublished",
)  # fmt: skip
# News agencies, as pages name them where an author goes: the story is the agency's copy.
NEWS_AGENCIES = {
    "afp", "agence france-presse", "agence france presse", "ap", "associated press",
    "the associated press", "reuters", "thomson reuters", "dpa", "deutsche presse-agentur",
    "ansa", "efe", "agencia efe", "xinhua", "tass", "itar-tass", "ria novosti", "interfax",
    "kyodo", "kyodo news", "yonhap", "anadolu", "anadolu agency", "press association",
    "pa media", "upi", "united press international", "aap", "belga", "ats", "apa", "ap/afp",
}  # fmt: skip
URL_FIELDS = ("canonical", "og:url", "ld:url")

_NOT_NAMES = {"username", "user", "admin", "administrator", "staff", "editor", "anonymous"}
_ISO_DAY = re.compile(r"^(\d{4})-?(\d{2})-?(\d{2})")
_TIME = re.compile(r"T(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$")
_DAY_IN_URL = re.compile(r"/((?:19|20)\d{2})/(\d{2})/(\d{2})/")
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_DATE_IN_TEXT = re.compile(
    r"\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.? (\d{1,2}), ((?:19|20)\d{2})\b"
)
_MIDNIGHT_HOURS = 3  # a timestamp this close to midnight may fall on another day where read


@dataclass
class PageReading:
    """The source record's fields read from the page, and the flags on them."""

    title: str | None = None
    language: str | None = None
    fields: dict[str, Any] = field(default_factory=dict)  # source field -> its YAML value
    flags: dict[str, str] = field(default_factory=dict)  # source field -> why to check it
    notes: list[str] = field(default_factory=list)  # what was looked for and not found


def read_page(page: PageMetadata, text: str) -> PageReading:
    """The source's title, language, authors, publisher, date and address from the page."""
    reading = PageReading(language=_first(page, ("lang",)))
    publisher = _first_field(page, PUBLISHER_FIELDS)
    site = publisher[1] if publisher else None
    reading.title = _title(page, site)
    _authors(page, site, reading)
    if publisher:
        reading.fields["publisher"] = {"name": publisher[1], "page": _cited(*publisher)}
    elif (suffix := _site_in_title(page)) is not None:
        reading.fields["publisher"] = {
            "name": suffix,
            "page": _cited("title", page["title"][0]),
            "inference": f"The page's title ends in the site's name, '{suffix}'.",
        }
    else:
        reading.notes.append("no publisher: the page's metadata names no site")
    _address(page, reading)
    _date(page, text, reading)
    return reading


def _first(page: PageMetadata, fields: tuple[str, ...]) -> str | None:
    found = _first_field(page, fields)
    return found[1] if found else None


def _first_field(page: PageMetadata, fields: tuple[str, ...]) -> tuple[str, str] | None:
    for name in fields:
        for value in page.get(name, []):
            return name, value
    return None


def _cited(name: str, value: str) -> dict[str, str]:
    return {"field": name, "value": value}


_TITLE_SUFFIX = re.compile(r"\s+[-|–—]\s+([^-|–—]{2,40})$")


def _title(page: PageMetadata, site: str | None) -> str | None:
    """The headline: the first title field that is not the site's own name or slogan, less
    the site's name it may end in ("Headline - BBC News")."""
    generic = {
        v.lower() for name in ("application-name", "og:site_name") for v in page.get(name, [])
    }
    for name in TITLE_FIELDS:
        for value in page.get(name, []):
            if value.lower() in generic:
                continue
            suffix = _TITLE_SUFFIX.search(value)
            if suffix and (name == "title" or (site and suffix[1].lower() == site.lower())):
                value = value[: suffix.start()]
            return value
    return None


def _site_in_title(page: PageMetadata) -> str | None:
    """The site's name a page's <title> ends in: "... - The New York Times"."""
    titles = page.get("title", [])
    suffix = _TITLE_SUFFIX.search(titles[0]) if titles else None
    return suffix[1] if suffix else None


def _authors(page: PageMetadata, site: str | None, reading: PageReading) -> None:
    for name in AUTHOR_FIELDS:
        values = [v for v in page.get(name, []) if not v.startswith(("http://", "https://"))]
        if not values:
            continue
        authors: list[dict[str, Any]] = []
        for value in values:
            if any(value.lower() == a["name"].lower() for a in authors):
                continue  # "Jeffrey Gettleman" and "JEFFREY GETTLEMAN" are one author
            if value.lower() in NEWS_AGENCIES:
                reading.fields.setdefault("agency", {"name": value, "page": _cited(name, value)})
                continue
            authors.append({"name": value, "page": _cited(name, value)})
            if value.lower().strip("@ ") in _NOT_NAMES:
                reading.flags["authors"] = f"'{value}' does not look like a person's name"
            elif site and value.lower() == site.lower():
                reading.flags["authors"] = (
                    f"'{value}' is the site's name: a publisher, not an author"
                )
        if authors:
            reading.fields["authors"] = authors
            return
    if "agency" in reading.fields:
        reading.notes.append(
            f"no author: the page names only the agency, {reading.fields['agency']['name']}"
        )
    else:
        reading.notes.append("no author: the page's metadata names none")


def _address(page: PageMetadata, reading: PageReading) -> None:
    for name in URL_FIELDS:
        for value in page.get(name, []):
            if value.startswith(("http://", "https://")):
                reading.fields["url"] = {"value": value, "page": _cited(name, value)}
                return
    reading.notes.append("no address: the page gives no full canonical URL")


def _date(page: PageMetadata, text: str, reading: PageReading) -> None:
    """The date from the page's metadata, else from its address, else from the text."""
    found = _first_field(page, DATE_FIELDS)
    day = _day(found[1]) if found else None
    if found and day:
        reading.fields["date"] = {"value": day.isoformat(), "page": _cited(*found)}
        near = _near_midnight(found[1])
        if near:
            reading.flags["date"] = near
        others = {d for v in page.get("ld:datePublished", []) if (d := _day(v)) and d != day}
        if others:
            reading.flags["date"] = (
                f"the page also gives {', '.join(sorted(d.isoformat() for d in others))}"
            )
        text_day = _text_day(text)
        if text_day and abs((text_day - day).days) == 1:
            reading.flags["date"] = (
                f"the text itself gives {text_day.isoformat()}, a day off the metadata's date"
            )
        return
    url = reading.fields.get("url")
    match = _DAY_IN_URL.search(url["value"]) if url else None
    if url and match:
        day = date(*map(int, match.groups()))
        reading.fields["date"] = {
            "value": day.isoformat(),
            "page": dict(url["page"]),
            "inference": f"The page's metadata gives no date; its address holds {match[0]}.",
        }
        reading.flags["date"] = "read from the page's address, not from a date field"
        return
    text_day = _text_day(text)
    if text_day is not None:
        reading.fields["date"] = {
            "value": text_day.isoformat(),
            "cite": _DATE_IN_TEXT.search(text)[0],  # type: ignore[index]  # found above
            "inference": "The page's metadata gives no date; the text's own date is read as "
            "the source's.",
        }
        reading.flags["date"] = "read from a date in the text: check it is the story's own"


def _day(value: str) -> date | None:
    match = _ISO_DAY.match(value.strip())
    if not match:
        return None
    try:
        return date(*map(int, match.groups()))
    except ValueError:
        return None


def _near_midnight(value: str) -> str | None:
    """Why a timestamp's day may not be the story's, when it lies near midnight in UTC."""
    match = _TIME.search(value.strip())
    if not match or match[3] not in ("Z", "+00:00", "+0000"):
        return None
    hour = int(match[1])
    if hour >= 24 - _MIDNIGHT_HOURS or hour < _MIDNIGHT_HOURS:
        return (
            f"the page's time {value} is near midnight UTC: where the story was written the "
            "date may be a day off"
        )
    return None


def _text_day(text: str) -> date | None:
    """The first full date the text writes out ("Dec. 1, 2016")."""
    match = _DATE_IN_TEXT.search(text)
    if not match:
        return None
    try:
        month = _MONTHS.index(match[1][:3].lower()) + 1
        return date(int(match[3]), month, int(match[2]))
    except ValueError:
        return None
