"""Domain rules, with hypothesis properties."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cep_desk import domain
from cep_desk.domain import FundingLineAmounts, FundingStatus


def test_eight_publics_plus_other():
    assert len(domain.Public) == 9
    assert domain.Public.OTHER.label == "Autre situation"
    assert all(p.label for p in domain.Public)


def test_every_enum_has_french_labels():
    for enum in domain.LabelledEnum.__subclasses__():
        for member in enum:
            assert member.label and member.label[0].isupper() or member.label[0].isdigit()


def test_level_transitions():
    assert domain.level_after_session(0, 1) == 1
    assert domain.level_after_session(1, 2) == 2
    assert domain.level_after_session(2, 1) == 2  # a later level-1 session keeps level 2
    with pytest.raises(domain.ValidationError):
        domain.level_after_session(1, 3)
    assert domain.can_open_level2(domain.Level1Decision.CONTINUE)
    assert domain.can_open_level2(None)  # the levels are not necessarily successive
    assert not domain.can_open_level2(domain.Level1Decision.STOP)
    assert not domain.can_open_level2(domain.Level1Decision.REDIRECT)


def test_funding_totals_example():
    lines = [
        FundingLineAmounts(FundingStatus.GRANTED, 150_000, 125_000),
        FundingLineAmounts(FundingStatus.REQUESTED, 50_000, None),
        FundingLineAmounts(FundingStatus.REFUSED, 99_999, None),
    ]
    t = domain.funding_totals(lines)
    assert (t.cost, t.funded, t.pending, t.left_to_pay) == (200_000, 125_000, 50_000, 75_000)
    t2 = domain.funding_totals(lines, declared_cost=300_000)
    assert t2.left_to_pay == 175_000


def test_pending_counts_only_lines_awaiting_a_decision():
    """« En attente de décision »: requested lines only; a line still « Envisagé » has not been
    asked for (issue 9.13)."""
    lines = [
        FundingLineAmounts(FundingStatus.CONSIDERED, 30_000, None),
        FundingLineAmounts(FundingStatus.REQUESTED, 50_000, None),
        FundingLineAmounts(FundingStatus.GRANTED, 20_000, 20_000),
        FundingLineAmounts(FundingStatus.REFUSED, 10_000, None),
    ]
    t = domain.funding_totals(lines)
    assert t.pending == 50_000
    assert (t.cost, t.funded, t.left_to_pay) == (100_000, 20_000, 80_000)
    only_considered = domain.funding_totals([lines[0]])
    assert only_considered.pending == 0 and only_considered.cost == 30_000


amounts = st.one_of(st.none(), st.integers(min_value=0, max_value=10**12))
line = st.builds(FundingLineAmounts, st.sampled_from(list(FundingStatus)), amounts, amounts)


@given(st.lists(line, max_size=60), st.one_of(st.none(), st.integers(0, 10**12)))
def test_totals_never_negative_and_exact(lines, declared):
    t = domain.funding_totals(lines, declared)
    for value in (t.cost, t.funded, t.pending, t.left_to_pay):
        assert isinstance(value, int) and value >= 0
    assert t.left_to_pay == max(0, t.cost - t.funded)
    # Python integers do not overflow; SQLite's do at 2**63: stay far below with 60 lines.
    assert t.cost < 2**63 and t.funded < 2**63


@given(
    st.lists(st.integers(), min_size=1, max_size=30, unique=True),
    st.lists(st.tuples(st.integers(0, 29), st.integers(-40, 40), st.booleans()), max_size=50),
)
def test_priority_order_stays_a_permutation(order, moves):
    current = list(order)
    for index, amount, absolute in moves:
        item = current[index % len(current)]
        current = (
            domain.move_to(current, item, amount)
            if absolute
            else domain.move_in_order(current, item, amount)
        )
        assert sorted(current) == sorted(order)


def test_move_in_order_clamps():
    assert domain.move_in_order([1, 2, 3], 1, -5) == [1, 2, 3]
    assert domain.move_in_order([1, 2, 3], 1, 1) == [2, 1, 3]
    assert domain.move_to([1, 2, 3], 3, 0) == [3, 1, 2]


def test_retention():
    assert domain.retention_deadline(date(2024, 2, 29)) == date(2026, 3, 1)
    assert not domain.is_past_retention(date(2024, 11, 27), date(2026, 11, 27))
    assert domain.is_past_retention(date(2024, 11, 26), date(2026, 11, 27))
    assert not domain.is_past_retention(None, date(2026, 11, 27))


def test_validation_messages_are_french():
    with pytest.raises(domain.ValidationError, match="précéder"):
        domain.check_period(date(2026, 5, 1), date(2026, 4, 1))
    with pytest.raises(domain.ValidationError, match="négatif"):
        domain.check_amount(-1, field="x")
    with pytest.raises(domain.ValidationError, match="futur"):
        domain.check_birth_date(date(2999, 1, 1))


def test_age_band():
    assert domain.age_band(date(2000, 6, 1), date(2026, 5, 31)) == "moins de 26 ans"
    assert domain.age_band(None, date(2026, 1, 1)) == "non renseigné"


def test_age_on_counts_full_years():
    from datetime import date

    from cep_desk import formatting

    born = date(1984, 3, 14)
    assert domain.age_on(born, date(2026, 3, 13)) == 41
    assert domain.age_on(born, date(2026, 3, 14)) == 42
    assert domain.age_on(date(2000, 2, 29), date(2026, 2, 28)) == 25
    assert domain.age_on(date(2000, 2, 29), date(2026, 3, 1)) == 26
    assert domain.age_on(None, date(2026, 1, 1)) is None
    assert domain.age_on(date(2030, 1, 1), date(2026, 1, 1)) is None
    assert formatting.format_age(42) == "42 ans"
    assert formatting.format_age(1) == "1 an"
    assert formatting.format_age(None) == ""
