"""A briefing page as an image for the compose dialog's preview."""

from __future__ import annotations

from PySide6.QtGui import QImage


def render_preview(pdf: bytes, width: int) -> QImage:
    """The first page of ``pdf`` as an image ``width`` pixels wide (pdfium; no Qt Add-ons).

    Runs in the task pool, off the UI thread: a QImage (unlike a QPixmap) may be made there,
    and the pool's single thread keeps pdfium, which is not thread-safe, to one call at a time.
    """
    import pypdfium2

    document = pypdfium2.PdfDocument(pdf)
    try:  # closed here, on this thread, not by the garbage collector on another
        page = document[0]
        bitmap = page.render(scale=width / page.get_width())
        image = QImage(
            bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride, QImage.Format.Format_BGR888
        )
        return image.copy()  # detach from pdfium's buffer
    finally:
        document.close()
