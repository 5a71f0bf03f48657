# One place for commands. Everything installs itself into .venv on first use.
PY ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export BASTION_HOME ?= $(CURDIR)/.bastion
# Test processes: one per core (pytest-xdist), a test file to one process (its module fixtures, such
# as a Synapse or a server, start once), the long files first (tests/conftest.py orders them);
# TEST_WORKERS=0 runs the suite in this process.
TEST_WORKERS ?= auto

.PHONY: install demo test lint typecheck bench fuzz scenario screenshots clean

$(STAMP): pyproject.toml constraints.txt
	@command -v $(PY) >/dev/null || { echo "need $(PY) on PATH"; exit 1; }
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -c constraints.txt -e '.[dev,synapse]'
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/bastion feeds import examples/feeds/ --source sample --category from-file
	$(BIN)/bastion feeds list
	$(BIN)/bastion scan examples/sample_content.jsonl --out $(BASTION_HOME)/demo_results.jsonl
	@echo "results: $(BASTION_HOME)/demo_results.jsonl"
	@echo "--- bad input is reported with line numbers (this step is expected to exit 1):"
	-$(BIN)/bastion scan examples/bad_input.jsonl --out $(BASTION_HOME)/demo_bad_results.jsonl
	$(BIN)/bastion explain "官网 １８８ｂｅｔ。ｃｏｍ 注册送彩金 加V：bet_8899"

lint: $(STAMP)
	$(BIN)/ruff check src tests bench scenario
	$(BIN)/ruff format --check src tests bench scenario
	$(BIN)/mypy

test: lint
	$(BIN)/python -m pytest -n $(TEST_WORKERS) --dist loadfile --no-loadscope-reorder

bench: $(STAMP)
	$(BIN)/python -m bench.run_all

fuzz: $(STAMP)
	$(BIN)/python -m bench.fuzz --engine atheris --runs 1000000

scenario: $(STAMP)
	$(BIN)/python -m scenario.run

screenshots: $(STAMP)
	$(BIN)/python -m scenario.screenshots

clean:
	rm -rf $(VENV) .bastion .mypy_cache .pytest_cache .ruff_cache
