"""Shared PDF infrastructure: render pages with pypdfium2, print them, save a PDF.

The PySide6 wheels ship no QtPdf, so pages are rasterised with PDFium (``pypdfium2``) and
painted on the ``QPrinter`` or shown in a scroll area. Everything stays in memory: no preview
image and no PDF is ever written to the temporary folder (the documents are confidential). A
PDF reaches the disk only when the counsellor chooses a file in "Enregistrer…".

Reusable API:

- :func:`page_count`, :func:`render_page_data`, :func:`render_pages` (plain data, usable in a
  worker) and :func:`page_image` (the ``QImage`` of one rendered page);
- :func:`print_pdf` (system print dialog, then every page painted on the printer) and
  :func:`paint_pdf` (the painting alone, for a printer configured by code);
- :func:`save_pdf` (asks a path, writes the bytes atomically) and :func:`ask_save_path`, the one
  place the save dialog is opened (tests replace it).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QRectF, Qt
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QFileDialog, QProgressDialog, QWidget

from cep_desk.files import write_atomically
from cep_desk.ui import messagebox

if TYPE_CHECKING:  # PDFium is loaded when a plan is first previewed or printed
    import pypdfium2 as pdfium

# PDFium is not thread-safe: one rendering at a time in the whole process.
_PDFIUM_LOCK = threading.Lock()

POINTS_PER_INCH = 72.0
PRINT_DPI_MAX = 300


def _tr(text: str) -> str:
    return QCoreApplication.translate("printing", text)


@dataclass(frozen=True)
class PageData:
    """One rendered page as plain data (RGBX, 4 bytes a pixel), safe to pass between threads."""

    width: int
    height: int
    stride: int
    pixels: bytes
    width_pt: float
    height_pt: float


def page_count(pdf_bytes: bytes) -> int:
    with _PDFIUM_LOCK:
        import pypdfium2 as pdfium

        doc = pdfium.PdfDocument(pdf_bytes)
        try:
            return len(doc)
        finally:
            doc.close()


def page_sizes_pt(pdf_bytes: bytes) -> list[tuple[float, float]]:
    """The size of every page in points (1/72 inch)."""
    with _PDFIUM_LOCK:
        import pypdfium2 as pdfium

        doc = pdfium.PdfDocument(pdf_bytes)
        try:
            sizes = (doc[i].get_size() for i in range(len(doc)))
            return [(float(width), float(height)) for width, height in sizes]
        finally:
            doc.close()


def _render(doc: pdfium.PdfDocument, index: int, dpi: float) -> PageData:
    page = doc[index]
    width_pt, height_pt = page.get_size()
    bitmap = page.render(scale=dpi / POINTS_PER_INCH, rev_byteorder=True, prefer_bgrx=True)
    try:
        if bitmap.n_channels != 4:  # pragma: no cover - PDFium gives RGBX with these options
            raise RuntimeError("unexpected bitmap format")
        return PageData(
            bitmap.width,
            bitmap.height,
            bitmap.stride,
            bytes(bitmap.buffer),
            float(width_pt),
            float(height_pt),
        )
    finally:
        bitmap.close()
        page.close()


def render_page_data(pdf_bytes: bytes, index: int, dpi: float = 96.0) -> PageData:
    """Render one page (0-based) at ``dpi`` dots per inch."""
    with _PDFIUM_LOCK:
        import pypdfium2 as pdfium

        doc = pdfium.PdfDocument(pdf_bytes)
        try:
            return _render(doc, index, dpi)
        finally:
            doc.close()


def render_pages(
    pdf_bytes: bytes,
    dpi: float = 96.0,
    progress: Callable[[int, int], None] | None = None,
) -> list[PageData]:
    """Render every page; plain data, so it may run in a ``workers.Worker``."""
    with _PDFIUM_LOCK:
        import pypdfium2 as pdfium

        doc = pdfium.PdfDocument(pdf_bytes)
        try:
            total = len(doc)
            pages = []
            for i in range(total):
                pages.append(_render(doc, i, dpi))
                if progress is not None:
                    progress(i + 1, total)
            return pages
        finally:
            doc.close()


def page_image(data: PageData) -> QImage:
    """A ``QImage`` owning its pixels (the bytes of ``data`` may then be dropped)."""
    image = QImage(data.pixels, data.width, data.height, data.stride, QImage.Format.Format_RGBX8888)
    return image.copy()


def paint_pdf(
    pdf_bytes: bytes,
    printer: QPrinter,
    progress: Callable[[int, int], bool] | None = None,
) -> bool:
    """Paint every page on ``printer`` (already configured), each scaled to fit the printable
    area with its proportions kept. ``progress(done, total)`` may return False to cancel.
    Returns True when every page was painted."""
    dpi = min(float(printer.resolution()), PRINT_DPI_MAX)
    total = page_count(pdf_bytes)
    if total == 0:
        return False
    first = render_page_data(pdf_bytes, 0, dpi)
    printer.setPageOrientation(
        QPageLayout.Orientation.Landscape
        if first.width_pt > first.height_pt
        else QPageLayout.Orientation.Portrait
    )
    painter = QPainter()
    if not painter.begin(printer):
        return False
    try:
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
        for i in range(total):
            if progress is not None and not progress(i, total):
                return False
            data = first if i == 0 else render_page_data(pdf_bytes, i, dpi)
            if i > 0:
                printer.newPage()
            area = printer.pageLayout().paintRectPixels(printer.resolution())
            target = QRectF(0, 0, area.width(), area.height())
            image = page_image(data)
            scaled = image.size().scaled(
                int(target.width()), int(target.height()), Qt.AspectRatioMode.KeepAspectRatio
            )
            x = (target.width() - scaled.width()) / 2
            painter.drawImage(QRectF(x, 0, scaled.width(), scaled.height()), image)
            del image, data
        if progress is not None:
            progress(total, total)
        return True
    finally:
        painter.end()


def new_printer() -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setFullPage(False)
    return printer


def print_pdf(
    pdf_bytes: bytes,
    parent: QWidget | None = None,
    *,
    printer: QPrinter | None = None,
    ask: bool = True,
) -> bool:
    """Open the system print dialog (unless ``ask`` is False), then print every page with a
    progress dialog. Returns True when the document was sent to the printer."""
    printer = printer or new_printer()
    if ask and not ask_print(printer, parent):
        return False
    total = page_count(pdf_bytes)
    bar = QProgressDialog(_tr("Impression en cours…"), _tr("Annuler"), 0, total, parent)
    bar.setWindowTitle(_tr("Impression"))
    bar.setAccessibleName(_tr("Progression de l'impression"))
    bar.setWindowModality(Qt.WindowModality.WindowModal)
    bar.setMinimumDuration(400)

    def step(done: int, count: int) -> bool:
        bar.setValue(done)
        QCoreApplication.processEvents()
        return not bar.wasCanceled()

    try:
        ok = paint_pdf(pdf_bytes, printer, step)
    except Exception as exc:  # a printer error must not close the application
        messagebox.warning(
            parent, _tr("Impression"), _tr("L'impression a échoué : {0}").format(exc)
        )
        ok = False
    finally:
        bar.close()
        bar.deleteLater()
    return ok


def ask_print(printer: QPrinter, parent: QWidget | None) -> bool:
    """The system print dialog (tests replace this function). False when cancelled."""
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(_tr("Imprimer"))
    return dialog.exec() == QPrintDialog.DialogCode.Accepted


def ask_save_path(parent: QWidget | None, title: str, suggested_name: str) -> Path | None:
    """The save dialog (tests replace this function). Returns None when cancelled."""
    start = str(Path.home() / suggested_name)
    name, _filter = QFileDialog.getSaveFileName(parent, title, start, _tr("Documents PDF (*.pdf)"))
    if not name:
        return None
    path = Path(name)
    return path if path.suffix.lower() == ".pdf" else path.with_name(path.name + ".pdf")


def save_pdf(
    pdf_bytes: bytes,
    parent: QWidget | None = None,
    *,
    suggested_name: str = "document.pdf",
    title: str | None = None,
) -> Path | None:
    """Ask where to save and write the PDF there. Returns the path, or None when cancelled or
    when writing failed (the counsellor is told why)."""
    path = ask_save_path(parent, title or _tr("Enregistrer le PDF"), suggested_name)
    if path is None:
        return None
    try:
        write_atomically(path, pdf_bytes)
    except OSError as exc:
        messagebox.warning(
            parent,
            _tr("Enregistrement impossible"),
            _tr("Le fichier n'a pas pu être enregistré : {0}").format(exc.strerror or exc),
        )
        return None
    return path
