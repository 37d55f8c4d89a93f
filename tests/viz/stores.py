"""A small real store, built by `kg build --store` from three articles, for the viz, serve and browser tests."""
from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from kg.cli import main

ARTICLES = [
    {"id": "mehr", "source": "Mehr News Agency", "date": "2021-05-19", "url": "https://mehr.example/qaani-deif",
     "text": "Brigadier General Esmaeil Ghaani sent a letter to Mohammed Deif, commander of the Izz ad-Din "
             "al-Qassam Brigades. \"You are the pride of the nation,\" Ghaani wrote."},
    {"id": "jpost", "source": "The Jerusalem Post", "date": "2021-05-20", "url": "https://jpost.example/qaani",
     "text": "IRGC Quds Force chief Esmail Qaani sent a letter to Mohammed Deif. The Izzadin al-Qassam "
             "Brigades welcomed it. Ali Khamenei praised the Quds Force."},
    {"id": "ledger", "source": "The Market Ledger", "date": "2024-02-02",
     "text": "Maria Delgado wrote to Daniel Okafor and Gina Castellano on Monday. \"The board needs fresh eyes,\" "
             "Delgado said. Okafor praised Castellano for her <b>patience</b> & her \"tact\"."},
]


def build_store(folder: Path, articles: list[dict] = ARTICLES) -> Path:
    """Build ``articles`` into a store in ``folder``/store; return the store folder."""
    feed = folder / "feed.jsonl"
    feed.write_text("".join(json.dumps(a) + "\n" for a in articles), encoding="utf-8")
    store = folder / "store"
    result = CliRunner().invoke(main, ["build", str(feed), "--store", str(store), "-q"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return store
