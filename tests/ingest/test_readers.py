"""One test group per input format: what a reader keeps and what it reports."""
from __future__ import annotations

import json
import sys

import pytest

from kg.model import Article

LINE_HINT = '(each line needs a JSON object with a "text" string)'


def jsonl(path, *rows):
    """Write ``rows`` as JSONL: dicts are dumped, strings written as they are."""
    path.write_text("".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in rows), encoding="utf-8")
    return path


# txt and md


def test_read_plain_takes_markdown_heading_as_title(tmp_path, read):
    path = tmp_path / "port.md"
    path.write_text("# Port reopens after storm\n\nThe harbour reopened on Monday.\nShips came back.\n")
    (article,), errors = read(path)
    assert errors == []
    assert article == Article(
        id="port",
        text="The harbour reopened on Monday.\nShips came back.\n",
        title="Port reopens after storm",
        origin=str(path),
    )


def test_read_plain_heading_needs_no_blank_line_and_drops_closing_hashes(tmp_path, read):
    path = tmp_path / "a.md"
    path.write_text("## Council votes ##\nThe council voted on Friday.")
    (article,), _ = read(path)
    assert (article.title, article.text) == ("Council votes", "The council voted on Friday.")


def test_read_plain_takes_short_first_line_before_blank_line_as_title(tmp_path, read):
    path = tmp_path / "storm.txt"
    path.write_text("Storm hits the coast\n\n\nA storm hit the coast on Tuesday.\n")
    (article,), _ = read(path)
    assert article.title == "Storm hits the coast"
    assert article.text == "A storm hit the coast on Tuesday.\n"


@pytest.mark.parametrize(
    "text",
    [
        "The mayor spoke on Monday.\n\nShe thanked the crews.\n",  # ends with a period: a sentence
        "Mayor thanks crews\nShe thanked the crews.\n",  # no blank line after it
        "A" * 200 + "\n\nShe thanked the crews.\n",  # too long for a title
    ],
)
def test_read_plain_keeps_text_whole_when_first_line_is_no_title(tmp_path, read, text):
    path = tmp_path / "a.txt"
    path.write_text(text)
    (article,), _ = read(path)
    assert article.title is None
    assert article.text == text


def test_read_plain_keeps_text_exactly_apart_from_crlf_and_bom(tmp_path, read):
    path = tmp_path / "a.txt"
    path.write_bytes(b"\xef\xbb\xbf  The mayor\t spoke.\r\n\r\n\"We will rebuild,\" she said.  \r\n")
    (article,), errors = read(path)
    assert errors == []
    assert article.text == '  The mayor\t spoke.\n\n"We will rebuild," she said.  \n'


def test_read_plain_reports_a_title_without_text(tmp_path, read):
    path = tmp_path / "a.md"
    path.write_text("# Only a headline\n\n")
    articles, errors = read(path)
    assert articles == []
    assert [e.where for e in errors] == [str(path)]
    assert "only a title" in errors[0].problem


# jsonl


def test_read_jsonl_uses_optional_fields(tmp_path, read):
    path = jsonl(
        tmp_path / "feed.jsonl",
        {"id": "p1", "text": "The port reopened.", "source": "Daily Ledger", "date": "2021-05-20",
         "url": "https://example.org/p1", "title": "Port reopens"},
    )
    (article,), errors = read(path)
    assert errors == []
    assert article == Article(
        id="p1", text="The port reopened.", source="Daily Ledger", date="2021-05-20",
        url="https://example.org/p1", title="Port reopens", origin=f"{path}:1",
    )


def test_read_jsonl_defaults_id_to_stem_and_line_and_skips_blank_lines(tmp_path, read):
    path = jsonl(tmp_path / "feed.jsonl", {"text": "One."}, "", "   ", {"id": 42, "text": "Two."}, {"text": "Three."})
    articles, errors = read(path)
    assert errors == []
    assert [(a.id, a.origin) for a in articles] == [
        ("feed-1", f"{path}:1"),
        ("42", f"{path}:4"),
        ("feed-5", f"{path}:5"),
    ]


def test_read_jsonl_accepts_null_fields_silently(tmp_path, read):
    path = jsonl(tmp_path / "gold.jsonl", {"id": "g", "text": "One.", "source": None, "date": None, "url": None})
    (article,), errors = read(path)
    assert errors == []
    assert (article.source, article.date, article.url) == (None, None, None)


def test_read_jsonl_keeps_text_exactly(tmp_path, read):
    text = "\ufeffLine one.\r\n  Line two\u2019s \u201cquote\u201d.  "
    (article,), _ = read(jsonl(tmp_path / "f.jsonl", {"text": text}))
    assert article.text == text


@pytest.mark.parametrize(
    "line, problem",
    [
        ('{"text": "unclosed', 'not valid JSON (Unterminated string starting at column 10); '
         'each line needs a JSON object with a "text" string'),
        ('["a list"]', 'a JSON list, not an object; each line needs a JSON object with a "text" string'),
        ('{"body": "The port reopened."}', f'no "text" field {LINE_HINT}'),
        ('{"text": ""}', f'"text" is empty {LINE_HINT}'),
        ('{"text": "  \\n "}', f'"text" is empty {LINE_HINT}'),
        ('{"text": 12}', f'"text" is a JSON number, not a string {LINE_HINT}'),
        ('{"text": null}', f'"text" is a JSON null, not a string {LINE_HINT}'),
    ],
)
def test_read_jsonl_reports_bad_line_and_reads_the_others(tmp_path, read, line, problem):
    path = jsonl(tmp_path / "feed.jsonl", {"text": "Before."}, line, {"text": "After."})
    articles, errors = read(path)
    assert [a.text for a in articles] == ["Before.", "After."]
    assert [str(e) for e in errors] == [f"{path}:2: {problem}"]


