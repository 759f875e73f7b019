"""A demo caseload of fictional people, deterministic for a given seed.

Covers the eight publics, both levels, open and closed journeys, needs, projects, action steps
over several months and financing from several funders. Written with bulk inserts in batches so
that ``--count 50000`` (≈ 150 000 sessions) stays a matter of minutes.
"""

from __future__ import annotations

import random
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from cep_desk import domain
from cep_desk.storage import models as m
from cep_desk.storage import sync
from cep_desk.storage.workspace import Workspace
from cep_desk.usecases import workspaces
from cep_desk.usecases.beneficiaries import sort_key

DEMO_PASSPHRASE = "démo-CEP-Desk-2026 phrase de passe"  # for throw-away demo workspaces only

FIRST_F = [
    "Élodie",
    "Camille",
    "Léa",
    "Manon",
    "Chloé",
    "Inès",
    "Sarah",
    "Julie",
    "Nadia",
    "Aïcha",
    "Sophie",
    "Marie",
    "Laura",
    "Emma",
    "Clémence",
    "Fatou",
    "Hélène",
    "Océane",
    "Zoé",
    "Agnès",
    "Brigitte",
    "Nathalie",
    "Sandrine",
    "Yasmina",
    "Lucie",
    "Maëlle",
]
FIRST_M = [
    "Lucas",
    "Hugo",
    "Karim",
    "Thomas",
    "Nicolas",
    "Mehdi",
    "Julien",
    "Antoine",
    "Mamadou",
    "Pierre",
    "Romain",
    "Sébastien",
    "Yann",
    "Kévin",
    "Jérôme",
    "François",
    "Moussa",
    "Théo",
    "Bastien",
    "Olivier",
    "Rachid",
    "Stéphane",
    "Loïc",
    "Gaëtan",
    "Noé",
]
LAST = [
    "Martin",
    "Bernard",
    "Dubois",
    "Thomas",
    "Robert",
    "Richard",
    "Petit",
    "Durand",
    "Leroy",
    "Moreau",
    "Simon",
    "Laurent",
    "Lefèvre",
    "Michel",
    "Garcia",
    "David",
    "Bertrand",
    "Roux",
    "Vincent",
    "Fournier",
    "Morel",
    "Girard",
    "André",
    "Lefebvre",
    "Mercier",
    "Dupont",
    "Lambert",
    "Bonnet",
    "François",
    "Martinez",
    "Legrand",
    "Garnier",
    "Faure",
    "Rousseau",
    "Blanc",
    "Guérin",
    "Muller",
    "Henry",
    "Roussel",
    "Nicolas",
    "Perrin",
    "Morin",
    "Mathieu",
    "Clément",
    "Gauthier",
    "Dumont",
    "Lopez",
    "Fontaine",
    "Chevalier",
    "Robin",
    "Masson",
    "Sanchez",
    "Gérard",
    "Nguyen",
    "Boyer",
    "Denis",
    "Lemaire",
    "Duval",
    "Joly",
    "Gautier",
    "Roger",
    "Roche",
    "Roy",
    "Noël",
    "Meyer",
    "Lucas",
    "Meunier",
    "Jean",
    "Pérez",
    "Marchand",
    "Dufour",
    "Blanchard",
    "Benali",
    "Diallo",
    "Traoré",
    "Le",
    "Gall",
    "Kervella",
    "Ollivier",
    "Le",
    "Goff",
    "Hoarau",
    "Payet",
    "Etcheverry",
]
TOWNS = (
    ("Lyon", "69003", "Rhône", "Auvergne-Rhône-Alpes"),
    ("Villeurbanne", "69100", "Rhône", "Auvergne-Rhône-Alpes"),
    ("Grenoble", "38000", "Isère", "Auvergne-Rhône-Alpes"),
    ("Saint-Étienne", "42000", "Loire", "Auvergne-Rhône-Alpes"),
    ("Clermont-Ferrand", "63000", "Puy-de-Dôme", "Auvergne-Rhône-Alpes"),
    ("Bordeaux", "33000", "Gironde", "Nouvelle-Aquitaine"),
    ("Pau", "64000", "Pyrénées-Atlantiques", "Nouvelle-Aquitaine"),
    ("Limoges", "87000", "Haute-Vienne", "Nouvelle-Aquitaine"),
    ("Nantes", "44000", "Loire-Atlantique", "Pays de la Loire"),
    ("Angers", "49000", "Maine-et-Loire", "Pays de la Loire"),
    ("Rennes", "35000", "Ille-et-Vilaine", "Bretagne"),
    ("Brest", "29200", "Finistère", "Bretagne"),
    ("Lille", "59000", "Nord", "Hauts-de-France"),
    ("Amiens", "80000", "Somme", "Hauts-de-France"),
    ("Strasbourg", "67000", "Bas-Rhin", "Grand Est"),
    ("Metz", "57000", "Moselle", "Grand Est"),
    ("Dijon", "21000", "Côte-d'Or", "Bourgogne-Franche-Comté"),
    ("Besançon", "25000", "Doubs", "Bourgogne-Franche-Comté"),
    ("Toulouse", "31000", "Haute-Garonne", "Occitanie"),
    ("Montpellier", "34000", "Hérault", "Occitanie"),
    ("Marseille", "13001", "Bouches-du-Rhône", "Provence-Alpes-Côte d'Azur"),
    ("Nice", "06000", "Alpes-Maritimes", "Provence-Alpes-Côte d'Azur"),
    ("Orléans", "45000", "Loiret", "Centre-Val de Loire"),
    ("Tours", "37000", "Indre-et-Loire", "Centre-Val de Loire"),
    ("Rouen", "76000", "Seine-Maritime", "Normandie"),
    ("Caen", "14000", "Calvados", "Normandie"),
    ("Paris", "75011", "Paris", "Île-de-France"),
    ("Montreuil", "93100", "Seine-Saint-Denis", "Île-de-France"),
    ("Ajaccio", "20000", "Corse-du-Sud", "Corse"),
    ("Saint-Denis", "97400", "La Réunion", "La Réunion"),
)
CURRENT_JOBS = {
    "private_employee": (
        ("Employée de commerce", "Commerce"),
        ("Préparateur de commandes", "Logistique"),
        ("Assistante comptable", "Services aux entreprises"),
        ("Agent de production", "Industrie"),
        ("Serveur", "Hôtellerie-restauration"),
        ("Aide-soignante", "Santé"),
    ),
    "public_agent": (
        ("Adjoint administratif", "Fonction publique territoriale"),
        ("Agent d'entretien", "Fonction publique hospitalière"),
        ("Secrétaire de mairie", "Fonction publique territoriale"),
    ),
    "self_employed": (("Commerçant", "Commerce"), ("Consultant", "Conseil")),
    "job_seeker": (
        ("Vendeuse (dernier emploi)", "Commerce"),
        ("Cariste (dernier emploi)", "Logistique"),
        ("Agent d'accueil (dernier emploi)", "Services"),
    ),
    "craftsperson": (("Plombier", "Bâtiment"), ("Coiffeuse", "Artisanat")),
    "liberal_profession": (("Infirmière libérale", "Santé"), ("Architecte", "Architecture")),
    "micro_entrepreneur": (("Livreur à vélo", "Transport"), ("Graphiste", "Communication")),
    "young_unqualified": (("Sans emploi", ""), ("Employé saisonnier", "Agriculture")),
    "other": (("Retraité en activité", "Services"),),
}
TARGETS = (
    ("Boulanger / Boulangère", "D1102", "CAP Boulanger", "RNCP37498"),
    ("Aide-soignant / Aide-soignante", "J1501", "Diplôme d'État d'aide-soignant", "RNCP35830"),
    ("Formateur / Formatrice d'adultes", "K2111", "Titre professionnel Formateur", "RNCP37275"),
    ("Secrétaire assistant·e", "M1607", "Titre professionnel Secrétaire assistant", "RNCP36805"),
    ("Conducteur·rice routier", "N4101", "Titre professionnel Conducteur routier", "RNCP35298"),
    ("Cuisinier / Cuisinière", "G1602", "CAP Cuisine", "RNCP37862"),
    ("Développeur·se web", "M1805", "Titre professionnel Développeur web", "RNCP37674"),
    ("Jardinier·ère paysagiste", "A1203", "CAPa Jardinier paysagiste", "RNCP37512"),
    ("Maçon / Maçonne", "F1703", "Titre professionnel Maçon", "RNCP34834"),
    ("Comptable", "M1203", "Titre professionnel Gestionnaire comptable", "RNCP37102"),
    ("Accompagnant·e éducatif et social", "K1302", "DE Accompagnant éducatif", "RNCP36466"),
)
NEED_TEXTS = {
    "information": "Connaître les métiers qui recrutent près de chez elle ou lui.",
    "training": "Trouver une formation qualifiante compatible avec ses horaires.",
    "certification": "Faire reconnaître son expérience par une certification.",
    "financing": "Financer la formation et sa rémunération pendant la formation.",
    "business_creation": "Préparer le plan d'affaires et les démarches de création.",
    "mobility": "Se déplacer jusqu'au lieu de formation (pas de permis).",
    "health": "Adapter le projet à une restriction médicale.",
    "childcare": "Faire garder les enfants pendant la formation.",
    "digital": "Utiliser Mon Compte Formation et les démarches en ligne.",
    "language": "Renforcer le français écrit.",
    "housing": "Trouver un logement près du centre de formation.",
    "other": "Préparer l'entretien avec l'employeur.",
}
# Who each demo funder is for (so that the file's eligibility marks agree with the demo):
# France Travail's aids go to job seekers, PTP and the employer's plan to private employees.
FUNDER_PUBLICS: dict[str, tuple[str, ...]] = {
    "ptp": ("private_employee",),
    "plan_developpement": ("private_employee",),
    "aif": ("job_seeker",),
    "arce": ("job_seeker",),
    "region": ("job_seeker", "young_unqualified"),
}
FUNDERS = (
    ("cpf", "Compte personnel de formation", "Caisse des dépôts (CPF)", "teaching"),
    ("ptp", "Projet de transition professionnelle", "Transitions Pro", "pay"),
    ("aif", "Aide individuelle à la formation", "France Travail", "teaching"),
    ("region", "Aide régionale à la formation", "Région", "teaching"),
    ("agefiph", "Aide à la formation Agefiph", "Agefiph", "expenses"),
    ("plan_developpement", "Plan de développement des compétences", "Employeur (OPCO)", "teaching"),
    ("arce", "Aide à la reprise ou création d'entreprise", "France Travail", "capital"),
)
REASONS_BY_PUBLIC = {
    "private_employee": ("reconversion", "evolution", "resignation_reconversion", "training"),
    "public_agent": ("evolution", "reconversion", "take_stock"),
    "self_employed": ("reconversion", "training", "take_stock"),
    "job_seeker": ("return_to_work", "training", "reconversion", "creation"),
    "craftsperson": ("vae", "creation", "reconversion"),
    "liberal_profession": ("reconversion", "take_stock"),
    "micro_entrepreneur": ("creation", "training", "return_to_work"),
    "young_unqualified": ("training", "return_to_work", "take_stock"),
    "other": ("take_stock", "training"),
}
PUBLIC_WEIGHTS = (
    ("private_employee", 30),
    ("public_agent", 8),
    ("self_employed", 6),
    ("job_seeker", 25),
    ("craftsperson", 6),
    ("liberal_profession", 5),
    ("micro_entrepreneur", 7),
    ("young_unqualified", 10),
    ("other", 3),
)
LEVEL1_TEXTS = (
    "Souhaite quitter son poste actuel, usé physiquement, et se demande vers quoi aller.",
    "Veut savoir si une formation est possible sans perdre son salaire.",
    "Pense à créer son activité et ne sait pas par où commencer.",
    "Cherche à faire reconnaître 10 ans d'expérience.",
)


