# Entente developer entry points. `make demo` and `make test` install what is missing first.
.PHONY: all deps build debug demo test test-release test-debug test-sanitize bench fuzz format format-check lint lint-changed \
        golden-update clean python install calibration

ENTENTE := build/release/apps/cli/entente
# Tests store their runs in the build tree, never in ./entente.db.
test test-debug test-release test-sanitize: export ENTENTE_DB := $(CURDIR)/build/test-runs.db
FLAGSHIP := scenarios/us-rok-2021.yaml
SOURCES = $(shell git ls-files '*.cpp' '*.hpp' 2>/dev/null)
PREFIX ?= /usr/local

all: build

deps:
	@scripts/install-deps

# `make build` and `make test` build the unit tests in the release tree (RELEASE_UNIT_TESTS=OFF
# leaves them out).
RELEASE_UNIT_TESTS ?= ON
build:
	@cmake --preset release -DENTENTE_BUILD_UNIT_TESTS=$(RELEASE_UNIT_TESTS) >/dev/null
	@cmake --build --preset release

debug:
	@cmake --preset debug >/dev/null
	@cmake --build --preset debug

demo: deps build
	@echo
	@$(ENTENTE) forecast $(FLAGSHIP) --model median
	@echo
	@$(ENTENTE) forecast $(FLAGSHIP) --model compromise

# The Python module alone: import it with PYTHONPATH=build/release/python (Debian's python3).
python:
	@cmake --preset release >/dev/null
	@cmake --build --preset release --target entente_python
	@echo "built build/release/python/entente; use: PYTHONPATH=build/release/python /usr/bin/python3"

# The CLI and the Python module under PREFIX (default /usr/local): make install PREFIX=$$HOME/.local
install: build
	@cmake --install build/release --prefix $(PREFIX)

# Format check first, then the release build (library, front ends, unit tests), clang-tidy on
# the files changed since LINT_BASE, then every test in the release build: units, golden,
# server, browser, package, fuzz smoke and Python, so the output ends with ctest's and pytest's
# summaries (.ci/run calls this). The sanitizer build is `make test-sanitize`: building the
# library a second time under ASan made `make test` twice as long as CI allows (HACKING.md).
# pytest runs once, as a ctest entry; test-release ends with ctest's summary, then pytest's.
test: deps
	@$(MAKE) --no-print-directory format-check
	@$(MAKE) --no-print-directory build
	@$(MAKE) --no-print-directory lint-changed
	@$(MAKE) --no-print-directory test-release

# The unit tests and fuzz smoke passes under AddressSanitizer + UndefinedBehaviorSanitizer with
# the dev checks on (the debug preset). Run it before merging anything that touches memory.
test-sanitize: deps
	@$(MAKE) --no-print-directory test-debug

test-debug: debug
	@ctest --preset debug

test-release: build
	@rm -f build/release/pytest-summary.txt
	@ctest --preset release
	@cat build/release/pytest-summary.txt 2>/dev/null || echo "pytest: did not run"

bench: build
	@build/release/bench/entente_bench --benchmark_counters_tabular=true

# Each fuzz target (fuzz/: every reader, and the pipeline past parsing) under libFuzzer and
# ASan for FUZZ_SECONDS (default 30), seeded from scenarios/ and tests/data (see
# fuzz/CMakeLists.txt). Needs clang++. `make test` runs a shorter, fixed smoke pass of each.
FUZZ_SECONDS ?= 30
fuzz: deps
	@command -v clang++ >/dev/null || { echo "make fuzz needs clang++ with libFuzzer: apt-get install clang" >&2; exit 1; }
	@cmake --preset fuzz -DENTENTE_FUZZ_SECONDS=$(FUZZ_SECONDS) >/dev/null
	@cmake --build --preset fuzz --target fuzz_run

format:
	@clang-format -i $(SOURCES)

format-check:
	@clang-format --dry-run --Werror $(SOURCES) || \
	  { echo "format-check: the files above are not clang-formatted; run make format" >&2; exit 1; }

# clang-tidy (scripts/lint, one job per core) over the library, the front ends and the Python
# bindings. `lint` checks all 106 files: 10 min on the 2-core VM (12.5 min user CPU), too long
# for CI, so `make test` runs `lint-changed`: only the files changed since the merge base with
# LINT_BASE (on LINT_BASE itself, the last commit's).
LINT_BASE ?= main
lint: build
	@scripts/lint

lint-changed: build
	@scripts/lint --changed $(LINT_BASE)

# The shipped DEU I calibration, rebuilt from ../shared (SHARED=DIR to point elsewhere). The date
# stored is SOURCE_DATE_EPOCH's when set; ctest's calibration.deu_reproducible re-checks it.
SHARED ?= ../shared
DEU1 := $(SHARED)/validation/deu-i/deu_proposals_1996_2001.tsv
CALIBRATE_FLAGS := --models compromise,median,eu,exchange,ktab-smp --features status_quo,setter,mean \
        --setter com --folds 5 --inner-folds 5
calibration: build
	@test -f $(DEU1) || { echo "$(DEU1) is absent: put ../shared beside the checkout or give SHARED=DIR"; exit 2; }
	@$(ENTENTE) calibrate $(DEU1) $(CALIBRATE_FLAGS) -o calibrations/deu-1996-2001.yaml

golden-update: build
	@ENTENTE_GOLDEN_UPDATE=1 ctest --test-dir build/release -L golden -Q
	@git status --short tests/golden

clean:
	@rm -rf build
