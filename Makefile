# The two commands: `make run` (the site with the bundled data) and `make test`.
# `make run` stays in the foreground; a second run redoes only what changed (stamps in var/).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
STAMP := $(VENV)/.installed
KEY := var/secret-key
WITH_KEY = SECRET_KEY="$$(cat $(KEY))"
DATA_FILES := $(shell find data -type f 2>/dev/null)
CODE_FILES := $(shell find mercwatch -type f -not -name '*.pyc' 2>/dev/null)

.PHONY: install run test lint types pytest clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

$(KEY): | $(STAMP)
	mkdir -p var
	$(BIN)/python -c "import secrets; print(secrets.token_urlsafe(50))" > $@
	chmod 600 $@

# Loaded again only when the data or the code changed since the last load.
var/.loaded: $(STAMP) $(DATA_FILES) $(CODE_FILES)
	$(BIN)/mercwatch migrate --noinput -v0
	$(BIN)/mercwatch load
	touch $@

var/.downloads: var/.loaded
	$(BIN)/mercwatch export downloads
	touch $@

# The bundled edition records frozen and published once (their data, files and identifier
# stored in the database; docs/editions.md); a later load never changes them.
var/.editions: var/.loaded
	$(BIN)/mercwatch edition freeze --views --publish
	touch $@

var/.static: $(STAMP) $(CODE_FILES)
	$(BIN)/mercwatch collectstatic --noinput -v0
	touch $@

run: $(KEY) var/.loaded var/.downloads var/.editions var/.static
	$(WITH_KEY) $(BIN)/mercwatch serve --host $(HOST) --port $(PORT)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports --no-cache

types: install
	MERCWATCH_ENV=test $(BIN)/mypy mercwatch tests benchmarks

# Three workers on two cores: a third of the suite waits on browsers, servers and subprocesses.
pytest: install
	MERCWATCH_ENV=test $(BIN)/pytest -n 3

test: lint types pytest

clean:
	rm -rf $(VENV) var *.egg-info
