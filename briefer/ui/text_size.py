"""View > Text size: the application font scaled in steps (larger, smaller, reset), applied
before the window is built and remembered; the charts' text follows the application font."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from briefer.services.settings import TEXT_SCALES, SettingsService


class TextSize:
    def __init__(self, settings: SettingsService) -> None:
        self._settings = settings
        app = QApplication.instance()
        self._base = app.font().pointSizeF() if isinstance(app, QApplication) else 10.0
        self.scale = 1.0
        self.apply(settings.text_scale)

    def apply(self, scale: float) -> None:
        app = QApplication.instance()
        if not isinstance(app, QApplication) or scale not in TEXT_SCALES:
            return
        self.scale = scale
        font = app.font()
        font.setPointSizeF(self._base * scale)
        app.setFont(font)
        self._settings.text_scale = scale

    def _step(self, offset: int) -> None:
        index = TEXT_SCALES.index(self.scale) + offset
        self.apply(TEXT_SCALES[min(max(index, 0), len(TEXT_SCALES) - 1)])

    def larger(self) -> None:
        self._step(1)

    def smaller(self) -> None:
        self._step(-1)

    def reset(self) -> None:
        self.apply(1.0)
