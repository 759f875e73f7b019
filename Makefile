# CEP Desk — developer entry points. Every target works on a fresh machine:
# it creates .venv and installs the project (editable, with its test extras) when needed.
# The versions come from requirements.lock (every file's hash checked), never "the newest of
# the day": `make lock` refreshes the lock after a change of pyproject.toml, `make lock-upgrade`
# moves every package to its newest allowed version. Both are deliberate acts, reviewed and
# committed with the lock.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
LOCK := requirements.lock
# The lock tool, pinned so that the lock's format does not change by itself.
UV_VERSION := 0.13.9
UV_ENV := .venv-lock
UV_COMPILE := $(UV_ENV)/bin/uv pip compile pyproject.toml --extra test --extra bench --extra accel --extra package --extra server --extra postgres --universal \
	--python-version 3.11 --generate-hashes --quiet \
	--custom-compile-command "make lock" -o $(LOCK)

.PHONY: install run demo test lint typecheck format bench soak i18n clean lock lock-upgrade \
	package package-smoke bench-package bench-postgres server

# A fresh .venv whenever the lock or pyproject.toml changes, so that nothing stays installed
# that the lock no longer names.
$(STAMP): $(LOCK) pyproject.toml
	rm -rf $(VENV)
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet --require-hashes -r $(LOCK)
	$(BIN)/pip install --quiet --no-deps -e .
	@$(BIN)/pip check || { echo "requirements.lock does not satisfy pyproject.toml: run make lock"; exit 1; }
	touch $(STAMP)

install: $(STAMP)

$(UV_ENV)/bin/uv:
	$(PY) -m venv $(UV_ENV)
	$(UV_ENV)/bin/pip install --quiet uv==$(UV_VERSION)

# Keep the locked versions, add or drop what pyproject.toml now asks for.
lock: $(UV_ENV)/bin/uv
	$(UV_COMPILE)

# Every package to the newest version pyproject.toml allows (then run the tests).
lock-upgrade: $(UV_ENV)/bin/uv
	$(UV_COMPILE) --upgrade

run: $(STAMP)
	$(BIN)/cep-desk gui

demo: $(STAMP)
	$(BIN)/cep-desk --demo

lint: $(STAMP)
	$(BIN)/ruff check cep_desk tests benchmarks
	$(BIN)/ruff format --check cep_desk tests benchmarks
	$(BIN)/mypy

# mypy, strict on cep_desk/ outside ui/, default rules plus check_untyped_defs in ui/ (settings in
# pyproject.toml, [tool.mypy]); its cache
# (.mypy_cache) makes a run after a small change take seconds.
typecheck: $(STAMP)
	$(BIN)/mypy

format: $(STAMP)
	$(BIN)/ruff format cep_desk tests benchmarks
	$(BIN)/ruff check --fix cep_desk tests benchmarks

test: lint
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -n $(TEST_WORKERS) --dist loadfile

# The catalogues of our interface strings (French source): cep_desk_fr.ts is the wording of the
# interface (each message starts as its source, can be reworded in Qt Linguist), cep_desk_en.ts
# is ready for a translation (none yet). The French one is compiled to .qm, shipped in the wheel
# and the packages; the application loads it (cep_desk/ui/app.py, install_translators).
I18N := cep_desk/resources/i18n
i18n: $(STAMP)
	$(BIN)/pyside6-lupdate -silent -locations relative $$(find cep_desk/ui -name '*.py' | sort) \
		-ts $(I18N)/cep_desk_fr.ts $(I18N)/cep_desk_en.ts
	$(BIN)/python tools/i18n_fill.py $(I18N)/cep_desk_fr.ts
	$(BIN)/pyside6-lrelease -silent $(I18N)/cep_desk_fr.ts -qm $(I18N)/cep_desk_fr.qm

# The installers (packaging/): a PyInstaller one-folder build from the locked dependencies, then
# the Linux archive and .deb, in build/dist. Windows and macOS: .github/workflows/package.yml.
package: $(STAMP)
	rm -rf build/dist
	$(BIN)/pyinstaller --noconfirm --clean --log-level WARN --distpath build/dist \
		--workpath build/pyinstaller packaging/cep-desk.spec
	$(BIN)/python packaging/linux/build.py build/dist

# The packaged application run without the virtual environment (CI runs it after make package).
package-smoke:
	packaging/smoke.sh build/dist

# Size and cold start (start to unlock screen) of the package against the venv.
bench-package: $(STAMP)
	$(BIN)/python -m benchmarks.bench_package build/dist

# BENCH_PEOPLE=200000 for the large caseload (its workspace is built once and cached too).
# Test processes (pytest-xdist); the tests of one file stay in one process.
TEST_WORKERS ?= 2
BENCH_PEOPLE ?= 50000
bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen CEP_BENCH_PEOPLE=$(BENCH_PEOPLE) $(BIN)/python -m benchmarks.run

# The storage's figures on both engines side by side (search p95, list, open a file) at
# BENCH_PEOPLE: the bench workspace (SQLCipher) and a throw-away PostgreSQL filled the same way.
bench-postgres: $(STAMP)
	CEP_BENCH_PEOPLE=$(BENCH_PEOPLE) $(BIN)/python -m benchmarks.bench_postgres

# The long day: the application driven for CEP_SOAK_MINUTES (default 30) minutes of events;
# one JSON line with memory (peak, after warm-up, end) and the data check.
soak: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m benchmarks.soak

# The team server on this machine: a throw-away PostgreSQL, a test identity provider, two demo
# counsellors and a team lead (their tokens are printed), the API on 127.0.0.1:8740.
server: $(STAMP)
	$(BIN)/cep-server dev

clean:
	rm -rf $(VENV) $(UV_ENV) build *.egg-info .pytest_cache .ruff_cache .mypy_cache
