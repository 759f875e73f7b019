"""Preview of a PDF in the application: pages rendered by PDFium in a worker, shown in a scroll
area with zoom, then "Imprimer…" (system dialog) or "Enregistrer…" (a file the counsellor picks).

Nothing is written to the temporary folder: the pages live in memory only.

    dialog = PdfPreviewDialog(pdf_bytes, "Plan d'action", parent, suggested_name="plan.pdf")
    dialog.printed.connect(...)   # the document went to the printer
    dialog.saved.connect(...)     # Path of the file written
    dialog.open()
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt, QThreadPool, Signal
from PySide6.QtGui import QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from cep_desk.ui import printing, workers

ZOOM_STEPS = (0.5, 0.75, 1.0, 1.25, 1.5, 2.0, 3.0)
BASE_DPI = 96.0


class PdfPreviewDialog(QDialog):
    printed = Signal()
    saved = Signal(object)  # Path
    rendered = Signal(int)  # number of pages shown (for tests and callers)

    def __init__(
        self,
        pdf_bytes: bytes,
        title: str,
        parent: QWidget | None = None,
        *,
        suggested_name: str = "document.pdf",
        pool: QThreadPool | None = None,
        note: str = "",
    ) -> None:
        super().__init__(parent)
        self._pdf = pdf_bytes
        self._suggested = suggested_name
        self._pool = pool
        self._zoom = 1.0
        self._generation = 0
        self._worker: workers.Worker | None = None
        self._page_labels: list[QLabel] = []
        self.setWindowTitle(self.tr("Aperçu — {0}").format(title))
        self.setAccessibleName(self.tr("Aperçu avant impression"))
        self.resize(900, 1000)

        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.zoom_out = QPushButton(self.tr("Zoom −"))
        self.zoom_out.setAccessibleName(self.tr("Réduire le zoom"))
        self.zoom_out.setToolTip(self.tr("Réduire (Ctrl+-)"))
        self.zoom_label = QLabel()
        self.zoom_label.setAccessibleName(self.tr("Niveau de zoom"))
        self.zoom_label.setMinimumWidth(60)
        self.zoom_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.zoom_in = QPushButton(self.tr("Zoom +"))
        self.zoom_in.setAccessibleName(self.tr("Agrandir le zoom"))
        self.zoom_in.setToolTip(self.tr("Agrandir (Ctrl++)"))
        self.status = QLabel()
        self.status.setAccessibleName(self.tr("État de l'aperçu"))
        self.busy = QProgressBar()
        self.busy.setAccessibleName(self.tr("Préparation de l'aperçu"))
        self.busy.setMaximumWidth(200)
        self.busy.setTextVisible(False)
        bar.addWidget(self.zoom_out)
        bar.addWidget(self.zoom_label)
        bar.addWidget(self.zoom_in)
        bar.addSpacing(16)
        bar.addWidget(self.status, 1)
        bar.addWidget(self.busy)
        layout.addLayout(bar)
        # e.g. the plan's version: an « aperçu » until it is printed or saved
        self.note = QLabel(note)
        self.note.setWordWrap(True)
        self.note.setAccessibleName(self.tr("Remarque sur l'aperçu"))
        self.note.setVisible(bool(note))
        layout.addWidget(self.note)

        self.scroll_area = QScrollArea()
        self.scroll_area.setAccessibleName(self.tr("Pages du document"))
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.pages = QWidget()
        self.pages.setObjectName("pdf_pages")
        self.pages.setStyleSheet("#pdf_pages { background: #8a8f96; }")
        self.pages_layout = QVBoxLayout(self.pages)
        self.pages_layout.setSpacing(16)
        self.pages_layout.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.scroll_area.setWidget(self.pages)
        layout.addWidget(self.scroll_area, 1)

        buttons = QHBoxLayout()
        self.print_button = QPushButton(self.tr("Imprimer…"))
        self.print_button.setAccessibleName(self.tr("Imprimer le document"))
        self.save_button = QPushButton(self.tr("Enregistrer…"))
        self.save_button.setAccessibleName(self.tr("Enregistrer le document en PDF"))
        self.close_button = QPushButton(self.tr("Fermer"))
        self.close_button.setAccessibleName(self.tr("Fermer l'aperçu"))
        buttons.addStretch(1)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.close_button)
        layout.addLayout(buttons)
        self.print_button.setDefault(True)

        self.zoom_in.clicked.connect(lambda: self.step_zoom(+1))
        self.zoom_out.clicked.connect(lambda: self.step_zoom(-1))
        QShortcut(QKeySequence.StandardKey.ZoomIn, self, lambda: self.step_zoom(+1))
        QShortcut(QKeySequence.StandardKey.ZoomOut, self, lambda: self.step_zoom(-1))
        self.print_button.clicked.connect(self.print_document)
        self.save_button.clicked.connect(self.save_document)
        self.close_button.clicked.connect(self.reject)
        self.setTabOrder(self.scroll_area, self.zoom_out)
        self.setTabOrder(self.zoom_out, self.zoom_in)
        self.setTabOrder(self.zoom_in, self.print_button)
        self.setTabOrder(self.print_button, self.save_button)
        self.setTabOrder(self.save_button, self.close_button)
        self._render()

    # -- rendering --------------------------------------------------------------------------

    @property
    def zoom(self) -> float:
        return self._zoom

    def page_count(self) -> int:
        return len(self._page_labels)

    def set_zoom(self, zoom: float) -> None:
        zoom = max(ZOOM_STEPS[0], min(ZOOM_STEPS[-1], zoom))
        if zoom != self._zoom:
            self._zoom = zoom
            self._render()

    def step_zoom(self, direction: int) -> None:
        steps = list(ZOOM_STEPS)
        if direction > 0:
            bigger = [z for z in steps if z > self._zoom + 1e-6]
            if bigger:
                self.set_zoom(bigger[0])
        else:
            smaller = [z for z in steps if z < self._zoom - 1e-6]
            if smaller:
                self.set_zoom(smaller[-1])

    def _render(self) -> None:
        self._generation += 1
        generation = self._generation
        self.zoom_label.setText(f"{round(self._zoom * 100)} %")
        self.zoom_in.setEnabled(self._zoom < ZOOM_STEPS[-1])
        self.zoom_out.setEnabled(self._zoom > ZOOM_STEPS[0])
        self.status.setText(self.tr("Préparation de l'aperçu…"))
        self.busy.setRange(0, 0)
        self.busy.show()
        ratio = self.devicePixelRatioF() or 1.0
        worker = workers.Worker(
            printing.render_pages,
            self._pdf,
            BASE_DPI * self._zoom * ratio,
            with_progress=True,
        )
        worker.signals.progress.connect(self._on_progress)
        worker.signals.finished.connect(lambda pages: self._on_rendered(generation, pages))
        worker.signals.failed.connect(lambda msg, _exc: self._on_failed(generation, msg))
        self._worker = worker
        workers.start(worker, self._pool)

    def _on_progress(self, done: int, total: int) -> None:
        self.busy.setRange(0, total)
        self.busy.setValue(done)

    def _on_failed(self, generation: int, message: str) -> None:
        if generation != self._generation:
            return
        self.busy.hide()
        self.status.setText(self.tr("L'aperçu n'a pas pu être affiché : {0}").format(message))

    def _on_rendered(self, generation: int, pages: list[printing.PageData]) -> None:
        if generation != self._generation:
            return
        self._worker = None
        ratio = self.devicePixelRatioF() or 1.0
        for label in self._page_labels:
            self.pages_layout.removeWidget(label)
            label.deleteLater()
        self._page_labels = []
        total = len(pages)
        for index, data in enumerate(pages):
            pixmap = QPixmap.fromImage(printing.page_image(data))
            pixmap.setDevicePixelRatio(ratio)
            label = QLabel()
            label.setPixmap(pixmap)
            label.setFrameShape(QFrame.Shape.Box)
            label.setStyleSheet("background: white; border: 1px solid #555;")
            label.setFixedSize(QSize(int(data.width / ratio) + 2, int(data.height / ratio) + 2))
            label.setAccessibleName(self.tr("Page {0} sur {1}").format(index + 1, total))
            self.pages_layout.addWidget(label, 0, Qt.AlignmentFlag.AlignHCenter)
            self._page_labels.append(label)
        self.busy.hide()
        self.status.setText(self.tr("1 page") if total == 1 else self.tr("{0} pages").format(total))
        self.rendered.emit(total)

    # -- actions ----------------------------------------------------------------------------

    def print_document(self) -> bool:
        if printing.print_pdf(self._pdf, self):
            self.printed.emit()
            return True
        return False

    def save_document(self) -> Path | None:
        path = printing.save_pdf(self._pdf, self, suggested_name=self._suggested)
        if path is not None:
            self.saved.emit(path)
        return path

    def done(self, result: int) -> None:
        # Drop the page images (confidential) as soon as the preview closes.
        self._generation += 1
        for label in self._page_labels:
            label.clear()
        super().done(result)
