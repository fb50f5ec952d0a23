# Two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install build run test lint typecheck clean bench virtuoso

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

build: install  ## (re)build the graph in data/store from corpus/
	$(BIN)/sanad ingest corpus

run: build  ## build, then serve the API on 127.0.0.1:8000
	$(BIN)/sanad serve --host $(HOST) --port $(PORT)

lint: install
	$(BIN)/ruff check .

typecheck: install
	$(BIN)/mypy ingest graph api queries

test: install lint typecheck  ## the whole test suite
	$(BIN)/python -m pytest -q

SIZES ?= 10000 100000
bench: install  ## benchmarks with peers (docs/performance.md): make bench SIZES="10000 100000 1000000"
	$(BIN)/python -m pip install --quiet -e '.[dev,bench]'
	$(BIN)/sanad bench $(SIZES) --plot docs/performance-latency.png

virtuoso: install  ## a private Virtuoso on 127.0.0.1 in data/virtuoso; prints its SANAD_SPARQL_* settings
	$(BIN)/python -m sanad.scripts.virtuoso start data/virtuoso

clean:
	rm -rf $(VENV) data build *.egg-info .pytest_cache .ruff_cache .mypy_cache
