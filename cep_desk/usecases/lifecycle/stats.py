"""Anonymised activity statistics for the operator's reporting.

The population is every journey whose request date falls in the period, over the live
journeys AND the anonymised journeys that survive erasure and purge, so the figures do not
change when files are purged. No names, no ids: only counts by category. Every cell under
:data:`THRESHOLD` is suppressed (shown "< 5"); when a table would let a suppressed cell be
recovered by subtraction from its total, the next smallest cell is suppressed too. The RQTH
(health data) is counted on live files only — it is not kept after erasure — and its table is
shown only when every cell reaches the threshold.
"""

from __future__ import annotations

import csv
import io
import statistics
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from cep_desk import domain
from cep_desk.formatting import format_date
from cep_desk.report_document import SUPPRESSED as SUPPRESSED  # one rule for both
from cep_desk.report_document import THRESHOLD as THRESHOLD
from cep_desk.storage import models as m
from cep_desk.storage.workspace import Workspace

NOT_GIVEN = "Non renseigné"
AGE_BANDS = (
    "moins de 26 ans",
    "26-34 ans",
    "35-44 ans",
    "45-54 ans",
    "55 ans et plus",
    "non renseigné",
)
WAIT_BUCKETS = (
    (0, 7, "7 jours ou moins"),
    (8, 15, "8 à 15 jours"),
    (16, 30, "16 à 30 jours"),
    (31, 60, "31 à 60 jours"),
    (61, None, "plus de 60 jours"),
)


@dataclass(frozen=True)
class StatTable:
    key: str
    title: str
    rows: list[tuple[str, int | None]]  # (category label, count or None when suppressed)
    total: int | None
    note: str = ""


@dataclass(frozen=True)
class WaitingTime:
    measured: int | None  # journeys with a first appointment (None when < threshold)
    median_days: float | None
    mean_days: float | None


@dataclass(frozen=True)
class Stats:
    start: date
    end: date
    entries: int | None
    tables: list[StatTable] = field(default_factory=list)
    waiting: WaitingTime = WaitingTime(None, None, None)

    def table(self, key: str) -> StatTable:
        return next(t for t in self.tables if t.key == key)


@dataclass(frozen=True)
class _Row:
    request_date: date
    first_appointment_on: date | None
    public: str
    age_band: str
    sex: str | None
    education_level: str | None
    reasons: list[str]
    level_reached: int
    outcome: str | None
    closed_on: date | None
    rqth: bool | None  # None for anonymised journeys (not kept)
    live: bool
    cep_presented: bool | None = None  # None: anonymised before the field existed
    services: str | None = None  # internal | external | none; None: not known


# The prescribed services of a journey (impartiality of the operator, 2019 §3.1): a step is a
# service when it is marked internal or names a partner who delivers it.
SERVICE_CATEGORIES = (
    ("internal", "Au moins une prestation interne (organisme de l'opérateur)"),
    ("external", "Prestations externes uniquement"),
    ("none", "Aucune prestation prescrite"),
    ("unknown", NOT_GIVEN),
)


def service_kind(current: str, internal: bool | None, partner: str | None) -> str:
    """A journey's kind of services once one more of its plan steps is seen: ``internal``
    wins, then ``external`` (a step naming a partner), else ``current``."""
    if internal:
        return "internal"
    if (partner or "").strip() and current != "internal":
        return "external"
    return current


def services_of_journeys(s: Session, journey_ids: Sequence[int]) -> dict[int, str]:
    """``internal`` / ``external`` / ``none`` for each journey id (``none`` when absent)."""
    result = {ident: "none" for ident in journey_ids}
    if not journey_ids:
        return result
    stmt = (
        select(m.Project.journey_id, m.ActionStep.internal_service, m.ActionStep.partner_name)
        .join(m.ActionStep, m.ActionStep.project_id == m.Project.id)
        .where(m.Project.journey_id.in_(list(journey_ids)))
    )
    for journey_id, internal, partner in s.execute(stmt):
        result[journey_id] = service_kind(result[journey_id], internal, partner)
    return result


