# Two commands for a newcomer (see README): `make site` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DEVSTAMP := $(VENV)/.installed-dev

.PHONY: site serve offline publish check test lint clean

$(STAMP): requirements.txt constraints.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt -c constraints.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $(STAMP)

# Development and test tools, on top of the runtime (make test, make lint)
$(DEVSTAMP): $(STAMP) requirements-dev.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt -c constraints.txt
	touch $(DEVSTAMP)

## Set up (virtualenv + pinned packages), check the data and build the site into site/
site: $(STAMP)
	$(BIN)/python -m partenariat check
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict

## Preview with live reload on http://127.0.0.1:8000 (rebuilds when a YAML file changes)
serve: $(STAMP)
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs serve --dirty

## A copy that works without network or server (USB stick): site-offline/, same paths as online
offline: $(STAMP)
	OFFLINE=true NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict -d site-offline

## The publication job (CI): the offline copy zipped, then the site built with its published
## address and the zip (linked from « Formateurs »). SITE_URL=https://… make publish
publish: $(STAMP)
	@test -n "$(SITE_URL)" || { echo "SITE_URL manquant : SITE_URL=https://exemple.org/partenariat/ make publish" >&2; exit 1; }
	rm -rf site build/partenariat-hors-ligne build/partenariat-hors-ligne.zip
	$(BIN)/python -m partenariat check
	OFFLINE=true NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict -q -d build/partenariat-hors-ligne
	$(BIN)/python -c 'import shutil; shutil.make_archive("build/partenariat-hors-ligne", "zip", "build", "partenariat-hors-ligne")'
	PARTENARIAT_OFFLINE_ZIP=build/partenariat-hors-ligne.zip NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict

check: $(STAMP)
	$(BIN)/python -m partenariat check

lint: $(DEVSTAMP)
	$(BIN)/ruff check .
	$(BIN)/yamllint -s .

## Debian's Chromium for the browser tests (Playwright drives it; it cannot download browsers here)
/usr/bin/chromium:
	apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null

## The checks of pre-commit (ruff, yamllint, data check), then the whole test suite
## (includes real strict builds of the site and browser checks)
test: $(DEVSTAMP) /usr/bin/chromium
	$(BIN)/ruff check .
	$(BIN)/yamllint -s .
	$(BIN)/mypy
	$(BIN)/python -m partenariat check
	$(BIN)/python -m pytest -q

clean:
	rm -rf site site-offline build $(VENV)
