#!/bin/sh
# Regenerates po/onlyonce.pot from the CLI sources and merges it into each
# catalogue. Run it after changing a translatable string; then translate
# the entries msgmerge marks as fuzzy or empty.
set -eu
cd "$(dirname "$0")/.."
xgettext --keyword=_ --keyword=N_ --keyword=ngettext:1,2 --from-code=UTF-8 \
	--package-name=onlyonce --add-comments -o po/onlyonce.pot cli/*.c
for po in po/*.po; do
	msgmerge --quiet --update --backup=none "$po" po/onlyonce.pot
done