def _live_rows(ws: Workspace, start: date, end: date) -> list[_Row]:
    stmt = (
        select(
            m.Journey.request_date,
            m.Journey.first_appointment_on,
            m.Beneficiary.status,
            m.Beneficiary.birth_date,
            m.Beneficiary.sex,
            m.Beneficiary.education_level,
            m.Journey.reasons,
            m.Journey.level_reached,
            m.Journey.outcome,
            m.Journey.closed_on,
            m.Beneficiary.rqth,
            m.Journey.cep_presented_on,
            m.Journey.id,
        )
        .join(m.Beneficiary, m.Beneficiary.id == m.Journey.beneficiary_id)
        .where(m.Journey.request_date >= start, m.Journey.request_date <= end)
    )
    with ws.read() as s:
        found = list(s.execute(stmt))
        services = services_of_journeys(s, [r[12] for r in found])
        return [
            _Row(
                request_date=r[0],
                first_appointment_on=r[1],
                public=r[2],
                age_band=domain.age_band(r[3], r[0]),
                sex=r[4],
                education_level=r[5],
                reasons=list(r[6] or []),
                level_reached=r[7] or 0,
                outcome=r[8],
                closed_on=r[9],
                rqth=r[10],
                live=True,
                cep_presented=r[11] is not None,
                services=services[r[12]],
            )
            for r in found
        ]


def _anonymised_rows(ws: Workspace, start: date, end: date) -> list[_Row]:
    a = m.AnonymisedJourney
    stmt = select(a).where(a.request_date >= start, a.request_date <= end)
    with ws.read() as s:
        return [
            _Row(
                request_date=x.request_date,
                first_appointment_on=x.first_appointment_on,
                public=x.public,
                age_band=x.age_band,
                sex=x.sex,
                education_level=x.education_level,
                reasons=list(x.reasons or []),
                level_reached=x.level_reached or 0,
                outcome=x.outcome,
                closed_on=x.closed_on,
                rqth=None,
                live=False,
                cep_presented=x.cep_presented,
                services=x.services,
            )
            for x in s.scalars(stmt)
        ]


def suppress(count: int) -> int | None:
    return count if count >= THRESHOLD else None


def protect(
    values: Sequence[int],
    relations: Sequence[tuple[int, Sequence[int]]] = (),
    *,
    group_floor: bool = True,
) -> set[int]:
    """The indices of ``values`` to hide: every cell under :data:`THRESHOLD` (primary
    suppression), then, until nothing changes, more cells so that no hidden cell can be
    recomputed from a published total (secondary suppression).

    Each relation ``(total, parts)`` says that ``values[total]`` is the sum of the
    ``values[parts]`` (a table's total, a région over its départements). While the total is
    shown, its hidden parts must be two or more and (with ``group_floor``) hold together
    either nobody or at least :data:`THRESHOLD` people, otherwise the smallest shown part is
    hidden too: « 3 people among the hidden cells » would tell the one cell when the others are
    known to be empty. When the total is hidden, one of its parts at least must be hidden (else
    the total is their sum); a total over one single part that is hidden is hidden too."""
    hidden = {i for i, n in enumerate(values) if n < THRESHOLD}
    changed = True
    while changed:
        changed = False
        for total, parts in relations:
            shown = sorted((values[i], i) for i in parts if i not in hidden)
            hidden_parts = [i for i in parts if i in hidden]
            if not shown:
                # a total of one single hidden part (a région of one département) is that part
                if len(hidden_parts) == 1 and total not in hidden:
                    hidden.add(total)
                    changed = True
                continue
            if total in hidden:
                leak = not hidden_parts
            else:
                together = sum(values[i] for i in hidden_parts)
                leak = bool(hidden_parts) and (
                    len(hidden_parts) == 1 or (group_floor and 0 < together < THRESHOLD)
                )
            if leak:
                hidden.add(shown[0][1])
                changed = True
    return hidden


