from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cep_desk import formatting as f


def test_euros():
    assert f.format_eur(125_000) == "1\u202f250,00\u00a0€"
    assert f.format_eur(5) == "0,05\u00a0€"
    assert f.format_eur(None) == ""
    assert f.format_eur(123_456_789_00) == "123\u202f456\u202f789,00\u00a0€"


@pytest.mark.parametrize(
    ("text", "cents"),
    [("1 250,50", 125_050), ("1250.5 €", 125_050), ("", None), ("0", 0), ("12,3", 1230)],
)
def test_parse_eur(text, cents):
    assert f.parse_eur(text) == cents


@pytest.mark.parametrize("text", ["-5", "abc", "1,2,3", "1,234", "12..5"])
def test_parse_eur_refuses(text):
    with pytest.raises(f.ParseError):
        f.parse_eur(text)


@given(st.integers(min_value=0, max_value=10**12))
def test_eur_round_trip(cents):
    assert f.parse_eur(f.format_eur(cents)) == cents


def test_dates():
    assert f.format_date(date(2026, 11, 27)) == "27/11/2026"
    assert f.format_date_long(date(2026, 11, 1)) == "1er novembre 2026"
    assert f.parse_date("27/11/2026") == date(2026, 11, 27)
    assert f.parse_date("2026-11-27") == date(2026, 11, 27)
    assert f.parse_date(" ") is None
    with pytest.raises(f.ParseError, match="n'existe pas"):
        f.parse_date("31/02/2026")
    with pytest.raises(f.ParseError, match="illisible"):
        f.parse_date("demain")


def test_names_and_phones():
    assert f.full_name("Dupont", "Élodie") == "DUPONT Élodie"
    assert f.format_phone("0612345678") == "06 12 34 56 78"


@pytest.mark.parametrize(
    "text", ["14/03/1984", "14031984", "14/3/84", "140384", "14-3-1984", "14.03.84", "14 03 1984"]
)
def test_dates_typed_every_french_way(text):
    assert f.parse_date(text, today=date(2026, 12, 2)) == date(1984, 3, 14)


def test_impossible_dates_are_refused_in_french():
    for text in ("31021984", "31/02/84", "29021985", "00011990", "14131984"):
        with pytest.raises(f.ParseError, match="n'existe pas"):
            f.parse_date(text)
    assert f.parse_date("29022000") == date(2000, 2, 29)
    for text in ("1403198", "14/03", "1984"):
        with pytest.raises(f.ParseError, match="illisible"):
            f.parse_date(text)


def test_two_digit_years_near_for_plans_past_for_births():
    today = date(2026, 12, 2)
    # Plan and session dates: within 50 years before / 49 after today.
    assert f.parse_date("01/09/27", today=today) == date(2027, 9, 1)
    assert f.parse_date("01/09/75", today=today) == date(2075, 9, 1)
    assert f.parse_date("01/09/76", today=today) == date(1976, 9, 1)
    # Birth dates: the latest year at least 14 years ago.
    past = f.TWO_DIGIT_PAST
    assert f.parse_date("14/3/84", two_digit_years=past, today=today) == date(1984, 3, 14)
    assert f.parse_date("01/01/12", two_digit_years=past, today=today) == date(2012, 1, 1)
    assert f.parse_date("01/01/13", two_digit_years=past, today=today) == date(1913, 1, 1)
    assert f.parse_date("01/01/27", two_digit_years=past, today=today) == date(1927, 1, 1)
    assert f.expand_year(5, rule=past, today=today) == 2005


def test_the_agenda_headings_in_french():
    assert f.format_weekday_date(date(2026, 12, 3)) == "jeudi 3 décembre 2026"
    assert f.format_weekday_date(date(2026, 12, 1)) == "mardi 1er décembre 2026"
    assert f.format_weekday_short(date(2026, 12, 7)) == "lun. 7/12"
    assert f.format_week_range(date(2026, 12, 7)) == "semaine du 7 au 13 décembre 2026"
    assert f.format_week_range(date(2026, 11, 30)) == "semaine du 30 novembre au 6 décembre 2026"
    assert (
        f.format_week_range(date(2026, 12, 28)) == "semaine du 28 décembre 2026 au 3 janvier 2027"
    )
    assert f.format_week_range(date(2027, 2, 1)) == "semaine du 1er au 7 février 2027"


def test_initials_of_one_part_and_compound_first_names():
    from cep_desk.formatting import initials

    assert initials("Martin", "léa") == "L. M."  # one part: the quick way
    assert initials("Le Goff", "Jean-Pierre") == "J.-P. L."
    assert initials("Zola", "  Jean  Marie ") == "J.-M. Z."
    assert initials("N'Diaye", "D'Arcy") == "D. N."  # an apostrophe is not a separator
    assert initials("", "") == "" and initials("Durand", "") == "D."
