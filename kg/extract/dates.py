"""Dates written in running text, resolved against the article's own date.

    date_in("in a Dec. 19 letter", "2015-12-22")  -> "2015-12-19"
    date_in("on Tuesday", "2019-07-11")           -> "2019-07-09"
"""
from __future__ import annotations

import re
from datetime import date, timedelta

MONTHS = {m: k for k, names in enumerate([
    ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",), ("june", "jun"),
    ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"), ("october", "oct"),
    ("november", "nov"), ("december", "dec")], 1) for m in names}
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_MONTH = r"(January|February|March|April|May|June|July|August|September|October|November|December|" \
         r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
MONTH_DAY = re.compile(_MONTH + r"\s+(\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(\d{4}))?")
DAY_MONTH = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r"(?:,?\s+(\d{4}))?")
ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
WEEKDAY = re.compile(r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
RELATIVE = re.compile(r"\b(yesterday|today)\b", re.I)


def _anchor(article_date: str | None) -> date | None:
    try:
        return date.fromisoformat(article_date[:10]) if article_date else None
    except ValueError:
        return None


def _full(year: int | None, month: int, day: int, anchor: date | None) -> str | None:
    if year is None:
        if anchor is None:
            return None
        year = anchor.year
        try:
            if date(year, month, day) > anchor + timedelta(days=2):
                year -= 1  # "Dec. 19" in a January article is last December
        except ValueError:
            return None
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def date_in(text: str, article_date: str | None) -> str | None:
    """The first date written in ``text``, as ISO 8601, or None."""
    anchor = _anchor(article_date)
    m = ISO.search(text)
    if m:
        return _full(int(m.group(1)), int(m.group(2)), int(m.group(3)), None)
    m = MONTH_DAY.search(text)
    if m:
        return _full(int(m.group(3)) if m.group(3) else None, MONTHS[m.group(1).lower().rstrip(".")],
                     int(m.group(2)), anchor)
    m = DAY_MONTH.search(text)
    if m:
        return _full(int(m.group(3)) if m.group(3) else None, MONTHS[m.group(2).lower().rstrip(".")],
                     int(m.group(1)), anchor)
    if anchor is None:
        return None
    m = WEEKDAY.search(text)
    if m:
        back = (anchor.weekday() - WEEKDAYS.index(m.group(1).lower())) % 7
        return (anchor - timedelta(days=back)).isoformat()
    m = RELATIVE.search(text)
    if m:
        return (anchor - timedelta(days=1 if m.group(1).lower() == "yesterday" else 0)).isoformat()
    return None
