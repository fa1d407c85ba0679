#!/bin/bash
# Installs what is missing, builds onlyonce, and runs its three jobs on the
# shipped definitions and fixtures: check, build with KBO prefill, audit.
set -euo pipefail
source "$(dirname "$0")/setup.sh"
install_packages
build_onlyonce "$ONLYONCE_ROOT/build"

cd "$ONLYONCE_ROOT"
bin=build/onlyonce
out=out/demo
rm -rf "$out"
mkdir -p "$out"

echo "== onlyonce check forms/*.form.json"
"$bin" check forms/*.form.json

echo
echo "== onlyonce build --prefill 0314.595.348 (FOD Economie, from fixtures/magda)"
"$bin" build --prefill 0314.595.348 -o "$out/forms" forms/*.form.json > "$out/built.txt"
cat "$out/built.txt"

echo
echo "== onlyonce audit fixtures/existing-forms --against forms/"
status=0
"$bin" audit fixtures/existing-forms --against forms/ > "$out/audit.txt" || status=$?
"$bin" audit fixtures/existing-forms --against forms/ --format json > "$out/audit.json" || true
# The existing forms re-ask authentic data, so findings (exit 1) are expected.
if [[ $status -gt 1 ]]; then
	echo "onlyonce: the audit failed with exit status $status" >&2
	exit 1
fi
tail -n 1 "$out/audit.txt"

echo
echo "HTML forms:     $ONLYONCE_ROOT/$out/forms/"
echo "Audit report:   $ONLYONCE_ROOT/$out/audit.txt"
echo "Audit as JSON:  $ONLYONCE_ROOT/$out/audit.json"
