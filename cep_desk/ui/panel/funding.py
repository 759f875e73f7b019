"""Financement: the financing lines of the project and the plan's totals, live as one types."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from html import escape
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFrame,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from cep_desk import domain, formatting, kinds
from cep_desk.ui import theme
from cep_desk.ui.wheel import WheelSafeCombo
from cep_desk.usecases import changes as chg
from cep_desk.usecases import plan
from cep_desk.usecases.changes import Changes

from . import described
from .section import RecordSection
from .widgets import (
    WARNING_STYLE,
    AmountEdit,
    ChoiceCombo,
    hint_label,
    tr,
)

if TYPE_CHECKING:
    from cep_desk.usecases.file_context import FileContext

    from .autosave import AutoSave


def session_date(current: Any) -> date:
    """The date the Financement tab proposes schemes for: the journey's latest session (not
    after today), else today."""
    today = date.today()
    days = [s.held_on for s in getattr(current, "sessions", None) or [] if s.held_on]
    days = [d for d in days if d <= today]
    return max(days) if days else today


def catalogue_verified_text(catalogue: Any, today: date | None = None) -> str:
    """« Dispositifs vérifiés le … », with a warning when older than 6 months."""
    if catalogue is None or catalogue.verified_on() is None:
        return ""
    text = tr("Dispositifs vérifiés le %s") % formatting.format_date(catalogue.verified_on())
    if catalogue.is_stale(today or date.today()):
        text = "⚠ " + text + tr(" : catalogue de plus de 6 mois, à mettre à jour (menu Données).")
    return text


class SchemeCombo(WheelSafeCombo):
    """The scheme of a line: a catalogue scheme (those open to the person's public first) or
    free text. Its value sets two fields: ``scheme_code`` and ``scheme_label``."""

    edited = Signal()
    committed = Signal()
    field_names = ("scheme_code", "scheme_label")
    binding_name = "scheme"  # bound once for both fields (see described.binding_name)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        line = self.lineEdit()
        assert line is not None  # an editable combo box has one
        self.line: QLineEdit = line
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMaxVisibleItems(20)
        # Scheme names are long: the closed box need not show the longest one in full.
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(24)
        self.line.setMaxLength(200)
        self.line.setPlaceholderText(tr("Choisissez un dispositif ou saisissez-le"))
        self._names: dict[str, str] = {}
        self.line.textEdited.connect(self.edited)
        self.line.editingFinished.connect(self._finished)
        self.activated.connect(self._activated)
        self._typed = False
        self.line.textEdited.connect(self._mark)

    def _mark(self, _text: str) -> None:
        self._typed = True

    def _finished(self) -> None:
        if self._typed:
            self._typed = False
            self.committed.emit()

    def _activated(self, _index: int) -> None:
        self._typed = False
        self.edited.emit()
        self.committed.emit()

    def set_schemes(self, own: list[Any], others: list[Any]) -> None:
        with QSignalBlocker(self):
            text = self.currentText()
            self.clear()
            self._names = {}
            for scheme in own:
                self.addItem(scheme.name, scheme.code)
                self._names[scheme.code] = scheme.name
            if others:
                if own:
                    self.insertSeparator(self.count())
                for scheme in others:
                    self.addItem(tr("%s (autre public)") % scheme.name, scheme.code)
                    self._names[scheme.code] = scheme.name
            self.setCurrentIndex(-1)
            self.setEditText(text)

    def value(self) -> Any:
        text = self.currentText().strip()
        index = self.findText(text, Qt.MatchFlag.MatchExactly)
        code = self.itemData(index) if index >= 0 else None
        if code:
            return {"scheme_code": code, "scheme_label": self._names.get(code, text)}
        return {"scheme_code": "", "scheme_label": text}

    def set_value(self, value: Any) -> None:
        value = value or {}
        code, label = value.get("scheme_code") or "", value.get("scheme_label") or ""
        with QSignalBlocker(self):
            index = self.findData(code) if code else -1
            self.setCurrentIndex(index)
            if index < 0:
                self.setEditText(label)
            self.line.setCursorPosition(0)  # the start of a long name, not its end
        self._typed = False

    def clear_value(self) -> None:
        self.set_value(None)

    def choose(self, code: str) -> None:
        index = self.findData(code)
        if index >= 0:
            self.setCurrentIndex(index)
            self.activated.emit(index)


class FundingTab(QWidget):
    #: The document the selected line's scheme requires (a DocumentKind code): the main
    #: window prepares it (avis du CEP, PTP absence request).
    document_requested = Signal(str)
    shows = frozenset({chg.FUNDING, chg.PROJECT, chg.PERSON})

    def __init__(self, context: FileContext, autosave: AutoSave) -> None:
        super().__init__()
        self.context = context
        self.autosave = autosave
        self.section = RecordSection(
            autosave,
            "funding",
            columns=described.columns(
                kinds.FUNDING, {"scheme_label": lambda r: r.scheme_label or r.scheme_code}
            ),
            table_name=tr("Lignes du plan de financement"),
            noun=tr("la ligne de financement"),
            new_title=tr("Nouvelle ligne de financement — enregistrée dès la première saisie"),
            add_label=tr("&Ajouter une ligne"),
            delete_label=tr("Supprimer la ligne"),
            create=lambda values: context.run(
                plan.add_funding, context.workspace(), context.ensure_project(), **values
            ),
            update=lambda ident, changes: context.run(
                plan.update_funding, context.workspace(), ident, **changes
            ),
            delete=lambda ident: context.run(plan.delete_funding, context.workspace(), ident),
            describe=lambda r: tr("Financement : %s") % (r.scheme_label or r.funder or "—"),
            defaults=lambda: {
                "covers": domain.FundingCover.TEACHING.value,
                "status": domain.FundingStatus.CONSIDERED.value,
            },
        )
        s = self.section
        # The rows come from the financing-line kind; the scheme's row sets its code and its
        # label together, from the catalogue or typed.
        self.scheme = SchemeCombo()
        editors = described.add_rows(s, kinds.FUNDING, editors={"scheme_label": self.scheme})
        self.requested = described.editor_of(editors, "amount_requested_cents", AmountEdit)
        self.granted = described.editor_of(editors, "amount_granted_cents", AmountEdit)
        self.status = described.editor_of(editors, "status", ChoiceCombo)
        self.scheme_info = QLabel()
        self.scheme_info.setWordWrap(True)
        self.scheme_info.setTextFormat(Qt.TextFormat.RichText)
        self.scheme_info.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.scheme_info.setAccessibleName(tr("Conditions et démarches du dispositif"))
        self.scheme_warning = hint_label("", style=WARNING_STYLE)
        self.scheme_warning.setAccessibleName(tr("Avertissement sur le dispositif"))
        self.scheme_warning.hide()
        self.scheme_empty = hint_label(
            tr(
                "Choisissez un dispositif du catalogue : ses conditions et ses démarches "
                "s'affichent ici. Ceux ouverts au statut de la personne sont proposés en premier."
            )
        )
        # The person's eligibility for the chosen scheme (cep_desk.eligibility).
        self.eligibility = QLabel()
        self.eligibility.setWordWrap(True)
        self.eligibility.setTextFormat(Qt.TextFormat.RichText)
        self.eligibility.setAccessibleName(tr("Conditions de la personne pour ce dispositif"))
        self.eligibility.hide()
        side_box = QGroupBox(tr("Le dispositif"))
        side_lay = QVBoxLayout(side_box)
        side_lay.addWidget(self.scheme_warning)
        side_lay.addWidget(self.eligibility)
        side_lay.addWidget(self.scheme_empty)
        side_lay.addWidget(self.scheme_info)
        side_lay.addStretch(1)
        side = QScrollArea()
        side.setWidgetResizable(True)
        side.setFrameShape(QScrollArea.Shape.NoFrame)
        # Only wrapping text: it fits any width, it never needs scrolling sideways.
        side.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        side.setWidget(side_box)
        s.add_side(side, 2)
        s.table.set_widths([260, 200, 130, 105, 105, 85])
        self.scheme.activated.connect(self._scheme_chosen)
        self.scheme.line.textEdited.connect(lambda _t: self._show_scheme_info())
        for editor in (self.requested, self.granted):
            editor.textEdited.connect(self.refresh_totals)
        self.status.activated.connect(self.refresh_totals)
        s.shown = self._shown  # type: ignore[method-assign]
        # The document the line's scheme requires, prepared from the file (17.5).
        self.document_button = QPushButton()
        self.document_button.setObjectName("scheme_document_button")
        self.document_button.setAccessibleName(tr("Préparer le document du dispositif"))
        self.document_button.clicked.connect(self._document_clicked)
        self.document_button.hide()
        s.buttons.addWidget(self.document_button)

        # Totals ----------------------------------------------------------------------------
        totals = QFrame()
        totals.setFrameShape(QFrame.Shape.StyledPanel)
        totals.setObjectName("fundingTotals")
        background = theme.panel_background()
        text = QApplication.palette().color(QPalette.ColorRole.WindowText)
        totals.setStyleSheet(
            f"#fundingTotals {{ background: {background.name()}; border-radius: 4px; }}"
            f" #fundingTotals QLabel {{ color: {text.name()}; }}"
        )
        grid = QGridLayout(totals)
        grid.setContentsMargins(12, 8, 12, 8)
        self.total_labels: dict[str, QLabel] = {}
        captions = (
            ("cost", tr("Coût total")),
            ("funded", tr("Financé (accordé)")),
            ("pending", tr("En attente de décision")),
            ("left_to_pay", tr("Reste à charge")),
        )
        for column, (key, caption) in enumerate(captions):
            title = QLabel(caption)
            title.setStyleSheet(theme.hint_style())
            value = QLabel()
            value.setStyleSheet("font-size: 14pt; font-weight: 700;")
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setAccessibleName(caption)
            self.total_labels[key] = value
            grid.addWidget(title, 0, column)
            grid.addWidget(value, 1, column)
        self.cost_note = QLabel()
        self.cost_note.setStyleSheet(theme.hint_style())
        grid.addWidget(self.cost_note, 2, 0, 1, 4)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(totals)
        layout.addWidget(s, 1)

    # filling ---------------------------------------------------------------------------------
    def fill(self, current) -> None:
        self._load_schemes(current)
        self.section.set_records(current.funding if current else [])
        self.refresh_totals()

    def clear(self) -> None:
        self.section.clear()
        self.scheme.set_schemes([], [])
        self.scheme_info.setText("")
        self.scheme_warning.hide()
        self.eligibility.setText("")
        self.eligibility.hide()
        for label in self.total_labels.values():
            label.setText("")
        self.cost_note.setText("")

    def _load_schemes(self, current: Any = None) -> None:
        catalogue = self.context.catalogue()
        if catalogue is None:
            self.scheme.set_schemes([], [])
            return
        # Only the schemes in force on the session's date (the latest session, else today);
        # an ended scheme a line already uses stays listed so that the line keeps its code.
        self.on_date = session_date(current)
        own = catalogue.schemes_for(self.context.public(), on=self.on_date)
        others = [s for s in catalogue.schemes_in_force(self.on_date) if s not in own]
        used = {f.scheme_code for f in (current.funding if current else [])}
        others += [s for s in catalogue.schemes if s.code in used and s not in own + others]
        self.scheme.set_schemes(own, others)
        self._mark_schemes()

    # eligibility -------------------------------------------------------------------------------
    def assessment(self, scheme: Any) -> Any:
        """The person's mark for ``scheme`` on the session's date (cep_desk.eligibility)."""
        from cep_desk import eligibility

        return eligibility.assess(
            scheme, self.context.person, getattr(self, "on_date", date.today())
        )

    def _mark_schemes(self) -> None:
        """Each proposed scheme's mark as the tooltip of its entry in the list."""
        catalogue = self.context.catalogue()
        if catalogue is None:
            return
        for index in range(self.scheme.count()):
            scheme = catalogue.scheme(self.scheme.itemData(index) or "")
            if scheme is not None:
                self.scheme.setItemData(
                    index, self.assessment(scheme).text, Qt.ItemDataRole.ToolTipRole
                )

    def person_changed(self) -> None:
        """The person's file was saved: the marks may have changed."""
        if self.context.person is None:
            return
        self._mark_schemes()
        self._show_scheme_info()

    def _shown(self, record) -> None:
        self._show_scheme_info()
        self._show_document_button()

    def _document_kind(self):
        from cep_desk.usecases.scheme_documents import document_for_scheme

        if self.section.current_record() is None:
            return None
        return document_for_scheme(self.scheme.value()["scheme_code"])

    def _show_document_button(self) -> None:
        kind = self._document_kind()
        if kind is None:
            self.document_button.hide()
            return
        from cep_desk.ui.scheme_document_actions import button_text

        text = button_text(kind)
        self.document_button.setText(text)
        self.document_button.setAccessibleName(text.rstrip("…"))
        self.document_button.setToolTip(
            tr("Préparer, prévisualiser et exporter le document qu'exige ce dispositif")
        )
        self.document_button.show()

    def _document_clicked(self) -> None:
        kind = self._document_kind()
        if kind is not None:
            self.document_requested.emit(kind.value)

    # scheme information ------------------------------------------------------------------------
    def _scheme_chosen(self, _index: int) -> None:
        scheme = self._current_scheme()
        self._show_scheme_info()
        self._show_document_button()
        funder = self.section.field("funder")
        if scheme is not None and not funder.text().strip():
            funder.set_value(scheme.funder[:200])
            funder.edited.emit()
            self.section.group.commit()

    def _current_scheme(self):
        catalogue = self.context.catalogue()
        code = self.scheme.value()["scheme_code"]
        return catalogue.scheme(code) if catalogue and code else None

    def _show_scheme_info(self) -> None:
        scheme = self._current_scheme()
        if scheme is None:
            self.scheme_info.setText("")
            self.scheme_info.hide()
            self.scheme_warning.hide()
            self.eligibility.hide()
            self.scheme_empty.show()
            return
        self.scheme_empty.hide()
        self._show_eligibility(scheme)
        from cep_desk import catalogue as cat

        steps = "".join(f"<li>{escape(t)}</li>" for t in cat.next_steps_text(scheme))
        served = scheme.serves(self.context.public())
        public_note = (
            ""
            if served
            else "<p><b>"
            + escape(tr("Ce dispositif n'est pas prévu pour le statut de la personne."))
            + "</b></p>"
        )
        self.scheme_info.setText(
            f"{public_note}<p><b>{escape(tr('Conditions :'))}</b> {escape(scheme.conditions)}</p>"
            f"<p><b>{escape(tr('Démarches :'))}</b></p><ul style='margin-top:0'>{steps}</ul>"
            f"<p style='color:{theme.muted_text().name()}'>"
            f"{escape(tr('Vérifié le %s') % formatting.format_date(scheme.verified_on))}</p>"
        )
        verified = catalogue_verified_text(self.context.catalogue())
        if verified:
            self.scheme_info.setText(
                self.scheme_info.text()
                + f"<p style='color:{theme.muted_text().name()}'>{escape(verified)}</p>"
            )
        self.scheme_info.show()
        ended = self.context.catalogue().ended_notice(
            scheme.code, getattr(self, "on_date", None) or date.today()
        )
        if ended:
            self.scheme_warning.setText("⚠ " + ended)
            self.scheme_warning.show()
        elif scheme.is_uncertain:
            self.scheme_warning.setText(
                tr("⚠ Informations incertaines, à vérifier auprès du financeur : %s")
                % scheme.uncertainty
            )
            self.scheme_warning.show()
        else:
            self.scheme_warning.hide()

    def _show_eligibility(self, scheme: Any) -> None:
        result = self.assessment(scheme)
        head = result.label[0].upper() + result.label[1:]
        reasons = "".join(
            f"<li>{escape(r, quote=False)}</li>" for r in (*result.reasons, *result.notes)
        )
        self.eligibility.setText(
            f"<p><b>{escape(tr('Pour cette personne :'))} « {escape(head)} »</b></p>"
            f"<ul style='margin-top:0'>{reasons}</ul>"
        )
        self.eligibility.setAccessibleDescription(result.text)
        self.eligibility.setProperty("mark", result.mark.value)
        self.eligibility.show()

    # totals ------------------------------------------------------------------------------------
    def current_lines(self) -> list[Any]:
        """The saved lines, with the amounts and status being typed in the form."""
        lines: list[Any] = list(self.section.records())
        status = self.status.value() or domain.FundingStatus.CONSIDERED.value
        requested = self.requested.lenient_value()
        granted = self.granted.lenient_value()
        record = self.section.current_record()
        if record is not None:
            row = lines.index(record)
            lines[row] = replace(
                record,
                status=status,
                amount_requested_cents=requested,
                amount_granted_cents=granted,
            )
        elif requested is not None or granted is not None:
            lines.append(
                SimpleNamespace(
                    status=status, amount_requested_cents=requested, amount_granted_cents=granted
                )
            )
        return lines

    def refresh_totals(self, *_args) -> None:
        if self.context.beneficiary_id is None:
            return
        project = self.context.project
        declared = project.declared_cost_cents if project else None
        totals = plan.totals_of(self.current_lines(), declared)
        for key, label in self.total_labels.items():
            text = formatting.format_eur(getattr(totals, key))
            label.setText(text)
            label.setAccessibleDescription(text)
        self.cost_note.setText(
            tr("Coût total : coût déclaré dans l'onglet Projet.")
            if declared is not None
            else tr("Coût total : somme des montants demandés (lignes non refusées).")
        )

    def apply_changes(self, changes: Changes) -> None:
        """Lines saved anywhere listed; the totals follow the lines and the project's declared
        cost (edited in Projet)."""
        self.section.apply_records(changes, chg.FUNDING)
        if changes.touches((chg.PERSON,)):  # eligibility data: the marks may change
            self.person_changed()
        if changes.touches((chg.FUNDING,)) or changes.touches_fields(
            chg.PROJECT, ("declared_cost_cents",)
        ):
            self.refresh_totals()

    def totals_text(self) -> dict[str, str]:
        return {key: label.text() for key, label in self.total_labels.items()}
