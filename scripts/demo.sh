#!/bin/bash
# Installs what is missing, builds onlyonce, and runs its three jobs on the
# shipped definitions and fixtures: check, build with KBO prefill, audit.
set -euo pipefail
source "$(dirname "$0")/setup.sh"
install_packages
build_onlyonce "$ONLYONCE_ROOT/build"

exec "$ONLYONCE_ROOT/scripts/demo-job.sh" "$ONLYONCE_ROOT/build/onlyonce" out/demo
