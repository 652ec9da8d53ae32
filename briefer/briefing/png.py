"""The page as a PNG image, for slides: pdfium rasterises the PDF, Pillow encodes it (no Qt,
so the command line makes the same image as the window)."""

from __future__ import annotations

import io

PNG_DPI = (72, 600)  # the resolutions offered: screen to print
DEFAULT_DPI = 200  # a Letter page 1700 pixels wide: sharp on a full-screen slide


def page_png(pdf: bytes, dpi: int = DEFAULT_DPI, title: str = "") -> bytes:
    """The first page of ``pdf`` at ``dpi`` dots per inch, white, with its resolution and
    ``title`` recorded in the file.

    Raises:
        ValueError: ``dpi`` is outside ``PNG_DPI``.
    """
    import pypdfium2
    from PIL.PngImagePlugin import PngInfo

    low, high = PNG_DPI
    if not low <= dpi <= high:
        raise ValueError(f"resolution {dpi} dpi is outside {low}–{high} dpi")
    document = pypdfium2.PdfDocument(pdf)
    try:
        page = document[0]
        image = page.render(scale=dpi / 72, fill_color=(255, 255, 255, 255)).to_pil()
    finally:
        document.close()
    info = PngInfo()
    if title:
        info.add_itxt("Title", title)
    info.add_text("Software", "Briefer")
    out = io.BytesIO()
    image.save(out, "PNG", dpi=(dpi, dpi), pnginfo=info)
    return out.getvalue()
