"""Historique: the person's audit trail — when, what action, on what — never the content."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TR_NOOP
from PySide6.QtWidgets import QVBoxLayout, QWidget

from cep_desk import domain, formatting

from .widgets import Column, RecordTable, RecordTableModel, hint_label, tr

if TYPE_CHECKING:
    from .panel import BeneficiaryPanel

ENTITIES = {
    domain.AuditEntity.BENEFICIARY: QT_TR_NOOP("Fiche de la personne"),
    domain.AuditEntity.JOURNEY: QT_TR_NOOP("Parcours"),
    domain.AuditEntity.SESSION: QT_TR_NOOP("Entretien"),
    domain.AuditEntity.NEED: QT_TR_NOOP("Besoin"),
    domain.AuditEntity.PROJECT: QT_TR_NOOP("Projet"),
    domain.AuditEntity.FEASIBILITY: QT_TR_NOOP("Faisabilité"),
    domain.AuditEntity.SKILL: QT_TR_NOOP("Compétence"),
    domain.AuditEntity.STEP: QT_TR_NOOP("Étape du plan"),
    domain.AuditEntity.FUNDING: QT_TR_NOOP("Financement"),
    domain.AuditEntity.CONTACT: QT_TR_NOOP("Contact"),
    domain.AuditEntity.DOCUMENT: QT_TR_NOOP("Document remis"),
    domain.AuditEntity.WORKSPACE: QT_TR_NOOP("Espace de travail"),
}

FIELDS = {
    "last_name": QT_TR_NOOP("nom"),
    "first_name": QT_TR_NOOP("prénom"),
    "birth_date": QT_TR_NOOP("date de naissance"),
    "phone": QT_TR_NOOP("téléphone"),
    "email": QT_TR_NOOP("e-mail"),
    "town": QT_TR_NOOP("commune"),
    "status": QT_TR_NOOP("statut"),
    "notes": QT_TR_NOOP("notes"),
    "rank": QT_TR_NOOP("ordre des priorités"),
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
    return domain.AuditAction.label_of(code)


def _entity(record) -> str:
    text = tr(ENTITIES.get(record.entity, record.entity))
    if record.detail and record.action == domain.AuditAction.CHANGE.value:
        names = [tr(FIELDS.get(n, "")) for n in record.detail.split(",")]
        names = [n for n in names if n]
        if names:
            text += " (" + ", ".join(dict.fromkeys(names)) + ")"
    return text
