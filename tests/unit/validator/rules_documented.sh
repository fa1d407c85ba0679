#!/bin/bash
# Checks that docs/rules.md documents every finding code that the sources
# can emit, with a row in the table and a "## CODE rule-name" section, and
# that the rule table of validator/rules.c (behind SARIF output and the
# configuration file) lists it.
# Usage: rules_documented.sh SOURCE_DIR
set -uo pipefail
root=$1
doc=$root/docs/rules.md
failed=0

codes=$(grep -ohE '"OO[0-9]{3}"' "$root"/validator/*.c "$root"/audit/*.c "$root"/generator/*.c \
	"$root"/cli/*.c 2>/dev/null | tr -d '"' | sort -u)
if [[ -z $codes ]]; then
	echo "FAIL: found no finding codes in the sources"
	exit 1
fi
for code in $codes; do
	if ! grep -qE "^## $code [a-z-]+$" "$doc"; then
		echo "FAIL: docs/rules.md has no section \"## $code <rule>\""
		failed=1
	fi
	if ! grep -qE "^\| $code \| [a-z-]+ \|" "$doc"; then
		echo "FAIL: the table of docs/rules.md has no row for $code"
		failed=1
	fi
	if ! grep -qE "^\s*\{ \"$code\", \"[a-z-]+\"," "$root/validator/rules.c"; then
		echo "FAIL: the rule table of validator/rules.c has no entry for $code"
		failed=1
	fi
done
echo "checked $(wc -w <<< "$codes") codes"
exit $failed
