"""A counsellor's day, driven through the real application (no pytest in here).

Used by ``tests/e2e/test_day.py`` (the short day, in ``make test``) and by ``benchmarks/soak.py``
(the long one, ``make soak``). Everything goes through the real widgets: the first-run wizard,
the main window's shortcuts (Ctrl+N, Ctrl+E, Ctrl+F, Ctrl+L, Ctrl+Shift+E, Ctrl+P, Ctrl+Q), the
fields of the panel (text sent as key events, one character at a time, accents included), the
mouse wheel over every combo box, spin box and date or amount field that has no focus.

Two seams only, both documented test hooks of the application: the save-file dialog
(``printing.ask_save_path``) answers a path in the day's folder, and modal prompts are answered
by a watchdog that accepts the plan options dialog and records then closes any other dialog.

What the day typed is kept in :attr:`Day.expected` (the exchange format's field names and
values); :func:`dump_workspace` reads a workspace back in a new process and :func:`compare`
lists every difference.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt, QThreadPool, QTimer
from PySide6.QtGui import QKeyEvent, QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QScrollBar,
    QWidget,
    QWizard,
)

from cep_desk import domain
from cep_desk.ui import printing

# A passphrase with accents, guillemets, an apostrophe and the euro sign: typed as key events
# on the wizard and on the unlock screen, and given to the reopening process by environment.
PASSPHRASE = "Écluse « 42 » d'été, café à 3 € !"
COUNSELLOR = {
    "name": "Hélène N'Diaye-Lefèvre",
    "organisation": "Mon CEP « Île-de-France » — l'équipe d'Évry",
    "region": "Île-de-France",
    "email": "helene.ndiaye@exemple.fr",
    "phone": "01 23 45 67 89",
}
LAST_NAMES = (
    "D'Aubigné",
    "Lefèvre",
    "Nœllec",
    "Müller-Ça",
    "Ébrard",
    "O'Brien",
    "Châtelain",
    "Gärtner",
    "Lacôte",
    "Périé",
)
FIRST_NAMES = ("Élodie", "Anaïs", "François", "Zoé", "Jérôme", "Maëlle", "Noël", "Inès", "Loïc")
# Panel editors whose value the wheel must never change (classes of cep_desk/ui/panel/widgets).
WHEEL_TEXT_EDITORS = ("DateEdit", "AmountEdit", "IntEdit", "TimeEdit")


class DayError(AssertionError):
    """The day could not go on (a wait timed out, a field refused a value…)."""


@dataclass
class DayConfig:
    people: int = 20
    plans: int = 10  # exported, and previewed
    locks: int = 20  # Ctrl+L then unlock with the passphrase
    searches: int = 20
    wheel_rounds: int = 1  # the wheel over every form of a person, this many times
    wheel_every: int = 1  # ... for every n-th person (1: all of them)
    soak_seconds: float = 0.0  # after the day: keep working (edits, wheel, search, locks)
    # Called now and then during the soak with (events sent so far, elapsed seconds).
    on_progress: Callable[[int, float], None] | None = None


@dataclass
class Person:
    index: int
    tag: str
    last_name: str
    first_name: str
    id: int | None = None
    fields: dict[str, Any] = field(default_factory=dict)  # beneficiary columns
    journey: dict[str, Any] = field(default_factory=dict)
    project: dict[str, Any] = field(default_factory=dict)
    # (list key in the exchange format, expected subset of one of its items)
    children: list[tuple[str, dict[str, Any]]] = field(default_factory=list)


@dataclass
class WheelChange:
    where: str
    widget: str
    before: Any
    after: Any


def _iso(day: int, month: int, year: int) -> str:
    return f"{year:04d}-{month:02d}-{day:02d}"


def _fr(day: int, month: int, year: int) -> str:
    return f"{day:02d}/{month:02d}/{year:04d}"


class Day:
    def __init__(
        self,
        directory: Path,
        config: DayConfig,
        wait_until: Callable[[Callable[[], bool], int], None] | None = None,
    ) -> None:
        self.directory = Path(directory)
        self.config = config
        self._wait = wait_until
        self.window: Any = None
        self.people: list[Person] = []
        self.wheel_changes: list[WheelChange] = []
        self.prompts: list[tuple[str, str, str]] = []  # unexpected dialogs: (class, title, text)
        self.events = 0
        self.exports: list[Path] = []
        self.previews = 0
        self.locks = 0
        self.searches = 0
        self.export_dir = self.directory.parent / "plans"
        self.export_dir.mkdir(parents=True, exist_ok=True)
        self._watchdog = QTimer()
        self._watchdog.setInterval(25)
        self._watchdog.timeout.connect(self._answer_dialogs)
        self._started = time.monotonic()

    # ------------------------------------------------------------------------------------------
    # Low-level input
    # ------------------------------------------------------------------------------------------
    def wait(self, predicate: Callable[[], bool], what: str, timeout_ms: int = 15_000) -> None:
        if self._wait is not None:
            try:
                self._wait(predicate, timeout_ms)
            except Exception as exc:
                raise DayError(f"timed out: {what}") from exc
            return
        deadline = time.monotonic() + timeout_ms / 1000
        while not predicate():
            if time.monotonic() > deadline:
                raise DayError(f"timed out: {what}")
            QTest.qWait(5)

    def type_text(self, widget: QWidget, text: str, *, replace: bool = True) -> None:
        """Focus ``widget`` and type ``text`` key by key (non-ASCII characters as the key
        events a French keyboard sends: QTest only maps ASCII)."""
        self.ensure_active(widget)
        widget.setFocus(Qt.FocusReason.TabFocusReason)
        if replace and isinstance(widget, QLineEdit | QPlainTextEdit):
            QTest.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
            QTest.keyClick(widget, Qt.Key.Key_Delete)
            self.events += 4
        for ch in text:
            if ch == "\n":
                QTest.keyClick(widget, Qt.Key.Key_Return)
            elif ch.isascii():
                QTest.keyClicks(widget, ch)
            else:
                for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                    QApplication.sendEvent(
                        widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch)
                    )
            self.events += 2
        self.close_popup()

    def ensure_active(self, widget: QWidget) -> None:
        """Focus changes only reach the widgets of the active window: a completion list that
        closed, or a dialog, may leave another one active on the offscreen platform."""
        top = widget.window()
        if QApplication.activeWindow() is not top:
            top.raise_()
            top.activateWindow()
            self.wait(lambda: QApplication.activeWindow() is top, "window active")

    def close_popup(self) -> None:
        """Escape closes a completion list left open by the typing (the counsellor ignores
        the suggestions: what was typed stays)."""
        for _ in range(3):
            popup = QApplication.activePopupWidget()
            if popup is None:
                return
            QTest.keyClick(popup, Qt.Key.Key_Escape)
            self.events += 2

    def shortcut(self, key: Qt.Key, modifiers=Qt.KeyboardModifier.ControlModifier) -> None:
        """A window shortcut; the window is made active first (a closed dialog may leave no
        active window on the offscreen platform)."""
        if QApplication.activeWindow() is not self.window:
            self.activate()
        QTest.keyClick(self.window, key, modifiers)
        self.events += 2

    def click(self, button: QAbstractButton) -> None:
        QTest.mouseClick(button, Qt.MouseButton.LeftButton)
        self.events += 2

    def leave_field(self) -> None:
        """Move the focus out of the form (its last field commits, as on a real Tab)."""
        self.window.panel.tabs.tabBar().setFocus(Qt.FocusReason.TabFocusReason)

    def settle(self, where: str) -> None:
        """The form just left must be saved without any refused field."""
        from cep_desk.ui.panel.widgets import FieldError

        self.ensure_active(self.window)
        self.leave_field()
        QApplication.processEvents()
        panel = self.window.panel
        errors = [e.message for e in panel.findChildren(FieldError) if e.message]
        if errors:
            raise DayError(f"{where}: refused fields: {errors}")
        if panel.autosave.pending:
            pending = [
                (g.name, [b.name for b in g.dirty]) for g in panel.autosave.groups if g.pending
            ]
            raise DayError(f"{where}: edits still pending after leaving the form: {pending}")

    # ------------------------------------------------------------------------------------------
    # Dialogs: the plan options are accepted, anything else unexpected is noted and closed
    # ------------------------------------------------------------------------------------------
    def _answer_dialogs(self) -> None:
        from cep_desk.ui.first_run import FirstRunWizard
        from cep_desk.ui.main_window import NewPersonDialog
        from cep_desk.ui.pdf_preview import PdfPreviewDialog
        from cep_desk.ui.plan_actions import PlanOptionsDialog

        for w in QApplication.topLevelWidgets():
            if not isinstance(w, QDialog) or not w.isVisible():
                continue
            if isinstance(w, PlanOptionsDialog):
                w.accept()
            elif isinstance(w, FirstRunWizard | NewPersonDialog | PdfPreviewDialog):
                continue
            else:
                text = w.text() if isinstance(w, QMessageBox) else ""
                self.prompts.append((type(w).__name__, w.windowTitle(), text))
                w.reject()

    # ------------------------------------------------------------------------------------------
    # Morning: first run
    # ------------------------------------------------------------------------------------------
    def first_run(self, wizard: QWizard, window: Any) -> None:
        self.window = window
        self._watchdog.start()
        self.wait(lambda: wizard.isVisible(), "the first-run wizard shows")
        next_button = wizard.button(QWizard.WizardButton.NextButton)
        assert wizard.currentId() == wizard.PAGE_LOCATION
        assert Path(wizard.location.path.text()) == self.directory
        self.click(next_button)
        self.wait(lambda: wizard.currentId() == wizard.PAGE_IDENTITY, "identity page")
        page = wizard.identity
        for name in ("name", "organisation", "region", "email", "phone"):
            self.type_text(getattr(page, name), COUNSELLOR[name])
        page.operator_kind.setCurrentIndex(page.operator_kind.findData("regional"))
        self.type_text(page.address, "12, rue de l'Église\n91000 Évry-Courcouronnes")
        self.click(next_button)
        self.wait(lambda: wizard.currentId() == wizard.PAGE_PASSPHRASE, "passphrase page")
        self.type_text(wizard.passphrase.passphrase, PASSPHRASE)
        self.type_text(wizard.passphrase.confirmation, PASSPHRASE)
        commit = wizard.button(QWizard.WizardButton.CommitButton)
        self.wait(lambda: commit.isVisible() and commit.isEnabled(), "passphrase accepted")
        self.click(commit)
        self.wait(lambda: wizard.currentId() == wizard.PAGE_RECOVERY, "workspace created", 60_000)
        assert wizard.recovery.key_label.text() == wizard.recovery_key
        # On the box itself (a wide check box only toggles on its indicator and text).
        kept = wizard.recovery.kept
        QTest.mouseClick(kept, Qt.MouseButton.LeftButton, pos=QPoint(6, kept.height() // 2))
        self.events += 2
        finish = wizard.button(QWizard.WizardButton.FinishButton)
        self.wait(lambda: finish.isEnabled(), "recovery key kept")
        self.click(finish)
        self.wait(lambda: window.isVisible() and not window.is_locked, "main window opens")
        self.activate()

    def activate(self) -> None:
        self.window.raise_()
        self.window.activateWindow()
        self.wait(lambda: QApplication.activeWindow() is self.window, "main window active")

    # ------------------------------------------------------------------------------------------
    # The people
    # ------------------------------------------------------------------------------------------
    def make_person(self, i: int) -> Person:
        tag = f"P{i:02d}"
        last = f"{LAST_NAMES[i % len(LAST_NAMES)]} {chr(65 + i % 26)}{chr(97 + i // 26)}"
        first = FIRST_NAMES[i % len(FIRST_NAMES)]
        return Person(i, tag, last, first)

    def create_person(self, p: Person) -> None:
        from cep_desk.ui.main_window import NewPersonDialog

        w = self.window
        self.shortcut(Qt.Key.Key_N)
        self.wait(
            lambda: any(d.isVisible() for d in w.findChildren(NewPersonDialog)),
            "new person dialog",
        )
        dialog = next(d for d in w.findChildren(NewPersonDialog) if d.isVisible())
        self.type_text(dialog.last_name, p.last_name)
        self.type_text(dialog.first_name, p.first_name)
        status = domain.Public.choices()[p.index % 8][0]
        dialog.public.setCurrentIndex(dialog.public.findData(status))
        self.click(dialog.ok_button)
        self.wait(lambda: not dialog.isVisible(), "person created")
        ident = w.panel.current_beneficiary_id
        if ident is None:
            raise DayError(f"{p.tag}: the new person is not shown")
        p.id = int(ident)
        p.fields.update(last_name=p.last_name, first_name=p.first_name, status=status)

    def fill_identity(self, p: Person) -> None:
        panel = self.window.panel
        panel.tabs.setCurrentWidget(panel.identity)
        f = panel.identity.fields
        i = p.index
        month = 1 + i % 9
        typed = {
            "birth_date": (
                _fr(1 + i % 28, 1 + i % 12, 1960 + i),
                _iso(1 + i % 28, 1 + i % 12, 1960 + i),
            ),
            "phone": (f"06 12 34 56 {i:02d}",) * 2,
            "email": (f"personne.{i:02d}@exemple.fr",) * 2,
            "postcode": (f"{69001 + i % 9}",) * 2,
            "town": (f"Saint-Étienne-l'Été {p.tag}",) * 2,
            "department": (f"Rhône « {p.tag} »",) * 2,
            "region": ("Auvergne-Rhône-Alpes",) * 2,
            "status_detail": (f"CDI à temps partiel, 80 % — {p.tag}",) * 2,
            "sector": (f"Hôtellerie-restauration {p.tag}",) * 2,
            "job_title": (f"Aide-cuisinière d'hôpital {p.tag}",) * 2,
            "notice_given_on": (_fr(5, month, 2026), _iso(5, month, 2026)),
            "notes": (
                f"Notes {p.tag} : « garder le lien », budget 1 200 € l'an.\nÀ revoir en été.",
            )
            * 2,
        }
        for name, (text, value) in typed.items():
            self.type_text(f[name], text)
            p.fields[name] = value
        sex = domain.Sex.choices()[i % 3][0]
        f["sex"].choose(sex)
        level = domain.EducationLevel.choices()[i % 7][0]
        f["education_level"].choose(level)
        p.fields.update(sex=sex, education_level=level)
        # The journey: the request date starts it.
        self.type_text(f["request_date"], _fr(2, month, 2026))
        p.journey["request_date"] = _iso(2, month, 2026)
        self.settle(f"{p.tag} identité")
        reason = domain.RequestReason.choices()[i % 9][0]
        f["reasons"].set_checked(reason)
        p.journey["reasons"] = [reason]
        self.settle(f"{p.tag} motifs")

    def fill_level1(self, p: Person) -> None:
        panel = self.window.panel
        self.shortcut(Qt.Key.Key_E)  # "Nouvel entretien": the level-1 session
        self.wait(lambda: panel.tabs.currentWidget() is panel.level1, "level-1 session")
        l1 = panel.level1
        i = p.index
        month = 1 + i % 9
        session = {"level": 1}
        for name, text, value in (
            ("held_on", _fr(9, month, 2026), _iso(9, month, 2026)),
            (
                "start_time",
                f"{9 + i % 8}h{(i * 5) % 60:02d}",
                f"{9 + i % 8:02d}:{(i * 5) % 60:02d}",
            ),
            ("duration_min", str(30 + i), 30 + i),
            ("request_expressed", f"« Je veux changer de métier » ({p.tag}), coût 2 500 €.", None),
            ("first_analysis", f"Première analyse {p.tag} : l'envie est là, à préciser.", None),
            ("environment_info", f"Le métier recrute dans l'Ain — {p.tag}.", None),
            ("possible_steps", f"Bilan, VAE ou CAP {p.tag} ; financement « CPF ».", None),
            ("actors", f"Transitions Pro {p.tag}, France Travail", None),
        ):
            self.type_text(l1.fields[name], text)
            session[name] = text if value is None else value
        modality = domain.Modality.choices()[i % 3][0]
        l1.fields["modality"].choose(modality)
        session["modality"] = modality
        self.settle(f"{p.tag} niveau 1")
        l1.decision.choose(domain.Level1Decision.CONTINUE.value)
        p.journey["level1_decision"] = domain.Level1Decision.CONTINUE.value
        self.settle(f"{p.tag} décision")
        p.children.append(("sessions", session))

    def fill_level2(self, p: Person) -> None:
        panel = self.window.panel
        l2 = panel.level2
        i = p.index
        month = 1 + i % 9
        self.shortcut(Qt.Key.Key_E)  # the level-2 session (the decision allows it)
        self.wait(
            lambda: panel.tabs.currentWidget() is l2 and l2.sessions.model.rowCount() == 1,
            "level-2 session",
        )
        s = l2.sessions
        session = {"level": 2}
        for name, text, value in (
            ("held_on", _fr(23, month, 2026), _iso(23, month, 2026)),
            ("clarified_request", f"Demande clarifiée {p.tag} : « cuisinier·ère » en 1 an.", None),
            ("info_given", f"Infos {p.tag} : PTP, 120 jours avant l'absence ; 9 000 €.", None),
            ("remarks", f"Remarque {p.tag} : très motivée, garde d'enfants à prévoir.", None),
            ("next_appointment_on", _fr(7, month + 1, 2026), _iso(7, month + 1, 2026)),
        ):
            self.type_text(s.field(name), text)
            session[name] = text if value is None else value
        self.settle(f"{p.tag} entretien N2")
        p.children.append(("sessions", session))

        # Needs ---------------------------------------------------------------------------
        l2.show_key("needs")
        needs = l2.needs.section
        themes = domain.NeedTheme.choices()
        for k in range(2):
            self.click(needs.add_button)
            theme = themes[(i + k) % len(themes)][0]
            needs.field("theme").choose(theme)
            text = f"Besoin {k + 1} de {p.tag} : « trouver l'équilibre », 300 € par mois."
            self.type_text(needs.field("description"), text)
            self.settle(f"{p.tag} besoin {k + 1}")
            p.children.append(("needs", {"theme": theme, "description": text}))
        self.wait(lambda: needs.model.rowCount() == 2, "two needs")

        # Project -------------------------------------------------------------------------
        l2.show_key("project")
        proj = l2.project
        kind = domain.ProjectKind.choices()[i % 8][0]
        proj.fields["kind"].choose(kind)
        p.project["kind"] = kind
        for name, text, value in (
            ("target_job_label", f"Cuisinière de collectivité {p.tag}", None),
            ("certification_label", f"CAP « Cuisine » d'État {p.tag}", None),
            ("description", f"Projet {p.tag} : se reconvertir, l'été 2027, budget 4 800 €.", None),
            ("training_start_on", _fr(1, 2 + i % 9, 2027), _iso(1, 2 + i % 9, 2027)),
        ):
            self.type_text(proj.fields[name], text)
            p.project[name] = text if value is None else value
        self.settle(f"{p.tag} projet")

        # Steps ---------------------------------------------------------------------------
        l2.show_key("steps")
        steps = l2.steps.section
        owners = domain.StepOwner.choices()
        for k in range(2):
            self.click(steps.add_button)
            title = f"Étape {k + 1} de {p.tag} : « déposer » l'avis"
            self.type_text(steps.field("title"), title)
            owner = owners[(i + k) % 2][0]  # the person or the counsellor (no partner needed)
            steps.field("owner").choose(owner)
            start, due = (1, 1 + k * 3, 2027), (28, 2 + k * 3, 2027)
            self.type_text(steps.field("start_on"), _fr(*start))
            self.type_text(steps.field("due_on"), _fr(*due))
            self.settle(f"{p.tag} étape {k + 1}")
            p.children.append(
                (
                    "steps",
                    {
                        "title": title,
                        "owner": owner,
                        "start_on": _iso(*start),
                        "due_on": _iso(*due),
                    },
                )
            )
        self.wait(lambda: steps.model.rowCount() == 2, "two steps")

        # Financing -----------------------------------------------------------------------
        l2.show_key("funding")
        fund = l2.funding
        lines = fund.section
        for k in range(2):
            self.click(lines.add_button)
            label = f"Fonds « Zéphyr » {p.tag}-{k + 1}"
            funder = f"Région d'Auvergne {p.tag}"
            self.type_text(lines.field("scheme").lineEdit(), label)
            self.type_text(lines.field("funder"), funder)
            euros, cents = 1000 + 37 * i + k, (i * 7 + k) % 100
            self.type_text(fund.requested, f"{euros},{cents:02d}")
            status = domain.FundingStatus.REQUESTED.value
            fund.status.choose(status)
            self.settle(f"{p.tag} financement {k + 1}")
            p.children.append(
                (
                    "funding",
                    {
                        "scheme_code": "",
                        "scheme_label": label,
                        "funder": funder,
                        "amount_requested_cents": euros * 100 + cents,
                        "status": status,
                    },
                )
            )
        self.wait(lambda: lines.model.rowCount() == 2, "two financing lines")

    # ------------------------------------------------------------------------------------------
    # The wheel over every form
    # ------------------------------------------------------------------------------------------
    def pages(self) -> list[tuple[str, Callable[[], None]]]:
        panel = self.window.panel

        def tab(widget: QWidget, sub: str | None = None) -> Callable[[], None]:
            def show() -> None:
                panel.tabs.setCurrentWidget(widget)
                if sub is not None:
                    panel.level2.show_key(sub)

            return show

        pages = [("Identité", tab(panel.identity)), ("Niveau 1", tab(panel.level1))]
        for sub in ("sessions", "needs", "project", "steps", "funding", "calendar"):
            pages.append((f"Niveau 2 / {sub}", tab(panel.level2, sub)))
        pages += [
            ("Contacts", tab(panel.contacts)),
            ("Documents", tab(panel.documents)),
            ("Historique", tab(panel.history)),
        ]
        return pages

    @staticmethod
    def wheel_targets(root: QWidget) -> list[QWidget]:
        found = []
        for w in root.findChildren(QWidget):
            if not w.isVisible() or not w.isEnabled():
                continue
            if isinstance(w, QScrollBar):
                continue
            if (
                isinstance(w, QComboBox | QAbstractSpinBox | QAbstractSlider)
                or type(w).__name__ in WHEEL_TEXT_EDITORS
            ):
                found.append(w)
        return found

    @staticmethod
    def widget_value(w: QWidget) -> Any:
        if isinstance(w, QComboBox):
            return (w.currentIndex(), w.currentText())
        if isinstance(w, QAbstractSpinBox):
            return w.text()
        if isinstance(w, QAbstractSlider):
            return w.value()
        if isinstance(w, QLineEdit):
            return w.text()
        return None

    def wheel_over(self, w: QWidget) -> None:
        centre = QPointF(w.rect().center())
        for dy in (-120, -120, 120, 240, -120):
            event = QWheelEvent(
                centre,
                QPointF(w.mapToGlobal(centre.toPoint())),
                QPoint(0, 0),
                QPoint(0, dy),
                Qt.MouseButton.NoButton,
                Qt.KeyboardModifier.NoModifier,
                Qt.ScrollPhase.NoScrollPhase,
                False,
            )
            QApplication.sendEvent(w, event)
            self.events += 1

    def wheel_over_forms(self, where: str) -> None:
        """Roll the wheel over every combo, spin, date and amount field of every page and of
        the list pane, none of them having the focus; note (and undo) any value it changes."""
        window = self.window
        changes_before = len(self.wheel_changes)
        for name, show in self.pages():
            show()
            QApplication.processEvents()
            self.leave_field()
            targets = self.wheel_targets(window.panel) + self.wheel_targets(
                window.main_view.widget(0)
            )
            for w in targets:
                if w.hasFocus():
                    continue
                before = self.widget_value(w)
                self.wheel_over(w)
                after = self.widget_value(w)
                if after != before:
                    label = w.accessibleName() or w.objectName() or type(w).__name__
                    self.wheel_changes.append(
                        WheelChange(f"{where} / {name}", label, before, after)
                    )
                    self._undo(w, before)
        window.panel.tabs.setCurrentWidget(window.panel.identity)
        if len(self.wheel_changes) > changes_before:
            # What the wheel changed was put back and saved again; an empty form that the
            # wheel tried to save (a refused record) is forgotten by reading the file again.
            window.panel.autosave.discard()
            window.panel.reload()
        self.settle(f"{where}: after the wheel")
        if window.is_locked:
            raise DayError(f"{where}: the wheel locked the window")

    def _undo(self, w: QWidget, before: Any) -> None:
        if isinstance(w, QComboBox):
            w.setCurrentIndex(before[0])
            if w.isEditable():  # free text (a scheme typed by hand)
                w.setEditText(before[1])
            w.activated.emit(before[0])  # the panel's combos save on 'activated'
        elif isinstance(w, QLineEdit):
            w.setText(before)
            w.editingFinished.emit()
        QApplication.processEvents()

    # ------------------------------------------------------------------------------------------
    # Search, select, lock, plans
    # ------------------------------------------------------------------------------------------
    def search_for(self, p: Person) -> None:
        w = self.window
        self.shortcut(Qt.Key.Key_F)
        self.wait(lambda: w.search.hasFocus(), "search field focused")
        # Part of the name, accents and apostrophe included, in lower case.
        text = p.last_name.lower()
        self.type_text(w.search, text)
        self.wait(
            lambda: w.model.filter.query == text and w.model.row_of(p.id) is not None,
            f"search finds {p.tag}",
        )
        self.searches += 1
        QTest.keyClick(w.search, Qt.Key.Key_Return)  # the first row, the list focused
        self.events += 2
        self.wait(lambda: w.panel.current_beneficiary_id is not None, "a row selected")
        if w.panel.current_beneficiary_id != p.id:
            w.select_person(p.id)
        self.wait(lambda: w.panel.current_beneficiary_id == p.id, f"{p.tag} shown")

    def show_person(self, p: Person) -> None:
        """Select the person in the whole list (the search emptied first)."""
        w = self.window
        if w.search.text():
            self.clear_search()
        while w.model.row_of(p.id) is None and w.model.canFetchMore():
            w.model.fetchMore()
        if not w.select_person(p.id):
            raise DayError(f"{p.tag} not in the list")

    def clear_search(self) -> None:
        w = self.window
        self.type_text(w.search, "")
        self.wait(lambda: w.model.filter.query == "", "search cleared")

    def lock_and_unlock(self) -> None:
        w = self.window
        location = dict(w.panel.current_location())
        self.shortcut(Qt.Key.Key_L)
        self.wait(lambda: w.is_locked, "locked")
        from tests.ui.shell_support import holds

        for p in self.people[-3:]:
            if holds(w, p.tag):
                raise DayError(f"{p.tag} still on screen once locked")
        self.type_text(w.unlock_screen.secret, PASSPHRASE)
        QTest.keyClick(w.unlock_screen.secret, Qt.Key.Key_Return)
        self.events += 2
        self.wait(lambda: not w.is_locked, "unlocked", 30_000)
        self.locks += 1
        if w.panel.current_location() != location:
            raise DayError(f"unlock: {w.panel.current_location()} instead of {location}")
        self.activate()

    def export_plan(self, p: Person) -> None:
        w = self.window
        target = self.export_dir / f"plan-{p.tag}-{len(self.exports)}.pdf"
        issued: list[int] = []
        w.plan_actions.issued.connect(issued.append)
        try:
            with _answer_save_dialog(target):
                self.shortcut(
                    Qt.Key.Key_E,
                    Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
                )
                self.wait(lambda: issued == [p.id], f"plan of {p.tag} exported", 30_000)
        finally:
            w.plan_actions.issued.disconnect(issued.append)
        if not target.read_bytes().startswith(b"%PDF"):
            raise DayError(f"{target} is not a PDF")
        self.exports.append(target)

    def preview_plan(self, p: Person) -> None:
        w = self.window
        before = w.plan_actions.last_preview
        self.shortcut(Qt.Key.Key_P)
        self.wait(
            lambda: (
                w.plan_actions.last_preview is not None
                and w.plan_actions.last_preview is not before
            ),
            f"preview of {p.tag}",
            30_000,
        )
        dialog = w.plan_actions.last_preview
        self.wait(lambda: dialog.page_count() >= 1, f"preview of {p.tag} rendered", 30_000)
        self.click(dialog.close_button)
        self.wait(lambda: not dialog.isVisible(), "preview closed")
        self.previews += 1
        self.activate()

    # ------------------------------------------------------------------------------------------
    # The day
    # ------------------------------------------------------------------------------------------
    def run(self) -> None:
        cfg = self.config
        for i in range(cfg.people):
            p = self.make_person(i)
            self.people.append(p)
            self.create_person(p)
            self.fill_identity(p)
            self.fill_level1(p)
            self.fill_level2(p)
            rounds = cfg.wheel_rounds if i % max(1, cfg.wheel_every) == 0 else 0
            for r in range(rounds):
                self.wheel_over_forms(f"{p.tag} tour {r + 1}")
        for k in range(max(cfg.plans, cfg.locks, cfg.searches)):
            p = self.people[k % len(self.people)]
            if k < cfg.searches:
                self.search_for(p)
            else:
                self.show_person(p)
            if k < cfg.plans:
                self.export_plan(p)
                self.preview_plan(p)
            if k < cfg.locks:
                self.lock_and_unlock()
        self.clear_search()
        if cfg.soak_seconds > 0:
            self.soak(cfg.soak_seconds)

    def soak(self, seconds: float) -> None:
        """Keep working until ``seconds`` have passed: open each person in turn, add a line
        to the notes, roll the wheel, search; lock and unlock, export a plan now and then."""
        end = time.monotonic() + seconds
        k = 0
        progress = self.config.on_progress
        while time.monotonic() < end:
            p = self.people[k % len(self.people)]
            self.search_for(p)
            panel = self.window.panel
            panel.tabs.setCurrentWidget(panel.identity)
            notes = panel.identity.fields["notes"]
            line = f"Suivi {p.tag}-{k} : « rappel » à l'été, 50 €."
            notes.setFocus()
            notes.moveCursor(notes.textCursor().MoveOperation.End)
            self.type_text(notes, "\n" + line, replace=False)
            p.fields["notes"] = p.fields["notes"] + "\n" + line
            self.settle(f"{p.tag} soak notes")
            self.wheel_over_forms(f"soak {k}")
            if k % 10 == 9:
                self.lock_and_unlock()
            if k % 25 == 24:
                self.export_plan(p)
            self.clear_search()
            k += 1
            if progress is not None:
                progress(self.events, time.monotonic() - self._started)

    def quit(self) -> None:
        """Ctrl+Q: the real quit path (edits saved, workspace locked, settings written)."""
        self.shortcut(Qt.Key.Key_Q)
        self.wait(lambda: not self.window.isVisible(), "window closed")
        self._watchdog.stop()
        QThreadPool.globalInstance().waitForDone(30_000)

    @property
    def expected(self) -> list[Person]:
        return self.people


class _answer_save_dialog:
    """The save dialog answers ``target`` (printing.ask_save_path is the test seam)."""

    def __init__(self, target: Path) -> None:
        self.target = target

    def __enter__(self) -> None:
        self._saved = printing.ask_save_path
        printing.ask_save_path = lambda _parent, _title, _name: self.target

    def __exit__(self, *exc: object) -> None:
        printing.ask_save_path = self._saved


# ----------------------------------------------------------------------------------------------
# Reading back, in a new process
# ----------------------------------------------------------------------------------------------
_DUMP = """
import json, sys
from pathlib import Path
from cep_desk.usecases.lifecycle import exchange
from cep_desk.usecases import workspaces
import os
ws = workspaces.open_(Path(sys.argv[1]), os.environ["CEP_DESK_PASSPHRASE"])
try:
    data = exchange.export_json(ws, None)
    c = workspaces.get_counsellor(ws)
    data["counsellor"] = {k: getattr(c, k) for k in ("name", "organisation", "region", "email",
                                                    "phone", "address", "operator_kind")}
    print(exchange.dumps(data))
