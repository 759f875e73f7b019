"""Niveau 2 — accompagnement personnalisé: its sessions and, in sub-tabs, needs, project,
action plan, financing and calendar."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget

from cep_desk import domain, formatting, kinds
from cep_desk.ui.wheel import WheelSafeTabWidget
from cep_desk.usecases import changes as chg
from cep_desk.usecases import journeys
from cep_desk.usecases.changes import Changes

from . import described
from .calendar import CalendarTab
from .funding import FundingTab
from .needs import NeedsTab
from .project import ProjectTab
from .section import RecordSection
from .steps import StepsTab
from .widgets import Column, TextEdit, tr

if TYPE_CHECKING:
    from cep_desk.usecases.file_context import FileContext

    from .autosave import AutoSave

SUBTAB_KEYS = ("sessions", "needs", "project", "steps", "funding", "calendar")


class SessionsSection(RecordSection):
    """The level-2 sessions of the journey (as many as needed)."""

    shows = frozenset({chg.SESSION})

    def __init__(self, context: FileContext, autosave: AutoSave) -> None:
        self.context = context
        super().__init__(
            autosave,
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
            update=lambda ident, changes: context.run(
                journeys.update_session, context.workspace(), ident, **changes
            ),
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
        editors = described.add_rows(
            self,
            kinds.SESSION,
            form="level2",
            hints={"info_given": tr("Emploi, formation, financements…")},
        )
        agreement = described.editor_of(editors, "agreement", TextEdit)
        agreement.setPlaceholderText(tr("ex. accord d'entreprise du 12/03/2024"))

    def _create(self, values: dict[str, Any]):
        context = self.context
        with context.operation():
            journey_id = context.ensure_journey(values.get("held_on"))
            return context.run(journeys.add_session, context.workspace(), journey_id, 2, **values)

    def _delete(self, ident: int) -> None:
        self.context.run(journeys.delete_session, self.context.workspace(), ident)

    def apply_changes(self, changes: Changes) -> None:
        """Level-2 sessions made elsewhere (the toolbar, « Passer au niveau 2 ») are listed."""
        self.apply_records(changes, chg.SESSION, keep=lambda r: r.level == 2)


class Level2Tab(QWidget):
    show_requested = Signal()  # this tab asks to be the one shown (Ctrl+1…Ctrl+6)

    def __init__(self, context: FileContext, autosave: AutoSave) -> None:
        super().__init__()
        self.sessions = SessionsSection(context, autosave)
        self.needs = NeedsTab(context, autosave)
        self.project = ProjectTab(context, autosave)
        self.steps = StepsTab(context, autosave)
        self.funding = FundingTab(context, autosave)
        self.calendar = CalendarTab()
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
        # Ctrl+1…Ctrl+6: a sub-tab from anywhere in the person's file (the panel makes the
        # shortcuts, see shortcut_sequences).
        self.shortcuts: dict[str, QShortcut] = {}
        for key, text in self.shortcut_sequences().items():
            sequence = QKeySequence(text)
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

    @staticmethod
    def shortcut_sequences() -> dict[str, str]:
        return {key: f"Ctrl+{number}" for number, key in enumerate(SUBTAB_KEYS, start=1)}

    def views(self) -> list[Any]:
        """The sub-tabs showing records (refreshed by the panel from what changed)."""
        return [self.sessions, self.needs, self.project, self.steps, self.funding, self.calendar]

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
        for view in (self.needs, self.project, self.steps, self.funding, self.calendar):
            view.clear()

    def current_key(self) -> str:
        return SUBTAB_KEYS[max(0, self.subtabs.currentIndex())]

    def show_key(self, key: str) -> None:
        if key in SUBTAB_KEYS:
            self.subtabs.setCurrentIndex(SUBTAB_KEYS.index(key))

    def go_to(self, key: str) -> None:
        """Show Niveau 2 and one of its sub-tabs, the focus in it (Ctrl+1…Ctrl+6)."""
        if not self.isEnabled():
            return
        self.show_requested.emit()
        self.show_key(key)
        page = self.pages[key][0]
        focus = QApplication.focusWidget()
        if focus is None or not page.isAncestorOf(focus):
            self.subtabs.tabBar().setFocus(Qt.FocusReason.ShortcutFocusReason)

    def session_added(self, record) -> None:
        self.sessions.model.replace(record)
        self.sessions.select(record.id)
        self.show_key("sessions")
        self.sessions.field("clarified_request").setFocus(Qt.FocusReason.OtherFocusReason)