def _mailbox(text: str) -> str:
    """An address's local part as people write it: no accents, no spaces (« andre.clemence »)."""
    plain = unicodedata.normalize("NFKD", text)
    plain = "".join(ch for ch in plain if not unicodedata.combining(ch))
    return plain.lower().replace(" ", "").replace("'", "")


def _people(rng: random.Random, count: int, today: date) -> list[dict[str, Any]]:
    publics, weights = zip(*PUBLIC_WEIGHTS, strict=True)
    rows = []
    for i in range(count):
        # The first nine people cover every public, so even a tiny demo shows them all.
        public = publics[i] if i < len(publics) else rng.choices(publics, weights)[0]
        female = rng.random() < 0.58
        first = rng.choice(FIRST_F if female else FIRST_M)
        last = rng.choice(LAST)
        town, postcode, dept, region = rng.choice(TOWNS)
        job, sector = rng.choice(CURRENT_JOBS[public])
        age = rng.randint(17, 24) if public == "young_unqualified" else rng.randint(24, 61)
        birth = today - timedelta(days=age * 365 + rng.randint(0, 364))
        phone = "0" + str(rng.choice((6, 7))) + "".join(str(rng.randint(0, 9)) for _ in range(8))
        rows.append(
            {
                "last_name": last,
                "first_name": first,
                "birth_date": birth if rng.random() < 0.85 else None,
                "sex": "F" if female else "M",
                "phone": " ".join(phone[k : k + 2] for k in range(0, 10, 2)),
                "email": _mailbox(f"{first}.{last}{i}") + "@exemple.fr",
                "postcode": postcode,
                "town": town,
                "department": dept,
                "region": region,
                "status": public,
                "status_detail": "CDI" if public == "private_employee" else "",
                # eligibility data: the contract only (no extra draw, the demo stays the same)
                "contract_type": "cdi" if public == "private_employee" else None,
                "sector": sector,
                "job_title": job,
                "education_level": rng.choice(("infra3", "3", "3", "4", "4", "5", "6", "7")),
                "rqth": True if rng.random() < 0.06 else None,
                "rqth_basis": "",
                "notes": "",
            }
        )
    return rows


