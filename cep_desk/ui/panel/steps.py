"""Plan d'action: the steps of the project, and the steps of a financing scheme added at once."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from cep_desk import domain, formatting, kinds
from cep_desk.domain import ValidationError
from cep_desk.ui import messagebox
from cep_desk.ui.wheel import WheelSafeCombo, WheelSafeSpinBox
from cep_desk.usecases import changes as chg
from cep_desk.usecases import plan
from cep_desk.usecases.changes import Changes
from cep_desk.usecases.common import NotFound

from . import described
from .section import RecordSection
from .widgets import (
    WARNING_STYLE,
    CheckBox,
    TextEdit,
    hint_label,
    tr,
)

if TYPE_CHECKING:
    from cep_desk.usecases.file_context import FileContext

    from .autosave import AutoSave


class StepsTab(QWidget):
    shows = frozenset({chg.STEP})

    def __init__(self, context: FileContext, autosave: AutoSave) -> None:
        super().__init__()
        self.context = context
        self.autosave = autosave
        self.section = RecordSection(
            autosave,
            "step",
            columns=described.columns(
                kinds.STEP,
                {
                    "title": lambda r: ("◆ " if r.is_milestone else "") + r.title,
                    "is_milestone": lambda r: tr("Oui") if r.is_milestone else "",
                },
            ),
            table_name=tr("Étapes du plan d'action"),
            noun=tr("l'étape"),
            new_title=tr("Nouvelle étape — enregistrée dès la première saisie"),
            add_label=tr("&Ajouter une étape"),
            delete_label=tr("Supprimer l'étape"),
            create=lambda values: context.run(
                plan.add_step, context.workspace(), context.ensure_project(), **values
            ),
            update=lambda ident, changes: context.run(
                plan.update_step, context.workspace(), ident, **changes
            ),
            delete=lambda ident: context.run(plan.delete_step, context.workspace(), ident),
            describe=lambda r: tr("Étape : %s") % r.title,
            defaults=lambda: {
                "owner": domain.StepOwner.BENEFICIARY.value,
                "status": domain.StepStatus.PLANNED.value,
            },
        )
        s = self.section
        partner = TextEdit(max_len=kinds.STEP["partner_name"].max_len or 200)
        partner.setPlaceholderText(tr("Organisme ou personne, si un partenaire agit"))
        described.add_rows(
            s,
            kinds.STEP,
            editors={
                "partner_name": partner,
                "is_milestone": CheckBox(tr("&Jalon (une seule date : un moment clé)")),
            },
            hints={"due_on": tr("Ne peut pas précéder le début.")},
        )
        internal = CheckBox(tr("Prestation délivrée par notre organisme (prestation interne)"))
        internal.setToolTip(
            tr(
                "Impartialité : une prestation de l'organisme de l'opérateur du CEP prescrite à "
                "la personne est marquée interne et comptée dans les statistiques."
            )
        )
        s.add_field(tr("Prestation interne :"), internal, "internal_service")
        s.table.set_widths([330, 120, 150, 95, 95, 90])
        self.scheme_button = QPushButton(tr("Ajouter les démarches d'un di&spositif…"))
        self.scheme_button.setAccessibleName(tr("Ajouter les démarches d'un dispositif"))
        self.scheme_button.setToolTip(
            tr("Les étapes d'un financement, datées à rebours du début de la formation")
        )
        self.scheme_button.clicked.connect(self.open_scheme_dialog)
        s.buttons.insertWidget(2, self.scheme_button)
        QWidget.setTabOrder(s.delete_button, self.scheme_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(s)
        self.dialog: SchemeStepsDialog | None = None
        self._current: Any = None

    def fill(self, current) -> None:
        self._current = current
        self.section.set_records(current.steps if current else [])

    def clear(self) -> None:
        self.section.clear()
        if self.dialog is not None:
            self.dialog.reject()
            self.dialog.deleteLater()
            self.dialog = None

    def apply_changes(self, changes: Changes) -> None:
        self.section.apply_records(changes, chg.STEP)

    # scheme steps ----------------------------------------------------------------------------
    def open_scheme_dialog(self) -> SchemeStepsDialog | None:
        project = self.context.project
        start = project.training_start_on if project else None
        if start is None:
            messagebox.information(
                self,
                tr("Démarches d'un dispositif"),
                tr(
                    "Indiquez d'abord la date de début de la formation dans l'onglet Projet : "
                    "les démarches sont datées à rebours de cette date."
                ),
            )
            return None
        catalogue = self.context.catalogue()
        if catalogue is None:
            messagebox.warning(
                self,
                tr("Démarches d'un dispositif"),
                tr("Le catalogue des dispositifs est indisponible."),
            )
            return None
        from .funding import session_date

        # the schemes in force on the session's date, like the Financement tab
        on = session_date(self._current)
        self.dialog = SchemeStepsDialog(self, catalogue, self.context.public(), start, on=on)
        self.dialog.accepted.connect(
            lambda: self.add_scheme_steps(self.dialog.scheme_code(), self.dialog.absence_days())
        )
        self.dialog.open()
        return self.dialog

    def add_scheme_steps(
        self, scheme_code: str, absence_days: int | None = None, today: date | None = None
    ) -> list[Any]:
        """Turn a scheme's steps into action steps dated back from the training start."""
        from cep_desk import catalogue as cat

        catalogue = self.context.catalogue()
        project = self.context.project
        scheme = catalogue.scheme(scheme_code) if catalogue else None
        if scheme is None or project is None or project.training_start_on is None:
            return []
        if not self.section.group.commit():
            return []
        context = self.context
        added = []
        # One operation: the calendar and the rest see every added step at once, after this
        # table shows them.
        with context.operation():
            try:
                planned = cat.plan_steps(
                    scheme, project.training_start_on, absence_days=absence_days, today=today
                )
                project_id = context.ensure_project()
                for p in planned:
                    detail = p.detail
                    if p.late:
                        detail = (detail + "\n" if detail else "") + tr("⚠ Délai déjà dépassé.")
                    added.append(
                        context.run(
                            plan.add_step,
                            context.workspace(),
                            project_id,
                            title=p.title[:300],
                            detail=detail,
                            owner=p.owner.value,
                            start_on=p.start_on,
                            due_on=p.due_on,
                            is_milestone=p.is_milestone,
                            scheme_code=p.scheme_code,
                        )
                    )
            except (ValidationError, NotFound) as exc:
                self.autosave.failed.emit(exc.message)
                return []  # the steps added before the failure are listed by apply_changes
            records = self.section.records() + added
            self.section.set_records(records, select=added[0].id if added else "first")
            self.section.records_changed.emit()
        self.autosave.saved.emit(datetime.now(UTC))
        late = [p for p in planned if p.late]
        if late:
            messagebox.warning(
                self,
                tr("Démarches d'un dispositif"),
                tr(
                    "%d démarche(s) ont une échéance déjà dépassée : voyez avec la personne si "
                    "le calendrier reste tenable."
                )
                % len(late),
            )
        return added