def _table(
    key: str,
    title: str,
    categories: Sequence[tuple[str, str]],
    counter: Counter[str],
    total: int,
    *,
    note: str = "",
    additive: bool = True,
) -> StatTable:
    """Suppress small cells; for additive tables (cells sum to the total) also suppress more
    cells (:func:`protect`) so that none can be recovered by subtraction from the total."""
    raw = [(label, counter.get(code, 0)) for code, label in categories]
    values = [n for _l, n in raw] + [total]
    relations = [(len(raw), range(len(raw)))] if additive and len(raw) > 1 else []
    hidden = protect(values, relations, group_floor=False)  # the rule stats always had
    rows = [(label, None if i in hidden else n) for i, (label, n) in enumerate(raw)]
    return StatTable(key, title, rows, None if len(raw) in hidden else total, note)


def _median(values: list[int]) -> float:
    return float(statistics.median(values))


def compute_stats(ws: Workspace, start: date, end: date) -> Stats:
    """Figures for journeys whose request date is between ``start`` and ``end`` (inclusive)."""
    if end < start:
        raise domain.ValidationError("La fin de la période précède son début.", "end")
    rows = _live_rows(ws, start, end) + _anonymised_rows(ws, start, end)
    total = len(rows)

    def count(values: Iterable[str | None], fallback: str = "none") -> Counter[str]:
        return Counter(v if v not in (None, "") else fallback for v in values)

    def with_unknown(enum: type[domain.LabelledEnum]) -> list[tuple[str, str]]:
        return [*enum.choices(), ("none", NOT_GIVEN)]

    tables = [
        _table(
            "level",
            "Parcours par niveau atteint",
            [("0", "Aucun entretien"), ("1", "Niveau 1"), ("2", "Niveau 2")],
            Counter(str(r.level_reached) for r in rows),
            total,
        ),
        _table(
            "public",
            "Parcours par public",
            domain.Public.choices(),
            count(r.public for r in rows),
            total,
        ),
        _table(
            "age_band",
            "Parcours par tranche d'âge (à la demande)",
            [(b, b[:1].upper() + b[1:]) for b in AGE_BANDS],
            Counter(r.age_band for r in rows),
            total,
        ),
        _table(
            "sex", "Parcours par sexe", with_unknown(domain.Sex), count(r.sex for r in rows), total
        ),
        _table(
            "education_level",
            "Parcours par niveau de formation",
            with_unknown(domain.EducationLevel),
            count(r.education_level for r in rows),
            total,
        ),
        _table(
            "reason",
            "Motifs de la demande",
            with_unknown(domain.RequestReason),
            Counter(x for r in rows for x in (r.reasons or ["none"])),
            total,
            note="Un parcours peut avoir plusieurs motifs : la somme dépasse le total.",
            additive=False,
        ),
        _table(
            "outcome",
            "Résultat des parcours",
            [*domain.Outcome.choices(), ("open", "Parcours en cours"), ("none", NOT_GIVEN)],
            Counter("open" if r.closed_on is None else (r.outcome or "none") for r in rows),
            total,
        ),
        _table(
            "cep_presented",
            "Objectifs et modalités du CEP présentés à la personne (niveau 1)",
            # « Non renseigné » only for journeys anonymised before the field existed
            [("yes", "Présentation enregistrée"), ("no", "Non enregistrée")]
            + ([("none", NOT_GIVEN)] if any(r.cep_presented is None for r in rows) else []),
            Counter(
                "none" if r.cep_presented is None else ("yes" if r.cep_presented else "no")
                for r in rows
            ),
            total,
            note=(
                "Cahier des charges du 29 mars 2019, §2.1 : le premier niveau permet à la "
                "personne de comprendre les objectifs et les modalités du CEP."
            ),
        ),
        _table(
            "services",
            "Prestations prescrites (impartialité de l'opérateur)",
            [c for c in SERVICE_CATEGORIES if c[0] != "unknown"]
            + ([SERVICE_CATEGORIES[-1]] if any(r.services is None for r in rows) else []),
            Counter(r.services or "unknown" for r in rows),
            total,
            note=(
                "Une prestation interne est délivrée par l'organisme de l'opérateur du CEP ; "
                "une étape du plan compte comme prestation quand elle nomme un partenaire ou "
                "qu'elle est marquée interne."
            ),
        ),
    ]
    waits = [
        (r.first_appointment_on - r.request_date).days
        for r in rows
        if r.first_appointment_on is not None and r.first_appointment_on >= r.request_date
    ]
    buckets: Counter[str] = Counter()
    for days in waits:
        for lo, hi, label in WAIT_BUCKETS:
            if days >= lo and (hi is None or days <= hi):
                buckets[label] += 1
                break
    tables.append(
        _table(
            "waiting",
            "Délai entre la demande et le premier rendez-vous",
            [(label, label) for _lo, _hi, label in WAIT_BUCKETS],
            buckets,
            len(waits),
        )
    )
    tables.append(_rqth_table(rows))
    enough = len(waits) >= THRESHOLD
    waiting = WaitingTime(
        measured=suppress(len(waits)),
        median_days=round(_median(waits), 1) if enough else None,
        mean_days=round(sum(waits) / len(waits), 1) if enough else None,
    )
    return Stats(start, end, suppress(total), tables, waiting)


