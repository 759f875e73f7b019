"""The "Données" menu: backup and restore, access copy, erasure, purge, statistics, notice.

    menu = lifecycle.install(main_window, get_workspace, get_selected_id)
    menu.data_changed.connect(main_window.apply_filter)      # after erase, purge, import
    menu.person_erased.connect(...)                          # the id erased
    menu.restored.connect(...)                               # Path of a restored workspace
    status_text = lifecycle.backup_reminder_text(ws)         # for the status bar, or None

Every prompt goes through :mod:`cep_desk.ui.messagebox`, every file chooser through
:mod:`cep_desk.ui.lifecycle.paths` (both answerable by tests), and every piece of work through
a :mod:`cep_desk.ui.workers` worker exchanging plain data.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QThreadPool, Signal
from PySide6.QtWidgets import QMainWindow, QMenu, QProgressDialog, QWidget

from cep_desk import catalogue_update, formatting
from cep_desk.files import write_atomically
from cep_desk.ui import messagebox, workers
from cep_desk.usecases import beneficiaries
from cep_desk.usecases import report as activity_report
from cep_desk.usecases.lifecycle import backup as lifecycle_backup
from cep_desk.usecases.lifecycle import exchange, notice, rights, stats
from cep_desk.usecases.workspaces import Workspace

from . import paths
from .dialogs import PurgeDialog, ReportDialog, RestoreDialog, StatsDialog, TypedConfirmDialog
from .paths import tr

__all__ = ["DataMenu", "backup_reminder_text", "install"]

# Set to False to erase after the Oui/Non prompt only (without typing the name).
TYPED_CONFIRMATION = True


def backup_reminder_text(ws: Workspace, today: date | None = None) -> str | None:
    """A status bar reminder when the last backup is too old (setting ``backup_reminder_days``),
    else ``None``."""
    try:
        if not lifecycle_backup.backup_overdue(ws, today):
            return None
        last = lifecycle_backup.last_backup_at(ws)
    except Exception:  # never let a reminder break the status bar
        return None
    if last is None:
        return tr("Aucune sauvegarde n'a encore été faite : menu Données › Sauvegarder…")
    return tr("Dernière sauvegarde le {0} : pensez à sauvegarder (menu Données).").format(
        formatting.format_date(last.astimezone().date())
    )


def catalogue_info_text(ws: Workspace | None, today: date | None = None) -> str:
    """« Dispositifs vérifiés le … » for the catalogue in use (a warning past 6 months)."""
    from cep_desk.catalogue_update import catalogue_for

    try:
        catalogue = catalogue_for(ws.path if ws is not None else None)
    except Exception:  # never let an information line break the menu
        return tr("Catalogue des dispositifs indisponible")
    verified = catalogue.verified_on()
    if verified is None:
        return tr("Dispositifs : date de vérification inconnue")
    text = tr("Dispositifs vérifiés le {0}").format(formatting.format_date(verified))
    if catalogue.is_stale(today or date.today()):
        text = "⚠ " + text + tr(" (plus de 6 mois : à mettre à jour)")
    return text


class DataMenu(QMenu):
    """The menu and the controller behind its actions."""

    data_changed = Signal()
    catalogue_changed = Signal()  # a new catalogue of schemes is in use
    person_erased = Signal(int)
    restored = Signal(object)  # Path
    backup_done = Signal(object)  # BackupReport
    export_done = Signal(int)  # people written by "export all"

    def __init__(
        self,
        window: QMainWindow,
        get_workspace: Callable[[], Workspace | None],
        get_selected_id: Callable[[], int | None],
        pool: QThreadPool | None = None,
    ) -> None:
        super().__init__(tr("Donné&es"), window)
        self.setObjectName("menu_data")
        self.window_ = window
        self.get_workspace = get_workspace
        self.get_selected_id = get_selected_id
        self.pool = pool
        self._running: set[workers.Worker] = set()
        self.last_dialog: QWidget | None = None
        self.progress_dialog: QProgressDialog | None = None

        def add(name: str, text: str, slot: Callable[[], Any], tip: str):
            action = self.addAction(text)
            action.setObjectName(name)
            action.setToolTip(tip)
            action.setStatusTip(tip)
            action.triggered.connect(lambda _checked=False: slot())
            return action

        self.action_backup = add(
            "action_backup", tr("&Sauvegarder…"), self.backup,
            tr("Écrire une sauvegarde chiffrée de l'espace de travail"),
        )  # fmt: skip
        self.action_restore = add(
            "action_restore", tr("&Restaurer une sauvegarde…"), self.restore,
            tr("Restaurer une sauvegarde dans un dossier nouveau"),
        )  # fmt: skip
        self.addSeparator()
        self.action_access = add(
            "action_access", tr("E&xporter le dossier de la personne (droit d'accès)…"),
            self.access_export, tr("Copie complète du dossier : un PDF et un fichier JSON"),
        )  # fmt: skip
        self.action_erase = add(
            "action_erase", tr("&Effacer la personne…"), self.erase,
            tr("Effacer définitivement la personne et tout son dossier"),
        )  # fmt: skip
        self.action_purge = add(
            "action_purge", tr("&Personnes à purger (durée de conservation)…"), self.purge,
            tr("Les personnes sans contact depuis la durée de conservation"),
        )  # fmt: skip
        self.addSeparator()
        self.action_import = add(
            "action_import", tr("&Importer des dossiers (JSON)…"), self.import_json,
            tr("Importer un fichier au format d'échange CEP Desk"),
        )  # fmt: skip
        self.action_export_all = add(
            "action_export_all", tr("Exporter tous les dossiers (&JSON)…"), self.export_all_json,
            tr("Écrire tous les dossiers dans un fichier au format d'échange CEP Desk"),
        )  # fmt: skip
        self.action_stats = add(
            "action_stats", tr("S&tatistiques d'activité…"), self.show_stats,
            tr("Chiffres anonymisés de l'activité, exportables en CSV"),
        )  # fmt: skip
        self.action_report = add(
            "action_report", tr("Rapp&ort d'activité…"), self.show_report,
            tr("Le rapport de la période pour l'opérateur : PDF avec graphiques ou CSV"),
        )  # fmt: skip
        self.addSeparator()
        self.action_update_catalogue = add(
            "action_update_catalogue", tr("Mettre à jour les &dispositifs…"),
            self.update_catalogue,
            tr("Installer un catalogue des dispositifs signé, plus récent que celui en service"),
        )  # fmt: skip
        self.action_catalogue_info = self.addAction("")
        self.action_catalogue_info.setObjectName("action_catalogue_info")
        self.action_catalogue_info.setEnabled(False)  # information only: « vérifiés le … »
        self.addSeparator()
        self.action_notice = add(
            "action_notice", tr("&Notice d'information…"), self.show_notice,
            tr("La notice RGPD à remettre à la personne"),
        )  # fmt: skip
        self.action_notice_given = add(
            "action_notice_given", tr("Notice remise &aujourd'hui"), self.notice_given,
            tr("Noter que la notice a été remise aujourd'hui à la personne affichée"),
        )  # fmt: skip
        self.aboutToShow.connect(self.update_actions)
        self.update_actions()

    # -----------------------------------------------------------------------------------------
    # Plumbing
    # -----------------------------------------------------------------------------------------

    def update_actions(self) -> None:
        open_ = self.get_workspace() is not None
        person = open_ and self.get_selected_id() is not None
        for action in (self.action_backup, self.action_purge, self.action_import,
                       self.action_export_all,
                       self.action_stats, self.action_report, self.action_notice,
                       self.action_update_catalogue):  # fmt: skip
            action.setEnabled(open_)
        self.action_catalogue_info.setText(catalogue_info_text(self.get_workspace()))
        for action in (self.action_access, self.action_erase, self.action_notice_given):
            action.setEnabled(bool(person))

    def _workspace(self) -> Workspace | None:
        ws = self.get_workspace()
        if ws is None:
            messagebox.warning(self.window_, tr("Données"), tr("Aucun espace de travail ouvert."))
        return ws

    def _selected(self) -> tuple[Workspace, int] | None:
        ws = self._workspace()
        if ws is None:
            return None
        ident = self.get_selected_id()
        if ident is None:
            messagebox.information(
                self.window_, tr("Données"), tr("Choisissez d'abord une personne.")
            )
            return None
        return ws, ident

    def _run(
        self,
        func: Callable[..., Any],
        on_done: Callable[[Any], None],
        *,
        progress_label: str | None = None,
        on_failed: Callable[[str], None] | None = None,
        title: str = "",
        cancelled_text: str | None = None,
    ) -> workers.Worker:
        """Run ``func`` in a worker; with ``progress_label``, a progress dialog (``func`` gets
        ``progress=``); with ``cancelled_text`` too, the dialog has a Cancel button, ``func``
        gets ``cancelled=`` (a callable the worker polls) and ``cancelled_text`` is shown
        when the work stopped on it (``ExportCancelled`` / ``ImportCancelled``)."""
        extra: dict[str, Any] = {}
        stop = threading.Event()
        if cancelled_text is not None:
            extra["cancelled"] = stop.is_set
        worker = workers.Worker(func, with_progress=progress_label is not None, **extra)
        self._running.add(worker)
        dialog: QProgressDialog | None = None
        if progress_label is not None:
            dialog = QProgressDialog(
                progress_label, "", 0, lifecycle_backup.PROGRESS_TOTAL, self.window_
            )
            dialog.setWindowTitle(title or tr("Données"))
            dialog.setAccessibleName(progress_label)
            if cancelled_text is not None:
                dialog.setCancelButtonText(tr("&Annuler"))
                dialog.canceled.connect(stop.set)
            else:
                dialog.setCancelButton(None)
            dialog.setMinimumDuration(300)
            dialog.setAutoClose(False)
            dialog.setAutoReset(False)
            dialog.setValue(0)
            self.progress_dialog = dialog
            worker.signals.progress.connect(
                lambda done, total: dialog.setValue(done * dialog.maximum() // max(total, 1))
            )

        def finish() -> None:
            self._running.discard(worker)
            if dialog is not None:
                dialog.close()
                dialog.deleteLater()

        def done(result: Any) -> None:
            finish()
            on_done(result)

        def failed(message: str, exc: object) -> None:
            finish()
            if cancelled_text is not None and isinstance(
                exc, exchange.ExportCancelled | exchange.ImportCancelled
            ):
                messagebox.information(self.window_, title or tr("Données"), cancelled_text)
            elif on_failed is not None:
                on_failed(message)
            else:
                messagebox.critical(self.window_, title or tr("Données"), message)

        worker.signals.finished.connect(done)
        worker.signals.failed.connect(failed)
        workers.start(worker, self.pool)
        return worker

    # -----------------------------------------------------------------------------------------
    # Backup and restore
    # -----------------------------------------------------------------------------------------

    def backup(self) -> workers.Worker | None:
        ws = self._workspace()
        if ws is None:
            return None
        target = paths.ask_save_file(
            self.window_,
            tr("Enregistrer la sauvegarde"),
            f"CEP Desk {date.today().isoformat()}.cepbak",
            tr("Sauvegardes CEP Desk (*.cepbak)"),
            ".cepbak",
        )
        if target is None:
            return None

        def done(report: lifecycle_backup.BackupReport) -> None:
            self.backup_done.emit(report)
            messagebox.information(
                self.window_,
                tr("Sauvegarde"),
                tr(
                    "Sauvegarde chiffrée écrite dans {0} ({1} dossiers). Elle s'ouvre avec la "
                    "même phrase de passe ou la clé de secours. Rangez-la de préférence sur un "
                    "support externe."
                ).format(report.path, report.counts.get("beneficiaries", 0)),
            )

        return self._run(
            lambda progress: lifecycle_backup.backup(ws, target, progress),
            done,
            progress_label=tr("Sauvegarde en cours…"),
            title=tr("Sauvegarde"),
        )

    def restore(self) -> RestoreDialog:
        from cep_desk.usecases.lifecycle import erasures

        ws = self.get_workspace()
        count = 0
        if ws is not None:
            try:
                register = erasures.read(ws.path)
                count = len(register.entries) if register else 0
            except erasures.RegisterDamaged:
                count = -1
        dialog = RestoreDialog(self.window_, erasures=count)
        self.last_dialog = dialog

        def accepted() -> None:
            values, dialog.accepted_values = dialog.accepted_values, None
            if values is not None:
                backup_file, target, secret = values
                # An empty or unreadable register is still looked at (nothing to apply, or
                # a warning); only a box the counsellor unticked means "do not apply".
                wanted = dialog.reapply_box.isChecked() or count <= 0
                source = ws.path if ws is not None and wanted else None
                self._restore(backup_file, target, secret, erasures_from=source)

        dialog.accepted.connect(accepted)
        dialog.open()
        return dialog

    def _restore(
        self, backup_file: Path, target: Path, secret: str, erasures_from: Path | None = None
    ) -> workers.Worker:
        def done(report: lifecycle_backup.RestoreReport) -> None:
            self.restored.emit(report.path)
            text = tr(
                "La sauvegarde du {0} a été restaurée et vérifiée dans :\n{1}\n\n"
                "{2} dossiers. Pour l'ouvrir, quittez CEP Desk puis ouvrez ce dossier au "
                "démarrage (ou : cep-desk gui --workspace « {1} »), avec la même phrase de "
                "passe. L'espace actuel n'a pas été modifié."
            ).format(
                formatting.format_date(report.backup_created_at.astimezone().date()),
                report.path,
                report.counts.get("beneficiaries", 0),
            )
            if report.erasures_applied:
                text += "\n\n" + tr(
                    "{0} personne(s) effacée(s) après cette sauvegarde ont été effacées de "
                    "nouveau dans la copie restaurée."
                ).format(len(report.erasures_applied))
            if report.erasure_warning:
                messagebox.warning(
                    self.window_,
                    tr("Restauration"),
                    text + "\n\n" + tr("Attention : {0}").format(report.erasure_warning),
                )
                return
            messagebox.information(self.window_, tr("Restauration"), text)

        def failed(message: str) -> None:
            messagebox.critical(
                self.window_,
                tr("Restauration"),
                tr("{0}\n\nRien n'a été restauré ni remplacé.").format(message),
            )

        return self._run(
            lambda progress: lifecycle_backup.restore(
                backup_file, target, secret, progress, erasures_from=erasures_from
            ),
            done,
            progress_label=tr("Restauration et vérification…"),
            on_failed=failed,
            title=tr("Restauration"),
        )

    # -----------------------------------------------------------------------------------------
    # Rights of the person
    # -----------------------------------------------------------------------------------------

    def access_export(self) -> workers.Worker | None:
        selected = self._selected()
        if selected is None:
            return None
        ws, ident = selected
        folder = paths.ask_directory(self.window_, tr("Dossier où écrire la copie du dossier"))
        if folder is None:
            return None
        include = True
        if beneficiaries.get_beneficiary(ws, ident).rqth is not None:
            include = messagebox.confirm(
                self.window_,
                tr("Donnée de santé"),
                tr(
                    "Le dossier contient une donnée de santé (RQTH). L'inclure dans la copie "
                    "remise à la personne ?"
                ),  # fmt: skip
            )
        stamp = date.today().strftime("%Y%m%d")
        pdf_path = folder / f"acces-dossier-{ident}-{stamp}.pdf"
        json_path = folder / f"acces-dossier-{ident}-{stamp}.json"

        def work() -> tuple[Path, Path]:
            pdf, data = rights.access_export(ws, ident, include_sensitive=include)
            folder.mkdir(parents=True, exist_ok=True)
            write_atomically(pdf_path, pdf)
            write_atomically(json_path, exchange.dumps(data).encode("utf-8"))
            return pdf_path, json_path

        def done(result: tuple[Path, Path]) -> None:
            messagebox.information(
                self.window_,
                tr("Droit d'accès"),
                tr(
                    "Copie du dossier écrite :\n{0}\n{1}\n\nCes fichiers ne sont pas chiffrés : "
                    "remettez-les à la personne puis supprimez-les de cet ordinateur."
                ).format(*result),  # fmt: skip
            )

        return self._run(work, done, title=tr("Droit d'accès"))

    def erase(self) -> TypedConfirmDialog | workers.Worker | None:
        selected = self._selected()
        if selected is None:
            return None
        ws, ident = selected
        person = beneficiaries.get_beneficiary(ws, ident)
        name = formatting.full_name(person.last_name, person.first_name)
        if not messagebox.confirm(
            self.window_,
            tr("Effacer la personne"),
            tr(
                "Effacer définitivement le dossier de {0} et tout ce qui s'y rattache ? "
                "Cette action ne peut pas être annulée."
            ).format(name),  # fmt: skip
            destructive=True,
        ):
            return None
        if not TYPED_CONFIRMATION:
            return self._erase(ws, ident)
        dialog = TypedConfirmDialog(person.last_name, name, self.window_)
        self.last_dialog = dialog
        dialog.accepted.connect(lambda: self._erase(ws, ident))
        dialog.open()
        return dialog

    def _erase(self, ws: Workspace, ident: int) -> workers.Worker:
        def done(report: rights.EraseReport) -> None:
            self.person_erased.emit(ident)
            self.data_changed.emit()
            text = tr("Le dossier a été effacé. Les statistiques anonymes sont conservées.")
            if report.lingering_copies:
                text += "\n\n" + tr(
                    "Des copies faites avant une mise à jour contiennent encore d'anciennes "
                    "données : {0}"
                ).format(", ".join(p.name for p in report.lingering_copies))
            messagebox.information(self.window_, tr("Effacement"), text)

        return self._run(lambda: rights.erase(ws, ident), done, title=tr("Effacement"))

    def purge(self) -> PurgeDialog | None:
        ws = self._workspace()
        if ws is None:
            return None
        dialog = PurgeDialog(
            rights.purge_candidate_rows(ws), rights.retention_years(ws), self.window_
        )
        self.last_dialog = dialog

        def accepted() -> None:
            count = len(dialog.candidates)
            if not messagebox.confirm(
                self.window_,
                tr("Purge"),
                tr(
                    "Effacer définitivement les {0} dossier(s) listés ? Cette action ne peut pas "
                    "être annulée."
                ).format(count),  # fmt: skip
                destructive=True,
            ):
                return

            def done(ids: list[int]) -> None:
                self.data_changed.emit()
                messagebox.information(
                    self.window_,
                    tr("Purge"),
                    tr(
                        "{0} dossier(s) effacé(s). Les statistiques anonymes sont conservées."
                    ).format(len(ids)),
                )

            self._run(
                lambda progress: rights.purge(ws, progress=progress),
                done,
                progress_label=tr("Effacement des dossiers…"),
                title=tr("Purge"),
            )

        dialog.accepted.connect(accepted)
        dialog.open()
        return dialog

    def import_json(self) -> workers.Worker | None:
        ws = self._workspace()
        if ws is None:
            return None
        path = paths.ask_open_file(
            self.window_, tr("Importer des dossiers"), tr("Format d'échange CEP Desk (*.json)")
        )
        if path is None:
            return None

        def done(report: exchange.ImportReport) -> None:
            self.data_changed.emit()
            messagebox.information(self.window_, tr("Import"), report.summary())

        return self._run(
            lambda progress, cancelled: exchange.import_file(
                ws, path, progress=progress, cancelled=cancelled
            ),
            done,
            progress_label=tr("Import des dossiers…"),
            title=tr("Import"),
            cancelled_text=tr("Import annulé : rien n'a été importé."),
        )

    def export_all_json(self) -> workers.Worker | None:
        ws = self._workspace()
        if ws is None:
            return None
        stamp = date.today().strftime("%Y%m%d")
        path = paths.ask_save_file(
            self.window_,
            tr("Exporter tous les dossiers"),
            f"cep-desk-dossiers-{stamp}.json",
            tr("Format d'échange CEP Desk (*.json)"),
            ".json",
        )
        if path is None:
            return None

        def done(count: int) -> None:
            self.export_done.emit(count)
            messagebox.information(
                self.window_,
                tr("Export"),
                tr(
                    "{0} dossier(s) exporté(s) dans {1}. Ce fichier n'est pas chiffré : "
                    "conservez-le en lieu sûr et supprimez-le après usage."
                ).format(count, path),  # fmt: skip
            )

        return self._run(
            lambda progress, cancelled: exchange.export_to_file(
                ws, path, progress=progress, cancelled=cancelled
            ),
            done,
            progress_label=tr("Export des dossiers…"),
            title=tr("Export"),
            cancelled_text=tr("Export annulé : aucun fichier n'a été écrit."),
        )

    # -----------------------------------------------------------------------------------------
    # Catalogue of financing schemes
    # -----------------------------------------------------------------------------------------

    def update_catalogue(self) -> workers.Worker | None:
        """Données › Mettre à jour les dispositifs: check a signed catalogue (signature,
        format, newer than the one in use) and install it in the workspace."""
        ws = self._workspace()
        if ws is None:
            return None
        path = paths.ask_open_file(
            self.window_,
            tr("Mettre à jour les dispositifs"),
            tr("Catalogue des dispositifs signé (*.cepcat)"),
        )
        if path is None:
            return None
        title = tr("Catalogue des dispositifs")

        def done(report: catalogue_update.ImportReport) -> None:
            self.update_actions()
            self.catalogue_changed.emit()
            messagebox.information(self.window_, title, report.summary())

        def failed(message: str) -> None:
            messagebox.critical(self.window_, title, message + tr(" Rien n'a été modifié."))

        return self._run(
            lambda: catalogue_update.import_catalogue(path, ws.path),
            done,
            on_failed=failed,
            title=title,
        )

    # -----------------------------------------------------------------------------------------
    # Statistics and notice
    # -----------------------------------------------------------------------------------------

    def show_stats(self) -> StatsDialog | None:
        ws = self._workspace()
        if ws is None:
            return None
        dialog = StatsDialog(self.window_)
        dialog.write_csv = lambda path, text: write_atomically(path, text.encode("utf-8"))
        self.last_dialog = dialog

        def compute(start: date, end: date) -> None:
            self._run(
                lambda: stats.compute_stats(ws, start, end),
                dialog.show_stats,
                on_failed=dialog.show_error,
            )

        dialog.requested.connect(compute)
        dialog.open()
        dialog.request()
        return dialog

    def show_report(self) -> ReportDialog | None:
        """« Rapport d'activité… »: the dialog asks the period, the format and the place; the
        report is built and written by the use case in a worker, with a progress dialog."""
        ws = self._workspace()
        if ws is None:
            return None
        dialog = ReportDialog(self.window_)
        self.last_dialog = dialog

        def build(start: date, end: date, target: Path) -> None:
            self._run(
                lambda progress: activity_report.export(ws, start, end, target, progress=progress),
                lambda written: dialog.show_done(written.kind, written.paths),
                progress_label=tr("Rapport d'activité en cours…"),
                on_failed=dialog.show_error,
                title=tr("Rapport d'activité"),
            )

        dialog.requested.connect(build)
        dialog.open()
        return dialog

    def show_notice(self) -> QWidget | None:
        ws = self._workspace()
        if ws is None:
            return None
        pdf = notice.notice_pdf(ws)
        try:
            from cep_desk.ui.pdf_preview import PdfPreviewDialog
        except ImportError:  # the preview is optional: save the file instead
            target = paths.ask_save_file(
                self.window_, tr("Enregistrer la notice"), "notice-information.pdf",
                tr("Documents PDF (*.pdf)"), ".pdf",
            )  # fmt: skip
            if target is not None:
                write_atomically(target, pdf)
            return None
        dialog = PdfPreviewDialog(
            pdf, tr("Notice d'information"), self.window_, suggested_name="notice-information.pdf"
        )
        self.last_dialog = dialog
        dialog.printed.connect(lambda: self._offer_notice_given(pdf))
        dialog.open()
        return dialog

    def _offer_notice_given(self, pdf: bytes) -> None:
        ws, ident = self.get_workspace(), self.get_selected_id()
        if ws is None or ident is None or not notice.needs_notice(ws, ident):
            return
        person = beneficiaries.get_beneficiary(ws, ident)
        name = formatting.full_name(person.last_name, person.first_name)
        if messagebox.confirm(
            self.window_,
            tr("Notice d'information"),
            tr("Noter que la notice a été remise aujourd'hui à {0} ?").format(name),
        ):
            notice.mark_notice_given(ws, ident, date.today(), pdf=pdf)
            self.data_changed.emit()

    def notice_given(self) -> None:
        selected = self._selected()
        if selected is None:
            return
        ws, ident = selected
        notice.mark_notice_given(ws, ident, date.today())
        self.data_changed.emit()
        messagebox.information(
            self.window_,
            tr("Notice d'information"),
            tr("Remise de la notice notée au {0}.").format(formatting.format_date(date.today())),
        )

    def wait_for_workers(self, timeout_ms: int = 30_000) -> None:
        """Tests and closing: let running work finish."""
        (self.pool or QThreadPool.globalInstance()).waitForDone(timeout_ms)


def install(
    main_window: QMainWindow,
    get_workspace: Callable[[], Workspace | None],
    get_selected_id: Callable[[], int | None],
) -> DataMenu:
    """Add the "Données" menu to ``main_window``'s menu bar and return it (a ``QMenu``)."""
    menu = DataMenu(main_window, get_workspace, get_selected_id)
    main_window.menuBar().addMenu(menu)
    return menu
