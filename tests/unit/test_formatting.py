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
