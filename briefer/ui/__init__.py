"""Briefer's Qt user interface. Importing it binds pyqtgraph to PySide6, whatever else is installed."""

import os

os.environ["PYQTGRAPH_QT_LIB"] = "PySide6"

import PySide6.QtCore  # noqa: E402,F401  - PySide6 first, so pyqtgraph cannot pick another binding
