"""Beneficiaries: create, update, read and search (see cep_desk.storage.search: FTS5 on SQLite,
tsvector and trigrams on PostgreSQL)."""

from __future__ import annotations

import dataclasses
import json
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from cep_desk import domain, kinds
from cep_desk.domain import AuditAction
from cep_desk.storage import models as m
from cep_desk.storage import search
from cep_desk.storage.workspace import Workspace

from . import changes as chg
from . import common as c
from .records import (
    RECORD_OF,
    BeneficiaryFile,
    BeneficiaryRecord,
    BeneficiaryRow,
    ContactRecord,
    DocumentRecord,
    FeasibilityRecord,
    FundingRecord,
    JourneyFile,
    JourneyRecord,
    NeedRecord,
    ProjectRecord,
    SessionRecord,
    SkillRecord,
    StepRecord,
    to_record,
)

SPEC: c.Spec = kinds.PERSON.spec()


def sort_key(last_name: str, first_name: str) -> str:
    """Accent- and case-insensitive key for the alphabetical list."""
    raw = f"{last_name}\x01{first_name}"
    decomposed = unicodedata.normalize("NFKD", raw)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()[:420]


def _fill_place(person: m.Beneficiary) -> list[str]:
    """Département and région from the postcode, where they are still empty."""
    from cep_desk import geography

    place = geography.place_of_postcode(person.postcode or "")
    filled: list[str] = []
    if place is None:
        return filled
    if not (person.department or "").strip():
        person.department = place.department_label
        filled.append("department")
    if not (person.region or "").strip() and place.region:
        person.region = place.region
        filled.append("region")
    return filled


def create_beneficiary(ws: Workspace, **values: object) -> BeneficiaryRecord:
    """Create a person. ``last_name``, ``first_name`` are required; ``status`` defaults to
    'autre'. Raises :class:`ValidationError` with a French message."""
    values.setdefault("status", domain.Public.OTHER.value)
    for name in ("last_name", "first_name"):
        values.setdefault(name, "")
    clean = c.validate(values, SPEC)
    with ws.session() as s:
        person = m.Beneficiary(**clean)
        person.sort_key = sort_key(person.last_name, person.first_name)
        if clean.get("postcode"):
            _fill_place(person)
        s.add(person)
        s.flush()
        c.audit(s, AuditAction.CREATE, kinds.PERSON, person.id, person.id)
        return to_record(BeneficiaryRecord, person)


def update_beneficiary(ws: Workspace, beneficiary_id: int, **changes: object) -> BeneficiaryRecord:
    clean = c.validate(changes, SPEC)
    with ws.session() as s:
        person = c.get(s, m.Beneficiary, beneficiary_id, "Personne")
        changed = c.apply(person, clean)
        if "postcode" in changed:  # département and région follow, when still empty
            changed += _fill_place(person)
        if {"last_name", "first_name"} & set(changed):
            person.sort_key = sort_key(person.last_name, person.first_name)
        if changed:
            c.audit(
                s,
                AuditAction.CHANGE,
                kinds.PERSON,
                person.id,
                person.id,
                ",".join(changed),
            )
        return to_record(BeneficiaryRecord, person)


def get_beneficiary(ws: Workspace, beneficiary_id: int) -> BeneficiaryRecord:
    with ws.read() as s:
        return to_record(BeneficiaryRecord, c.get(s, m.Beneficiary, beneficiary_id, "Personne"))


# ---------------------------------------------------------------------------------------------
# Search
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ListFilter:
    """Filters of the beneficiary list; ``None`` means 'all'."""

    query: str = ""
    status: str | None = None
    level: int | None = None  # 0 (no session yet), 1 or 2
    open_journey: bool | None = None


def fts_query(text_value: str) -> str | None:
    """Turn what the counsellor types into an FTS5 prefix query (every word must match).

    A phone number typed with spaces ("06 12 34") becomes one digit run, as it is indexed.
    """
    return search.fts5_query(text_value)


_ROW_COLUMNS = (
    "id, last_name, first_name, town, phone, status, current_level, has_open_journey, "
    "last_contact_on"
)


