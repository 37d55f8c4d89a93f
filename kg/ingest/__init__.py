"""Read news articles from files, folders and stdin, as named on a command line.

Every problem goes to ``report`` and reading goes on: one bad file or line never
stops the others. Articles are streamed, so a JSONL file of any size is fine.
"""
from __future__ import annotations

import codecs
import os
import sys
from collections.abc import Iterable, Iterator
from itertools import chain
from pathlib import Path

from kg.errors import IngestError
from kg.ingest.readers import Report, check_head, read_html, read_json, read_jsonl, read_plain
from kg.model import Article

__all__ = ["SUPPORTED", "read_articles"]

SUPPORTED = (".txt", ".md", ".jsonl", ".json", ".html", ".htm")
STDIN = "<stdin>"


def read_articles(inputs: Iterable[str], *, report: Report) -> Iterator[Article]:
    """The articles in ``inputs``: files, folders (recursive, sorted, hidden skipped) or "-" for stdin."""
    for name in inputs:
        path = Path(name)
        if name == "-":
            yield from _guarded(STDIN, _read_stdin(report), report)
        elif path.is_dir():
            yield from _read_folder(path, report)
        elif not path.exists():
            report(IngestError(name, "no such file or folder"))
        elif path.suffix.lower() not in SUPPORTED:
            kind = f'"{path.suffix}"' if path.suffix else "(no extension)"
            supported = ", ".join(SUPPORTED)
            report(IngestError(name, f"unsupported file type {kind}; supported: {supported}, or - for stdin"))
        else:
            yield from _read_file(path, path.stem, report)


def _read_folder(root: Path, report: Report) -> Iterator[Article]:
    """Every supported file under ``root``, by path; ids are paths relative to it."""
    errors: list[OSError] = []
    found = []
    for folder, dirs, files in os.walk(root, onerror=errors.append):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        found += [Path(folder, f) for f in files if not f.startswith(".") and Path(f).suffix.lower() in SUPPORTED]
    for error in errors:
        report(IngestError(str(error.filename), f"cannot read this folder: {_os_problem(error)}"))
    if not found and not errors:
        report(IngestError(str(root), f"no supported files in this folder (looked for {', '.join(SUPPORTED)})"))
    for path in sorted(found, key=lambda p: p.relative_to(root).parts):
        yield from _read_file(path, path.relative_to(root).with_suffix("").as_posix(), report)


def _read_file(path: Path, article_id: str, report: Report) -> Iterator[Article]:
    yield from _guarded(str(path), _file_articles(path, str(path), article_id, report), report)


def _file_articles(path: Path, where: str, article_id: str, report: Report) -> Iterator[Article]:
    suffix = path.suffix.lower()
    if suffix == ".jsonl":
        with path.open("rb") as f:
            check_head(f.read(8192), where)
            f.seek(0)
            yield from read_jsonl(f, where, article_id, report)
    elif suffix == ".json":
        yield from read_json(path.read_bytes(), where, article_id, report)
    elif suffix in (".html", ".htm"):
        yield read_html(path.read_bytes(), where, article_id)
    else:
        yield read_plain(path.read_bytes(), where, article_id)


def _read_stdin(report: Report) -> Iterator[Article]:
    """JSONL when the first non-blank character is "{", else one plain-text article."""
    stream = getattr(sys.stdin, "buffer", None) or (line.encode() for line in sys.stdin)
    lines = iter(stream)
    head = []
    for line in lines:
        head.append(line)
        if line.removeprefix(codecs.BOM_UTF8).strip():
            break
    if b"".join(head).removeprefix(codecs.BOM_UTF8).lstrip().startswith(b"{"):
        yield from read_jsonl(chain(head, lines), STDIN, "stdin", report)
    else:
        yield read_plain(b"".join(chain(head, lines)), STDIN, "stdin")


def _guarded(where: str, articles: Iterator[Article], report: Report) -> Iterator[Article]:
    """``articles`` until an IngestError or OSError ends them; the error goes to ``report``."""
    try:
        yield from articles
    except IngestError as e:
        report(e)
    except OSError as e:
        report(IngestError(where, _os_problem(e)))


def _os_problem(error: OSError) -> str:
    if isinstance(error, PermissionError):
        return "permission denied; check the file's permissions"
    return error.strerror or str(error)
