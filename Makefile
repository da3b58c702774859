# Two commands do everything: `make serve` and `make test` (see README.md).
# Each sets itself up from nothing and does no work twice.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

VENV     := .venv
PY       := $(VENV)/bin/python
STAMPS   := .stamps
CHROMIUM ?= /usr/bin/chromium
HEADLESS_CHROMIUM ?= /usr/bin/chromium-headless-shell
export NO_MKDOCS_2_WARNING := 1

.PHONY: help setup serve build test test-fast lint format bench clean

help:
	@echo "make serve   set up, build and serve the site at http://127.0.0.1:8000/ (reloads on edits)"
	@echo "make test    set up and run every test (lint, unit, site build, Pyodide in Node, Chromium)"
	@echo "make test-fast  the same without the browser tests (no Chromium is launched)"
	@echo "make build   the static site in site/, ready for GitHub Pages"
	@echo "make bench   print start-up and plan timings measured in Chromium"

setup: $(STAMPS)/python $(STAMPS)/node $(STAMPS)/chromium

$(STAMPS)/python: pyproject.toml scripts/find-python
	@mkdir -p $(STAMPS)
	test -x $(PY) || "$$(scripts/find-python)" -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[build,test]"
	@touch $@

$(STAMPS)/node: package.json package-lock.json
	@mkdir -p $(STAMPS)
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

# Browser tests use Debian's Chromium: Playwright cannot download its own browser here.
# The Playwright tests drive its headless build (chromium-headless-shell, as Playwright does for
# headless runs); Lighthouse and the benchmark use the full browser.
$(STAMPS)/chromium: Makefile
	@mkdir -p $(STAMPS)
	@if [ ! -x "$(CHROMIUM)" ] || [ ! -x "$(HEADLESS_CHROMIUM)" ]; then \
	  echo "Installing Debian chromium and chromium-headless-shell for the browser tests"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
	    $$SUDO apt-get install -y -qq chromium chromium-headless-shell; \
	fi
	@touch $@

build: $(STAMPS)/python $(STAMPS)/node
	$(PY) -m mkdocs build --strict

serve: $(STAMPS)/python $(STAMPS)/node
	$(PY) -m mkdocs serve --livereload --no-strict

lint: $(STAMPS)/python $(STAMPS)/node
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	node_modules/.bin/eslint .

format: $(STAMPS)/python
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

# In parallel, one worker a core (pytest-xdist); each worker builds and serves its own site.
# worksteal: a worker that runs out takes tests from a busy one, so the run ends together.
test: setup lint
	$(PY) -m pytest -n auto --dist worksteal

# Everything but the tests marked `browser`; tests/browser/conftest.py fails any that slips through.
test-fast: $(STAMPS)/python $(STAMPS)/node lint
	GUIDE_TESTS_WITHOUT_BROWSER=1 $(PY) -m pytest -n auto --dist worksteal -m "not browser"

bench: setup build
	$(PY) -m tests.bench

clean:
	rm -rf site build $(STAMPS)