finally:
    ws.close()
"""


def dump_workspace(directory: Path, passphrase: str = PASSPHRASE) -> dict[str, Any]:
    """Every record of the workspace, read by a new process with the passphrase."""
    env = dict(os.environ, CEP_DESK_PASSPHRASE=passphrase)
    result = subprocess.run(
        [sys.executable, "-c", _DUMP, str(directory)],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        encoding="utf-8",
    )
    if result.returncode != 0:
        raise DayError(f"reopening failed ({result.returncode}): {result.stderr[-2000:]}")
    return json.loads(result.stdout)


def _items(node: Any, key: str) -> list[dict[str, Any]]:
    """Every dict found in a list under ``key`` anywhere below ``node``."""
    found: list[dict[str, Any]] = []
    if isinstance(node, dict):
        for k, v in node.items():
            if k == key and isinstance(v, list):
                found += [x for x in v if isinstance(x, dict)]
            found += _items(v, key)
    elif isinstance(node, list):
        for x in node:
            found += _items(x, key)
    return found


def compare(dump: dict[str, Any], people: list[Person], exported: int = 0) -> list[str]:
    """Every typed value that is not in ``dump`` exactly (an empty list when all are)."""
    problems: list[str] = []
    counsellor = dump.get("counsellor", {})
    for key, value in COUNSELLOR.items():
        if counsellor.get(key) != value:
            problems.append(f"counsellor.{key}: {counsellor.get(key)!r} != {value!r}")
    if counsellor.get("address") != "12, rue de l'Église\n91000 Évry-Courcouronnes":
        problems.append(f"counsellor.address: {counsellor.get('address')!r}")
    by_name = {(r["last_name"], r["first_name"]): r for r in dump["people"]}
    if len(dump["people"]) != len(people):
        problems.append(f"{len(dump['people'])} people in the workspace, {len(people)} created")
    for p in people:
        rec = by_name.get((p.last_name, p.first_name))
        if rec is None:
            problems.append(f"{p.tag}: {p.last_name} {p.first_name} missing")
            continue
        for key, value in p.fields.items():
            if rec.get(key) != value:
                problems.append(f"{p.tag}.{key}: {rec.get(key)!r} != {value!r}")
        journeys = rec.get("journeys") or []
        if len(journeys) != 1:
            problems.append(f"{p.tag}: {len(journeys)} journeys")
            continue
        j = journeys[0]
        for key, value in p.journey.items():
            if j.get(key) != value:
                problems.append(f"{p.tag}.journey.{key}: {j.get(key)!r} != {value!r}")
        projects = _items(j, "projects")
        if len(projects) != 1:
            problems.append(f"{p.tag}: {len(projects)} projects")
        else:
            for key, value in p.project.items():
                if projects[0].get(key) != value:
                    problems.append(f"{p.tag}.project.{key}: {projects[0].get(key)!r} != {value!r}")
        for list_key, subset in p.children:
            candidates = _items(j, list_key)
            if not any(all(c.get(k) == v for k, v in subset.items()) for c in candidates):
                problems.append(
                    f"{p.tag}.{list_key}: no item with {subset!r}; there are "
                    + repr([{k: c.get(k) for k in subset} for c in candidates])
                )
        for list_key in ("sessions", "needs", "steps", "funding"):
            want = sum(1 for k, _ in p.children if k == list_key)
            got = len(_items(j, list_key))
            if got != want:
                problems.append(f"{p.tag}.{list_key}: {got} items, {want} typed")
    if exported:
        docs = [d for d in _items(dump["people"], "documents") if d.get("channel") == "export"]
        if len(docs) != exported:
            problems.append(f"{len(docs)} exported plans recorded, {exported} exported")
    return problems