class SchemeStepsDialog(QDialog):
    """Pick a scheme (those open to the person's public first) and preview its dated steps."""

    def __init__(
        self, parent: QWidget, catalogue, public, start: date, on: date | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Ajouter les démarches d'un dispositif"))
        self.setModal(True)
        self.resize(640, 520)
        self.catalogue = catalogue
        self.start = start
        self.combo = WheelSafeCombo()
        self.combo.setAccessibleName(tr("Dispositif"))
        # ``on``: only the schemes in force that day (the session's date)
        own = catalogue.schemes_for(public, on=on)
        pool = catalogue.schemes if on is None else catalogue.schemes_in_force(on)
        others = [s for s in pool if s not in own]
        for scheme in own:
            self.combo.addItem(scheme.name, scheme.code)
        if others:
            self.combo.insertSeparator(self.combo.count())
            for scheme in others:
                self.combo.addItem(tr("%s (autre public)") % scheme.name, scheme.code)
        self.absence = WheelSafeSpinBox()
        self.absence.setRange(0, 3660)
        self.absence.setSpecialValueText(tr("Inconnue"))
        self.absence.setSuffix(tr(" jours"))
        self.absence.setAccessibleName(tr("Durée de l'absence en jours"))
        self.preview = QTextBrowser()
        self.preview.setAccessibleName(tr("Démarches prévues"))
        form = QFormLayout()
        caption = QLabel(tr("&Dispositif :"))
        caption.setBuddy(self.combo)
        form.addRow(caption, self.combo)
        form.addRow(tr("Durée de l'absence (congé) :"), self.absence)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("Ajouter au plan"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(
            hint_label(
                tr(
                    "Début de la formation : %s. Les dispositifs ouverts au statut de la personne "
                    "sont proposés en premier."
                )
                % formatting.format_date(start)
            )
        )
        layout.addLayout(form)
        self.warning = hint_label("", style=WARNING_STYLE)
        layout.addWidget(self.warning)
        layout.addWidget(self.preview, 1)
        layout.addWidget(buttons)
        self.combo.currentIndexChanged.connect(self._preview)
        self.absence.valueChanged.connect(self._preview)
        self._preview()

    def scheme_code(self) -> str:
        return self.combo.currentData() or ""

    def absence_days(self) -> int | None:
        return self.absence.value() or None

    def _preview(self) -> None:
        from html import escape

        from cep_desk import catalogue as cat

        scheme = self.catalogue.scheme(self.scheme_code())
        if scheme is None:
            self.preview.clear()
            return
        self.warning.setVisible(scheme.is_uncertain)
        if scheme.is_uncertain:
            self.warning.setText(tr("⚠ Informations incertaines : %s") % scheme.uncertainty)
        rows = []
        for p in cat.plan_steps(scheme, self.start, absence_days=self.absence_days()):
            flag = tr(" — <b>délai déjà dépassé</b>") if p.late else ""
            mark = "◆ " if p.is_milestone else ""
            rows.append(
                f"<li>{mark}{escape(formatting.format_date(p.due_on))} : "
                f"{escape(p.title)}{flag}</li>"
            )
        self.preview.setHtml(
            f"<p><b>{escape(scheme.name)}</b> — {escape(scheme.funder)}</p>"
            f"<p>{escape(scheme.conditions)}</p><ul>{''.join(rows)}</ul>"
        )
        self.preview.setAccessibleDescription(self.preview.toPlainText()[:500])
