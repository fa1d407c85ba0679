#!/bin/bash
# SPDX-License-Identifier: EUPL-1.2
# Runs the MAGDA client against the mock over HTTPS with client
# certificates: makes a throwaway CA with a server and a client
# certificate (and an untrusted "rogue" pair), starts the mock on a free
# port of 127.0.0.1, runs the client tests and the CLI, and always stops
# the mock.
# Usage: run_mock_tests.sh MOCK CLIENT_TEST ONLYONCE SOURCE_DIR WORK_DIR
set -euo pipefail
mock=$1 client_test=$2 onlyonce=$3 root=$4 work=$5
certs=$work/certs
rm -rf "$work"
mkdir -p "$certs" "$work/requests"

# make_cert NAME CA_NAME USAGE: a key and a certificate signed by CA_NAME.
make_cert() {
	local name=$1 ca=$2 usage=$3
	openssl req -newkey rsa:2048 -nodes -keyout "$certs/$name.key" -out "$certs/$name.csr" \
		-subj "/CN=onlyonce test $name" 2>/dev/null
	printf 'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=%s\n' "$usage" \
		> "$certs/$name.ext"
	openssl x509 -req -in "$certs/$name.csr" -CA "$certs/$ca.pem" -CAkey "$certs/$ca.key" \
		-CAcreateserial -days 2 -extfile "$certs/$name.ext" -out "$certs/$name.pem" 2>/dev/null
}
make_ca() {
	openssl req -x509 -newkey rsa:2048 -nodes -keyout "$certs/$1.key" -out "$certs/$1.pem" \
		-days 2 -subj "/CN=onlyonce test $1" 2>/dev/null
}
make_ca ca
make_ca rogue-ca
make_cert server ca serverAuth
make_cert client ca clientAuth
make_cert rogue rogue-ca clientAuth

"$mock" --fixtures "$root/fixtures/magda" --port-file "$work/port" \
	--request-dir "$work/requests" --tls-cert "$certs/server.pem" \
	--tls-key "$certs/server.key" --client-ca "$certs/ca.pem" 2> "$work/mock.log" &
mock_pid=$!
trap 'kill "$mock_pid" 2>/dev/null || true; wait "$mock_pid" 2>/dev/null || true' EXIT

for _ in $(seq 1 100); do
	[[ -s $work/port ]] && break
	kill -0 "$mock_pid" 2>/dev/null || { echo "FAIL: the mock did not start"; cat "$work/mock.log"; exit 1; }
	sleep 0.1
done
[[ -s $work/port ]] || { echo "FAIL: the mock wrote no port"; exit 1; }
port=$(cat "$work/port")

export ONLYONCE_MOCK_URL="https://127.0.0.1:$port/GeefOndernemingDienst-02.00/soap/WebService"
export ONLYONCE_MOCK_REQUESTS=$work/requests
export ONLYONCE_MOCK_ROGUE_CERT=$certs/rogue.pem ONLYONCE_MOCK_ROGUE_KEY=$certs/rogue.key
export ONLYONCE_MOCK_ROGUE_CA=$certs/rogue-ca.pem
export ONLYONCE_MAGDA_CERT=$certs/client.pem ONLYONCE_MAGDA_KEY=$certs/client.key
export ONLYONCE_MAGDA_CA=$certs/ca.pem
export ONLYONCE_MAGDA_SENDER=kb.vlaanderen.be/aiv/onlyonce-test
export ONLYONCE_MAGDA_CAPACITY=1234
export ONLYONCE_MAGDA_TIMEOUT=1 ONLYONCE_MAGDA_CONNECT_TIMEOUT=2
export ONLYONCE_MAGDA_RETRIES=2 ONLYONCE_MAGDA_RETRY_DELAY_MS=50
unset ONLYONCE_MAGDA_CONFIG ONLYONCE_MAGDA_KEY_PASSWORD ONLYONCE_MAGDA_ALLOW_HTTP

failed=0
"$client_test" || failed=1

# The CLI: a found enterprise is prefilled, a failing lookup leaves the
# form usable with editable fields and a notice, and both are logged.
# check_build NUMBER EXPECTED_STDERR_TEXT EXPECTED_HTML_TEXT
check_build() {
	local number=$1 log_text=$2 html_text=$3 out=$work/build-$1
	if ! (cd "$root" && LANG=C LC_ALL= "$onlyonce" build --prefill "$number" \
		--source "magda:$ONLYONCE_MOCK_URL" --lang nl -o "$out" \
		forms/terrasvergunning.form.json) > "$out.stdout" 2> "$out.stderr"; then
		echo "FAIL: build for $number exited with an error"; failed=1
	fi
	grep -qF -- "$log_text" "$out.stderr" ||
		{ echo "FAIL: stderr for $number lacks: $log_text"; cat "$out.stderr"; failed=1; }
	grep -qF -- "$html_text" "$out/terrasvergunning.nl.html" 2>/dev/null ||
		{ echo "FAIL: the form for $number lacks: $html_text"; failed=1; }
}
check_build 0314595348 "lookup of 0314.595.348 in magda: found" 'value="FOD Economie, K.M.O., Middenstand en Energie"'
check_build 0000000196 "lookup of 0000.000.196 in magda: not found" '<h2 id="oo-notice-title">Let op</h2>'
check_build 0999002010 "lookup of 0999.002.010 in magda: failed: MAGDA answered HTTP 500 (gave up after 2 retries)" '<h2 id="oo-notice-title">Let op</h2>'
check_build 0999010027 "lookup of 0999.010.027 in magda: failed: invalid MAGDA response" '<h2 id="oo-notice-title">Let op</h2>'
if grep -q ' readonly' "$work/build-0999002010/terrasvergunning.nl.html"; then
	echo "FAIL: a failed lookup left read-only fields"; failed=1
fi
if grep -rqF -- "$(head -c 40 "$certs/client.key" | tail -c 20)" "$work"/build-*.stderr; then
	echo "FAIL: the client key appears in the log"; failed=1
fi

exit $failed
