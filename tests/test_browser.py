"""A site in a real browser (Debian's Chromium driven by Playwright), as a reader meets it.

The fixture of several sources, served on 127.0.0.1 under a sub-path, as GitHub Pages serves a
project site. Screenshots of the main pages at two widths and PNGs of the PDF pages are written
to .cache/screenshots/.
"""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlparse

import pytest

from sitecheck import broken_links, build_site
from support import ROOT, SEVERAL

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


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """Build the fixture's site for a sub-path and serve it; yields (base URL, site folder)."""
    _require(CHROMIUM.exists(), "Debian's chromium")
    root = tmp_path_factory.mktemp("www")
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=root))
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
    page.on("console", lambda m: m.type == "error" and problems.append(f"console: {m.text}"))
    page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
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
