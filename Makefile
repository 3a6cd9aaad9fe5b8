# One entry point for developers and CI. `make demo` and `make test` are the README quickstart.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint install clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

## Code the bundled example articles into ./eventwire.db and show the events.
demo: $(STAMP)
	$(BIN)/eventwire code examples/ --db eventwire.db

## Lint and run the whole test suite, store tests on SQLite and PostgreSQL (what CI runs).
test: $(STAMP)
	VENV=$(VENV) scripts/run-tests

lint: $(STAMP)
	$(BIN)/ruff check src tests scripts

clean:
	rm -rf $(VENV) eventwire.db build dist src/*.egg-info
