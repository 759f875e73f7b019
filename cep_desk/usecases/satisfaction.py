"""The satisfaction questionnaire at the end of level 1 and of level 2 (issue #12, item 2).

France compétences' own questionnaire is not public: the questions and the 4-level scales
(:data:`cep_desk.domain.QUESTION_SATISFACTION` and the others) are CEP Desk's design. The
person answers on the counsellor's screen (a kiosk mode the UI locks behind the counsellor's
passphrase, checked here with :func:`check_counsellor_passphrase`) or on a printed form that
carries a reference code and no name (:func:`paper_reference`), typed in later.

Answers are counted anonymously by :func:`counts`: numbers only, never a name, never a free
comment.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import func, select

from cep_desk import domain, kinds
from cep_desk.domain import AuditAction, ValidationError
from cep_desk.storage import models as m
from cep_desk.storage import vault
from cep_desk.storage.workspace import Workspace

from . import common as c
from .records import SatisfactionRecord, to_record

SPEC: c.Spec = kinds.SATISFACTION.spec()
SCALE_KEYS = ("satisfaction", "usefulness")


def check_counsellor_passphrase(ws: Workspace, secret: str) -> bool:
    """True when ``secret`` is the counsellor's passphrase of this workspace (its passphrase
    key slot opens with it). Leaving the on-screen questionnaire asks for it. Nothing is
    written and the open workspace is untouched."""
    if not secret:
        return False
    try:
        vault.KeyFile.read(ws.path).unlock(secret, kind=vault.SLOT_PASSPHRASE)
    except vault.WrongSecret:
        return False
    return True


def paper_reference(journey_id: int, level: int) -> str:
    """The code printed on a paper form instead of the name (« Q-000123-N1-7 »): the journey,
    the level and a check digit, so that a form typed in later is matched to its journey and a
    mistyped code is noticed."""
    body = f"{journey_id:06d}{level}"
    check = sum((i + 1) * int(ch) for i, ch in enumerate(body)) % 10
    return f"Q-{journey_id:06d}-N{level}-{check}"


def parse_paper_reference(code: str) -> tuple[int, int]:
    """(journey id, level) of a code from :func:`paper_reference`; French message otherwise."""
    text = code.strip().upper().replace(" ", "")
    parts = text.split("-")
    if len(parts) == 4 and parts[0] == "Q" and parts[1].isdigit() and parts[2] in ("N1", "N2"):
        journey_id, level = int(parts[1]), int(parts[2][1])
        if paper_reference(journey_id, level) == text:
            return journey_id, level
    raise ValidationError(
        f"Code de questionnaire inconnu ou mal recopié : « {code.strip()} » "
        "(il a la forme Q-000123-N1-7).",
        "reference",
    )


def record_answers(
    ws: Workspace,
    journey_id: int,
    *,
    level: int,
    channel: str,
    answered_on: date,
    satisfaction: int | None = None,
    usefulness: int | None = None,
    recommend: bool | None = None,
    comment: str = "",
) -> SatisfactionRecord:
    """Store one questionnaire. One per journey and level: a second one is refused in French
    (the first can be deleted from the file)."""
    if level not in (1, 2):
        raise ValidationError("Le questionnaire porte sur le niveau 1 ou le niveau 2.", "level")
    for key, value in (("satisfaction", satisfaction), ("usefulness", usefulness)):
        if value is not None and (
            not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= 4
        ):
            raise ValidationError(
                "Réponse attendue de 1 (pas du tout) à 4 (très), ou pas de réponse.", key
            )
    clean = c.validate(
        {
            "level": level,
            "channel": channel,
            "answered_on": answered_on,
            "satisfaction": satisfaction,
            "usefulness": usefulness,
            "recommend": recommend,
            "comment": comment,
        },
        SPEC,
    )
    with ws.session() as s:
        journey = c.get(s, m.Journey, journey_id, "Parcours")
        if answered_on < journey.request_date:
            raise ValidationError(
                "La date du questionnaire ne peut pas précéder la demande.", "answered_on"
            )
        if answered_on > date.today():
            raise ValidationError("La date du questionnaire est dans le futur.", "answered_on")
        already = s.scalar(
            select(m.SatisfactionAnswer.answered_on).where(
                m.SatisfactionAnswer.journey_id == journey_id,
                m.SatisfactionAnswer.level == level,
            )
        )
        if already is not None:
            from cep_desk.formatting import format_date

            raise ValidationError(
                f"Un questionnaire de niveau {level} a déjà été saisi pour ce parcours "
                f"(le {format_date(already)}).",
                "level",
            )
        obj = m.SatisfactionAnswer(
            beneficiary_id=journey.beneficiary_id, journey_id=journey_id, **clean
        )
        s.add(obj)
        s.flush()
        c.audit(s, AuditAction.CREATE, kinds.SATISFACTION, obj.id, journey.beneficiary_id)
        return to_record(SatisfactionRecord, obj)


def delete_answers(ws: Workspace, answer_id: int) -> None:
    with ws.session() as s:
        obj = c.get(s, m.SatisfactionAnswer, answer_id, kinds.SATISFACTION.label)
        owner = obj.beneficiary_id
        s.delete(obj)
        c.audit(s, AuditAction.DELETE, kinds.SATISFACTION, answer_id, owner)


def pending_levels(ws: Workspace, journey_id: int) -> list[int]:
    """The levels of a journey whose end was reached and whose questionnaire is not in yet:
    level 1 once its decision is recorded, level 2 once the journey reached it and closed."""
    with ws.read() as s:
        journey = c.get(s, m.Journey, journey_id, "Parcours")
        answered = set(
            s.scalars(
                select(m.SatisfactionAnswer.level).where(
                    m.SatisfactionAnswer.journey_id == journey_id
                )
            )
        )
        ended = []
        if journey.level1_decision:
            ended.append(1)
        if journey.level_reached >= 2 and journey.closed_on is not None:
            ended.append(2)
        return [lv for lv in ended if lv not in answered]


@dataclass(frozen=True)
class LevelCounts:
    """How the people answered for one level: numbers only."""

    level: int
    answered: int = 0
    satisfaction: dict[int, int] = field(default_factory=dict)  # 4..1 → people; 0 = no answer
    usefulness: dict[int, int] = field(default_factory=dict)
    recommend: dict[str, int] = field(default_factory=dict)  # "oui" | "non" | "sans réponse"
    by_channel: dict[str, int] = field(default_factory=dict)

    @property
    def satisfied(self) -> int:
        """Very or rather satisfied (4 or 3)."""
        return self.satisfaction.get(4, 0) + self.satisfaction.get(3, 0)


def counts(ws: Workspace, date_from: date, date_to: date) -> list[LevelCounts]:
    """The answers of a period (``answered_on`` from ``date_from`` to ``date_to`` inclusive)
    counted per level: never a name, never a comment."""
    if date_to < date_from:
        raise ValidationError("La fin de la période précède son début.", "date_to")
    sa = m.SatisfactionAnswer
    with ws.read() as s:
        rows = s.execute(
            select(sa.level, sa.satisfaction, sa.usefulness, sa.recommend, sa.channel, func.count())
            .where(sa.answered_on >= date_from, sa.answered_on <= date_to)
            .group_by(sa.level, sa.satisfaction, sa.usefulness, sa.recommend, sa.channel)
        ).all()
    out = []
    for level in (1, 2):
        sat = dict.fromkeys((4, 3, 2, 1, 0), 0)
        use = dict.fromkeys((4, 3, 2, 1, 0), 0)
        rec = dict.fromkeys(("oui", "non", "sans réponse"), 0)
        chan: dict[str, int] = {}
        for lv, sv, uv, rv, ch, n in rows:
            if lv != level:
                continue
            sat[sv or 0] += n
            use[uv or 0] += n
            rec["sans réponse" if rv is None else "oui" if rv else "non"] += n
            label = domain.AnswerChannel.label_of(ch)
            chan[label] = chan.get(label, 0) + n
        out.append(
            LevelCounts(
                level=level,
                answered=sum(chan.values()),
                satisfaction=sat,
                usefulness=use,
                recommend=rec,
                by_channel=chan,
            )
        )
    return out


def paper_form_pdf(ws: Workspace, journey_id: int, level: int) -> tuple[str, bytes]:
    """(reference code, PDF bytes) of the printed questionnaire of a journey's level: the
    organisation's name and the code, never the person's name."""
    if level not in (1, 2):
        raise ValidationError("Le questionnaire porte sur le niveau 1 ou le niveau 2.", "level")
    from cep_desk.plan_pdf.satisfaction_form import render_paper_form

    with ws.read() as s:
        c.get(s, m.Journey, journey_id, "Parcours")
        counsellor = s.scalars(select(m.Counsellor)).first()
        organisation = counsellor.organisation if counsellor is not None else ""
    reference = paper_reference(journey_id, level)
    return reference, render_paper_form(reference, level, organisation)
