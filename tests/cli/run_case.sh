#!/bin/bash
# Runs one CLI test case folder and compares the outcome with what it expects.
# Usage: run_case.sh ONLYONCE_BINARY SOURCE_DIR CASE_DIR WORK_DIR
#
# A case folder holds:
#   args      the arguments, one per line (@ROOT@ is the source folder,
#             @OUT@ an empty folder for this case, @CASE@ the case folder)
#   exit      the expected exit status
#   env       optional VAR=value lines added to the environment
#   stdout    optional: the exact expected standard output
#   stderr    optional: the exact expected standard error
#   contains  optional: lines "FILE<TAB>TEXT"; FILE (stdout, stderr or a path
#             below @OUT@) must contain TEXT
#   absent    optional: paths below @OUT@ that must not exist
set -uo pipefail
bin=$1 root=$2 case_dir=$3 work=$4
out=$work/$(basename "$case_dir")
rm -rf "$out"
mkdir -p "$out/files"

substitute() {
	sed -e "s|@ROOT@|$root|g" -e "s|@OUT@|$out/files|g" -e "s|@CASE@|$case_dir|g"
}

mapfile -t args < <(substitute < "$case_dir/args")
env_args=()
[[ -f $case_dir/env ]] && mapfile -t env_args < <(substitute < "$case_dir/env")

(cd "$root" && env LANG=C LC_ALL= "${env_args[@]}" "$bin" "${args[@]}") \
	> "$out/stdout" 2> "$out/stderr"
status=$?
failed=0

expected_status=$(cat "$case_dir/exit")
if [[ $status -ne $expected_status ]]; then
	echo "FAIL: exit status $status, expected $expected_status"
	failed=1
fi
for stream in stdout stderr; do
	[[ -f $case_dir/$stream ]] || continue
	if ! diff -u <(substitute < "$case_dir/$stream") "$out/$stream"; then
		echo "FAIL: $stream differs (expected first)"
		failed=1
	fi
done
if [[ -f $case_dir/contains ]]; then
	while IFS=$'\t' read -r file text; do
		[[ -z $file ]] && continue
		case $file in
		stdout|stderr) path=$out/$file ;;
		*) path=$out/files/$file ;;
		esac
		if ! grep -qF -- "$text" "$path" 2>/dev/null; then
			echo "FAIL: $file does not contain: $text"
			failed=1
		fi
	done < <(substitute < "$case_dir/contains")
fi
if [[ -f $case_dir/absent ]]; then
	while read -r file; do
		[[ -z $file ]] && continue
		if [[ -e $out/files/$file ]]; then
			echo "FAIL: $file exists but should not"
			failed=1
		fi
	done < "$case_dir/absent"
fi
if [[ $failed -ne 0 ]]; then
	echo "--- stdout"; cat "$out/stdout"
	echo "--- stderr"; cat "$out/stderr"
fi
exit $failed
