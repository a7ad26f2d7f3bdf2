# COFFEE Hub: `make run` installs everything and serves the demo site; `make test` runs every check.
SHELL := /bin/bash
VENV ?= .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
MANAGE := $(PY) manage.py
HOST ?= 127.0.0.1
PORT ?= 8000
STAMP := $(VENV)/.installed

.PHONY: run production install migrate messages demo serve test lint format check pytest e2e-deps translations clean

run: install migrate messages demo serve

$(STAMP): pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -e ".[dev]"
	touch $(STAMP)

install: $(STAMP)

# Production settings, gunicorn, the webhook worker and the scheduler (ops/production.sh says
# which environment variables it needs).
production: install
	VENV=$(VENV) HOST=$(HOST) PORT=$(PORT) bash ops/production.sh

migrate: install
	@mkdir -p var
	$(MANAGE) migrate --no-input
	$(MANAGE) createcachetable

messages: install
	$(MANAGE) compilemessages --ignore=".venv/*" -v0

demo: install
	$(MANAGE) load_demo_content

serve:
	@echo "Serving COFFEE Hub on http://$(HOST):$(PORT)/ (webhook and newsletter workers and scheduler in the background)"
	@$(MANAGE) db_worker --backend webhooks --queue-name webhooks & worker=$$!; \
	$(MANAGE) db_worker --backend newsletter --queue-name newsletter & newsletter=$$!; \
	$(MANAGE) run_scheduler & scheduler=$$!; \
	trap 'kill $$worker $$newsletter $$scheduler 2>/dev/null' EXIT INT TERM; \
	$(MANAGE) runserver $(HOST):$(PORT)

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

check: install messages
	DJANGO_SETTINGS_MODULE=cms.settings.test $(MANAGE) check
	DJANGO_SETTINGS_MODULE=cms.settings.test $(MANAGE) makemigrations --check --dry-run

e2e-deps:
	bash ops/e2e/install.sh

pytest: install messages
	$(VENV)/bin/pytest

test: lint check e2e-deps
	bash ops/test.sh

translations: install
	$(MANAGE) makemessages -l fr -l nl -l en --no-obsolete --ignore=".venv/*" --ignore="var/*" --ignore="node_modules/*" --ignore="ops/*"

clean:
	rm -rf var $(VENV)
