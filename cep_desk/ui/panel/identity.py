"""Identité: the person's file and the header of the current journey."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from cep_desk import domain, formatting, kinds
from cep_desk.formatting import ParseError
from cep_desk.usecases import beneficiaries, journeys
from cep_desk.usecases import changes as chg
from cep_desk.usecases.changes import Changes

from . import described
from .widgets import (
    WARNING_STYLE,
    CheckList,
    ChoiceCombo,
    Columns,
    DateEdit,
    FieldError,
    NoteEdit,
    TextEdit,
    align_form_labels,
    field_row,
    hint_label,
    new_form,
    tr,
)

if TYPE_CHECKING:
    from cep_desk.usecases.file_context import FileContext

    from .autosave import AutoSave

# The rows come from the record kinds (their ``form`` texts, limits and code lists); this tab
# only places them in its boxes, and gives a few of them the editor the screen needs.
PERSON_FIELDS = tuple(f.name for f in kinds.PERSON.form_fields())
JOURNEY_FIELDS = tuple(f.name for f in kinds.JOURNEY.form_fields())
COLUMNS_MIN_WIDTH = 900  # below this visible width, the two columns stack


def _editor(f: kinds.Field, empty: str = "") -> QWidget:
    """The kind's editor; an optional code offers an empty choice (« Non renseigné »)."""
    if f.type is kinds.FieldType.CODE and f.nullable and f.enum is not None:
        return ChoiceCombo(f.enum.choices(), empty_label=empty or tr("Non renseigné"))
    if f.type is kinds.FieldType.TEXT:
        return TextEdit(max_len=f.max_len or domain.MAX_TEXT)
    return described.editor(f)


