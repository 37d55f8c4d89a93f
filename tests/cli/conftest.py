"""Fixtures for the CLI tests: a runner for `kg` and folders of small inputs, good and bad."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from kg.cli import main

from .inputs import FEED, LETTER, SPEECH


@pytest.fixture
def kg():
    """``kg(*args, input=None) -> Result``: run the `kg` command in-process; stderr is kept apart."""

    def run(*args: str, input: str | bytes | None = None) -> Result:
        return CliRunner().invoke(main, [str(a) for a in args], input=input, prog_name="kg",
                                  catch_exceptions=False)

    return run


@pytest.fixture
def news(tmp_path: Path) -> Path:
    """A folder of two good articles, and a feed of two good lines around one malformed line."""
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "faa-letter.txt").write_text(LETTER, encoding="utf-8")
    (folder / "market-speech.md").write_text(SPEECH, encoding="utf-8")
    lines = [json.dumps(FEED[0]), '{"id": "broken", "text": "no closing brace"', json.dumps(FEED[1])]
    (tmp_path / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


@pytest.fixture
def bad(tmp_path: Path) -> Path:
    """A folder with nothing buildable: an empty file and a binary one."""
    folder = tmp_path / "bad"
    folder.mkdir()
    (folder / "empty.txt").write_bytes(b"")
    (folder / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR")
    return folder

