import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mercwatch.core.partial_dates import PartialDate, PartialDateError, Precision


@pytest.mark.parametrize(
    ("text", "precision", "first", "last"),
    [
        ("2023", Precision.YEAR, dt.date(2023, 1, 1), dt.date(2023, 12, 31)),
        ("2024-02", Precision.MONTH, dt.date(2024, 2, 1), dt.date(2024, 2, 29)),
        ("2021-11-03", Precision.DAY, dt.date(2021, 11, 3), dt.date(2021, 11, 3)),
    ],
)
def test_partial_date_keeps_its_precision(text, precision, first, last):
    date = PartialDate.parse(text)
    assert date.precision == precision
    assert (date.first_day(), date.last_day()) == (first, last)
    assert str(date) == text


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ("2023-02-30", "day 30 is out of range"),
        ("2023-13", "month 13 is out of range"),
        ("2023-03-18T10:00", "over-precise"),
        ("2023-03-18 10:00", "over-precise"),
        (dt.datetime(2023, 3, 18, 10), "over-precise"),
        ("March 2023", "expected YYYY, YYYY-MM or YYYY-MM-DD"),
        ("23-03-18", "expected YYYY, YYYY-MM or YYYY-MM-DD"),
        (True, "expected YYYY"),
        (3.5, "expected YYYY"),
    ],
)
def test_invalid_partial_dates_say_why(value, reason):
    with pytest.raises(PartialDateError, match=reason):
        PartialDate.parse(value)


def test_a_year_written_as_a_number_is_a_year():
    assert PartialDate.parse(2021) == PartialDate(2021)


def test_human_form_is_no_more_precise_than_known():
    assert PartialDate.parse("2021-11").human() == "November 2021"
    assert PartialDate.parse("2021-11-03").human() == "3 November 2021"
    assert PartialDate.parse("2021").human() == "2021"


@given(st.dates(min_value=dt.date(1000, 1, 1)), st.sampled_from([1, 2, 3]))
def test_text_form_round_trips(day, parts):
    text = day.isoformat()[: {1: 4, 2: 7, 3: 10}[parts]]
    assert str(PartialDate.parse(text)) == text
