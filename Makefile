# Two commands matter: `make run` and `make test`. Both bootstrap .venv from nothing.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test lint typecheck check bench tools clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "photodesk needs Python 3.11 or newer")'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/photodesk demo

test: $(STAMP) tools lint typecheck
	$(BIN)/python -m pytest -n auto -q

lint: $(STAMP)
	$(BIN)/ruff check photodesk tests bench media
	$(BIN)/ruff format --check photodesk tests bench media

typecheck: $(STAMP)
	$(BIN)/mypy

bench: $(STAMP) tools
	$(BIN)/python bench/extract.py
	$(BIN)/python bench/read.py

# ExifTool (the reference for the reading and writing tests) and Chromium (renders the HTML
# sheet in its test) are installed when missing and we can (root with apt-get); otherwise their
# tests are skipped with the reason. Never fails the build.
tools:
	@missing=""; \
	command -v exiftool >/dev/null 2>&1 || missing="$$missing libimage-exiftool-perl"; \
	command -v chromium >/dev/null 2>&1 || missing="$$missing chromium"; \
	if [ -z "$$missing" ]; then :; \
	elif command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then \
		echo "tools: installing$$missing"; \
		{ apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
			--no-install-recommends $$missing; } >/dev/null 2>&1 \
		|| echo "tools: could not install$$missing; their tests will be skipped"; \
	else \
		echo "tools: not installed:$$missing (needs root and apt-get); their tests will be skipped"; \
	fi

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache build *.egg-info
