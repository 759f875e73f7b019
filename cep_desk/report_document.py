"""The activity report as plain data (issue #12, item 4): what
:mod:`cep_desk.usecases.report` computes and :mod:`cep_desk.plan_pdf.activity_report`
prints, free of SQLAlchemy and Qt (as :mod:`cep_desk.plan_document` for the plan)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import NamedTuple

THRESHOLD = 5  # cells under it are suppressed
SUPPRESSED = "< 5"


@dataclass(frozen=True)
class Cell:
    code: str
    label: str
    count: int | None  # None: suppressed


@dataclass(frozen=True)
class Table:
    key: str
    title: str
    cells: list[Cell]
    total: int | None  # None: suppressed
    note: str = ""

    def count(self, code: str) -> int | None:
        return next(c.count for c in self.cells if c.code == code)


@dataclass(frozen=True)
class Figure:
    """One number of an indicator: ``unit`` is ``count``, ``days`` or ``percent``; ``value``
    None when suppressed (fewer than :data:`THRESHOLD` people behind it)."""

    code: str
    label: str
    value: float | None
    unit: str = "count"


@dataclass(frozen=True)
class Indicator:
    key: str  # the CSV file's name: ``<key>.csv``
    title: str
    tables: list[Table]
    note: str = ""
    figures: list[Figure] = field(default_factory=list)

    def table(self, key: str) -> Table:
        return next(t for t in self.tables if t.key == key)


class AppointmentLine(NamedTuple):
    """One line of the anonymised per-appointment file: no name, no birth date, no address,
    no free text."""

    appointment_key: str  # pseudonymous, stable (the same secret as the person key)
    person_key: str  # pseudonymous, stable within a workspace, not the database id
    day: date
    start: str  # "HH:MM" or ""
    duration_min: int | None
    level: int
    modality: str
    status: str
    is_followup: bool
    public: str
    age_band: str
    sex: str
    pcs_group: str
    education_level: str
    department: str
    region: str
    new_person: bool


@dataclass(frozen=True)
class KeyFigure:
    """A figure of the summary page: one value, or two (level 1 / level 2)."""

    label: str
    values: tuple[float | None, ...]
    unit: str = "count"


@dataclass(frozen=True)
class Report:
    start: date
    end: date
    organisation: str
    indicators: list[Indicator]
    key_figures: list[KeyFigure]
    comments: list[tuple[int, str]] = field(default_factory=list)  # (level, text), no name
    appointments: list[AppointmentLine] = field(default_factory=list)

    def indicator(self, key: str) -> Indicator:
        return next(i for i in self.indicators if i.key == key)