def fill(
    ws: Workspace,
    count: int = 60,
    *,
    seed: int = 2026,
    today: date | None = None,
    progress: Callable[[int, int], None] | None = None,
    batch: int = 1000,
) -> int:
    """Add ``count`` fictional people with their journeys; returns the number added."""
    rng = random.Random(seed)
    today = today or date.today()
    now = datetime.now(UTC)
    diary = _Diary()
    done = 0
    while done < count:
        n = min(batch, count - done)
        _fill_batch(ws, rng, n, today, now, diary)
        done += n
        if progress:
            progress(done, count)
    return done


def _next_ids(s: Session, *models: type[Any]) -> dict[type, int]:
    return {model: (s.scalar(select(func.max(model.id))) or 0) + 1 for model in models}


# The tables the demo fills, parents before children (the order of the inserts).
_TABLES = (
    m.Beneficiary,
    m.Journey,
    m.Interview,
    m.Need,
    m.Project,
    m.FeasibilityCheck,
    m.Skill,
    m.ActionStep,
    m.FinancingLine,
    m.Contact,
    m.SatisfactionAnswer,
    m.Followup,
    m.Appointment,
)


def _fill_batch(
    ws: Workspace,
    rng: random.Random,
    n: int,
    today: date,
    now: datetime,
    diary: _Diary | None = None,
) -> None:
    diary = diary if diary is not None else _Diary()
    stamp = {"created_at": now, "updated_at": now}
    with ws.session() as s:
        ids = _next_ids(s, *_TABLES)
        rows: dict[type, list[dict[str, Any]]] = {k: [] for k in ids}
        inserted: list[tuple[str, str]] = []  # (table, uid): their outbox entries, in bulk

        def add(model: type, values: dict[str, Any]) -> int:
            ident = ids[model]
            ids[model] += 1
            uid = m.new_uid()
            rows[model].append({"id": ident, "uid": uid, **stamp, **values})
            inserted.append((model.__tablename__, uid))  # type: ignore[attr-defined]
            return ident

        for person in _people(rng, n, today):
            _person(rng, person, today, add, diary)
        for model in _TABLES:  # parents before children
            if rows[model]:
                s.execute(insert(model), rows[model])
        if ws.engine_name == "postgresql":  # explicit ids: the sequences move past them
            from cep_desk.storage import postgres

            postgres.reset_sequences(s.connection(), tuple(t.__tablename__ for t in _TABLES))
        sync.record_inserted(s.connection(), inserted)


