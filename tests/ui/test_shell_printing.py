"""PDF infrastructure: pypdfium2 rendering, printing on a QPrinter, preview, saving."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrinter
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from cep_desk.ui import printing
from cep_desk.ui.pdf_preview import PdfPreviewDialog
from tests.ui.shell_support import wait_pool


def make_pdf(pages: int = 3) -> bytes:
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    for i in range(pages):
        c.setFont("Helvetica", 28)
        c.drawString(72, 700, f"Page {i + 1} - plan d'action")
        c.rect(72, 100, 300, 400, fill=1)
        c.showPage()
    c.save()
    return buf.getvalue()


def test_render_pages_as_plain_data_and_images(qapp):
    pdf = make_pdf(2)
    assert printing.page_count(pdf) == 2
    seen = []
    pages = printing.render_pages(pdf, dpi=72, progress=lambda d, t: seen.append((d, t)))
    assert seen == [(1, 2), (2, 2)]
    assert len(pages) == 2
    first = pages[0]
    assert (first.width, first.height) == (596, 842)
    assert round(first.width_pt) == 595
    image = printing.page_image(first)
    assert image.width() == 596 and not image.isNull()
    # The filled rectangle is black, the margin white.
    assert image.pixelColor(200, 842 - 300).lightness() < 20
    assert image.pixelColor(10, 10).lightness() > 240


def test_paint_pdf_on_a_printer_prints_every_page(qapp, tmp_path):
    out = tmp_path / "imprime.pdf"
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(out))
    steps = []
    assert printing.paint_pdf(make_pdf(3), printer, lambda d, t: steps.append(d) or True)
    assert steps[-1] == 3
    assert len(PdfReader(out).pages) == 3


def test_print_pdf_without_dialog_and_cancel(qapp, tmp_path):
    out = tmp_path / "imprime.pdf"
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(out))
    assert printing.print_pdf(make_pdf(2), None, printer=printer, ask=False)
    assert len(PdfReader(out).pages) == 2
    # Cancelling at the first page paints nothing.
    assert not printing.paint_pdf(make_pdf(2), printer, lambda d, t: False)


def test_save_pdf_writes_where_the_counsellor_chose(qapp, tmp_path, monkeypatch):
    pdf = make_pdf(1)
    target = tmp_path / "plan.pdf"
    monkeypatch.setattr(printing, "ask_save_path", lambda parent, title, name: target)
    assert printing.save_pdf(pdf, None, suggested_name="plan.pdf") == target
    assert target.read_bytes() == pdf
    monkeypatch.setattr(printing, "ask_save_path", lambda parent, title, name: None)
    assert printing.save_pdf(pdf, None) is None


@pytest.fixture
def preview(qtbot, tmp_path):
    dialogs = []

    def make(pdf: bytes) -> PdfPreviewDialog:
        d = PdfPreviewDialog(pdf, "Plan d'action", None, suggested_name="plan.pdf")
        qtbot.addWidget(d)
        dialogs.append(d)
        return d

    yield make
    wait_pool()


def test_preview_shows_every_page_zooms_and_saves(qtbot, preview, tmp_path, monkeypatch):
    pdf = make_pdf(3)
    dialog = preview(pdf)
    with qtbot.waitSignal(dialog.rendered, timeout=10_000) as blocker:
        dialog.open()
    assert blocker.args == [3]
    assert dialog.page_count() == 3
    assert dialog.status.text() == "3 pages"
    width_100 = dialog._page_labels[0].width()
    with qtbot.waitSignal(dialog.rendered, timeout=10_000):
        dialog.step_zoom(+1)
    assert dialog.zoom == 1.25
    assert dialog._page_labels[0].width() > width_100
    assert dialog.zoom_label.text() == "125 %"
    # Every control has an accessible name.
    for w in (dialog.zoom_in, dialog.zoom_out, dialog.print_button, dialog.save_button):
        assert w.accessibleName()
    target = tmp_path / "copie.pdf"
    monkeypatch.setattr(printing, "ask_save_path", lambda parent, title, name: target)
    with qtbot.waitSignal(dialog.saved) as saved:
        dialog.save_document()
    assert saved.args == [target]
    assert target.read_bytes() == pdf
    dialog.reject()
    assert all(label.pixmap().isNull() for label in dialog._page_labels)


def test_preview_never_writes_to_the_temp_folder(qtbot, preview, tmp_path, monkeypatch):
    temp = tmp_path / "tmp"
    temp.mkdir()
    monkeypatch.setenv("TMPDIR", str(temp))
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    dialog = preview(make_pdf(2))
    with qtbot.waitSignal(dialog.rendered, timeout=10_000):
        dialog.open()
    dialog.reject()
    assert list(Path(temp).iterdir()) == []
