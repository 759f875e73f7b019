"""'Réglages…': the counsellor's identity on the printed plan, the delays (idle lock, retention,
backup reminder) and the change of passphrase."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from cep_desk import domain
from cep_desk.domain import ValidationError
from cep_desk.storage import vault
from cep_desk.storage.workspace import Workspace
from cep_desk.usecases import workspaces

from . import messagebox, workers

# (setting key, label, minimum, maximum, suffix)
DELAYS = (
    ("idle_lock_minutes", "Verrouillage après inactivité", 1, 60, " min"),
    ("retention_years", "Durée de conservation après le dernier contact", 1, 10, " ans"),
    ("backup_reminder_days", "Rappel de sauvegarde après", 1, 90, " jours"),
)


def _tr(text: str) -> str:
    return QCoreApplication.translate("SettingsDialog", text)


def _labelled(form: QFormLayout, text: str, widget: QWidget, accessible: str) -> None:
    label = QLabel(text)
    label.setBuddy(widget)
    widget.setAccessibleName(accessible)
    form.addRow(label, widget)


class SettingsDialog(QDialog):
    """Reads the settings through the use cases on open; writes them on "Enregistrer"."""

    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.setWindowTitle(_tr("Réglages"))
        self.setAccessibleName(_tr("Réglages"))
        layout = QVBoxLayout(self)

        who = QGroupBox(_tr("Vous-même (imprimé sur le plan d'action)"))
        form = QFormLayout(who)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        counsellor = workspaces.get_counsellor(ws)
        self.name = QLineEdit(counsellor.name)
        self.organisation = QLineEdit(counsellor.organisation)
        self.operator_kind = QComboBox()
        for code, label in domain.OperatorKind.choices():
            self.operator_kind.addItem(label, code)
        self.operator_kind.setCurrentIndex(
            max(0, self.operator_kind.findData(counsellor.operator_kind))
        )
        self.region = QLineEdit(counsellor.region)
        self.email = QLineEdit(counsellor.email)
        self.phone = QLineEdit(counsellor.phone)
        self.address = QPlainTextEdit(counsellor.address)
        self.address.setTabChangesFocus(True)
        self.address.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 12)
        for text, widget, accessible in (
            (_tr("&Nom et prénom :"), self.name, _tr("Nom et prénom du conseiller")),
            (_tr("&Organisme :"), self.organisation, _tr("Organisme")),
            (_tr("&Type d'opérateur :"), self.operator_kind, _tr("Type d'opérateur")),
            (_tr("&Région :"), self.region, _tr("Région")),
            (_tr("&Courriel :"), self.email, _tr("Courriel")),
            (_tr("Té&léphone :"), self.phone, _tr("Téléphone")),
            (_tr("&Adresse :"), self.address, _tr("Adresse")),
        ):
            _labelled(form, text, widget, accessible)
        layout.addWidget(who)

        delays = QGroupBox(_tr("Délais"))
        form = QFormLayout(delays)
        self.delays: dict[str, QSpinBox] = {}
        for key, label, low, high, suffix in DELAYS:
            box = QSpinBox()
            box.setRange(low, high)
            box.setSuffix(_tr(suffix))
            box.setValue(int(workspaces.get_setting(ws, key)))
            self.delays[key] = box
            _labelled(form, _tr(label) + " :", box, _tr(label))
        layout.addWidget(delays)

        security = QHBoxLayout()
        self.passwd_button = QPushButton(_tr("Changer la &phrase de passe…"))
        self.passwd_button.setAccessibleName(_tr("Changer la phrase de passe"))
        self.passwd_button.clicked.connect(self.change_passphrase)
        security.addWidget(self.passwd_button)
        security.addStretch(1)
        layout.addLayout(security)

        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setObjectName("settings_error")
        self.error.setStyleSheet("#settings_error { color: #8b1a1a; }")
        self.error.setAccessibleName(_tr("Message d'erreur"))
        self.error.hide()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(560)

    def accept(self) -> None:
        try:
            workspaces.update_counsellor(
                self.ws,
                name=self.name.text(),
                organisation=self.organisation.text(),
                operator_kind=self.operator_kind.currentData(),
                region=self.region.text(),
                email=self.email.text(),
                phone=self.phone.text(),
                address=self.address.toPlainText(),
            )
        except ValidationError as exc:
            self.error.setText(exc.message)
            self.error.show()
            return
        for key, box in self.delays.items():
            workspaces.set_setting(self.ws, key, box.value())
        super().accept()

    def change_passphrase(self) -> PassphraseDialog:
        dialog = PassphraseDialog(self.ws, self)
        dialog.open()
        return dialog


class PassphraseDialog(QDialog):
    """Current passphrase (or recovery key), the new one twice with its strength; only the key
    file is rewritten, in a worker (two key derivations)."""

    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.setWindowTitle(_tr("Changer la phrase de passe"))
        self.setAccessibleName(_tr("Changer la phrase de passe"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.current = QLineEdit()
        self.new = QLineEdit()
        self.confirm = QLineEdit()
        for text, widget, accessible in (
            (
                _tr("Phrase &actuelle (ou clé de secours) :"),
                self.current,
                _tr("Phrase de passe actuelle ou clé de secours"),
            ),
            (_tr("&Nouvelle phrase :"), self.new, _tr("Nouvelle phrase de passe")),
            (_tr("&Confirmation :"), self.confirm, _tr("Confirmation de la nouvelle phrase")),
        ):
            widget.setEchoMode(QLineEdit.EchoMode.Password)
            _labelled(form, text, widget, accessible)
        layout.addLayout(form)
        self.meter = QProgressBar()
        self.meter.setRange(0, 120)
        self.meter.setAccessibleName(_tr("Solidité de la nouvelle phrase de passe"))
        self.meter.setFormat(_tr("Solidité : %v bits estimés sur 80 demandés"))
        layout.addWidget(self.meter)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAccessibleName(_tr("Message"))
        layout.addWidget(self.message)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(_tr("Changer"))
        self.ok.setEnabled(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        for field in (self.current, self.new, self.confirm):
            field.textChanged.connect(self._update)
        self.setMinimumWidth(520)
        self.changed = False

    def _update(self) -> None:
        strength = vault.passphrase_strength(self.new.text())
        self.meter.setValue(min(120, int(strength.bits)))
        same = self.new.text() == self.confirm.text()
        if self.new.text() and not strength.acceptable:
            self.message.setText(strength.message)
        elif self.confirm.text() and not same:
            self.message.setText(_tr("Les deux saisies diffèrent."))
        else:
            self.message.setText(strength.message if self.new.text() else "")
        self.ok.setEnabled(bool(self.current.text()) and strength.acceptable and same)

    def accept(self) -> None:
        self.ok.setEnabled(False)
        self.message.setText(_tr("Changement en cours…"))
        worker = workers.Worker(
            workspaces.change_passphrase, self.ws.path, self.current.text(), self.new.text()
        )
        worker.signals.finished.connect(self._done)
        worker.signals.failed.connect(self._failed)
        self.setCursor(Qt.CursorShape.BusyCursor)
        workers.start(worker)

    def _done(self, _result: object) -> None:
        self.unsetCursor()
        self.changed = True
        for field in (self.current, self.new, self.confirm):
            field.clear()
        messagebox.information(
            self,
            _tr("Phrase de passe changée"),
            _tr("La nouvelle phrase de passe ouvre l'espace. La clé de secours reste valable."),
        )
        super().accept()

    def _failed(self, message: str, _exc: object) -> None:
        self.unsetCursor()
        self._update()  # the button back as the fields allow
        self.message.setText(message)
