"""Publication dates as ISO ``YYYY-MM-DD``, whatever common form a feed or page writes them in."""
from __future__ import annotations

from datetime import datetime
from email.utils import parsedate_to_datetime

_FORMATS = ("%d %B %Y", "%d %b %Y", "%B %d, %Y", "%b %d, %Y", "%B %d %Y", "%b %d %Y", "%Y/%m/%d")


def iso_date(value: str) -> str | None:
    """The calendar date in ``value`` ("20 May 2021" -> "2021-05-20"), None when it is not one.

    A datetime keeps the date of its own time zone: that is the date the outlet printed.
    """
    value = " ".join(value.split())
    try:
        return datetime.fromisoformat(value).date().isoformat()
    except ValueError:
        pass
    for fmt in _FORMATS:
        try:
            return datetime.strptime(value, fmt).date().isoformat()
        except ValueError:
            continue
    try:
        return parsedate_to_datetime(value).date().isoformat()  # RSS: "Thu, 20 May 2021 10:00:00 GMT"
    except (TypeError, ValueError, IndexError):
        return None