def _person(
    rng: random.Random,
    person: dict[str, Any],
    today: date,
    add: Callable[[type, dict[str, Any]], int],
    diary: _Diary,
) -> None:
    public = person["status"]
    request = today - timedelta(days=rng.randint(5, 540))
    first_appt = request + timedelta(days=rng.randint(2, 21))
    level2 = rng.random() < 0.6
    closed = rng.random() < 0.3 and first_appt < today - timedelta(days=60)
    decision = "continue" if level2 else rng.choice(("stop", "redirect", None))
    sessions_dates = [min(first_appt, today)]
    if level2:
        d = sessions_dates[0]
        for _ in range(rng.choice((2, 3, 4, 5))):
            d = d + timedelta(days=rng.randint(7, 25))
            if d > today:
                break
            sessions_dates.append(d)
    last_contact = max(sessions_dates)
    person_row = dict(person)
    person_row.update(
        sort_key=sort_key(person["last_name"], person["first_name"]),
        current_level=2 if len(sessions_dates) > 1 else 1,
        has_open_journey=not closed,
        last_contact_on=last_contact,
        notice_given_on=sessions_dates[0] if rng.random() < 0.9 else None,
    )
    pid = add(m.Beneficiary, person_row)
    reasons = rng.sample(REASONS_BY_PUBLIC[public], k=rng.choice((1, 1, 2)))
    jid = add(
        m.Journey,
        {
            "beneficiary_id": pid,
            "request_date": request,
            "first_appointment_on": sessions_dates[0],
            "reasons": reasons,
            "level_reached": person_row["current_level"],
            "level1_decision": decision,
            "redirect_to": "Cap emploi" if decision == "redirect" else "",
            "closed_on": last_contact + timedelta(days=14) if closed else None,
            "outcome": rng.choice(("project_formalised", "training_started", "job_found"))
            if closed
            else None,
            "outcome_note": "",
        },
    )
    followup = _answers_and_followup(
        pid, jid, decision, closed, last_contact + timedelta(days=14), sessions_dates, today, add
    )
    held_sessions: list[_Held] = []
    for k, held in enumerate(sessions_dates):
        level = 1 if k == 0 else 2
        start_time = rng.choice(("09:00", "10:30", "14:00", "16:00"))
        duration = rng.choice((45, 60, 90))
        modality = rng.choice(("face_to_face", "face_to_face", "phone", "video"))
        recent = today - timedelta(days=AGENDA_PAST_DAYS) <= held <= today
        if recent:  # it will show in the agenda: a free slot of the counsellor's day
            start_time = diary.take(held, duration, start_time) or start_time
        sid = add(
            m.Interview,
            {
                "journey_id": jid,
                "level": level,
                "held_on": held,
                "start_time": start_time,
                "duration_min": duration,
                "modality": modality,
                "on_working_time": False,
                "agreement": "",
                "request_expressed": rng.choice(LEVEL1_TEXTS) if level == 1 else "",
                "first_analysis": "Situation stable, demande à préciser." if level == 1 else "",
                "environment_info": "Métiers qui recrutent dans le bassin d'emploi."
                if level == 1
                else "",
                "possible_steps": "Formation qualifiante, VAE, bilan de compétences."
                if level == 1
                else "",
                "actors": "Transitions Pro, France Travail, Région" if level == 1 else "",
                "clarified_request": "Projet de reconversion confirmé." if level == 2 else "",
                "info_given": "Financements possibles et calendrier." if level == 2 else "",
                "remarks": "",
                "next_appointment_on": None,
            },
        )
        if recent:
            held_sessions.append(_Held(sid, held, level, start_time, duration, modality))
    _appointments(pid, jid, held_sessions, closed, 2 if level2 else 1, followup, today, add, diary)
    if not level2:
        return
    themes = rng.sample(list(NEED_TEXTS), k=rng.randint(2, 5))
    for rank, theme in enumerate(themes, start=1):
        add(
            m.Need,
            {
                "journey_id": jid,
                "theme": theme,
                "description": NEED_TEXTS[theme],
                "rank": rank,
                "status": rng.choice(("open", "open", "in_progress", "met")),
            },
        )
    job, rome, cert, cert_code = rng.choice(TARGETS)
    kind = {"creation": "creation", "vae": "vae", "return_to_work": "return_to_work"}.get(
        reasons[0], "reconversion"
    )
    start = request + timedelta(days=rng.randint(90, 240))
    proj = add(
        m.Project,
        {
            "journey_id": jid,
            "kind": kind,
            "target_job_label": job,
            "rome_code": rome,
            "rome_version": "4.0",
            "certification_label": cert,
            "certification_code": cert_code,
            "description": f"Devenir {job.lower()} grâce à une formation certifiante.",
            "declared_cost_cents": None,
            "training_start_on": start,
        },
    )
    for aspect in domain.FeasibilityAspect:
        add(
            m.FeasibilityCheck,
            {
                "project_id": proj,
                "aspect": aspect.value,
                "status": rng.choice(("favourable", "favourable", "to_check", "reserved")),
                "note": "",
            },
        )
    for label in ("Techniques du métier", "Règles d'hygiène et de sécurité")[: rng.randint(1, 2)]:
        add(
            m.Skill,
            {"project_id": proj, "label": label, "state": "to_acquire", "means": "training"},
        )
    steps = (
        ("Enquête métier auprès de deux professionnels", -80, -50, "beneficiary"),
        ("Choisir l'organisme de formation et obtenir un devis", -70, -40, "beneficiary"),
        ("Déposer la demande de financement", -60, -30, "counsellor"),
        ("Début de la formation", 0, 0, "partner"),
        ("Fin de la formation et certification", 200, 240, "partner"),
    )
    for pos, (title, a, b, owner) in enumerate(steps, start=1):
        s_on, d_on = start + timedelta(days=a), start + timedelta(days=b)
        add(
            m.ActionStep,
            {
                "project_id": proj,
                "title": title,
                "detail": "",
                "owner": owner,
                "partner_name": "Organisme de formation" if owner == "partner" else "",
                "start_on": s_on,
                "due_on": d_on,
                "status": "done" if d_on < today else "planned",
                "is_milestone": a == b,
                "position": pos,
                "scheme_code": "",
            },
        )
    suited = [f for f in FUNDERS if public in FUNDER_PUBLICS.get(f[0], (public,))]
    for code, label, funder, covers in rng.sample(suited, k=rng.randint(1, min(3, len(suited)))):
        requested = rng.randrange(80_000, 900_000, 5_000)
        status = rng.choice(("considered", "requested", "granted", "granted", "refused"))
        add(
            m.FinancingLine,
            {
                "project_id": proj,
                "scheme_code": code,
                "scheme_label": label,
                "funder": funder,
                "covers": covers,
                "amount_requested_cents": requested,
                "amount_granted_cents": requested if status == "granted" else None,
                "status": status,
                "decision_on": today - timedelta(days=rng.randint(1, 30))
                if status in ("granted", "refused")
                else None,
            },
        )
    if rng.random() < 0.5:
        add(
            m.Contact,
            {
                "journey_id": jid,
                "contact_on": sessions_dates[-1],
                "organisation": rng.choice(("Transitions Pro", "GRETA", "AFPA", "France Travail")),
                "person": "Service conseil",
                "subject": "Conditions d'accès et calendrier des sessions",
                "outcome": "Dossier à compléter",
                "consent_to_share": rng.random() < 0.7,
            },
        )


