"""The web app in real headless Chromium (Debian's chromium, driven by Playwright).

Every page loads with no console error and no request leaving 127.0.0.1; a query runs from
the gallery; the network draws and a click opens an entity; the gaps page drills into the
social care gap; script payloads in report text stay text.
"""
from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests import payloads
from tests.conftest import SAMPLES
from tests.web_server import load, serving

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
if not CHROMIUM and not os.environ.get("CI"):
    pytest.skip("Debian's chromium is not installed (apt-get install chromium); CI installs it",
                allow_module_level=True)

from playwright.sync_api import Browser, Page, sync_playwright  # noqa: E402

FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--disable-default-apps"]
PAGES = ["/", "/reports", "/reports/sqs-salford-2016-03-23", "/gaps", "/gaps/social-care-communication",
         "/network", "/query", "/query?query=SELECT+%3Fr+WHERE+%7B+%3Fr+a+yj%3AReport+%7D",
         "/entity?iri=https://w3id.org/yjkg/id/report/sqs-salford-2016-03-23/finding/3.2",
         "/entity?iri=https://w3id.org/yjkg/id/person/tom-okafor"]


# move the view so the node sits, enlarged, in the middle of the canvas; return its page coordinates
CENTRE_ON = """(id) => { const n = window.yjkgNetwork; const p = n.getPositions([id])[id];
    n.moveTo({position: p, scale: 1.5, animation: false}); const d = n.canvasToDOM(p);
    const r = document.querySelector('#network canvas').getBoundingClientRect();
    return {x: r.left + d.x, y: r.top + d.y}; }"""


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory, salford: Path) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("browser")
    location = str(folder / "store")
    result = load(location, SAMPLES, salford, payloads.write(folder))
    assert result.returncode == 0, result.stderr
    with serving(location) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    assert CHROMIUM, "chromium is not installed"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS, headless=True)
        yield browser
        browser.close()


class Watched:
    """A page with its console errors and every URL it requested."""

    def __init__(self, browser: Browser) -> None:
        self.page: Page = browser.new_page()
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("request", lambda r: self.requests.append(r.url))

    def assert_clean(self, server: str) -> None:
        assert self.errors == []
        outside = [u for u in self.requests if not u.startswith((server, "data:", "blob:", "about:"))]
        assert outside == []


@pytest.fixture
def watched(browser: Browser) -> Iterator[Watched]:
    w = Watched(browser)
    yield w
    w.page.close()


@pytest.mark.parametrize("path", PAGES)
def test_page_loads_cleanly_and_offline(watched: Watched, server: str, path: str) -> None:
    response = watched.page.goto(server + path, wait_until="networkidle")
    assert response is not None and response.status == 200
    watched.assert_clean(server)


def test_example_query_shows_its_table(watched: Watched, server: str) -> None:
    page = watched.page
    page.goto(server + "/query", wait_until="networkidle")
    assert page.locator(".CodeMirror").count() == 1  # the editor replaced the textarea
    page.get_by_role("link", name="Partnership gaps ranked by how many reports evidence them").click()
    page.wait_for_selector("table.results tbody tr")
    assert page.locator("table.results tbody tr").count() >= 8
    assert "Communication and information sharing" in page.locator("table.results").inner_text()
    assert "query=" in page.url  # the query lives in the URL
    watched.assert_clean(server)


def test_editor_completes_project_prefixes(watched: Watched, server: str) -> None:
    page = watched.page
    page.goto(server + "/query", wait_until="networkidle")
    page.evaluate("window.yjkgEditor.setValue('SELECT * WHERE { ?s yj:ga'); window.yjkgEditor.setCursor({line: 0, ch: 99})")
    page.locator(".CodeMirror textarea").focus()
    page.keyboard.press("Control+Space")
    hints = page.locator(".CodeMirror-hints li")
    hints.first.wait_for()
    assert "yj:gap" in hints.all_inner_texts()


