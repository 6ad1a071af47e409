"""The MkDocs plugin: `plugins: [search, briefing]` turns the dossier into the site.

Each MkDocs event hands its part to the engine: the dossier is checked in `on_config`, before
MkDocs cleans the output folder, so a bad dossier fails the build with `briefing check`'s
errors; the pages are made there too and given to MkDocs as files in `on_files`; the PDF is
compiled meanwhile and written in `on_post_build`, when the build is published.
"""

from __future__ import annotations

import logging
import os
import sys
from importlib import resources
from pathlib import Path
from typing import Any, Literal

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import TableOfContents
from mkdocs.utils import CountHandler

from briefing import check_dossier
from briefing.collector import (
    collect_what_the_last_build_left,
    collector_paused,
    keep_out_of_collection,
    release_to_collection,
)
from briefing.dossier import Dossier
from briefing.draft.review import PUBLISH_VARIABLE, count_line, drafts_in, publishing_refusal
from briefing.exports import exports
from briefing.mkdocs.config import BriefingConfig
from briefing.mkdocs.publish import discard, publish, staging_folder
from briefing.pdf import Paper, PdfFailed, PdfJob, build_timestamp, start_pdf
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


class BriefingPlugin(BasePlugin[BriefingConfig]):
    def __init__(self) -> None:
        self.command: str = "build"
        self.dossier: Dossier | None = None
        self.pages: list[SitePage] = []
        self.pages_by_uri: dict[str, SitePage] = {}
        self.dossier_dir: Path | None = None
        self.seeds_dir: Path | None = None
        self.final_site_dir: str | None = None
        self.staging: Path | None = None
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
            self.pdf_job = start_pdf(dossier, paper=paper, reuse=self.last_pdf)
            if self.pdf_job is self.last_pdf:
                log.info("The PDF's input is as in the last build: its PDF is used again")
        self.seeds_dir = (self.dossier_dir / dossier.meta.seeds).resolve()
        renderer = SiteRenderer(dossier, use_directory_urls=config.use_directory_urls)
        with collector_paused():
            self.pages = renderer.pages()
        keep_out_of_collection()  # until the build ends, in on_post_build or on_build_error
        self.pages_by_uri = {page.src_uri: page for page in self.pages}
        if config.nav is None:
            config.nav = navigation(self.pages, Path(config.docs_dir))
        for name in ASSETS:
            target = config.extra_css if name.endswith(".css") else config.extra_javascript
            if f"{ASSET_FOLDER}/{name}" not in [str(x) for x in target]:
                target.insert(0, f"{ASSET_FOLDER}/{name}")
        if self.command == "build":
            self.final_site_dir = config.site_dir
            self.staging = staging_folder(config.site_dir)
            config.site_dir = str(self.staging)
            logging.getLogger("mkdocs").addHandler(self.warnings)
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
        asset_root = resources.files("briefing.site") / "assets"
        for name in ASSETS:
            generated.append(
                File.generated(
                    config, f"{ASSET_FOLDER}/{name}", content=(asset_root / name).read_bytes()
                )
            )
        return Files([*generated, *files])

    def on_env(self, env: Any, *, config: MkDocsConfig, files: Files) -> Any:
        return use_template_cache(env)  # Material's templates, compiled once, not every build

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        generated = self.pages_by_uri.get(page.file.src_uri)
        return generated.fill(html) if generated is not None else html

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
            page.content, page.toc = search_view(page.content or ""), TableOfContents([])
        return context

    @event_priority(-50)
    def _put_the_page_back(
        self, context: Any, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> Any:
        if self.put_aside is not None:
            (page.content, page.toc), self.put_aside = self.put_aside, None
        return context

    on_page_context = CombinedEvent(_show_search_the_text, _put_the_page_back)

    def on_serve(
        self, server: LiveReloadServer, config: MkDocsConfig, builder: Any
    ) -> LiveReloadServer:
        for folder in (self.dossier_dir, self.seeds_dir):
            if folder is not None and folder.is_dir():
                server.watch(str(folder))
        return server

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
        if self.final_site_dir is None:
            return
        if config.strict and self.warnings.get_counts():
            return  # MkDocs aborts next; on_build_error removes the staging folder
        publish(Path(config.site_dir), Path(self.final_site_dir))
        log.info(f"Published the site to {self.final_site_dir}")
        logging.getLogger("mkdocs").removeHandler(self.warnings)

    def on_build_error(self, *, error: Exception) -> None:
        release_to_collection()
        job, self.pdf_job = self.pdf_job, None
        if job is not None and job is not self.last_pdf:
            job.stop()  # no PDF for a failed build: do not wait for it
        logging.getLogger("mkdocs").removeHandler(self.warnings)
        if self.final_site_dir is not None and self.staging is not None:
            discard(self.staging)
            log.info(f"Build failed; {self.final_site_dir} left as it was")


class _WrittenAfterPages(File):
    """The PDF's place in the site: MkDocs knows it, so links to it are checked, but copies
    nothing; the plugin writes the compiled PDF once the pages are done."""

    def copy_file(self, dirty: bool = False) -> None:
        pass
