"""Historique: the person's audit trail — when, what action, on what — never the content."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QVBoxLayout, QWidget

from cep_desk import domain, formatting

from .widgets import Column, RecordTable, RecordTableModel, hint_label, tr

if TYPE_CHECKING:
    from .panel import BeneficiaryPanel

ENTITIES = {
    "beneficiary": "Fiche de la personne",
    "journey": "Parcours",
    "session": "Entretien",
    "need": "Besoin",
    "project": "Projet",
    "feasibility": "Faisabilité",
    "skill": "Compétence",
    "step": "Étape du plan",
    "funding": "Financement",
    "contact": "Contact",
    "document": "Document remis",
    "workspace": "Espace de travail",
}

FIELDS = {
    "last_name": "nom",
    "first_name": "prénom",
    "birth_date": "date de naissance",
    "phone": "téléphone",
    "email": "e-mail",
    "town": "commune",
    "status": "statut",
    "notes": "notes",
    "rank": "ordre des priorités",
}


class HistoryTab(QWidget):
    def __init__(self, panel: BeneficiaryPanel) -> None:
        super().__init__()
        self.panel = panel
        self.model = RecordTableModel(
            [
                Column(tr("Date"), lambda r: formatting.format_datetime_local(r.at)),
                Column(tr("Action"), lambda r: _action(r.action)),
                Column(tr("Élément"), _entity),
            ],
            self,
        )
        self.table = RecordTable(self.model, tr("Historique des actions sur le dossier"))
        self.table.set_widths([170, 150])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(
            hint_label(
                tr(
                    "Qui a fait quoi et quand sur ce dossier (les 500 dernières actions) ; le "
                    "contenu des champs n'est jamais recopié ici."
                )
            )
        )
        layout.addWidget(self.table, 1)

    def fill(self, trail) -> None:
        self.model.set_records(trail)

    def clear(self) -> None:
        self.model.clear()


def _action(code: str) -> str:
    try:
        return domain.AuditAction(code).label
    except ValueError:
        return code


def _entity(record) -> str:
    text = tr(ENTITIES.get(record.entity, record.entity))
    if record.detail and record.action == domain.AuditAction.CHANGE.value:
        names = [tr(FIELDS.get(n, "")) for n in record.detail.split(",")]
        names = [n for n in names if n]
        if names:
            text += " (" + ", ".join(dict.fromkeys(names)) + ")"
    return text
