"""The page `kg serve` serves at /, in headless chromium: queries run, the answer is drawn, nothing leaves."""
from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from browser.conftest import painted_share
from serve.conftest import running
from viz.stores import build_store


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    store = build_store(tmp_path_factory.mktemp("page-store"))
    with running(store, timeout=10) as base:
        yield base


def run_query(page, text: str | None = None) -> str:
    if text is not None:
        page.fill("#query", text)
    page.click("#run")
    page.wait_for_selector("body[data-state=done], body[data-state=error]", state="attached")
    return page.get_attribute("body", "data-state")


def test_the_page_runs_a_query_and_draws_its_answer(watched, site):
    page = watched.page
    page.goto(site + "/")
    page.wait_for_selector("body[data-ready='1']", state="attached")
    assert run_query(page) == "done"
    page.wait_for_selector("body[data-graph-ready='1']", state="attached", timeout=30_000)
    assert page.locator("#table tbody tr").count() > 0
    assert "rows" in page.inner_text("#status")
    share = painted_share(page.locator("#graph").screenshot())
    assert share > 0.005, f"the answer's graph is blank ({share:.4%} painted)"
    assert watched.errors == []
    assert watched.outside == []
    port = urlsplit(site).port
    assert watched.requests and all(urlsplit(u).port == port or u.startswith("data:") for u in watched.requests)


def test_the_named_queries_are_examples_that_run(watched, site):
    page = watched.page
    page.goto(site + "/")
    page.wait_for_selector("body[data-ready='1']", state="attached")
    options = page.locator("#examples option")
    assert options.count() > 2
    page.select_option("#examples", index=1)
    assert page.input_value("#query").strip()
    assert run_query(page) == "done"
    assert watched.errors == [] and watched.outside == []


def test_a_bad_query_shows_the_parsers_message(watched, site):
    page = watched.page
    page.goto(site + "/")
    page.wait_for_selector("body[data-ready='1']", state="attached")
    assert run_query(page, "SELECT ?x WHERE { ?x a kg:Letter") == "error"
    assert "HTTP 400" in page.inner_text("#error") and "not valid SPARQL" in page.inner_text("#error")
    assert watched.outside == []


def test_clicking_a_resource_describes_it_as_a_graph(watched, site):
    page = watched.page
    page.goto(site + "/")
    page.wait_for_selector("body[data-ready='1']", state="attached")
    assert run_query(page) == "done"
    page.locator("#table tbody a").first.click()
    page.wait_for_selector("body[data-state=done]", state="attached")
    assert page.input_value("#query").startswith("DESCRIBE <https://w3id.org/newskg/id/")
    page.wait_for_selector("body[data-graph-ready='1']", state="attached", timeout=30_000)
    assert "triples" in page.inner_text("#status")
    assert watched.errors == [] and watched.outside == []
