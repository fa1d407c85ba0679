#!/bin/bash
# SPDX-License-Identifier: EUPL-1.2
# Builds every form in forms/ in every language it declares, with and
# without prefill, plus the pages shown again after a failed submission,
# then checks them in headless Chromium and with the Nu HTML Checker
# (check.mjs). Exits 77 (skipped, for ctest) when a tool is missing.
#
# Usage: run.sh ONLYONCE RENDER_ERRORS OUTDIR SCREENSHOTDIR
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
chromium=${ONLYONCE_CHROMIUM:-/usr/bin/chromium}
# An enterprise number the fixtures source knows, so that fields are prefilled.
prefill_number=0314.595.348

skip() {
	echo "browser checks skipped: $*" >&2
	echo "scripts/test.sh installs what they need (as root)" >&2
	exit 77
}

[[ $# -eq 4 ]] || { echo "usage: run.sh ONLYONCE RENDER_ERRORS OUTDIR SCREENSHOTDIR" >&2; exit 2; }
onlyonce=$1 render_errors=$2 out=$3 shots=$4

[[ -x $chromium ]] || skip "no Chromium at $chromium (Debian package chromium)"
command -v java >/dev/null || skip "no java for the Nu HTML Checker (Debian package default-jre-headless)"
command -v node >/dev/null || skip "no node (Debian packages nodejs npm)"
for module in playwright-core axe-core vnu-jar; do
	[[ -d $here/node_modules/$module ]] || skip "npm package $module missing: run 'npm ci' in tests/browser"
done

shopt -s nullglob
forms=("$root"/forms/*.form.json)
[[ ${#forms[@]} -gt 0 ]] || { echo "no forms in $root/forms" >&2; exit 1; }

rm -rf "$out" "$shots"
mkdir -p "$out"
"$onlyonce" build -o "$out/plain" "${forms[@]}" >/dev/null
"$onlyonce" build -p "$prefill_number" -o "$out/prefill" "${forms[@]}" >/dev/null
"$render_errors" "$out/errors" "${forms[@]}" >/dev/null

exec node "$here/check.mjs" --pages "$out" --screenshots "$shots" --chromium "$chromium"
