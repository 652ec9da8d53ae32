"""Guards on the Qt stack: the dependency pins and the none_dealloc crash they avoid."""

import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.version import Version

PYPROJECT = Path(__file__).parents[1] / "pyproject.toml"


def qt_requirements() -> list[Requirement]:
    project = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["project"]
    return [Requirement(r) for r in project["dependencies"] if r.lower().startswith("pyside6")]


def allowed(python: str, qt_version: str) -> bool:
    env = {"python_version": python, "python_full_version": f"{python}.0"}
    return any(
        (req.marker is None or req.marker.evaluate(env)) and Version(qt_version) in req.specifier
        for req in qt_requirements()
    )


def test_pins_rule_out_pyside_6_12_on_python_3_11():
    assert not allowed("3.11", "6.12.0")
    assert allowed("3.11", "6.11.3")
    assert allowed("3.12", "6.12.0")
    assert allowed("3.13", "6.12.0")


VOID_CALLS = """
import os, sys
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from PySide6.QtGui import QColor, QImage, QPainter, QPen
from PySide6.QtWidgets import QApplication, QWidget
app = QApplication([])
widget = QWidget()
image = QImage(8, 8, QImage.Format.Format_ARGB32)
painter = QPainter(image)
pen = QPen(QColor("red"))
for i in range(50_000):
    widget.resize(10 + i % 7, 10)
    painter.setPen(pen)
painter.end()
print("survived", sys.getrefcount(None) > 0)
"""


@pytest.mark.subprocess
def test_hundred_thousand_void_qt_calls_exit_cleanly():
    result = subprocess.run(
        [sys.executable, "-c", VOID_CALLS], capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "survived True" in result.stdout
    assert "none_dealloc" not in result.stderr


BINDING = """
import sys
sys.modules["PyQt6"] = None  # an installed-but-unwanted binding must not be tried first
import briefer.ui
import pyqtgraph
print(pyqtgraph.Qt.QT_LIB)
"""


@pytest.mark.subprocess
def test_pyqtgraph_binds_to_pyside6_even_when_told_otherwise():
    env = {"PYQTGRAPH_QT_LIB": "PyQt6", "QT_QPA_PLATFORM": "offscreen", "PATH": ""}
    import os

    result = subprocess.run(
        [sys.executable, "-c", BINDING],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, **env},
    )
    assert result.stdout.strip() == "PySide6", result.stderr
