"""The record kinds of a workspace, each described once (see :mod:`cep_desk.kinds.base`).

Field order is the order of the ORM columns (and so of the exchange format's keys). ``id``,
``created_at`` and ``updated_at`` are common to every kind and not repeated here. To add a
field: add its column to :mod:`cep_desk.storage.models` (with a migration), its
:class:`~cep_desk.kinds.base.Field` here, and its attribute to the record dataclass of
:mod:`cep_desk.usecases.records`; the README's « How to add a field » says the rest.
"""

from __future__ import annotations

from cep_desk import domain
from cep_desk.domain import MAX_NAME, MAX_TEXT

from . import validators as v
from .base import Access, Field, FieldType, FormRow, Kind, SchemaFragment

T = FieldType

# ---------------------------------------------------------------------------------------------
# The counsellor (workspace owner, printed on the plan; not a person's record)
# ---------------------------------------------------------------------------------------------

COUNSELLOR = Kind(
    name="counsellor",
    label="Conseiller ou conseillère",
    table="counsellors",
    entity="workspace",
    fields=(
        Field("name", T.TEXT, "Nom", MAX_NAME, required=True,
              required_label="Le nom du conseiller", personal=False),
        Field("organisation", T.TEXT, "Organisme", 200, personal=False),
        Field("operator_kind", T.CODE, "Type d'opérateur", enum=domain.OperatorKind,
              personal=False),
        Field("region", T.TEXT, "Région", 100, personal=False),
        Field("email", T.TEXT, "E-mail", 200, personal=False),
        Field("phone", T.TEXT, "Téléphone", 40, personal=False),
        Field("address", T.TEXT, "Adresse", 1000, personal=False),
    ),
)  # fmt: skip

# ---------------------------------------------------------------------------------------------
# The person and their file
# ---------------------------------------------------------------------------------------------

PERSON = Kind(
    name="person",
    label="Fiche de la personne",
    table="beneficiaries",
    entity="beneficiary",
    summary="une personne accompagnée et tout son dossier",
    key="people",
    max_items=1_000_000,
    derived_columns=("current_level", "has_open_journey", "sort_key"),
    fields=(
        Field("last_name", T.TEXT, "Nom", MAX_NAME, required=True, required_label="Le nom",
              file_required=True, note="nom", history="nom", printed=True, form="&Nom :"),
        Field("first_name", T.TEXT, "Prénom", MAX_NAME, required=True,
              required_label="Le prénom", file_required=True, note="prénom", history="prénom",
              printed=True, form="P&rénom :"),
        Field("birth_date", T.DATE, "Date de naissance", nullable=True, check=v.birth_date,
              history="date de naissance", printed=True, form="Date de naissan&ce :"),
        Field("sex", T.CODE, "Sexe", nullable=True, enum=domain.Sex, form="Se&xe :"),
        Field("phone", T.TEXT, "Téléphone", 40, check=v.phone, history="téléphone", form="&Téléphone :"),
        Field("email", T.TEXT, "E-mail", 200, check=v.email, history="e-mail",
              access_label="Courriel", form="E-m&ail :"),
        Field("postcode", T.TEXT, "Code postal", 10, check=v.postcode, form="Code posta&l :"),
        Field("town", T.TEXT, "Commune", 200, history="commune", printed=True, form="Co&mmune :"),
        Field("department", T.TEXT, "Département", 100, form="Département :"),
        Field("region", T.TEXT, "Région", 100, form="Région :"),
        Field("status", T.CODE, "Situation", enum=domain.Public, history="statut",
              printed=True, form="&Statut :"),
        Field("status_detail", T.TEXT, "Contrat, situation", 200, access_label="Précision",
              printed=True, form="Contrat, situation :"),
        Field("sector", T.TEXT, "Secteur", 200, form="Secteur :"),
        Field("job_title", T.TEXT, "Emploi occupé", 200, printed=True, form="Emploi occupé :"),
        Field("education_level", T.CODE, "Niveau de formation", nullable=True,
              enum=domain.EducationLevel, printed=True, form="Niveau de formation :"),
        Field("rqth", T.BOOL, "RQTH", nullable=True, health=True,
              access_label="RQTH (donnée de santé)",
              note="donnée de santé (sensible), facultative", printed=True, form="RQTH :"),
        Field("rqth_basis", T.TEXT, "Fondement", 200, health=True,
              access_label="Base de la donnée RQTH",
              note="base légale ou consentement de la donnée RQTH", printed=True, form="Fondement :"),
        Field("contract_type", T.CODE, "Contrat de travail", nullable=True,
              enum=domain.ContractType, form="Type de contrat :"),
        Field("seniority_months", T.INT, "Ancienneté dans l'entreprise (mois)",
              bounds=(0, 720), nullable=True, note="ancienneté dans l'entreprise, en mois", form="Ancienneté dans l'entreprise (mois) :"),
        Field("activity_months", T.INT, "Activité salariée en tout (mois)",
              bounds=(0, 720), nullable=True, note="durée totale d'activité salariée, en mois", form="Activité salariée en tout (mois) :"),
        Field("working_time", T.CODE, "Temps de travail", nullable=True,
              enum=domain.WorkingTime, form="Temps de travail :"),
        Field("opco", T.CODE, "OPCO", nullable=True, enum=domain.Opco, form="OPCO :"),
        Field("branch", T.TEXT, "Branche, convention collective", 200,
              note="branche professionnelle ou convention collective (IDCC)", form="Branche, convention (IDCC) :"),
        Field("pcs_group", T.CODE, "Catégorie socioprofessionnelle", nullable=True,
              enum=domain.PcsGroup, form="Catégorie socioprofessionnelle :"),
        Field("notice_given_on", T.DATE, "Notice d'information remise le", nullable=True,
              note="date de remise de la notice d'information", form="Notice d'information remise le :"),
        Field("last_contact_on", T.DATE, "Dernier contact", nullable=True,
              note="dernier contact (point de départ de la durée de conservation)", form="Dernier contact :"),
        Field("notes", T.TEXT, "Notes", MAX_TEXT, history="notes", form="Notes"),
    ),
)  # fmt: skip

