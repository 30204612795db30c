# schoolhost — the two set-up commands are `make demo` and `make test` (see README.md).
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
ENV := . var/env.sh &&
export DJANGO_SETTINGS_MODULE ?= schoolhost.settings.dev

.PHONY: demo test bench venv services system-deps messages migrate demo-data run stop lint

$(VENV)/.installed: requirements.lock pyproject.toml
	@command -v $(PYTHON) >/dev/null || { echo "Python 3.11 is needed: sudo apt-get install python3.11 python3.11-venv"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -r requirements.lock
	touch $@

venv: $(VENV)/.installed

services:
	@bash scripts/services.sh
	@$(ENV) $(PY) scripts/ensure_database.py

system-deps:
	@bash scripts/system-deps.sh

## Compile the gettext catalogues under locale/ (pure Python: no GNU gettext needed).
messages: venv
	$(PY) scripts/compile_messages.py

## Migrate the public schema, build the template schema, then migrate every school.
migrate: venv services messages
	$(ENV) $(PY) manage.py migrate_schemas --shared --noinput -v 0
	$(ENV) $(PY) manage.py prepare_school_template
	$(ENV) $(PY) manage.py migrate_schemas --tenant --noinput -v 1
	$(ENV) $(PY) manage.py setup_schedules

demo-data: migrate
	$(ENV) $(PY) manage.py load_demo

## Fresh machine → running product (web on :8000, Celery worker and beat), demo data loaded.
demo: migrate
	@$(ENV) bash scripts/run-demo.sh

stop:
	@bash scripts/run-demo.sh stop

lint: venv
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

## Fresh machine → the whole suite against real PostgreSQL and Redis (+ ruff and Django checks).
test: venv services system-deps messages
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(ENV) DJANGO_SETTINGS_MODULE=schoolhost.settings.test $(PY) manage.py check
	$(ENV) DJANGO_SETTINGS_MODULE=schoolhost.settings.test $(PY) manage.py makemigrations --check --dry-run
	$(ENV) DJANGO_SETTINGS_MODULE=schoolhost.settings.test $(PY) -m pytest -q

## Benchmarks: provisioning, migrations at scale, serving (prints figures, writes bench/results/latest.json).
bench: venv services system-deps
	$(ENV) SCHOOLHOST_DB_NAME=schoolhost_bench $(PY) bench/run.py
