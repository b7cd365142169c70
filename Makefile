# Two entry points: `make run` (set up, build the sample articles) and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin

.PHONY: run test setup system-deps clean

run: $(VENV)/.installed
	$(BIN)/kg build examples/ --out output/
	@echo "open output/graph.html in a browser; try: $(BIN)/kg query --file queries/attacks.rq"

test: $(VENV)/.installed-test system-deps
	$(BIN)/python -m pytest

setup: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	$(BIN)/pip install --quiet -e ".[test]"
	touch $@

# Debian packages the browser and server tests need (installed only where missing).
system-deps:
	@bash .ci/system-deps

clean:
	rm -rf $(VENV) output/* output/.build-* output/.current output/.staging-* build *.egg-info
