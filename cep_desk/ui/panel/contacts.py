"""Contacts: the counsellor's go-between role with training providers and funders."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QVBoxLayout, QWidget

from cep_desk import formatting, kinds
from cep_desk.usecases import changes as chg
from cep_desk.usecases import journeys
from cep_desk.usecases.changes import Changes

from . import described
from .section import RecordSection
from .widgets import CheckBox, hint_label, tr

if TYPE_CHECKING:
    from cep_desk.usecases.file_context import FileContext

    from .autosave import AutoSave


class ContactsTab(QWidget):
    shows = frozenset({chg.CONTACT})

    def __init__(self, context: FileContext, autosave: AutoSave) -> None:
        super().__init__()
        self.context = context
        self.autosave = autosave
        self.section = RecordSection(
            autosave,
            "contact",
            columns=described.columns(
                kinds.CONTACT,
                {"consent_to_share": lambda r: tr("Accepté") if r.consent_to_share else tr("Non")},
            ),
            table_name=tr("Contacts avec les prestataires et financeurs"),
            noun=tr("le contact"),
            new_title=tr("Nouveau contact — enregistré dès la première saisie"),
            add_label=tr("&Ajouter un contact"),
            delete_label=tr("Supprimer le contact"),
            create=lambda values: context.run(
                journeys.add_contact, context.workspace(), context.ensure_journey(), **values
            ),
            update=lambda ident, changes: context.run(
                journeys.update_contact, context.workspace(), ident, **changes
            ),
            delete=lambda ident: context.run(journeys.delete_contact, context.workspace(), ident),
            describe=lambda r: (
                tr("Contact du %s avec %s") % (formatting.format_date(r.contact_on), r.organisation)
            ),
            defaults=lambda: {"contact_on": date.today()},
        )
        s = self.section
        consent = CheckBox(
            tr("&La personne accepte que ses documents soient transmis à cet organisme")
        )
        described.add_rows(s, kinds.CONTACT, editors={"consent_to_share": consent})
        s.table.set_widths([95, 180, 150, 230, 200])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(
            hint_label(
                tr(
                    "Le conseiller peut servir d'intermédiaire avec les prestataires et les "
                    "financeurs, avec l'accord de la personne. Rien n'est transmis à l'employeur."
                )
            )
        )
        layout.addWidget(s)

    def fill(self, current) -> None:
        self.section.set_records(current.contacts if current else [])

    def clear(self) -> None:
        self.section.clear()

    def apply_changes(self, changes: Changes) -> None:
        self.section.apply_records(changes, chg.CONTACT)
