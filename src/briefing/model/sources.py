"""A source and what is known about it: its text (the seed), the web page it was saved from,
and its provenance — title, authors, publisher, agency, dateline, date, address — each cited
to the text, or to the saved page's metadata, or marked as an editorial inference."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, field_validator, model_validator

from briefing.model.citations import Citations, DraftMark, InferenceBasis
from briefing.model.dates import EdtfString, check_edtf
from briefing.model.ids import LanguageTag, PlaceRef, SlugId, Strict, Text
from briefing.text.dates import EdtfDate


class PageField(Strict):
    """A value as the saved web page's metadata gives it."""

    field: Text = Field(
        description="Where the page gives it: a <meta> name or property ('author', "
        "'og:site_name', 'article:published_time'), 'title' (<title>), 'canonical' (<link "
        "rel=canonical>), 'lang' (<html lang>), 'ld:' and a JSON-LD key ('ld:datePublished', "
        "'ld:author.name'), or 'itemprop:' and a schema.org microdata property "
        "('itemprop:author.name')."
    )
    value: Text = Field(description="The value exactly as the page has it.")


class Provenanced(Strict):
    """How a fact about a source is known: its words in the text (`cite`), or the saved page's
    metadata (`page`); with `inference` when the editors read it from them."""

    cite: Citations | None = None
    page: PageField | None = None
    inference: InferenceBasis | None = None

    @model_validator(mode="after")
    def _known_somehow(self) -> Provenanced:
        if self.cite is None and self.page is None:
            raise ValueError(
                "say how it is known: 'cite' (the text's words) or 'page' (the saved page's "
                "metadata: {field: ..., value: ...})"
            )
        return self


class Attribution(Provenanced):
    """Who wrote, published or distributed a source, with how that is known."""

    name: Text


class Dateline(Provenanced):
    """Where the text says it was filed: 'TUNIS' in 'TUNIS —'."""

    name: Text = Field(description="As worded: 'TUNIS', 'MOSCOW (AP)'.")
    place: PlaceRef | None = None


class DatedStatement(Provenanced):
    """A source's date with how it is known."""

    value: EdtfString

    @field_validator("value")
    @classmethod
    def _valid_edtf(cls, value: str) -> str:
        return check_edtf(value)

    @property
    def date(self) -> EdtfDate:
        return EdtfDate.parse(self.value)


class Address(Provenanced):
    """Where the source was published on the web."""

    value: Text = Field(description="The URL: 'https://...'.")


class SavedPage(Strict):
    """The web page a source's text was taken from, kept beside the seed, unchanged."""

    file: Text = Field(description="File name in the seeds folder: 'bbc-obama-guns.html'.")
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$", description="The file's SHA-256, in hex.")


MarkKind = Literal["caption", "credit", "byline", "graphic", "heading", "link", "note", "item"]


class Marked(Strict):
    """A paragraph of the text that is not the article's own statement of facts: a photo
    caption, a credit line, a byline, a graphic's title. It is shown as what it is and not
    counted among the sentences to cite. Or the other way round, `item`: a list item (a short
    line without end punctuation, which would be read as a subheading) that states facts, to
    be cited like any other sentence."""

    text: Text = Field(description="The paragraph, or its opening words.")
    kind: MarkKind = Field(
        "caption",
        alias="as",
        description="What the paragraph is; 'item' for a list item that states facts.",
    )


class Source(Strict):
    """One source document, kept as a seed file, and what is known about it."""

    id: SlugId
    seed: Text = Field(description="File name of the source text in the seeds folder.")
    title: Text = Field(description="A label for the source (editorial when it has no headline).")
    language: LanguageTag | None = Field(
        None, description="The text's language (BCP 47: 'en', 'fr'); default: the dossier's."
    )
    page: SavedPage | None = None
    url: Text | Address | None = Field(
        None,
        description="Where it was published: {value, page or cite}; a bare URL is "
        "the editors' word for it.",
    )
    authors: list[Attribution] = Field(default_factory=list)
    publisher: Attribution | None = None
    agency: Attribution | None = None
    dateline: Dateline | None = None
    date: DatedStatement
    marked: list[Marked] = Field(
        default_factory=list,
        description="Paragraphs that are captions, credits, bylines or graphics' titles.",
    )
    draft: DraftMark = False

    @property
    def address(self) -> str | None:
        return self.url.value if isinstance(self.url, Address) else self.url
