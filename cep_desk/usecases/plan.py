"""Level 2 work: needs and priorities, the project, feasibility, skills, steps, financing."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, TypeVar

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from cep_desk import domain, kinds
from cep_desk.domain import AuditAction, ValidationError
from cep_desk.kinds import Kind
from cep_desk.storage import models as m
from cep_desk.storage.workspace import Workspace

from . import common as c
from .records import (
    FeasibilityRecord,
    FundingRecord,
    NeedRecord,
    ProjectRecord,
    SkillRecord,
    StepRecord,
    to_record,
)

R = TypeVar("R")
_Child = TypeVar("_Child", m.Skill, m.ActionStep, m.FinancingLine)

NEED_SPEC: c.Spec = kinds.NEED.spec()

PROJECT_SPEC: c.Spec = kinds.PROJECT.spec()

CHECK_SPEC: c.Spec = kinds.CHECK.spec()

SKILL_SPEC: c.Spec = kinds.SKILL.spec()

STEP_SPEC: c.Spec = kinds.STEP.spec()

FUNDING_SPEC: c.Spec = kinds.FUNDING.spec()


def _owner_of_journey(s: Session, journey_id: int) -> int:
    return c.get(s, m.Journey, journey_id, "Parcours").beneficiary_id


def _owner_of_project(s: Session, project_id: int) -> int:
    project = c.get(s, m.Project, project_id, "Projet")
    return _owner_of_journey(s, project.journey_id)


# ---------------------------------------------------------------------------------------------
# Needs and their priority order
# ---------------------------------------------------------------------------------------------


def _needs(s: Session, journey_id: int) -> list[m.Need]:
    return list(
        s.scalars(select(m.Need).where(m.Need.journey_id == journey_id).order_by(m.Need.rank))
    )


def _renumber(needs: Sequence[m.Need], order: Sequence[int]) -> None:
    by_id = {n.id: n for n in needs}
    for rank, ident in enumerate(order, start=1):
        by_id[ident].rank = rank


def add_need(ws: Workspace, journey_id: int, **values: object) -> NeedRecord:
    """A need goes to the end of the priority order."""
    values.setdefault("status", domain.NeedStatus.OPEN.value)
    clean = c.validate(values, NEED_SPEC)
    with ws.session() as s:
        owner = _owner_of_journey(s, journey_id)
        last = s.scalar(select(func.max(m.Need.rank)).where(m.Need.journey_id == journey_id)) or 0
        need = m.Need(journey_id=journey_id, rank=last + 1, **clean)
        s.add(need)
        s.flush()
        c.audit(s, AuditAction.CREATE, kinds.NEED, need.id, owner)
        return to_record(NeedRecord, need)


def update_need(ws: Workspace, need_id: int, **changes: object) -> NeedRecord:
    clean = c.validate(changes, NEED_SPEC)
    with ws.session() as s:
        need = c.get(s, m.Need, need_id, "Besoin")
        changed = c.apply(need, clean)
        if changed:
            owner = _owner_of_journey(s, need.journey_id)
            c.audit(s, AuditAction.CHANGE, kinds.NEED, need.id, owner, ",".join(changed))
        return to_record(NeedRecord, need)


def delete_need(ws: Workspace, need_id: int) -> None:
    with ws.session() as s:
        need = c.get(s, m.Need, need_id, "Besoin")
        journey_id = need.journey_id
        owner = _owner_of_journey(s, journey_id)
        s.delete(need)
        s.flush()
        rest = _needs(s, journey_id)
        _renumber(rest, [n.id for n in rest])
        c.audit(s, AuditAction.DELETE, kinds.NEED, need_id, owner)


def reorder_needs(ws: Workspace, journey_id: int, order: Sequence[int]) -> list[NeedRecord]:
    """Set the priority order; ``order`` must be a permutation of the journey's needs."""
    with ws.session() as s:
        needs = _needs(s, journey_id)
        if sorted(order) != sorted(n.id for n in needs):
            raise ValidationError("L'ordre des priorités ne correspond pas aux besoins.", "rank")
        _renumber(needs, order)
        c.audit(s, AuditAction.CHANGE, kinds.NEED, None, _owner_of_journey(s, journey_id), "rank")
        s.flush()
        return [to_record(NeedRecord, n) for n in sorted(needs, key=lambda n: n.rank)]


