#!/usr/bin/env bash
# Sign-in latency under a wrong-password burst against one account, and the real member's
# sign-in during it. Starts ./lede serve on loopback with a fresh data directory and one account,
# trusting 127.0.0.1 as a proxy so that each guess can come from its own address (the worst case
# for the account: the per-address limit never applies), then runs bench/SignInBurst.java.
#
#   bench/signin-burst.sh
#   THREADS=20 SECONDS_=30 PORT=19000 bench/signin-burst.sh
#
# Everything it starts is stopped on exit, and it only ever talks to 127.0.0.1.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

PORT=${PORT:-18090}
THREADS=${THREADS:-20}
SECONDS_=${SECONDS_:-20}
HOST=127.0.0.1
EMAIL=member@bench.test
PASSWORD="quiet lantern over harbour"

. "$root/bench/lib.sh"

work=$(mktemp -d "${TMPDIR:-/tmp}/lede-signin.XXXXXX")
lede_pid=""
cleanup() {
  set +e
  stop "$lede_pid" lede
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

prepare_lede
java=$("$root/bin/find-java")

echo "$PASSWORD" | "$root/lede" user add --email "$EMAIL" --role editor --password-stdin --data-dir "$work/data" >/dev/null
"$root/lede" serve --host "$HOST" --port "$PORT" --data-dir "$work/data" --trusted-proxy 127.0.0.1 \
  >"$work/lede.log" 2>&1 &
lede_pid=$!
wait_for "http://$HOST:$PORT/newsroom/login" "$lede_pid" lede "$work/lede.log" 120

echo "$(nproc) cores; $THREADS guessing threads for ${SECONDS_}s against one account"
"$java" "$root/bench/SignInBurst.java" "http://$HOST:$PORT" "$EMAIL" "$PASSWORD" "$THREADS" "$SECONDS_"
