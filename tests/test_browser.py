"""The pages in a real browser (headless Chromium from Debian) against a live server.

The server is the real one (``python -m endpoint.serve``: gunicorn, evaluator processes, an
on-disk store filled with the page fixture). The browser starts from a fresh profile with
networking extras off, and the page must not fetch anything from another origin: the
query editor is served from the package, so it works offline.

Skipped, saying why, when Chromium or Playwright is missing, except in CI (``CI`` set),
where a missing browser is a failure. Set ``KOTAKG_SCREENSHOTS=DIR`` to keep screenshots.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from endpoint_server import running_server
from pages_support import fixture_store

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
TIMEOUT_MS = 20_000

try:
    from playwright.sync_api import Page, expect, sync_playwright
except ImportError:  # only allowed outside CI, see below
    sync_playwright = None

_missing = [why for why, gone in (
    ("Chromium (/usr/bin/chromium; tests/setup-system.sh installs it)", not CHROMIUM.exists()),
    ("Playwright (pip install -e '.[test]')", sync_playwright is None)) if gone]
pytestmark = pytest.mark.skipif(
    bool(_missing) and not os.environ.get("CI"),
    reason="the browser test needs " + " and ".join(_missing))


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    path = tmp_path_factory.mktemp("browser") / "store"
    del_store = fixture_store(path)
    del del_store  # the server opens the directory itself
    with running_server(path, "--workers", "1", "--evaluators", "1", "--timeout", "20") as s:
        yield s


@pytest.fixture(scope="module")
def browser_context(tmp_path_factory):
    profile = tmp_path_factory.mktemp("chromium-profile")
    with sync_playwright() as p:
        context = p.chromium.launch_persistent_context(
            str(profile), executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True,
            viewport={"width": 1280, "height": 900})
        context.set_default_timeout(TIMEOUT_MS)
        yield context
        context.close()


@pytest.fixture
def page(browser_context, server):
    """A tab that records every URL it requests and every script error it meets."""
    tab = browser_context.new_page()
    tab.requested, tab.errors = [], []
    tab.on("request", lambda request: tab.requested.append(request.url))
    tab.on("pageerror", lambda error: tab.errors.append(str(error)))
    yield tab
    tab.close()


def screenshot(page: Page, name: str) -> None:
    folder = os.environ.get("KOTAKG_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(folder) / name), full_page=True)


def results(page: Page):
    """The results table of the tab in view."""
    return page.locator(".yasr:visible table tbody")


def test_a_saved_query_runs_from_the_query_page(page, server) -> None:
    page.goto(server.url + "/")
    saved = page.locator("#saved-queries button.load[data-name=officials]")
    expect(saved).to_contain_text("Who holds which office")
    saved.click()
    rows = results(page).locator("tr")
    expect(rows.first).to_be_visible()
    expect(results(page)).to_contain_text("M Anton")
    expect(results(page)).to_contain_text("FX Hadi Rudyatmo")
    expect(results(page)).to_contain_text("mayor")
    screenshot(page, "query-page.png")
    assert page.errors == []
    assert all(url.startswith(server.url) or url.startswith("data:") for url in page.requested), \
        [url for url in page.requested if not url.startswith(server.url)]


def test_a_typed_query_runs_against_this_server(page, server) -> None:
    page.goto(server.url + "/")
    editor = page.locator(".CodeMirror:visible")
    expect(editor).to_contain_text("PREFIX kotakg:")  # the example prefixes are there
    editor.click()
    page.keyboard.press("Control+A")
    page.keyboard.insert_text("SELECT ?name WHERE { <https://w3id.org/kotakg/resource/place/"
                              "cn-xian> <https://schema.org/name> ?name }")
    page.locator(".yasqe_queryButton:visible").click()
    expect(results(page)).to_contain_text("Xī'ān")


def test_a_label_number_result_is_charted(page, server) -> None:
    page.goto(server.url + "/?saved=entities-per-class")
    expect(results(page)).to_contain_text("Cooperation")
    rows = results(page).locator("tr").count()
    page.locator(".yasr:visible .select_chart").click()
    chart = page.locator(".yasr:visible .kotakg-chart svg")
    expect(chart).to_be_visible()
    labels = chart.locator("text").all_text_contents()
    assert {"City", "Cooperation", "Person"} <= set(labels)
    assert chart.locator("rect").count() == rows == 10
    screenshot(page, "query-chart.png")


def test_an_entity_page_links_facts_and_evidence(page, server) -> None:
    page.goto(server.url + "/place/kota-malang")
    expect(page.locator("h1")).to_have_text("Malang")
    expect(page.locator("mark").first).to_be_visible()
    drawing = page.locator("figure.drawing svg")
    expect(drawing).to_be_visible()
    screenshot(page, "entity-page.png")
    drawing.locator("a", has_text="East Java").click()
    expect(page.locator("h1")).to_have_text("East Java")
    assert page.url == server.url + "/place/province-jawa-timur"
