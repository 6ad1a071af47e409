"""The real site in a real browser (Debian's Chromium driven by Playwright), as a reader meets it.

The fixture of several sources, served on 127.0.0.1 under a sub-path, as GitHub Pages serves
a project site, and opened from its folder (file://), as a reader handed the folder opens it.
Screenshots of the main pages at two widths and PNGs of the PDF pages are written to
.cache/screenshots/.
"""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import threading
import urllib.request
from html import escape as html_escape
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlparse

import pytest
from bs4 import BeautifulSoup

from sitecheck import broken_links, build_site
from support import FIXTURE, ROOT, SEVERAL

CHROMIUM = Path("/usr/bin/chromium")
AXE = ROOT / ".cache" / "npm" / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS = ROOT / ".cache" / "screenshots"
SUB_PATH = "/briefing/"
LAUNCH_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--no-first-run",
]  # fmt: skip
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def _require(condition: bool, what: str) -> None:
    """Skip on a developer's machine without the tool; in CI its absence is a failure."""
    if not condition:
        if os.environ.get("CI"):
            pytest.fail(f"{what} is missing (.ci/run installs it)")
        pytest.skip(f"{what} is not installed")


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


class _PagesHandler(_QuietHandler):
    """Serves 404.html for a missing address, as GitHub Pages does."""

    def send_error(self, code, message=None, explain=None):
        if code != 404:
            return super().send_error(code, message, explain)
        not_found = Path(self.directory) / self.path.split("/")[1] / "404.html"
        if not not_found.is_file():
            return super().send_error(code, message, explain)
        body = not_found.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """Build the fixture's site for a sub-path and serve it; yields (base URL, site folder)."""
    _require(CHROMIUM.exists(), "Debian's chromium")
    root = tmp_path_factory.mktemp("www")
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_PagesHandler, directory=root))
    base = f"http://127.0.0.1:{server.server_address[1]}{SUB_PATH}"
    project = tmp_path_factory.mktemp("project")
    for name in ("mkdocs.yml", "docs", "dossier", "seeds"):
        source = SEVERAL / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, project / name)
    previous = os.environ.get("SITE_URL")
    os.environ["SITE_URL"] = base
    try:
        result = build_site(project, root / SUB_PATH.strip("/"))
    finally:
        if previous is None:
            del os.environ["SITE_URL"]
        else:
            os.environ["SITE_URL"] = previous
    assert result.returncode == 0, result.stderr
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield base, root / SUB_PATH.strip("/")
    server.shutdown()


@pytest.fixture(scope="module")
def browser(served):
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def axe_source() -> str:
    if not AXE.exists() and shutil.which("npm"):
        subprocess.run(
            ["npm", "install", "--silent", "--no-save", "--no-package-lock", "--prefix",
             str(AXE.parents[2]), "axe-core@4.14.1"],
            check=False,
        )  # fmt: skip
    _require(AXE.exists(), "axe-core (npm)")
    return AXE.read_text(encoding="utf-8")


def _pages(site: Path) -> list[str]:
    return sorted(
        p.relative_to(site).as_posix().removesuffix("index.html") for p in site.rglob("index.html")
    )


def _watched_page(context, base: str, problems: list[str]):
    """A page that records requests to other hosts (and blocks them), errors and failures."""
    host = urlparse(base).netloc
    page = context.new_page()

    def route(route_request):
        url = route_request.request.url
        if urlparse(url).netloc != host and not url.startswith(("data:", "blob:")):
            problems.append(f"request to another host: {url}")
            return route_request.abort()
        return route_request.continue_()

    page.route("**/*", route)
    _record_errors(page, problems)
    page.on(
        "response",
        lambda r: r.status >= 400 and problems.append(f"HTTP {r.status} for {r.url}"),
    )
    return page


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_page_loads_cleanly_and_passes_axe(served, browser, axe_source, scheme):
    base, site = served
    context = browser.new_context(color_scheme=scheme)
    problems: list[str] = []
    page = _watched_page(context, base, problems)
    pages = _pages(site)
    assert len(pages) > 15
    for path in [*pages, "404.html"]:
        page.goto(base + path)
        page.wait_for_load_state("load")
        page.add_script_tag(content=axe_source)
        violations = page.evaluate(
            """async (tags) => (await axe.run(document, {runOnly: {type: 'tag', values: tags}}))
                 .violations.map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')))""",
            WCAG,
        )
        problems += [f"{path}: axe {v}" for v in violations]
        if scheme == "dark" and path == "":
            assert page.evaluate("document.body.dataset.mdColorScheme") == "slate"
    context.close()
    assert problems == []
    assert broken_links(site) == []


