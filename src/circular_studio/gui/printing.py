"""Print (Ctrl+P) with a print preview of the real pages.

The real pages are the PDF LibreOffice makes of the DOCX we export (or of a .docx checked from a
file): the preview draws each of its pages (rendered with pypdfium2) on the printer's pages, so
what is previewed and printed is what the exported PDF holds, page for page. Without LibreOffice
the preview's own A4 layout (the same QTextDocument the page preview shows) is printed instead,
and the window says so.
"""
from __future__ import annotations

import tempfile
from pathlib import Path

import pypdfium2
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QImage, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog, QPrintPreviewWidget
from PySide6.QtWidgets import QWidget

from circular_studio.core.errors import StudioError
from circular_studio.core.model.draft import Draft
from circular_studio.core.outputs.formats import export_document
from circular_studio.core.outputs.pdf import docx_to_pdf, soffice_path

RENDER_DPI = 150


class PdfPages:
    """The pages of a PDF file, as images."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.pdf = pypdfium2.PdfDocument(str(self.path))

    def __len__(self) -> int:
        return len(self.pdf)

    def size_pt(self, index: int) -> tuple[float, float]:
        return self.pdf[index].get_size()

    def image(self, index: int, dpi: int = RENDER_DPI) -> QImage:
        bitmap = self.pdf[index].render(scale=dpi / 72, rev_byteorder=True)  # RGB
        data = bytes(bitmap.buffer)
        fmt = {3: QImage.Format.Format_RGB888, 4: QImage.Format.Format_RGBA8888}[bitmap.n_channels]
        img = QImage(data, bitmap.width, bitmap.height, bitmap.stride, fmt)
        return img.copy()  # own the pixels: ``data`` goes away

    def close(self) -> None:
        self.pdf.close()


def real_pages_of_draft(draft: Draft, language: str, folder: str | Path) -> PdfPages:
    """The letter in ``language`` as LibreOffice lays it out (StudioError without LibreOffice)."""
    target = Path(folder) / f"letter-{language}.pdf"
    export_document(draft, language, target, "pdf")
    return PdfPages(target)


def real_pages_of_docx(path: str | Path, folder: str | Path) -> PdfPages:
    """A .docx drafted elsewhere, as LibreOffice lays it out."""
    return PdfPages(docx_to_pdf(Path(path), Path(folder)))


def have_libreoffice() -> bool:
    return soffice_path() is not None


def paint_pages(printer: QPrinter, pages: PdfPages) -> None:
    """Each PDF page on a printer page, scaled to the printable area, aspect kept."""
    painter = QPainter()
    if not painter.begin(printer):
        return
    try:
        for i in range(len(pages)):
            if i:
                printer.newPage()
            img = pages.image(i)
            area = QRectF(painter.viewport())
            scale = min(area.width() / img.width(), area.height() / img.height())
            w, h = img.width() * scale, img.height() * scale
            painter.drawImage(QRectF(area.x() + (area.width() - w) / 2, area.y(), w, h), img)
    finally:
        painter.end()


class PrintPreview(QPrintPreviewDialog):
    """The print preview of a letter: its real pages (``pages``) or, failing that, the page
    preview's document (``document``)."""

    def __init__(self, parent: QWidget, pages: PdfPages | None = None, document=None):
        self.printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        self.printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        self.printer.setFullPage(True)  # the PDF's pages carry their own margins
        super().__init__(self.printer, parent)
        self.pages, self.document = pages, document
        self.setWindowTitle(parent.windowTitle() if parent else "")
        self.paintRequested.connect(self._paint)
        self.setWindowState(self.windowState() | Qt.WindowState.WindowMaximized)

    def _paint(self, printer: QPrinter) -> None:
        if self.pages is not None:
            paint_pages(printer, self.pages)
        elif self.document is not None:
            self.document.print_(printer)

    def preview_widget(self) -> QPrintPreviewWidget:
        return self.findChild(QPrintPreviewWidget)

    def page_count(self) -> int:
        widget = self.preview_widget()
        widget.updatePreview()
        return widget.pageCount()


class Printer:
    """The window's Print: the real pages of what it shows, in a print preview."""

    def __init__(self, window):
        self.window = window
        self._tmp: tempfile.TemporaryDirectory | None = None
        self.dialog: PrintPreview | None = None

    def _folder(self) -> str:
        if self._tmp is not None:
            self._tmp.cleanup()
        self._tmp = tempfile.TemporaryDirectory(prefix="circular-studio-print-")
        return self._tmp.name

    def preview(self) -> PrintPreview | None:
        """Make the print preview of what the window shows (not shown: ``print_letter`` does)."""
        w = self.window
        pages = document = None
        try:
            if w.view is w.editor_view and have_libreoffice():
                pages = real_pages_of_draft(w.model.draft.copy(), w.editor_view.language(), self._folder())
            elif (w.view is w.check_view and have_libreoffice()
                  and Path(w.check_view.path).suffix.lower() == ".docx"):
                pages = real_pages_of_docx(w.check_view.path, self._folder())
        except StudioError as exc:
            w.show_message(str(exc), "warning")
            pages = None
        if pages is None:
            pane = w.editor_view.preview if w.view is w.editor_view else w.check_view.preview
            document = pane.browser.document()
            if document is None or document.isEmpty():
                return None
        self.dialog = PrintPreview(w, pages, document)
        return self.dialog

    def print_letter(self) -> bool:
        if self.window.view is None:
            return False
        self.window.setCursor(Qt.CursorShape.WaitCursor)
        try:
            dialog = self.preview()
        finally:
            self.window.unsetCursor()
        if dialog is None:
            return False
        return bool(dialog.exec())