class IdentityTab(QWidget):
    shows = frozenset({chg.PERSON, chg.JOURNEY})
    new_journey_requested = Signal()

    def __init__(self, context: FileContext, autosave: AutoSave) -> None:
        super().__init__()
        self.context = context
        self.person_group = autosave.group("person", self._save_person, saved=self._person_saved)
        self.journey_group = autosave.group(
            "journey",
            self._save_journey,
            creating=lambda: self.context.journey is None,
            saved=self._journey_saved,
        )
        self.fields: dict[str, Any] = {}

        def person(form, name, widget=None, hint=None, extra=None, empty=""):
            f = kinds.PERSON[name]
            widget = widget if widget is not None else _editor(f, empty)
            error = field_row(form, tr(f.form), widget, hint=hint, extra=extra)
            self.person_group.bind(name, widget, error)
            self.fields[name] = widget
            return widget

        def journey(form, name, widget=None, hint=None, empty=""):
            f = kinds.JOURNEY[name]
            widget = widget if widget is not None else _editor(f, empty)
            error = field_row(form, tr(f.form), widget, hint=hint)
            self.journey_group.bind(name, widget, error)
            self.fields[name] = widget
            return widget

        # État civil ------------------------------------------------------------------------
        civil = QGroupBox(tr("État civil"))
        form = new_form()
        person(form, "last_name")
        person(form, "first_name")
        self.age_label = QLabel()
        self.age_label.setAccessibleName(tr("Âge"))
        self.age_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        birth = person(form, "birth_date", DateEdit(birth=True), extra=self.age_label)
        birth.textChanged.connect(self._show_age)
        person(form, "sex")
        civil.setLayout(form)
        self._left_forms = [form]

        # Coordonnées -----------------------------------------------------------------------
        contact = QGroupBox(tr("Coordonnées"))
        form = new_form()
        for name in ("phone", "email", "postcode", "town", "department", "region"):
            person(form, name)
        self.fields["postcode"].setMaximumWidth(110)
        contact.setLayout(form)
        self._left_forms.append(form)

        # Situation professionnelle ---------------------------------------------------------
        work = QGroupBox(tr("Situation professionnelle"))
        form = new_form()
        for name in ("status", "status_detail", "sector", "job_title", "education_level"):
            person(form, name)
        work.setLayout(form)
        self._left_forms.append(form)

        # Éléments pour les financements -------------------------------------------------------
        # Structured facts the financing schemes depend on (Financement tab: « conditions
        # remplies / à vérifier / non remplies »). All optional: unknown means « à vérifier ».
        eligibility = QGroupBox(tr("Éléments pour les financements"))
        form = new_form()
        person(form, "contract_type")
        person(form, "seniority_months")
        person(
            form, "activity_months", hint=tr("Consécutive ou non (PTP, démission-reconversion).")
        )
        for name in ("working_time", "opco", "branch"):
            person(form, name)
        person(form, "pcs_group", empty=tr("Non renseignée"))
        eligibility.setLayout(form)
        self._left_forms.append(form)

        # Parcours --------------------------------------------------------------------------
        path = QGroupBox(tr("Parcours CEP en cours"))
        form = new_form()
        self.journey_info = hint_label("")
        form.addRow(self.journey_info)
        # A person may come back years later: the earlier journeys, read only.
        self.previous_info = hint_label("")
        self.previous_info.setAccessibleName(self.tr("Parcours précédents"))
        self.previous_info.hide()
        form.addRow(self.previous_info)
        journey(form, "request_date")
        reasons = journey(form, "reasons", CheckList(domain.RequestReason.choices()))
        reasons.setAccessibleName(tr("Motifs de la demande (cases à cocher)"))
        journey(form, "first_appointment_on")
        journey(form, "closed_on")
        journey(form, "outcome", empty=tr("Non renseignée"))
        journey(form, "outcome_note")
        self.new_journey_button = QPushButton(tr("Nou&veau parcours…"))
        self.new_journey_button.setAccessibleName(tr("Nouveau parcours"))
        self.new_journey_button.setToolTip(
            tr("La personne revient après un parcours clôturé : ouvrir un nouveau parcours.")
        )
        self.new_journey_button.clicked.connect(self.new_journey_requested)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.new_journey_button)
        form.addRow(row)
        path.setLayout(form)
        self._right_forms = [form]

        # Données sensibles et information --------------------------------------------------
        privacy = QGroupBox(tr("Information de la personne et données sensibles"))
        form = new_form()
        person(form, "notice_given_on")
        self.notice_warning = hint_label(
            tr(
                "⚠ Notice d'information non remise : remettez-la à la personne (RGPD, "
                "article 13) et notez la date ici."
            ),
            style=WARNING_STYLE,
        )
        self.notice_warning.setAccessibleName(tr("Rappel : notice d'information"))
        form.addRow(self.notice_warning)
        person(form, "last_contact_on")
        person(
            form,
            "rqth",
            # a health datum: the three answers read as words, never a ticked box
            ChoiceCombo([("yes", tr("Oui")), ("no", tr("Non"))], empty_label=tr("Non renseignée")),
            hint=tr(
                "Donnée de santé — facultative. À ne noter qu'avec l'accord de la personne et "
                "si elle sert l'accompagnement."
            ),
        )
        person(form, "rqth_basis")
        self.fields["rqth_basis"].setPlaceholderText(
            tr("ex. accord exprès de la personne du JJ/MM/AAAA")
        )
        privacy.setLayout(form)
        self._right_forms.append(form)
        self._align_labels()

        # Notes -----------------------------------------------------------------------------
        notes_box = QGroupBox(tr(kinds.PERSON["notes"].form))
        lay = QVBoxLayout(notes_box)
        lay.addWidget(
            hint_label(
                tr(
                    "Restez factuel et objectif : la personne peut demander à lire ces notes "
                    "(droit d'accès)."
                )
            )
        )
        notes = NoteEdit(lines=5)
        notes.setAccessibleName(tr("Notes"))
        lay.addWidget(notes)
        notes_error = FieldError()
        notes_error.editor = notes
        lay.addWidget(notes_error)
        self.person_group.bind("notes", notes, notes_error)
        self.fields["notes"] = notes

        # Layout: two columns in a scroll area -------------------------------------------------
        content = QWidget()
        lay = QVBoxLayout(content)
        lay.setContentsMargins(8, 8, 8, 8)
        self.columns = Columns(COLUMNS_MIN_WIDTH)
        left = QVBoxLayout()
        left.setSpacing(10)
        for box in (civil, contact, work, eligibility):
            left.addWidget(box)
        left.addStretch(1)
        right = QVBoxLayout()
        right.setSpacing(10)
        for box in (path, privacy, notes_box):
            right.addWidget(box)
        right.addStretch(1)
        self.columns.add(left)
        self.columns.add(right)
        lay.addWidget(self.columns)
        scroll = self.scroll_area = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

    def _align_labels(self) -> None:
        align_form_labels(*self._left_forms)
        align_form_labels(*self._right_forms)

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # the text size setting
            self._align_labels()
            self.columns.fit(self.width())

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.columns.fit(self.width())

    # filling ---------------------------------------------------------------------------------
    def fill(self, file, current) -> None:
        person = file.beneficiary
        for name in PERSON_FIELDS:
            self.fields[name].set_value(
                _rqth_code(person.rqth) if name == "rqth" else getattr(person, name)
            )
        self._show_age()
        self._fill_journey(current.journey if current else None)
        self._fill_previous(file.journeys[1:])
        self._update_notice(person.notice_given_on)

    def _fill_journey(self, journey) -> None:
        if journey is None:
            for name in JOURNEY_FIELDS:
                self.fields[name].clear_value()
            self.fields["request_date"].set_value(date.today())
            self.journey_info.setText(
                self.tr("Aucun parcours : il sera ouvert dès la première saisie.")
            )
        else:
            for name in JOURNEY_FIELDS:
                self.fields[name].set_value(getattr(journey, name))
            self._journey_info(journey)
        closed = journey is not None and journey.closed_on is not None
        self.new_journey_button.setEnabled(closed)

    def _journey_info(self, journey) -> None:
        count = self.context.journey_count
        text = self.tr("Parcours ouvert le %s") % formatting.format_date(journey.request_date)
        if journey.closed_on:
            text += self.tr(", clôturé le %s") % formatting.format_date(journey.closed_on)
        if count > 1:
            text += self.tr(" (%d parcours en tout pour cette personne)") % count
        self.journey_info.setText(text + ".")

    def _fill_previous(self, older) -> None:
        lines = []
        for item in older:
            j = item.journey
            line = self.tr("Du %s") % formatting.format_date(j.request_date)
            if j.closed_on:
                line += self.tr(" au %s") % formatting.format_date(j.closed_on)
            line += self.tr(" : niveau %d atteint") % j.level_reached
            if j.outcome:
                line += ", " + domain.Outcome.label_of(j.outcome).lower()
            lines.append(line + ".")
        self.previous_info.setText(
            self.tr("Parcours précédents :") + "\n" + "\n".join(lines) if lines else ""
        )
        self.previous_info.setVisible(bool(lines))

    def _show_age(self, _text: str = "") -> None:
        """The age beside the birth date, live as it is typed (nothing while unreadable)."""
        try:
            born = self.fields["birth_date"].value()
        except formatting.ParseError:
            born = None
        self.age_label.setText(formatting.format_age(domain.age_on(born, date.today())))

    def clear(self) -> None:
        for widget in self.fields.values():
            widget.clear_value()
        self.age_label.setText("")
        self.journey_info.setText("")
        self.previous_info.setText("")
        self.previous_info.hide()
        self.notice_warning.hide()
        self.new_journey_button.setEnabled(False)

    def _update_notice(self, given_on) -> None:
        self.notice_warning.setVisible(given_on is None)

    # saving ----------------------------------------------------------------------------------
    def _save_person(self, changes: dict[str, Any]):
        if "rqth" in changes:
            changes["rqth"] = {"yes": True, "no": False}.get(changes["rqth"])
        context = self.context
        return context.run(
            beneficiaries.update_beneficiary,
            context.workspace(),
            context.require_person(),
            **changes,
        )

    def _person_saved(self, record, changes) -> None:
        self._update_notice(record.notice_given_on)

    def _save_journey(self, changes: dict[str, Any]):
        context = self.context
        if context.journey is None:
            return context.run(
                journeys.start_journey, context.workspace(), context.require_person(), **changes
            )
        return context.run(
            journeys.update_journey, context.workspace(), context.journey.id, **changes
        )

    def _journey_saved(self, record, changes) -> None:
        self.new_journey_button.setEnabled(record.closed_on is not None)

    # changes -----------------------------------------------------------------------------------
    def apply_changes(self, changes: Changes) -> None:
        """Values set by a use case (the journey started by a first entry elsewhere, the first
        appointment, the last contact, the département and région of a postcode), except in
        the fields being edited."""
        person, journey = self.context.person, self.context.journey
        if person is not None and changes.touches((chg.PERSON,)):
            names = changes.fields_of(chg.PERSON)
            self._refresh(person, PERSON_FIELDS if names is None else names, self.person_group)
            self._update_notice(person.notice_given_on)
        if journey is not None and changes.touches((chg.JOURNEY,)):
            if changes.added(chg.JOURNEY):
                self._refresh(journey, JOURNEY_FIELDS, self.journey_group)
            else:
                names = changes.fields_of(chg.JOURNEY)
                self._refresh(
                    journey, JOURNEY_FIELDS if names is None else names, self.journey_group
                )
            self._journey_info(journey)
            self.new_journey_button.setEnabled(journey.closed_on is not None)

    def _refresh(self, record: Any, names, group) -> None:
        dirty = {n for b in group.dirty for n in b.names}
        for name in names:
            widget = self.fields.get(name)
            if widget is None or name in dirty:
                continue
            value = getattr(record, name)
            if name == "rqth":
                value = _rqth_code(value)
            try:
                same = widget.value() == value
            except ParseError:
                same = False
            if not same:
                widget.set_value(value)


def _rqth_code(value: bool | None) -> str | None:
    return None if value is None else ("yes" if value else "no")
