# Thin wrappers: the real work is in scripts/ and CMakePresets.json.
.PHONY: run test build deps test-deps format clean

JOBS ?= $(shell nproc)

run: deps build
	@scripts/run-demo

test: test-deps
	cmake --preset debug
	cmake --build --preset debug -j $(JOBS)
	ctest --preset debug -j $(JOBS)

build: deps
	cmake --preset release
	cmake --build --preset release -j $(JOBS)

deps:
	@scripts/install-deps

test-deps:
	@scripts/install-deps --test

format:
	find src cli tests bench -name '*.[ch]pp' | xargs clang-format-14 -i

clean:
	rm -rf build
