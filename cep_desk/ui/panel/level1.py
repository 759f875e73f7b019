"""Niveau 1 — accueil individualisé: the level-1 session and the decision that follows it."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from cep_desk import domain, formatting, geography, kinds
from cep_desk.ui.wheel import WheelSafeCombo
from cep_desk.usecases import changes as chg
from cep_desk.usecases import journeys
from cep_desk.usecases.changes import Changes

from . import described
from .widgets import (
    ChoiceCombo,
    Columns,
    DateEdit,
    GridColumns,
    TextEdit,
    field_row,
    hint_label,
    new_form,
    stacked_field,
    tr,
)

if TYPE_CHECKING:
    from cep_desk.usecases.file_context import FileContext

    from .autosave import AutoSave

META_COLUMNS_MIN_WIDTH = 960  # below this visible width, the session details stack
TEXT_COLUMNS_MIN_WIDTH = 640  # below this, the texts of the session take one column


class Level1Tab(QWidget):
    shows = frozenset({chg.SESSION, chg.JOURNEY})
    level2_requested = Signal()  # « Passer au niveau 2 »: the panel shows it (or opens it)

    def __init__(self, context: FileContext, autosave: AutoSave) -> None:
        super().__init__()
        self.context = context
        self._sessions: list[Any] = []
        self.session: Any = None
        self.fields: dict[str, Any] = {}
        self.session_group = autosave.group(
            "level1",
            self._save_session,
            creating=lambda: self.session is None,
            saved=self._session_saved,
        )
        self.decision_group = autosave.group(
            "decision", self._save_decision, saved=self._decision_saved
        )

        # Which level-1 session (rarely more than one) --------------------------------------
        self.selector = WheelSafeCombo()
        self.selector.setAccessibleName(tr("Entretien de niveau 1 affiché"))
        self.selector.activated.connect(self._select)
        self.selector_label = QLabel(tr("Entretien affiché :"))
        self.selector_label.setBuddy(self.selector)
        self.status = hint_label("")
        top = QHBoxLayout()
        top.addWidget(self.status, 1)
        top.addWidget(self.selector_label)
        top.addWidget(self.selector)

        # The session's rows come from the session kind's « level1 » form (texts, limits,
        # editors): its details in two columns, its texts each in a box of their own.
        rows = described.form_editors(kinds.SESSION, "level1")
        details = [(row, f, widget) for row, f, widget in rows if not row.lines]
        texts = [(row, f, widget) for row, f, widget in rows if row.lines]

        # Session details -------------------------------------------------------------------
        meta = QGroupBox(tr("Entretien"))
        left, right = new_form(), new_form()
        half = (len(details) + 1) // 2
        for index, (row, f, widget) in enumerate(details):
            error = field_row(left if index < half else right, tr(row.text), widget)
            self.session_group.bind(f.name, widget, error)
            self.fields[f.name] = widget
        agreement = self.fields["agreement"]
        agreement.setPlaceholderText(tr("ex. accord de branche de la métallurgie"))
        self.fields["on_working_time"].toggled.connect(agreement.setEnabled)
        # Side by side on a wide screen, one above the other on a laptop.
        self.meta_columns = Columns(META_COLUMNS_MIN_WIDTH)
        self.meta_columns.add(left)
        self.meta_columns.add(right)
        meta_lay = QVBoxLayout(meta)
        meta_lay.addWidget(self.meta_columns)

        # Content ---------------------------------------------------------------------------
        content = QGroupBox(tr("Contenu de l'entretien"))
        self.text_columns = GridColumns(TEXT_COLUMNS_MIN_WIDTH)
        QVBoxLayout(content).addWidget(self.text_columns)
        self.propose_button = QPushButton(tr("Propo&ser…"))
        self.propose_button.setAccessibleName(
            tr("Proposer des acteurs selon le statut et la région")
        )
        self.propose_button.setToolTip(
            tr(
                "Les opérateurs du catalogue pour le statut de la personne : nationaux et de sa "
                "région (d'après le code postal), avec leurs coordonnées"
            )
        )
        self.propose_button.clicked.connect(self.propose_actors)
        self.actors_menu = QMenu(self)
        self.actors_menu.setAccessibleName(tr("Acteurs proposés"))
        hints = {
            "environment_info": tr("Situation de l'emploi, évolution des métiers…"),
            "possible_steps": tr("Aides, prestations, formation…"),
        }
        for row, f, editor in texts:
            extra = self.propose_button if f.name == "actors" else None
            box, error = stacked_field(tr(row.text), editor, hint=hints.get(f.name), extra=extra)
            self.session_group.bind(f.name, editor, error)
            self.fields[f.name] = editor
            self.text_columns.add(box)
        QWidget.setTabOrder(self.fields["actors"], self.propose_button)

        # Decision --------------------------------------------------------------------------
        decision_box = QGroupBox(tr("Décision à l'issue du niveau 1"))
        form = new_form()
        self.decision = ChoiceCombo(domain.Level1Decision.choices(), empty_label=tr("À décider"))
        error = field_row(form, tr("Décisio&n :"), self.decision)
        self.decision_group.bind("level1_decision", self.decision, error)
        self.redirect_to = TextEdit(max_len=200)
        self.redirect_to.setPlaceholderText(tr("L'acteur vers qui la personne est réorientée"))
        error = field_row(form, tr("Vers &qui :"), self.redirect_to)
        self.decision_group.bind("redirect_to", self.redirect_to, error)
        self.decision.currentIndexChanged.connect(self._decision_shown)
        # After « Poursuivre en niveau 2 »: the way there, at hand.
        self.level2_button = QPushButton(tr("Passer au ni&veau 2"))
        self.level2_button.setObjectName("go_to_level2")
        self.level2_button.setAccessibleName(tr("Passer au niveau 2"))
        self.level2_button.setToolTip(
            tr("Ouvre l'onglet Niveau 2 et, s'il n'y en a pas encore, son premier entretien")
        )
        self.level2_button.clicked.connect(self.go_to_level2)
        self.level2_hint = hint_label(
            tr("La personne poursuit : l'accompagnement personnalisé (niveau 2) peut commencer.")
        )
        level2_row = QHBoxLayout()
        level2_row.addWidget(self.level2_hint, 1)
        level2_row.addWidget(self.level2_button)
        form.addRow(level2_row)
        decision_box.setLayout(form)

        # Level-1 duty (cahier des charges of 29 March 2019, §2.1) ---------------------------
        duty_box = QGroupBox(tr("Obligations du premier niveau"))
        duty_form = new_form()
        self.cep_presented_on = DateEdit()
        self.cep_presented_on.setAccessibleName(
            tr("Date de présentation des objectifs et modalités du CEP")
        )
        self.presented_today = QPushButton(tr("Aujourd'hui"))
        self.presented_today.setAccessibleName(tr("Présentés aujourd'hui"))
        self.presented_today.clicked.connect(self._presented_today)
        error = field_row(
            duty_form,
            tr("Objectifs et modalités du CEP présentés le :"),
            self.cep_presented_on,
            hint=tr(
                "Le premier niveau permet à la personne de comprendre les objectifs et les "
                "modalités de délivrance du CEP (cahier des charges du 29 mars 2019, §2.1)."
            ),
            extra=self.presented_today,
        )
        self.decision_group.bind("cep_presented_on", self.cep_presented_on, error)
        duty_box.setLayout(duty_form)

        body = QWidget()
        lay = QVBoxLayout(body)
        lay.setContentsMargins(8, 8, 8, 8)
        lay.setSpacing(10)
        lay.addLayout(top)
        lay.addWidget(meta)
        lay.addWidget(content)
        lay.addWidget(duty_box)
        lay.addWidget(decision_box)
        lay.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.meta_columns.fit(self.width())
        self.text_columns.fit(self.width())

    # filling ---------------------------------------------------------------------------------
    def fill(self, current) -> None:
        self._sessions = [s for s in current.sessions if s.level == 1] if current else []
        self._fill_selector()
        self._show(self._sessions[-1] if self._sessions else None)
        journey = current.journey if current else None
        self.decision.set_value(journey.level1_decision if journey else None)
        self.redirect_to.set_value(journey.redirect_to if journey else "")
        self.cep_presented_on.set_value(getattr(journey, "cep_presented_on", None))
        self._decision_shown()

    def _presented_today(self) -> None:
        self.cep_presented_on.set_value(date.today())
        self.cep_presented_on.edited.emit()
        self.cep_presented_on.committed.emit()

    def _fill_selector(self) -> None:
        with QSignalBlocker(self.selector):
            self.selector.clear()
            for record in self._sessions:
                self.selector.addItem(
                    self.tr("Entretien du %s") % formatting.format_date(record.held_on), record.id
                )
        several = len(self._sessions) > 1
        self.selector.setVisible(several)
        self.selector_label.setVisible(several)

    def _show(self, record) -> None:
        self.session_group.discard()
        self.session = record
        for name, widget in self.fields.items():
            if record is None:
                widget.clear_value()
            else:
                widget.set_value(getattr(record, name))
        if record is None:
            self.fields["held_on"].set_value(date.today())
            self.fields["modality"].set_value(domain.Modality.FACE_TO_FACE.value)
            self.status.setText(
                self.tr(
                    "Pas encore d'entretien de niveau 1 : il sera enregistré dès la première "
                    "saisie."
                )
            )
        else:
            self.status.setText(
                self.tr("Entretien de niveau 1 du %s.") % formatting.format_date(record.held_on)
            )
            with QSignalBlocker(self.selector):
                self.selector.setCurrentIndex(max(0, self.selector.findData(record.id)))
        self.fields["agreement"].setEnabled(bool(record and record.on_working_time))

    def _select(self, index: int) -> None:
        ident = self.selector.itemData(index)
        if not self.session_group.commit():
            return
        record = next((s for s in self._sessions if s.id == ident), None)
        self._show(record)

    def _decision_shown(self) -> None:
        redirect = self.decision.value() == domain.Level1Decision.REDIRECT.value
        self.redirect_to.setEnabled(redirect)
        go_on = self.decision.value() == domain.Level1Decision.CONTINUE.value
        self.level2_button.setVisible(go_on)
        self.level2_hint.setVisible(go_on)
        if go_on:
            journey = self.context.journey
            started = journey is not None and journey.level_reached >= 2
            self.level2_button.setText(
                tr("Aller au ni&veau 2") if started else tr("Passer au ni&veau 2")
            )

    def go_to_level2(self) -> None:
        """Save the decision, then show Niveau 2: its first session is created when there is
        none yet (``domain.can_open_level2`` is checked by the panel)."""
        if not self.decision_group.commit():
            return
        self.level2_requested.emit()
        self._decision_shown()

    def clear(self) -> None:
        self._sessions = []
        self.session = None
        with QSignalBlocker(self.selector):
            self.selector.clear()
        self.selector.hide()
        self.selector_label.hide()
        for widget in self.fields.values():
            widget.clear_value()
        self.decision.clear_value()
        self.redirect_to.clear_value()
        self.cep_presented_on.clear_value()
        self.status.setText("")
        self.actors_menu.hide()
        self.actors_menu.clear()

    def sessions(self) -> list[Any]:
        return list(self._sessions)

    # saving ----------------------------------------------------------------------------------
    def _save_session(self, changes: dict[str, Any]):
        context = self.context
        with context.operation():
            if self.session is None:
                journey_id = context.ensure_journey(changes.get("held_on"))
                return context.run(
                    journeys.add_session, context.workspace(), journey_id, 1, **changes
                )
            return context.run(
                journeys.update_session, context.workspace(), self.session.id, **changes
            )

    def _session_saved(self, record, changes) -> None:
        self._keep(record)
        self.session = record
        with QSignalBlocker(self.selector):
            self.selector.setCurrentIndex(max(0, self.selector.findData(record.id)))
        self.status.setText(
            self.tr("Entretien de niveau 1 du %s.") % formatting.format_date(record.held_on)
        )

    def _keep(self, record) -> None:
        """A level-1 session saved (here or by the toolbar): listed in the selector."""
        self._sessions = [s for s in self._sessions if s.id != record.id] + [record]
        self._sessions.sort(key=lambda s: (s.held_on, s.id))
        self._fill_selector()
        if self.session is not None:
            with QSignalBlocker(self.selector):
                self.selector.setCurrentIndex(max(0, self.selector.findData(self.session.id)))

    def session_added(self, record) -> None:
        """A session created by the toolbar's "Nouvel entretien": shown, the focus in it."""
        self._keep(record)
        self._show(record)
        self.fields["request_expressed"].setFocus(Qt.FocusReason.OtherFocusReason)

    def _save_decision(self, changes: dict[str, Any]):
        context = self.context
        with context.operation():
            return context.run(
                journeys.update_journey, context.workspace(), context.ensure_journey(), **changes
            )

    def _decision_saved(self, record, changes) -> None:
        self._decision_shown()

    # changes -----------------------------------------------------------------------------------
    def apply_changes(self, changes: Changes) -> None:
        """Level-1 sessions made elsewhere (the toolbar) join the selector; the decision and
        the level reached follow the journey, except in the fields being edited."""
        for record in changes.records(chg.SESSION):
            if record.level == 1 and record.id not in changes.deleted_ids(chg.SESSION):
                self._keep(record)
        gone = changes.deleted_ids(chg.SESSION)
        if gone & {s.id for s in self._sessions}:
            self._sessions = [s for s in self._sessions if s.id not in gone]
            self._fill_selector()
        journey = self.context.journey
        if journey is not None and changes.touches((chg.JOURNEY,)):
            dirty = {b.name for b in self.decision_group.dirty}
            if "level1_decision" not in dirty and self.decision.value() != (
                journey.level1_decision
            ):
                self.decision.set_value(journey.level1_decision)
            if "redirect_to" not in dirty and self.redirect_to.value() != journey.redirect_to:
                self.redirect_to.set_value(journey.redirect_to)
            if "cep_presented_on" not in dirty and self.cep_presented_on.value() != (
                journey.cep_presented_on
            ):
                self.cep_presented_on.set_value(journey.cep_presented_on)
            self._decision_shown()

    # actors ----------------------------------------------------------------------------------
    def person_region(self) -> str | None:
        """The person's region: typed in Identité, else from the département or postcode."""
        person = self.context.person
        if person is None:
            return None
        return geography.region_of_person(person.region, person.department, person.postcode)

    def propose_actors(self) -> QMenu:
        """A menu of the operators serving the person's public, national ones and those of the
        person's region, each with its contact; a choice adds it to the text."""
        self.actors_menu.clear()
        catalogue = self.context.catalogue()
        region = self.person_region()
        operators = catalogue.operators_near(self.context.public(), region) if catalogue else []
        if not operators:
            action = self.actors_menu.addAction(self.tr("Catalogue indisponible : saisissez-les"))
            action.setEnabled(False)
        if operators and region is None:
            hint = self.actors_menu.addAction(
                self.tr("Région inconnue : renseignez le code postal (onglet Identité)")
            )
            hint.setEnabled(False)
        national = [o for o in operators if o.is_national]
        regional = [o for o in operators if not o.is_national]
        if national:
            self.actors_menu.addSection(self.tr("Partout en France")).setEnabled(False)
            for operator in national:
                self._add_operator_action(operator, with_region=False)
        if regional:
            self.actors_menu.addSection(
                self.tr("Région %s") % region
                if region
                else self.tr("Opérateurs régionaux (toutes régions)")
            ).setEnabled(False)
            for operator in regional:
                self._add_operator_action(operator, with_region=region is None)
        self.actors_menu.setToolTipsVisible(True)
        self.actors_menu.popup(
            self.propose_button.mapToGlobal(self.propose_button.rect().bottomLeft())
        )
        return self.actors_menu

    def _add_operator_action(self, operator: Any, *, with_region: bool) -> None:
        """The operator (enabled: choosing it adds it) and, below, its contact line."""
        text = operator.name
        if with_region and operator.region:
            text += " — " + operator.region
        action = QAction(text.replace("&", "&&"), self.actors_menu)
        tip = operator.description
        if operator.contact_line:
            tip += "\n" + self.tr("Contact : %s") % operator.contact_line
        if operator.is_uncertain:
            tip += "\n" + self.tr("⚠ Information incertaine : %s") % operator.uncertainty
        action.setToolTip(tip)
        action.setStatusTip(tip)
        action.setData(operator.code)
        action.triggered.connect(lambda _=False, o=operator: self.add_actor(self.actor_line(o)))
        self.actors_menu.addAction(action)
        if operator.contact_line:
            detail = self.actors_menu.addAction("      " + operator.contact_line.replace("&", "&&"))
            detail.setEnabled(False)

    @staticmethod
    def actor_line(operator: Any) -> str:
        """What is added to « Acteurs pouvant aider »: the name and how to reach it."""
        return (
            f"{operator.name} ({operator.contact_line})"
            if operator.contact_line
            else (operator.name)
        )

    def add_actor(self, name: str) -> None:
        editor = self.fields["actors"]
        if name.split(" (")[0] in editor.toPlainText():
            return
        editor.append_line(name)