JOURNEY = Kind(
    name="journey",
    label="Parcours",
    table="journeys",
    entity="journey",
    summary="un parcours CEP",
    parent="beneficiary_id",
    parent_kind="person",
    key="journeys",
    max_items=1_000,
    fields=(
        Field("beneficiary_id", T.LINK, "Personne", editable=False, personal=False,
              exported=False, access=Access.OMITTED),
        Field("request_date", T.DATE, "Date de la demande", required=True, file_required=True,
              printed=True, form="Date de la &demande :"),
        Field("first_appointment_on", T.DATE, "Premier rendez-vous", nullable=True, form="Premier rendez-vous :"),
        Field("reasons", T.CODES, "Motif(s) de la demande", 20, enum=domain.RequestReason,
              printed=True, form="Motifs de la demande :"),
        Field("level_reached", T.INT, "Niveau atteint", bounds=(0, 2), editable=False,
              printed=True),
        Field("level1_decision", T.CODE, "Décision de niveau 1", nullable=True,
              enum=domain.Level1Decision, printed=True),
        Field("redirect_to", T.TEXT, "Réorientation vers", 200),
        Field("cep_presented_on", T.DATE, "Objectifs et modalités du CEP présentés le",
              nullable=True, note="obligation du premier niveau (cahier des charges, § 2.1)"),
        Field("closed_on", T.DATE, "Clôture", nullable=True, form="Clôturé le :"),
        Field("outcome", T.CODE, "Résultat", nullable=True, enum=domain.Outcome, form="Issue du parcours :"),
        Field("outcome_note", T.TEXT, "Précision sur l'issue", MAX_TEXT,
              access_label="Commentaire", form="Précision sur l'issue :"),
    ),
)  # fmt: skip

