"""Small rules every output follows: Vietnamese days, inert spreadsheet text, portal links."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from monitor.outputs.common import OutputError, Period, atomic_output, neutralise, portal_record_url, vn_time


def test_a_period_covers_whole_days_of_the_vietnamese_calendar():
    period = Period.parse("2026-03-01", "2026-03-31")
    assert period.start == datetime(2026, 2, 28, 17, 0, tzinfo=UTC)
    assert period.end == datetime(2026, 3, 31, 17, 0, tzinfo=UTC)


def test_dates_may_be_written_the_vietnamese_way():
    assert Period.parse("01/03/2026", "31-03-2026") == Period.parse("2026-03-01", "2026-03-31")


def test_a_date_that_cannot_be_read_is_a_clear_error():
    with pytest.raises(OutputError, match="--since '1 tháng 3' is not a date"):
        Period.parse("1 tháng 3", None)


def test_times_are_shown_in_vietnam_time_with_the_offset_written_out():
    assert vn_time(datetime(2026, 3, 31, 18, 30, tzinfo=UTC)) == "2026-04-01T01:30:00+07:00"


@pytest.mark.parametrize("text", ["=1+1", "+84 90", "-2", "@SUM(A1)", "\t=1", "\r=1", "  =1"])
def test_text_a_spreadsheet_would_run_gets_a_quote_in_front(text):
    assert neutralise(text) == "'" + text


@pytest.mark.parametrize("text", ["", "Công ty TNHH An", "0100109106", "https://a.vn/?x=1", "a=b"])
def test_ordinary_text_is_left_alone(text):
    assert neutralise(text) == text


def test_portal_links_follow_the_record_id_form():
    assert portal_record_url("73995") == "https://online.gov.vn/Home/WebDetails/73995"
    assert portal_record_url("1101", "app") == "https://online.gov.vn/Home/AppDetails/1101"
    assert portal_record_url("76be9e1f-3034-43bf-a3b6-193d8d81904a") == "https://online.gov.vn/nen-tang/76be9e1f-3034-43bf-a3b6-193d8d81904a"
    assert portal_record_url("abc") is None and portal_record_url(None) is None


def test_a_failed_write_leaves_no_file_that_looks_complete(tmp_path):
    out = tmp_path / "export.csv"
    with pytest.raises(RuntimeError):
        with atomic_output(out) as handle:
            handle.write(b"half a file")
            raise RuntimeError("database went away")
    assert list(tmp_path.iterdir()) == []


def test_an_unwritable_place_is_a_clear_error(tmp_path):
    with pytest.raises(OutputError, match="cannot write .*missing.*No such file"):
        with atomic_output(tmp_path / "missing" / "x.csv"):
            pass
