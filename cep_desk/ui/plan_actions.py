"""'Exporter le plan' and 'Imprimer': options, rendering in a worker, preview, trace.

The snapshot (:class:`PlanDocument`) is built by the use case on the UI thread (a few
milliseconds of reads); the ReportLab rendering runs on the thread pool with that plain
snapshot; the issued document (version, SHA-256) is recorded once the PDF was really written
or sent to the printer.
"""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, Qt, QThreadPool, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QProgressDialog,
    QVBoxLayout,
    QWidget,
)

from cep_desk import domain
from cep_desk.domain import ValidationError
from cep_desk.plan_document import PlanDocument, RenderCancelled
from cep_desk.usecases import export
from cep_desk.usecases.common import NotFound
from cep_desk.usecases.workspaces import Workspace

from . import messagebox, printing, workers

if TYPE_CHECKING:  # loaded with the first preview
    from .pdf_preview import PdfPreviewDialog


class PlanOptionsDialog(QDialog):
    """What to print: large print (remembered) and, only when chosen, the RQTH."""

    def __init__(self, parent: QWidget | None, *, printing_: bool, has_health: bool) -> None:
        super().__init__(parent)
        self.setWindowTitle(
            self.tr("Imprimer le plan") if printing_ else self.tr("Exporter le plan")
        )
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Le plan d'action appartient à la personne. Il ne doit pas être transmis à "
                "son employeur."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.large_print = QCheckBox(self.tr("Grands caractères (14 pt)"))
        self.large_print.setAccessibleName(self.tr("Imprimer en grands caractères"))
        self.large_print.setChecked(bool(QSettings().value("plan/large_print", False, bool)))
        layout.addWidget(self.large_print)
        self.include_health = QCheckBox(
            self.tr("Inclure la RQTH et les besoins de santé (données de santé)")
        )
        self.include_health.setAccessibleName(
            self.tr("Inclure les données de santé dans le plan, à la demande de la personne")
        )
        self.include_health.setEnabled(has_health)
        self.include_health.setChecked(False)
        layout.addWidget(self.include_health)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            self.tr("Aperçu") if printing_ else self.tr("Exporter…")
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def accept(self) -> None:
        QSettings().setValue("plan/large_print", self.large_print.isChecked())
        super().accept()


def render_cancellable(
    doc: PlanDocument, cancel: threading.Event, progress: Callable[[int, int], None]
) -> bytes | None:
    """Runs in a worker: the PDF, or None when ``cancel`` was set during the rendering."""

    def step(done: int, total: int) -> None:
        if cancel.is_set():
            raise RenderCancelled
        progress(done, total)

    try:
        return export.render_plan_pdf(doc, progress=step)
    except RenderCancelled:
        return None


