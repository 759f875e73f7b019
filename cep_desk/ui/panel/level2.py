"""Niveau 2 — accompagnement personnalisé: its sessions and, in sub-tabs, needs, project,
action plan, financing and calendar."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget

from cep_desk import domain, formatting
from cep_desk.ui.wheel import WheelSafeTabWidget
from cep_desk.usecases import journeys

from .calendar import CalendarTab
from .funding import FundingTab
from .needs import NeedsTab
from .project import ProjectTab
from .section import RecordSection
from .steps import StepsTab
from .widgets import (
    CheckBox,
    ChoiceCombo,
    Column,
    DateEdit,
    IntEdit,
    NoteEdit,
    TextEdit,
    TimeEdit,
    tr,
)

if TYPE_CHECKING:
    from .panel import BeneficiaryPanel

SUBTAB_KEYS = ("sessions", "needs", "project", "steps", "funding", "calendar")


class SessionsSection(RecordSection):
    """The level-2 sessions of the journey (as many as needed)."""

    def __init__(self, panel: BeneficiaryPanel) -> None:
        self.panel = panel
        super().__init__(
            panel.autosave,
            "level2-session",
            columns=[
                Column(tr("Date"), lambda r: formatting.format_date(r.held_on)),
                Column(tr("Heure"), lambda r: r.start_time),
                Column(tr("Durée"), lambda r: formatting.format_duration_minutes(r.duration_min)),
                Column(tr("Modalité"), lambda r: domain.Modality(r.modality).label),
                Column(
                    tr("Temps de travail"),
                    lambda r: tr("Oui (%s)") % r.agreement if r.on_working_time else tr("Non"),
                ),
                Column(
                    tr("Prochain rendez-vous"),
                    lambda r: formatting.format_date(r.next_appointment_on),
                ),
            ],
            table_name=tr("Entretiens de niveau 2"),
            noun=tr("l'entretien"),
            new_title=tr("Nouvel entretien de niveau 2 — enregistré dès la première saisie"),
            add_label=tr("&Nouvel entretien"),
            delete_label=tr("Supprimer l'entretien"),
            create=self._create,
            update=lambda ident, changes: journeys.update_session(panel.ws, ident, **changes),
            delete=self._delete,
            describe=lambda r: (
                tr("Entretien de niveau 2 du %s") % formatting.format_date(r.held_on)
            ),
            defaults=lambda: {
                "held_on": date.today(),
                "modality": domain.Modality.FACE_TO_FACE.value,
            },
        )
        self.table.set_widths([100, 70, 80, 120, 170])
        self.add_field(tr("&Date :"), DateEdit(required=True), "held_on")
        self.add_field(tr("Heure de début :"), TimeEdit(), "start_time")
        self.add_field(tr("Durée (minutes) :"), IntEdit(1, 24 * 60), "duration_min")
        self.add_field(tr("Modalité :"), ChoiceCombo(domain.Modality.choices()), "modality")
        working = CheckBox(tr("Sur le temps de travail, en application d'un accord"))
        self.add_field(tr("Temps de travail :"), working, "on_working_time")
        agreement = TextEdit(max_len=200)
        agreement.setPlaceholderText(tr("ex. accord d'entreprise du 12/03/2024"))
        self.add_field(tr("Accord :"), agreement, "agreement")
        self.add_field(tr("Demande &clarifiée :"), NoteEdit(lines=3), "clarified_request")
        self.add_field(
            tr("Infor&mation donnée :"),
            NoteEdit(lines=3),
            "info_given",
            hint=tr("Emploi, formation, financements…"),
        )
        self.add_field(tr("&Remarques :"), NoteEdit(lines=2), "remarks")
        self.add_field(tr("Prochain rendez-&vous :"), DateEdit(), "next_appointment_on")
        self.structure_changed.connect(panel.sessions_changed)

    def _saved(self, record, changes) -> None:
        creating = self.current_id is None
        super()._saved(record, changes)
        if not creating and "held_on" in changes:  # the last contact date may follow
            self.panel.sessions_changed()

    def _create(self, values: dict[str, Any]):
        journey_id = self.panel.ensure_journey(values.get("held_on"))
        return journeys.add_session(self.panel.ws, journey_id, 2, **values)

    def _delete(self, ident: int) -> None:
        journeys.delete_session(self.panel.ws, ident)


class Level2Tab(QWidget):
    def __init__(self, panel: BeneficiaryPanel) -> None:
        super().__init__()
        self.panel = panel
        self.sessions = SessionsSection(panel)
        self.needs = NeedsTab(panel)
        self.project = ProjectTab(panel)
        self.steps = StepsTab(panel)
        self.funding = FundingTab(panel)
        self.calendar = CalendarTab(panel)
        self.steps.section.records_changed.connect(self._steps_changed)
        self.subtabs = WheelSafeTabWidget()
        self.subtabs.setAccessibleName(self.tr("Niveau 2"))
        sessions_page = QWidget()
        page_lay = QVBoxLayout(sessions_page)
        page_lay.setContentsMargins(8, 8, 8, 8)
        page_lay.addWidget(self.sessions)
        self.sessions.setMinimumHeight(300)
        self.pages = {
            "sessions": (sessions_page, self.tr("Entretiens")),
            "needs": (self.needs, self.tr("Besoins et priorités")),
            "project": (self.project, self.tr("Projet")),
            "steps": (self.steps, self.tr("Plan d'action")),
            "funding": (self.funding, self.tr("Financement")),
            "calendar": (self.calendar, self.tr("Calendrier")),
        }
        for key in SUBTAB_KEYS:
            widget, title = self.pages[key]
            self.subtabs.addTab(widget, title)
        # Ctrl+1…Ctrl+6: a sub-tab from anywhere in the person's file (Alt+1 and Alt+2 are
        # the tabs Niveau 1 and Niveau 2).
        self.shortcuts: dict[str, QShortcut] = {}
        for number, key in enumerate(SUBTAB_KEYS, start=1):
            sequence = QKeySequence(f"Ctrl+{number}")
            shortcut = QShortcut(sequence, panel)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(lambda k=key: self.go_to(k))
            self.shortcuts[key] = shortcut
            index = SUBTAB_KEYS.index(key)
            self.subtabs.setTabToolTip(
                index,
                self.tr("%s (raccourci : %s)")
                % (
                    self.pages[key][1],
                    sequence.toString(QKeySequence.SequenceFormat.NativeText),
                ),
            )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 6, 4, 4)
        layout.addWidget(self.subtabs)

    def fill(self, current) -> None:
        sessions = [s for s in current.sessions if s.level == 2] if current else []
        self.sessions.set_records(sessions, select=sessions[-1].id if sessions else None)
        self.needs.fill(current)
        self.project.fill(current)
        self.steps.fill(current)
        self.funding.fill(current)
        self.calendar.fill(current.steps if current else [])

    def clear(self) -> None:
        self.sessions.clear()
        for key in SUBTAB_KEYS[1:]:
            self.pages[key][0].clear()

    def current_key(self) -> str:
        return SUBTAB_KEYS[max(0, self.subtabs.currentIndex())]

    def show_key(self, key: str) -> None:
        if key in SUBTAB_KEYS:
            self.subtabs.setCurrentIndex(SUBTAB_KEYS.index(key))

    def go_to(self, key: str) -> None:
        """Show Niveau 2 and one of its sub-tabs, the focus in it (Ctrl+1…Ctrl+6)."""
        if not self.panel.tabs.isEnabled():
            return
        self.panel.tabs.setCurrentWidget(self)
        self.show_key(key)
        page = self.pages[key][0]
        if not page.isAncestorOf(QApplication.focusWidget()):
            self.subtabs.tabBar().setFocus(Qt.FocusReason.ShortcutFocusReason)

    def session_added(self, record) -> None:
        self.sessions.model.replace(record)
        self.sessions.select(record.id)
        self.show_key("sessions")
        self.sessions.field("clarified_request").setFocus(Qt.FocusReason.OtherFocusReason)

    def project_created(self, record) -> None:
        self.project.project_created(record)

    def project_updated(self, record) -> None:
        self.funding.refresh_totals()
        self.steps.project_updated(record)

    def _steps_changed(self) -> None:
        self.calendar.set_steps(self.steps.section.records())
