"""'Réglages…': the counsellor's identity on the printed plan, the delays (idle lock, retention,
backup reminder) and the change of passphrase."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
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
from cep_desk.passphrase import passphrase_strength
from cep_desk.plan_document import COUNSELLOR_GENDER_SETTING
from cep_desk.usecases import workspaces
from cep_desk.usecases.workspaces import OLD_SECRETS_NOTICE, RekeyReport, Workspace

from . import messagebox, theme, workers
from .wheel import WheelSafeCombo, WheelSafeSpinBox

# (setting key, label, minimum, maximum, suffix)
DELAYS = (
    ("idle_lock_minutes", "Verrouillage après inactivité", 1, 60, " min"),
    ("retention_years", "Durée de conservation après le dernier contact", 1, 10, " ans"),
    ("backup_reminder_days", "Rappel de sauvegarde après", 1, 90, " jours"),
)
# the same labels with their Alt letter (none taken by the other fields of Réglages)
DELAY_MNEMONICS = (
    "&Verrouillage après inactivité",
    "&Durée de conservation après le dernier contact",
    "Rappel de &sauvegarde après",
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
        self.operator_kind = WheelSafeCombo()
        for code, label in domain.OperatorKind.choices():
            self.operator_kind.addItem(label, code)
        self.operator_kind.setCurrentIndex(
            max(0, self.operator_kind.findData(counsellor.operator_kind))
        )
        self.region = QLineEdit(counsellor.region)
        self.email = QLineEdit(counsellor.email)
        self.phone = QLineEdit(counsellor.phone)
        # how the plan names you: « Votre conseillère », « Votre conseiller », or neutral
        self.gender = WheelSafeCombo()
        for code, label in (
            ("", _tr("Non précisé (« Votre conseiller·ère »)")),
            ("f", _tr("Une conseillère (« Votre conseillère »)")),
            ("m", _tr("Un conseiller (« Votre conseiller »)")),
        ):
            self.gender.addItem(label, code)
        self.gender.setCurrentIndex(
            max(
                0, self.gender.findData(workspaces.get_setting(ws, COUNSELLOR_GENDER_SETTING) or "")
            )
        )
        self.address = QPlainTextEdit(counsellor.address)
        self.address.setTabChangesFocus(True)
        self.address.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 12)
        for text, widget, accessible in (
            (_tr("&Nom et prénom :"), self.name, _tr("Nom et prénom du conseiller")),
            (_tr("&Genre sur le plan :"), self.gender, _tr("Comment le plan vous nomme")),
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
        for (key, label, low, high, suffix), mnemonic_label in zip(
            DELAYS, DELAY_MNEMONICS, strict=True
        ):
            box = WheelSafeSpinBox()
            box.setRange(low, high)
            box.setSuffix(_tr(suffix))
            box.setValue(workspaces.int_setting(ws, key, low))
            self.delays[key] = box
            _labelled(form, _tr(mnemonic_label) + " :", box, _tr(label))
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
        self.error.setStyleSheet(f"#settings_error {{ color: {theme.error_text().name()}; }}")
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
        workspaces.set_setting(self.ws, COUNSELLOR_GENDER_SETTING, self.gender.currentData())
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
        self.rekey_box = QCheckBox(
            _tr(
                "La phrase de passe a pu être &vue par quelqu'un : changer aussi la clé de "
                "chiffrement (et la clé de secours)"
            )
        )
        self.rekey_box.setAccessibleName(_tr("Changer aussi la clé de chiffrement"))
        self.rekey_box.setToolTip(
            _tr(
                "La base est rechiffrée avec une clé neuve : l'ancienne phrase de passe, "
                "l'ancienne clé de secours et toute ancienne copie du fichier des clés "
                "n'ouvrent plus cet espace. Une nouvelle clé de secours est affichée une fois."
            )
        )
        layout.addWidget(self.rekey_box)
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
        self.recovery_dialog: RecoveryKeyDialog | None = None

    def _update(self) -> None:
        strength = passphrase_strength(self.new.text())
        self.meter.setValue(min(120, int(strength.bits)))
        theme.colour_meter(self.meter, strength.acceptable, strength.bits / 80)
        verdict = _tr("suffisante") if strength.acceptable else _tr("insuffisante")
        self.meter.setFormat(
            _tr("Solidité : {0} (%v bits estimés sur 80 demandés)").format(verdict)
            if self.new.text()
            else _tr("Solidité : %v bits estimés sur 80 demandés")
        )
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
        if self.rekey_box.isChecked():
            self.message.setText(_tr("Rechiffrement de la base en cours…"))
            worker = workers.Worker(workspaces.rekey, self.ws, self.current.text(), self.new.text())
        else:
            self.message.setText(_tr("Changement en cours…"))
            worker = workers.Worker(
                workspaces.change_passphrase, self.ws.path, self.current.text(), self.new.text()
            )
        worker.signals.finished.connect(self._done)
        worker.signals.failed.connect(self._failed)
        self.setCursor(Qt.CursorShape.BusyCursor)
        workers.start(worker)

    def _done(self, result: object) -> None:
        self.unsetCursor()
        self.changed = True
        for field in (self.current, self.new, self.confirm):
            field.clear()
        if isinstance(result, RekeyReport):
            dialog = RecoveryKeyDialog(result, self.parentWidget() or self)
            self.recovery_dialog = dialog
            dialog.open()
            super().accept()
            return
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


class RecoveryKeyDialog(QDialog):
    """The new recovery key after a change of database key, shown once (never copied to the
    clipboard), with what remains readable with the old secrets."""

    def __init__(self, report: RekeyReport, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_tr("Nouvelle clé de secours"))
        self.setAccessibleName(_tr("Nouvelle clé de secours"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            _tr(
                "La phrase de passe et la clé de chiffrement ont été changées : l'ancienne "
                "phrase de passe et l'ancienne clé de secours n'ouvrent plus cet espace. "
                "Voici la nouvelle clé de secours ; notez-la maintenant, elle ne sera plus "
                "affichée."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.key_label = QLabel(report.recovery_key)
        self.key_label.setObjectName("new_recovery_key")
        self.key_label.setAccessibleName(_tr("Nouvelle clé de secours"))
        self.key_label.setStyleSheet(
            "#new_recovery_key { background: #ffffff; color: #111; border: 2px solid #555;"
            " padding: 12px; font-family: monospace; font-size: 18pt; }"
        )
        self.key_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.key_label)
        notice = QLabel(_tr(OLD_SECRETS_NOTICE))
        notice.setWordWrap(True)
        notice.setAccessibleName(_tr("Anciennes sauvegardes"))
        layout.addWidget(notice)
        self.kept = QCheckBox(_tr("J'ai noté la nouvelle clé de secours en lieu sûr"))
        layout.addWidget(self.kept)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(_tr("Terminé"))
        self.ok.setEnabled(False)
        self.kept.toggled.connect(self.ok.setEnabled)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)
        self.setMinimumWidth(560)

    def accept(self) -> None:
        if not self.kept.isChecked():
            return
        self.key_label.clear()
        super().accept()

    def reject(self) -> None:  # Échap: the key must have been noted first
        if self.kept.isChecked():
            self.key_label.clear()
            super().reject()
