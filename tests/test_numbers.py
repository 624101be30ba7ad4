import datetime as dt

import pytest

from desktop_app.domain.numbers import fmt_date, fmt_int, fmt_num, fmt_percent, parse_vn_number


def test_vietnamese_number_formats():
    assert fmt_int(1234) == "1.234"
    assert fmt_int(5_000_000) == "5.000.000"
    assert fmt_int(12) == "12"
    assert fmt_num(26.05) == "26,05"
    assert fmt_num(1234.5) == "1.234,5"
    assert fmt_num(100.0) == "100"
    assert fmt_percent(2392, 4730) == "50,57%"
    assert fmt_date(dt.date(2025, 12, 5)) == "05/12/2025"


@pytest.mark.parametrize("text,value", [
    ("26,05", 26.05), ("26.05", 26.05), ("1.234", 1234), ("1.234,5", 1234.5),
    ("5.000.000", 5_000_000), (" 7 ", 7), ("1,7", 1.7), ("0.5", 0.5), ("-3", -3),
])
def test_parse_vietnamese_input(text, value):
    assert parse_vn_number(text) == pytest.approx(value)


def test_parse_empty_and_bad():
    assert parse_vn_number("") is None
    assert parse_vn_number("   ") is None
    with pytest.raises(ValueError, match="không phải là số"):
        parse_vn_number("abc")
    with pytest.raises(ValueError):
        parse_vn_number("1,2,3")


def test_percent_is_taken_where_a_percent_is_meant():
    assert parse_vn_number("50%", percent=True) == 50
    assert parse_vn_number(" 26,5 % ", percent=True) == pytest.approx(26.5)
    with pytest.raises(ValueError, match="không tính bằng %"):
        parse_vn_number("50%")


@pytest.mark.parametrize("text", ["15/03/2025", "15/3/2025", "15-3-2025", "15.3.2025", "15032025",
                                  "150325", " 15 / 3 / 2025 "])
def test_dates_as_people_type_them(text):
    from desktop_app.domain.numbers import parse_vn_date

    assert parse_vn_date(text) == dt.date(2025, 3, 15)


@pytest.mark.parametrize("text,reason", [("31/02/2025", "không có ngày 31"), ("1/13/2025", "không có tháng 13"),
                                         ("hôm qua", "không phải là ngày"), ("29/2/2025", "có 28 ngày")])
def test_impossible_dates_are_refused_with_their_reason(text, reason):
    from desktop_app.domain.numbers import parse_vn_date

    with pytest.raises(ValueError, match=reason):
        parse_vn_date(text)


def test_date_without_year_takes_the_given_year():
    from desktop_app.domain.numbers import parse_vn_date

    assert parse_vn_date("15/11", default_year=2026) == dt.date(2026, 11, 15)
    assert parse_vn_date("") is None


def test_a_rate_per_thousand_sits_against_its_number():
    from desktop_app.domain.numbers import fmt_quantity

    assert fmt_quantity(42, "/100.000 trẻ sinh sống") == "42/100.000 trẻ sinh sống"
    assert fmt_quantity(1.7, "lần") == "1,7 lần" and fmt_quantity(60, "%") == "60%"
