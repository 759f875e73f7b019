"""'Importer un référentiel (ROME, RNCP/RS)…': the official open-data zip, in a worker."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QFileDialog, QProgressDialog, QWidget

from cep_desk import referentials
from cep_desk.usecases.workspaces import Workspace

from . import messagebox, workers


def _tr(text: str) -> str:
    return QCoreApplication.translate("ReferentialImport", text)


def ask_zip_path(parent: QWidget | None) -> Path | None:
    """The file dialog (tests replace this function)."""
    name, _ = QFileDialog.getOpenFileName(
        parent,
        _tr("Importer un référentiel ROME ou RNCP/RS"),
        str(Path.home()),
        _tr("Archives ZIP (*.zip)"),
    )
    return Path(name) if name else None


def import_zip(directory: Path, path: Path, progress: Callable[[int, int], None]) -> str:
    """Runs in a worker: plain data in, a French summary out."""
    return referentials.import_any_zip(
        referentials.open_referential(directory), path, progress
    ).summary()


class ReferentialImporter(QObject):
    finished = Signal(str)  # the French summary, or the error message

    def __init__(
        self,
        parent: QWidget,
        get_workspace: Callable[[], Workspace | None],
        pool: QThreadPool | None = None,
    ) -> None:
        super().__init__(parent)
        self._parent = parent
        self._get_ws = get_workspace
        self._pool = pool
        self._bar: QProgressDialog | None = None

    def show_help(self) -> None:
        """Where the official files come from and what they are (Données menu)."""
        text = _tr(referentials.IMPORT_HELP)
        ws = self._get_ws()
        if ws is not None:
            versions = referentials.open_referential(ws.path).versions()
            done = [
                _tr("{0} : version « {1} », importée le {2}.").format(
                    referentials.KIND_LABELS[kind], v["version"], str(v["imported_at"])[:10]
                )
                for kind, v in sorted(versions.items())
                if kind in referentials.KIND_LABELS
            ]
            if done:
                text = " ".join(done) + "\n\n" + text
        messagebox.information(self._parent, _tr("Référentiels ROME et RNCP/RS"), text)

    def run(self) -> None:
        ws = self._get_ws()
        if ws is None:
            return
        path = ask_zip_path(self._parent)
        if path is None:
            return
        bar = QProgressDialog(_tr("Import du référentiel…"), "", 0, 0, self._parent)
        bar.setCancelButton(None)
        bar.setWindowTitle(_tr("Référentiel"))
        bar.setAccessibleName(_tr("Progression de l'import du référentiel"))
        bar.setWindowModality(Qt.WindowModality.WindowModal)
        bar.setMinimumDuration(300)
        self._bar = bar
        worker = workers.Worker(import_zip, ws.path, path, with_progress=True)
        worker.signals.progress.connect(self._progress)
        worker.signals.finished.connect(self._done)
        worker.signals.failed.connect(self._failed)
        workers.start(worker, self._pool)

    def _progress(self, done: int, total: int) -> None:
        if self._bar is not None and total > 0:
            self._bar.setMaximum(total)
            self._bar.setValue(min(done, total))

    def _close_bar(self) -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar.deleteLater()
            self._bar = None

    def _done(self, summary: str) -> None:
        self._close_bar()
        messagebox.information(self._parent, _tr("Référentiel importé"), summary)
        self.finished.emit(summary)

    def _failed(self, message: str, _exc: object) -> None:
        self._close_bar()
        text = _tr("{0} Le référentiel précédent est conservé.").format(message)
        messagebox.warning(self._parent, _tr("Import refusé"), text)
        self.finished.emit(text)
