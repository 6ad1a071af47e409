"""The MkDocs plugin: `plugins: [search, briefing]` turns the dossier into the site.

Each MkDocs event hands its part to the engine: the dossier is checked in `on_config`, before
MkDocs cleans the output folder, so a bad dossier fails the build with `briefing check`'s
errors; the pages are made there too and given to MkDocs as files in `on_files`; the PDF is
compiled meanwhile and written in `on_post_build`, when the build is published.

Material's plugins may stand before or after this one in mkdocs.yml: the build is staged and
its warnings counted before any plugin's `on_config`, the pages are made after theirs (they
depend on `use_directory_urls`, which the `offline` plugin turns off), and `on_post_build`
publishes after every other plugin's, which write into the build until then.
"""

from __future__ import annotations

import logging
import os
import sys
from importlib import resources
from pathlib import Path
from typing import Any, Literal

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import TableOfContents
from mkdocs.utils import CountHandler

from briefing import check_dossier
from briefing.cards import CardsJob
from briefing.collector import (
    collect_what_the_last_build_left,
    collector_paused,
    keep_out_of_collection,
    release_to_collection,
)
from briefing.dossier import Dossier
from briefing.draft.review import PUBLISH_VARIABLE, count_line, drafts_in, publishing_refusal
from briefing.exports import exports
from briefing.mkdocs.config import BriefingConfig, theme_language_problem
from briefing.mkdocs.from_disk import SHIM_FILES, serve_worker_shim, write_search_index_script
from briefing.mkdocs.not_found import add_not_found_page, not_found_context, root_names
from briefing.mkdocs.preview import serve_the_last_good_site
from briefing.mkdocs.publish import OutputFolder, file_system_problem
from briefing.mkdocs.share import social_cards_on, start_cards, with_share_tags, write_cards
from briefing.pdf import KeptPdf, Paper, PdfCache, PdfFailed, PdfJob, build_timestamp, start_pdf
from briefing.pdf.glyphs import unprintable
from briefing.site import (
    PDF_NAME,
    SitePage,
    SiteRenderer,
    navigation,
    search_view,
    use_template_cache,
)

log = get_plugin_logger(__name__)

ASSET_FOLDER = "assets/briefing"
ASSETS = ["briefing.css", "briefing.js"]
# Material's plugins do what must come last at priority -100 (`offline` writes its index there).
AFTER_OTHER_PLUGINS = -200
BEFORE_OTHER_PLUGINS = 100
PDF_CACHE = Path(".cache", "briefing", "pdf")  # beside mkdocs.yml, outside every site folder


