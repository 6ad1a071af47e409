"""The briefing's language as Typst sets text in it (hyphenation, quotes, numbering)."""

from __future__ import annotations


def typst_language(tag: str) -> dict[str, str]:
    """A BCP 47 tag as Typst's text `lang` and `region`: 'pt-BR' → pt, BR."""
    language, *subtags = tag.split("-")
    regions = [t for t in subtags if len(t) == 2 and t.isalpha()]
    return {"lang": language, **({"region": regions[0]} if regions else {})}
