#!/bin/bash
# SPDX-License-Identifier: EUPL-1.2
# Benchmarks the JSON Schema engine against ajv 8 on the same files in one
# run: (a) the form definitions in forms/ against schemas/form.schema.json,
# (b) 10,000 generated submissions against the submission schema that
# onlyonce build writes for the terrace permit form.
# Usage: bench/run.sh [ROUNDS_DEFINITIONS [ROUNDS_SUBMISSIONS]] (4000 and 30)
# Needs a C compiler, pkg-config, node and npm (ajv is installed into
# bench/node_modules). Not part of ctest.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bench=$root/bench
build=${BUILD:-$root/build-bench}
work=$build/bench-data
rounds_a=${1:-4000}
rounds_b=${2:-30}

mkdir -p "$build"
# Only the engine is compiled, from its sources, so that the benchmark does
# not depend on the other modules building at the moment.
# shellcheck disable=SC2046
cc -O2 -std=c11 -D_POSIX_C_SOURCE=200809L -I"$root/include" -I"$root/validator" \
	"$bench/bench_validate.c" "$root"/validator/schema_*.c "$root/core/alloc.c" \
	"$root/core/buf.c" "$root/core/status.c" "$root/core/file.c" "$root/core/json.c" \
	-o "$build/bench_validate" $(pkg-config --cflags --libs jansson libpcre2-8) -lm

if [[ ! -d $bench/node_modules/ajv ]]; then
	(cd "$bench" && npm install --no-save --no-audit --no-fund ajv@8 > /dev/null)
fi

mkdir -p "$work"
node "$bench/gen_submissions.js" 10000 "$work/submissions.jsonl"
definitions=("$root"/forms/*.form.json)
# The generator's output for forms/terrasvergunning.form.json, kept with
# the CLI test case that validates against it.
submission_schema=$root/tests/cases/cli/validate_terrasvergunning_generated/terrasvergunning.submission.schema.json

results=$work/results.tsv
: > "$results"
measure() {
	local tool=$1 peak
	shift
	/usr/bin/time -f 'time_max_rss_kib\t%M' -o "$work/time.txt" "$@" |
		sed "s/^/$tool\t/" >> "$results"
	peak=$(cut -f2 "$work/time.txt" | tail -1)
	echo -e "$tool\tpeak_rss_time_kib\t$peak" >> "$results"
}
measure onlyonce "$build/bench_validate" "$rounds_a" definitions "$root/schemas/form.schema.json" "${definitions[@]}"
measure ajv node "$bench/ajv_bench.js" "$rounds_a" definitions "$root/schemas/form.schema.json" "${definitions[@]}"
measure onlyonce "$build/bench_validate" "$rounds_b" submissions "$submission_schema" "$work/submissions.jsonl"
measure ajv node "$bench/ajv_bench.js" "$rounds_b" submissions "$submission_schema" "$work/submissions.jsonl"
measure onlyonce+formats "$build/bench_validate" --assert-formats "$rounds_b" submissions "$submission_schema" "$work/submissions.jsonl"

echo "Results (documents per second in the fastest fifth of each run; valid = valid documents per pass):"
awk -F'\t' '
	$3 == "with parsing" || $3 == "without parsing" || $3 == "with jansson parsing" {
		printf "%-17s %-12s %-20s %9s docs/s  (%s docs in %s s, valid %s)\n", $1, $2, $3, $6, $4, $5, $7
	}
	$2 == "peak_rss_time_kib" { printf "%-17s peak RSS of the last run: %s KiB\n", $1, $3 }
' "$results"
awk -F'\t' '
	$3 == "with parsing" { rate[$1 "/" $2] = $6 }
	END {
		for (set in rate) {
			split(set, part, "/")
			if (part[1] == "onlyonce" && rate["ajv/" part[2]])
				printf "ratio onlyonce/ajv with parsing, %s: %.2f\n", part[2], rate[set] / rate["ajv/" part[2]]
		}
	}
' "$results"
