"""The selected beneficiary, in tabs: Identité · Niveau 1 · Niveau 2 · Contacts · Documents ·
Historique. Every edit is autosaved through the use cases (see ``autosave.py``).

The shell uses exactly: the signals ``saved``, ``failed``, ``record_changed``; ``set_workspace``,
``load``, ``clear``, ``flush``, ``current_location``, ``restore_location``, ``new_session`` and
``current_beneficiary_id``.
"""

from __future__ import annotations

import logging
from datetime import date
from typing import Any, Protocol, runtime_checkable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from cep_desk import domain, formatting
from cep_desk.domain import ValidationError
from cep_desk.ui import messagebox, theme
from cep_desk.ui.wheel import WheelSafeTabWidget
from cep_desk.usecases import beneficiaries, journeys, workspaces
from cep_desk.usecases import changes as chg
from cep_desk.usecases.changes import Changes
from cep_desk.usecases.common import NotFound
from cep_desk.usecases.file_context import FileContext
from cep_desk.usecases.records import BeneficiaryFile, JourneyFile
from cep_desk.usecases.workspaces import Workspace

from .autosave import AutoSave
from .contacts import ContactsTab
from .documents import DocumentsTab
from .followup import FollowupTab
from .history import HistoryTab
from .identity import IdentityTab
from .level1 import Level1Tab
from .level2 import Level2Tab

log = logging.getLogger(__name__)

TAB_KEYS = ("identity", "level1", "level2", "contacts", "followup", "documents", "history")

# The person's fields shown in the list's columns (a change asks the list to refresh its row).
LIST_FIELDS = frozenset({"last_name", "first_name", "town", "status", "phone"}) | (
    chg.SUMMARY_FIELDS
)


class FileView(Protocol):
    """What a tab of the file declares: the record kinds it shows, and how it refreshes
    itself from a change made anywhere (by itself included: it must then leave alone what it
    already shows, and never a field being typed into)."""

    shows: frozenset[str]

    def apply_changes(self, changes: Changes) -> None: ...


@runtime_checkable
class ClearablePage(Protocol):
    """What every tab of the file has: a way to empty itself (lock, no selection)."""

    def clear(self) -> None: ...