def create_demo_workspace(
    directory: Path,
    count: int = 60,
    *,
    passphrase: str = DEMO_PASSPHRASE,
    kdf: dict[str, Any] | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> tuple[Workspace, str]:
    """A new workspace filled with ``count`` fictional people; returns it open and the
    recovery key."""
    ws, recovery = workspaces.create(
        directory,
        passphrase,
        {
            "name": "Camille Rivière",
            "organisation": "Mon CEP — démonstration",
            "operator_kind": "regional",
            "region": "Auvergne-Rhône-Alpes",
            "email": "camille.riviere@exemple.fr",
            "phone": "04 72 00 00 00",
            "address": "12 rue de la République, 69002 Lyon",
        },
        kdf=kdf,
    )
    try:
        fill(ws, count, progress=progress)
        # the demo (and only the demo) gets the shipped extract of ROME and RNCP/RS
        from cep_desk.referentials import seed_sample_referentials

        seed_sample_referentials(ws.path)
    except Exception:
        ws.close()
        raise
    return ws, recovery


# Free comments of the demo's questionnaires (fictional).
DEMO_COMMENTS = (
    "Très à l'écoute, j'y vois plus clair.",
    "Les informations sur les financements m'ont beaucoup aidé.",
    "J'aurais aimé un rendez-vous plus tôt.",
    "Merci pour le plan d'action, clair et complet.",
    "",
    "",
    "",
)


def _answers_and_followup(
    pid: int,
    jid: int,
    decision: str | None,
    closed: bool,
    closed_on: date,
    sessions: list[date],
    today: date,
    add: Callable[[type, dict[str, Any]], int],
) -> dict[str, Any] | None:
    """Satisfaction answers for most ended levels and the six-month follow-up of closed
    journeys (some done, some due this week, a few unreachable), returned. A generator of its
    own per person, so that the rest of the demo stays what it was."""
    from cep_desk.usecases.followups import add_months

    rng = random.Random(pid * 7919 + 12)
    scale = (4, 4, 4, 4, 4, 3, 3, 3, 3, 2, 1)

    def answer(level: int, on: date) -> None:
        add(
            m.SatisfactionAnswer,
            {
                "beneficiary_id": pid,
                "journey_id": jid,
                "level": level,
                "answered_on": min(on, today),
                "channel": "screen" if rng.random() < 0.7 else "paper",
                "satisfaction": rng.choice(scale) if rng.random() < 0.95 else None,
                "usefulness": rng.choice(scale) if rng.random() < 0.95 else None,
                "recommend": rng.random() < 0.88 if rng.random() < 0.95 else None,
                "comment": rng.choice(DEMO_COMMENTS),
            },
        )

    if decision and rng.random() < 0.8:
        answer(1, sessions[0])
    if closed and len(sessions) > 1 and rng.random() < 0.75:
        answer(2, closed_on)
    if not closed:
        return None
    due = add_months(closed_on, 6)
    row: dict[str, Any] = {
        "beneficiary_id": pid,
        "journey_id": jid,
        "due_on": due,
        "done_on": None,
        "attempts": 0,
        "status": "pending",
        "situation": None,
        "project_status": None,
        "more_satisfying": None,
        "service_useful": None,
        "note": "",
    }
    if due < today - timedelta(days=20) and pid % 7 == 3:
        row.update(status="unreachable", attempts=3, done_on=due + timedelta(days=12),
                   note="Messagerie, trois appels sans réponse.")  # fmt: skip
    elif due < today - timedelta(days=20) and rng.random() < 0.8:
        row.update(
            status="done",
            done_on=due + timedelta(days=rng.randint(0, 15)),
            attempts=rng.choice((0, 0, 1)),
            situation=rng.choice(
                ("employed_same", "employed_new", "employed_new", "training", "job_seeker")
            ),
            project_status=rng.choice(("carried_out", "carried_out", "in_progress", "changed")),
            more_satisfying=rng.random() < 0.75,
            service_useful=rng.random() < 0.85,
        )
    elif pid % 3 == 0:
        # the demo brings a few follow-ups into this week so that the due list shows them
        row.update(due_on=today + timedelta(days=pid % 6), attempts=pid % 2)
    add(m.Followup, row)
    return row


# ---------------------------------------------------------------------------------------------
# The agenda (issue #12): a month of appointments around today
# ---------------------------------------------------------------------------------------------

AGENDA_PAST_DAYS = 30  # held, missed and cancelled appointments of the last month
AGENDA_AHEAD_DAYS = 21  # planned ones ahead
_CELL_MIN = 30  # the diary's cells: half hours from 07:00
_CELLS = 28
_STARTS = tuple(range(3, 20))  # 08:30 … 16:30 (cell numbers)
DEMO_PLACES = {
    "face_to_face": "Bureau 2 — 12 rue de la République, 69002 Lyon",
    "phone": "La conseillère appelle la personne",
    "video": "https://visio.exemple.fr/mon-cep/camille-riviere",
}


@dataclass(frozen=True)
class _Held:
    """A demo session of the last month, as its appointment needs it."""

    id: int
    day: date
    level: int
    start: str
    duration: int
    modality: str


class _Diary:
    """The counsellor's days as the demo fills them: half-hour cells taken, so that the
    appointments of a small demo never overlap (a workspace of tens of thousands of people
    has more appointments than a day holds: those overlap, as a team's would)."""

    def __init__(self) -> None:
        self.days: dict[date, bytearray] = {}

    def take(
        self, day: date, duration: int, prefer: str, rng: random.Random | None = None
    ) -> str | None:
        cells = self.days.setdefault(day, bytearray(_CELLS))
        need = -(-duration // _CELL_MIN)
        h, mi = (int(x) for x in prefer.split(":"))
        first = max(0, (h * 60 + mi - 7 * 60) // _CELL_MIN)
        order = [first, *(c for c in _STARTS if c != first)]
        if rng is not None:
            rest = order[1:]
            rng.shuffle(rest)
            order = [first, *rest]
        for cell in order:
            if cell + need <= _CELLS and not any(cells[cell : cell + need]):
                cells[cell : cell + need] = b"\x01" * need
                minutes = 7 * 60 + cell * _CELL_MIN
                return f"{minutes // 60:02d}:{minutes % 60:02d}"
        return None


def _weekday(day: date) -> date:
    """The day, or the Monday after it when it falls on a weekend."""
    return day + timedelta(days=(7 - day.weekday()) % 7) if day.weekday() >= 5 else day


def _appointments(
    pid: int,
    jid: int,
    held: list[_Held],
    closed: bool,
    level: int,
    followup: dict[str, Any] | None,
    today: date,
    add: Callable[[type, dict[str, Any]], int],
    diary: _Diary,
) -> None:
    """The person's appointments of the month around today: one held for each session of
    the last month (linked to it), now and then a missed or cancelled one, a planned one
    ahead for most open journeys, a few past ones not yet reported, and the phone call of a
    six-month follow-up due soon. A generator of its own per person."""
    rng = random.Random(pid * 104_729 + 7)

    def appointment(day: date, start: str, duration: int, modality: str, lvl: int,
                    status: str, **extra: Any) -> None:  # fmt: skip
        add(
            m.Appointment,
            {
                "beneficiary_id": pid,
                "journey_id": jid,
                "day": day,
                "start": time.fromisoformat(start),
                "duration_min": duration,
                "modality": modality,
                "place": DEMO_PLACES[modality],
                "level": lvl,
                "status": status,
                "interview_id": None,
                "purpose": extra.pop("purpose", f"Entretien de niveau {lvl}"),
                "is_followup": False,
                **extra,
            },
        )

    for h in held:
        appointment(h.day, h.start, h.duration, h.modality, h.level, "held", interview_id=h.id)
    if not closed and rng.random() < 0.12:  # a missed or cancelled one in the last month
        day = _weekday(today - timedelta(days=rng.randint(3, AGENDA_PAST_DAYS)))
        if day < today:
            status = rng.choice(("missed", "cancelled"))
            duration = rng.choice((45, 60))
            start = diary.take(day, duration, "10:00", rng) if status == "missed" else "11:00"
            appointment(day, start or "10:00", duration, rng.choice(("face_to_face", "phone")),
                        level, status)  # fmt: skip
    # the next one, booked at the last session (or a while ago, for a journey that goes on)
    if not closed and rng.random() < (0.8 if held else 0.2):
        day = _weekday(today + timedelta(days=rng.randint(0, AGENDA_AHEAD_DAYS)))
        duration = rng.choice((45, 60, 60, 90))
        start = diary.take(day, duration, rng.choice(("09:00", "10:30", "14:00", "15:30")), rng)
        if start is not None or pid % 5 == 0:
            appointment(day, start or "14:00", duration,
                        rng.choice(("face_to_face", "face_to_face", "video", "phone")),
                        level, "planned")  # fmt: skip
    if not closed and pid % 41 == 5:  # held or missed last week, not yet reported
        day = _weekday(today - timedelta(days=rng.randint(2, 6)))
        if day < today:
            start = diary.take(day, 60, "16:00", rng)
            if start is not None:
                appointment(day, start, 60, "face_to_face", level, "planned")
    if followup is not None and followup["status"] == "pending":
        day = _weekday(followup["due_on"])
        if today <= day <= today + timedelta(days=AGENDA_AHEAD_DAYS):
            start = diary.take(day, 30, "17:00", rng)
            if start is not None:
                appointment(day, start, 30, "phone", 2, "planned", is_followup=True,
                            purpose="Suivi à six mois")  # fmt: skip
