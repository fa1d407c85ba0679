#!/bin/bash
# Installs what is missing, builds onlyonce with warnings as errors, and runs
# the whole test suite twice: as built, and under AddressSanitizer with
# UndefinedBehaviorSanitizer.
set -euo pipefail
source "$(dirname "$0")/setup.sh"
install_packages
install_browser_tools
ensure_locale

build_onlyonce "$ONLYONCE_ROOT/build" -DONLYONCE_WERROR=ON
ctest --test-dir "$ONLYONCE_ROOT/build" --output-on-failure -j"$(nproc)"

build_onlyonce "$ONLYONCE_ROOT/build-asan" -DONLYONCE_WERROR=ON -DONLYONCE_SANITIZE=ON \
	-DCMAKE_BUILD_TYPE=Debug
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	ctest --test-dir "$ONLYONCE_ROOT/build-asan" --output-on-failure -j"$(nproc)"
