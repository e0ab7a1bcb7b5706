# Two commands do all the set-up on a fresh machine with Python 3.11+: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
PROJECT_HASH := $(shell $(PYTHON) -c "import hashlib;print(hashlib.sha1(open('pyproject.toml','rb').read()).hexdigest()[:12])")
STAMP := $(VENV)/.installed-$(PROJECT_HASH)
TEST_STAMP := $(VENV)/.installed-test-$(PROJECT_HASH)
MANAGE := $(BIN)/python manage.py

.PHONY: install install-test lint run dev test test-fast test-sqlite test-postgres system-packages html-checker static content messages bench clean

# Serving needs only the runtime dependencies; the test tools come with `make test`.
$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check --upgrade pip
	$(BIN)/pip install --quiet --disable-pip-version-check -e .
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

$(TEST_STAMP): $(STAMP)
	$(BIN)/pip install --quiet --disable-pip-version-check -e ".[test]"
	rm -f $(VENV)/.installed-test-*
	touch $(TEST_STAMP)

install: $(STAMP)

install-test: $(TEST_STAMP)

## Lint: ruff (pyflakes, pycodestyle, isort, bugbear, Django rules) and the import contracts of pyproject.toml.
lint: install-test
	$(BIN)/ruff check .
	$(BIN)/lint-imports

static: install
	$(MANAGE) collectstatic --noinput -v0
	$(MANAGE) render_error_pages

# apply_directory_updates first: on a running site it records the shipped changes (history, Updates)
# before load_content would add the new entries silently; on an empty database it does nothing.
content: install
	$(MANAGE) migrate --noinput -v0
	$(MANAGE) apply_directory_updates
	$(MANAGE) load_content
	$(MANAGE) fill_segment_maps
	$(MANAGE) ensure_staff_user

## Serve the real site with its content at http://127.0.0.1:$(PORT)/ (SQLite unless DATABASE_URL says otherwise).
## gunicorn's gevent worker (config/gunicorn.py) holds up to slow clients with no proxy in front. One process:
## a real site runs config/gunicorn_heavy.py beside it, behind nginx (docs/operations.md).
run: content static
	@echo "Serving on http://127.0.0.1:$(PORT)/ — staff admin at /admin/"
	$(BIN)/gunicorn -c config/gunicorn.py --bind 127.0.0.1:$(PORT) --access-logfile -

## Development server with auto-reload and Django's debug pages.
dev: content static
	DEBUG=true $(MANAGE) runserver 127.0.0.1:$(PORT)

## Debian packages the whole suite needs: Chromium's headless shell for the browser tests (and the desktop Chromium
## for the one test of what it keeps on the phone), PostgreSQL, Redis, nginx (the
## reverse proxy), gettext, Java and npm for the Nu Html Checker, ffmpeg for uploaded recordings (the site
## runs without it: only the upload of recordings is refused).
system-packages:
	@missing=""; \
	command -v chromium-headless-shell >/dev/null || missing="$$missing chromium-headless-shell"; \
	command -v chromium >/dev/null || missing="$$missing chromium"; \
	ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing="$$missing postgresql"; \
	command -v redis-server >/dev/null || missing="$$missing redis-server"; \
	[ -x /usr/sbin/nginx ] || missing="$$missing nginx"; \
	command -v msgfmt >/dev/null || missing="$$missing gettext"; \
	command -v java >/dev/null || missing="$$missing default-jre-headless"; \
	command -v npm >/dev/null || missing="$$missing npm"; \
	command -v ffmpeg >/dev/null || missing="$$missing ffmpeg"; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "Installing Debian packages:$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	  else echo "Install as root: apt-get install$$missing"; exit 1; fi; \
	fi

## The Nu Html Checker (vnu.jar, pinned in tests/vnu/package-lock.json), run on Debian's Java: the
## package's own install script, which would download a Java runtime, is skipped.
VNU_JAR := tests/vnu/node_modules/vnu-jar/build/dist/vnu.jar
$(VNU_JAR): tests/vnu/package.json tests/vnu/package-lock.json
	npm --prefix tests/vnu ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $(VNU_JAR)

html-checker: $(VNU_JAR)

## The whole suite: on SQLite (with the browser tests), then again on a real PostgreSQL server.
# The two runs share one folder for the starting content (tests/starting_content.py): the PostgreSQL run
# restores the pg_dump the SQLite run made for its servers instead of migrating and loading it again.
test: install-test system-packages html-checker static lint
	@content=$$(mktemp -d /tmp/help-site-content-XXXXXX) && trap 'rm -rf "$$content"' EXIT && \
	HELP_SITE_TEST_CONTENT="$$content" $(MAKE) --no-print-directory test-sqlite test-postgres

# Three workers on two cores: the browser and server tests wait on other processes much of the time.
WORKERS ?= 3

test-sqlite:
	$(BIN)/pytest -n $(WORKERS) --dist loadgroup -p no:cacheprovider --durations=25

# On PostgreSQL, every test of what is stored, read back, locked, searched or migrated runs again; the
# interface checks marked same_on_every_database (their reads are those of every page) run on SQLite only.
test-postgres:
	$(BIN)/python tests/postgres_server.py $(BIN)/pytest -n $(WORKERS) -p no:cacheprovider --durations=15 \
	  -m "not browser and not server and not html_checker and not same_on_every_database"

## The fast tests alone (no browser, no servers started), for quick checks while developing.
test-fast: install-test static
	$(BIN)/pytest -n 2 -m "not browser and not server and not html_checker"

## Update the translation catalogs after changing interface text.
messages: install-test
	rm -f locale/en/LC_MESSAGES/django.po  # English is rebuilt from the source strings each time
	for lang in en ru kk ar prs zh_Hans ug uz uk ps; do \
	  $(MANAGE) makemessages -l $$lang --no-obsolete -i ".venv/*" -i "staticfiles/*" -i "tests/*" -i "benchmarks/*" -v0; done
	msgen locale/en/LC_MESSAGES/django.po -o locale/en/LC_MESSAGES/django.po  # English is the source
	$(MANAGE) compilemessages -v0 -i .venv

## Benchmarks (not part of the tests): see docs/benchmarks.md. Uses wrk from Debian when it can install it.
bench: install-test static
	@command -v wrk >/dev/null || [ "$$(id -u)" != 0 ] || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends wrk >/dev/null) || true
	$(BIN)/python benchmarks/run.py $(if $(SCALE),--scale $(SCALE)) $(if $(ONLY),--only $(ONLY))

clean:
	rm -rf $(VENV) staticfiles db.sqlite3
