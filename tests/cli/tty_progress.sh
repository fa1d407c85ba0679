#!/bin/bash
# Checks that audit and kbo import report progress on stderr when it is a
# terminal, and stay quiet when it is not. script(1) from util-linux gives
# the program a pseudo-terminal.
# Usage: tty_progress.sh ONLYONCE_BINARY SOURCE_DIR WORK_DIR
set -uo pipefail
bin=$1 root=$2 work=$3
failed=0

if ! command -v script >/dev/null; then
	echo "SKIP: script(1) is not installed, so no terminal can be simulated"
	exit 77
fi
rm -rf "$work"
mkdir -p "$work"
cd "$root" || exit 1

expect() { # expect LABEL OUTPUT_FILE TEXT PRESENT(1|0)
	if grep -qF -- "$3" "$2"; then found=1; else found=0; fi
	if [[ $found -ne $4 ]]; then
		echo "FAIL: $1: \"$3\" $([[ $4 -eq 1 ]] && echo missing || echo present)"
		cat "$2"
		failed=1
	fi
}

script -qec "'$bin' audit fixtures/existing-forms --format json > '$work/audit.json'" /dev/null \
	| tr '\r' '\n' > "$work/audit-tty.txt"
expect "audit on a terminal" "$work/audit-tty.txt" "onlyonce: audited 1 of " 1
"$bin" audit fixtures/existing-forms --format json > "$work/audit.json" 2> "$work/audit-pipe.txt"
expect "audit into a pipe" "$work/audit-pipe.txt" "audited 1 of " 0
expect "audit into a pipe" "$work/audit-pipe.txt" "onlyonce: audit done: " 1

script -qec "'$bin' kbo import fixtures/kbo-open-data/full --db '$work/tty.sqlite'" /dev/null \
	| tr '\r' '\n' > "$work/kbo-tty.txt"
expect "kbo import on a terminal" "$work/kbo-tty.txt" "onlyonce: importing meta.csv: " 1
"$bin" kbo import fixtures/kbo-open-data/full --db "$work/pipe.sqlite" > "$work/kbo-out.txt" 2> "$work/kbo-pipe.txt"
expect "kbo import into a pipe" "$work/kbo-pipe.txt" "importing" 0

[[ $failed -eq 0 ]] && echo "progress shown on a terminal only"
exit $failed
