# 红袖标 Desktop — build / run / test plumbing.
#
#   make run [ARGS='...'] [XVFB=1]   start the app (XVFB=1: inside a virtual X server)
#   make test                        pytest (offscreen Qt) + import-linter + ruff
#   make test-postgres [KEEP_PG=1]   the unit suite against a local PostgreSQL (installs, starts,
#                                    and afterwards stops it unless KEEP_PG=1)
#   make bench                       benchmarks in tests/benchmarks against their floors: prints one
#                                    table, writes tests/benchmarks/results.json (scale data cached
#                                    in ~/.cache/redband-bench/<hash>/)
#   make bench-postgres [KEEP_PG=1]  roster search, register, statistics at 100k on a private
#                                    PostgreSQL (port 54343) → tests/benchmarks/results-postgres.json
#   make dist                        the PyInstaller bundle (dist/redband/) and the .deb (dist/)
#                                    [DIST_CONSTRAINTS=installer/constraints/glibc-2.28.txt]
#   make test-dist                   run the built bundle and the installed .deb headless, check
#                                    libraries, desktop entry and the Windows installer script
#   make bench-dist                  bundle and .deb size, start-up time of bundle vs source
#   make test-oldest                 unit and UI tests on the oldest supported versions (PySide6 6.9)
#   make i18n                        refresh resources/i18n/*.ts from the UI sources, build .qm
#   make docs                        the user guide's screenshots (resources/guide/images/*.png),
#                                    taken from the app on the demo station under Xvfb
#   make venv                        (re)create .venv and install the project editable
#   make sysdeps                     install Qt/Xvfb/poppler system packages (Debian/Ubuntu)
#   make clean                       remove caches and build artefacts (keeps .venv)
#   make distclean                   clean + remove .venv
#
# Works on a fresh Debian 12 with only python3 (and make) installed.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV   := .venv
VPY    := $(VENV)/bin/python
STAMP  := $(VENV)/.stamp
ARGS   ?=
XVFB   ?=
XVFB_SCREEN ?= 1600x1000x24
PYTEST_ARGS ?=
# every core, a test file's tests on one worker (its module fixtures built once); PARALLEL= runs serially
PARALLEL ?= -n auto --dist loadfile
KEEP_PG ?=
# the short run on the oldest versions: migrations, services, documents, the command line,
# the table models and the main pages
OLDEST_TESTS ?= tests/unit/test_migrations.py tests/unit/test_roster_service.py \
	tests/unit/test_card_service.py tests/unit/test_mediation_docs.py tests/unit/test_cli.py \
	tests/ui/test_models.py tests/ui/test_roster_page.py tests/ui/test_cards_page.py \
	tests/ui/test_case_window.py tests/ui/test_translations.py tests/ui/test_self_test.py

# pip: quiet about its own version; no progress bars in CI logs.
PIP_FLAGS := --disable-pip-version-check $(if $(CI),--progress-bar off)

# Root needs no sudo; everyone else does. apt waits for the dpkg lock (another install or
# an unattended upgrade running) instead of failing at once.
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
APT_LOCK := -o DPkg::Lock::Timeout=600
APT_GET := $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get $(APT_LOCK)
APT_INSTALL := $(APT_GET) install -y --no-install-recommends

# Libraries the PySide6 wheels need to start Qt on the xcb and offscreen
# platforms (Debian 12 names), plus the X server for XVFB=1 / UI tests,
# poppler-utils (pdftoppm, pdftotext) for tests that render generated PDFs, and
# CUPS with its PDF printer for the test that prints cards through a real queue.
SYSDEPS_QT := libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libxcb-cursor0 \
	libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0 libxcb-render-util0 \
	libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 libfontconfig1 libdbus-1-3 libglib2.0-0
SYSDEPS_TOOLS := xvfb xauth poppler-utils cups printer-driver-cups-pdf
SYSDEPS := $(SYSDEPS_QT) $(SYSDEPS_TOOLS)
# `make dist` and its checks only: objdump for PyInstaller and the glibc check, a compiler
# and libpq for psycopg2, the .deb's Depends (installer/deb/depends.txt) so the bundle can
# leave those libraries to the system, NSIS for the Windows installer script,
# desktop-file-validate, and xdotool/xwininfo for the start-up benchmark.
SYSDEPS_DIST := binutils gcc libc6-dev libpq-dev dpkg-dev nsis desktop-file-utils xdotool x11-utils \
	$(shell sed -e 's/\#.*//' installer/deb/depends.txt)

DIST_VENV := .venv-dist
DIST_STAMP := $(DIST_VENV)/.stamp
DIST_CONSTRAINTS ?=
OLDEST_VENV := .venv-oldest
OLDEST_STAMP := $(OLDEST_VENV)/.stamp

# Translation sources: every Python file under redband_desktop/ui plus app.py.
I18N_SOURCES = $(sort $(shell find redband_desktop/ui -name '*.py' 2>/dev/null)) \
	$(wildcard redband_desktop/app.py)