SESSION = Kind(
    name="session",
    label="Entretien",
    table="interviews",
    entity="session",
    summary="un entretien de niveau 1 ou 2",
    parent="journey_id",
    parent_kind="journey",
    key="sessions",
    # The level-1 tab (its details, then its texts, each in its box) and the level-2
    # sessions' form word their rows differently.
    forms={
        "level1": (
            FormRow("held_on", "D&ate :"),
            FormRow("start_time", "Heure de dé&but :"),
            FormRow("duration_min", "Durée (minutes) :"),
            FormRow("modality", "&Modalité :"),
            FormRow("on_working_time", "Temps de travail :",
                    check="Sur le &temps de travail, en application d'un accord"),
            FormRow("agreement", "Accord (branche ou entreprise) :"),
            FormRow("request_expressed", "La &demande, telle que la personne l'exprime",
                    lines=4),
            FormRow("first_analysis", "Première anal&yse de la situation et de la demande",
                    lines=4),
            FormRow("environment_info", "Information sur &l'environnement professionnel",
                    lines=4),
            FormRow("possible_steps", "Déma&rches possibles", lines=4),
            FormRow("actors", "A&cteurs pouvant aider", lines=4),
        ),
        "level2": (
            FormRow("held_on", "&Date :"),
            FormRow("start_time", "Heure de début :"),
            FormRow("duration_min", "Durée (minutes) :"),
            FormRow("modality", "Modalité :"),
            FormRow("on_working_time", "Temps de travail :",
                    check="Sur le temps de travail, en application d'un accord"),
            FormRow("agreement", "Accord :"),
            FormRow("clarified_request", "Demande &clarifiée :", lines=3),
            FormRow("info_given", "Infor&mation donnée :", lines=3),
            FormRow("remarks", "&Remarques :", lines=2),
            FormRow("next_appointment_on", "Prochain rendez-&vous :"),
        ),
    },
    fields=(
        Field("journey_id", T.LINK, "Parcours", editable=False, personal=False, exported=False,
              access=Access.OMITTED),
        Field("level", T.INT, "Niveau", bounds=(1, 2), editable=False, file_required=True,
              access=Access.HEADING, schema={"type": "integer", "enum": [1, 2]}),
        Field("held_on", T.DATE, "Date", required=True, file_required=True,
              access=Access.HEADING),
        Field("start_time", T.TIME, "Heure", 5, note="HH:MM, heure locale, ou vide"),
        Field("duration_min", T.INT, "Durée (minutes)", bounds=(1, 24 * 60), nullable=True,
              note="minutes"),
        Field("modality", T.CODE, "Modalité", enum=domain.Modality, access=Access.HEADING),
        Field("on_working_time", T.BOOL, "Sur le temps de travail"),
        Field("agreement", T.TEXT, "Accord", 200),
        Field("request_expressed", T.TEXT, "Demande exprimée", MAX_TEXT, printed=True),
        Field("first_analysis", T.TEXT, "Première analyse", MAX_TEXT, printed=True),
        Field("environment_info", T.TEXT, "Informations sur l'environnement", MAX_TEXT,
              printed=True),
        Field("possible_steps", T.TEXT, "Démarches possibles", MAX_TEXT, printed=True),
        Field("actors", T.TEXT, "Acteurs identifiés", MAX_TEXT, printed=True),
        Field("clarified_request", T.TEXT, "Demande clarifiée", MAX_TEXT, printed=True),
        Field("info_given", T.TEXT, "Informations données", MAX_TEXT, printed=True),
        Field("remarks", T.TEXT, "Remarques", MAX_TEXT, printed=True),
        Field("next_appointment_on", T.DATE, "Prochain rendez-vous", nullable=True),
    ),
)  # fmt: skip

NEED = Kind(
    name="need",
    label="Besoin",
    table="needs",
    entity="need",
    summary="un besoin, par ordre de priorité",
    parent="journey_id",
    parent_kind="journey",
    key="needs",
    max_items=1_000,
    access_order=("rank", "theme", "description", "status"),
    form_order=("theme", "status", "description"),
    fields=(
        Field("journey_id", T.LINK, "Parcours", editable=False, personal=False, exported=False,
              access=Access.OMITTED),
        Field("theme", T.CODE, "Thème", enum=domain.NeedTheme, file_required=True,
              printed=True, column=2, form="&Thème :"),
        Field("description", T.TEXT, "Description", MAX_TEXT, printed=True, column=4,
              form="&Description :", form_lines=3),
        Field("rank", T.INT, "Priorité", bounds=(1, 10_000), editable=False,
              file_required=True, history="ordre des priorités", printed=True,
              access_label="Rang", note="rang de priorité (1 = le plus prioritaire)",
              column=1),
        Field("status", T.CODE, "Statut", enum=domain.NeedStatus, printed=True,
              access_label="État", column=3, form="&Statut :"),
        Field("target_on", T.DATE, "Échéance souhaitée", nullable=True, printed=True,
              column=5, form="É&chéance souhaitée :"),
    ),
)  # fmt: skip