def _conditions(s: Session, flt: ListFilter) -> tuple[list[str], dict[str, Any]]:
    conds: list[str] = []
    params: dict[str, Any] = {}
    found = search.condition(s, flt.query)
    if found is not None:
        conds.append(found[0])
        params.update(found[1])
    if flt.status:
        conds.append("status = :status")
        params["status"] = flt.status
    if flt.level is not None:
        conds.append("current_level = :level")
        params["level"] = flt.level
    if flt.open_journey is not None:
        conds.append("has_open_journey = :open")
        params["open"] = bool(flt.open_journey)
    return conds, params


def _dialect(ws: Workspace) -> str:
    return ws.engine.dialect.name


def search_beneficiaries(
    ws: Workspace, flt: ListFilter | None = None, *, offset: int = 0, limit: int | None = 200
) -> list[BeneficiaryRow]:
    """One page of the list, in alphabetical order (accents and case ignored); ``limit``
    None (or -1) for every row.

    The page's ids come from the covering list index (sort order and filters) probed against
    the full-text matches; only the rows of the page are then read from the table.
    """
    dialect = _dialect(ws)
    if limit is None or limit < 0:
        limit = search.no_limit(dialect)
    with ws.read() as s:
        conds, params = _conditions(s, flt or ListFilter())
        where = f"WHERE {' AND '.join(conds)}" if conds else ""
        params.update(limit=limit, offset=offset)
        page = search.page_ids_sql(dialect, where, flt.query if flt else "")
        sql = f"SELECT {_ROW_COLUMNS} FROM beneficiaries WHERE id IN ({page}) ORDER BY sort_key, id"
        return [
            BeneficiaryRow(r[0], r[1], r[2], r[3], r[4], r[5], r[6], bool(r[7]), _as_date(r[8]))
            for r in s.execute(text(sql), params)
        ]


def _as_date(value: Any) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def count_beneficiaries(ws: Workspace, flt: ListFilter | None = None) -> int:
    dialect = _dialect(ws)
    with ws.read() as s:
        conds, params = _conditions(s, flt or ListFilter())
        sql = search.count_sql(dialect, conds[0]) if len(conds) == 1 else None
        if sql is None:
            where = f"WHERE {' AND '.join(conds)}" if conds else ""
            sql = f"SELECT count(*) FROM beneficiaries{search.list_index_hint(dialect)} {where}"
        return int(s.execute(text(sql), params).scalar_one())


def position_in_list(ws: Workspace, flt: ListFilter | None, beneficiary_id: int) -> int | None:
    """The row (0-based) of a person in the list of ``flt`` (the order of
    :func:`search_beneficiaries`), or None when the person does not match the filter."""
    dialect = _dialect(ws)
    with ws.read() as s:
        conds, params = _conditions(s, flt or ListFilter())
        where = " AND ".join([*conds, "id = :ident"])
        params["ident"] = beneficiary_id
        key = s.execute(
            text(f"SELECT sort_key FROM beneficiaries WHERE {where}"), params
        ).scalar_one_or_none()
        if key is None:
            return None
        params["key"] = key
        before = " AND ".join([*conds, "(sort_key < :key OR (sort_key = :key AND id < :ident))"])
        hint = search.list_index_hint(dialect)
        sql = f"SELECT count(*) FROM beneficiaries{hint} WHERE {before}"
        return int(s.execute(text(sql), params).scalar_one())


def list_all(ws: Workspace) -> list[dict[str, object]]:
    """Every person as a small dict (the CLI's ``list``)."""
    rows = search_beneficiaries(ws, ListFilter(), limit=None)
    return [
        {
            "id": r.id,
            "last_name": r.last_name,
            "first_name": r.first_name,
            "status": r.status,
            "level": r.current_level,
            "open": r.has_open_journey,
        }
        for r in rows
    ]


# ---------------------------------------------------------------------------------------------
# The whole file of one person
# ---------------------------------------------------------------------------------------------


