# egov-desk: `make run` starts the app, `make test` runs every check. Both set up what they need first:
# Debian packages (when run as root on Debian/Ubuntu), a virtual environment in .venv, the pinned packages.

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
# Qt's libraries for offscreen and X11, a CJK font (or Chinese shows as boxes), venv support; SANE for the office
# scanner (scanimage, and the headers python-sane builds against).
APT_PACKAGES := python3 python3-venv fonts-noto-cjk fontconfig libgl1 libegl1 libfontconfig1 libglib2.0-0 \
	libdbus-1-3 libxkbcommon0 libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-image0 \
	libxcb-keysyms1 libxcb-render-util0 libxcb-shape0 libxcb-xkb1 libxrender1 libsm6 libice6 \
	sane-utils libsane-dev
# The tests also render exports as a reader sees them: LibreOffice and poppler (pdftotext, pdftoppm).
# End-to-end tests (tests/e2e) drive the real app on a virtual screen: Xvfb, a window manager, xdotool, xwininfo
# and xprop (x11-utils), screenshots with import (imagemagick).
# The PostgreSQL server the core workspace tests also run on (.ci/run starts it; tests/postgres).
TEST_PACKAGES := libreoffice-writer-nogui libreoffice-calc-nogui poppler-utils xvfb openbox xdotool x11-utils imagemagick \
	postgresql
SCREENSHOT_PACKAGES := xvfb imagemagick

.PHONY: run test test-deps lint types system-deps venv translations screenshots package bench clean

run: system-deps venv
	$(BIN)/egov-desk

# Lint, types, then the tests under coverage: the report fails when coverage falls below [tool.coverage.report].
# With EGOV_TEST_POSTGRES=postgresql://… (as .ci/run sets) the core workspace tests run on that server too.
test: test-deps venv lint types
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m coverage run -m pytest
	$(BIN)/python -m coverage report

test-deps:
	@$(MAKE) --no-print-directory system-deps EXTRA_APT="$(TEST_PACKAGES)"

lint: venv
	$(BIN)/ruff check egov_desk tests tools bench packaging
	$(BIN)/ruff format --check egov_desk tests tools bench

# mypy as configured in pyproject.toml: strict on egov_desk/core, checked everywhere else.
types: venv
	$(BIN)/mypy

system-deps:
	@if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
		missing=$$(for p in $(APT_PACKAGES) $(EXTRA_APT); do \
			dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q '^install ok installed' || echo $$p; done); \
		if [ -n "$$missing" ]; then \
			echo "installing: $$missing"; \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; \
		fi; \
	elif command -v fc-list >/dev/null 2>&1 && ! fc-list :lang=zh | grep -q .; then \
		echo "warning: no Chinese font found; install fonts-noto-cjk (as root: make system-deps)"; \
	fi

venv: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,server,scanner]'
	touch $@

# After changing UI strings: collect them, translate the new ones in the .ts, then build the .qm.
translations: venv
	$(BIN)/pyside6-lupdate -locations none -no-obsolete $$(find egov_desk/ui -name '*.py' | sort) \
		-ts resources/translations/egov_desk_zh_CN.ts
	$(BIN)/pyside6-lrelease resources/translations/egov_desk_zh_CN.ts -qm resources/translations/egov_desk_zh_CN.qm

# The pictures in docs/: the real window on a virtual 1366x768 screen.
screenshots: venv
	$(MAKE) system-deps EXTRA_APT="$(SCREENSHOT_PACKAGES)"
	$(BIN)/python tools/screenshots.py docs
	$(MAKE) --no-print-directory system-deps EXTRA_APT="$(TEST_PACKAGES)"
	$(BIN)/python tools/render_exports.py docs

# The one-folder app and the .deb (build/egov-desk_<version>_<arch>.deb); see packaging/README.md.
package: venv
	packaging/linux/build-deb.sh

# Benchmarks against baselines measured in the same run; writes bench/RESULTS.md. Not part of `make test`.
bench: test-deps venv
	@$(MAKE) --no-print-directory system-deps EXTRA_APT="qpdf openssl zip time"
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m bench

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .ruff_cache .mypy_cache .coverage
