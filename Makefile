# `make demo` and `make test` do all the set-up on a fresh machine.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test

.PHONY: demo test lint install bench clean

# dragoman with its pinned dependencies; the spaCy model is checked against its hash.
$(STAMP): pyproject.toml requirements/base.txt requirements/model.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q --require-hashes --no-deps -r requirements/model.txt
	$(BIN)/pip install -q -r requirements/base.txt
	$(BIN)/pip install -q --no-deps -e .
	touch $(STAMP)

# What the tests use besides: pytest, an HTTP client, selenium, and Ray for the Ray engine's test.
$(TEST_STAMP): $(STAMP) requirements/test.txt requirements/ray.txt
	$(BIN)/pip install -q -r requirements/test.txt -r requirements/ray.txt
	touch $(TEST_STAMP)

install: $(STAMP)

demo: $(STAMP)
	rm -f dragoman.db
	$(BIN)/dragoman ingest examples/ --db dragoman.db
	$(BIN)/dragoman events --db dragoman.db --format table

test: $(TEST_STAMP)
	$(BIN)/python -m pytest -q

# ruff (pyflakes, complexity C901 at 12) and the formatter's check; CI runs it before the tests.
lint: $(TEST_STAMP)
	$(BIN)/ruff check src tests benchmarks scripts
	$(BIN)/ruff format --check src tests benchmarks scripts

bench: $(TEST_STAMP)
	$(BIN)/python benchmarks/speed.py
	$(BIN)/python benchmarks/quality.py

clean:
	rm -rf $(VENV) dragoman.db
