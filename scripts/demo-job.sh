#!/bin/bash
# The demo job: check, build with KBO prefill and audit on the shipped
# definitions and fixtures. Usage: demo-job.sh ONLYONCE_BINARY OUTPUT_DIR
# (OUTPUT_DIR relative to the repository root, or absolute). The test
# suite runs it too.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=$(realpath "$1")
out=$2
[[ -n $out && $out != / ]] || { echo "demo-job.sh: invalid output folder '$out'" >&2; exit 2; }
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
"$bin" audit fixtures/existing-forms --against forms/ --format json > "$out/audit.json" 2>/dev/null || true
# The existing forms re-ask authentic data, so findings (exit 1) are expected.
if [[ $status -gt 1 ]]; then
	echo "onlyonce: the audit failed with exit status $status" >&2
	exit 1
fi
tail -n 1 "$out/audit.txt"

echo
root=$(pwd)
case $out in /*) where=$out ;; *) where=$root/$out ;; esac
echo "HTML forms:     $where/forms/"
echo "Audit report:   $where/audit.txt"
echo "Audit as JSON:  $where/audit.json"