PROJECT = Kind(
    name="project",
    label="Projet",
    table="projects",
    entity="project",
    summary="le projet du parcours",
    parent="journey_id",
    parent_kind="journey",
    key="projects",
    max_items=100,
    fields=(
        Field("journey_id", T.LINK, "Parcours", editable=False, personal=False, exported=False,
              access=Access.OMITTED),
        Field("kind", T.CODE, "Type de projet", enum=domain.ProjectKind, printed=True,
              form="&Nature du projet :"),
        Field("target_job_label", T.TEXT, "Métier visé", 300, printed=True,
              form="&Métier visé :"),
        Field("rome_code", T.TEXT, "Code ROME", 5, printed=True, form="Code &ROME :"),
        Field("rome_version", T.TEXT, "Version du ROME", 20, printed=True, personal=False,
              access=Access.OMITTED),
        Field("certification_label", T.TEXT, "Certification visée", 300, printed=True,
              form="&Certification visée :"),
        Field("certification_code", T.TEXT, "Code RNCP/RS", 20, printed=True,
              form="Code RNCP ou R&S :"),
        Field("description", T.TEXT, "Description", MAX_TEXT, printed=True,
              form="&Description :", form_lines=3),
        Field("declared_cost_cents", T.AMOUNT, "Coût déclaré", nullable=True, printed=True,
              form="Coût déclaré :"),
        Field("training_start_on", T.DATE, "Début de formation", nullable=True,
              form="Dé&but de la formation :"),
        Field("training_end_on", T.DATE, "Fin de formation", nullable=True),
        Field("training_hours", T.INT, "Durée (heures)", bounds=(1, 10_000), nullable=True),
        Field("training_provider", T.TEXT, "Organisme de formation", 200),
        Field("training_part_time", T.BOOL, "Formation à temps partiel"),
        Field("exam_title", T.TEXT, "Examen", 300),
        Field("exam_on", T.DATE, "Date de l'examen", nullable=True),
        Field("cep_opinion", T.TEXT, "Avis du CEP", MAX_TEXT),
        Field("cep_conclusion", T.TEXT, "Conclusion de l'avis du CEP", MAX_TEXT),
    ),
)  # fmt: skip

CHECK = Kind(
    name="check",
    label="Faisabilité",
    table="feasibility_checks",
    entity="feasibility",
    summary="un point de faisabilité (un par aspect)",
    parent="project_id",
    parent_kind="project",
    key="checks",
    max_items=20,
    fields=(
        Field("project_id", T.LINK, "Projet", editable=False, personal=False, exported=False,
              access=Access.OMITTED),
        Field("aspect", T.CODE, "Faisabilité", enum=domain.FeasibilityAspect, editable=False,
              file_required=True, printed=True),
        Field("status", T.CODE, "Avis", enum=domain.FeasibilityStatus, printed=True),
        Field("note", T.TEXT, "Note", MAX_TEXT, printed=True),
    ),
)  # fmt: skip

SKILL = Kind(
    name="skill",
    label="Compétence",
    table="skills",
    entity="skill",
    summary="une compétence ou qualification",
    parent="project_id",
    parent_kind="project",
    key="skills",
    max_items=1_000,
    fields=(
        Field("project_id", T.LINK, "Projet", editable=False, personal=False, exported=False,
              access=Access.OMITTED),
        Field("label", T.TEXT, "Compétence", 300, required=True,
              required_label="L'intitulé de la compétence", file_required=True, printed=True),
        Field("state", T.CODE, "État", enum=domain.SkillState, printed=True),
        Field("means", T.CODE, "Moyen", nullable=True, enum=domain.SkillMeans, printed=True),
    ),
)  # fmt: skip