def test_search_lists_a_person_by_name(served, browser):
    base, _ = served
    page = browser.new_page()
    page.goto(base)
    page.keyboard.press("/")  # Material's shortcut to the search field
    page.keyboard.type("Lind")
    result = page.locator(".md-search-result__item a", has_text="Tor Lind").first
    result.wait_for(timeout=10_000)
    assert urlparse(result.get_attribute("href")).path.endswith("/briefing/people/tor-lind/")
    page.close()


def test_an_inferred_relation_stands_in_the_list_with_its_mark(served, browser):
    """In the list of relations an inferred one keeps its bullet, as the others do, and says
    it is an editorial inference with its basis."""
    base, _ = served
    page = browser.new_page()
    page.goto(base)  # the home page lists every relation
    items = page.locator("ul.relations li")
    inferred = page.locator("ul.relations li.inference").first
    assert items.count() >= 2 and inferred.count() == 1
    styles = [
        item.evaluate(
            "e => getComputedStyle(e).listStyleType + ' ' + getComputedStyle(e).marginLeft"
        )
        for item in items.all()
    ]
    assert len(set(styles)) == 1 and styles[0].startswith("disc"), styles
    assert "EDITORIAL INFERENCE" in inferred.inner_text().upper()
    assert "harbour authority's officer" in inferred.inner_text()
    page.close()


def test_citation_markers_work_with_the_keyboard_alone(served, browser):
    base, _ = served
    page = browser.new_page()
    page.goto(base + "people/ines-vahl/")
    for _ in range(200):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('cite')"):
            break
    else:
        pytest.fail("no citation marker is reachable with Tab")
    tooltip = page.locator(".md-tooltip2--active")
    tooltip.wait_for(state="visible", timeout=5_000)
    passage = tooltip.inner_text().strip()
    assert passage and passage in page.evaluate(
        "document.querySelector(document.activeElement.getAttribute('href')).innerText"
    )
    page.keyboard.press("Enter")
    note = page.locator(":target")
    assert page.url.split("#")[1].startswith("fn-")
    assert passage in note.inner_text() and note.is_visible()
    page.close()


def test_source_page_scrolls_to_and_highlights_a_cited_passage(served, browser):
    base, _ = served
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    page.goto(base + "people/tor-lind/")
    note = page.locator("ol.source-notes li").first
    passage = note.locator("q.passage").inner_text()
    note.locator("a").click()
    page.wait_for_url("**/sources/**#c*")
    marks = page.locator("mark.is-target")
    marks.first.wait_for()
    assert " ".join("".join(marks.all_text_contents()).split()) == " ".join(passage.split())
    assert page.evaluate(
        "(() => { const r = document.querySelector('mark.is-target').getBoundingClientRect();"
        " return r.top >= 0 && r.bottom <= window.innerHeight; })()"
    )
    page.close()


@pytest.mark.parametrize("width", [1280, 390])
def test_screenshots_of_the_main_pages(served, browser, width):
    base, _ = served
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page = browser.new_page(viewport={"width": width, "height": 900})
    for name, path in [
        ("home", ""),
        ("profile", "people/ines-vahl/"),
        ("timeline", "timeline/"),
        ("source", "sources/harbour-daily/"),
    ]:
        page.goto(base + path)
        page.screenshot(path=str(SCREENSHOTS / f"{name}-{width}.png"), full_page=True)
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{path} scrolls sideways at {width} px"
    page.close()


def test_pdf_pages_rendered_and_read_back(served):
    _, site = served
    _require(shutil.which("pdftoppm") is not None, "poppler-utils (pdftoppm)")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    pdf = site / "briefing.pdf"
    subprocess.run(
        ["pdftoppm", "-png", "-r", "60", "-l", "12", str(pdf), str(SCREENSHOTS / "pdf")], check=True
    )
    assert (SCREENSHOTS / "pdf-01.png").is_file()
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    pages = [" ".join(page.split()) for page in text.split("\f")]
    assert "The Aurora grounding" in pages[0]
    assert "As of 12 May 2024" in pages[0]
    assert "Contents" in pages[1] and "Ines Vahl" in pages[1]
    for section in ("At a glance", "Timeline", "Quotes", "Source: the Harbour Daily report"):
        assert any(section in page for page in pages[2:]), section