def test_parameterised_example(watched: Watched, server: str) -> None:
    page = watched.page
    page.goto(server + "/query", wait_until="networkidle")
    form = page.locator("form.param").filter(has=page.locator("select[name=area]"))
    form.locator("select").select_option("Salford")
    form.get_by_role("button").click()
    page.wait_for_selector("table.results tbody tr")
    assert "VALUES ?area { \"Salford\" }" in page.evaluate("window.yjkgEditor.getValue()")
    watched.assert_clean(server)


def test_network_click_opens_entity(watched: Watched, server: str) -> None:
    page = watched.page
    page.goto(server + "/network?kind=report&kind=recommendation&kind=gap", wait_until="networkidle")
    page.wait_for_selector("#network[data-stable=true]", timeout=15000)
    node = "https://w3id.org/yjkg/id/gap/social-care-communication"
    point = page.evaluate(CENTRE_ON, node)
    page.mouse.click(point["x"], point["y"])
    page.wait_for_url("**/entity?iri=*")
    assert "social-care-communication" in page.url
    assert "Communication and information sharing" in page.locator("h1").inner_text()
    watched.assert_clean(server)


def test_gaps_page_drills_into_social_care(watched: Watched, server: str) -> None:
    page = watched.page
    page.goto(server + "/gaps", wait_until="networkidle")
    page.get_by_role("link", name="Communication and information sharing with children's social care").first.click()
    page.wait_for_selector("ul.evidence li")
    text = page.locator("ul.evidence").inner_text()
    assert "communication between the two organisations was not always good enough" in text
    assert page.locator("ul.evidence li").count() >= 5
    watched.assert_clean(server)


@pytest.mark.parametrize("path", ["/reports/sqs-payload-2019-04-01",
                                  "/entity?iri=https://w3id.org/yjkg/id/report/sqs-payload-2019-04-01/finding/3.1",
                                  "/gaps/social-care-communication",
                                  "/query?query=SELECT+%3Fv+WHERE+%7B+%3Fs+rdf%3Avalue+%3Fv+%7D"])
def test_payloads_stay_text(watched: Watched, server: str, path: str) -> None:
    page = watched.page
    page.goto(server + path, wait_until="networkidle")
    assert page.evaluate("window.__pwned") is None
    assert payloads.SCRIPT in page.locator("main").inner_text()


def test_payloads_stay_text_in_the_network(watched: Watched, server: str) -> None:
    page = watched.page
    page.goto(server + "/network?kind=post&kind=person&kind=report&report=https://w3id.org/yjkg/id/report/sqs-payload-2019-04-01",
              wait_until="networkidle")
    page.wait_for_selector("#network[data-stable=true]", timeout=15000)
    person = page.evaluate("window.yjkgNetwork.body.data.nodes.get().find(n => n.label.includes('Bob')).id")
    point = page.evaluate(CENTRE_ON, person)
    page.mouse.move(point["x"] - 2, point["y"] - 2)
    page.mouse.move(point["x"], point["y"])
    tooltip = page.locator("div.vis-tooltip")
    tooltip.wait_for(state="visible")
    assert payloads.SCRIPT in tooltip.inner_text()
    assert page.evaluate("window.__pwned") is None
    watched.assert_clean(server)


def test_upload_page_loads_a_report(browser: Browser, tmp_path: Path, salford: Path) -> None:
    location = str(tmp_path / "store")
    assert load(location, salford).returncode == 0
    with serving(location, "--allow-writes") as url:
        watched = Watched(browser)
        page = watched.page
        page.goto(url + "/upload", wait_until="networkidle")
        page.set_input_files("input[type=file]", str(SAMPLES / "ashbury-sqs-2017.docx"))
        page.get_by_role("button", name="Load").click()
        page.wait_for_selector("p.ok")
        assert "Loaded ashbury-sqs-2017.docx" in page.locator("p.ok").inner_text()
        page.get_by_role("link", name="what was extracted").click()
        page.wait_for_selector("h1")
        assert "Ashbury" in page.locator("h1").inner_text()
        watched.assert_clean(url)
        page.close()
