"""The selected beneficiary, in tabs: Identité · Niveau 1 · Niveau 2 · Contacts · Documents ·
Historique. Every edit is autosaved through the use cases (see ``autosave.py``).

The shell uses exactly: the signals ``saved``, ``failed``, ``record_changed``; ``set_workspace``,
``load``, ``clear``, ``flush``, ``current_location``, ``restore_location``, ``new_session`` and
``current_beneficiary_id``.
"""

from __future__ import annotations

import logging
from datetime import date
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from cep_desk import domain, formatting
from cep_desk.domain import ValidationError
from cep_desk.storage.workspace import Workspace
from cep_desk.ui import messagebox, theme
from cep_desk.ui.wheel import WheelSafeTabWidget
from cep_desk.usecases import beneficiaries, journeys, plan, workspaces
from cep_desk.usecases.common import NotFound
from cep_desk.usecases.records import BeneficiaryFile, JourneyFile

from .autosave import AutoSave
from .contacts import ContactsTab
from .documents import DocumentsTab
from .history import HistoryTab
from .identity import IdentityTab
from .level1 import Level1Tab
from .level2 import Level2Tab

log = logging.getLogger(__name__)

TAB_KEYS = ("identity", "level1", "level2", "contacts", "documents", "history")


class BeneficiaryPanel(QWidget):
    saved = Signal(object)  # aware datetime of the last successful save
    failed = Signal(str)  # French message of a refused or failed save
    record_changed = Signal(int)  # beneficiary id whose list columns changed

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("BeneficiaryPanel")
        self.ws: Workspace | None = None
        self.current_beneficiary_id: int | None = None
        self.person = None  # BeneficiaryRecord
        self.journey = None  # JourneyRecord of the journey shown (the newest)
        self.journey_count = 0
        self.project = None  # ProjectRecord
        self._catalogue: Any = None
        self._referential: Any = None
        self.autosave = AutoSave(self)
        self.autosave.saved.connect(self.saved)
        self.autosave.failed.connect(self.failed)

        self.header = QLabel()
        self.header.setObjectName("panelHeader")
        self.header.setAccessibleName(self.tr("Personne affichée"))
        self.header.setStyleSheet("font-size: 13pt; font-weight: 600; padding: 2px 2px 4px 2px;")
        self.header.setTextFormat(Qt.TextFormat.PlainText)
        self.subheader = QLabel()
        self.subheader.setAccessibleName(self.tr("Situation du parcours"))
        self.subheader.setStyleSheet(theme.hint_style() + " padding: 0 2px 4px 2px;")
        self.subheader.setTextFormat(Qt.TextFormat.PlainText)

        self.tabs = WheelSafeTabWidget()
        self.tabs.setAccessibleName(self.tr("Dossier de la personne"))
        self.tabs.setDocumentMode(True)
        self.identity = IdentityTab(self)
        self.level1 = Level1Tab(self)
        self.level2 = Level2Tab(self)
        self.contacts = ContactsTab(self)
        self.documents = DocumentsTab(self)
        self.history = HistoryTab(self)
        self.pages = {
            "identity": (self.identity, self.tr("&Identité")),
            "level1": (self.level1, self.tr("Niveau &1")),
            "level2": (self.level2, self.tr("Niveau &2")),
            "contacts": (self.contacts, self.tr("C&ontacts")),
            "documents": (self.documents, self.tr("Doc&uments")),
            "history": (self.history, self.tr("&Historique")),
        }
        for key in TAB_KEYS:
            widget, title = self.pages[key]
            self.tabs.addTab(widget, title)
        self.tabs.currentChanged.connect(self._tab_changed)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(2)
        layout.addWidget(self.header)
        layout.addWidget(self.subheader)
        layout.addWidget(self.tabs, 1)
        self.clear()

    # ------------------------------------------------------------------------------------------
    # The contract
    # ------------------------------------------------------------------------------------------
    def set_workspace(self, ws: Workspace | None) -> None:
        if ws is not self.ws:
            self.clear()
            self._referential = None
        self.ws = ws

    def load(self, beneficiary_id: int) -> None:
        """Show a person: one ``load_file`` call, every tab filled with signals blocked."""
        if self.ws is None:
            raise RuntimeError("No workspace set")
        if self.current_beneficiary_id is not None:
            self.autosave.flush()
        try:
            file = beneficiaries.load_file(self.ws, beneficiary_id)
        except NotFound as exc:
            self.clear()
            self.failed.emit(exc.message)
            return
        trail = workspaces.audit_trail(self.ws, beneficiary_id)
        self._fill(file, trail)

    def clear(self) -> None:
        """Empty every widget and model holding personal data (lock, no selection)."""
        self.autosave.discard()
        self.current_beneficiary_id = None
        self.person = self.journey = self.project = None
        self.journey_count = 0
        self.header.setText(self.tr("Aucune personne sélectionnée"))
        self.subheader.setText("")
        for key in TAB_KEYS:
            self.pages[key][0].clear()
        self._set_enabled(False)

    def flush(self) -> bool:
        """Save pending edits now; False if some input was refused (it stays in its field)."""
        if self.ws is None or self.current_beneficiary_id is None:
            return True
        return self.autosave.flush()

    def current_location(self) -> dict:
        level2_key = self.level2.current_key()
        return {
            "beneficiary_id": self.current_beneficiary_id,
            "tab": TAB_KEYS[max(0, self.tabs.currentIndex())],
            "subtab": level2_key if self.tabs.currentIndex() == TAB_KEYS.index("level2") else "",
        }

    def restore_location(self, loc: dict) -> None:
        ident = loc.get("beneficiary_id")
        if ident is not None and self.ws is not None and ident != self.current_beneficiary_id:
            self.load(int(ident))
        tab = loc.get("tab") or "identity"
        if tab in TAB_KEYS:
            self.tabs.setCurrentIndex(TAB_KEYS.index(tab))
        if loc.get("subtab"):
            self.level2.show_key(str(loc["subtab"]))

    def new_session(self, level: int | None = None) -> None:
        """The toolbar's "Nouvel entretien": level 1 when the journey has no session yet,
        else level 2 when the level-1 decision allows it."""
        if self.ws is None or self.current_beneficiary_id is None:
            return
        self.flush()
        if self.journey is not None and self.journey.closed_on is not None:
            question = self.tr(
                "Le parcours en cours est clôturé. Ouvrir un nouveau parcours pour cette personne ?"
            )
            if not messagebox.confirm(self, self.tr("Nouvel entretien"), question):
                return
            if not self.start_new_journey(ask=False):
                return
        sessions = self.level1.sessions() + self.level2.sessions.records()
        if level is None:
            level = 1 if not sessions else 2
        if level == 2:
            decision = domain.Level1Decision.parse(
                self.journey.level1_decision if self.journey else None
            )
            if not domain.can_open_level2(decision):
                messagebox.information(
                    self,
                    self.tr("Nouvel entretien"),
                    self.tr(
                        "La décision de niveau 1 est « %s » : changez-la dans l'onglet Niveau 1 "
                        "avant d'ouvrir un entretien de niveau 2."
                    )
                    % decision.label,
                )
                self.tabs.setCurrentWidget(self.level1)
                self.level1.decision.setFocus()
                return
        try:
            journey_id = self.ensure_journey()
            record = journeys.add_session(
                self.ws,
                journey_id,
                level,
                held_on=date.today(),
                modality=domain.Modality.FACE_TO_FACE.value,
            )
        except (ValidationError, NotFound) as exc:
            self.failed.emit(exc.message)
            messagebox.warning(self, self.tr("Nouvel entretien"), exc.message)
            return
        self.saved.emit(_now())
        if level == 1:
            self.level1.session_added(record)
            self.tabs.setCurrentWidget(self.level1)
        else:
            self.level2.session_added(record)
            self.tabs.setCurrentWidget(self.level2)
        self.sessions_changed()

    # ------------------------------------------------------------------------------------------
    # Filling
    # ------------------------------------------------------------------------------------------
    def _fill(self, file: BeneficiaryFile, trail: list) -> None:
        self.autosave.discard()
        self.current_beneficiary_id = file.beneficiary.id
        self.person = file.beneficiary
        current: JourneyFile | None = file.current
        self.journey = current.journey if current else None
        self.journey_count = len(file.journeys)
        self.project = current.project if current else None
        self._set_enabled(True)
        self.update_header()
        self.identity.fill(file, current)
        self.level1.fill(current)
        self.level2.fill(current)
        self.contacts.fill(current)
        self.documents.fill(file.documents)
        self.history.fill(trail)

    def reload(self) -> None:
        """Read the person again (after a structural change), keeping the location."""
        if self.ws is None or self.current_beneficiary_id is None:
            return
        loc = self.current_location()
        file = beneficiaries.load_file(self.ws, self.current_beneficiary_id, audit=False)
        self._fill(file, workspaces.audit_trail(self.ws, self.current_beneficiary_id))
        self.restore_location(loc)

    def _set_enabled(self, enabled: bool) -> None:
        self.tabs.setEnabled(enabled)

    def update_header(self) -> None:
        person = self.person
        if person is None:
            return
        self.header.setText(formatting.full_name(person.last_name, person.first_name))
        parts = [domain.Public(person.status).label]
        journey = self.journey
        if journey is None:
            parts.append(self.tr("aucun parcours"))
        else:
            parts.append(self.tr("parcours du %s") % formatting.format_date(journey.request_date))
            level = journey.level_reached
            parts.append(
                self.tr("niveau %d atteint") % level if level else self.tr("aucun entretien")
            )
            if journey.closed_on:
                parts.append(self.tr("clôturé le %s") % formatting.format_date(journey.closed_on))
        self.subheader.setText(" · ".join(parts))

    def _tab_changed(self, index: int) -> None:
        if TAB_KEYS[index] == "history" and self.current_beneficiary_id is not None:
            self.refresh_history()

    def refresh_history(self) -> None:
        if self.ws is not None and self.current_beneficiary_id is not None:
            self.history.fill(workspaces.audit_trail(self.ws, self.current_beneficiary_id))

    # ------------------------------------------------------------------------------------------
    # Services for the tabs
    # ------------------------------------------------------------------------------------------
    def public(self) -> domain.Public:
        return domain.Public(self.person.status) if self.person else domain.Public.OTHER

    def catalogue(self) -> Any:
        """The financing and operator catalogue, or None when it is not available."""
        if self._catalogue is not False:
            try:
                from cep_desk import catalogue

                # The workspace's imported catalogue when there is one (cached by the module,
                # re-read when Données › Mettre à jour les dispositifs replaced it).
                self._catalogue = catalogue.catalogue_for(self.ws.path if self.ws else None)
            except Exception as exc:  # the panel works without it
                log.warning("catalogue unavailable: %s", exc)
                self._catalogue = False
        return self._catalogue or None

    def referential(self) -> Any:
        """The ROME / RNCP referential of the workspace, or None."""
        if self._referential is None and self.ws is not None:
            try:
                from cep_desk import referentials

                self._referential = referentials.open_referential(self.ws.path)
            except Exception as exc:
                log.warning("referential unavailable: %s", exc)
                self._referential = False
        return self._referential or None

    def ensure_journey(self, on: date | None = None) -> int:
        """The shown journey's id; one is started when there is none, requested today (or on
        ``on``, the date of the first session typed, when earlier)."""
        if self.journey is None:
            requested = min(date.today(), on) if isinstance(on, date) else date.today()
            self.journey = journeys.start_journey(
                self.ws, self.current_beneficiary_id, request_date=requested
            )
            self.journey_count += 1
            self.identity.journey_started(self.journey)
            self.journey_changed()
        return self.journey.id

    def ensure_project(self) -> int:
        if self.project is None:
            self.project = plan.ensure_project(self.ws, self.ensure_journey())
            self.level2.project_created(self.project)
        return self.project.id

    def start_new_journey(self, *, ask: bool = True) -> bool:
        """ "Nouveau parcours": the person comes back; the previous journey stays as it was."""
        if self.ws is None or self.current_beneficiary_id is None:
            return False
        if ask and not messagebox.confirm(
            self,
            self.tr("Nouveau parcours"),
            self.tr(
                "Ouvrir un nouveau parcours pour cette personne ? Le parcours précédent reste "
                "consultable dans l'historique."
            ),
        ):
            return False
        if not self.flush():
            return False
        try:
            journeys.start_journey(self.ws, self.current_beneficiary_id, request_date=date.today())
        except (ValidationError, NotFound) as exc:
            self.failed.emit(exc.message)
            return False
        self.saved.emit(_now())
        self.reload()
        self.record_changed.emit(self.current_beneficiary_id)
        return True

    def person_saved(self, record: Any, changes: dict[str, Any]) -> None:
        self.person = record
        self.update_header()
        self.level2.funding.person_changed()  # the eligibility marks read the person
        if {"last_name", "first_name", "town", "status", "phone"} & set(changes):
            self.record_changed.emit(record.id)

    def journey_changed(self, record: Any = None) -> None:
        if record is not None:
            self.journey = record
        self.update_header()
        if self.current_beneficiary_id is not None:
            self.record_changed.emit(self.current_beneficiary_id)

    def project_saved(self, record: Any) -> None:
        self.project = record
        self.level2.project_updated(record)

    def sessions_changed(self) -> None:
        """A session was added or deleted: the journey's level and dates follow."""
        self.refresh_journey()
        if self.current_beneficiary_id is not None:
            self.record_changed.emit(self.current_beneficiary_id)

    def refresh_journey(self) -> None:
        """Re-read the journey (level reached, first appointment set by the use cases)."""
        if self.ws is None or self.current_beneficiary_id is None:
            return
        file = beneficiaries.load_file(self.ws, self.current_beneficiary_id, audit=False)
        current = file.current
        self.person = file.beneficiary
        self.journey = current.journey if current else None
        if current is not None:
            self.identity.journey_refreshed(current.journey, file.beneficiary)
            self.level1.decision_refreshed(current.journey)
        self.update_header()


def _now():
    from datetime import UTC, datetime

    return datetime.now(UTC)
