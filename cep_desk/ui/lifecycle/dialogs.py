"""Dialogs of the "Données" menu: restore, typed confirmation of an erasure, purge list,
activity statistics. Plain data in, plain data out; the work runs in workers."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cep_desk import formatting
from cep_desk.files import write_atomically
from cep_desk.ui.wheel import WheelSafeDateEdit
from cep_desk.usecases.lifecycle import stats as lifecycle_stats
from cep_desk.usecases.lifecycle.rights import PurgeCandidate

from . import paths
from .paths import tr


def _button(box: QDialogButtonBox, role: QDialogButtonBox.StandardButton, text: str) -> QPushButton:
    button = box.button(role)
    button.setText(text)
    button.setAccessibleName(text.rstrip("…"))
    return button


def _read_only_table(headers: Sequence[str], name: str) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(list(headers))
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    table.setAccessibleName(name)
    return table


def _qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def _pydate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


# ---------------------------------------------------------------------------------------------
# Restore
# ---------------------------------------------------------------------------------------------


class RestoreDialog(QDialog):
    """Choose the backup file, a NEW folder and the passphrase (or recovery key)."""

    def __init__(self, parent: QWidget | None = None, erasures: int = 0) -> None:
        """``erasures``: entries of the open workspace's erasure register (-1: unreadable)."""
        super().__init__(parent)
        # Read by the caller on ``accepted`` and dropped at once (see accept).
        self.accepted_values: tuple[Path, Path, str] | None = None
        self.setWindowTitle(tr("Restaurer une sauvegarde"))
        self.setAccessibleName(tr("Restaurer une sauvegarde"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            tr(
                "La sauvegarde est restaurée dans un dossier nouveau, puis vérifiée (intégrité, "
                "nombre de dossiers) avant d'apparaître. L'espace de travail actuel n'est pas "
                "modifié."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.file_edit = QLineEdit()
        self.file_edit.setAccessibleName(tr("Fichier de sauvegarde"))
        choose_file = QPushButton(tr("Choisir…"))
        choose_file.setAccessibleName(tr("Choisir le fichier de sauvegarde"))
        choose_file.clicked.connect(self._choose_file)
        row = QHBoxLayout()
        row.addWidget(self.file_edit, 1)
        row.addWidget(choose_file)
        file_label = QLabel(tr("&Sauvegarde :"))
        file_label.setBuddy(self.file_edit)  # Alt+letter goes to the field, not to nothing
        form.addRow(file_label, row)
        self.target_edit = QLineEdit()
        self.target_edit.setAccessibleName(tr("Dossier de restauration (nouveau)"))
        self.target_edit.setText(str(Path.home() / f"CEP Desk restauré {date.today().isoformat()}"))
        choose_dir = QPushButton(tr("Choisir…"))
        choose_dir.setAccessibleName(tr("Choisir le dossier de restauration"))
        choose_dir.clicked.connect(self._choose_dir)
        row = QHBoxLayout()
        row.addWidget(self.target_edit, 1)
        row.addWidget(choose_dir)
        target_label = QLabel(tr("&Restaurer dans :"))
        target_label.setBuddy(self.target_edit)  # Alt+letter goes to the field, not to nothing
        form.addRow(target_label, row)
        self.secret_edit = QLineEdit()
        self.secret_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.secret_edit.setAccessibleName(tr("Phrase de passe ou clé de secours de la sauvegarde"))
        form.addRow(tr("&Phrase de passe ou clé de secours :"), self.secret_edit)
        layout.addLayout(form)
        self.reapply_box = QCheckBox(
            tr(
                "&Effacer de nouveau, dans la copie restaurée, les {0} personne(s) effacée(s) "
                "dans l'espace actuel (registre des effacements)"
            ).format(max(erasures, 0))
        )
        self.reapply_box.setAccessibleName(tr("Réappliquer les effacements de l'espace actuel"))
        self.reapply_box.setChecked(erasures > 0)
        self.reapply_box.setVisible(erasures > 0)
        layout.addWidget(self.reapply_box)
        self.erasure_note = QLabel(
            tr(
                "Le registre des effacements de l'espace actuel est illisible : les personnes "
                "effacées après la date de la sauvegarde figureront de nouveau dans la copie."
            )
            if erasures < 0
            else ""
        )
        self.erasure_note.setWordWrap(True)
        self.erasure_note.setVisible(erasures < 0)
        layout.addWidget(self.erasure_note)
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setAccessibleName(tr("Message"))
        layout.addWidget(self.error_label)
        box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = _button(box, QDialogButtonBox.StandardButton.Ok, tr("Restaurer"))
        _button(box, QDialogButtonBox.StandardButton.Cancel, tr("Annuler"))
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        layout.addWidget(box)
        self.resize(640, self.sizeHint().height())

    def _choose_file(self) -> None:
        path = paths.ask_open_file(
            self, tr("Choisir une sauvegarde"), tr("Sauvegardes CEP Desk (*.cepbak)")
        )
        if path is not None:
            self.file_edit.setText(str(path))

    def _choose_dir(self) -> None:
        path = paths.ask_directory(self, tr("Choisir où restaurer"))
        if path is None:
            return
        if path.exists() and any(path.iterdir()):
            path = path / f"CEP Desk restauré {date.today().isoformat()}"
        self.target_edit.setText(str(path))

    def values(self) -> tuple[Path, Path, str]:
        return (
            Path(self.file_edit.text().strip()),
            Path(self.target_edit.text().strip()),
            self.secret_edit.text(),
        )

    def accept(self) -> None:
        backup_file, target, secret = self.values()
        if not self.file_edit.text().strip() or not backup_file.is_file():
            self.error_label.setText(tr("Choisissez le fichier de sauvegarde (.cepbak)."))
            return
        if not self.target_edit.text().strip():
            self.error_label.setText(tr("Indiquez le dossier où restaurer."))
            return
        if target.exists() and any(target.iterdir()):
            self.error_label.setText(
                tr("Ce dossier n'est pas vide : choisissez un dossier nouveau ou vide.")
            )
            return
        if not secret:
            self.error_label.setText(tr("Saisissez la phrase de passe ou la clé de secours."))
            return
        # Read by the caller on ``accepted`` and dropped at once; the field is cleared.
        self.accepted_values = (backup_file, target, secret)
        super().accept()

    def done(self, result: int) -> None:
        self.secret_edit.clear()  # the secret does not outlive the dialog
        super().done(result)


# ---------------------------------------------------------------------------------------------
# Typed confirmation of an erasure
# ---------------------------------------------------------------------------------------------


class TypedConfirmDialog(QDialog):
    """The counsellor types the person's last name to confirm an erasure."""

    def __init__(self, expected: str, full_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.expected = expected.strip()
        self.setWindowTitle(tr("Effacer la personne"))
        self.setAccessibleName(tr("Confirmer l'effacement"))
        layout = QVBoxLayout(self)
        text = QLabel(
            tr(
                "Le dossier de {0} sera effacé définitivement : identité, parcours, entretiens, "
                "projet, plan d'action, financements, contacts et documents. Seules des "
                "statistiques anonymes sont conservées.\n\nPour confirmer, tapez son nom : {1}"
            ).format(full_name, self.expected)
        )
        text.setWordWrap(True)
        layout.addWidget(text)
        self.name_edit = QLineEdit()
        self.name_edit.setAccessibleName(tr("Nom de la personne, pour confirmer"))
        self.name_edit.textChanged.connect(self._update)
        layout.addWidget(self.name_edit)
        box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = _button(box, QDialogButtonBox.StandardButton.Ok, tr("Effacer"))
        cancel = _button(box, QDialogButtonBox.StandardButton.Cancel, tr("Annuler"))
        cancel.setDefault(True)
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        layout.addWidget(box)
        self._update()

    def matches(self) -> bool:
        typed = " ".join(self.name_edit.text().split()).casefold()
        return bool(typed) and typed == " ".join(self.expected.split()).casefold()

    def _update(self) -> None:
        self.ok_button.setEnabled(self.matches())

    def accept(self) -> None:
        if self.matches():
            super().accept()


# ---------------------------------------------------------------------------------------------
# Purge
# ---------------------------------------------------------------------------------------------


class PurgeDialog(QDialog):
    """The people past the retention period, with their last contact; "Effacer ces dossiers"."""

    def __init__(
        self, candidates: Sequence[PurgeCandidate], years: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.candidates = list(candidates)
        self.setWindowTitle(tr("Personnes à purger (durée de conservation)"))
        self.setAccessibleName(tr("Personnes à purger"))
        layout = QVBoxLayout(self)
        if self.candidates:
            message = tr(
                "{0} personne(s) sans contact depuis plus de {1} an(s). Leurs dossiers peuvent "
                "être effacés ; les statistiques anonymes sont conservées."
            ).format(len(self.candidates), years)
        else:
            message = tr("Aucune personne sans contact depuis plus de {0} an(s).").format(years)
        label = QLabel(message)
        label.setWordWrap(True)
        layout.addWidget(label)
        self.table = _read_only_table(
            [tr("Nom"), tr("Prénom"), tr("Dernier contact")], tr("Liste des personnes à purger")
        )
        self.table.setRowCount(len(self.candidates))
        for row, c in enumerate(self.candidates):
            for col, value in enumerate(
                (c.last_name, c.first_name, formatting.format_date(c.last_contact_on))
            ):
                self.table.setItem(row, col, QTableWidgetItem(value))
        layout.addWidget(self.table, 1)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        _button(box, QDialogButtonBox.StandardButton.Close, tr("Fermer"))
        self.purge_button = box.addButton(
            tr("Effacer ces dossiers…"), QDialogButtonBox.ButtonRole.DestructiveRole
        )
        self.purge_button.setAccessibleName(tr("Effacer ces dossiers"))
        self.purge_button.setEnabled(bool(self.candidates))
        self.purge_button.clicked.connect(self.accept)
        box.rejected.connect(self.reject)
        layout.addWidget(box)
        self.resize(560, 480)


# ---------------------------------------------------------------------------------------------
# Statistics
# ---------------------------------------------------------------------------------------------


class StatsDialog(QDialog):
    """Period, the anonymised tables, and "Exporter en CSV…". The figures are computed by the
    ``compute`` callable given (run in a worker by the caller through ``requested``)."""

    requested = Signal(object, object)  # start, end
    exported = Signal(object)  # Path

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.stats: lifecycle_stats.Stats | None = None
        self.write_csv: Callable[[Path, str], None] | None = None
        self.setWindowTitle(tr("Statistiques d'activité"))
        self.setAccessibleName(tr("Statistiques d'activité"))
        layout = QVBoxLayout(self)
        period = QHBoxLayout()
        today = date.today()
        self.start_edit = WheelSafeDateEdit(_qdate(date(today.year, 1, 1)))
        self.end_edit = WheelSafeDateEdit(_qdate(today))
        for edit, name in ((self.start_edit, tr("Début de la période")),
                           (self.end_edit, tr("Fin de la période"))):  # fmt: skip
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd/MM/yyyy")
            edit.setAccessibleName(name)
        start_label = QLabel(tr("&Du"))
        start_label.setBuddy(self.start_edit)
        end_label = QLabel(tr("&au"))
        end_label.setBuddy(self.end_edit)
        self.compute_button = QPushButton(tr("&Calculer"))
        self.compute_button.setAccessibleName(tr("Calculer les statistiques"))
        self.compute_button.clicked.connect(self.request)
        for w in (start_label, self.start_edit, end_label, self.end_edit, self.compute_button):
            period.addWidget(w)
        period.addStretch(1)
        layout.addLayout(period)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName(tr("Résumé"))
        layout.addWidget(self.summary)
        self.table = _read_only_table(
            [tr("Tableau"), tr("Catégorie"), tr("Nombre")], tr("Tableaux des statistiques")
        )
        layout.addWidget(self.table, 1)
        note = QLabel(
            tr(
                "Chiffres anonymes : aucun nom, aucun identifiant ; les cases inférieures à 5 "
                "sont masquées (« < 5 »)."
            )
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        _button(box, QDialogButtonBox.StandardButton.Close, tr("Fermer"))
        self.export_button = box.addButton(
            tr("Exporter en CSV…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.export_button.setAccessibleName(tr("Exporter en CSV"))
        self.export_button.setEnabled(False)
        self.export_button.clicked.connect(self.export_csv)
        box.rejected.connect(self.reject)
        layout.addWidget(box)
        self.resize(720, 640)

    def period(self) -> tuple[date, date]:
        return _pydate(self.start_edit.date()), _pydate(self.end_edit.date())

    def request(self) -> None:
        start, end = self.period()
        if end < start:
            self.summary.setText(tr("La fin de la période précède son début."))
            return
        self.compute_button.setEnabled(False)
        self.summary.setText(tr("Calcul en cours…"))
        self.requested.emit(start, end)

    def show_stats(self, figures: lifecycle_stats.Stats) -> None:
        self.stats = figures
        self.compute_button.setEnabled(True)
        self.export_button.setEnabled(True)
        w = figures.waiting
        self.summary.setText(
            tr(
                "Du {0} au {1} : {2} entrée(s) en parcours. Délai médian du premier rendez-vous : "
                "{3} jour(s)."
            ).format(  # fmt: skip
                formatting.format_date(figures.start),
                formatting.format_date(figures.end),
                lifecycle_stats.cell(figures.entries),
                lifecycle_stats.SUPPRESSED
                if w.median_days is None
                else f"{w.median_days:.1f}".replace(".", ","),
            )
        )
        rows: list[tuple[str, str, str, bool]] = []
        for t in figures.tables:
            rows.append((t.title, "", "", True))
            rows += [("", label, lifecycle_stats.cell(v), False) for label, v in t.rows]
            rows.append(("", tr("Total"), lifecycle_stats.cell(t.total), False))
        self.table.setRowCount(len(rows))
        bold = QFont(self.font())
        bold.setBold(True)
        for r, (title, label, value, header) in enumerate(rows):
            for col, text in enumerate((title, label, value)):
                item = QTableWidgetItem(text)
                if header:
                    item.setFont(bold)
                if col == 2:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(r, col, item)

    def show_error(self, message: str) -> None:
        self.compute_button.setEnabled(True)
        self.summary.setText(message)

    def export_csv(self) -> Path | None:
        if self.stats is None:
            return None
        start, end = self.stats.start, self.stats.end
        path = paths.ask_save_file(
            self,
            tr("Exporter les statistiques"),
            f"statistiques-cep-{start.isoformat()}-{end.isoformat()}.csv",
            tr("Fichiers CSV (*.csv)"),
            ".csv",
        )
        if path is None:
            return None
        text = lifecycle_stats.stats_csv(self.stats)
        if self.write_csv is not None:
            self.write_csv(path, text)
        else:
            write_atomically(path, text)
        self.exported.emit(path)
        return path


# ---------------------------------------------------------------------------------------------
# Activity report
# ---------------------------------------------------------------------------------------------


class ReportDialog(QDialog):
    """« Rapport d'activité » : the period, the format (PDF, one CSV, a folder of CSVs) and
    the destination. ``requested(start, end, target)`` is emitted when the counsellor asks for
    it; the caller builds the report in a worker (the use case only) and calls
    :meth:`show_done` or :meth:`show_error`."""

    requested = Signal(object, object, object)  # start, end, Path

    FORMATS = (
        ("pdf", "PDF à lire (&graphiques et tableaux)"),
        ("csv", "Un fichier C&SV de tous les indicateurs"),
        ("dir", "Un &dossier : un CSV par indicateur et les rendez-vous anonymisés"),
    )

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Rapport d'activité"))
        self.setAccessibleName(tr("Rapport d'activité"))
        layout = QVBoxLayout(self)
        period = QHBoxLayout()
        today = date.today()
        self.start_edit = WheelSafeDateEdit(_qdate(date(today.year, 1, 1)))
        self.end_edit = WheelSafeDateEdit(_qdate(today))
        for edit, name in ((self.start_edit, tr("Début de la période")),
                           (self.end_edit, tr("Fin de la période"))):  # fmt: skip
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd/MM/yyyy")
            edit.setAccessibleName(name)
        start_label = QLabel(tr("Du"))
        start_label.setBuddy(self.start_edit)
        end_label = QLabel(tr("au"))
        end_label.setBuddy(self.end_edit)
        for w in (start_label, self.start_edit, end_label, self.end_edit):
            period.addWidget(w)
        period.addStretch(1)
        layout.addLayout(period)
        self.format_buttons: dict[str, QRadioButton] = {}
        group = QButtonGroup(self)
        for code, label in self.FORMATS:
            button = QRadioButton(tr(label))
            button.setAccessibleName(tr(label).replace("&", ""))
            group.addButton(button)
            self.format_buttons[code] = button
            button.toggled.connect(self._format_changed)
            layout.addWidget(button)
        dest = QHBoxLayout()
        dest_label = QLabel(tr("&Enregistrer dans"))
        self.destination = QLineEdit()
        self.destination.setAccessibleName(tr("Fichier ou dossier de destination"))
        dest_label.setBuddy(self.destination)
        self.browse_button = QPushButton(tr("&Parcourir…"))
        self.browse_button.setAccessibleName(tr("Choisir la destination"))
        self.browse_button.clicked.connect(self.browse)
        for part in (dest_label, self.destination, self.browse_button):
            dest.addWidget(part)
        layout.addLayout(dest)
        self.status = QLabel(
            tr(
                "Chiffres anonymes : aucun nom, aucun identifiant ; les cases inférieures à 5 "
                "sont masquées (« < 5 »), et celles qui permettraient de les retrouver."
            )
        )
        self.status.setWordWrap(True)
        self.status.setAccessibleName(tr("État du rapport"))
        layout.addWidget(self.status)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        _button(box, QDialogButtonBox.StandardButton.Close, tr("Fermer"))
        self.create_button = box.addButton(
            tr("&Créer le rapport"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.create_button.setAccessibleName(tr("Créer le rapport"))
        self.create_button.clicked.connect(self.request)
        box.rejected.connect(self.reject)
        layout.addWidget(box)
        self.format_buttons["pdf"].setChecked(True)
        self.written: list[Path] = []
        self.resize(640, 320)

    def period(self) -> tuple[date, date]:
        return _pydate(self.start_edit.date()), _pydate(self.end_edit.date())

    def chosen_format(self) -> str:
        return next(code for code, b in self.format_buttons.items() if b.isChecked())

    def _suggested(self) -> str:
        start, end = self.period()
        stem = f"rapport-activite-{start.isoformat()}-{end.isoformat()}"
        return {"pdf": stem + ".pdf", "csv": stem + ".csv", "dir": stem}[self.chosen_format()]

    def _format_changed(self, checked: bool) -> None:
        if not checked:
            return
        current = self.destination.text().strip()
        folder = Path(current).parent if current else Path.home()
        self.destination.setText(str(folder / self._suggested()))

    def browse(self) -> Path | None:
        kind = self.chosen_format()
        if kind == "dir":
            chosen = paths.ask_directory(self, tr("Dossier du rapport"))
        else:
            filter_text = (
                tr("Documents PDF (*.pdf)") if kind == "pdf" else tr("Fichiers CSV (*.csv)")
            )
            chosen = paths.ask_save_file(
                self, tr("Enregistrer le rapport"), self._suggested(), filter_text, "." + kind
            )
        if chosen is not None:
            self.destination.setText(str(chosen))
        return chosen

    def request(self) -> None:
        start, end = self.period()
        if end < start:
            self.status.setText(tr("La fin de la période précède son début."))
            return
        text = self.destination.text().strip()
        if not text:
            self.status.setText(tr("Choisissez où enregistrer le rapport."))
            return
        target = Path(text).expanduser()
        kind = self.chosen_format()
        if kind != "dir" and target.suffix.lower() != "." + kind:
            target = target.with_name(target.name + "." + kind)
        if kind == "dir" and target.suffix.lower() in (".pdf", ".csv"):
            self.status.setText(tr("Pour un dossier, donnez un nom sans extension."))
            return
        self.create_button.setEnabled(False)
        self.status.setText(tr("Rapport en cours…"))
        self.requested.emit(start, end, target)

    def show_done(self, kind: str, written: Sequence[Path]) -> None:
        self.written = list(written)
        self.create_button.setEnabled(True)
        where = str(written[0]) if kind != "dir" else str(written[0].parent)
        count = len(written)
        self.status.setText(
            tr("Rapport enregistré dans {0}.").format(where)
            if kind != "dir"
            else tr("{0} fichiers CSV enregistrés dans le dossier {1}.").format(count, where)
        )

    def show_error(self, message: str) -> None:
        self.create_button.setEnabled(True)
        self.status.setText(message)