STEP = Kind(
    name="step",
    label="Étape du plan",
    table="action_steps",
    entity="step",
    summary="une étape du plan d'action",
    parent="project_id",
    parent_kind="project",
    key="steps",
    max_items=1_000,
    fields=(
        Field("project_id", T.LINK, "Projet", editable=False, personal=False, exported=False,
              access=Access.OMITTED),
        Field("title", T.TEXT, "Étape", 300, required=True,
              required_label="L'intitulé de l'étape", file_required=True, printed=True,
              column=1, form="I&ntitulé :"),
        Field("detail", T.TEXT, "Détail", MAX_TEXT, printed=True,
              access=Access.COMBINED, access_with="title", form="Détail :"),
        Field("owner", T.CODE, "Qui", enum=domain.StepOwner, printed=True, column=2,
              form="&Qui :"),
        Field("partner_name", T.TEXT, "Partenaire", 200, printed=True,
              access=Access.COMBINED, access_with="owner", column=3, form="Pa&rtenaire :"),
        Field("start_on", T.DATE, "Début", nullable=True, printed=True, access_label="Dates",
              column=4, form="&Début :"),
        Field("due_on", T.DATE, "Échéance", nullable=True, printed=True,
              access=Access.COMBINED, access_with="start_on", column=5, form="É&chéance :"),
        Field("status", T.CODE, "Statut", enum=domain.StepStatus, printed=True,
              access_label="État", column=6, form="S&tatut :"),
        # how the step is drawn (one date): not information about the person
        Field("is_milestone", T.BOOL, "Jalon", printed=True, personal=False,
              access=Access.OMITTED, column=7, form="Jalon :"),
        Field("position", T.INT, "Ordre", bounds=(0, 100_000), editable=False,
              personal=False, access=Access.OMITTED),
        Field("scheme_code", T.TEXT, "Dispositif lié", 40, personal=False,
              access=Access.OMITTED),
        Field("internal_service", T.BOOL, "Prestation interne", access=Access.COMBINED,
              access_with="owner",
              note="prestation de l'organisme de l'opérateur lui-même (impartialité)"),
    ),
)  # fmt: skip

FUNDING = Kind(
    name="funding",
    label="Financement",
    table="financing_lines",
    entity="funding",
    summary="une ligne du plan de financement",
    parent="project_id",
    parent_kind="project",
    key="funding",
    max_items=1_000,
    fields=(
        Field("project_id", T.LINK, "Projet", editable=False, personal=False, exported=False,
              access=Access.OMITTED),
        Field("scheme_code", T.TEXT, "Code du dispositif", 40, printed=True, personal=False,
              access=Access.COMBINED, access_with="scheme_label"),
        # its form row edits the code and the label together (a catalogue scheme or free text)
        Field("scheme_label", T.TEXT, "Dispositif", 200, printed=True,
              access_label="Financement", column=1, form="&Dispositif :"),
        Field("funder", T.TEXT, "Financeur", 200, printed=True, column=2,
              form="Fi&nanceur :"),
        Field("covers", T.CODE, "Prise en charge", enum=domain.FundingCover, printed=True,
              access=Access.COMBINED, access_with="scheme_label", column=3,
              form="Prise en &charge :"),
        Field("amount_requested_cents", T.AMOUNT, "Demandé", nullable=True, printed=True,
              column=4, form="Montant de&mandé :"),
        Field("amount_granted_cents", T.AMOUNT, "Accordé", nullable=True, printed=True,
              column=5, form="Montant acco&rdé :"),
        Field("status", T.CODE, "Statut", enum=domain.FundingStatus, printed=True,
              access_label="État", column=6, form="&Statut :"),
        Field("decision_on", T.DATE, "Décision", nullable=True, printed=True,
              access=Access.COMBINED, access_with="status", column=7,
              form="Da&te de décision :"),
    ),
)  # fmt: skip

CONTACT = Kind(
    name="contact",
    label="Contact",
    table="contacts",
    entity="contact",
    summary="une mise en relation avec un organisme",
    parent="journey_id",
    parent_kind="journey",
    key="contacts",
    fields=(
        Field("journey_id", T.LINK, "Parcours", editable=False, personal=False, exported=False,
              access=Access.OMITTED),
        Field("contact_on", T.DATE, "Date", required=True, file_required=True, printed=True,
              column=1, form="&Date :"),
        Field("organisation", T.TEXT, "Organisme", MAX_NAME, required=True,
              required_label="L'organisme", file_required=True, printed=True, column=2,
              form="Or&ganisme :"),
        Field("person", T.TEXT, "Interlocuteur", 200, printed=True, access=Access.COMBINED,
              access_with="organisation", column=3, form="I&nterlocuteur :"),
        Field("subject", T.TEXT, "Objet", MAX_TEXT, printed=True, column=4, form="O&bjet :"),
        Field("outcome", T.TEXT, "Résultat", MAX_TEXT, printed=True, access_label="Suite",
              column=5, form="&Résultat :"),
        Field("consent_to_share", T.BOOL, "Partage de documents", printed=True,
              access_label="Partage accepté", column=6, form="Consentement :"),
    ),
)  # fmt: skip

