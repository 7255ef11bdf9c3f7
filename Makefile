# A newcomer needs only Python 3.11+, pip and make:
#   make demo   creates .venv, installs the project, runs `monitor demo`
#   make test   installs the development extras and runs the whole test suite
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin

.PHONY: demo test install dev bench clean

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed (found " + sys.version.split()[0] + "); run: make PYTHON=python3.11 ...")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	@touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $@ $(VENV)/.installed

install: $(VENV)/.installed
dev: $(VENV)/.installed-dev

demo: install
	$(BIN)/monitor demo $(DEMO_ARGS)

test: dev
	$(BIN)/python -m pytest

bench: dev
	$(BIN)/python benchmarks/checks_speed.py
	$(BIN)/python benchmarks/accuracy.py
	$(BIN)/python benchmarks/lookalike_accuracy.py
	$(BIN)/python benchmarks/lookalike_speed.py

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache demo-findings.json
