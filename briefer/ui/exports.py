"""Chart exports from the window: rendered in memory, written by the one atomic file writer."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QMessageBox, QWidget

from briefer.files import write_atomically


def png_bytes(image: QImage | QPixmap) -> bytes:
    """``image`` encoded as PNG in memory.

    Raises:
        OSError: Qt could not encode it (an empty image).
    """
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):  # type: ignore[call-overload]  # QIODevice overload
        raise OSError("the chart could not be encoded as PNG")
    buffer.close()
    return bytes(data.data())


def save_export(parent: QWidget, path: Path, render: Callable[[], bytes]) -> bool:
    """Render, then write to ``path``; a refusal or failure is a warning dialog naming the
    reason (a folder, a device, a full disk), and False."""
    try:
        write_atomically(path, render(), prefix=".export-")
    except OSError as error:
        message = f"Could not write {path}: {error.strerror or error}\nNo file was written."
        QMessageBox.warning(parent, "Export failed", message)
        return False
    return True
