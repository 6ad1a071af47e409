"""What a saved web page says about itself: its metadata, as field -> the values it gives.

Fields are named as editors cite them: a <meta> tag's name or property ('author',
'og:site_name', 'article:published_time'), 'title' for <title>, 'canonical' for the canonical
link, 'lang' for <html lang>, and 'ld:' with a dotted key for JSON-LD ('ld:datePublished',
'ld:author.name'). Values are kept exactly as the page gives them, whitespace folded.
"""

from __future__ import annotations

import json
from html.parser import HTMLParser
from typing import Any

PageMetadata = dict[str, list[str]]


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

    def _add(self, field: str, value: str | None) -> None:
        folded = " ".join((value or "").split())
        if field and folded:
            values = self.found.setdefault(field, [])
            if folded not in values:
                values.append(folded)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name.lower(): value for name, value in attrs}
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

    def handle_data(self, data: str) -> None:
        if self._inside is not None:
            self._text.append(data)

    def handle_endtag(self, tag: str) -> None:
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
