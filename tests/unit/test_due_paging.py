"""The due list read a page at a time (issue #12, performance): pages cut the one list, the
first page tells the size of the whole list and its late items, a page past the end is empty."""

from __future__ import annotations

from datetime import date, time, timedelta

import pytest

from cep_desk.storage import models as m
from cep_desk.usecases import beneficiaries, due, journeys, plan

# Every test here runs on SQLCipher and on PostgreSQL (tests/engines.py).
pytestmark = pytest.mark.both_engines

TODAY = date(2026, 12, 3)


def _fill(ws, unreported: int) -> None:
    """``unreported`` past appointments still « prévu » for three people, and a plan step
    due in a week (not late)."""
    people = [
        beneficiaries.create_beneficiary(ws, last_name=last, first_name=first).id
        for last, first in (("Zola", "Émile"), ("Ébrard", "Anne"), ("durand", "léa"))
    ]
    with ws.session() as s:
        s.add_all(
            m.Appointment(
                beneficiary_id=people[i % 3],
                day=TODAY - timedelta(days=1 + i % 40),
                start=time(8 + i % 10, 0),
                duration_min=30,
            )
            for i in range(unreported)
        )
    journey = journeys.start_journey(ws, people[0], request_date=TODAY - timedelta(days=60))
    project = plan.ensure_project(ws, journey.id)
    plan.add_step(ws, project.id, title="Visite", due_on=TODAY + timedelta(days=7))


def test_pages_cut_the_whole_list_and_tell_its_size(ws):
    _fill(ws, 450)
    whole = due.due_list(ws, TODAY)
    assert len(whole) == 451
    first = due.due_page(ws, TODAY)
    assert (len(first.items), first.total, first.late) == (due.PAGE_SIZE, 451, 450)
    pages = list(first.items)
    while len(pages) < first.total:
        pages += due.due_page(ws, TODAY, offset=len(pages)).items
    assert pages == whole
    assert [i.day for i in whole] == sorted(i.day for i in whole)
    last = whole[-1]
    assert last.kind == due.PLAN_STEP and last.person_name == "ZOLA Émile"
    past = due.due_page(ws, TODAY, offset=451)
    assert (past.items, past.total) == ([], 0)


def test_the_order_within_a_day_is_by_name_as_shown(ws):
    _fill(ws, 3)  # one appointment each, on three days
    _fill(ws, 3)  # the same again: two people per day and name
    items = due.due_list(ws, TODAY)
    for day in {i.day for i in items}:
        names = [i.person_name for i in items if i.day == day]
        assert names == sorted(names)  # « DURAND léa » < « ZOLA Émile » < « ÉBRARD Anne »
    assert {i.person_name for i in items} == {"ZOLA Émile", "ÉBRARD Anne", "DURAND léa"}
