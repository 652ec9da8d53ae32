"""Look and feel: light and dark palettes, the muted ink, bundled fonts and the icon."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFontDatabase,
    QGuiApplication,
    QIcon,
    QPainter,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import QApplication, QProxyStyle, QStyle, QStyleFactory

from briefer.domain.palette import VERMILION

FAILED_STYLE = f"color: {VERMILION}; font-weight: bold;"  # a write that failed, a problem


def register_fonts(folder: Path) -> list[str]:
    """Register the bundled fonts and put them behind the default family as a fallback.

    Many workstations have no Korean, Japanese or Arabic-script font; with the bundled ones
    behind the system family, every name in the dataset renders while Latin text keeps the
    platform's look.
    """
    families: list[str] = []
    for path in sorted([*folder.glob("*.ttf"), *folder.glob("*.otf")]):
        font_id = QFontDatabase.addApplicationFont(str(path))
        families += QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if families:
        font = QGuiApplication.font()
        font.setFamilies([font.family(), *dict.fromkeys(families)])
        QGuiApplication.setFont(font)
    return families


def app_icon(folder: Path) -> QIcon:
    """The app icon in every rendered size (window managers pick the closest)."""
    icon = QIcon()
    for png in sorted((folder / "png").glob("briefer-*.png")):
        icon.addFile(str(png))
    return icon


def system_prefers_dark() -> bool:
    return QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark


def is_dark(theme: str) -> bool:
    return theme in ("dark", "high contrast") or (theme == "system" and system_prefers_dark())


def _coloured(palette: QPalette, colours: dict[QPalette.ColorRole, str], disabled: str) -> QPalette:
    """``palette`` with ``colours`` set, and disabled text and button text in ``disabled``."""
    for role, colour in colours.items():
        palette.setColor(role, QColor(colour))
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(disabled))
    return palette


def _dark_palette() -> QPalette:
    colours = {
        QPalette.ColorRole.Window: "#202326",
        QPalette.ColorRole.WindowText: "#e6e6e6",
        QPalette.ColorRole.Base: "#17191b",
        QPalette.ColorRole.AlternateBase: "#25282b",
        QPalette.ColorRole.ToolTipBase: "#2b2e31",
        QPalette.ColorRole.ToolTipText: "#e6e6e6",
        QPalette.ColorRole.Text: "#e6e6e6",
        QPalette.ColorRole.Button: "#2b2e31",
        QPalette.ColorRole.ButtonText: "#e6e6e6",
        QPalette.ColorRole.Highlight: "#3d7fc2",
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.Link: "#7ab8f5",
        QPalette.ColorRole.PlaceholderText: "#8a8f94",
        QPalette.ColorRole.Mid: "#3a3e42",
        QPalette.ColorRole.Dark: "#6b7075",
        QPalette.ColorRole.Shadow: "#0b0c0d",
        QPalette.ColorRole.Light: "#50555a",
        QPalette.ColorRole.Midlight: "#3f4347",
    }
    return _coloured(QPalette(), colours, disabled="#6b7075")


def _light_palette() -> QPalette:
    palette = QStyleFactory.create("Fusion").standardPalette()
    palette.setColor(QPalette.ColorRole.AlternateBase, QColor("#f3f5f7"))
    palette.setColor(QPalette.ColorRole.Highlight, QColor("#2f6db5"))
    return palette


def _dark_style() -> QStyle:
    """Fusion, with check boxes drawn visibly on a dark base (built on first use: defining a
    Qt subclass costs tens of milliseconds at import)."""

    class _DarkCheckIndicators(QProxyStyle):
        """Fusion outlines check boxes with a darkened window colour, invisible on a dark base."""

        _ELEMENTS = (
            QStyle.PrimitiveElement.PE_IndicatorCheckBox,
            QStyle.PrimitiveElement.PE_IndicatorItemViewItemCheck,
        )

        def drawPrimitive(self, element, option, painter, widget=None) -> None:  # noqa: ANN001
            if element not in self._ELEMENTS:
                super().drawPrimitive(element, option, painter, widget)
                return
            side = min(option.rect.width(), option.rect.height()) - 2
            box = QRectF(0, 0, side, side)
            box.moveCenter(QRectF(option.rect).center())
            painter.save()
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(QPen(QColor("#9aa0a6"), 1))
            painter.setBrush(option.palette.base())
            painter.drawRoundedRect(box, 2, 2)
            if option.state & QStyle.StateFlag.State_On:
                painter.setPen(QPen(option.palette.highlightedText().color(), 2))
                painter.setBrush(option.palette.highlight())
                painter.drawRoundedRect(box, 2, 2)
                inset = box.adjusted(side * 0.22, side * 0.25, -side * 0.22, -side * 0.25)
                painter.drawPolyline(
                    [
                        QPointF(inset.left(), inset.center().y()),
                        QPointF(inset.left() + inset.width() * 0.4, inset.bottom()),
                        QPointF(inset.right(), inset.top()),
                    ]
                )
            painter.restore()

    return _DarkCheckIndicators(QStyleFactory.create("Fusion"))


def muted_ink(palette: QPalette) -> QColor:
    """Secondary text and rules: 60% text, 40% base, readable in light and dark alike."""
    text = palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.Text)
    base = palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.Base)
    ink = (text.red(), text.green(), text.blue())
    paper = (base.red(), base.green(), base.blue())
    return QColor(*(round(a * 0.6 + b * 0.4) for a, b in zip(ink, paper, strict=True)))


def _high_contrast_palette() -> QPalette:
    """White on black with yellow for selection and links: contrast well above WCAG AAA's 7:1
    for text, and no colour that only a colour difference tells apart."""
    colours = {
        QPalette.ColorRole.Window: "#000000",
        QPalette.ColorRole.WindowText: "#ffffff",
        QPalette.ColorRole.Base: "#000000",
        QPalette.ColorRole.AlternateBase: "#1a1a1a",
        QPalette.ColorRole.ToolTipBase: "#000000",
        QPalette.ColorRole.ToolTipText: "#ffffff",
        QPalette.ColorRole.Text: "#ffffff",
        QPalette.ColorRole.Button: "#000000",
        QPalette.ColorRole.ButtonText: "#ffffff",
        QPalette.ColorRole.Highlight: "#ffff00",
        QPalette.ColorRole.HighlightedText: "#000000",
        QPalette.ColorRole.Link: "#ffff00",
        QPalette.ColorRole.PlaceholderText: "#c0c0c0",
        QPalette.ColorRole.Mid: "#ffffff",
        QPalette.ColorRole.Dark: "#ffffff",
        QPalette.ColorRole.Light: "#ffffff",
        QPalette.ColorRole.Midlight: "#ffffff",
    }
    return _coloured(_dark_palette(), colours, disabled="#a0a0a0")


# On black, Fusion draws a field's frame black too: an empty field would be invisible.
HIGH_CONTRAST_FIELDS = """
QLineEdit, QPlainTextEdit, QTextEdit, QAbstractSpinBox { border: 1px solid #c8c8c8; }
QLineEdit:focus, QPlainTextEdit:focus, QTextEdit:focus, QAbstractSpinBox:focus {
    border: 2px solid #ffff00;
}
"""


def apply_theme(app: QApplication, theme: str) -> None:
    """Fusion with a light, dark or high-contrast palette; ``system`` follows the platform's
    colour scheme."""
    if theme == "high contrast":
        app.setStyle(_dark_style())
        app.setPalette(_high_contrast_palette())
        app.setStyleSheet(HIGH_CONTRAST_FIELDS)
        return
    app.setStyleSheet("")
    dark = is_dark(theme)
    app.setStyle(_dark_style() if dark else "Fusion")
    app.setPalette(_dark_palette() if dark else _light_palette())
