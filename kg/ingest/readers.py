"""One reader per input format, turning the bytes of a file or of stdin into Articles.

A reader raises IngestError when the whole input is unusable and passes a problem
with one line or item to ``report`` before going on with the next.
"""
from __future__ import annotations

import codecs
import json
import re
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from kg.errors import IngestError
from kg.ingest.dates import iso_date
from kg.model import Article

Report = Callable[[IngestError], None]

LINE_HINT = 'each line needs a JSON object with a "text" string'
FILE_HINT = 'the file needs a JSON object with a "text" string, or a list of them'

_HEADING = re.compile(r"#{1,6}[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*")
_BLANK_LINES = re.compile(r"(?:[ \t]*\n)+")


def check_head(head: bytes, where: str) -> None:
    """Refuse input that is empty or binary before trying to decode it."""
    if not head:
        raise IngestError(where, "empty file")
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise IngestError(where, "UTF-16 text; convert the file to UTF-8")
    if b"\0" in head:
        raise IngestError(where, "binary file (it holds NUL bytes); expected UTF-8 text")


def decode(data: bytes, where: str, offset: int = 0) -> str:
    """``data`` as UTF-8, or an error naming the first bad byte; never decoded with replacement."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise IngestError(
            where,
            f"not UTF-8: byte 0x{data[e.start]:02x} at byte offset {offset + e.start}; "
            "convert the file to UTF-8 (e.g. iconv -f windows-1252 -t utf-8)",
        ) from None


def load_text(data: bytes, where: str) -> str:
    """The text of a whole input, without BOM; refuses empty, binary and non-UTF-8 input."""
    check_head(data, where)
    text = decode(data, where).removeprefix("\ufeff")
    if not text.strip():
        raise IngestError(where, "empty file (only whitespace)")
    return text


def split_title(text: str) -> tuple[str | None, str]:
    """A leading title and the text after it, or (None, text) when the first line is not one.

    A title is a Markdown heading, or a short first line without a final period
    followed by a blank line.
    """
    first, newline, rest = text.partition("\n")
    heading = _HEADING.fullmatch(first)
    if heading:
        title = heading[1]
    elif (
        first.strip()
        and len(first.strip()) < 200
        and not first.rstrip().endswith(".")
        and newline
        and not rest.partition("\n")[0].strip()
        and rest.strip()
    ):
        title = first.strip()
    else:
        return None, text
    blank = _BLANK_LINES.match(rest)
    return title, rest[blank.end():] if blank else rest


def read_plain(data: bytes, where: str, article_id: str) -> Article:
    """A .txt or .md file, or plain text on stdin: one article, its text kept as written."""
    text = load_text(data, where).replace("\r\n", "\n")
    title, body = split_title(text)
    if not body.strip():
        raise IngestError(where, f"only a title ({title!r}), no article text after it")
    return Article(id=article_id, text=body, title=title, origin=where)


def read_html(data: bytes, where: str, article_id: str) -> Article:
    """An HTML page: main text and metadata found by trafilatura, offline."""
    html = load_text(data, where)
    try:
        import trafilatura
    except ImportError as e:
        raise IngestError(where, f"cannot read HTML, trafilatura does not load: {e}") from None
    doc = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    text = doc.text if doc is not None else None
    if not text or not text.strip():
        raise IngestError(where, "no main text found in this HTML page (is it a news article?)")
    title = doc.title or None
    if title and text.startswith(title + "\n"):
        text = text[len(title) + 1:]
    return Article(
        id=article_id,
        text=text,
        source=doc.sitename or None,
        date=iso_date(doc.date) if doc.date else None,
        url=doc.url or None,
        title=title,
        origin=where,
    )


def read_jsonl(lines: Iterable[bytes], where: str, id_base: str, report: Report) -> Iterator[Article]:
    """One article per JSON line, read one line at a time; a bad line is reported and skipped."""
    offset = 0
    seen = False
    for number, raw in enumerate(lines, 1):
        start, offset = offset, offset + len(raw)
        if number == 1 and raw.startswith(codecs.BOM_UTF8):
            raw, start = raw[len(codecs.BOM_UTF8):], len(codecs.BOM_UTF8)
        if not raw.strip():
            continue
        seen = True
        try:
            article = _line_article(raw, number, start, where, id_base, report)
        except IngestError as e:
            report(e)
            continue
        yield article
    if not seen:
        raise IngestError(where, "empty file (only blank lines)")


def _line_article(raw: bytes, number: int, offset: int, where: str, id_base: str, report: Report) -> Article:
    where = f"{where}:{number}"
    try:
        value = json.loads(decode(raw, where, offset).rstrip("\r\n"))
    except json.JSONDecodeError as e:
        raise IngestError(where, f"not valid JSON ({_json_problem(e)}); {LINE_HINT}") from None
    return article_from_json(value, where, f"{id_base}-{number}", LINE_HINT, report)


def read_json(data: bytes, where: str, id_base: str, report: Report) -> Iterator[Article]:
    """A .json file holding one article object (like a gold file) or a list of them."""
    text = load_text(data, where)
    try:
        value = json.loads(text)
    except json.JSONDecodeError as e:
        raise IngestError(f"{where}:{e.lineno}", f"not valid JSON ({_json_problem(e)}); {FILE_HINT}") from None
    if not isinstance(value, list):
        yield article_from_json(value, where, id_base, FILE_HINT, report)
        return
    if not value:
        raise IngestError(where, f"empty list; {FILE_HINT}")
    for number, (line, item) in enumerate(_list_items(text), 1):
        try:
            article = article_from_json(item, f"{where}:{line}", f"{id_base}-{number}", FILE_HINT, report)
        except IngestError as e:
            report(e)
            continue
        yield article


def _list_items(text: str) -> Iterator[tuple[int, Any]]:
    """Each element of the JSON list in ``text`` (known to be valid) with the line it starts on."""
    decoder = json.JSONDecoder()
    separators = re.compile(r"[\s,]*")
    pos = separators.match(text, text.index("[") + 1).end()
    line = 1 + text.count("\n", 0, pos)
    while text[pos] != "]":
        item, end = decoder.raw_decode(text, pos)
        yield line, item
        next_pos = separators.match(text, end).end()
        line += text.count("\n", pos, next_pos)
        pos = next_pos


def article_from_json(value: Any, where: str, default_id: str, hint: str, report: Report) -> Article:
    """An Article from a decoded JSON object; a bad optional field is reported and left out."""
    if not isinstance(value, dict):
        raise IngestError(where, f"a JSON {_json_type(value)}, not an object; {hint}")
    if "text" not in value:
        raise IngestError(where, f'no "text" field ({hint})')
    text = value["text"]
    if not isinstance(text, str):
        raise IngestError(where, f'"text" is a JSON {_json_type(text)}, not a string ({hint})')
    if not text.strip():
        raise IngestError(where, f'"text" is empty ({hint})')

    def field(name: str) -> str | None:
        found = value.get(name)
        if found is None or (isinstance(found, str) and not found.strip()):
            return None
        if isinstance(found, str):
            return found.strip()
        if name == "id" and isinstance(found, int) and not isinstance(found, bool):
            return str(found)
        report(IngestError(where, f'"{name}" is a JSON {_json_type(found)}, not a string; ignored'))
        return None

    date = value.get("date")
    if isinstance(date, str) and not date.strip():
        date = None
    iso = iso_date(date) if isinstance(date, str) else None
    if date is not None and iso is None:
        shown = json.dumps(date, ensure_ascii=False)
        report(IngestError(where, f"date {shown} not understood, ignored (use YYYY-MM-DD)"))
    return Article(
        id=field("id") or default_id,
        text=text,
        source=field("source"),
        date=iso,
        url=field("url"),
        title=field("title"),
        origin=where,
    )


def _json_problem(error: json.JSONDecodeError) -> str:
    return f"{error.msg.removesuffix(' at')} at column {error.colno}"


def _json_type(value: Any) -> str:
    names = {dict: "object", list: "list", str: "string", bool: "boolean", int: "number", float: "number"}
    return "null" if value is None else names.get(type(value), type(value).__name__)