def _from_disk_page(context, problems: list[str]):
    """A page that records (and blocks) any request that does not read a file."""
    page = context.new_page()

    def route(route_request):
        url = route_request.request.url
        # (chrome-extension: is Chromium's own PDF viewer)
        if not url.startswith(("file:", "data:", "blob:", "about:", "chrome-extension:")):
            problems.append(f"request off the disk: {url}")
            return route_request.abort()
        return route_request.continue_()

    page.route("**/*", route)
    _record_errors(page, problems)
    return page


def _record_errors(page, problems: list[str]) -> None:
    """Console errors and uncaught script errors, as problems."""
    page.on("console", lambda m: m.type == "error" and problems.append(f"console: {m.text}"))
    page.on("pageerror", lambda e: problems.append(f"page error: {e}"))


def _search(page, words: str):
    """Type into Material's search once its index is loaded; the first result's link."""
    page.keyboard.press("/")
    meta = page.locator(".md-search-result__meta")
    page.wait_for_function(
        "() => !document.querySelector('.md-search-result__meta').innerText.includes('Initializ')",
        timeout=10_000,
    )
    page.keyboard.type(words)
    assert meta.inner_text()
    # Each key sends a query; wait for the answer to the whole words, not to their first letters.
    page.wait_for_function(
        """words => {
             const first = document.querySelector('.md-search-result__item');
             return first && first.innerText.toLowerCase().includes(words.toLowerCase());
           }""",
        arg=words,
        timeout=10_000,
    )
    return page.locator(".md-search-result__item a").first


def test_the_site_opened_from_a_folder_walks_from_home_to_a_passage_and_the_pdf(served, browser):
    _, site = served
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    problems: list[str] = []
    page = _from_disk_page(context, problems)
    page.goto((site / "index.html").as_uri())
    page.locator(".md-tabs a", has_text="People").click()
    assert page.url == (site / "people" / "index.html").as_uri()
    page.locator("article a", has_text="Tor Lind").first.click()
    assert page.url == (site / "people" / "tor-lind" / "index.html").as_uri()
    note = page.locator("ol.source-notes li").first
    passage = note.locator("q.passage").inner_text()
    note.locator("a").click()
    page.wait_for_url("**/sources/*/index.html#c*")
    marks = page.locator("mark.is-target")
    marks.first.wait_for()
    assert " ".join("".join(marks.all_text_contents()).split()) == " ".join(passage.split())
    page.locator(".md-header a.md-logo").click()
    assert page.url == (site / "index.html").as_uri()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "from-disk-home.png"))
    page.locator("a", has_text="Download the PDF briefing").click()  # Chromium shows it
    page.wait_for_url((site / "briefing.pdf").as_uri())
    assert (site / "briefing.pdf").read_bytes()[:5] == b"%PDF-"
    context.close()
    assert problems == []


def test_search_works_in_the_site_opened_from_a_folder(served, browser):
    _, site = served
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    problems: list[str] = []
    page = _from_disk_page(context, problems)
    page.goto((site / "timeline" / "index.html").as_uri())
    result = _search(page, "Lind")
    assert "Tor Lind" in result.inner_text()
    page.screenshot(path=str(SCREENSHOTS / "from-disk-search.png"))
    result.click()
    assert page.url.startswith((site / "people" / "tor-lind" / "index.html").as_uri())
    assert page.locator("h1").inner_text() == "Tor Lind"
    context.close()
    assert problems == []


def test_no_link_of_the_site_opened_from_a_folder_leads_to_a_folder(served, browser):
    _, site = served
    context = browser.new_context()
    problems: list[str] = []
    page = _from_disk_page(context, problems)
    for path in [*_pages(site), "data/"]:
        page.goto((site / path / "index.html").as_uri())
        page.wait_for_load_state("load")
        to_folders = page.evaluate(
            """() => [...document.querySelectorAll('a[href]')]
                 .map(a => new URL(a.getAttribute('href'), document.baseURI).href)
                 .filter(h => h.startsWith('file:') && new URL(h).pathname.endsWith('/'))"""
        )
        problems += [f"{path}: a link to the folder {href}" for href in to_folders]
    context.close()
    assert problems == []


