"""Serving a store that changes: updates when allowed, a build running alongside, and `kg serve` itself."""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import urllib.parse
from pathlib import Path

import pytest
from click.testing import CliRunner
from serve.conftest import http, running

from kg.cli import main
from kg.errors import KGError
from kg.serve.app import create_app

INSERT = 'INSERT DATA { GRAPH <https://example.org/notes> { <https://example.org/x> rdfs:comment "checked" } }'
CHECKED = 'ASK { ?s rdfs:comment "checked" }'


def ask(base: str, query: str) -> bool:
    reply = http(f"{base}/sparql?{urllib.parse.urlencode({'query': query})}")
    assert reply.status == 200, reply.text
    return json.loads(reply.body)["boolean"]


def post_update(base: str, text: str):
    return http(f"{base}/sparql", method="POST", body=text.encode(),
                headers={"Content-Type": "application/sparql-update"})


@pytest.fixture
def own_store(store, tmp_path) -> Path:
    """A copy of the session's store that a test may change."""
    return Path(shutil.copytree(store, tmp_path / "store"))


def test_allow_update_applies_updates_and_queries_see_them(own_store):
    with running(own_store, allow_update=True, timeout=10) as base:
        assert ask(base, CHECKED) is False
        reply = post_update(base, INSERT)
        assert reply.status == 200, reply.text
        assert ask(base, CHECKED) is True
        form = http(f"{base}/sparql", method="POST", headers={"Content-Type": "application/x-www-form-urlencoded"},
                    body=urllib.parse.urlencode({"update": "CLEAR GRAPH <https://example.org/notes>"}).encode())
        assert form.status == 200 and ask(base, CHECKED) is False


def test_with_updates_allowed_a_bad_update_is_400_and_an_update_sent_as_query_is_told_where_to_go(own_store):
    with running(own_store, allow_update=True, timeout=10) as base:
        bad = post_update(base, "INSERT DATA { <a:b> <a:c> ")
        assert bad.status == 400 and "the update is not valid SPARQL" in bad.text
        misplaced = http(f"{base}/sparql?{urllib.parse.urlencode({'query': INSERT})}")
        assert misplaced.status == 400 and "send it as update=" in misplaced.text


def test_a_build_can_run_while_serving_and_queries_then_see_its_articles(own_store, tmp_path):
    extra = {"id": "extra", "source": "Daily Bugle", "text": "Peter Parker sent a letter to Mary Jane Watson. "
             "\"I will be late,\" Parker wrote."}
    feed = tmp_path / "extra.jsonl"
    feed.write_text(json.dumps(extra) + "\n", encoding="utf-8")
    wanted = 'ASK { ?a kg:source "Daily Bugle" }'
    with running(own_store, timeout=10) as base:
        assert ask(base, wanted) is False
        result = CliRunner().invoke(main, ["build", str(feed), "--store", str(own_store), "-q"],
                                    catch_exceptions=False)
        assert result.exit_code == 0, result.stderr  # the server holds no lock
        assert ask(base, wanted) is True  # workers reopen the store when its files change


def test_create_app_refuses_what_is_not_a_store_on_disk(tmp_path):
    from kg.graph.store import KGStore

    with pytest.raises(KGError, match="there is no store"):
        create_app(tmp_path)
    with pytest.raises(KGError, match="in-memory store cannot be served"):
        create_app(KGStore())


def test_kg_serve_listens_on_loopback_and_answers_until_stopped(store):
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    process = subprocess.Popen([sys.executable, "-m", "kg.cli", "serve", "--store", str(store), "--port", "0", "-q"],
                               stderr=subprocess.PIPE, text=True, env=env)
    try:
        line = process.stderr.readline()
        m = re.match(r"serving .+ at (http://127\.0\.0\.1:(\d+)/) "
                     r"\(SPARQL endpoint \1sparql; read-only; timeout 30 s\)", line)
        assert m, line
        assert ask(m[1].rstrip("/"), "ASK { ?l a kg:Letter }") is True
    finally:
        process.terminate()
        process.wait(timeout=30)


def test_kg_serve_says_what_is_wrong_with_its_store(tmp_path):
    result = CliRunner().invoke(main, ["serve", "--store", str(tmp_path / "none")])
    assert result.exit_code == 1 and "there is no store" in result.stderr


