"""The MkDocs plugin: `plugins: [search, briefing]` turns the dossier into the site.

The dossier is checked in `on_config`, before MkDocs cleans the output folder, so a bad dossier
fails the build with `briefing check`'s errors. A `mkdocs build` writes into a staging folder
that replaces the output folder only when the whole build succeeded: a failed build leaves the
previous site exactly as it was.
"""

from __future__ import annotations

import gc
import logging
import os
import shutil
import sys
from importlib import resources
from itertools import pairwise
from pathlib import Path
from typing import Literal

from markupsafe import escape
from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.toc import TableOfContents
from mkdocs.utils import CountHandler

from briefing import check_dossier
from briefing.collector import collector_paused
from briefing.dossier import Dossier
from briefing.export import exports
from briefing.pdf import PdfFailed, PdfJob, build_timestamp, start_pdf
from briefing.site import PDF_NAME, SitePage, SiteRenderer, search_view
from briefing.templatecache import use_template_cache

log = logging.getLogger("mkdocs.plugins.briefing")

ASSET_FOLDER = "assets/briefing"
ASSETS = ["briefing.css", "briefing.js"]


class BriefingConfig(Config):
    dossier = c.Type(str, default="dossier")
    paper = c.Choice(("a4", "us-letter"), default="a4")
    pdf = c.Type(bool, default=True)