def move_need(ws: Workspace, need_id: int, delta: int) -> list[NeedRecord]:
    """Move a need up (negative) or down (positive) in the priority order."""
    with ws.read() as s:
        need = c.get(s, m.Need, need_id, "Besoin")
        journey_id = need.journey_id
        order = [n.id for n in _needs(s, journey_id)]
    return reorder_needs(ws, journey_id, domain.move_in_order(order, need_id, delta))


# ---------------------------------------------------------------------------------------------
# Project, feasibility, skills
# ---------------------------------------------------------------------------------------------


def ensure_project(ws: Workspace, journey_id: int, **values: object) -> ProjectRecord:
    """The journey's project, created with its five feasibility checks when absent."""
    clean = c.validate(values, PROJECT_SPEC)
    with ws.session() as s:
        owner = _owner_of_journey(s, journey_id)
        project = s.scalar(select(m.Project).where(m.Project.journey_id == journey_id))
        if project is None:
            project = m.Project(journey_id=journey_id, **clean)
            project.checks = [m.FeasibilityCheck(aspect=a.value) for a in domain.FeasibilityAspect]
            s.add(project)
            s.flush()
            c.audit(s, AuditAction.CREATE, kinds.PROJECT, project.id, owner)
        elif clean:
            changed = c.apply(project, clean)
            if changed:
                c.audit(s, AuditAction.CHANGE, kinds.PROJECT, project.id, owner, ",".join(changed))
        return to_record(ProjectRecord, project)


def update_project(ws: Workspace, project_id: int, **changes: object) -> ProjectRecord:
    clean = c.validate(changes, PROJECT_SPEC)
    with ws.session() as s:
        project = c.get(s, m.Project, project_id, "Projet")
        changed = c.apply(project, clean)
        if changed:
            owner = _owner_of_project(s, project_id)
            c.audit(s, AuditAction.CHANGE, kinds.PROJECT, project.id, owner, ",".join(changed))
        return to_record(ProjectRecord, project)


def update_check(ws: Workspace, check_id: int, **changes: object) -> FeasibilityRecord:
    clean = c.validate(changes, CHECK_SPEC)
    with ws.session() as s:
        check = c.get(s, m.FeasibilityCheck, check_id, "Point de faisabilité")
        changed = c.apply(check, clean)
        if changed:
            owner = _owner_of_project(s, check.project_id)
            c.audit(s, AuditAction.CHANGE, kinds.CHECK, check.id, owner, ",".join(changed))
        return to_record(FeasibilityRecord, check)


def _add_child(
    ws: Workspace,
    model: type[_Child],
    record_cls: type[R],
    entity: Kind,
    project_id: int,
    spec: c.Spec,
    values: Mapping[str, object],
) -> R:
    clean = c.validate(values, spec)
    with ws.session() as s:
        owner = _owner_of_project(s, project_id)
        obj = model(project_id=project_id, **clean)
        if isinstance(obj, m.ActionStep):
            last = s.scalar(
                select(func.max(m.ActionStep.position)).where(m.ActionStep.project_id == project_id)
            )
            obj.position = (last or 0) + 1
        _check_child(obj)
        s.add(obj)
        s.flush()
        c.audit(s, AuditAction.CREATE, entity, obj.id, owner)
        return to_record(record_cls, obj)