class BriefingPlugin(BasePlugin[BriefingConfig]):
    def __init__(self) -> None:
        self.command: str = "build"
        self.dossier: Dossier | None = None
        self.pages: list[SitePage] = []
        self.pages_by_uri: dict[str, SitePage] = {}
        self.dossier_dir: Path | None = None
        self.seeds_dir: Path | None = None
        self.output: OutputFolder | None = None  # where this build publishes
        self.built: tuple[MkDocsConfig, str] | None = None  # a config and its own site_dir
        self.pdf_job: PdfJob | None = None
        self.last_pdf: PdfJob | None = None  # the last job that made its PDF, for reuse
        self.pdf_file: File | None = None
        self.cards_job: CardsJob | None = None  # the share cards, drawn while the site builds
        self.share_tags = True  # ours, unless Material's social plugin makes its own
        self.root_names: list[str] = []  # for 404.html
        # A page's HTML and contents list, put aside while search reads its text.
        self.put_aside: tuple[str, TableOfContents] | None = None
        self.warnings = CountHandler()
        self.warnings.setLevel(logging.WARNING)

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        self.command = command

    @event_priority(BEFORE_OTHER_PLUGINS)
    def _begin_the_build(self, config: MkDocsConfig) -> MkDocsConfig:
        # Warnings are counted from the first, any plugin's and the dossier's own included:
        # any of them fails a strict build, which must then publish nothing. A new count for
        # each build.
        self.warnings = CountHandler()
        self.warnings.setLevel(logging.WARNING)
        logging.getLogger("mkdocs").addHandler(self.warnings)
        # MkDocs keeps one plugin for all the builds of a process: none of the last one's
        # folders carry over. `mkdocs serve` builds alone into a folder of its own; any other
        # build first waits for one already writing its output folder.
        self.output, self.built = OutputFolder(config.site_dir), (config, config.site_dir)
        if self.command != "serve":
            self.output.lock(waiting=log.info)
        config.site_dir = str(self.output.prepare(notes=log.info))  # heals a crash first
        return config

    @event_priority(AFTER_OTHER_PLUGINS)
    def _make_the_pages(self, config: MkDocsConfig) -> MkDocsConfig:
        if self.command == "serve":
            collect_what_the_last_build_left()
        self.dossier_dir = Path(self.config.dossier)
        project = Path(config.config_file_path or ".").resolve().parent
        shown = os.path.relpath(self.dossier_dir, project)
        dossier, problems = check_dossier(self.dossier_dir)
        for warning in problems.warnings:
            log.warning(str(warning))
        if dossier is None:
            report = f"the dossier in {shown}/ has errors:\n{problems.report()}"
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
            log.info(f"{shown}/: {dossier.summary()}")
            mismatch = theme_language_problem(config, dossier.meta.language)
            if mismatch is not None:
                log.warning(mismatch)
            for document in dossier.sources.values():
                log.info(document.coverage_line())
            drafts = drafts_in(dossier)
            log.info(count_line(drafts))
            if drafts and os.environ.get(PUBLISH_VARIABLE) == "1":
                raise PluginError(f"briefing: {publishing_refusal(drafts)}")
        self.dossier = dossier
        # Dates in the sitemap and the PDF come from the dossier, never from the clock.
        os.environ.setdefault("SOURCE_DATE_EPOCH", str(build_timestamp(dossier)))
        # Typst compiles in a process of its own: the PDF is made while the site is built.
        self.pdf_job = None
        if self.config.pdf:
            paper: Paper = "us-letter" if self.config.paper == "us-letter" else "a4"
            self.pdf_job = start_pdf(
                dossier,
                paper=paper,
                records_in_full=self.config.pdf_in_full_up_to,
                site_url=config.site_url or "",
                use_directory_urls=config.use_directory_urls,
                reuse=self.last_pdf,
                cache=PdfCache(project / PDF_CACHE),
            )
            if self.pdf_job is self.last_pdf:
                log.info("The PDF's input is as in the last build: its PDF is used again")
            elif isinstance(self.pdf_job, KeptPdf):
                log.info(f"The PDF's input is as in an earlier build: its PDF is from {PDF_CACHE}/")
            for missing in unprintable(dossier, self.pdf_job.made_from.data):
                log.warning(missing)
        self.seeds_dir = (self.dossier_dir / dossier.meta.seeds).resolve()
        docs = Path(config.docs_dir)
        written = frozenset(p.relative_to(docs).as_posix() for p in docs.rglob("*.md"))
        renderer = SiteRenderer(
            dossier, use_directory_urls=config.use_directory_urls, written=written
        )
        with collector_paused():
            self.pages = renderer.pages()
        keep_out_of_collection()  # until the build ends, in on_post_build or on_build_error
        self.pages_by_uri = {page.src_uri: page for page in self.pages}
        self.share_tags = not social_cards_on(config)
        self.cards_job = start_cards(self.pages, dossier.meta.language) if self.share_tags else None
        add_not_found_page(config)
        if config.nav is None:
            config.nav = navigation(self.pages, Path(config.docs_dir))
        for name in ASSETS:
            target = config.extra_css if name.endswith(".css") else config.extra_javascript
            if f"{ASSET_FOLDER}/{name}" not in [str(x) for x in target]:
                target.insert(0, f"{ASSET_FOLDER}/{name}")
        serve_worker_shim(config)
        return config

    on_config = CombinedEvent(_begin_the_build, _make_the_pages)

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
        asset_root = resources.files("briefing.site") / "assets"
        for name in [*ASSETS, *SHIM_FILES]:
            generated.append(
                File.generated(
                    config, f"{ASSET_FOLDER}/{name}", content=(asset_root / name).read_bytes()
                )
            )
        return Files([*generated, *files])

    def on_template_context(self, context: Any, *, template_name: str, config: MkDocsConfig) -> Any:
        if template_name == "404.html":
            return not_found_context(context, config, self.root_names)
        return context

    def on_env(self, env: Any, *, config: MkDocsConfig, files: Files) -> Any:
        self.root_names = root_names(files)
        return use_template_cache(env)  # Material's templates, compiled once, not every build

    @event_priority(100)  # before other plugins read the page's front matter
    def on_page_markdown(
        self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        generated = self.pages_by_uri.get(page.file.src_uri)
        if generated is not None:  # its front matter, given as it is rather than as YAML
            page.meta = dict(generated.meta)
        return markdown

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        generated = self.pages_by_uri.get(page.file.src_uri)
        if generated is None:
            return html
        try:
            return generated.fill(html)
        except ValueError as error:
            raise PluginError(str(error)) from None

    # Material's search plugin indexes each page in its on_page_context (priority 0). Just
    # before, a generated page's HTML is swapped for its headings and text (`search_view`),
    # which the search parser reads in a fraction of the time; just after, it is put back.
    # Its contents list is put aside too: search looks each heading up in it, walking the
    # whole list every time; it then links the heading as "#" + its id, as it does without.
    @event_priority(50)
    def _show_search_the_text(
        self, context: Any, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> Any:
        generated = self.pages_by_uri.get(page.file.src_uri)
        if generated is not None and generated.searchable:
            self.put_aside = (page.content or "", page.toc)
            page.content = search_view(page.content or "", page.title or "")
            page.toc = TableOfContents([])
        return context

    @event_priority(-50)
    def _put_the_page_back(
        self, context: Any, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> Any:
        if self.put_aside is not None:
            (page.content, page.toc), self.put_aside = self.put_aside, None
        return context

    on_page_context = CombinedEvent(_show_search_the_text, _put_the_page_back)

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        if not self.share_tags:
            return output
        generated = self.pages_by_uri.get(page.file.src_uri)
        return with_share_tags(output, page, generated, self.pages_by_uri.get("index.md"), config)

    def on_serve(
        self, server: LiveReloadServer, config: MkDocsConfig, builder: Any
    ) -> LiveReloadServer:
        for folder in (self.dossier_dir, self.seeds_dir):
            if folder is not None and folder.is_dir():
                server.watch(str(folder))
        serve_the_last_good_site(server)
        return server

    @event_priority(AFTER_OTHER_PLUGINS)  # every plugin has written its files when it publishes
    def on_post_build(self, config: MkDocsConfig) -> None:
        release_to_collection()  # the pages are rendered: what the build kept may go
        job, self.pdf_job = self.pdf_job, None
        if job is not None:
            try:
                pdf = job.result()
            except PdfFailed as error:  # fails the build; the last good site stays
                raise PluginError(f"the PDF briefing could not be compiled:\n{error}") from None
            assert self.pdf_file is not None
            Path(self.pdf_file.abs_dest_path).write_bytes(pdf)
            self.last_pdf = job
        cards, self.cards_job = self.cards_job, None
        if cards is not None:
            write_cards(cards, Path(config.site_dir))
        write_search_index_script(Path(config.site_dir))
        if config.strict and self.warnings.get_counts():
            return  # MkDocs aborts next; on_build_error removes the staging folder
        assert self.output is not None
        self.output.publish(notes=log.info)
        log.info(f"Published the site to {self.output.final}")
        self._end_build()

    # The last to run, as it may put a message in place of a file-system error's traceback.
    @event_priority(AFTER_OTHER_PLUGINS)
    def on_build_error(self, *, error: Exception) -> None:
        release_to_collection()
        job, self.pdf_job = self.pdf_job, None
        if job is not None and job is not self.last_pdf:
            job.stop()  # no PDF for a failed build: do not wait for it
        cards, self.cards_job = self.cards_job, None
        if cards is not None:
            cards.stop()
        output = self.output
        if output is not None:
            output.discard_staging(notes=log.info)
            log.info(f"Build failed; {output.final} left as it was")
        self._end_build()
        if isinstance(error, OSError):  # MkDocs writing a page or a file: no traceback
            log.error(file_system_problem(error, output.final if output else None))
            raise Abort("Aborted: the build could not write its files") from None

    def _end_build(self) -> None:
        """Let the next build have the output folder, and its config its own site_dir."""
        logging.getLogger("mkdocs").removeHandler(self.warnings)
        if self.output is not None:
            self.output.unlock()
        if self.built is not None:
            config, site_dir = self.built
            config.site_dir = site_dir
        self.built = None


class _WrittenAfterPages(File):
    """The PDF's place in the site: MkDocs knows it, so links to it are checked, but copies
    nothing; the plugin writes the compiled PDF once the pages are done."""

    def copy_file(self, dirty: bool = False) -> None:
        pass
