"""What a saved web page says about itself: its metadata, as field -> the values it gives.

Fields are named as editors cite them: a <meta> tag's name or property ('author',
'og:site_name', 'article:published_time'), 'title' for <title>, 'canonical' for the canonical
link, 'lang' for <html lang>, 'ld:' with a dotted key for JSON-LD ('ld:datePublished',
'ld:author.name') and 'itemprop:' for schema.org microdata ('itemprop:author.name', the
`name` inside an element marked `itemprop="author" itemscope`). Values are kept exactly as
the page gives them, whitespace folded.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any

PageMetadata = dict[str, list[str]]

# Elements with no end tag: they open no scope and hold no text.
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
         "source", "track", "wbr"}  # fmt: skip
# Where a microdata property's value is, for the elements that carry it in an attribute.
_VALUE_ATTRIBUTES = {"meta": "content", "time": "datetime", "data": "value", "meter": "value",
                     "a": "href", "link": "href", "area": "href", "img": "src", "audio": "src",
                     "video": "src", "source": "src", "object": "data"}  # fmt: skip


@dataclass
class _Open:
    """An element still open while the page is read, with what microdata it carries."""

    tag: str
    scope: str  # the microdata key its properties are under ("author." inside an author)
    fields: list[str] = field(default_factory=list)  # properties whose value is its text
    text: list[str] = field(default_factory=list)


def page_metadata(html: str) -> PageMetadata:
    """Every metadata field the page gives, with its values in the page's order."""
    reader = _MetadataReader()
    reader.feed(html)
    reader.close()
    return reader.found


class _MetadataReader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: PageMetadata = {}
        self._inside: str | None = None  # "title" or "ld" while reading their text
        self._text: list[str] = []
        self._open: list[_Open] = []  # the elements open, for microdata's scopes and texts

    def _add(self, field: str, value: str | None) -> None:
        folded = " ".join((value or "").split())
        if field and folded:
            values = self.found.setdefault(field, [])
            if folded not in values:
                values.append(folded)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name.lower(): value for name, value in attrs}
        self._microdata(tag, attributes)
        if tag == "html":
            self._add("lang", attributes.get("lang"))
        elif tag == "meta":
            field = attributes.get("property") or attributes.get("name") or ""
            self._add(field.strip().lower(), attributes.get("content"))
        elif tag == "link" and "canonical" in (attributes.get("rel") or "").lower().split():
            self._add("canonical", attributes.get("href"))
        elif tag == "title" and "title" not in self.found:
            self._inside, self._text = "title", []
        elif tag == "script" and (attributes.get("type") or "").lower() == "application/ld+json":
            self._inside, self._text = "ld", []

    def _microdata(self, tag: str, attributes: dict[str, str | None]) -> None:
        scope = self._open[-1].scope if self._open else "itemprop:"
        names = (attributes.get("itemprop") or "").split()
        keys = [f"{scope}{name}" for name in names]
        if "itemscope" in attributes:  # a new item: its properties go under these keys
            inner = f"{keys[0]}." if keys else "itemprop:"
            if tag not in _VOID:
                self._open.append(_Open(tag, inner))
            return
        value_attribute = _VALUE_ATTRIBUTES.get(tag)
        if keys and value_attribute and attributes.get(value_attribute) is not None:
            for key in keys:
                self._add(key, attributes[value_attribute])
            keys = []
        if tag not in _VOID:
            self._open.append(_Open(tag, scope, keys))

    def handle_data(self, data: str) -> None:
        if self._inside is not None:
            self._text.append(data)
        for element in self._open:
            if element.fields:
                element.text.append(data)

    def handle_endtag(self, tag: str) -> None:
        # Closes the nearest open element of that name, and any left unclosed inside it.
        if any(element.tag == tag for element in self._open):
            while True:
                element = self._open.pop()
                for key in element.fields:
                    self._add(key, "".join(element.text))
                if element.tag == tag:
                    break
        if self._inside == "title" and tag == "title":
            self._add("title", "".join(self._text))
            self._inside = None
        elif self._inside == "ld" and tag == "script":
            try:
                data = json.loads("".join(self._text))
            except ValueError:
                data = None  # a page's broken JSON-LD says nothing
            for key, value in _flattened(data, "ld:"):
                self._add(key, value)
            self._inside = None


def _flattened(data: Any, prefix: str) -> list[tuple[str, str]]:
    """('ld:author.name', 'Jon Sopel') pairs for every text or number in a JSON-LD value;
    lists (and @graph) add no key of their own."""
    if isinstance(data, dict):
        pairs = []
        for key, value in data.items():
            inner = prefix if key == "@graph" else f"{prefix}{key}."
            pairs += _flattened(value, inner)
        return pairs
    if isinstance(data, list):
        return [pair for item in data for pair in _flattened(item, prefix)]
    if isinstance(data, (str, int, float)) and not isinstance(data, bool):
        return [(prefix.rstrip("."), str(data))]
    return []
