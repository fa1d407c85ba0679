#!/bin/bash
# Shared set-up of demo.sh and test.sh: installs the Debian packages the
# build needs (when run as root and one is missing), then configures and
# builds onlyonce into build/ (or the folder given as $1, with extra CMake
# arguments after it). Sourced, not run.

ONLYONCE_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
ONLYONCE_PACKAGES=(build-essential cmake pkg-config gettext locales
	libxml2-dev libjansson-dev libcurl4-openssl-dev libpcre2-dev libcmocka-dev
	libsqlite3-dev libmicrohttpd-dev openssl)

install_packages() {
	local missing=() pkg
	for pkg in "${ONLYONCE_PACKAGES[@]}"; do
		dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" ||
			missing+=("$pkg")
	done
	[[ ${#missing[@]} -eq 0 ]] && return 0
	if [[ $(id -u) -ne 0 ]]; then
		echo "onlyonce: missing Debian packages: ${missing[*]}" >&2
		echo "onlyonce: run this script as root, or install them with apt-get" >&2
		return 1
	fi
	echo "onlyonce: installing ${missing[*]}"
	apt-get update -qq
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

# Generates the Dutch locale that the message tests use, when root.
ensure_locale() {
	locale -a 2>/dev/null | grep -qi '^nl_BE\.utf-\?8$' && return 0
	[[ $(id -u) -eq 0 ]] || return 0
	sed -i 's/^# *\(nl_BE.UTF-8 UTF-8\)/\1/' /etc/locale.gen
	grep -q '^nl_BE.UTF-8 UTF-8' /etc/locale.gen || echo 'nl_BE.UTF-8 UTF-8' >> /etc/locale.gen
	locale-gen >/dev/null
}

# build_onlyonce DIR [CMAKE ARGUMENT]...
build_onlyonce() {
	local dir=$1
	shift
	cmake -S "$ONLYONCE_ROOT" -B "$dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" >/dev/null
	cmake --build "$dir" -j"$(nproc)"
}
