"""read_articles over command-line inputs: folders, stdin, bad files, streaming."""
from __future__ import annotations

import os
import pathlib

import pytest

from kg.ingest import read_articles


def write(path, text="The port reopened on Monday."):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# folders


def test_read_folder_recursively_in_path_order_skipping_hidden_and_other_types(tmp_path, read):
    for name in ["b.txt", "a/z.md", "a/b/c.txt", "a.txt", ".hidden.txt", ".git/x.txt", "notes.pdf", "a/img.png"]:
        write(tmp_path / "corpus" / name)
    articles, errors = read(tmp_path / "corpus")
    assert errors == []
    assert [a.id for a in articles] == ["a/b/c", "a/z", "a", "b"]
    assert articles[0].origin == str(tmp_path / "corpus" / "a" / "b" / "c.txt")


def test_read_folder_uses_relative_id_for_jsonl_default_ids(tmp_path, read):
    write(tmp_path / "in" / "wire" / "feed.jsonl", '{"text": "One."}\n')
    (article,), _ = read(tmp_path / "in")
    assert article.id == "wire/feed-1"


def test_read_inputs_in_the_order_given(tmp_path, read):
    b, a = write(tmp_path / "b.txt"), write(tmp_path / "a.txt")
    articles, _ = read(b, a)
    assert [a.id for a in articles] == ["b", "a"]


@pytest.mark.parametrize("names", [[], [".hidden.txt", "photo.jpg"]])
def test_read_reports_folder_without_supported_files(tmp_path, read, names):
    folder = tmp_path / "empty"
    folder.mkdir()
    for name in names:
        write(folder / name)
    other = write(tmp_path / "other.txt")
    articles, errors = read(folder, other)
    assert [a.id for a in articles] == ["other"]
    assert [e.where for e in errors] == [str(folder)]
    assert errors[0].problem.startswith("no supported files in this folder")


# named files


def test_read_reports_missing_path_and_goes_on(tmp_path, read):
    good = write(tmp_path / "good.txt")
    articles, errors = read(tmp_path / "missing.txt", good)
    assert [a.id for a in articles] == ["good"]
    assert [str(e) for e in errors] == [f"{tmp_path / 'missing.txt'}: no such file or folder"]


@pytest.mark.parametrize("name, kind", [("report.pdf", '".pdf"'), ("README", "(no extension)")])
def test_read_reports_named_file_of_unsupported_type(tmp_path, read, name, kind):
    path = write(tmp_path / name)
    articles, errors = read(path)
    assert articles == []
    assert [str(e) for e in errors] == [
        f"{path}: unsupported file type {kind}; supported: .txt, .md, .jsonl, .json, .html, .htm, or - for stdin"
    ]


def test_read_accepts_upper_case_extension(tmp_path, read):
    (article,), _ = read(write(tmp_path / "NOTE.TXT"))
    assert article.id == "NOTE"


@pytest.mark.parametrize(
    "name, data, problem",
    [
        ("empty.txt", b"", "empty file"),
        ("blank.md", b" \n\t\n", "empty file (only whitespace)"),
        ("empty.jsonl", b"", "empty file"),
        ("empty.json", b"", "empty file"),
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file (it holds NUL bytes); expected UTF-8 text"),
        ("image.jsonl", b"\x00\x01\x02\x03", "binary file (it holds NUL bytes); expected UTF-8 text"),
        ("notepad.txt", "The port.".encode("utf-16"), "UTF-16 text; convert the file to UTF-8"),
        ("latin1.txt", "The caf\u00e9 reopened.".encode("latin-1"),
         "not UTF-8: byte 0xe9 at byte offset 7; convert the file to UTF-8 (e.g. iconv -f windows-1252 -t utf-8)"),
    ],
)
def test_read_reports_bad_file_in_one_line_and_reads_the_others(tmp_path, read, name, data, problem):
    (tmp_path / "in").mkdir()
    bad = tmp_path / "in" / name
    bad.write_bytes(data)
    write(tmp_path / "in" / "a-good.txt")
    write(tmp_path / "in" / "z-good.txt")
    articles, errors = read(tmp_path / "in")
    assert [a.id for a in articles] == ["a-good", "z-good"]
    assert [str(e) for e in errors] == [f"{bad}: {problem}"]


