"""Level 2 work: needs and priorities, the project, feasibility, skills, steps, financing."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from cep_desk import domain
from cep_desk.domain import AuditAction, ValidationError
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

NEED_SPEC: c.Spec = {
    "theme": c.an_enum(domain.NeedTheme),
    "description": c.text(),
    "status": c.an_enum(domain.NeedStatus),
}

PROJECT_SPEC: c.Spec = {
    "kind": c.an_enum(domain.ProjectKind),
    "target_job_label": c.text(300),
    "rome_code": c.text(5),
    "rome_version": c.text(20),
    "certification_label": c.text(300),
    "certification_code": c.text(20),
    "description": c.text(),
    "declared_cost_cents": c.amount(),
    "training_start_on": c.a_date(),
    "training_end_on": c.a_date(),
    "training_hours": c.an_int(1, 10_000),
    "training_provider": c.text(200),
    "training_part_time": c.a_bool(),
    "exam_title": c.text(300),
    "exam_on": c.a_date(),
    "cep_opinion": c.text(),
    "cep_conclusion": c.text(),
}

CHECK_SPEC: c.Spec = {
    "status": c.an_enum(domain.FeasibilityStatus),
    "note": c.text(),
}

SKILL_SPEC: c.Spec = {
    "label": c.required("L'intitulé de la compétence", 300),
    "state": c.an_enum(domain.SkillState),
    "means": c.an_enum(domain.SkillMeans, optional=True),
}

STEP_SPEC: c.Spec = {
    "title": c.required("L'intitulé de l'étape", 300),
    "detail": c.text(),
    "owner": c.an_enum(domain.StepOwner),
    "partner_name": c.text(200),
    "start_on": c.a_date(),
    "due_on": c.a_date(),
    "status": c.an_enum(domain.StepStatus),
    "is_milestone": c.a_bool(),
    "scheme_code": c.text(40),
    "internal_service": c.a_bool(),
}

FUNDING_SPEC: c.Spec = {
    "scheme_code": c.text(40),
    "scheme_label": c.text(200),
    "funder": c.text(200),
    "covers": c.an_enum(domain.FundingCover),
    "amount_requested_cents": c.amount(),
    "amount_granted_cents": c.amount(),
    "status": c.an_enum(domain.FundingStatus),
    "decision_on": c.a_date(),
}


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


def add_need(ws: Workspace, journey_id: int, **values: Any) -> NeedRecord:
    """A need goes to the end of the priority order."""
    values.setdefault("status", domain.NeedStatus.OPEN.value)
    clean = c.validate(values, NEED_SPEC)
    with ws.session() as s:
        owner = _owner_of_journey(s, journey_id)
        last = s.scalar(select(func.max(m.Need.rank)).where(m.Need.journey_id == journey_id)) or 0
        need = m.Need(journey_id=journey_id, rank=last + 1, **clean)
        s.add(need)
        s.flush()
        c.audit(s, AuditAction.CREATE, "need", need.id, owner)
        return to_record(NeedRecord, need)


def update_need(ws: Workspace, need_id: int, **changes: Any) -> NeedRecord:
    clean = c.validate(changes, NEED_SPEC)
    with ws.session() as s:
        need = c.get(s, m.Need, need_id, "Besoin")
        changed = c.apply(need, clean)
        if changed:
            owner = _owner_of_journey(s, need.journey_id)
            c.audit(s, AuditAction.CHANGE, "need", need.id, owner, ",".join(changed))
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
        c.audit(s, AuditAction.DELETE, "need", need_id, owner)


def reorder_needs(ws: Workspace, journey_id: int, order: Sequence[int]) -> list[NeedRecord]:
    """Set the priority order; ``order`` must be a permutation of the journey's needs."""
    with ws.session() as s:
        needs = _needs(s, journey_id)
        if sorted(order) != sorted(n.id for n in needs):
            raise ValidationError("L'ordre des priorités ne correspond pas aux besoins.", "rank")
        _renumber(needs, order)
        c.audit(s, AuditAction.CHANGE, "need", None, _owner_of_journey(s, journey_id), "rank")
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


def ensure_project(ws: Workspace, journey_id: int, **values: Any) -> ProjectRecord:
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
            c.audit(s, AuditAction.CREATE, "project", project.id, owner)
        elif clean:
            changed = c.apply(project, clean)
            if changed:
                c.audit(s, AuditAction.CHANGE, "project", project.id, owner, ",".join(changed))
        return to_record(ProjectRecord, project)