@pytest.fixture(scope="module")
def served_elsewhere(tmp_path_factory):
    """The fixture site, built for https://example.org/sub/path/, served under /elsewhere/."""
    _require(CHROMIUM.exists(), "Debian's chromium")
    root = tmp_path_factory.mktemp("pages")
    project = tmp_path_factory.mktemp("mini") / "mini"
    shutil.copytree(FIXTURE, project)
    result = build_site(project, root / "elsewhere")
    assert result.returncode == 0, result.stderr
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_PagesHandler, directory=root))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/elsewhere/"
    server.shutdown()


def _check_404_page(page, base: str, missing: str) -> None:
    response = page.goto(base + missing)
    assert response.status == 404 or missing == "404.html"
    assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") == (
        "sticky"
    )  # Material's styles loaded
    assert page.locator(".md-header a.md-logo").evaluate("a => a.href") == base
    result = _search(page, "Brisk" if "elsewhere" in base else "Lind")
    assert result.evaluate("a => a.href").startswith(base + "people/")


@pytest.mark.parametrize("missing", ["people/nobody/", "sources/harbour-daily/typo"])
def test_404_page_at_any_depth_loads_what_it_needs_at_once(served, browser, missing):
    base, _ = served
    problems: list[str] = []
    page = _watched_page(browser.new_context(), base, problems)
    _check_404_page(page, base, missing)
    page.close()
    assert sorted(problems) == [  # the page's own status, and nothing else failed
        f"HTTP 404 for {base + missing}",
        "console: Failed to load resource: the server responded with a status of 404 (Not Found)",
    ]


@pytest.mark.parametrize("missing", ["404.html", "people/nobody/", "sources/gazette/typo"])
def test_404_page_works_at_any_depth_whatever_site_url_it_was_built_for(
    served_elsewhere, browser, missing
):
    base = served_elsewhere
    problems: list[str] = []
    page = _watched_page(
        browser.new_context(viewport={"width": 1280, "height": 700}), base, problems
    )
    _check_404_page(page, base, missing)
    if missing == "people/nobody/":
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / "404-elsewhere.png"))
    page.close()
    # Before its script runs, the browser looks ahead at the path the site was built for.
    wasted = [p for p in problems if "Failed to load" in p or "/sub/path/" in p]
    assert [p for p in problems if p not in wasted] in ([], [f"HTTP 404 for {base + missing}"])


def test_a_link_preview_shows_the_page_its_card_and_words(served, browser):
    """What a chat shows for a pasted link: read the tags as an unfurler does, fetch the card."""
    base, site = served
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page = browser.new_page(viewport={"width": 560, "height": 480})
    cards = set()
    for name, path in [
        ("home", ""),
        ("profile", "people/ines-vahl/"),
        ("other", "people/tor-lind/"),
    ]:
        html = urllib.request.urlopen(base + path, timeout=10).read().decode("utf-8")
        soup = BeautifulSoup(html, "html.parser")
        tags = {t["property"]: t["content"] for t in soup.find_all("meta", property=True)}
        assert tags["og:url"] == base + path
        assert soup.find("meta", attrs={"name": "twitter:card"})["content"] == (
            "summary_large_image"
        )
        with urllib.request.urlopen(tags["og:image"], timeout=10) as image:
            assert image.headers["Content-Type"] == "image/png"
            cards.add(image.read())
        page.set_content(
            '<div style="font:15px sans-serif;border:1px solid #ccc;border-radius:8px;'
            'overflow:hidden;width:520px">'
            f'<img src="{html_escape(tags["og:image"])}" alt="" style="width:100%">'
            f'<div style="padding:8px 12px"><small>{html_escape(tags["og:site_name"])}</small>'
            f"<br><b>{html_escape(tags['og:title'])}</b>"
            f"<p>{html_escape(tags['og:description'])}</p></div></div>"
        )
        page.wait_for_load_state("load")
        assert page.evaluate("document.querySelector('img').naturalWidth") == 1200
        page.screenshot(path=str(SCREENSHOTS / f"preview-{name}.png"))
    assert len(cards) == 2  # the home page's and Tokayev's; a minor figure shares the home's
    page.close()
