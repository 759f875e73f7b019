"""The satisfaction questionnaire (issue #12, item 2) and the six-month follow-up dialog.

:class:`KioskQuestionnaire` is answered by the person on the counsellor's screen. It covers the
whole screen (full-screen window over everything, no menu, nothing of the file in its widget
tree), uses large type and big radio buttons, and works with the keyboard alone. Échap,
Alt+F4 and closing the window all ask for the counsellor's passphrase
(:class:`LeaveDialog`, checked by :func:`cep_desk.usecases.satisfaction.check_counsellor_passphrase`
on the workspace's key slot); a wrong one is refused in French and the questionnaire stays.

Idle lock during the questionnaire: the main window's lock calls ``reject()`` on every open
dialog. Here ``reject()`` keeps the answers given so far in memory (:data:`_drafts`, never
written to disk, forgotten when the application quits) and closes: the unlock screen then
shows, with nothing of the file. When the counsellor opens the questionnaire of the same
journey and level again, the answers come back.

The questions and scales are CEP Desk's own design: France compétences' questionnaire is not
public (see :mod:`cep_desk.domain`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from cep_desk import domain
from cep_desk.domain import ValidationError
from cep_desk.ui.wheel import WheelSafeCombo, WheelSafeDateEdit
from cep_desk.usecases import followups, satisfaction
from cep_desk.usecases.records import FollowupRecord, SatisfactionRecord
from cep_desk.usecases.workspaces import Workspace


@dataclass
class Draft:
    satisfaction: int | None = None
    usefulness: int | None = None
    recommend: bool | None = None
    comment: str = ""


# Answers typed so far, kept across an idle lock: (journey id, level) → draft. Memory only.
_drafts: dict[tuple[int, int], Draft] = {}

KIOSK_STYLE = """
QDialog#kiosk, QScrollArea, QStackedWidget { background: #fbfaf7; }
QLabel { font-size: 18pt; color: #1b1b1b; }
QLabel#title { font-size: 24pt; font-weight: bold; }
QLabel#hint { font-size: 14pt; color: #444; }
QRadioButton { font-size: 18pt; spacing: 14px; padding: 4px 10px; }
QRadioButton::indicator { width: 30px; height: 30px; }
QRadioButton:focus { background: #dde8f6; border-radius: 6px; }
QPlainTextEdit { font-size: 16pt; }
QPushButton { font-size: 18pt; padding: 10px 28px; }
"""


class _Choice(QWidget):
    """One question: its label (with a mnemonic, buddy of the first option) and big radio
    buttons, navigable with the arrow keys."""

    def __init__(self, text: str, options: Sequence[tuple[object, str]], parent: QWidget) -> None:
        super().__init__(parent)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 6, 0, 6)
        self.label = QLabel(text, self)
        self.label.setWordWrap(True)
        lay.addWidget(self.label)
        grid = QGridLayout()
        grid.setHorizontalSpacing(24)
        grid.setContentsMargins(24, 0, 0, 0)
        self.group = QButtonGroup(self)
        self.buttons: list[tuple[object, QRadioButton]] = []
        per_row = 2
        for i, (value, word) in enumerate(options):
            b = QRadioButton(word, self)
            self.group.addButton(b)
            self.buttons.append((value, b))
            grid.addWidget(b, i // per_row, i % per_row)
        grid.setColumnStretch(per_row, 1)
        lay.addLayout(grid)
        self.label.setBuddy(self.buttons[0][1])

    def value(self) -> object:
        for value, b in self.buttons:
            if b.isChecked():
                return value
        return None

    def set_value(self, value: object) -> None:
        for v, b in self.buttons:
            if v == value and value is not None:
                b.setChecked(True)


class LeaveDialog(QDialog):
    """The counsellor's passphrase, to leave the questionnaire."""

    def __init__(self, ws: Workspace, parent: QWidget) -> None:
        super().__init__(parent)
        self.ws = ws
        self.setWindowTitle("Quitter le questionnaire")
        self.setModal(True)
        # normal type again: this one is for the counsellor, not the kiosk's large print
        self.setStyleSheet(
            "QLabel, QLineEdit { font-size: 12pt; } QPushButton { font-size: 12pt; "
            "padding: 6px 16px; } QLabel#hint { font-size: 12pt; }"
        )
        self.setMinimumWidth(560)
        lay = QVBoxLayout(self)
        intro = QLabel(
            "Réservé au conseiller ou à la conseillère : saisissez votre phrase de passe pour "
            "quitter le questionnaire.",
            self,
        )
        intro.setWordWrap(True)
        intro.setObjectName("hint")
        lay.addWidget(intro)
        form = QFormLayout()
        self.secret = QLineEdit(self)
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        label = QLabel("&Phrase de passe :", self)
        label.setBuddy(self.secret)
        form.addRow(label, self.secret)
        lay.addLayout(form)
        self.error = QLabel("", self)
        self.error.setObjectName("hint")
        self.error.setStyleSheet("color: #a40000;")
        self.error.setWordWrap(True)
        lay.addWidget(self.error)
        buttons = QDialogButtonBox(self)
        self.leave = buttons.addButton("&Quitter", QDialogButtonBox.ButtonRole.AcceptRole)
        self.back = buttons.addButton(
            "&Revenir au questionnaire", QDialogButtonBox.ButtonRole.RejectRole
        )
        self.leave.clicked.connect(self.try_leave)
        self.back.clicked.connect(self.reject)
        self.leave.setDefault(True)
        lay.addWidget(buttons)
        self.secret.setFocus()

    def try_leave(self) -> None:
        if satisfaction.check_counsellor_passphrase(self.ws, self.secret.text()):
            self.secret.clear()
            self.accept()
            return
        self.secret.clear()
        self.error.setText("Phrase de passe incorrecte : le questionnaire reste affiché.")
        self.secret.setFocus()


class KioskQuestionnaire(QDialog):
    """The questionnaire on the counsellor's screen, full screen, behind her passphrase."""

    def __init__(
        self,
        ws: Workspace,
        journey_id: int,
        level: int,
        parent: QWidget | None = None,
        *,
        today: date | None = None,
    ) -> None:
        super().__init__(parent)
        self.ws, self.journey_id, self.level = ws, journey_id, level
        self.today = today or date.today()
        self.saved: SatisfactionRecord | None = None
        self.leave_dialog: LeaveDialog | None = None
        self.setObjectName("kiosk")
        self.setWindowTitle("Questionnaire de satisfaction")
        self.setWindowFlags(Qt.WindowType.Window | Qt.WindowType.FramelessWindowHint)
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.setStyleSheet(KIOSK_STYLE)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea(self)  # a small screen scrolls rather than cut the questions
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.pages = QStackedWidget(scroll)
        scroll.setWidget(self.pages)
        outer.addWidget(scroll)
        self.pages.addWidget(self._questions_page())
        self.pages.addWidget(self._thanks_page())
        draft = _drafts.get((journey_id, level))
        if draft is not None:
            self._restore(draft)

    # -- pages ---------------------------------------------------------------------------
    def _questions_page(self) -> QWidget:
        page = QWidget(self)
        lay = QVBoxLayout(page)
        lay.setContentsMargins(60, 24, 60, 16)
        title = QLabel(
            f"Votre avis sur le conseil en évolution professionnelle (niveau {self.level})", page
        )
        title.setObjectName("title")
        title.setWordWrap(True)
        lay.addWidget(title)
        hint = QLabel(
            "Vos réponses sont anonymes dans les comptes du service. Répondez avec la souris ou "
            "le clavier (Tab pour passer d'une question à l'autre, flèches pour choisir). "
            "Vous pouvez laisser une question sans réponse.",
            page,
        )
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        lay.addWidget(hint)
        sat = [(k, v) for k, v in domain.SATISFACTION_SCALE.items()]
        use = [(k, v) for k, v in domain.USEFULNESS_SCALE.items()]
        self.q_satisfaction = _Choice("&1. " + domain.QUESTION_SATISFACTION, sat, page)
        self.q_usefulness = _Choice("&2. " + domain.QUESTION_USEFULNESS, use, page)
        self.q_recommend = _Choice(
            "&3. " + domain.QUESTION_RECOMMEND, [(True, "Oui"), (False, "Non")], page
        )
        for q in (self.q_satisfaction, self.q_usefulness, self.q_recommend):
            lay.addWidget(q)
        comment_label = QLabel("&4. " + domain.QUESTION_COMMENT, page)
        comment_label.setWordWrap(True)
        self.comment = QPlainTextEdit(page)
        self.comment.setTabChangesFocus(True)
        self.comment.setFixedHeight(90)
        comment_label.setBuddy(self.comment)
        lay.addWidget(comment_label)
        lay.addWidget(self.comment)
        self.error = QLabel("", page)
        self.error.setObjectName("hint")
        self.error.setStyleSheet("color: #a40000;")
        lay.addWidget(self.error)
        row = QHBoxLayout()
        row.addStretch(1)
        self.submit = QPushButton("&Valider mes réponses", page)
        self.submit.clicked.connect(self.submit_answers)
        row.addWidget(self.submit)
        lay.addLayout(row)
        lay.addStretch(1)
        return page

    def _thanks_page(self) -> QWidget:
        page = QWidget(self)
        lay = QVBoxLayout(page)
        lay.setContentsMargins(60, 24, 60, 24)
        lay.addStretch(1)
        thanks = QLabel("Merci ! Vos réponses sont enregistrées.", page)
        thanks.setObjectName("title")
        thanks.setAlignment(Qt.AlignmentFlag.AlignCenter)
        lay.addWidget(thanks)
        back = QLabel("Vous pouvez rendre l'écran à votre conseiller ou conseillère.", page)
        back.setAlignment(Qt.AlignmentFlag.AlignCenter)
        lay.addWidget(back)
        lay.addStretch(1)
        line = QFrame(page)
        line.setFrameShape(QFrame.Shape.HLine)
        lay.addWidget(line)
        row = QHBoxLayout()
        row.addStretch(1)
        self.done_button = QPushButton("&Terminer (conseiller)", page)
        self.done_button.clicked.connect(self.ask_to_leave)
        row.addWidget(self.done_button)
        lay.addLayout(row)
        return page

    # -- answers -------------------------------------------------------------------------
    def draft(self) -> Draft:
        rec = self.q_recommend.value()
        sat, use = self.q_satisfaction.value(), self.q_usefulness.value()
        return Draft(
            satisfaction=sat if isinstance(sat, int) else None,
            usefulness=use if isinstance(use, int) else None,
            recommend=rec if isinstance(rec, bool) else None,
            comment=self.comment.toPlainText(),
        )

    def _restore(self, draft: Draft) -> None:
        self.q_satisfaction.set_value(draft.satisfaction)
        self.q_usefulness.set_value(draft.usefulness)
        self.q_recommend.set_value(draft.recommend)
        self.comment.setPlainText(draft.comment)

    def submit_answers(self) -> None:
        d = self.draft()
        try:
            self.saved = satisfaction.record_answers(
                self.ws,
                self.journey_id,
                level=self.level,
                channel=domain.AnswerChannel.SCREEN.value,
                answered_on=self.today,
                satisfaction=d.satisfaction,
                usefulness=d.usefulness,
                recommend=d.recommend,
                comment=d.comment,
            )
        except ValidationError as exc:
            self.error.setText(exc.message)
            return
        _drafts.pop((self.journey_id, self.level), None)
        self.comment.clear()
        self.pages.setCurrentIndex(1)
        self.done_button.setFocus()

    # -- leaving -------------------------------------------------------------------------
    def ask_to_leave(self) -> None:
        """Open the passphrase dialog (window-modal); the kiosk closes only once the
        counsellor gave her passphrase there."""
        if self.leave_dialog is not None:
            self.leave_dialog.secret.setFocus()
            return
        self.leave_dialog = LeaveDialog(self.ws, self)
        self.leave_dialog.accepted.connect(self._leave)
        self.leave_dialog.finished.connect(self._leave_dialog_closed)
        self.leave_dialog.open()

    def _leave_dialog_closed(self) -> None:
        if self.leave_dialog is not None:
            self.leave_dialog.deleteLater()
        self.leave_dialog = None

    def _leave(self) -> None:
        self._keep_draft()
        self._closing_allowed = True
        super().accept()

    def _keep_draft(self) -> None:
        if self.saved is None:
            d = self.draft()
            if d != Draft():
                _drafts[(self.journey_id, self.level)] = d

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if event.key() == Qt.Key.Key_Escape:
            event.accept()
            self.ask_to_leave()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        if self.isVisible() and not self._closing_allowed:
            event.ignore()
            self.ask_to_leave()
            return
        super().closeEvent(event)

    _closing_allowed = False

    def accept(self) -> None:
        """Only the passphrase leaves (:meth:`ask_to_leave`)."""
        self.ask_to_leave()

    def reject(self) -> None:
        """Called by the lock (idle or Ctrl+L) on every open dialog: keep the answers so far
        in memory, close without a passphrase; the unlock screen takes over."""
        if self.leave_dialog is not None:
            self.leave_dialog.done(QDialog.DialogCode.Rejected)
        self._keep_draft()
        self._closing_allowed = True
        super().reject()

    def open_full_screen(self) -> None:
        parent = self.parentWidget()
        screen = parent.screen() if parent is not None else self.screen()
        self.setGeometry(screen.geometry())  # whatever the window manager does with it
        self.showFullScreen()
        self.activateWindow()
        self.q_satisfaction.buttons[0][1].setFocus()


# ---------------------------------------------------------------------------------------------
# Typing in a paper form, recording a follow-up: normal dialogs
# ---------------------------------------------------------------------------------------------


def _combo(parent: QWidget, options: list[tuple[object, str]]) -> QComboBox:
    box = WheelSafeCombo(parent)
    box.addItem("Pas de réponse", None)
    for value, word in options:
        box.addItem(word, value)
    return box


YES_NO: list[tuple[object, str]] = [(True, "Oui"), (False, "Non")]


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _date_edit(parent: QWidget) -> QDateEdit:
    edit = WheelSafeDateEdit(_qdate(date.today()), parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("dd/MM/yyyy")
    return edit


def _form_rows(
    dialog: QWidget, lay: QVBoxLayout, form: QFormLayout, rows: tuple[tuple[str, QWidget], ...]
) -> QLabel:
    """Labelled rows (each label the buddy of its editor), then the error line, returned."""
    for text, widget in rows:
        label = QLabel(text, dialog)
        label.setBuddy(widget)
        form.addRow(label, widget)
    lay.addLayout(form)
    error = QLabel("", dialog)
    error.setStyleSheet("color: #a40000;")
    error.setWordWrap(True)
    lay.addWidget(error)
    return error


def _pydate(edit: QDateEdit) -> date:
    d = edit.date()
    return date(d.year(), d.month(), d.day())


class PaperAnswersDialog(QDialog):
    """Type in a questionnaire answered on paper (channel « papier »), matched by its code."""

    def __init__(
        self, ws: Workspace, journey_id: int, level: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ws, self.journey_id = ws, journey_id
        self.saved: SatisfactionRecord | None = None
        self.setWindowTitle("Saisir un questionnaire papier")
        lay = QVBoxLayout(self)
        form = QFormLayout()
        self.reference = QLineEdit(satisfaction.paper_reference(journey_id, level), self)
        self.level = WheelSafeCombo(self)
        self.level.addItem("Niveau 1", 1)
        self.level.addItem("Niveau 2", 2)
        self.level.setCurrentIndex(level - 1)
        self.level.currentIndexChanged.connect(self._level_changed)
        self.answered_on = _date_edit(self)
        self.satisfaction = _combo(self, list(domain.SATISFACTION_SCALE.items()))
        self.usefulness = _combo(self, list(domain.USEFULNESS_SCALE.items()))
        self.recommend = _combo(self, YES_NO)
        self.comment = QPlainTextEdit(self)
        self.comment.setTabChangesFocus(True)
        rows = (
            ("Code du &formulaire :", self.reference),
            ("&Niveau :", self.level),
            ("&Date de la réponse :", self.answered_on),
            ("&Satisfaction :", self.satisfaction),
            ("&Utilité :", self.usefulness),
            ("&Recommanderait :", self.recommend),
            ("&Commentaire :", self.comment),
        )
        self.error = _form_rows(self, lay, form, rows)
        buttons = QDialogButtonBox(self)
        ok = buttons.addButton("&Enregistrer", QDialogButtonBox.ButtonRole.AcceptRole)
        cancel = buttons.addButton("&Annuler", QDialogButtonBox.ButtonRole.RejectRole)
        ok.clicked.connect(self.save)
        cancel.clicked.connect(self.reject)
        lay.addWidget(buttons)

    def _level_changed(self) -> None:
        self.reference.setText(
            satisfaction.paper_reference(self.journey_id, self.level.currentData())
        )

    def save(self) -> None:
        try:
            journey_id, level = satisfaction.parse_paper_reference(self.reference.text())
            if journey_id != self.journey_id:
                raise ValidationError(
                    "Ce code de formulaire appartient à un autre parcours : vérifiez que vous "
                    "êtes dans le bon dossier.",
                    "reference",
                )
            self.saved = satisfaction.record_answers(
                self.ws,
                journey_id,
                level=level,
                channel=domain.AnswerChannel.PAPER.value,
                answered_on=_pydate(self.answered_on),
                satisfaction=self.satisfaction.currentData(),
                usefulness=self.usefulness.currentData(),
                recommend=self.recommend.currentData(),
                comment=self.comment.toPlainText(),
            )
        except ValidationError as exc:
            self.error.setText(exc.message)
            return
        self.accept()


class FollowupDialog(QDialog):
    """The six-month follow-up: the situation then and the two published questions, or one
    more failed attempt to reach the person."""

    def __init__(self, ws: Workspace, followup_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws, self.followup_id = ws, followup_id
        self.saved: FollowupRecord | None = None
        record = followups.get_followup(ws, followup_id)
        self.setWindowTitle("Suivi à six mois")
        lay = QVBoxLayout(self)
        from cep_desk.formatting import format_date

        intro = QLabel(
            f"Prévu le {format_date(record.due_on)} ; {record.attempts} tentative(s) de "
            f"contact sans réponse sur {followups.max_attempts(ws)}.\nQuestions à poser :\n"
            f"« {domain.QUESTION_MORE_SATISFYING} »\n« {domain.QUESTION_SERVICE_USEFUL} »",
            self,
        )
        intro.setWordWrap(True)
        lay.addWidget(intro)
        form = QFormLayout()
        self.done_on = _date_edit(self)
        self.situation = _combo(self, list(domain.FollowupSituation.choices()))
        self.situation.setItemText(0, "(choisir)")
        self.project = _combo(self, list(domain.FollowupProject.choices()))
        self.more_satisfying = _combo(self, YES_NO)
        self.service_useful = _combo(self, YES_NO)
        # the two published questions, as the counsellor asks them
        self.more_satisfying.setToolTip(domain.QUESTION_MORE_SATISFYING)
        self.service_useful.setToolTip(domain.QUESTION_SERVICE_USEFUL)
        self.note = QPlainTextEdit(self)
        self.note.setTabChangesFocus(True)
        rows = (
            ("&Date :", self.done_on),
            ("&Situation :", self.situation),
            ("&Projet :", self.project),
            ("Situation plus sa&tisfaisante :", self.more_satisfying),
            ("Service &utile :", self.service_useful),
            ("N&ote :", self.note),
        )
        self.error = _form_rows(self, lay, form, rows)
        buttons = QDialogButtonBox(self)
        ok = buttons.addButton("&Enregistrer le suivi", QDialogButtonBox.ButtonRole.AcceptRole)
        miss = buttons.addButton("&Injoignable cette fois", QDialogButtonBox.ButtonRole.ActionRole)
        cancel = buttons.addButton("&Annuler", QDialogButtonBox.ButtonRole.RejectRole)
        ok.clicked.connect(self.save)
        miss.clicked.connect(self.missed)
        cancel.clicked.connect(self.reject)
        lay.addWidget(buttons)

    def save(self) -> None:
        try:
            self.saved = followups.record_followup(
                self.ws,
                self.followup_id,
                done_on=_pydate(self.done_on),
                situation=self.situation.currentData(),
                project_status=self.project.currentData(),
                more_satisfying=self.more_satisfying.currentData(),
                service_useful=self.service_useful.currentData(),
                note=self.note.toPlainText(),
            )
        except ValidationError as exc:
            self.error.setText(exc.message)
            return
        self.accept()

    def missed(self) -> None:
        try:
            self.saved = followups.record_attempt(
                self.ws, self.followup_id, _pydate(self.done_on), self.note.toPlainText()
            )
        except ValidationError as exc:
            self.error.setText(exc.message)
            return
        self.accept()
