"""HTML pages read with trafilatura: main text and metadata, offline."""
from __future__ import annotations

import socket

import pytest

pytest.importorskip(
    "trafilatura", exc_type=ImportError, reason="trafilatura (or its lxml_html_clean dependency) is not installed"
)

PAGE = """<!doctype html>
<html><head>
<title>Port reopens after storm | Daily Ledger</title>
<meta property="og:site_name" content="Daily Ledger">
<meta property="article:published_time" content="2021-05-20T10:00:00Z">
<link rel="canonical" href="https://example.org/news/port-reopens">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article>
<h1>Port reopens after storm</h1>
<p>The harbour authority said on Thursday that the port would reopen to cargo ships after a week of
repairs to the main pier, which was damaged on 3 March 2020 as well.</p>
<p>"We worked through the night," said Mayor Lena Ortiz, who thanked the crews that cleared the docks.</p>
</article>
<footer>Copyright Daily Ledger</footer>
</body></html>
"""


@pytest.fixture(autouse=True)
def no_network(monkeypatch):
    """Any attempt to open a socket fails the test."""

    def refuse(*args, **kwargs):
        raise AssertionError("the HTML reader tried to use the network")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


def test_read_html_extracts_main_text_and_metadata(tmp_path, read):
    path = tmp_path / "port.html"
    path.write_text(PAGE, encoding="utf-8")
    (article,), errors = read(path)
    assert errors == []
    assert article.id == "port"
    assert article.origin == str(path)
    assert article.title == "Port reopens after storm"
    assert article.source == "Daily Ledger"
    assert article.date == "2021-05-20"
    assert article.url == "https://example.org/news/port-reopens"
    assert article.text.startswith("The harbour authority said on Thursday")
    assert "Mayor Lena Ortiz" in article.text
    assert "Home" not in article.text and "Copyright" not in article.text


def test_read_html_takes_no_date_from_the_body_text(tmp_path, read):
    path = tmp_path / "port.htm"
    path.write_text(PAGE.replace('<meta property="article:published_time" content="2021-05-20T10:00:00Z">', ""))
    (article,), _ = read(path)
    assert article.date is None


def test_read_html_reports_page_without_main_text_and_reads_the_next(tmp_path, read):
    empty = "<html><head><title>Menu</title></head><body><script>x=1</script></body></html>"
    (tmp_path / "a-empty.html").write_text(empty)
    (tmp_path / "b-port.html").write_text(PAGE)
    articles, errors = read(tmp_path)
    assert [a.id for a in articles] == ["b-port"]
    assert [e.where for e in errors] == [str(tmp_path / "a-empty.html")]
    assert errors[0].problem.startswith("no main text found")