class BriefingPlugin(BasePlugin[BriefingConfig]):
    def __init__(self) -> None:
        self.command: str = "build"
        self.dossier: Dossier | None = None
        self.pages: list[SitePage] = []
        self.pages_by_uri: dict[str, SitePage] = {}
        self.dossier_dir: Path | None = None
        self.seeds_dir: Path | None = None
        self.final_site_dir: str | None = None
        self.pdf_job: PdfJob | None = None
        self.last_pdf: PdfJob | None = None  # the last job that made its PDF, for reuse
        self.pdf_file: File | None = None
        # A page's HTML and contents list, put aside while search reads its text.
        self.put_aside: tuple[str, TableOfContents] | None = None
        self.warnings = CountHandler()
        self.warnings.setLevel(logging.WARNING)

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        self.command = command

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        # MkDocs keeps one plugin for all the builds of a process: none of the last one's
        # folders carry over (a served build writes in place; only `build` stages).
        self.final_site_dir = self.staging = None
        if self.command == "serve":
            # What the last build left (its pages, navigation, templates) waits in the oldest
            # generation for a full pass, which the freezing below keeps from coming while a
            # build runs: without this, every rebuild of a served site stayed in memory.
            gc.collect()
        project = Path(config.config_file_path or ".").resolve().parent
        self.dossier_dir = project / self.config.dossier
        dossier, problems = check_dossier(self.dossier_dir)
        for warning in problems.warnings:
            log.warning(str(warning))
        if dossier is None:
            report = f"the dossier in {self.config.dossier}/ has errors:\n{problems.report()}"
            if self.command != "serve" or self.dossier is None:
                raise PluginError(report)
            # While serving, keep the last good dossier so the last good site stays served.
            # Printed, not logged: a logged error would make a strict build abort again.
            print(
                f"briefing: {report}\nbriefing: still serving the last good version",
                file=sys.stderr,
            )
            dossier = self.dossier
        else:  # what `briefing check` says, so that a build says it too
            log.info(f"{self.config.dossier}/: {dossier.summary()}")
            for document in dossier.sources.values():
                log.info(document.coverage_line())
        self.dossier = dossier
        # Dates in the sitemap and the PDF come from the dossier, never from the clock.
        os.environ.setdefault("SOURCE_DATE_EPOCH", str(build_timestamp(dossier)))
        # Typst compiles in a process of its own: the PDF is made while the site is built.
        self.pdf_job = None
        if self.config.pdf:
            self.pdf_job = start_pdf(dossier, paper=self.config.paper, reuse=self.last_pdf)
            if self.pdf_job is self.last_pdf:
                log.info("The PDF's input is as in the last build: its PDF is used again")
        self.seeds_dir = (self.dossier_dir / dossier.meta.seeds).resolve()
        renderer = SiteRenderer(dossier, use_directory_urls=config.use_directory_urls)
        with collector_paused():
            self.pages = renderer.pages()
        # The dossier and its pages live until the build ends: keep the collector from
        # walking them again at each of its passes while Material renders the pages
        # (undone when the build ends, in on_post_build or on_build_error).
        gc.freeze()
        self.pages_by_uri = {page.src_uri: page for page in self.pages}
        if config.nav is None:
            config.nav = _navigation(self.pages, Path(config.docs_dir))
        for name in ASSETS:
            target = config.extra_css if name.endswith(".css") else config.extra_javascript
            if f"{ASSET_FOLDER}/{name}" not in [str(x) for x in target]:
                target.insert(0, f"{ASSET_FOLDER}/{name}")
        if self.command == "build":
            self._stage(config)
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        assert self.dossier is not None
        generated = []
        for page in self.pages:
            existing = files.get_file_from_path(page.src_uri)
            if existing is not None and not existing.generated_by:
                raise PluginError(
                    f"docs/{page.src_uri} clashes with a page the dossier generates; "
                    "rename or remove it"
                )
            generated.append(File.generated(config, page.src_uri, content=page.markdown))
        for name, content in exports(self.dossier).items():
            generated.append(File.generated(config, name, content=content))
        if self.config.pdf:
            self.pdf_file = _WrittenAfterPages.generated(config, PDF_NAME, content=b"")
            generated.append(self.pdf_file)
        asset_root = resources.files("briefing") / "assets"
        for name in ASSETS:
            generated.append(
                File.generated(
                    config, f"{ASSET_FOLDER}/{name}", content=(asset_root / name).read_bytes()
                )
            )
        return Files([*generated, *files])

    def on_env(self, env, *, config: MkDocsConfig, files: Files):
        return use_template_cache(env)  # Material's templates, compiled once, not every build

    def on_page_content(self, html: str, *, page, config: MkDocsConfig, files: Files) -> str:
        generated = self.pages_by_uri.get(page.file.src_uri)
        return generated.fill(html) if generated is not None else html

    # Material's search plugin indexes each page in its on_page_context (priority 0). Just
    # before, a generated page's HTML is swapped for its headings and text (`search_view`),
    # which the search parser reads in a fraction of the time; just after, it is put back.
    # Its contents list is put aside too: search looks each heading up in it, walking the
    # whole list every time, which on the quotes page (a heading per speaker) grew with the
    # square of the speakers; it then links the heading as "#" + its id, as it does without.
    @event_priority(50)
    def _show_search_the_text(self, context, *, page, config: MkDocsConfig, nav):
        generated = self.pages_by_uri.get(page.file.src_uri)
        if generated is not None and generated.searchable:
            self.put_aside = (page.content, page.toc)
            page.content, page.toc = search_view(page.content), TableOfContents([])
        return context

    @event_priority(-50)
    def _put_the_page_back(self, context, *, page, config: MkDocsConfig, nav):
        if self.put_aside is not None:
            (page.content, page.toc), self.put_aside = self.put_aside, None
        return context

    on_page_context = CombinedEvent(_show_search_the_text, _put_the_page_back)

    def on_serve(self, server, config: MkDocsConfig, builder):
        for folder in (self.dossier_dir, self.seeds_dir):
            if folder is not None and folder.is_dir():
                server.watch(str(folder))
        return server

    def on_post_build(self, config: MkDocsConfig) -> None:
        gc.unfreeze()  # the pages are rendered: what the build kept may be collected again
        job, self.pdf_job = self.pdf_job, None
        if job is not None:
            try:
                pdf = job.result()
            except PdfFailed as error:  # fails the build; the last good site stays
                raise PluginError(f"the PDF briefing could not be compiled:\n{error}") from None
            Path(self.pdf_file.abs_dest_path).write_bytes(pdf)
            self.last_pdf = job
        if self.final_site_dir is None:
            return
        if config.strict and self.warnings.get_counts():
            return  # MkDocs aborts next; on_build_error removes the staging folder
        _replace_folder(Path(self.final_site_dir), Path(config.site_dir))
        log.info(f"Published the site to {self.final_site_dir}")
        logging.getLogger("mkdocs").removeHandler(self.warnings)

    def on_build_error(self, *, error: Exception) -> None:
        gc.unfreeze()
        job, self.pdf_job = self.pdf_job, None
        if job is not None and job is not self.last_pdf:
            job.stop()  # no PDF for a failed build: do not wait for it
        logging.getLogger("mkdocs").removeHandler(self.warnings)
        if self.final_site_dir is not None and self.staging is not None:
            shutil.rmtree(self.staging, ignore_errors=True)
            log.info(f"Build failed; {self.final_site_dir} left as it was")

    # -- staging ---------------------------------------------------------------------------

    staging: Path | None = None

    def _stage(self, config: MkDocsConfig) -> None:
        self.final_site_dir = config.site_dir
        self.staging = Path(f"{config.site_dir.rstrip('/')}.staging")
        shutil.rmtree(self.staging, ignore_errors=True)
        config.site_dir = str(self.staging)
        logging.getLogger("mkdocs").addHandler(self.warnings)