def _journey_file(j: m.Journey) -> JourneyFile:
    project = j.projects[0] if j.projects else None
    listed: dict[str, list[Any]] = {  # each list of its kind's record class
        k.key: [to_record(RECORD_OF[k.name], x) for x in getattr(j, k.key)]
        for k in kinds.children_of(kinds.JOURNEY)
        if k.name not in _LOADED_BY_HAND
    }
    return JourneyFile(
        journey=to_record(JourneyRecord, j),
        sessions=[to_record(SessionRecord, x) for x in j.sessions],
        needs=[to_record(NeedRecord, x) for x in j.needs],
        project=to_record(ProjectRecord, project) if project else None,
        checks=[
            to_record(FeasibilityRecord, x)
            for x in sorted(
                project.checks if project else [],
                key=lambda ch: list(domain.FeasibilityAspect).index(
                    domain.FeasibilityAspect(ch.aspect)
                ),
            )
        ],
        skills=[to_record(SkillRecord, x) for x in (project.skills if project else [])],
        steps=[to_record(StepRecord, x) for x in (project.steps if project else [])],
        funding=[to_record(FundingRecord, x) for x in (project.funding if project else [])],
        contacts=[to_record(ContactRecord, x) for x in j.contacts],
        # the lists of any other kind under a journey, from the descriptions: as a field of
        # JourneyFile when it has one, else in its ``lists``
        **{k: v for k, v in listed.items() if k in _JOURNEY_FILE_FIELDS},
        lists={k: v for k, v in listed.items() if k not in _JOURNEY_FILE_FIELDS},
    )


_LOADED_BY_HAND = frozenset({"session", "need", "project", "contact"})
_JOURNEY_FILE_FIELDS = frozenset(f.name for f in dataclasses.fields(JourneyFile))


def load_file(ws: Workspace, beneficiary_id: int, *, audit: bool = True) -> BeneficiaryFile:
    """A person with every journey (newest first) and issued documents; audited as 'opened'."""
    with ws.session() as s:
        person = c.get(s, m.Beneficiary, beneficiary_id, "Personne")
        journeys = sorted(person.journeys, key=lambda j: (j.request_date, j.id), reverse=True)
        docs = s.scalars(
            select(m.IssuedDocument)
            .where(m.IssuedDocument.beneficiary_id == beneficiary_id)
            .order_by(m.IssuedDocument.issued_at.desc())
        ).all()
        result = BeneficiaryFile(
            beneficiary=to_record(BeneficiaryRecord, person),
            journeys=[_journey_file(j) for j in journeys],
            documents=[to_record(DocumentRecord, d) for d in docs],
        )
        if audit:
            c.audit(s, AuditAction.OPEN, kinds.PERSON, person.id, person.id)
        return result


NAMES_INDEX = "ix_beneficiaries_names"  # (id, last_name, first_name), revision 0007_agenda


def names_of(s: Session, ids: Iterable[int]) -> dict[int, tuple[str, str]]:
    """``{id: (last_name, first_name)}`` of some people, read from the small covering index of
    their names rather than from the table's wide rows: the agenda and the due list name
    thousands of people at 50 000, whose rows would not fit in the page cache."""
    wanted = sorted(set(ids))
    if not wanted:
        return {}
    if s.get_bind().dialect.name != "sqlite":
        b = m.Beneficiary
        rows = s.execute(select(b.id, b.last_name, b.first_name).where(b.id.in_(wanted)))
        return {ident: (last, first) for ident, last, first in rows}
    rows = s.execute(
        text(
            f"SELECT id, last_name, first_name FROM beneficiaries INDEXED BY {NAMES_INDEX} "
            "WHERE id IN (SELECT value FROM json_each(:ids))"
        ),
        {"ids": json.dumps(wanted)},
    )
    return {ident: (last, first) for ident, last, first in rows}


def refresh_summary(s: Session, beneficiary_id: int) -> None:
    """Recompute the list columns (level, open journey, last contact) from the journeys."""
    person = s.get(m.Beneficiary, beneficiary_id)
    if person is None:
        return
    journeys = sorted(person.journeys, key=lambda j: (j.request_date, j.id))
    latest = journeys[-1] if journeys else None
    person.current_level = latest.level_reached if latest else 0
    chg.note(chg.PERSON, beneficiary_id, fields=chg.SUMMARY_FIELDS)
    person.has_open_journey = any(j.closed_on is None for j in journeys)
    dates = [x.held_on for j in journeys for x in j.sessions]
    if dates:
        last = max(dates)
        if person.last_contact_on is None or last > person.last_contact_on:
            person.last_contact_on = last
