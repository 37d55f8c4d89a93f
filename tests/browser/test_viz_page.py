"""The page `kg viz` writes, opened from disk in headless chromium: it draws, settles, and fetches nothing."""
from __future__ import annotations

import time

import pytest
from browser.conftest import painted_share
from viz.names import HAMAS, QAANI, TINY
from viz.synthetic import synthetic_turtle

from kg.viz import ViewOptions, open_dataset, read_view, render_html, select


def open_page(watched, tmp_path, view, options, name="graph.html", timeout=60_000):
    path = tmp_path / name
    path.write_text(render_html(select(view, options), "test graph"), encoding="utf-8")
    watched.page.goto(path.as_uri())
    watched.page.wait_for_selector("body[data-stabilized-ms]", state="attached", timeout=timeout)
    return watched.page


def test_the_page_draws_the_graph_offline_without_console_errors(watched, tmp_path):
    page = open_page(watched, tmp_path, read_view(open_dataset(TINY)), ViewOptions())
    share = painted_share(page.locator("#mynetwork").screenshot())
    assert share > 0.005, f"the graph canvas is blank ({share:.4%} painted)"
    assert watched.errors == []
    assert watched.outside == []
    assert all(u.startswith(("file:", "data:")) for u in watched.requests)
    legend = page.locator("#legend").inner_text()
    assert all(kind in legend for kind in ("person", "organization", "letter", "speech", "quote", "praised"))


def test_a_click_shows_the_evidence_as_text_with_a_link_to_the_article(watched, tmp_path):
    page = open_page(watched, tmp_path, read_view(open_dataset(TINY)), ViewOptions(statements=False))
    box = page.locator("#mynetwork").bounding_box()
    where = page.evaluate("""([a, b]) => {
        const net = window.kgNetwork;
        const id = net.body.data.edges.get().find(e => e.from === a && e.to === b).id;
        return net.canvasToDOM(net.body.edges[id].edgeType.getPoint(0.5));
    }""", [HAMAS, QAANI])
    page.mouse.click(box["x"] + where["x"], box["y"] + where["y"])
    details = page.locator("#details")
    details.wait_for(state="visible")
    text = details.inner_text()
    assert 'Hamas quoted Qaani: <script>alert(1)</script> & "more"' in text  # shown as text
    assert details.locator("script").count() == 0 and watched.dialogs == []
    assert details.locator("a[href^='javascript:']").count() == 0

    page.fill("#find", "qaani")
    page.press("#find", "Enter")
    page.wait_for_function("document.getElementById('details-body').innerText.includes('also named')")
    link = details.locator("a[href='https://tasnim.example/1']")
    assert link.count() == 1 and link.get_attribute("rel") == "noopener noreferrer"
    assert watched.errors == [] and watched.outside == []


def test_hovering_a_node_shows_its_tooltip(watched, tmp_path):
    page = open_page(watched, tmp_path, read_view(open_dataset(TINY)), ViewOptions(statements=False))
    box = page.locator("#mynetwork").bounding_box()
    where = page.evaluate("id => window.kgNetwork.canvasToDOM(window.kgNetwork.getPositions([id])[id])", QAANI)
    page.mouse.move(box["x"] + where["x"], box["y"] + where["y"])
    tip = page.locator("div.vis-tooltip")
    tip.wait_for(state="visible", timeout=10_000)
    assert "Esmail Qaani" in tip.inner_text() and "also named: Ghaani, Qaani" in tip.inner_text()


@pytest.mark.slow
def test_a_2000_node_graph_settles_then_stays_still(watched, tmp_path, capsys):
    path = tmp_path / "big.ttl"
    path.write_text(synthetic_turtle(2000, 1000), encoding="utf-8")
    view = read_view(open_dataset(path))
    page = open_page(watched, tmp_path, view, ViewOptions(statements=False), "big.html", timeout=180_000)
    assert page.evaluate("window.kgNetwork.body.data.nodes.length") == 2000
    before = page.evaluate("window.kgNetwork.getPositions()")
    time.sleep(1.0)
    after = page.evaluate("window.kgNetwork.getPositions()")
    assert before == after, "nodes still move after the layout settled"
    assert page.evaluate("window.kgNetwork.physics.physicsEnabled") is False
    assert painted_share(page.locator("#mynetwork").screenshot()) > 0.01
    assert watched.errors == [] and watched.outside == []
    with capsys.disabled():
        print(f"\n2,000 nodes settled {page.evaluate('document.body.dataset.stabilizedMs')} ms after the script "
              "started (headless chromium, this machine)")
