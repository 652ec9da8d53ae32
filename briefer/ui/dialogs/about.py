"""Help > About: versions, the dataset, its sources and the licences."""

from __future__ import annotations

from html import escape

import PySide6
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from briefer import paths
from briefer.meta import APP_NAME, APP_SUMMARY, __version__
from briefer.services.dataset import DatasetSummary
from briefer.ui.screen_fit import resize_within_screen

LICENCES = (
    ("Qt 6 / PySide6 and shiboken6", "LGPL-3.0"),
    ("Python", "PSF-2.0"),
    ("pyqtgraph", "MIT"),
    ("NumPy", "BSD-3-Clause"),
    ("sqlite-utils", "Apache-2.0"),
    ("ReportLab and rl-accel", "BSD-3-Clause"),
    ("Pillow", "MIT-CMU"),
    ("pypdfium2 and PDFium", "BSD-3-Clause / Apache-2.0"),
    ("platformdirs", "MIT"),
    ("python-bidi (right-to-left order in the PDF)", "LGPL-3.0"),
    ("arabic-reshaper (Arabic letter joining in the PDF)", "MIT"),
    ("NanumGothic font (NAVER)", "SIL Open Font License 1.1"),
    ("Noto Sans CJK JP subset", "SIL Open Font License 1.1"),
    ("DejaVu Sans and DejaVu Sans Bold fonts", "Bitstream Vera / DejaVu licence"),
)
DATA_TERMS = (
    "The data summarises public sources in Briefer's own words; each source keeps its "
    "publisher's terms and is cited with its publisher, date and address."
)


def about_html(summary: DatasetSummary, publishers: list[str]) -> str:
    import pyqtgraph  # here, not at the top: importing this module must not load pyqtgraph

    info = summary.info
    licence_rows = "".join(f"<li>{escape(n)}: {escape(lic)}</li>" for n, lic in LICENCES)
    return (
        f"<h3>{APP_NAME} {escape(__version__)}</h3><p>{escape(APP_SUMMARY)}.</p>"
        f"<p><b>Dataset</b> {escape(info.dataset_version)}, {escape(info.checked_through)}, "
        f"as of {escape(info.as_of)} "
        f"(schema {info.schema_version})<br>{escape(str(summary.path))}</p>"
        f"<p><b>Data sources</b>: {summary.counts.get('sources', 0)} public documents from "
        f"{escape(', '.join(publishers[:8]))}{' and others' if len(publishers) > 8 else ''}. "
        "Every record cites its sources in the detail pane.</p>"
        f"<p><b>Built with</b> PySide6 {escape(PySide6.__version__)}, pyqtgraph "
        f"{escape(pyqtgraph.__version__)}.</p><p><b>Licences</b> (Briefer itself: MIT)</p>"
        f"<ul>{licence_rows}</ul><p>{escape(DATA_TERMS)}</p><p>{_where_texts()}</p>"
        "<p>Briefer runs offline and never contacts the network.</p>"
    )


def _where_texts() -> str:
    folder = paths.licenses_dir()
    if folder is not None:
        return f"The full licence texts are in {escape(str(folder))}."
    return "The full licence texts come with each package and in resources/fonts."


def about_dialog(parent: QWidget, summary: DatasetSummary, publishers: list[str]) -> QDialog:
    """The text scrolls: at large text it is taller than a laptop screen."""
    dialog = QDialog(parent)
    dialog.setWindowTitle(f"About {APP_NAME}")
    text = QTextBrowser(dialog)
    text.setAccessibleName(f"About {APP_NAME}")
    text.setOpenLinks(False)
    text.setHtml(about_html(summary, publishers))
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addWidget(text)
    layout.addWidget(buttons)
    line = dialog.fontMetrics().lineSpacing()
    resize_within_screen(dialog, 36 * line, 40 * line)
    return dialog


def show_about(parent: QWidget, summary: DatasetSummary, publishers: list[str]) -> None:
    about_dialog(parent, summary, publishers).exec()