def update_project(ws: Workspace, project_id: int, **changes: Any) -> ProjectRecord:
    clean = c.validate(changes, PROJECT_SPEC)
    with ws.session() as s:
        project = c.get(s, m.Project, project_id, "Projet")
        changed = c.apply(project, clean)
        if changed:
            owner = _owner_of_project(s, project_id)
            c.audit(s, AuditAction.CHANGE, "project", project.id, owner, ",".join(changed))
        return to_record(ProjectRecord, project)


def update_check(ws: Workspace, check_id: int, **changes: Any) -> FeasibilityRecord:
    clean = c.validate(changes, CHECK_SPEC)
    with ws.session() as s:
        check = c.get(s, m.FeasibilityCheck, check_id, "Point de faisabilité")
        changed = c.apply(check, clean)
        if changed:
            owner = _owner_of_project(s, check.project_id)
            c.audit(s, AuditAction.CHANGE, "feasibility", check.id, owner, ",".join(changed))
        return to_record(FeasibilityRecord, check)


def _add_child(ws, model, record_cls, entity, project_id, spec, values):
    clean = c.validate(values, spec)
    with ws.session() as s:
        owner = _owner_of_project(s, project_id)
        obj = model(project_id=project_id, **clean)
        if model is m.ActionStep:
            last = s.scalar(
                select(func.max(m.ActionStep.position)).where(m.ActionStep.project_id == project_id)
            )
            obj.position = (last or 0) + 1
        _check_child(obj)
        s.add(obj)
        s.flush()
        c.audit(s, AuditAction.CREATE, entity, obj.id, owner)
        return to_record(record_cls, obj)


def _update_child(ws, model, record_cls, entity, what, ident, spec, changes):
    clean = c.validate(changes, spec)
    with ws.session() as s:
        obj = c.get(s, model, ident, what)
        changed = c.apply(obj, clean)
        _check_child(obj)
        if changed:
            owner = _owner_of_project(s, obj.project_id)
            c.audit(s, AuditAction.CHANGE, entity, obj.id, owner, ",".join(changed))
        return to_record(record_cls, obj)


def _delete_child(ws, model, entity, what, ident) -> None:
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


def add_skill(ws: Workspace, project_id: int, **values: Any) -> SkillRecord:
    values.setdefault("state", domain.SkillState.TO_ACQUIRE.value)
    return _add_child(ws, m.Skill, SkillRecord, "skill", project_id, SKILL_SPEC, values)


def update_skill(ws: Workspace, skill_id: int, **changes: Any) -> SkillRecord:
    return _update_child(
        ws, m.Skill, SkillRecord, "skill", "Compétence", skill_id, SKILL_SPEC, changes
    )


def delete_skill(ws: Workspace, skill_id: int) -> None:
    _delete_child(ws, m.Skill, "skill", "Compétence", skill_id)


# ---------------------------------------------------------------------------------------------
# Action steps
# ---------------------------------------------------------------------------------------------


def add_step(ws: Workspace, project_id: int, **values: Any) -> StepRecord:
    values.setdefault("owner", domain.StepOwner.BENEFICIARY.value)
    values.setdefault("status", domain.StepStatus.PLANNED.value)
    return _add_child(ws, m.ActionStep, StepRecord, "step", project_id, STEP_SPEC, values)


def update_step(ws: Workspace, step_id: int, **changes: Any) -> StepRecord:
    return _update_child(ws, m.ActionStep, StepRecord, "step", "Étape", step_id, STEP_SPEC, changes)


def delete_step(ws: Workspace, step_id: int) -> None:
    _delete_child(ws, m.ActionStep, "step", "Étape", step_id)


# ---------------------------------------------------------------------------------------------
# Financing
# ---------------------------------------------------------------------------------------------


def add_funding(ws: Workspace, project_id: int, **values: Any) -> FundingRecord:
    values.setdefault("covers", domain.FundingCover.TEACHING.value)
    values.setdefault("status", domain.FundingStatus.CONSIDERED.value)
    return _add_child(
        ws, m.FinancingLine, FundingRecord, "funding", project_id, FUNDING_SPEC, values
    )


def update_funding(ws: Workspace, line_id: int, **changes: Any) -> FundingRecord:
    return _update_child(
        ws,
        m.FinancingLine,
        FundingRecord,
        "funding",
        "Ligne de financement",
        line_id,
        FUNDING_SPEC,
        changes,
    )


def delete_funding(ws: Workspace, line_id: int) -> None:
    _delete_child(ws, m.FinancingLine, "funding", "Ligne de financement", line_id)


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
