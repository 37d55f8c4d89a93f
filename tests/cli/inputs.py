"""Small inputs for the CLI tests and a reader for the summary line `kg build` prints."""
from __future__ import annotations

import re
from pathlib import Path


ROOT = Path(__file__).resolve().parents[2]
SUMMARY = re.compile(r"built (\d+) articles: (\d+) actors, (\d+) letters, (\d+) speeches, (\d+) quotes, "
                     r"(\d+) edges -> (.+) \((\d+\.\d) s\)(?:; .+: see above)?")

LETTER = """Senators write to FAA

Sen. Maria Delgado sent a letter to FAA Administrator Paul Okafor on Monday, urging him to act on near misses.

"The public deserves answers," Delgado said.
"""
SPEECH = """Mayor Ama Owusu praised the market traders in a speech on Saturday.

"You built this city," Owusu said.
"""
FEED = [
    {"id": "feed-shareholders", "source": "Business Wire", "date": "2024-03-01", "title": "CEO writes to investors",
     "text": "Kestrel Foods chief executive Dana Whitfield wrote to shareholders on Friday. "
             "\"We had a strong year,\" Whitfield said."},
    {"id": "feed-cup", "text": "Coach Steve Ramsey hailed goalkeeper Tomas Villa after the match. "
                               "\"He won us the game,\" Ramsey said."},
]
STDIN_TEXT = "Prime Minister Lena Kovacs thanked the rescue teams on Sunday. \"They saved lives,\" Kovacs said.\n"


def summary(stderr: str) -> dict[str, int | str]:
    """The numbers of the summary line, which must be the last line on stderr."""
    last = stderr.strip().splitlines()[-1]
    m = SUMMARY.fullmatch(last)
    assert m, f"last stderr line is not the summary: {last!r}"
    keys = ("articles", "actors", "letters", "speeches", "quotes", "edges")
    return {**dict(zip(keys, map(int, m.groups()[:6]))), "output": m[7]}
