# Two commands on a fresh machine: `make demo` and `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: demo test install clean eval chromium screenshot

$(BIN)/kg: pyproject.toml constraints.txt
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -c constraints.txt -e '.[test]'
	touch $(BIN)/kg

install: $(BIN)/kg

demo: install
	$(BIN)/kg build examples/ -o exports/sample.ttl
	$(BIN)/kg viz --graph exports/sample.ttl -o exports/sample.html --title "kg: the sample articles"

test: install chromium
	$(BIN)/python -m pytest -q

# Debian's chromium for the browser tests (tests/browser), installed when missing. Where it cannot be
# (no root, no apt) those tests are skipped, unless KG_REQUIRE_BROWSER is set, as .ci/run sets it.
chromium:
	@command -v chromium >/dev/null 2>&1 || (apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium) \
		|| echo "make: could not install chromium (apt-get install chromium): the browser tests will be skipped"

# The README's picture of the demo page, taken by headless chromium.
screenshot: demo chromium
	$(BIN)/python docs/screenshot.py exports/sample.html docs/sample.png

eval: install
	$(BIN)/python ../shared/eval/evaluate.py --kg $(BIN)/kg ../shared/eval/dev/*.json --corpus ../shared/eval/dev/corpus.json -v

clean:
	rm -rf $(VENV) build *.egg-info
