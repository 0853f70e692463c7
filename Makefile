# Two commands from a fresh clone: `make site` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
export NO_MKDOCS_2_WARNING := 1

.PHONY: site test serve check lint schema clean

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check --editable '.[test]'
	touch $(STAMP)

site: $(STAMP)  ## build the public site into site/
	$(PY) -m generator build --out site

serve: $(STAMP)  ## live preview at http://127.0.0.1:8000/
	$(VENV)/bin/mkdocs serve

check: $(STAMP)  ## validate the dataset only
	$(PY) -m generator check

test: $(STAMP) lint  ## the whole test suite, browser tests included
	$(PY) -m pytest

lint: $(STAMP)
	$(VENV)/bin/ruff check generator tests
	$(VENV)/bin/ruff format --check generator tests
	$(VENV)/bin/mypy

schema: $(STAMP)  ## regenerate schema/*.schema.json from generator/schema.py
	$(PY) -m generator schema

clean:
	rm -rf site dist .build
