#!/bin/sh
# Regenerates po/onlyonce.pot from the sources and merges it into each
# catalogue. Run it after changing a translatable string; then translate
# the entries msgmerge marks as fuzzy or empty.
#
# The CLI marks strings with _(), N_() and ngettext(); the library modules
# (core, validator, audit, generator) mark finding texts with OO_() and OO_N_(),
# which call dgettext("onlyonce", ...) because a library must not change
# the program's text domain.
set -eu
cd "$(dirname "$0")/.."
xgettext --keyword=_ --keyword=N_ --keyword=ngettext:1,2 --keyword=OO_ --keyword=OO_N_ \
	--from-code=UTF-8 --package-name=onlyonce --add-comments=TRANSLATORS: \
	--sort-by-file -o po/onlyonce.pot cli/*.c core/*.c validator/*.c audit/*.c generator/*.c
for po in po/*.po; do
	msgmerge --quiet --update --backup=none "$po" po/onlyonce.pot
done