def test_read_jsonl_reports_bad_optional_field_and_keeps_article(tmp_path, read):
    path = jsonl(tmp_path / "feed.jsonl", {"id": ["x"], "text": "One.", "title": 5})
    (article,), errors = read(path)
    assert (article.id, article.title) == ("feed-1", None)
    assert [str(e) for e in errors] == [
        f'{path}:1: "id" is a JSON list, not a string; ignored',
        f'{path}:1: "title" is a JSON number, not a string; ignored',
    ]


def test_read_jsonl_normalises_dates(tmp_path, read):
    dates = ["2021-05-20", "2021-05-20T10:00:00Z", "20 May 2021", "May 20, 2021"]
    articles, errors = read(jsonl(tmp_path / "f.jsonl", *({"text": "One.", "date": d} for d in dates)))
    assert errors == []
    assert [a.date for a in articles] == ["2021-05-20"] * 4


def test_read_jsonl_reports_date_it_cannot_understand_and_keeps_article(tmp_path, read):
    path = jsonl(tmp_path / "feed.jsonl", {"text": "One."}, {"text": "Two."}, {"text": "Three.", "date": "sometime"})
    articles, errors = read(path)
    assert [a.date for a in articles] == [None, None, None]
    assert [str(e) for e in errors] == [f'{path}:3: date "sometime" not understood, ignored (use YYYY-MM-DD)']


def test_read_jsonl_reports_non_utf8_line_with_its_byte_offset(tmp_path, read):
    path = tmp_path / "feed.jsonl"
    path.write_bytes(b'{"text": "One."}\n{"text": "Caf\xe9."}\n{"text": "Three."}\n')
    articles, errors = read(path)
    assert [a.text for a in articles] == ["One.", "Three."]
    assert [e.where for e in errors] == [f"{path}:2"]
    assert "byte 0xe9 at byte offset 30" in errors[0].problem
    assert "convert the file to UTF-8" in errors[0].problem


def test_read_jsonl_strips_bom(tmp_path, read):
    path = tmp_path / "feed.jsonl"
    path.write_bytes(b'\xef\xbb\xbf{"text": "One."}\n')
    (article,), errors = read(path)
    assert errors == [] and article.text == "One."


def test_read_jsonl_reports_file_of_blank_lines_as_empty(tmp_path, read):
    path = tmp_path / "feed.jsonl"
    path.write_text("\n  \n\n")
    articles, errors = read(path)
    assert articles == []
    assert [str(e) for e in errors] == [f"{path}: empty file (only blank lines)"]


# json


def test_read_json_reads_one_gold_style_object(tmp_path, read):
    path = tmp_path / "seed-001.json"
    path.write_text(json.dumps({
        "id": "seed-001-port", "source": "Daily Ledger", "date": None, "url": None,
        "text": "The port reopened.", "actors": [{"id": "ortiz", "type": "Person"}], "letters": [],
    }, indent=1))
    (article,), errors = read(path)
    assert errors == []
    assert article == Article(id="seed-001-port", text="The port reopened.", source="Daily Ledger", origin=str(path))


def test_read_json_defaults_id_to_stem(tmp_path, read):
    path = tmp_path / "seed-002.json"
    path.write_text('{"text": "The port reopened."}')
    (article,), _ = read(path)
    assert article.id == "seed-002"


def test_read_json_reads_list_and_reports_bad_item_with_its_line(tmp_path, read):
    path = tmp_path / "batch.json"
    path.write_text('[\n  {"text": "One."},\n  {"id": "b", "text": "Two."},\n  {"body": "x"},\n  3,\n'
                    '  {\n    "text": "Five."\n  }\n]\n')
    articles, errors = read(path)
    assert [(a.id, a.origin) for a in articles] == [
        ("batch-1", f"{path}:2"), ("b", f"{path}:3"), ("batch-5", f"{path}:6"),
    ]
    assert [e.where for e in errors] == [f"{path}:4", f"{path}:5"]
    assert errors[0].problem.startswith('no "text" field')
    assert errors[1].problem.startswith("a JSON number, not an object")


@pytest.mark.parametrize(
    "content, where, problem",
    [
        ('{"text": "One."', ":1", "not valid JSON"),
        ("[\n]", "", "empty list"),
        ('"just a string"', "", "a JSON string, not an object"),
    ],
)
def test_read_json_reports_unusable_file(tmp_path, read, content, where, problem):
    path = tmp_path / "bad.json"
    path.write_text(content)
    good = tmp_path / "good.json"
    good.write_text('{"text": "Good."}')
    articles, errors = read(path, good)
    assert [a.text for a in articles] == ["Good."]
    assert [e.where for e in errors] == [f"{path}{where}"]
    assert errors[0].problem.startswith(problem)


# html


def test_read_html_reports_when_trafilatura_cannot_load(tmp_path, read, monkeypatch):
    monkeypatch.setitem(sys.modules, "trafilatura", None)
    page = tmp_path / "page.html"
    page.write_text("<html><body><p>The port reopened.</p></body></html>")
    other = tmp_path / "note.txt"
    other.write_text("The port reopened.")
    articles, errors = read(page, other)
    assert [a.id for a in articles] == ["note"]
    assert [e.where for e in errors] == [str(page)]
    assert errors[0].problem.startswith("cannot read HTML, trafilatura does not load")
