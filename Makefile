# schoolhost — the two set-up commands are `make demo` and `make test` (see README.md).
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
ENV := . var/env.sh &&
export DJANGO_SETTINGS_MODULE ?= schoolhost.settings.dev
# Python caches compiled modules: with PYTHONDONTWRITEBYTECODE set (some shells set it) every
# process of `make test` (three pytest processes, each worker and command a test starts)
# compiled the whole project again, ~3 s of CPU each; pytest re-rewrote every test module.
unexport PYTHONDONTWRITEBYTECODE

.PHONY: demo test bench bench-scale drill venv venv-demo services system-deps messages migrate demo-data run stop lint screenshots

# One virtualenv, three lock files: requirements.lock (production, what deploy/ installs),
# requirements-demo.lock (+ the demo's time-machine) and requirements-dev.lock (+ tests and
# tools; the tests cover the demo). `make demo` installs the demo set, `make test` the dev set.
$(VENV)/bin/python:
	@command -v $(PYTHON) >/dev/null || { echo "Python 3.11 is needed: sudo apt-get install python3.11 python3.11-venv"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip

# pip compiles what it installs one file at a time (~11 s here); compileall on every core, ~5 s.
COMPILE := $(PY) -m compileall -q -j 0
$(VENV)/.installed-demo: requirements-demo.lock requirements.lock | $(VENV)/bin/python
	$(PY) -m pip install -q --no-compile -r requirements-demo.lock
	$(COMPILE) $(VENV)/lib >/dev/null || true  # as pip: a file that does not compile is left to import time
	touch $@

$(VENV)/.installed-dev: requirements-dev.lock requirements-demo.lock requirements.lock | $(VENV)/bin/python
	$(PY) -m pip install -q --no-compile -r requirements-dev.lock
	$(COMPILE) $(VENV)/lib >/dev/null || true  # as pip: a file that does not compile is left to import time
	touch $@

venv: $(VENV)/.installed-dev
venv-demo: $(VENV)/.installed-demo

services:
	@bash scripts/services.sh
	@$(ENV) $(PY) scripts/ensure_database.py

system-deps:
	@bash scripts/system-deps.sh

## Compile the gettext catalogues under locale/ (pure Python: no GNU gettext needed).
messages: venv-demo
	$(PY) scripts/compile_messages.py

## Migrate the public schema, build the template schema, then migrate every school.
migrate: venv-demo services messages
	$(ENV) $(PY) manage.py migrate_schemas --shared --noinput -v 0
	$(ENV) $(PY) manage.py prepare_school_template
	$(ENV) $(PY) manage.py migrate_schemas --tenant --noinput -v 1
	$(ENV) $(PY) manage.py setup_schedules

demo-data: migrate
	$(ENV) $(PY) manage.py load_demo

## Fresh machine → running product (web on :8000, Celery worker and beat), demo data loaded.
demo: migrate
	@bash scripts/system-deps.sh --demo
	@$(ENV) bash scripts/run-demo.sh

stop:
	@bash scripts/run-demo.sh stop

## A demo school on a 390×844 phone (home, work schedule, album, news article) as PNGs in
## var/screenshots/: the demo's database, its own server on a free port, Debian's chromium.
screenshots: venv system-deps migrate
	$(ENV) $(PY) scripts/screenshots.py

lint: venv
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

## Fresh machine → the whole suite against real PostgreSQL and Redis (+ ruff and Django checks),
## on TEST_PROCESSES pytest-xdist processes (each its own test database), a test file each.
TEST_PROCESSES ?= 3
test: venv services system-deps messages
	$(COMPILE) -x '/(\.venv|\.git|var|media|static)/' . >/dev/null
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(ENV) DJANGO_SETTINGS_MODULE=schoolhost.settings.test $(PY) manage.py check
	$(ENV) DJANGO_SETTINGS_MODULE=schoolhost.settings.test $(PY) manage.py makemigrations --check --dry-run
	$(ENV) DJANGO_SETTINGS_MODULE=schoolhost.settings.test $(PY) -m pytest -q -n $(TEST_PROCESSES) --dist loadfile --no-loadscope-reorder

## Fault drill (issue 11): 200 parents on 20 schools for 60 s through the front cache while an
## editor publishes, the worker is killed and PostgreSQL restarts (private PostgreSQL and Redis).
drill: venv system-deps
	$(PY) bench/drill.py

## Benchmarks: provisioning, migrations at scale, serving (prints figures, writes bench/results/latest.json).
bench: venv services system-deps
	$(ENV) SCHOOLHOST_DB_NAME=$${SCHOOLHOST_BENCH_DB:-schoolhost_bench} $(PY) bench/run.py

## A province on one machine: SCHOOLS real schools with a year of history each, built once into
## their own kept database, then measured (bench/scale.py → bench/results/scale.json).
SCHOOLS ?= 3000
bench-scale: venv services system-deps
	$(ENV) SCHOOLHOST_DB_NAME=$${SCHOOLHOST_SCALE_DB:-schoolhost_scale_bench} nice $(PY) bench/run.py --only scale --schools $(SCHOOLS)
