# CEP Desk — developer entry points. Every target works on a fresh machine:
# it creates .venv and installs the project (editable, with its test extras) when needed.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install run demo test lint format bench soak i18n clean

$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	$(BIN)/cep-desk gui

demo: $(STAMP)
	$(BIN)/cep-desk --demo

lint: $(STAMP)
	$(BIN)/ruff check cep_desk tests benchmarks
	$(BIN)/ruff format --check cep_desk tests benchmarks

format: $(STAMP)
	$(BIN)/ruff format cep_desk tests benchmarks
	$(BIN)/ruff check --fix cep_desk tests benchmarks

test: lint
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q

# The catalogue of our interface strings (French source) for a future translation.
i18n: $(STAMP)
	$(BIN)/pyside6-lupdate $$(find cep_desk/ui -name '*.py' | sort) -ts resources/i18n/cep_desk_en.ts

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m benchmarks.run

# The long day: the application driven for CEP_SOAK_MINUTES (default 30) minutes of events;
# one JSON line with memory (peak, after warm-up, end) and the data check.
soak: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m benchmarks.soak

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .ruff_cache
