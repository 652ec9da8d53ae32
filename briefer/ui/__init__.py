"""Briefer's Qt user interface; importing it binds pyqtgraph to PySide6 first."""

import os

os.environ["PYQTGRAPH_QT_LIB"] = "PySide6"

import PySide6.QtCore  # noqa: F401  - PySide6 first, so pyqtgraph cannot pick another binding