def test_read_reports_unreadable_file(tmp_path, read, monkeypatch):
    bad = write(tmp_path / "a-secret.txt")
    write(tmp_path / "b-open.txt")
    real = pathlib.Path.read_bytes

    def read_bytes(self):
        if self.name == "a-secret.txt":
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(pathlib.Path, "read_bytes", read_bytes)
    articles, errors = read(tmp_path)
    assert [a.id for a in articles] == ["b-open"]
    assert [str(e) for e in errors] == [f"{bad}: permission denied; check the file's permissions"]


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads files whatever their mode")
def test_read_reports_file_without_read_permission(tmp_path, read):
    bad = write(tmp_path / "feed.jsonl", '{"text": "One."}\n')
    bad.chmod(0)
    try:
        articles, errors = read(bad)
    finally:
        bad.chmod(0o644)
    assert articles == []
    assert [str(e) for e in errors] == [f"{bad}: permission denied; check the file's permissions"]


# stdin


def test_read_stdin_as_jsonl_when_it_starts_with_a_brace(read, stdin):
    stdin(b'\n  \n{"id": "s1", "text": "One."}\nnot json\n{"text": "Three.", "date": "20 May 2021"}\n')
    articles, errors = read("-")
    assert [(a.id, a.origin, a.date) for a in articles] == [
        ("s1", "<stdin>:3", None),
        ("stdin-5", "<stdin>:5", "2021-05-20"),
    ]
    assert [e.where for e in errors] == ["<stdin>:4"]


def test_read_stdin_as_one_plain_article_otherwise(read, stdin):
    stdin(b"\xef\xbb\xbfPort reopens\r\n\r\nThe port reopened on Monday.\r\n")
    (article,), errors = read("-")
    assert errors == []
    assert (article.id, article.origin, article.title) == ("stdin", "<stdin>", "Port reopens")
    assert article.text == "The port reopened on Monday.\n"


def test_read_stdin_with_bom_before_jsonl(read, stdin):
    stdin(b'\xef\xbb\xbf{"text": "One."}\n')
    (article,), errors = read("-")
    assert errors == [] and article.origin == "<stdin>:1"


@pytest.mark.parametrize(
    "data, problem",
    [
        (b"", "<stdin>: empty file"),
        (b"\n \n", "<stdin>: empty file (only whitespace)"),
        (b"Caf\xe9 news", "<stdin>: not UTF-8: byte 0xe9 at byte offset 3"),
    ],
)
def test_read_stdin_reports_bad_input_and_goes_on(tmp_path, read, stdin, data, problem):
    stdin(data)
    articles, errors = read("-", write(tmp_path / "after.txt"))
    assert [a.id for a in articles] == ["after"]
    assert [str(e)[: len(problem)] for e in errors] == [problem]


# streaming


def test_read_articles_is_lazy(tmp_path):
    errors = []
    articles = read_articles([str(tmp_path / "missing.txt")], report=errors.append)
    assert errors == []
    assert list(articles) == []
    assert len(errors) == 1


def test_read_jsonl_yields_first_article_before_reading_later_lines(tmp_path):
    path = write(tmp_path / "big.jsonl", '{"text": "One."}\n' + '{"text": "Filler."}\n' * 2000 + "{broken\n")
    errors = []
    articles = read_articles([str(path)], report=errors.append)
    assert next(articles).text == "One."
    assert errors == []
    assert sum(1 for _ in articles) == 2000
    assert [e.where for e in errors] == [f"{path}:2002"]


def test_read_jsonl_reads_lines_appended_after_the_first_article(tmp_path):
    path = write(tmp_path / "feed.jsonl", '{"text": "One."}\n' + '{"text": "Filler."}\n' * 5000)
    articles = read_articles([str(path)], report=lambda e: pytest.fail(str(e)))
    assert next(articles).text == "One."
    with path.open("a", encoding="utf-8") as f:
        f.write('{"text": "Late."}\n')
    assert [a.text for a in articles][-1] == "Late."


def test_read_stdin_with_bom_and_blank_lines_before_jsonl(read, stdin):
    stdin(b'\xef\xbb\xbf\n{"text": "One."}\n')
    (article,), errors = read("-")
    assert errors == [] and article.origin == "<stdin>:2"