def _update_child(
    ws: Workspace,
    model: type[_Child],
    record_cls: type[R],
    entity: Kind,
    what: str,
    ident: int,
    spec: c.Spec,
    changes: Mapping[str, object],
) -> R:
    clean = c.validate(changes, spec)
    with ws.session() as s:
        obj = c.get(s, model, ident, what)
        changed = c.apply(obj, clean)
        _check_child(obj)
        if changed:
            owner = _owner_of_project(s, obj.project_id)
            c.audit(s, AuditAction.CHANGE, entity, obj.id, owner, ",".join(changed))
        return to_record(record_cls, obj)


def _delete_child(ws: Workspace, model: type[_Child], entity: Kind, what: str, ident: int) -> None:
    with ws.session() as s:
        obj = c.get(s, model, ident, what)
        owner = _owner_of_project(s, obj.project_id)
        s.delete(obj)
        c.audit(s, AuditAction.DELETE, entity, ident, owner)


def _check_child(obj: Any) -> None:
    if isinstance(obj, m.ActionStep):
        if obj.is_milestone and obj.due_on is None and obj.start_on is not None:
            obj.due_on = obj.start_on
        domain.check_period(obj.start_on, obj.due_on, field="due_on")


def add_skill(ws: Workspace, project_id: int, **values: object) -> SkillRecord:
    values.setdefault("state", domain.SkillState.TO_ACQUIRE.value)
    return _add_child(ws, m.Skill, SkillRecord, kinds.SKILL, project_id, SKILL_SPEC, values)


def update_skill(ws: Workspace, skill_id: int, **changes: object) -> SkillRecord:
    return _update_child(
        ws, m.Skill, SkillRecord, kinds.SKILL, "Compétence", skill_id, SKILL_SPEC, changes
    )


def delete_skill(ws: Workspace, skill_id: int) -> None:
    _delete_child(ws, m.Skill, kinds.SKILL, "Compétence", skill_id)


# ---------------------------------------------------------------------------------------------
# Action steps
# ---------------------------------------------------------------------------------------------


def add_step(ws: Workspace, project_id: int, **values: object) -> StepRecord:
    values.setdefault("owner", domain.StepOwner.BENEFICIARY.value)
    values.setdefault("status", domain.StepStatus.PLANNED.value)
    return _add_child(ws, m.ActionStep, StepRecord, kinds.STEP, project_id, STEP_SPEC, values)


def update_step(ws: Workspace, step_id: int, **changes: object) -> StepRecord:
    return _update_child(
        ws, m.ActionStep, StepRecord, kinds.STEP, "Étape", step_id, STEP_SPEC, changes
    )


def delete_step(ws: Workspace, step_id: int) -> None:
    _delete_child(ws, m.ActionStep, kinds.STEP, "Étape", step_id)


# ---------------------------------------------------------------------------------------------
# Financing
# ---------------------------------------------------------------------------------------------


def add_funding(ws: Workspace, project_id: int, **values: object) -> FundingRecord:
    values.setdefault("covers", domain.FundingCover.TEACHING.value)
    values.setdefault("status", domain.FundingStatus.CONSIDERED.value)
    return _add_child(
        ws, m.FinancingLine, FundingRecord, kinds.FUNDING, project_id, FUNDING_SPEC, values
    )


def update_funding(ws: Workspace, line_id: int, **changes: object) -> FundingRecord:
    return _update_child(
        ws,
        m.FinancingLine,
        FundingRecord,
        kinds.FUNDING,
        "Ligne de financement",
        line_id,
        FUNDING_SPEC,
        changes,
    )


def delete_funding(ws: Workspace, line_id: int) -> None:
    _delete_child(ws, m.FinancingLine, kinds.FUNDING, "Ligne de financement", line_id)


def totals_of(
    lines: Sequence[FundingRecord], declared_cost: int | None = None
) -> domain.FundingTotals:
    return domain.funding_totals(
        (
            domain.FundingLineAmounts(
                status=domain.FundingStatus(x.status),
                requested=x.amount_requested_cents,
                granted=x.amount_granted_cents,
            )
            for x in lines
        ),
        declared_cost,
    )
