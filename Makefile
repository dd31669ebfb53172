# The two commands: `make run` (the site with the bundled data) and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
STAMP := $(VENV)/.installed

.PHONY: install run test lint types pytest clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

var/secret-key:
	mkdir -p var
	$(BIN)/python -c "import secrets; print(secrets.token_urlsafe(50))" > $@
	chmod 600 $@

run: install var/secret-key
	SECRET_KEY="$$(cat var/secret-key)" $(BIN)/mercwatch migrate --noinput
	SECRET_KEY="$$(cat var/secret-key)" $(BIN)/mercwatch load
	SECRET_KEY="$$(cat var/secret-key)" $(BIN)/mercwatch export downloads
	SECRET_KEY="$$(cat var/secret-key)" $(BIN)/mercwatch collectstatic --noinput -v0
	SECRET_KEY="$$(cat var/secret-key)" $(BIN)/mercwatch serve --host $(HOST) --port $(PORT)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

types: install
	MERCWATCH_ENV=test $(BIN)/mypy mercwatch tests benchmarks

pytest: install
	MERCWATCH_ENV=test $(BIN)/pytest -n 2

test: lint types pytest

clean:
	rm -rf $(VENV) var *.egg-info
