"""What Material's search plugin reads of a generated page: its headings and its text."""

from __future__ import annotations

import re
from html import escape

from briefing.text.characters import without_accents


def search_view(html: str, title: str = "") -> str:
    """A generated page's headings and text, for the search index; a title with accents
    ("Ahmet Davutoğlu") comes first as typed without them, as Material's search matches
    letters as they are written.

    Material's search parser is slow per tag, and our pages carry many tags for little text
    (a citation marker is three tags around a number). The index keeps only headings,
    paragraphs and list items; citation markers, sentence numbers and heading permalinks,
    noise in a search result, are left out, and scripts (the JSON-LD) and styles go with
    their content. So does a page's "Sources for this page": its passages are the source's
    words, which search finds on the source page, where each leads back to what cites it.
    """
    html = _TAG.sub(_search_tag, _NOT_FOR_SEARCH.sub("", html))
    view = " ".join(html.split())  # generated pages hold no <pre>
    plain = without_accents(title)
    return f"<p>{escape(plain)}</p> {view}" if plain != title else view


_NOT_FOR_SEARCH = re.compile(
    r'<sup class="(?:cites|sentence-ref)">.*?</sup>|<a class="headerlink"[^>]*>.*?</a>'
    r"|<(script|style)\b.*?</\1>"
    r'|<h2\b[^>]*>(?:(?!</h2>).)*</h2>\s*<ol class="source-notes">.*?</ol>',  # with its heading
    re.DOTALL,
)
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)\b[^>]*>")
_INLINE_TAGS = {"a", "abbr", "b", "cite", "code", "em", "i", "mark", "q", "s", "small", "span",
                "strong", "sub", "sup", "time"}  # fmt: skip


def _search_tag(tag: re.Match[str]) -> str:
    closing, name = tag.group(1), tag.group(2).lower()
    if name in ("h1", "h2", "h3", "h4", "h5", "h6"):
        return tag.group(0)  # with its id: each heading starts a search result
    if name in ("p", "li", "ul", "ol"):
        return f"<{closing}{name}>"
    return "" if name in _INLINE_TAGS else " "
