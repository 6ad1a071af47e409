# The two commands a new user runs: `make site` and `make test` (see README.md).
# Paths are relative so the project works from a folder whose path contains spaces.
# Dependencies install from the hashed locks; `make lock` refreshes them from pyproject.toml.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
export NO_MKDOCS_2_WARNING := 1
AXE := .cache/npm/node_modules/axe-core/axe.min.js
COMPILE := $(PY) -m piptools compile --quiet --generate-hashes --strip-extras \
	--no-emit-index-url --no-emit-find-links

.PHONY: site test serve check schema glyphs bench lint lock clean

site: $(VENV)/.installed
	$(PY) -m mkdocs build

test: $(VENV)/.installed-test $(AXE)
	$(PY) -m ruff check src tests benchmarks
	$(PY) -m ruff format --check src tests benchmarks
	$(PY) -m mypy
	$(PY) -m pytest

serve: $(VENV)/.installed
	$(PY) -m mkdocs serve --dev-addr 127.0.0.1:8000

# The characters the PDF's fonts can print, from the typst wheel (after upgrading it).
glyphs: $(VENV)/.installed-test
	$(PY) -m briefing.pdf.glyphs

bench: $(VENV)/.installed
	$(PY) benchmarks/run.py

check: $(VENV)/.installed
	$(PY) -m briefing check dossier

schema: $(VENV)/.installed
	$(PY) -m briefing schema dossier

lint: $(VENV)/.installed-test
	$(PY) -m ruff format src tests benchmarks
	$(PY) -m ruff check --fix src tests benchmarks

lock: $(VENV)/.installed-test
	$(PY) -m pip install --quiet pip-tools
	$(COMPILE) -o requirements.lock pyproject.toml
	$(COMPILE) --extra test -c requirements.lock -o requirements-test.lock pyproject.toml

# axe-core for the accessibility tests, from the npm registry; without npm they are skipped.
$(AXE):
	@if command -v npm >/dev/null; then \
		npm install --silent --no-save --no-package-lock --prefix .cache/npm axe-core@4.14.1; \
	else echo "npm not found: the accessibility checks will be skipped"; fi

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: pyproject.toml requirements.lock | $(VENV)/bin/python
	$(PY) -m pip install --quiet --require-hashes -r requirements.lock
	$(PY) -m pip install --quiet --no-deps -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml requirements-test.lock | $(VENV)/bin/python
	$(PY) -m pip install --quiet --require-hashes -r requirements-test.lock
	$(PY) -m pip install --quiet --no-deps -e .
	touch $@ $(VENV)/.installed

clean:
	rm -rf build build.staging build.old build.lock $(VENV)
