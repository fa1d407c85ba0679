#!/bin/bash
# Validates the SARIF output of onlyonce check against the SARIF 2.1.0 JSON
# Schema with onlyonce's own schema engine (onlyonce validate).
# Usage: sarif_schema.sh ONLYONCE_BINARY SOURCE_DIR WORK_DIR
#
# The schema comes from the npm package @microsoft/jest-sarif (Microsoft's
# SARIF SDK for JavaScript), which ships it as a plain JSON file:
# lib/schemas/sarif-2.1.0-rtm.5.json, the 2.1.0 schema of the last release
# candidate. The package is fetched with npm pack into WORK_DIR, a folder
# of the build tree; without npm or the registry the test is skipped.
set -uo pipefail
bin=$1 root=$2 work=$3
package=@microsoft/jest-sarif@1.0.0-beta.0
schema=$work/package/lib/schemas/sarif-2.1.0-rtm.5.json

fetch_schema() {
	command -v npm >/dev/null || { echo "SKIP: npm is not installed, so the SARIF schema cannot be fetched"; return 1; }
	mkdir -p "$work" || return 1
	local tarball
	tarball=$(cd "$work" && timeout 180 npm pack --silent "$package" 2>/dev/null | tail -n 1)
	if [[ -z $tarball || ! -f $work/$tarball ]]; then
		echo "SKIP: npm pack $package failed, so the SARIF schema cannot be fetched"
		return 1
	fi
	tar -xzf "$work/$tarball" -C "$work" package/lib/schemas || return 1
}

if [[ ! -f $schema ]] && ! fetch_schema; then
	exit 77
fi

failed=0
out=$work/out
mkdir -p "$out"

# expect_valid NAME EXPECTED_CHECK_STATUS ARGS...: runs check with --format
# sarif and validates what it writes.
expect_valid() {
	local name=$1 expected=$2 status
	shift 2
	(cd "$root" && "$bin" check --format sarif "$@") > "$out/$name.sarif"
	status=$?
	if [[ $status -ne $expected ]]; then
		echo "FAIL: $name: check exited with $status, expected $expected"
		failed=1
	fi
	if ! "$bin" validate --schema "$schema" "$out/$name.sarif"; then
		echo "FAIL: $name: the SARIF output does not match the SARIF 2.1.0 schema"
		failed=1
	fi
}

expect_valid shipped_forms 0 forms/
expect_valid faulty_definitions 1 tests/cases/cli/check_hand_typed_legal_name/input.form.json \
	tests/cases/cli/check_fetchable_attachment/input.form.json \
	tests/cases/cli/check_rule_failures/input.form.json
if ! grep -q '"ruleId": "OO101"' "$out/faulty_definitions.sarif"; then
	echo "FAIL: the faulty definitions gave no OO101 result"
	failed=1
fi

# The schema must reject a log that breaks it, or the checks above prove nothing.
sed 's/"level": "error"/"level": "fatal"/' "$out/faulty_definitions.sarif" > "$out/broken.sarif"
if "$bin" validate --schema "$schema" "$out/broken.sarif" > /dev/null; then
	echo "FAIL: a SARIF log with level \"fatal\" passed the schema"
	failed=1
fi
exit $failed