class BeneficiaryPanel(QWidget):
    saved = Signal(object)  # aware datetime of the last successful save
    failed = Signal(str)  # French message of a refused or failed save
    record_changed = Signal(int)  # beneficiary id whose list columns changed
    book_requested = Signal()  # « Rendez-vous… »: the main window opens the booking dialog

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("BeneficiaryPanel")
        self.context = FileContext()
        self._last_shown_id: int | None = None
        self.autosave = AutoSave(self)
        self.autosave.operation = self.context.operation
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
        self.subheader.setWordWrap(True)  # never wider than the file: a long line wraps

        self.tabs = WheelSafeTabWidget()
        self.tabs.setAccessibleName(self.tr("Dossier de la personne"))
        self.tabs.setDocumentMode(True)
        context, autosave = self.context, self.autosave
        self.identity = IdentityTab(context, autosave)
        self.level1 = Level1Tab(context, autosave)
        self.level2 = Level2Tab(context, autosave)
        self.contacts = ContactsTab(context, autosave)
        self.documents = DocumentsTab(context)
        self.followup = FollowupTab(context)
        self.history = HistoryTab(context)
        # The tabs showing records, each refreshed by _dispatch from what changed.
        self.views: list[FileView] = [
            self.identity,
            self.level1,
            *self.level2.views(),
            self.contacts,
            self.followup,
            self.documents,
            self.history,
        ]
        self.context.subscribe(self._dispatch)
        self.identity.new_journey_requested.connect(lambda: self.start_new_journey())
        self.level1.level2_requested.connect(self._go_to_level2)
        self.level2.show_requested.connect(self._show_level2)
        self._add_subtab_shortcuts()
        self.pages = {
            "identity": (self.identity, self.tr("&Identité")),
            "level1": (self.level1, self.tr("Niveau &1")),
            "level2": (self.level2, self.tr("Niveau &2")),
            "contacts": (self.contacts, self.tr("C&ontacts")),
            "followup": (self.followup, self.tr("Satisfaction, suivi à &6 mois")),
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
        self.book_button = QPushButton(self.tr("Rendez-vous… (Ctrl+R)"))
        self.book_button.setObjectName("book_button")
        self.book_button.setAccessibleName(self.tr("Prendre rendez-vous"))
        self.book_button.setToolTip(self.tr("Prendre un rendez-vous pour cette personne"))
        self.book_button.setAutoDefault(False)
        self.book_button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.book_button.clicked.connect(lambda _checked=False: self.book_requested.emit())
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.header, 1)
        top.addWidget(self.book_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(top)
        layout.addWidget(self.subheader)
        layout.addWidget(self.tabs, 1)
        self.clear()

    # ------------------------------------------------------------------------------------------
    # The contract
    # ------------------------------------------------------------------------------------------
    # What is shown (held by the file context, which the tabs are handed)
    @property
    def ws(self) -> Workspace | None:
        return self.context.ws

    @property
    def current_beneficiary_id(self) -> int | None:
        return self.context.beneficiary_id

    @property
    def person(self) -> Any:
        return self.context.person

    @property
    def journey(self) -> Any:
        return self.context.journey

    @property
    def project(self) -> Any:
        return self.context.project

    @property
    def journey_count(self) -> int:
        return self.context.journey_count

    def set_workspace(self, ws: Workspace | None) -> None:
        if ws is not self.ws:
            self.clear()
        self.context.set_workspace(ws)

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
        if beneficiary_id != self._last_shown_id:
            # Another person's file starts at the top of every form (the same person, after
            # an unlock, keeps where the counsellor was).
            for area in self.findChildren(QScrollArea):
                area.verticalScrollBar().setValue(0)
        self._last_shown_id = beneficiary_id

    def clear(self) -> None:
        """Empty every widget and model holding personal data (lock, no selection)."""
        self.autosave.discard()
        self.context.close()
        self.header.setText(self.tr("Aucune personne sélectionnée"))
        self.subheader.setText("")
        for key in TAB_KEYS:
            page = self.pages[key][0]
            assert isinstance(page, ClearablePage), key  # personal data must not stay shown
            page.clear()
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
            if decision is not None and not domain.can_open_level2(decision):
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
        context = self.context
        try:
            with context.operation():  # the tabs show the session once it is made
                journey_id = context.ensure_journey()
                record = context.run(
                    journeys.add_session,
                    context.workspace(),
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

    # ------------------------------------------------------------------------------------------
    # Filling
    # ------------------------------------------------------------------------------------------
    def _fill(self, file: BeneficiaryFile, trail: list) -> None:
        self.autosave.discard()
        self.context.open(file)
        current: JourneyFile | None = file.current
        self._set_enabled(True)
        self.update_header()
        self.identity.fill(file, current)
        self.level1.fill(current)
        self.level2.fill(current)
        self.contacts.fill(current)
        self.followup.fill(current)
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
        self.book_button.setEnabled(enabled)

    def show_session(self, session_id: int) -> bool:
        """The file read again and shown on one session (a session made from an appointment):
        Niveau 1 on it, or Niveau 2 › Entretiens with its row selected."""
        if self.ws is None or self.current_beneficiary_id is None:
            return False
        self.reload()
        for record in self.level1.sessions():
            if record.id == session_id:
                self.tabs.setCurrentWidget(self.level1)
                self.level1.session_added(record)
                return True
        for record in self.level2.sessions.records():
            if record.id == session_id:
                self.tabs.setCurrentWidget(self.level2)
                self.level2.session_added(record)
                return True
        return False

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
        upcoming = self._next_appointment()
        if upcoming is not None:
            parts.append(
                self.tr("prochain rendez-vous %s à %s")
                % (
                    formatting.format_weekday_short(upcoming.day),
                    formatting.format_clock(upcoming.start),
                )
            )
        self.subheader.setText(" · ".join(parts))

    def _next_appointment(self) -> Any:
        """The person's next planned appointment (the agenda's use case), or None."""
        from datetime import datetime

        from cep_desk.usecases import agenda

        if self.ws is None or self.current_beneficiary_id is None:
            return None
        now = datetime.now()
        ahead = [
            row
            for row in agenda.of_person(self.ws, self.current_beneficiary_id)
            if row.status == "planned" and (row.day, row.start) >= (now.date(), now.time())
        ]
        return min(ahead, key=lambda r: (r.day, r.start)) if ahead else None

    def _tab_changed(self, index: int) -> None:
        if TAB_KEYS[index] == "history" and self.current_beneficiary_id is not None:
            self.refresh_history()

    def refresh_history(self) -> None:
        self.history.refresh()

    # ------------------------------------------------------------------------------------------
    # Changes: the one place they reach the tabs
    # ------------------------------------------------------------------------------------------
    def _dispatch(self, changes: Changes) -> None:
        """What one operation changed (published by the file context): each tab showing one of
        the kinds refreshes itself; the header and the list row follow."""
        if self.current_beneficiary_id is None:
            return
        for view in self.views:
            if changes.touches(view.shows):
                view.apply_changes(changes)
        if changes.touches((chg.PERSON, chg.JOURNEY)):
            self.update_header()
        if changes.touches_fields(chg.PERSON, LIST_FIELDS) or changes.touches((chg.JOURNEY,)):
            self.record_changed.emit(self.current_beneficiary_id)

    # ------------------------------------------------------------------------------------------
    # Moving between tabs (asked by the tabs through their signals)
    # ------------------------------------------------------------------------------------------
    def _show_level2(self) -> None:
        if self.tabs.isEnabled():
            self.tabs.setCurrentWidget(self.level2)

    def _go_to_level2(self) -> None:
        """Niveau 2 and its sessions; its first session is created when there is none yet."""
        if self.level2.sessions.records():
            self.tabs.setCurrentWidget(self.level2)
            self.level2.show_key("sessions")
            self.level2.sessions.table.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.new_session(level=2)

    def _add_subtab_shortcuts(self) -> None:
        """Ctrl+1…Ctrl+6: a sub-tab of Niveau 2 from anywhere in the person's file (Alt+1 and
        Alt+2 are the tabs Niveau 1 and Niveau 2)."""
        for key, sequence in self.level2.shortcut_sequences().items():
            shortcut = QShortcut(QKeySequence(sequence), self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(lambda k=key: self.level2.go_to(k))
            self.level2.shortcuts[key] = shortcut

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
        self.reload()  # a new journey is shown: every tab is filled again
        self.record_changed.emit(self.current_beneficiary_id)
        return True


def _now():
    from datetime import UTC, datetime

    return datetime.now(UTC)