DOCUMENT = Kind(
    name="document",
    label="Document remis",
    table="issued_documents",
    entity="document",
    summary="la trace d'un document remis (le PDF lui-même n'est pas conservé)",
    parent="beneficiary_id",
    parent_kind="person",
    key="documents",
    fields=(
        Field("beneficiary_id", T.LINK, "Personne", editable=False, personal=False,
              exported=False, access=Access.OMITTED),
        Field("journey_id", T.LINK, "Parcours", nullable=True, editable=False,
              personal=False, exported=False, access=Access.OMITTED),
        Field("kind", T.CODE, "Document", enum=domain.DocumentKind, editable=False,
              file_required=True),
        Field("issued_at", T.DATETIME, "Date", editable=False, file_required=True),
        Field("version", T.INT, "Version", bounds=(1, 100_000), editable=False),
        Field("sha256", T.TEXT, "Empreinte SHA-256", 64, editable=False, personal=False,
              file_required=True, access=Access.OMITTED,
              schema={"type": "string", "pattern": "^[0-9a-f]{64}$"}),
        Field("channel", T.TEXT, "Remise", 20, editable=False,
              choices=(("export", "fichier"), ("print", "impression"))),
    ),
)  # fmt: skip

# ---------------------------------------------------------------------------------------------
# Issue #12: satisfaction at the end of a level and the six-month follow-up (followup12).
# France compétences' questionnaire is not public: the questions and scales of SATISFACTION
# are CEP Desk's own design; the two six-month questions of FOLLOWUP are the published ones.
# ---------------------------------------------------------------------------------------------

_SCALE_SCHEMA: SchemaFragment = {"type": ["integer", "null"], "minimum": 1, "maximum": 4}

SATISFACTION = Kind(
    name="satisfaction",
    label="Questionnaire de satisfaction",
    table="satisfaction_answers",
    entity="satisfaction",
    summary="les réponses de la personne au questionnaire de fin de niveau",
    parent="journey_id",
    parent_kind="journey",
    key="satisfaction",
    max_items=100,
    fields=(
        Field("beneficiary_id", T.LINK, "Personne", editable=False, personal=False,
              exported=False, access=Access.OMITTED),
        Field("journey_id", T.LINK, "Parcours", nullable=True, editable=False,
              personal=False, exported=False, access=Access.OMITTED),
        Field("level", T.INT, "Niveau", bounds=(1, 2), file_required=True,
              schema={"type": "integer", "enum": [1, 2]},
              column=1),
        Field("answered_on", T.DATE, "Date", required=True, file_required=True,
              column=2),
        Field("channel", T.CODE, "Réponse", enum=domain.AnswerChannel,
              access_label="Recueillie", column=3),
        Field("satisfaction", T.INT, "Satisfaction", bounds=(1, 4), nullable=True,
              schema=_SCALE_SCHEMA, note="4 = très satisfait … 1 = pas du tout satisfait",
              column=4),
        Field("usefulness", T.INT, "Utilité", bounds=(1, 4), nullable=True,
              schema=_SCALE_SCHEMA, note="4 = très utile … 1 = pas du tout utile", column=5),
        Field("recommend", T.BOOL, "Recommanderait le service", nullable=True, column=6),
        Field("comment", T.TEXT, "Commentaire libre", 2000),
    ),
)  # fmt: skip

FOLLOWUP = Kind(
    name="followup",
    label="Suivi à six mois",
    table="followups",
    entity="followup",
    summary="le suivi de la personne six mois après la fin de son parcours",
    parent="journey_id",
    parent_kind="journey",
    key="followups",
    max_items=100,
    fields=(
        Field("beneficiary_id", T.LINK, "Personne", editable=False, personal=False,
              exported=False, access=Access.OMITTED),
        Field("journey_id", T.LINK, "Parcours", editable=False, personal=False,
              exported=False, access=Access.OMITTED),
        Field("due_on", T.DATE, "Prévu le", required=True, file_required=True, column=1),
        Field("done_on", T.DATE, "Fait le", nullable=True, column=2),
        Field("attempts", T.INT, "Tentatives", bounds=(0, 100), column=3,
              access_label="Tentatives de contact"),
        Field("status", T.CODE, "État", enum=domain.FollowupStatus, column=4),
        Field("situation", T.CODE, "Situation", nullable=True, enum=domain.FollowupSituation,
              column=5),
        Field("project_status", T.CODE, "Projet", nullable=True, enum=domain.FollowupProject,
              column=6),
        Field("more_satisfying", T.BOOL, "Situation plus satisfaisante", nullable=True),
        Field("service_useful", T.BOOL, "Service utile", nullable=True),
        Field("note", T.TEXT, "Note", 2000),
    ),
)  # fmt: skip

