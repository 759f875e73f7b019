"""The RGPD information notice: the PDF for the counsellor's organisation, and the date it was
handed over to each person (a person without it shows a reminder)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from cep_desk import domain
from cep_desk.storage import models as m
from cep_desk.storage.workspace import Workspace
from cep_desk.usecases import beneficiaries, workspaces
from cep_desk.usecases.records import BeneficiaryRecord

# Optional settings read by the notice (absent = not printed).
SETTING_DPO = "dpo_contact"
SETTING_NOTICE_ADDRESS = "notice_address"


@dataclass(frozen=True)
class PersonWithoutNotice:
    id: int
    last_name: str
    first_name: str
    last_contact_on: date | None


def notice_pdf(ws: Workspace, issued_on: date | None = None) -> bytes:
    """The one-page notice, filled with the counsellor's organisation, address, DPO contact
    (setting ``dpo_contact``) and the retention period (setting ``retention_years``)."""
    from cep_desk.plan_pdf import NoticeOrganisation, render_information_notice

    counsellor = workspaces.get_counsellor(ws)
    years = max(1, workspaces.int_setting(ws, "retention_years", domain.DEFAULT_RETENTION_YEARS))
    address = workspaces.get_setting(ws, SETTING_NOTICE_ADDRESS) or counsellor.address
    org = NoticeOrganisation(
        organisation=counsellor.organisation,
        address=str(address or ""),
        dpo_contact=str(workspaces.get_setting(ws, SETTING_DPO) or ""),
        counsellor_name=counsellor.name,
        retention_years=years,
    )
    return render_information_notice(org, issued_on or date.today())


def mark_notice_given(
    ws: Workspace,
    beneficiary_id: int,
    on: date | None = None,
    *,
    pdf: bytes | None = None,
    channel: str = "print",
) -> BeneficiaryRecord:
    """Record the day the notice was handed over (audited as a change); when the PDF handed
    over is given, it is also traced as an issued document (version and SHA-256)."""
    record = beneficiaries.update_beneficiary(
        ws, beneficiary_id, notice_given_on=on or date.today()
    )
    if pdf is not None:
        workspaces.record_document(
            ws,
            beneficiary_id,
            None,
            domain.DocumentKind.INFORMATION_NOTICE,
            hashlib.sha256(pdf).hexdigest(),
            channel,
        )
    return record


def needs_notice(ws: Workspace, beneficiary_id: int) -> bool:
    """True when the person has not been given the notice yet (the panel shows a reminder)."""
    with ws.read() as s:
        value = s.scalar(
            select(m.Beneficiary.notice_given_on).where(m.Beneficiary.id == beneficiary_id)
        )
    return value is None


def people_without_notice(ws: Workspace, limit: int = 10_000) -> list[PersonWithoutNotice]:
    """People who have not been given the notice, most recently seen first."""
    stmt = (
        select(
            m.Beneficiary.id,
            m.Beneficiary.last_name,
            m.Beneficiary.first_name,
            m.Beneficiary.last_contact_on,
        )
        .where(m.Beneficiary.notice_given_on.is_(None))
        .order_by(m.Beneficiary.last_contact_on.desc().nulls_last(), m.Beneficiary.id)
        .limit(limit)
    )
    with ws.read() as s:
        return [PersonWithoutNotice(*row) for row in s.execute(stmt)]
