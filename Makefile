# OpenECF — `make help` lists the targets.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
BENCH_STAMP := $(VENV)/.installed-bench
PG_URL ?= postgres://postgres@127.0.0.1:5432/openecf
HOST ?= 127.0.0.1
PORT ?= 8000
# The suite runs in one worker process per core (pytest-xdist): each worker has its own test database. Tests
# that compare response times (marked timing) run afterwards on their own, so no other test skews them.
TEST_WORKERS ?= auto
PRODUCTION = export DJANGO_SETTINGS_MODULE=config.settings.production HOST=$(HOST) PORT=$(PORT);
# manage.py, wsgi and asgi use the production settings unless told otherwise; these targets choose the demo's
# (debug, a public key, the demo accounts), whatever the environment says. `make serve` stays production.
DEMO_TARGETS := migrate demo run check lint test-sqlite test-postgres test-browser walkthrough test
$(DEMO_TARGETS): export DJANGO_SETTINGS_MODULE := config.settings.demo
# Runs the command given in the foreground with the background worker (e-mail outbox, audit sealing, purge) beside
# it; both stop together.
with_worker = $(PY) manage.py run_worker & worker=$$!; trap 'kill $$worker 2>/dev/null' EXIT INT TERM; $(1)
# `make cluster`: how many app nodes behind nginx (127.0.0.1:8080), on ports 8101, 8102, ...
CLUSTER_NODES ?= 2

.PHONY: help install chromium run serve cluster cluster-stop bench migrate demo test test-sqlite test-postgres test-browser walkthrough check lint format clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-14s %s\n", $$1, $$2}'

$(STAMP): requirements/base.txt requirements/dev.txt
	@command -v $(PYTHON) >/dev/null || { echo "$(PYTHON) is required"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements/dev.txt
	touch $(STAMP)

install: $(STAMP) ## Create .venv and install the dependencies

$(BENCH_STAMP): $(STAMP) requirements/bench.txt
	$(PY) -m pip install --quiet -r requirements/bench.txt
	touch $(BENCH_STAMP)

chromium: ## Install Debian's chromium for the browser tests when it is missing
	bash scripts/ensure-chromium.sh

migrate: install ## Create or update the SQLite demo database (var/openecf.sqlite3), demo settings
	@mkdir -p var
	$(PY) manage.py migrate --noinput

# The demo's two clerks of wiwd (openecf/demo/data.py, README): load_demo makes their PACER accounts, and the
# clerks app's own command gives them the court, so the demo app does not reach up into the clerk's desk.
demo: migrate ## Load the demo courts and accounts
	$(PY) manage.py load_demo
	$(PY) manage.py add_clerk wiwdclerk1 wiwd
	$(PY) manage.py add_clerk wiwdclerk2 wiwd

run: demo ## Install, migrate, load the demo and serve http://127.0.0.1:8000 (mail at /demo/mail/)
	HOST=$(HOST) PORT=$(PORT) bash scripts/run-demo.sh

serve: install ## Production server: gunicorn, WEB_CONCURRENCY workers, config.settings.production (README)
	$(PRODUCTION) $(PY) manage.py check --deploy && $(PY) manage.py migrate --noinput && \
		$(PY) manage.py collectstatic --noinput -v 0
	$(PRODUCTION) $(call with_worker,$(PY) -m gunicorn -c config/gunicorn.py)

cluster: install ## nginx on 127.0.0.1:8080 before CLUSTER_NODES (2) production nodes, PostgreSQL, Redis, the demo
	bash scripts/ensure-postgres.sh
	bash scripts/ensure-redis.sh
	bash scripts/ensure-nginx.sh
	CLUSTER_NODES=$(CLUSTER_NODES) bash scripts/cluster.sh

cluster-stop: ## End everything `make cluster` started
	bash scripts/cluster-stop.sh

bench: $(BENCH_STAMP) ## Benchmarks against `make serve` (SQLite, PostgreSQL, 1M accounts): bench/results/latest.json
	bash scripts/ensure-bench-tools.sh
	bash scripts/ensure-postgres.sh
	bash scripts/ensure-redis.sh
	$(PY) -m bench.run

# The static checks; the suite runs the same ones (tests/test_code_quality.py). makemigrations --check needs no
# database of its own, so it gets an in-memory one.
check: install ## ruff (lint, format), mypy, the layer contract (lint-imports), makemigrations --check; < 1 min
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy .
	$(VENV)/bin/lint-imports
	DATABASE_URL=sqlite:///:memory: $(PY) manage.py makemigrations --check --dry-run

lint: check ## The same as make check

format: install ## Apply ruff's formatting and safe fixes
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

test-sqlite: install chromium ## The whole suite on SQLite
	bash scripts/ensure-redis.sh
	bash scripts/ensure-nginx.sh
	$(VENV)/bin/pytest -n $(TEST_WORKERS) -m "not timing"
	$(VENV)/bin/pytest -m timing

test-postgres: install chromium ## The whole suite on PostgreSQL (started or installed when absent)
	bash scripts/ensure-postgres.sh
	bash scripts/ensure-redis.sh
	bash scripts/ensure-nginx.sh
	DATABASE_URL=$(PG_URL) $(VENV)/bin/pytest -n $(TEST_WORKERS) -m "not timing"
	DATABASE_URL=$(PG_URL) $(VENV)/bin/pytest -m timing

test-browser: install chromium ## Only the browser tests (Chromium); screenshots go to var/screenshots
	$(VENV)/bin/pytest tests/browser

walkthrough: test-browser ## Refresh docs/walkthrough/ from the browser tests' screenshots
	$(PY) tools/walkthrough_images.py

test: test-sqlite test-postgres ## Everything: lint checks and all tests on SQLite, then on PostgreSQL

clean: ## Remove the virtual environment and the demo database
	rm -rf $(VENV) var
