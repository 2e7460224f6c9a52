"""Dates: ISO text when readable, as printed when not."""

from __future__ import annotations

import pytest

from photodesk.articles.dates import find_date, normalize_date


@pytest.mark.parametrize(
    ("printed", "iso"),
    [
        ("2023-09-18", "2023-09-18"),
        ("2023-09-18T09:56:00Z", "2023-09-18T09:56:00+00:00"),
        ("18 September 2023, 9:56 am", "2023-09-18T09:56:00"),
        ("Sept. 18, 2023", "2023-09-18"),
        ("September 18, 2023 at 12:30 PM", "2023-09-18T12:30:00"),
        ("Mar 2, 2024 12:05 am", "2024-03-02T00:05:00"),
    ],
)
def test_readable_dates_become_iso(printed, iso):
    assert normalize_date(printed) == iso


@pytest.mark.parametrize(
    "printed", ["last Tuesday", "2023-13-45", "31 February 2024", "12 Foo 2023"]
)
def test_unreadable_dates_are_kept_as_printed(printed):
    assert normalize_date(f"  {printed} ") == printed


def test_empty_is_none_and_dates_are_found_inside_lines():
    assert normalize_date("  ") is None
    assert normalize_date(None) is None
    assert find_date("By AFP 18 September 2023, 9:56 am 0 Edit") == ("2023-09-18T09:56:00", 7)
    assert find_date("no date here") is None
