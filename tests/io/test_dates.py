from __future__ import annotations

from datetime import date, datetime

import polars as pl
import pytest
from hypothesis import given
from hypothesis import strategies as st

from bakat.io import dates


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2020-01-05", date(2020, 1, 5)),
        ("2020-1-5", date(2020, 1, 5)),
        ("05-01-2020", date(2020, 1, 5)),
        ("5-1-2020", date(2020, 1, 5)),
        ("05/01/2020", date(2020, 1, 5)),
        ("29/02/2020", date(2020, 2, 29)),
        (" 2020-01-05 ", date(2020, 1, 5)),
        ("2020-01-05 00:00:00", date(2020, 1, 5)),
        ("2020-01-05T08:30", date(2020, 1, 5)),
        ("05/01/2020 13:45:00", date(2020, 1, 5)),
        ("43835", date(2020, 1, 5)),
        ("43835.75", date(2020, 1, 5)),
        ("1900-01-01", date(1900, 1, 1)),
        ("2099-12-31", date(2099, 12, 31)),
    ],
)
def test_it_reads_every_documented_date_form(text: str, expected: date) -> None:
    assert dates.parse_text([text]) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "31-02-2020",  # impossible day
        "2020-02-30",
        "29-02-2021",  # not a leap year
        "2020-13-01",
        "1899-12-31",  # before 1900
        "2100-01-01",  # after 2099
        "20-01-05",  # two-digit year
        "05-01-20",
        "2020/01/05",  # year first with slashes is not a documented form
        "2020",  # a year is not a serial date
        "9999",
        "123456",  # beyond the serial range
        "kemarin",
        "",
        "01.02.2020",
    ],
)
def test_it_gives_null_for_text_that_is_not_a_valid_date(text: str) -> None:
    assert dates.parse_text([text]) == [None]


def test_excel_serial_numbers_count_from_1899_12_30() -> None:
    frame = pl.DataFrame({"serial": [29221.0, 43835.0, 1.0, 9999.0]})
    parsed = frame.select(dates.parse(pl.col("serial"), pl.Float64())).to_series().to_list()
    assert parsed == [date(1980, 1, 1), date(2020, 1, 5), None, None]


def test_real_date_and_datetime_cells_keep_their_day() -> None:
    frame = pl.DataFrame(
        {"d": [date(2020, 1, 5), date(1850, 1, 1)], "t": [datetime(2020, 1, 5, 23, 59)] * 2}
    )
    out = frame.select(
        dates.parse(pl.col("d"), pl.Date()), dates.parse(pl.col("t"), pl.Datetime("us"))
    )
    assert out.rows() == [(date(2020, 1, 5), date(2020, 1, 5)), (None, date(2020, 1, 5))]


_IN_RANGE = st.dates(min_value=dates.EARLIEST, max_value=dates.LATEST)


@given(_IN_RANGE)
def test_a_date_written_in_any_accepted_form_reads_back_as_the_same_day(day: date) -> None:
    forms = [
        day.isoformat(),
        day.strftime("%d-%m-%Y"),
        day.strftime("%d/%m/%Y"),
        f"{day.day}/{day.month}/{day.year}",
        f"{day.isoformat()} 00:00:00",
    ]
    serial = (day - dates.EXCEL_EPOCH).days
    if serial >= dates.SERIAL_MIN:
        forms.append(str(serial))
    assert dates.parse_text(forms) == [day] * len(forms)


@given(st.lists(st.one_of(st.none(), st.text(max_size=30)), max_size=20))
def test_the_date_parser_never_raises_and_gives_dates_in_range_or_null(
    texts: list[str | None],
) -> None:
    parsed = dates.parse_text(texts)
    assert len(parsed) == len(texts)
    for value in parsed:
        assert value is None or dates.EARLIEST <= value <= dates.LATEST
