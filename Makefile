# Two entry points do all set-up on a fresh clone: `make demo` and `make test`.
PYTHON ?= python3.12
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test eval bench clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e ".[model,test]"
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/newsgraph analyze examples/belarus-kremlin.txt
	$(BIN)/newsgraph ingest examples/ --db newsgraph.db
	$(BIN)/newsgraph stats --db newsgraph.db

test: $(STAMP)
	$(BIN)/python -m pytest -q

eval: $(STAMP)
	$(BIN)/newsgraph eval all

bench: $(STAMP)
	$(BIN)/python benchmarks/throughput.py --n 500

clean:
	rm -rf $(VENV) build dist src/*.egg-info
