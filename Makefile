# The two commands a new user runs: `make site` and `make test` (see README.md).
# Paths are relative so the project works from a folder whose path contains spaces.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
export NO_MKDOCS_2_WARNING := 1

.PHONY: site test check schema lint clean

site: $(VENV)/.installed
	$(PY) -m briefing check dossier
	$(PY) -m mkdocs build --strict

test: $(VENV)/.installed-test
	$(PY) -m ruff check src tests
	$(PY) -m ruff format --check src tests
	$(PY) -m pytest

check: $(VENV)/.installed
	$(PY) -m briefing check dossier

schema: $(VENV)/.installed
	$(PY) -m briefing schema dossier

lint: $(VENV)/.installed-test
	$(PY) -m ruff format src tests
	$(PY) -m ruff check --fix src tests

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: pyproject.toml | $(VENV)/bin/python
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(VENV)/bin/python
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $@ $(VENV)/.installed

clean:
	rm -rf build $(VENV)
