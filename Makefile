# Two commands on a fresh machine: `make demo` and `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: demo test install clean eval

$(BIN)/kg: pyproject.toml constraints.txt
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -c constraints.txt -e '.[test]'
	touch $(BIN)/kg

install: $(BIN)/kg

demo: install
	$(BIN)/kg build examples/ -o exports/sample.ttl
	$(BIN)/kg viz --graph exports/sample.ttl -o exports/sample.html --title "kg: the sample articles"

test: install
	$(BIN)/python -m pytest -q

eval: install
	$(BIN)/python ../shared/eval/evaluate.py --kg $(BIN)/kg ../shared/eval/dev/*.json --corpus ../shared/eval/dev/corpus.json -v

clean:
	rm -rf $(VENV) build *.egg-info