# ---------------------------------------------------------------------------------------------
# Issue #12: the agenda (agenda12). An appointment belongs to the person (a first one may be
# booked before any journey exists); it names its journey and, once held, its session.
# ---------------------------------------------------------------------------------------------

APPOINTMENT = Kind(
    name="appointment",
    label="Rendez-vous",
    table="appointments",
    entity="appointment",
    summary="un rendez-vous de l'agenda (prévu, honoré, annulé ou non honoré)",
    parent="beneficiary_id",
    parent_kind="person",
    key="appointments",
    max_items=10_000,
    fields=(
        Field("beneficiary_id", T.LINK, "Personne", editable=False, personal=False,
              exported=False, access=Access.OMITTED),
        Field("journey_id", T.LINK, "Parcours", nullable=True, editable=False,
              personal=False, exported=False, access=Access.OMITTED),
        Field("day", T.DATE, "Date", required=True, file_required=True, column=1,
              form="&Date :"),
        Field("start", T.CLOCK, "Heure", file_required=True, note="HH:MM, heure de Paris",
              access=Access.COMBINED, access_with="day", column=2, form="&Heure :"),
        Field("duration_min", T.INT, "Durée (minutes)", bounds=(5, 480), file_required=True,
              note="minutes, de 5 à 480", column=3, form="D&urée (minutes) :"),
        Field("modality", T.CODE, "Modalité", enum=domain.Modality, column=4,
              form="&Modalité :"),
        Field("place", T.TEXT, "Lieu ou lien", 200, personal=False, access=Access.COMBINED,
              access_with="modality", column=5, form="&Lieu ou lien :"),
        Field("level", T.INT, "Niveau", bounds=(1, 2), schema={"type": "integer", "enum": [1, 2]},
              column=6, form="Ni&veau :"),
        Field("status", T.CODE, "État", enum=domain.AppointmentStatus, column=7,
              form="É&tat :"),
        Field("interview_id", T.LINK, "Entretien", nullable=True, editable=False,
              personal=False, exported=False, access=Access.OMITTED),
        Field("purpose", T.TEXT, "Objet", 500, form="&Objet :"),
        Field("is_followup", T.BOOL, "Suivi à six mois", access=Access.COMBINED,
              access_with="status", form="Suivi à &six mois"),
    ),
)  # fmt: skip

# The kinds of a person's file, in the order of the exchange format's definitions (a kind's
# children lists follow this order too).
FILE_KINDS: tuple[Kind, ...] = (
    PERSON,
    JOURNEY,
    SESSION,
    NEED,
    PROJECT,
    CHECK,
    SKILL,
    STEP,
    FUNDING,
    CONTACT,
    DOCUMENT,
    SATISFACTION,
    FOLLOWUP,
    APPOINTMENT,
)
ALL_KINDS: tuple[Kind, ...] = (COUNSELLOR, *FILE_KINDS)
# Tables that hold no record of a kind: the audit trail (never content), settings, and the
# anonymised figures kept after an erasure, the outbox of changes for the team server.
UNDESCRIBED_TABLES = frozenset({"audit_events", "settings", "anonymised_journeys", "outbox"})


def children_of(kind: Kind) -> tuple[Kind, ...]:
    """The kinds whose records are listed in a record of ``kind``, in the format's order."""
    return tuple(k for k in FILE_KINDS if k.parent_kind == kind.name)


def kind_of_entity(entity: str) -> Kind | None:
    """The kind an audit entity name designates, if any."""
    for kind in FILE_KINDS:
        if kind.entity == entity:
            return kind
    return None


def history_labels() -> dict[str, str]:
    """Field name → lower-case label named in the history, over every kind."""
    out: dict[str, str] = {}
    for kind in FILE_KINDS:
        out.update(kind.history_labels())
    return out


def entity_labels() -> dict[str, str]:
    """Audit entity name → French label (the history's « Élément »)."""
    out: dict[str, str] = {domain.AuditEntity(kind.entity): kind.label for kind in FILE_KINDS}
    out[domain.AuditEntity.WORKSPACE] = "Espace de travail"
    return out