class PlanActions(QObject):
    """Wires the main window's export and print requests to the plan use cases."""

    issued = Signal(int)  # beneficiary id whose Documents tab changed
    exported = Signal(object)  # Path of the plan written (the window says where it went)
    # Tests replace this to answer the options dialog: (large_print, include_health) or None.
    ask_options: Callable[[QWidget | None, bool, bool], tuple[bool, bool] | None]

    def __init__(
        self,
        parent: QWidget,
        get_workspace: Callable[[], Workspace | None],
        *,
        before: Callable[[], bool] | None = None,
        pool: QThreadPool | None = None,
    ) -> None:
        super().__init__(parent)
        self._parent = parent
        self._get_ws = get_workspace
        self._before = before  # e.g. flush the pending edits of the panel
        self._pool = pool
        self._busy = False
        self._cancel: threading.Event | None = None
        self.progress_dialog: QProgressDialog | None = None
        self.last_preview: PdfPreviewDialog | None = None
        self.ask_options = _ask_options

    # -- entry points ------------------------------------------------------------------------

    def export_plan(self, beneficiary_id: int) -> None:
        self._start(beneficiary_id, printing_=False)

    def print_plan(self, beneficiary_id: int) -> None:
        self._start(beneficiary_id, printing_=True)

    # -- flow --------------------------------------------------------------------------------

    def _start(self, beneficiary_id: int, *, printing_: bool) -> None:
        ws = self._get_ws()
        if ws is None or self._busy:
            return
        if self._before is not None and not self._before():
            messagebox.warning(
                self._parent,
                self.tr("Plan d'action"),
                self.tr("Corrigez d'abord les champs signalés : ils ne sont pas enregistrés."),
            )
            return
        try:
            doc = export.build_plan_document(ws, beneficiary_id, include_health=True)
        except (ValidationError, NotFound) as exc:
            messagebox.information(self._parent, self.tr("Plan d'action"), exc.message)
            return
        has_health = bool(doc.beneficiary.rqth) or any(
            n.theme_label == domain.NeedTheme.HEALTH.label for n in doc.needs
        )
        options = self.ask_options(self._parent, printing_, has_health)
        if options is None:
            return
        large_print, include_health = options
        if include_health:
            doc = dataclasses.replace(doc, large_print=large_print)
        else:  # health needs are left out when the document is built (and the ranks follow)
            doc = export.build_plan_document(ws, beneficiary_id, large_print=large_print)
        self._busy = True
        self._cancel = threading.Event()
        self._show_progress(len(doc.steps))
        worker = workers.Worker(render_cancellable, doc, self._cancel, with_progress=True)
        worker.signals.progress.connect(self._progress)
        worker.signals.finished.connect(
            lambda pdf: self._rendered(beneficiary_id, doc, pdf, printing_)
        )
        worker.signals.failed.connect(self._failed)
        workers.start(worker, self._pool)

    def _show_progress(self, n_steps: int) -> None:
        bar = QProgressDialog(
            self.tr("Préparation du plan d'action ({0} étapes)…").format(n_steps),
            self.tr("Annuler"),
            0,
            0,
            self._parent,
        )
        bar.setWindowTitle(self.tr("Plan d'action"))
        bar.setAccessibleName(self.tr("Progression de la préparation du plan"))
        bar.setWindowModality(Qt.WindowModality.WindowModal)
        bar.setMinimumDuration(400)  # a usual plan is ready before it shows
        bar.setAutoClose(False)
        bar.setAutoReset(False)
        bar.canceled.connect(self.cancel)
        self.progress_dialog = bar

    def cancel(self) -> None:
        """Stop the rendering under way (the « Annuler » button of the progress dialog)."""
        if self._cancel is not None:
            self._cancel.set()

    def _progress(self, done: int, total: int) -> None:
        bar = self.progress_dialog
        if bar is not None and total > 0 and not bar.wasCanceled():
            bar.setMaximum(total)
            bar.setValue(min(done, total))

    def _close_progress(self) -> None:
        bar, self.progress_dialog = self.progress_dialog, None
        self._cancel = None
        if bar is not None:
            bar.canceled.disconnect(self.cancel)
            bar.close()
            bar.deleteLater()

    def _failed(self, message: str, _exc: object) -> None:
        self._busy = False
        self._close_progress()
        messagebox.critical(
            self._parent,
            self.tr("Plan d'action"),
            self.tr("Le plan n'a pas pu être produit : {0}").format(message),
        )

    def _rendered(
        self, beneficiary_id: int, doc: PlanDocument, pdf: bytes | None, printing_: bool
    ) -> None:
        self._busy = False
        self._close_progress()
        if pdf is None:  # cancelled: nothing produced, nothing recorded
            return
        name = doc.default_file_name()
        if not printing_:
            path = printing.save_pdf(
                pdf, self._parent, suggested_name=name, title=self.tr("Exporter le plan d'action")
            )
            if path is not None:
                self._record(beneficiary_id, doc, pdf, "export")
                self.exported.emit(Path(path))
            return
        from .pdf_preview import PdfPreviewDialog

        dialog = PdfPreviewDialog(
            pdf,
            self.tr("Plan d'action, version {0} (aperçu)").format(doc.version),
            self._parent,
            suggested_name=name,
            pool=self._pool,
            note=self.tr(
                "Aperçu de la version {0} : elle n'est enregistrée dans les documents remis "
                "que si le plan est imprimé ou enregistré."
            ).format(doc.version),
        )
        dialog.printed.connect(lambda: self._record(beneficiary_id, doc, pdf, "print"))
        dialog.saved.connect(lambda _p: self._record(beneficiary_id, doc, pdf, "export"))
        dialog.saved.connect(lambda p: self.exported.emit(Path(p)))
        self.last_preview = dialog
        dialog.open()

    def _record(self, beneficiary_id: int, doc: PlanDocument, pdf: bytes, channel: str) -> None:
        ws = self._get_ws()
        if ws is None:
            return
        export.record_plan(ws, beneficiary_id, doc, pdf, channel)
        self.issued.emit(beneficiary_id)


def _ask_options(
    parent: QWidget | None, printing_: bool, has_health: bool
) -> tuple[bool, bool] | None:
    dialog = PlanOptionsDialog(parent, printing_=printing_, has_health=has_health)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.large_print.isChecked(), dialog.include_health.isChecked()
