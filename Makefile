# Two commands for a newcomer: `make run` and `make test`. Both create .venv on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run test setup qt-libs data clean

$(BIN)/briefer: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $@

setup: qt-libs $(BIN)/briefer

# Qt's runtime libraries on Debian/Ubuntu; skipped where present or without apt-get.
qt-libs:
	@sh packaging/linux/install-qt-libs.sh

run: setup
	$(BIN)/briefer

test: setup
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

data: setup
	$(BIN)/briefer data check --source data || true
	$(BIN)/briefer data build

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
