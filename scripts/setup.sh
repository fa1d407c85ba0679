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

# Installs the tools of the browser checks (tests/browser) when root: Debian's
# chromium, a Java runtime for the Nu HTML Checker, and Node.js with npm
# (a fresh Debian 12 has neither). Each is looked up by its command, because a
# Node.js from NodeSource bundles npm and conflicts with Debian's npm package.
# Then installs the pinned npm packages into tests/browser/node_modules,
# without install scripts: none is needed, and none may download a browser.
install_browser_tools() {
	local missing=() dir="$ONLYONCE_ROOT/tests/browser"
	[[ -x /usr/bin/chromium ]] || missing+=(chromium)
	command -v java >/dev/null || missing+=(default-jre-headless)
	command -v node >/dev/null || missing+=(nodejs)
	command -v npm >/dev/null || missing+=(npm)
	if [[ ${#missing[@]} -gt 0 && $(id -u) -ne 0 ]]; then
		echo "onlyonce: browser checks need ${missing[*]}; run as root to install them" >&2
		return 0
	fi
	if [[ ${#missing[@]} -gt 0 ]]; then
		echo "onlyonce: installing ${missing[*]}"
		apt-get update -qq
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
	fi
	[[ $dir/node_modules/.package-lock.json -nt $dir/package-lock.json ]] && return 0
	(cd "$dir" && npm ci --no-audit --no-fund --ignore-scripts)
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
