"""First run: create the encrypted workspace, then hand over the recovery key.

Pages: location → counsellor identity → passphrase (live strength meter, the CNIL rule) →
recovery key (large, never copied to the clipboard; printable and savable as a one-page
"kit de secours" PDF; a mandatory "J'ai conservé ma clé" box before "Terminer").
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QThreadPool, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from cep_desk import domain, passphrase
from cep_desk.ui import messagebox, printing, theme, workers
from cep_desk.ui.wheel import WheelSafeCombo
from cep_desk.usecases import workspaces
from cep_desk.usecases.workspaces import is_workspace, synced_folder_warning

CNIL_RULE = (
    "La CNIL demande au moins 80 bits d'entropie quand une phrase de passe protège seule des "
    "données : par exemple 12 caractères de 4 sortes (minuscules, majuscules, chiffres, "
    "caractères spéciaux), 14 caractères de 3 sortes, ou une phrase d'au moins 7 mots."
)
TARGET_BITS = 80.0


def _tr(text: str) -> str:
    return QCoreApplication.translate("FirstRunWizard", text)


def recovery_kit_renderer() -> Callable[..., bytes] | None:
    """``render_recovery_kit`` of the PDF package, or None while it does not exist yet."""
    for module_name in ("cep_desk.plan_pdf", "cep_desk.plan_pdf.kit"):
        try:
            module = importlib.import_module(module_name)
        except ImportError:
            continue
        renderer = getattr(module, "render_recovery_kit", None)
        if callable(renderer):
            return renderer
    return None


def folder_problem(directory: Path) -> str | None:
    """Why a new workspace cannot be created in ``directory`` (None when it can)."""
    if not str(directory).strip():
        return _tr("Choisissez un dossier.")
    if directory.exists() and not directory.is_dir():
        return _tr("Ce chemin désigne un fichier, pas un dossier.")
    if directory.is_dir():
        if is_workspace(directory):
            return _tr(
                "Un espace de travail existe déjà dans ce dossier : ouvrez-le avec votre "
                "phrase de passe au lieu d'en créer un nouveau."
            )
        try:
            if any(directory.iterdir()):
                return _tr(
                    "Ce dossier n'est pas vide : choisissez un dossier vide ou un nouveau nom."
                )
        except OSError as exc:
            return _tr("Ce dossier ne peut pas être lu : {0}").format(exc.strerror or exc)
    return None


def _accessible(widget: QWidget, name: str) -> QWidget:
    widget.setAccessibleName(name)
    return widget


class LocationPage(QWizardPage):
    def __init__(self, directory: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Bienvenue dans CEP Desk"))
        self.setSubTitle(
            self.tr(
                "Les dossiers des personnes que vous accompagnez seront enregistrés, chiffrés, "
                "dans un espace de travail sur cet ordinateur."
            )
        )
        layout = QVBoxLayout(self)
        label = QLabel(self.tr("&Dossier de l'espace de travail :"))
        self.path = QLineEdit(str(directory))
        _accessible(self.path, self.tr("Dossier de l'espace de travail"))
        label.setBuddy(self.path)
        self.browse = QPushButton(self.tr("Parcourir…"))
        _accessible(self.browse, self.tr("Choisir le dossier"))
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(self.browse)
        layout.addWidget(label)
        layout.addLayout(row)
        self.hint = QLabel(
            self.tr(
                "Choisissez un dossier local (pas un dossier synchronisé en ligne ni un lecteur "
                "réseau). Pensez à faire des sauvegardes régulières."
            )
        )
        self.hint.setWordWrap(True)
        layout.addWidget(self.hint)
        self.warning = QLabel()
        self.warning.setWordWrap(True)
        self.warning.setObjectName("location_warning")
        self.warning.setStyleSheet(
            "#location_warning { background: #fff4d6; border: 1px solid #d8b75a;"
            " border-radius: 4px; padding: 8px; color: #4d3b00; }"
        )
        _accessible(self.warning, self.tr("Avertissement sur le dossier"))
        self.warning.hide()
        layout.addWidget(self.warning)
        layout.addStretch(1)
        self.path.textChanged.connect(self._check)
        self.browse.clicked.connect(self._browse)
        self._check()

    def directory(self) -> Path:
        return Path(self.path.text().strip()).expanduser()

    def _browse(self) -> None:
        start = self.directory()
        while not start.exists() and start != start.parent:
            start = start.parent
        chosen = QFileDialog.getExistingDirectory(
            self, self.tr("Dossier de l'espace de travail"), str(start)
        )
        if chosen:
            chosen_path = Path(chosen)
            if chosen_path.is_dir() and any(chosen_path.iterdir()):
                chosen_path = chosen_path / "CEP Desk"
            self.path.setText(str(chosen_path))

    def problem(self) -> str | None:
        return (
            folder_problem(self.directory())
            if self.path.text().strip()
            else _tr("Choisissez un dossier.")
        )

    def _check(self) -> None:
        messages = []
        problem = self.problem()
        if problem:
            messages.append(problem)
        if self.path.text().strip():
            synced = synced_folder_warning(self.directory())
            if synced:
                messages.append(synced)
        self.warning.setText("\n\n".join(messages))
        self.warning.setVisible(bool(messages))
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.problem() is None


class IdentityPage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Vous-même"))
        self.setSubTitle(
            self.tr(
                "Ces informations figurent sur le plan d'action remis aux personnes. "
                "Seul votre nom est obligatoire."
            )
        )
        outer = QVBoxLayout(self)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.setVerticalSpacing(10)
        outer.addLayout(form)
        outer.addStretch(1)
        self.name = QLineEdit()
        self.organisation = QLineEdit()
        self.operator_kind = WheelSafeCombo()
        for code, label in domain.OperatorKind.choices():
            self.operator_kind.addItem(label, code)
        self.region = QLineEdit()
        self.email = QLineEdit()
        self.phone = QLineEdit()
        self.address = QPlainTextEdit()
        self.address.setTabChangesFocus(True)
        self.address.setFixedHeight(int(self.fontMetrics().height() * 4.5))
        rows = (
            (self.tr("&Nom et prénom (obligatoire) :"), self.name, self.tr("Nom et prénom")),
            (self.tr("&Organisme :"), self.organisation, self.tr("Organisme")),
            (self.tr("&Type d'opérateur :"), self.operator_kind, self.tr("Type d'opérateur")),
            (self.tr("&Région :"), self.region, self.tr("Région")),
            (self.tr("&Courriel :"), self.email, self.tr("Courriel")),
            (self.tr("Té&léphone :"), self.phone, self.tr("Téléphone")),
            (
                self.tr("&Adresse (pour le plan imprimé) :"),
                self.address,
                self.tr("Adresse postale"),
            ),
        )
        for text, widget, name in rows:
            caption = QLabel(text)
            caption.setBuddy(widget)
            widget.setAccessibleName(name)
            form.addRow(caption, widget)
        self.registerField("name*", self.name)

    def cleanupPage(self) -> None:
        """« Précédent » keeps what was typed (QWizard would reset the registered name)."""

    def counsellor(self) -> dict[str, Any]:
        return {
            "name": self.name.text().strip(),
            "organisation": self.organisation.text().strip(),
            "operator_kind": self.operator_kind.currentData(),
            "region": self.region.text().strip(),
            "email": self.email.text().strip(),
            "phone": self.phone.text().strip(),
            "address": self.address.toPlainText().strip(),
        }


class PassphrasePage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Phrase de passe"))
        self.setSubTitle(
            self.tr(
                "Elle chiffre tous les dossiers. Choisissez une phrase longue, facile à retenir "
                "pour vous seul·e."
            )
        )
        self.setCommitPage(True)
        self._creating = False
        layout = QVBoxLayout(self)
        rule = QLabel(self.tr(CNIL_RULE))
        rule.setWordWrap(True)
        _accessible(rule, self.tr("Règle de la CNIL"))
        layout.addWidget(rule)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        _accessible(self.passphrase, self.tr("Phrase de passe"))
        self.confirmation = QLineEdit()
        self.confirmation.setEchoMode(QLineEdit.EchoMode.Password)
        _accessible(self.confirmation, self.tr("Confirmation de la phrase de passe"))
        l1 = QLabel(self.tr("&Phrase de passe :"))
        l1.setBuddy(self.passphrase)
        l2 = QLabel(self.tr("&Confirmation :"))
        l2.setBuddy(self.confirmation)
        form.addRow(l1, self.passphrase)
        form.addRow(l2, self.confirmation)
        layout.addLayout(form)
        self.show_text = QCheckBox(self.tr("Afficher la saisie"))
        _accessible(self.show_text, self.tr("Afficher la phrase de passe en clair"))
        layout.addWidget(self.show_text)

        self.meter = QProgressBar()
        self.meter.setRange(0, 100)
        self.meter.setTextVisible(True)
        _accessible(self.meter, self.tr("Solidité de la phrase de passe"))
        layout.addWidget(self.meter)
        self.strength_text = QLabel()
        self.strength_text.setWordWrap(True)
        _accessible(self.strength_text, self.tr("Appréciation de la phrase de passe"))
        layout.addWidget(self.strength_text)
        self.match_text = QLabel()
        self.match_text.setWordWrap(True)
        _accessible(self.match_text, self.tr("Concordance des deux saisies"))
        layout.addWidget(self.match_text)
        warning = QLabel(
            self.tr(
                "Sans la phrase de passe ni la clé de secours (étape suivante), personne ne "
                "peut rouvrir les dossiers, pas même l'assistance informatique."
            )
        )
        warning.setWordWrap(True)
        layout.addWidget(warning)

        busy_row = QHBoxLayout()
        self.busy_label = QLabel(self.tr("Création de l'espace chiffré…"))
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.busy.setMaximumHeight(8)
        _accessible(self.busy, self.tr("Création en cours"))
        busy_row.addWidget(self.busy_label)
        busy_row.addWidget(self.busy, 1)
        self.busy.hide()
        self.busy_label.hide()
        layout.addLayout(busy_row)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setObjectName("create_error")
        self.error.setStyleSheet(
            "#create_error { color: #8b1a1a; background: #fbeaea; border: 1px solid #d9a3a3;"
            " border-radius: 4px; padding: 8px; }"
        )
        _accessible(self.error, self.tr("Message d'erreur"))
        self.error.hide()
        layout.addWidget(self.error)
        layout.addStretch(1)

        self.passphrase.textChanged.connect(self._update)
        self.confirmation.textChanged.connect(self._update)
        self.show_text.toggled.connect(self._toggle_echo)
        self._update()

    def _toggle_echo(self, shown: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        self.passphrase.setEchoMode(mode)
        self.confirmation.setEchoMode(mode)

    def _update(self) -> None:
        text = self.passphrase.text()
        strength = passphrase.passphrase_strength(text)
        score = 100 if strength.acceptable else int(min(99, strength.bits / TARGET_BITS * 100))
        self.meter.setValue(score)
        theme.colour_meter(self.meter, strength.acceptable, score / 100)
        verdict = self.tr("suffisante") if strength.acceptable else self.tr("insuffisante")
        self.meter.setFormat(
            self.tr("Solidité : {0} ({1} bits estimés sur 80 demandés)").format(
                verdict, int(strength.bits)
            )
        )
        self.meter.setAccessibleDescription(self.meter.format())
        if not text:
            self.strength_text.setText(self.tr("Saisissez une phrase de passe."))
        else:
            self.strength_text.setText(
                (self.tr("✔ ") if strength.acceptable else self.tr("✘ ")) + strength.message
            )
        confirm = self.confirmation.text()
        if not confirm:
            self.match_text.setText(self.tr("Saisissez-la une seconde fois pour confirmer."))
        elif confirm == text:
            self.match_text.setText(self.tr("✔ Les deux saisies sont identiques."))
        else:
            self.match_text.setText(self.tr("✘ Les deux saisies diffèrent."))
        self.error.hide()
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        text = self.passphrase.text()
        return (
            not self._creating
            and bool(text)
            and text == self.confirmation.text()
            and passphrase.passphrase_strength(text).acceptable
        )

    def set_creating(self, creating: bool) -> None:
        self._creating = creating
        for w in (self.passphrase, self.confirmation, self.show_text):
            w.setEnabled(not creating)
        self.busy.setVisible(creating)
        self.busy_label.setVisible(creating)
        self.completeChanged.emit()

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def validatePage(self) -> bool:
        wizard = self.wizard()
        assert isinstance(wizard, FirstRunWizard)
        if wizard.workspace is not None:
            return True
        wizard.start_creation()
        return False


class RecoveryPage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Votre clé de secours"))
        self.setSubTitle(
            self.tr(
                "Si vous oubliez votre phrase de passe, cette clé est le seul moyen de rouvrir "
                "vos dossiers. Elle n'est affichée qu'une fois."
            )
        )
        layout = QVBoxLayout(self)
        self.key_label = QLabel()
        self.key_label.setObjectName("recovery_key")
        self.key_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # Not selectable and no context menu: the key must not reach the clipboard.
        self.key_label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.key_label.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        mono = QFont("DejaVu Sans Mono")
        mono.setStyleHint(QFont.StyleHint.Monospace)
        mono.setPointSizeF(self.font().pointSizeF() * 1.9)
        mono.setBold(True)
        self.key_label.setFont(mono)
        self.key_label.setFrameShape(QFrame.Shape.Box)
        self.key_label.setStyleSheet(
            "#recovery_key { background: #ffffff; color: #111; border: 2px solid #555;"
            " padding: 18px; letter-spacing: 2px; }"
        )
        _accessible(self.key_label, self.tr("Clé de secours"))
        layout.addWidget(self.key_label)
        advice = QLabel(
            self.tr(
                "Imprimez le kit de secours ou enregistrez-le sur une clé USB que vous rangez "
                "sous clé, loin de cet ordinateur. Ne l'envoyez pas par courriel et ne le "
                "laissez pas dans un dossier synchronisé."
            )
        )
        advice.setWordWrap(True)
        layout.addWidget(advice)
        row = QHBoxLayout()
        self.print_kit = QPushButton(self.tr("Imprimer le kit de secours…"))
        _accessible(self.print_kit, self.tr("Imprimer le kit de secours"))
        self.save_kit = QPushButton(self.tr("Enregistrer le kit de secours (PDF)…"))
        _accessible(self.save_kit, self.tr("Enregistrer le kit de secours en PDF"))
        row.addWidget(self.print_kit)
        row.addWidget(self.save_kit)
        row.addStretch(1)
        layout.addLayout(row)
        self.kit_status = QLabel()
        self.kit_status.setWordWrap(True)
        _accessible(self.kit_status, self.tr("État du kit de secours"))
        layout.addWidget(self.kit_status)
        layout.addStretch(1)
        self.kept = QCheckBox(self.tr("J'ai conservé ma clé de secours en lieu sûr"))
        _accessible(self.kept, self.tr("J'ai conservé ma clé de secours en lieu sûr"))
        layout.addWidget(self.kept)
        self.kept.toggled.connect(self.completeChanged)
        self.print_kit.clicked.connect(lambda: self.first_run_wizard().print_kit())
        self.save_kit.clicked.connect(lambda: self.first_run_wizard().save_kit())

    def first_run_wizard(self) -> FirstRunWizard:
        wizard = self.wizard()
        assert isinstance(wizard, FirstRunWizard)
        return wizard

    def initializePage(self) -> None:
        wizard = self.first_run_wizard()
        self.key_label.setText(wizard.recovery_key or "")
        available = recovery_kit_renderer() is not None
        self.print_kit.setEnabled(available)
        self.save_kit.setEnabled(available)
        if not available:
            self.kit_status.setText(
                self.tr("Le kit PDF n'est pas disponible : recopiez la clé à la main.")
            )

    def isComplete(self) -> bool:
        return self.kept.isChecked()


class FirstRunWizard(QWizard):
    """Emits :attr:`created` with the open ``Workspace`` when "Terminer" is clicked."""

    created = Signal(object)
    PAGE_LOCATION, PAGE_IDENTITY, PAGE_PASSPHRASE, PAGE_RECOVERY = range(4)

    def __init__(self, directory: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace: Any = None
        self.recovery_key: str | None = None
        self._worker: workers.Worker | None = None
        self._finished = False
        self.setWindowTitle(self.tr("CEP Desk — création de l'espace de travail"))
        self.setAccessibleName(self.tr("Assistant de création de l'espace de travail"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("Suivant >"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("< Précédent"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Annuler"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("Terminer"))
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("Créer l'espace de travail"))
        self.location = LocationPage(directory)
        self.identity = IdentityPage()
        self.passphrase = PassphrasePage()
        self.recovery = RecoveryPage()
        self.setPage(self.PAGE_LOCATION, self.location)
        self.setPage(self.PAGE_IDENTITY, self.identity)
        self.setPage(self.PAGE_PASSPHRASE, self.passphrase)
        self.setPage(self.PAGE_RECOVERY, self.recovery)
        for which, name in (
            (QWizard.WizardButton.NextButton, self.tr("Étape suivante")),
            (QWizard.WizardButton.BackButton, self.tr("Étape précédente")),
            (QWizard.WizardButton.CancelButton, self.tr("Annuler la création")),
            (QWizard.WizardButton.FinishButton, self.tr("Terminer")),
            (QWizard.WizardButton.CommitButton, self.tr("Créer l'espace de travail")),
        ):
            self.button(which).setAccessibleName(name)
        # Enter never goes back: « Précédent » is clicked, never "pressed" by Enter even when
        # it has the focus (after a click); Enter goes to the default button (Suivant).
        back = self.button(QWizard.WizardButton.BackButton)
        if isinstance(back, QPushButton):  # a QAbstractButton for Qt's types
            back.setAutoDefault(False)
            back.setDefault(False)
        self.resize(820, 660)

    # -- creation ---------------------------------------------------------------------------

    def start_creation(self) -> None:
        if self._worker is not None:
            return
        self.passphrase.set_creating(True)
        worker = workers.Worker(
            workspaces.create,
            self.location.directory(),
            self.passphrase.passphrase.text(),
            self.identity.counsellor(),
        )
        worker.signals.finished.connect(self._on_created)
        worker.signals.failed.connect(self._on_failed)
        self._worker = worker
        workers.start(worker, QThreadPool.globalInstance())

    def _on_created(self, result: tuple[Any, str]) -> None:
        self._worker = None
        self.workspace, self.recovery_key = result
        self.passphrase.passphrase.clear()
        self.passphrase.confirmation.clear()
        self.passphrase.set_creating(False)
        self.next()

    def _on_failed(self, message: str, _exc: object) -> None:
        self._worker = None
        self.passphrase.set_creating(False)
        self.passphrase.show_error(self.tr("L'espace n'a pas pu être créé : {0}").format(message))

    @property
    def creating(self) -> bool:
        return self._worker is not None

    # -- recovery kit -----------------------------------------------------------------------

    def kit_pdf(self) -> bytes | None:
        renderer = recovery_kit_renderer()
        if renderer is None or not self.recovery_key:
            return None
        return renderer(
            workspace_label=str(self.location.directory()),
            recovery_key=self.recovery_key,
            created_on=date.today(),
            counsellor_name=self.identity.counsellor()["name"],
        )

    def print_kit(self) -> bool:
        pdf = self.kit_pdf()
        if pdf is None:
            return False
        ok = printing.print_pdf(pdf, self)
        if ok:
            self.recovery.kit_status.setText(self.tr("Kit de secours envoyé à l'imprimante."))
        return ok

    def save_kit(self) -> Path | None:
        pdf = self.kit_pdf()
        if pdf is None:
            return None
        path = printing.save_pdf(
            pdf,
            self,
            suggested_name="CEP Desk - kit de secours.pdf",
            title=self.tr("Enregistrer le kit de secours"),
        )
        if path is not None:
            self.recovery.kit_status.setText(
                self.tr("Kit de secours enregistré : {0}").format(path)
            )
        return path

    # -- closing ----------------------------------------------------------------------------

    def accept(self) -> None:
        if self.workspace is None or not self.recovery.kept.isChecked():
            return
        self._finished = True
        ws = self.workspace
        self.recovery.key_label.clear()
        self.recovery_key = None
        # Emitted before the wizard hides, so the main window is up before it goes.
        self.created.emit(ws)
        super().accept()

    def reject(self) -> None:
        if self.creating:
            return
        if self.workspace is not None and not self._finished:
            # The workspace exists: the key must be kept before leaving.
            messagebox.warning(
                self,
                self.tr("Clé de secours"),
                self.tr(
                    "Votre espace de travail est créé. Conservez d'abord la clé de secours, "
                    "cochez la case puis cliquez sur « Terminer »."
                ),
            )
            return
        super().reject()
