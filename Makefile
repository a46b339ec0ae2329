# Two entry points do all set-up on a fresh clone: `make demo` and `make test`.
PYTHON ?= python3.12
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test eval bench clean chromium

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e ".[model,test]"
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/newsgraph analyze examples/belarus-kremlin.txt
	$(BIN)/newsgraph ingest examples/ --db newsgraph.db
	$(BIN)/newsgraph stats --db newsgraph.db
	@echo "Browse it: $(BIN)/newsgraph serve --db newsgraph.db   (then open http://127.0.0.1:8001/)"

test: $(STAMP) chromium
	$(BIN)/python -m pytest -q

eval: $(STAMP)
	$(BIN)/newsgraph eval all

bench: $(STAMP)
	$(BIN)/python benchmarks/throughput.py --n 500

# The browser tests drive Debian's Chromium (never a browser download); installed when missing and root.
chromium:
	@test -x /usr/bin/chromium || [ "$$(id -u)" != 0 ] || \
		{ apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; } || \
		echo "could not install chromium: the browser tests will skip (and fail under CI=true)"

clean:
	rm -rf $(VENV) build dist src/*.egg-info
