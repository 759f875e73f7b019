"""The provisional calendar adapts its time axis from one month to several years."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from reportlab.graphics.shapes import Polygon, Rect, String

from cep_desk.plan_document import StepItem
from cep_desk.plan_pdf.gantt import timeline_drawings

TODAY = date(2026, 3, 16)


def _steps(start: date, days: int, n: int = 6) -> list[StepItem]:
    step = max(1, days // n)
    out = []
    for i in range(n):
        begin = start + timedelta(days=i * step)
        out.append(StepItem(f"Étape {i + 1}", start_on=begin, due_on=begin + timedelta(days=step),
                            status_label="Prévue"))  # fmt: skip
    out.append(StepItem("Date clé", due_on=start + timedelta(days=days // 2), is_milestone=True,
                        status_label="Prévue"))  # fmt: skip
    return out


def _strings(drawings) -> list[str]:
    return [s.text for d in drawings for s in d.getContents() if isinstance(s, String)]


def _shapes(drawings, kind) -> list:
    return [s for d in drawings for s in d.getContents() if isinstance(s, kind)]


def test_one_month_shows_weeks():
    texts = _strings(timeline_drawings(_steps(date(2026, 3, 2), 25), TODAY, 480))
    assert "mars 2026" in texts
    assert {"1 mars", "8 mars", "15 mars", "22 mars"} <= set(texts)


def test_a_few_months_show_month_names():
    texts = _strings(timeline_drawings(_steps(date(2026, 1, 5), 140), TODAY, 480))
    assert {"janv.", "févr.", "mars", "avr.", "mai"} <= set(texts)


def test_a_year_shows_month_initials_under_the_year():
    texts = _strings(timeline_drawings(_steps(date(2026, 1, 5), 330), TODAY, 480))
    assert texts.count("J") >= 3 and {"F", "M", "A", "S", "O", "N", "D"} <= set(texts)
    assert "2026" in texts


def test_three_years_show_quarters():
    texts = _strings(timeline_drawings(_steps(date(2026, 1, 5), 3 * 365 - 20), TODAY, 480))
    assert {"T1", "T2", "T3", "T4"} <= set(texts)
    assert {"2026", "2027", "2028"} <= set(texts)
    assert "janv." not in texts


def test_ten_years_show_years_only():
    texts = _strings(timeline_drawings(_steps(date(2024, 1, 5), 3650), TODAY, 480))
    assert "2030" in texts and "T1" not in texts


@pytest.mark.parametrize("days", [20, 400, 1100])
def test_every_row_is_labelled_and_status_written(days):
    steps = _steps(date(2026, 2, 1), days)
    drawings = timeline_drawings(steps, TODAY, 480)
    texts = _strings(drawings)
    for i, s in enumerate(steps, start=1):
        assert any(t.startswith(f"{i}. {s.title}"[:6]) for t in texts)
    assert texts.count("Prévue") == len(steps)
    assert "Aujourd'hui, 16/03/2026" in texts
    assert len(_shapes(drawings, Polygon)) >= 1  # milestone diamond (+ legend)
    assert len([r for r in _shapes(drawings, Rect) if r.height < 20]) >= len(steps) - 1


def test_long_plans_are_cut_into_balanced_drawings_with_one_legend():
    steps = _steps(date(2026, 1, 5), 500, n=39)
    drawings = timeline_drawings(steps, TODAY, 480, max_rows=26)
    assert len(drawings) == 2
    texts = [_strings([d]) for d in drawings]
    assert [t.count("Prévue") for t in texts] == [20, 20]
    assert "Période prévue" in texts[1] and "Période prévue" not in texts[0]


def test_no_steps_no_drawing_and_odd_dates_do_not_crash():
    assert timeline_drawings([], TODAY, 480) == []
    odd = [
        StepItem("sans date"),
        StepItem("à l'envers", start_on=date(2026, 5, 1), due_on=date(2026, 4, 1)),
        StepItem("très loin", start_on=date(1900, 1, 1), due_on=date(2100, 12, 31)),
        StepItem("fin des temps", due_on=date(9999, 12, 31)),
    ]
    assert timeline_drawings(odd, TODAY, 480)
