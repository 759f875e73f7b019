"""Satisfaction and six-month follow-up of the shown journey (issue #12): the questionnaires
answered (columns from the SATISFACTION kind) and the follow-ups (from the FOLLOWUP kind),
with the actions: the questionnaire on screen (kiosk), the paper form (PDF), typing a paper
form in, recording the follow-up. Comments are not shown in the table (they belong to the
questionnaire, counted anonymously)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from cep_desk import domain, kinds
from cep_desk.usecases import beneficiaries, satisfaction
from cep_desk.usecases.changes import Changes

from . import described
from .widgets import RecordTable, RecordTableModel, hint_label, tr

if TYPE_CHECKING:
    from cep_desk.usecases.file_context import FileContext

SCALES = {"satisfaction": domain.SATISFACTION_SCALE, "usefulness": domain.USEFULNESS_SCALE}


def _scale_cell(name: str):
    def show(record: Any) -> str:
        value = getattr(record, name)
        return SCALES[name].get(value, tr("Sans réponse")) if value else tr("Sans réponse")

    return show


class FollowupTab(QWidget):
    shows = frozenset({"satisfaction", "followup", "journey"})

    def __init__(self, context: FileContext) -> None:
        super().__init__()
        self.context = context
        self.kiosk: Any = None
        answer_columns = described.columns(
            kinds.SATISFACTION,
            {
                "satisfaction": _scale_cell("satisfaction"),
                "usefulness": _scale_cell("usefulness"),
                "recommend": lambda r: (
                    tr("Sans réponse") if r.recommend is None else
                    tr("Oui") if r.recommend else tr("Non")
                ),
            },
        )  # fmt: skip
        for col in answer_columns[3:]:
            col.align_right = False  # words (« Très satisfait·e »), not numbers
        answer_columns[5].header = tr("Recommande")
        self.answers = RecordTableModel(answer_columns, self)
        self.answers_table = RecordTable(self.answers, tr("Questionnaires de satisfaction"))
        self.followups = RecordTableModel(described.columns(kinds.FOLLOWUP), self)
        self.followups_table = RecordTable(self.followups, tr("Suivis à six mois"))
        self.answers_table.set_widths([60, 95, 90, 190, 150, 120])
        self.followups_table.set_widths([95, 95, 90, 150, 260, 150])
        self.kiosk_button = QPushButton(tr("Questionnaire à l'é&cran…"))
        self.print_button = QPushButton(tr("&Questionnaire papier (PDF)…"))
        self.paper_button = QPushButton(tr("Sai&sir un questionnaire papier…"))
        self.followup_button = QPushButton(tr("&Enregistrer le suivi…"))
        self.kiosk_button.clicked.connect(lambda: self.open_kiosk())
        self.print_button.clicked.connect(self.print_form)
        self.paper_button.clicked.connect(self.type_paper)
        self.followup_button.clicked.connect(self.record_followup)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(
            hint_label(
                tr(
                    "À la fin du niveau 1 et du niveau 2, la personne peut répondre au "
                    "questionnaire sur cet écran (le dossier est masqué ; votre phrase de passe "
                    "est demandée pour revenir) ou sur papier. Les réponses ne sont comptées "
                    "que de façon anonyme. Six mois après la clôture, un suivi est prévu."
                )
            )
        )
        row = QHBoxLayout()
        for b in (self.kiosk_button, self.print_button, self.paper_button):
            row.addWidget(b)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(QLabel(tr("Questionnaires de satisfaction")))
        layout.addWidget(self.answers_table, 1)
        row2 = QHBoxLayout()
        row2.addWidget(QLabel(tr("Suivis à six mois")))
        row2.addStretch(1)
        row2.addWidget(self.followup_button)
        layout.addLayout(row2)
        layout.addWidget(self.followups_table, 1)
        self._set_actions()

    # -- filling -------------------------------------------------------------------------
    def fill(self, current) -> None:
        self.answers.set_records(current.satisfaction if current else [])
        self.followups.set_records(current.followups if current else [])
        self._set_actions()

    def clear(self) -> None:
        self.answers.clear()
        self.followups.clear()
        self._set_actions()

    def refresh(self) -> None:
        ws, person = self.context.ws, self.context.person
        if ws is None or person is None:
            return
        self.fill(beneficiaries.load_file(ws, person.id, audit=False).current)

    def apply_changes(self, changes: Changes) -> None:
        if changes.of("satisfaction") or changes.of("followup"):
            self.refresh()
        if self.context.journey is None or self.context.ws is None:
            return
        ended = changes.touches_fields("journey", {"level1_decision", "closed_on"})
        if ended and satisfaction.pending_levels(self.context.ws, self.context.journey.id):
            self.offer_questionnaire()

    def _set_actions(self) -> None:
        has_journey = self.context.journey is not None
        for b in (self.kiosk_button, self.print_button, self.paper_button):
            b.setEnabled(has_journey)
        pending = [f for f in self.followups.records if f.status == "pending"]
        self.followup_button.setEnabled(bool(pending))

    # -- actions -------------------------------------------------------------------------
    def _level(self) -> int:
        journey = self.context.journey
        assert journey is not None  # the buttons that ask for it need a journey
        ws = self.context.workspace()
        pending = satisfaction.pending_levels(ws, journey.id)
        return pending[0] if pending else (2 if journey.level_reached >= 2 else 1)

    def offer_questionnaire(self) -> None:
        from cep_desk.ui import messagebox

        level = self._level()
        if messagebox.confirm(
            self,
            tr("Questionnaire de satisfaction"),
            tr(
                "Fin du niveau %d : proposer maintenant le questionnaire de satisfaction à la "
                "personne, sur cet écran ? (Vous pouvez aussi l'imprimer ou le faire plus tard "
                "depuis l'onglet Satisfaction et suivi.)"
            )
            % level,
        ):
            self.open_kiosk(level)

    def open_kiosk(self, level: int | None = None) -> None:
        from cep_desk.ui.satisfaction_dialogs import KioskQuestionnaire

        journey = self.context.journey
        if journey is None:
            return
        self.kiosk = KioskQuestionnaire(
            self.context.workspace(), journey.id, level or self._level(), self.window()
        )
        self.kiosk.finished.connect(lambda _r: self.refresh())
        self.kiosk.open_full_screen()

    def print_form(self) -> None:
        from cep_desk.ui.pdf_preview import PdfPreviewDialog

        journey = self.context.journey
        if journey is None:
            return
        reference, pdf = satisfaction.paper_form_pdf(
            self.context.workspace(), journey.id, self._level()
        )
        dlg = PdfPreviewDialog(
            pdf, tr("Questionnaire de satisfaction"), self, suggested_name=f"{reference}.pdf"
        )
        dlg.open()

    def type_paper(self) -> None:
        from cep_desk.ui.satisfaction_dialogs import PaperAnswersDialog

        journey = self.context.journey
        if journey is None:
            return
        dlg = PaperAnswersDialog(self.context.workspace(), journey.id, self._level(), self)
        dlg.accepted.connect(self.refresh)
        dlg.open()

    def record_followup(self) -> None:
        from cep_desk.ui.satisfaction_dialogs import FollowupDialog

        ident = self.followups_table.current_id()
        pending = [f for f in self.followups.records if f.status == "pending"]
        if ident is None and pending:
            ident = pending[0].id
        if ident is None:
            return
        dlg = FollowupDialog(self.context.workspace(), ident, self)
        dlg.accepted.connect(self.refresh)
        dlg.open()
