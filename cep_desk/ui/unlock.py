"""The unlock screen: passphrase (or recovery key), the workspace folder, clear French errors.

The key derivation (Argon2id, about a third of a second) and the opening run in a worker; the
screen shows a busy indicator meanwhile and stays responsive. A wrong secret touches no file.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QThreadPool, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from cep_desk import passphrase
from cep_desk.ui import theme, workers
from cep_desk.usecases import faults as errors
from cep_desk.usecases.faults import WorkspaceBusy, WorkspaceError, is_workspace

# Nothing here imports SQLAlchemy, Alembic or ReportLab: this screen is the first thing shown
# and must appear fast (tests/ui/test_startup_imports.py). The use cases load in the worker.


def open_error_text(exc: BaseException, recovery: bool, directory: Path | None = None) -> str:
    """The French message shown for an exception raised while opening."""
    tr = QCoreApplication.translate
    opening = tr("UnlockScreen", "L'ouverture de l'espace de travail")
    if isinstance(exc, errors.WrongSecret):
        if recovery:
            return tr(
                "UnlockScreen",
                "Clé de secours incorrecte. Vérifiez chaque groupe de caractères "
                "(les tirets et les espaces ne comptent pas).",
            )
        return tr(
            "UnlockScreen",
            "Phrase de passe incorrecte. Vérifiez la saisie (majuscules, accents, "
            "verrouillage des majuscules) et réessayez.",
        )
    if isinstance(exc, WorkspaceBusy | WorkspaceError | errors.VaultError | errors.StorageFault):
        # The storage layer words these in French already (a failed upgrade says how to go
        # back to the copy made before it; a full disk how much room it needs).
        return str(exc)
    # A full disk, read-only media… named as such, never as damage; nothing technical shown.
    said = errors.user_message(exc, directory=directory, action=opening)
    return said or errors.describe(errors.Fault.OTHER, action=opening)


def _open(directory: Path, secret: str, kind: str) -> object:
    from cep_desk.usecases import workspaces

    return workspaces.open_(directory, secret, kind=kind)


class UnlockScreen(QWidget):
    """Emits :attr:`unlocked` with the open ``Workspace``."""

    unlocked = Signal(object)
    create_requested = Signal(object)  # Path of a folder without a workspace
    directory_changed = Signal(object)  # Path
    busy_changed = Signal(bool)
    failed = Signal(str)

    def __init__(self, directory: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._directory = Path(directory)
        self._worker: workers.Worker | None = None
        self._busy = False
        self.setAccessibleName(self.tr("Écran de déverrouillage"))

        outer = QVBoxLayout(self)
        outer.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        card = QFrame()
        card.setObjectName("unlock_card")
        card.setFrameShape(QFrame.Shape.StyledPanel)
        card.setMaximumWidth(640)
        card.setMinimumWidth(420)
        card.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        row.addWidget(card, 4)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)

        form = QVBoxLayout(card)
        form.setContentsMargins(32, 28, 32, 28)
        form.setSpacing(10)

        self.title = QLabel(self.tr("CEP Desk"))
        title_font = QFont(self.font())
        title_font.setPointSizeF(title_font.pointSizeF() * 1.8)
        title_font.setBold(True)
        self.title.setFont(title_font)
        self.title.setAccessibleName(self.tr("CEP Desk"))
        form.addWidget(self.title)

        self.subtitle = QLabel(self.tr("Votre espace de travail est verrouillé."))
        self.subtitle.setWordWrap(True)
        self.subtitle.setAccessibleName(self.tr("État de l'espace de travail"))
        form.addWidget(self.subtitle)

        folder_row = QHBoxLayout()
        self.folder_label = QLabel()
        self.folder_label.setWordWrap(True)
        self.folder_label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.folder_label.setAccessibleName(self.tr("Dossier de l'espace de travail"))
        self.folder_label.setStyleSheet(theme.hint_style())
        self.change_folder = QPushButton(self.tr("Changer de dossier…"))
        self.change_folder.setAccessibleName(self.tr("Changer le dossier de l'espace de travail"))
        folder_row.addWidget(self.folder_label, 1)
        folder_row.addWidget(self.change_folder, 0, Qt.AlignmentFlag.AlignTop)
        form.addLayout(folder_row)
        form.addSpacing(8)

        self.secret_label = QLabel()
        form.addWidget(self.secret_label)
        self.secret = QLineEdit()
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.secret.setMinimumHeight(int(self.fontMetrics().height() * 2))
        self.secret.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, True)
        self.secret_label.setBuddy(self.secret)
        form.addWidget(self.secret)

        self.show_secret = QCheckBox(self.tr("Afficher la saisie"))
        self.show_secret.setAccessibleName(self.tr("Afficher la saisie en clair"))
        form.addWidget(self.show_secret)

        self.use_recovery = QCheckBox(
            self.tr("J'ai oublié ma phrase de passe : utiliser la clé de secours")
        )
        self.use_recovery.setAccessibleName(self.tr("Utiliser la clé de secours"))
        form.addWidget(self.use_recovery)

        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setObjectName("unlock_error")
        self.error.setAccessibleName(self.tr("Message d'erreur"))
        self.error.setStyleSheet(
            "#unlock_error { color: #8b1a1a; background: #fbeaea; border: 1px solid #d9a3a3;"
            " border-radius: 4px; padding: 8px; }"
        )
        self.error.hide()
        form.addWidget(self.error)

        self.create_here = QPushButton(self.tr("Créer un espace de travail dans ce dossier…"))
        self.create_here.setAccessibleName(self.tr("Créer un espace de travail dans ce dossier"))
        self.create_here.hide()
        form.addWidget(self.create_here)

        busy_row = QHBoxLayout()
        self.busy_bar = QProgressBar()
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setTextVisible(False)
        self.busy_bar.setMaximumHeight(8)
        self.busy_bar.setAccessibleName(self.tr("Déverrouillage en cours"))
        self.busy_label = QLabel(self.tr("Déverrouillage en cours…"))
        self.busy_label.setAccessibleName(self.tr("Déverrouillage en cours"))
        busy_row.addWidget(self.busy_label)
        busy_row.addWidget(self.busy_bar, 1)
        self.busy_bar.hide()
        self.busy_label.hide()
        form.addLayout(busy_row)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.unlock_button = QPushButton(self.tr("Déverrouiller"))
        self.unlock_button.setAccessibleName(self.tr("Déverrouiller l'espace de travail"))
        self.unlock_button.setDefault(True)
        self.unlock_button.setAutoDefault(True)
        self.unlock_button.setMinimumWidth(160)
        buttons.addWidget(self.unlock_button)
        form.addLayout(buttons)

        self.setTabOrder(self.secret, self.show_secret)
        self.setTabOrder(self.show_secret, self.use_recovery)
        self.setTabOrder(self.use_recovery, self.unlock_button)
        self.setTabOrder(self.unlock_button, self.change_folder)
        self.setTabOrder(self.change_folder, self.create_here)
        self.setFocusProxy(self.secret)

        self.secret.returnPressed.connect(self.unlock)
        self.unlock_button.clicked.connect(self.unlock)
        self.show_secret.toggled.connect(self._update_echo)
        self.use_recovery.toggled.connect(self._update_mode)
        self.change_folder.clicked.connect(self._choose_folder)
        self.create_here.clicked.connect(lambda: self.create_requested.emit(self._directory))
        self._update_mode()
        self.set_directory(self._directory)

    # -- state ------------------------------------------------------------------------------

    @property
    def directory(self) -> Path:
        return self._directory

    @property
    def busy(self) -> bool:
        return self._busy

    def set_directory(self, directory: Path) -> None:
        self._directory = Path(directory)
        self.folder_label.setText(self.tr("Dossier : {0}").format(self._directory))
        self.folder_label.setToolTip(str(self._directory))
        self.clear_error()
        if not is_workspace(self._directory):
            self.show_error(
                self.tr("Aucun espace de travail CEP Desk dans ce dossier."), can_create=True
            )

    def set_subtitle(self, text: str) -> None:
        self.subtitle.setText(text)

    def reset(self) -> None:
        """Empty the secret field (after an unlock, and when the screen is shown again)."""
        self.secret.clear()
        self.show_secret.setChecked(False)
        self.use_recovery.setChecked(False)
        if is_workspace(self._directory):
            self.clear_error()

    def clear_error(self) -> None:
        self.error.clear()
        self.error.hide()
        self.create_here.hide()

    def show_error(self, text: str, *, can_create: bool = False) -> None:
        self.error.setText(text)
        self.error.setAccessibleDescription(text)
        self.error.show()
        self.create_here.setVisible(can_create)

    def _update_echo(self) -> None:
        self.secret.setEchoMode(
            QLineEdit.EchoMode.Normal
            if self.show_secret.isChecked()
            else QLineEdit.EchoMode.Password
        )

    def _update_mode(self) -> None:
        if self.use_recovery.isChecked():
            self.secret_label.setText(self.tr("&Clé de secours (groupes de 5 caractères) :"))
            self.secret.setAccessibleName(self.tr("Clé de secours"))
            self.secret.setPlaceholderText("XXXXX-XXXXX-XXXXX-XXXXX-XXXXX-XXXXX")
            mono = QFont("monospace")
            mono.setStyleHint(QFont.StyleHint.Monospace)
            mono.setPointSizeF(self.font().pointSizeF() * 1.1)
            self.secret.setFont(mono)
        else:
            self.secret_label.setText(self.tr("P&hrase de passe :"))
            self.secret.setAccessibleName(self.tr("Phrase de passe"))
            self.secret.setPlaceholderText("")
            self.secret.setFont(self.font())
        self.secret.clear()
        if is_workspace(self._directory):
            self.clear_error()
        self.secret.setFocus()

    def _choose_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(
            self, self.tr("Dossier de l'espace de travail"), str(self._directory)
        )
        if chosen:
            self.set_directory(Path(chosen))
            self.directory_changed.emit(Path(chosen))

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        for w in (
            self.secret,
            self.unlock_button,
            self.use_recovery,
            self.show_secret,
            self.change_folder,
        ):
            w.setEnabled(not busy)
        self.busy_bar.setVisible(busy)
        self.busy_label.setVisible(busy)
        self.busy_changed.emit(busy)

    # -- unlocking --------------------------------------------------------------------------

    def unlock(self) -> None:
        if self._busy:
            return
        secret = self.secret.text()
        recovery = self.use_recovery.isChecked()
        if not secret.strip():
            self.show_error(
                self.tr("Saisissez la clé de secours.")
                if recovery
                else self.tr("Saisissez votre phrase de passe.")
            )
            self.secret.setFocus()
            return
        if not is_workspace(self._directory):
            self.show_error(
                self.tr("Aucun espace de travail CEP Desk dans ce dossier."), can_create=True
            )
            return
        self.clear_error()
        self._set_busy(True)
        kind = passphrase.SLOT_RECOVERY if recovery else passphrase.SLOT_PASSPHRASE
        worker = workers.Worker(_open, self._directory, secret, kind)
        worker.signals.finished.connect(self._on_opened)
        worker.signals.failed.connect(lambda _msg, exc: self._on_failed(exc, recovery))
        self._worker = worker
        workers.start(worker, QThreadPool.globalInstance())

    def _on_opened(self, ws: object) -> None:
        self._worker = None
        self._set_busy(False)
        self.secret.clear()
        self.show_secret.setChecked(False)
        self.unlocked.emit(ws)

    def _on_failed(self, exc: BaseException, recovery: bool) -> None:
        self._worker = None
        self._set_busy(False)
        text = open_error_text(exc, recovery, self._directory)
        self.show_error(text)
        self.failed.emit(text)
        self.secret.selectAll()
        self.secret.setFocus()