def _rqth_table(rows: list[_Row]) -> StatTable:
    live = [r for r in rows if r.live]
    counter = Counter(
        "yes" if r.rqth is True else ("no" if r.rqth is False else "none") for r in live
    )
    categories = [("yes", "Avec RQTH"), ("no", "Sans RQTH"), ("none", NOT_GIVEN)]
    note = (
        "Donnée de santé : comptée sur les dossiers actifs seulement (elle n'est pas conservée "
        "après effacement), et masquée entièrement dès qu'une case est inférieure à 5."
    )
    if any(counter.get(code, 0) < THRESHOLD for code, _l in categories):
        return StatTable("rqth", "Reconnaissance de travailleur handicapé (RQTH)",
                         [(label, None) for _c, label in categories], suppress(len(live)), note)  # fmt: skip
    return StatTable(
        "rqth",
        "Reconnaissance de travailleur handicapé (RQTH)",
        [(label, counter[code]) for code, label in categories],
        suppress(len(live)),
        note,
    )


# ---------------------------------------------------------------------------------------------
# Display and CSV
# ---------------------------------------------------------------------------------------------


def cell(value: int | None) -> str:
    return SUPPRESSED if value is None else f"{value}"


def _decimal(value: float | None) -> str:
    return SUPPRESSED if value is None else f"{value:.1f}".replace(".", ",")


def stats_csv(stats: Stats) -> str:
    """Semicolon-separated, French headers, UTF-8 with a BOM (so Excel reads the accents).
    Encode the result with ``"utf-8"``: the BOM is its first character."""
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=";", lineterminator="\r\n")
    w.writerow(["Statistiques d'activité CEP (anonymisées)"])
    w.writerow(["Période", f"du {format_date(stats.start)} au {format_date(stats.end)}"])
    w.writerow(["Règle", f"cases inférieures à {THRESHOLD} masquées ({SUPPRESSED})"])
    w.writerow([])
    w.writerow(["Tableau", "Catégorie", "Nombre"])
    w.writerow(["Entrées en parcours", "Total", cell(stats.entries)])
    for table in stats.tables:
        for label, value in table.rows:
            w.writerow([table.title, label, cell(value)])
        w.writerow([table.title, "Total", cell(table.total)])
    w.writerow(["Délai du premier rendez-vous", "Parcours mesurés", cell(stats.waiting.measured)])
    w.writerow(
        ["Délai du premier rendez-vous", "Médiane (jours)", _decimal(stats.waiting.median_days)]
    )
    w.writerow(
        ["Délai du premier rendez-vous", "Moyenne (jours)", _decimal(stats.waiting.mean_days)]
    )
    notes = [t for t in stats.tables if t.note]
    if notes:
        w.writerow([])
        for t in notes:
            w.writerow(["Note", t.title, t.note])
    return "\ufeff" + buf.getvalue()