TS := resources/i18n/redband_zh_CN.ts
QM := resources/i18n/redband_zh_CN.qm

ifeq ($(XVFB),1)
RUN_PREFIX := xvfb-run -a -s "-screen 0 $(XVFB_SCREEN)"
else
RUN_PREFIX :=
endif

IS_DEBIAN = [ -f /etc/debian_version ] && command -v apt-get >/dev/null 2>&1

.PHONY: help venv sysdeps sysdeps-dist run test test-postgres bench bench-postgres i18n clean distclean \
	dist test-dist bench-dist test-oldest docs

help:
	@sed -n '3,/^# Works on/p' $(firstword $(MAKEFILE_LIST)) | sed 's/^# \{0,1\}//'

# ---------------------------------------------------------------- venv
venv: $(STAMP)

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null || { \
	  echo "make venv: need Python >= 3.11 as '$(PYTHON)' (override with PYTHON=...)" >&2; exit 1; }
	@if ! $(VPY) -m pip --version >/dev/null 2>&1; then \
	  if ! $(PYTHON) -c 'import ensurepip, venv' >/dev/null 2>&1; then \
	    if $(IS_DEBIAN); then \
	      ver=$$($(PYTHON) -c 'import sys; print(f"{sys.version_info[0]}.{sys.version_info[1]}")'); \
	      echo "make venv: ensurepip missing; installing python3-venv (python$$ver-venv) with apt"; \
	      $(APT_GET) update; \
	      pkgs=""; \
	      for p in python3-venv "python$$ver-venv"; do \
	        dpkg -s "$$p" 2>/dev/null | grep -q '^Status: install ok installed' && continue; \
	        apt-cache show "$$p" >/dev/null 2>&1 && pkgs="$$pkgs $$p"; \
	      done; \
	      [ -n "$$pkgs" ] || { echo "make venv: no python venv package to install for $(PYTHON)" >&2; exit 1; }; \
	      $(APT_INSTALL) $$pkgs; \
	    else \
	      echo "make venv: '$(PYTHON) -m venv' needs ensurepip; install your distro's python venv package" >&2; \
	      exit 1; \
	    fi; \
	  fi; \
	  echo "make venv: creating $(VENV) with $$(command -v $(PYTHON))"; \
	  $(PYTHON) -m venv --clear $(VENV); \
	fi
	$(VPY) -m pip install $(PIP_FLAGS) --upgrade pip
	$(VPY) -m pip install $(PIP_FLAGS) -e '.[test]'
	@touch $@

# ------------------------------------------------------------- sysdeps
# $(call apt_ensure,PACKAGES): install those not installed yet (Debian/Ubuntu only).
define apt_ensure
	@if $(IS_DEBIAN); then \
	  missing=""; \
	  for p in $(1); do \
	    dpkg -s "$$p" 2>/dev/null | grep -q '^Status: install ok installed' || missing="$$missing $$p"; \
	  done; \
	  if [ -n "$$missing" ]; then \
	    if [ -n "$(SUDO)" ] && ! command -v sudo >/dev/null 2>&1; then \
	      echo "make: missing:$$missing — run as root or install sudo" >&2; exit 1; \
	    fi; \
	    echo "make: installing:$$missing"; \
	    $(APT_GET) update; \
	    $(APT_INSTALL) $$missing; \
	  fi; \
	else \
	  echo "make: not Debian/Ubuntu; skipping. Needed (Debian names, use your distro's equivalents):"; \
	  echo "  $(1)"; \
	fi
endef

sysdeps:
	$(call apt_ensure,$(SYSDEPS))

sysdeps-dist: sysdeps
	$(call apt_ensure,$(SYSDEPS_DIST))

# ----------------------------------------------------------------- run
run: sysdeps venv
	$(RUN_PREFIX) $(VPY) main.py $(ARGS)

# ---------------------------------------------------------------- test
# import-linter's cache lives inside .venv so the repo's top level stays clean.
test: sysdeps venv
	QT_QPA_PLATFORM=offscreen $(VPY) -m pytest $(PARALLEL) $(PYTEST_ARGS)
	$(VENV)/bin/lint-imports --no-logo --cache-dir $(VENV)/.import_linter_cache
	$(VENV)/bin/ruff check redband_desktop tests

# A private PostgreSQL cluster (tests/pg-test-server.sh: apt-installs postgresql if
# needed, runs it as the postgres user when we are root); every test gets a database of
# its own (tests/pgtest.py). Tests of the SQLite file itself are skipped there.
test-postgres: sysdeps venv
	$(VPY) -m pip install $(PIP_FLAGS) -q -e '.[test,postgres]'
	@url=$$(tests/pg-test-server.sh); echo "make test-postgres: $$url"; \
	status=0; REDBAND_TEST_DB_URL=$$url QT_QPA_PLATFORM=offscreen $(VPY) -m pytest tests/unit $(PARALLEL) $(PYTEST_ARGS) || status=$$?; \
	if [ -z "$(KEEP_PG)" ]; then tests/pg-test-server.sh stop; else echo "make test-postgres: server kept running (KEEP_PG)"; fi; \
	exit $$status

