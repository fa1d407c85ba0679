#!/bin/bash
# Audits every fixture with --propose, then checks that onlyonce check
# finds no error in the drafts and that onlyonce build renders each one,
# and that the HTML report is self-contained.
# Usage: propose_check.sh ONLYONCE_BINARY SOURCE_DIR WORK_DIR
set -uo pipefail
bin=$1 root=$2 work=$3
rm -rf "$work"
mkdir -p "$work"
failed=0

"$bin" audit --format html --propose "$work/drafts" "$root/fixtures/existing-forms" \
	> "$work/report.html" 2> "$work/audit.stderr"
drafts=("$work"/drafts/*.form.json)
forms=$(grep -c '^onlyonce: wrote ' "$work/audit.stderr")
if [[ ${#drafts[@]} -lt 10 || $forms -ne ${#drafts[@]} ]]; then
	echo "FAIL: expected a draft per form, got ${#drafts[@]} files and $forms messages"
	failed=1
fi
if ! "$bin" check "${drafts[@]}" > "$work/check.out" 2>&1; then
	echo "FAIL: onlyonce check reports errors in the drafts:"
	cat "$work/check.out"
	failed=1
fi
if ! "$bin" build -o "$work/built" "${drafts[@]}" > "$work/build.out" 2>&1; then
	echo "FAIL: onlyonce build cannot render the drafts:"
	cat "$work/build.out"
	failed=1
fi
for draft in "${drafts[@]}"; do
	id=$(basename "$draft" .form.json)
	[[ -s $work/built/$id.nl.html ]] || { echo "FAIL: no rendering of $id"; failed=1; }
done
# Self-contained: no external stylesheet, script, image or font.
if grep -Eiq '<link|<script|<img|src=|@import|url\(' "$work/report.html"; then
	echo "FAIL: the HTML report refers to an external asset"
	failed=1
fi
grep -q '<svg' "$work/report.html" || { echo "FAIL: the report has no heat map"; failed=1; }
exit $failed
