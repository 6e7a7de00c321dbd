# Two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PORT   ?= 8080
STAMP  := $(VENV)/.installed

.PHONY: run test venv clean fuzz load

venv: $(STAMP)

# Reinstall only when the project's own dependency list changes.
$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

# With ALEXA_SKILL_ID set: the production server (Amazon's roots, full verification).
# Without it: the same webhook on 127.0.0.1, verifying requests signed by the local
# test CA in .sim-ca/, and the skill-sim line that talks to it (tooling/local_server.py).
run: $(STAMP)
ifeq ($(strip $(ALEXA_SKILL_ID)),)
	@PORT=$(PORT) $(BIN)/python -m tooling.local_server
else
	@$(BIN)/python -m skill.web.config
	PORT=$(PORT) $(BIN)/gunicorn --config skill/web/gunicorn_conf.py 'skill.web.app:create_app()'
endif

# Static checks first (each stops the run), then the whole suite.
test: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/python -m pytest -q

# Hypothesis at length (>= 10,000 examples per fuzz test); `make test` runs a few hundred.
fuzz: $(STAMP)
	FUZZ_PROFILE=long $(BIN)/python -m pytest -q -p no:cacheprovider --hypothesis-show-statistics tests/test_fuzz.py

# Signed requests against gunicorn on 127.0.0.1; bounded in count and time. Not a test.
load: $(STAMP)
	$(BIN)/python -m bench.load

# Speed figures against a bare Flask app and the stock verifier (BENCHMARKS.md).
# Not a test; about 1.5 minutes. Adds the `bench` extra (profiler, stock verifier).
.PHONY: bench
BENCH_STAMP := $(VENV)/.bench-installed

$(BENCH_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test,bench]'
	touch $(BENCH_STAMP)

bench: $(BENCH_STAMP)
	$(BIN)/python -m bench

# Deploying (see README): every folder the profiles of ask-resources.json point at
# (`make package ENDPOINT=https://host/alexa`, or a Lambda ARN), the AWS Lambda zip
# (PyPI and a Python 3.12 for its bytecode), and the screens as HTML.
.PHONY: generate package lambda-zip preview

generate: $(STAMP)
	$(BIN)/python -m tooling.packaging generate

package: $(STAMP)
	$(BIN)/python -m tooling.packaging package $(if $(ENDPOINT),--endpoint '$(ENDPOINT)') $(if $(CERTIFICATE),--certificate '$(CERTIFICATE)')

# CODE and OUT: the ASK CLI's build hook (hooks/build.sh) passes its copy of the code folder and its zip.
lambda-zip: $(STAMP)
	$(BIN)/python -m tooling.packaging lambda-zip $(if $(CODE),--code '$(CODE)') $(if $(OUT),--out '$(OUT)')

preview: $(STAMP)
	$(BIN)/python -m tooling.preview

# Amazon's build and certification rules that hold offline, on every locale's model
# and skill.json (tooling/model_lint.py); `make test` runs it through tests/test_model_lint.py.
.PHONY: lint-model
lint-model: $(STAMP)
	$(BIN)/python -m tooling.model_lint

# The offline simulator (tooling/simulator/): talk to the skill in a terminal, and
# measure how well it understands the labelled utterances in tests/data/nlu/.
.PHONY: chat nlu-report

chat: $(STAMP)
	$(BIN)/python -m tooling.simulator $(if $(LOCALE),--locale '$(LOCALE)')

nlu-report: $(STAMP)
	$(BIN)/python -m tooling.simulator.evaluation

# Exact-sample check of interaction_model/en-US.json with Bespoken's virtual-alexa
# (needs Node.js and the npm registry), against the webhook on 127.0.0.1. Not a test.
.PHONY: virtual-alexa
VA_DIR := tools/virtual-alexa

$(VA_DIR)/node_modules/.package-lock.json: $(VA_DIR)/package-lock.json
	cd $(VA_DIR) && npm ci --ignore-scripts --no-audit --no-fund

virtual-alexa: $(STAMP) $(VA_DIR)/node_modules/.package-lock.json
	cd $(VA_DIR) && PYTHON='$(CURDIR)/$(BIN)/python' node check.js

clean:
	rm -rf $(VENV) build .pytest_cache