bench: sysdeps venv
	QT_QPA_PLATFORM=offscreen $(VPY) -m pytest tests/benchmarks -s -q -p no:cacheprovider -p no:xdist

# The server is tests/pg-test-server.sh's, in a folder and on a port of its own.
BENCH_PG := PG_TEST_DIR=/tmp/redband-pg-bench PG_TEST_PORT=54343 tests/pg-test-server.sh
bench-postgres: sysdeps venv
	@url=$$($(BENCH_PG)); echo "make bench-postgres: $$url"; status=0; \
	REDBAND_BENCH_DB_URL=$$url REDBAND_BENCH_RESULTS=tests/benchmarks/results-postgres.json QT_QPA_PLATFORM=offscreen \
	  $(VPY) -m pytest tests/benchmarks/test_postgres_speed.py -s -q -p no:cacheprovider -p no:xdist || status=$$?; \
	if [ -z "$(KEEP_PG)" ]; then $(BENCH_PG) stop; else echo "make bench-postgres: server kept running (KEEP_PG)"; fi; \
	exit $$status

# ---------------------------------------------------------------- dist
# The bundle is built in a venv of its own (psycopg2 from source against the system's libpq
# here, psycopg2-binary in .venv for the tests), with DIST_CONSTRAINTS for an older target.
$(DIST_STAMP): pyproject.toml $(DIST_CONSTRAINTS) | $(STAMP)
	$(PYTHON) -m venv --clear $(DIST_VENV)
	$(DIST_VENV)/bin/python -m pip install $(PIP_FLAGS) --upgrade pip
	$(DIST_VENV)/bin/python -m pip install $(PIP_FLAGS) $(if $(DIST_CONSTRAINTS),-c $(DIST_CONSTRAINTS)) -e '.[dist]'
	@touch $@

dist: sysdeps-dist $(DIST_STAMP)
	rm -rf dist/redband
	$(DIST_VENV)/bin/pyinstaller --noconfirm --log-level WARN --distpath dist \
	  --workpath build/pyinstaller installer/redband.spec
	rm -f dist/*.deb
	$(DIST_VENV)/bin/python installer/deb/build_deb.py dist/redband dist
	@du -sh dist/redband dist/*.deb

test-dist: sysdeps-dist
	@[ -x dist/redband/redband ] && ls dist/*.deb >/dev/null 2>&1 || { echo "make test-dist: run make dist first" >&2; exit 1; }
	$(PYTHON) installer/test_dist.py

bench-dist: sysdeps sysdeps-dist venv
	@[ -x dist/redband/redband ] || { echo "make bench-dist: run make dist first" >&2; exit 1; }
	$(VPY) installer/bench_dist.py

# ------------------------------------------------------- oldest versions
$(OLDEST_STAMP): pyproject.toml installer/constraints/oldest.txt
	$(PYTHON) -m venv --clear $(OLDEST_VENV)
	$(OLDEST_VENV)/bin/python -m pip install $(PIP_FLAGS) --upgrade pip
	$(OLDEST_VENV)/bin/python -m pip install $(PIP_FLAGS) -c installer/constraints/oldest.txt -e '.[test]'
	@touch $@

# A short run: the unit suite without the slow fault tests, and the UI suite.
test-oldest: sysdeps $(OLDEST_STAMP)
	QT_QPA_PLATFORM=offscreen $(OLDEST_VENV)/bin/python -m pytest -q -p no:cacheprovider \
	  -m "not slow" $(OLDEST_TESTS) $(PARALLEL) $(PYTEST_ARGS)

# ---------------------------------------------------------------- i18n
# lupdate merges into the existing .ts (translations are kept); -no-obsolete
# drops entries whose source text no longer exists.
i18n: sysdeps venv
	@[ -n "$(strip $(I18N_SOURCES))" ] || { echo "make i18n: no sources under redband_desktop/ui or app.py" >&2; exit 1; }
	@mkdir -p $(dir $(TS))
	$(VENV)/bin/pyside6-lupdate $(I18N_SOURCES) -no-obsolete \
	  -source-language en -target-language zh_CN -ts $(TS)
	$(VENV)/bin/pyside6-lrelease $(TS) -qm $(QM)

# ---------------------------------------------------------------- docs
# The guide's pictures: the demo station in a temporary folder, every page at 1366×728.
docs: sysdeps venv
	xvfb-run -a -s "-screen 0 $(XVFB_SCREEN)" $(VPY) installer/guide_images.py
	@du -ch resources/guide/images/*.png | tail -1

# --------------------------------------------------------------- clean
clean:
	rm -rf build dist *.egg-info .pytest_cache .ruff_cache .hypothesis .import_linter_cache
	find . -path ./$(VENV) -prune -o -name __pycache__ -type d -prune -exec rm -rf {} +

distclean: clean
	rm -rf $(VENV) $(DIST_VENV) $(OLDEST_VENV)
