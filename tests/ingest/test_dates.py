"""Dates normalised to ISO YYYY-MM-DD."""
from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kg.ingest.dates import iso_date


@pytest.mark.parametrize(
    "value",
    [
        "2021-05-20",
        "2021-05-20T10:00:00Z",
        "2021-05-20T23:30:00-05:00",
        "2021-05-20 10:00:00",
        "20 May 2021",
        " 20  May 2021 ",
        "May 20, 2021",
        "May 20 2021",
        "Thu, 20 May 2021 10:00:00 GMT",
    ],
)
def test_iso_date_understands_common_forms(value):
    assert iso_date(value) == "2021-05-20"


@pytest.mark.parametrize("value", ["sometime", "", "2021-13-01", "May 2021", "yesterday", "20/05/21"])
def test_iso_date_returns_none_when_not_understood(value):
    assert iso_date(value) is None


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)))
def test_iso_date_reads_back_every_form_it_accepts(day):
    forms = [day.isoformat(), day.strftime("%d %B %Y"), day.strftime("%B %d, %Y"), day.strftime("%d %b %Y")]
    assert {iso_date(f) for f in forms} == {day.isoformat()}


@given(st.datetimes(min_value=datetime(1970, 1, 1), max_value=datetime(2100, 1, 1)), st.integers(-12, 14))
def test_iso_date_keeps_the_local_date_of_a_datetime(moment, hours):
    local = moment.replace(tzinfo=timezone(timedelta(hours=hours)))
    assert iso_date(local.isoformat()) == moment.date().isoformat()