class _WrittenAfterPages(File):
    """The PDF's place in the site: MkDocs knows it, so links to it are checked, but copies
    nothing; the plugin writes the compiled PDF once the pages are done."""

    def copy_file(self, dirty: bool = False) -> None:
        pass


def _replace_folder(final: Path, staging: Path) -> None:
    """Swap the finished staging folder in for the old output folder."""
    old = final.with_name(final.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if final.exists():
        final.rename(old)
    staging.rename(final)
    shutil.rmtree(old, ignore_errors=True)


def _navigation(pages: list[SitePage], docs_dir: Path) -> list:
    """Home, the generated sections in reading order, then the hand-written pages.

    MkDocs would sort an automatic navigation alphabetically; a briefing reads better with the
    main figures first and the About page last. A long section is split into groups of
    SECTION_CHUNK pages: Material writes the visible navigation into every page, so one flat
    list of thousands of people would make the build time grow with the square of their count.
    """
    nav: list = [{"Home": "index.md"}]
    sections: dict[str, list[SitePage]] = {}
    for page in pages[1:]:
        folder = page.src_uri.split("/")[0] if "/" in page.src_uri else ""
        if folder in SECTION_TITLES:
            if folder not in sections:
                sections[folder] = []
                nav.append({SECTION_TITLES[folder]: sections[folder]})
            sections[folder].append(page)
        else:
            nav.append(page.src_uri)
    for entry in nav[1:]:
        if isinstance(entry, dict):
            title, members = next(iter(entry.items()))
            entry[title] = _chunked(members)
    generated = {page.src_uri for page in pages}
    written = sorted(
        (p.relative_to(docs_dir).as_posix() for p in docs_dir.rglob("*.md")),
        key=lambda uri: (uri.startswith("about"), uri.count("/"), uri),
    )
    nav.extend(uri for uri in written if uri not in generated)
    return nav


SECTION_TITLES = {"people": "People", "organisations": "Organisations", "places": "Places",
                  "sources": "Sources"}  # fmt: skip
FLAT_LIMIT = 60  # a section of up to this many pages is listed as it is
SECTION_CHUNK = 20  # pages in a group
GROUPS_PER_LEVEL = 10  # groups side by side before they are grouped again


def _chunked(members: list[SitePage]) -> list:
    """A long section as groups of SECTION_CHUNK pages, and groups of GROUPS_PER_LEVEL groups.

    Material looks through every child of each group it shows, collapsed or not, to find the
    group's index page: 60 groups of 50 people made each page walk all 3,000, and the build
    time grow with the square of the people. Nested, a page walks a few hundred. Each page
    also carries the open group's pages: groups of 20 rather than 50 keep 1,000 people three
    levels deep and made that build do 12 % less work (48.7 → 42.7 million Python calls).
    """
    index = [p.src_uri for p in members if p.src_uri.endswith("/index.md")]
    rest = [p for p in members if not p.src_uri.endswith("/index.md")]
    if len(rest) <= FLAT_LIMIT:
        return index + [p.src_uri for p in rest]
    # A group is (title of its first page, title of its last page, its navigation entries).
    chunks = _slices(rest, SECTION_CHUNK)
    groups = [(c[0].title, c[-1].title, [p.src_uri for p in c]) for c in chunks]
    while len(groups) > GROUPS_PER_LEVEL:
        outer = _slices(groups, GROUPS_PER_LEVEL)
        groups = [(g[0][0], g[-1][1], [_entry(x) for x in g]) for g in outer]
    return index + [_entry(g) for g in groups]


def _slices(items: list, size: int) -> list[list]:
    """Items in as few runs of at most `size` as will do, evened out: 61 people make groups
    of 15, 15, 15 and 16, not three of 20 and one of a single name."""
    count = -(-len(items) // size)
    bounds = [len(items) * n // count for n in range(count + 1)]
    return [items[start:end] for start, end in pairwise(bounds)]


def _entry(group: tuple[str, str, list]) -> dict[str, list]:
    first, last, items = group
    return {str(escape(f"{first} – {last}")): items}  # nav titles reach the HTML unescaped
