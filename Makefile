# Two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PORT   ?= 8080
STAMP  := $(VENV)/.installed

.PHONY: run test venv clean

venv: $(STAMP)

# Reinstall only when the project's own dependency list changes.
$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	PORT=$(PORT) $(BIN)/gunicorn --config skill/gunicorn_conf.py 'skill.app:create_app()'

test: $(STAMP)
	$(BIN)/python -m pytest -q

# Deploying (see README): the ASK CLI skill package, the AWS Lambda zip, and the
# screens as HTML. `make package ENDPOINT=https://host/alexa` (or a Lambda ARN).
.PHONY: generate package lambda-zip preview

generate: $(STAMP)
	$(BIN)/python -m skill.packaging generate

package: $(STAMP)
	$(BIN)/python -m skill.packaging package $(if $(ENDPOINT),--endpoint '$(ENDPOINT)') $(if $(CERTIFICATE),--certificate '$(CERTIFICATE)')

lambda-zip: $(STAMP)
	$(BIN)/python -m skill.packaging lambda-zip

preview: $(STAMP)
	$(BIN)/python -m skill.preview

clean:
	rm -rf $(VENV) build .pytest_cache
