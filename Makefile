# Pathways: `make run` serves the app, `make test` runs the whole suite. Both set everything up.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
FLASK := $(BIN)/flask --app wsgi
INSTALLED := $(VENV)/.installed
VENDOR := app/static/vendor
PO := $(wildcard translations/*/LC_MESSAGES/messages.po)
MO := $(PO:.po=.mo)

.PHONY: run test setup lint format browser-deps translations-extract translations-update clean

run: setup
	$(FLASK) db upgrade
	$(FLASK) seed demo
	@echo "Pathways is at http://127.0.0.1:5000"
	$(FLASK) run --host 127.0.0.1 --port 5000

test: setup browser-deps lint
	@echo "== Test suite on SQLite =="
	$(BIN)/pytest -p no:cacheprovider
	@echo "== Test suite on PostgreSQL =="
	bash tests/with_postgres.sh $(BIN)/pytest -p no:cacheprovider

setup: $(INSTALLED) $(VENDOR)/htmx.min.js $(VENDOR)/leaflet/leaflet.js $(MO)

$(INSTALLED): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error

$(VENDOR)/htmx.min.js: node_modules/.package-lock.json
	mkdir -p $(VENDOR)
	cp node_modules/htmx.org/dist/htmx.min.js $@

# Leaflet is loaded on the map view only.
$(VENDOR)/leaflet/leaflet.js: node_modules/.package-lock.json
	mkdir -p $(VENDOR)/leaflet
	cp -r node_modules/leaflet/dist/leaflet.js node_modules/leaflet/dist/leaflet.css \
	  node_modules/leaflet/dist/images $(VENDOR)/leaflet/

%.mo: %.po $(INSTALLED)
	$(BIN)/pybabel compile -i $< -o $@

lint: $(INSTALLED)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(INSTALLED)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Debian's Chromium drives the browser tests; Playwright never downloads a browser.
browser-deps:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else echo "chromium is missing and this is not root: browser tests will be skipped"; fi; }

translations-extract: $(INSTALLED)
	$(BIN)/pybabel extract -F babel.cfg -k _l -k lazy_gettext --no-location --sort-output \
	  --project Pathways -o translations/messages.pot .

translations-update: translations-extract
	$(BIN)/pybabel update -i translations/messages.pot -d translations --no-wrap \
	  --ignore-obsolete --no-fuzzy-matching
	@# pybabel copies the template's fuzzy header mark; a fuzzy catalogue would not compile.
	for po in $(PO); do sed -i '0,/^#, fuzzy$$/{/^#, fuzzy$$/d}' $$po; done

clean:
	rm -rf $(VENV) node_modules $(VENDOR) instance/test-* $(MO)
