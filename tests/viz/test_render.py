"""The page: self-contained, styled by type, with escaped tooltips and settling physics."""
from __future__ import annotations

import json
import re

import pytest
from pyvis.network import Network
from viz.names import HAMAS, HANIYEH, QAANI

from kg.viz import ViewOptions, check_offline, fetched_urls, render_html, select
from kg.viz.offline import OfflineError
from kg.viz.render import link_tooltip, node_tooltip, physics


def page_data(html: str, name: str) -> list[dict]:
    """The nodes or edges the page hands to vis-network."""
    match = re.search(rf"var raw{name} = (\[.*?\]);\n", html, re.S)
    return json.loads(match[1])


@pytest.fixture
def html(tiny):
    return render_html(select(tiny, ViewOptions()), "tiny graph")


def test_the_page_fetches_nothing_and_inlines_vis_network(html):
    assert fetched_urls(html) == []
    assert "new vis.Network(" in html and "vis-network" in html
    assert "cdn.jsdelivr.net" not in html and "cdnjs.cloudflare.com" not in html


def test_pyvis_in_line_pages_would_still_fetch_bootstrap():
    """Why the page has its own template: pyvis 0.3.2's in_line output links Bootstrap from a CDN."""
    net = Network(cdn_resources="in_line")
    net.add_node(1)
    urls = fetched_urls(net.generate_html())
    assert any("bootstrap" in u for u in urls)
    with pytest.raises(OfflineError, match="would fetch https://"):
        check_offline(net.generate_html())


@pytest.mark.parametrize("markup", [
    '<link rel="stylesheet" href="https://cdn.example/x.css">',
    '<script src="//cdn.example/x.js"></script>',
    '<img src="http://example.org/a.png">',
    '<style>@import "https://fonts.example/f.css";</style>',
    '<div style="background: url(https://example.org/bg.png)"></div>',
])
def test_fetched_urls_finds_what_a_browser_would_request(markup):
    assert fetched_urls(f"<html><head></head><body>{markup}</body></html>")


def test_fetched_urls_ignores_links_to_click_and_inline_data():
    page = ('<a href="https://example.org/article">article</a><img src="data:image/png;base64,AAAA">'
            '<script>var s = "<script src=https://x.example/y.js>";</script>')
    assert fetched_urls(page) == []


def test_nodes_are_coloured_and_shaped_by_type_and_sized_by_centrality(html):
    nodes = {n["id"]: n for n in page_data(html, "Nodes")}
    assert nodes[QAANI]["shape"] == "dot" and nodes[HAMAS]["shape"] == "square"
    assert nodes[QAANI]["color"] != nodes[HAMAS]["color"]
    shapes = {n["kind"]: n["shape"] for n in nodes.values()}
    assert shapes == {"person": "dot", "organization": "square", "letter": "diamond", "speech": "triangle",
                      "quote": "star"}
    quote = next(n for n in nodes.values() if n["kind"] == "quote")
    assert nodes[QAANI]["size"] > quote["size"]  # the sender of a letter, speaker of a quote, quoted: central


def test_edges_are_labelled_by_relation_and_as_wide_as_their_sources(tiny):
    html = render_html(select(tiny, ViewOptions(statements=False)), "t")
    edges = {e["relation"]: e for e in page_data(html, "Edges")}
    assert edges["sentLetterTo"]["label"] == "sentLetterTo"
    assert edges["sentLetterTo"]["width"] > edges["praised"]["width"]  # 2 sources against 1


def test_the_legend_names_every_type_drawn(html):
    legend = html[html.index('<aside id="legend"'):html.index("</aside>")]
    for name in ("person", "organization", "letter", "speech", "quote", "praised", "quoted", "sender"):
        assert name in legend


def test_tooltips_show_other_names_sentence_outlet_date_and_article_link(tiny):
    labels = {n: v.label for n, v in tiny.nodes.items()}
    actor = node_tooltip(tiny.nodes[QAANI], labels)
    assert "also named: Ghaani, Qaani" in actor
    assert 'href="https://tasnim.example/1"' in actor
    edge = next(lk for lk in tiny.links if lk.relation == "sentLetterTo")
    tip = link_tooltip(edge, labels)
    assert "Qaani sent a letter to Ismail Haniyeh." in tip
    assert "Tasnim" in tip and "2024-03-04" in tip and "2 independent sources" in tip
    assert '<a href="https://jazeera.example/2" target="_blank" rel="noopener noreferrer">' in tip


def test_a_role_link_shows_the_evidence_of_its_statement(tiny):
    labels = {n: v.label for n, v in tiny.nodes.items()}
    sender = next(lk for lk in tiny.links if lk.relation == "sender")
    tip = link_tooltip(sender, labels)
    assert "<b>Esmail Qaani</b> sender" in tip and "Qaani sent a letter to Ismail Haniyeh." in tip


def test_article_text_is_escaped_and_only_web_addresses_become_links(tiny, html):
    labels = {n: v.label for n, v in tiny.nodes.items()}
    quoted = next(lk for lk in tiny.links if lk.relation == "quoted")
    tip = link_tooltip(quoted, labels)
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;more&quot;" in tip
    assert "javascript:" not in tip and "A blog &lt;b&gt;with markup&lt;/b&gt;" in tip
    assert "<script>alert(1)" not in html and "javascript:alert" not in html


def test_physics_settle_in_fewer_iterations_for_bigger_graphs():
    small, big = physics(50), physics(2000)
    assert small["stabilization"]["iterations"] > big["stabilization"]["iterations"] >= 100
    assert big["solver"] == "forceAtlas2Based"


def test_the_page_turns_physics_off_once_the_layout_is_done(html):
    assert 'network.once("stabilizationIterationsDone", settled)' in html
    assert "network.setOptions({physics: {enabled: false}})" in html


def test_notes_on_what_was_left_out_are_on_the_page(tiny):
    html = render_html(select(tiny, ViewOptions(min_sources=2)), "t")
    assert "only edges and statements with at least 2 independent sources" in html
    assert HANIYEH in html
