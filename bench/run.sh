#!/usr/bin/env bash
# Load-tests the reader site: starts ./lede serve --demo on loopback with a fresh data directory,
# measures one story page and the home page with wrk, and, when nginx is installed, the same story
# page saved as a static file, which is the "nearly as fast as static files" yardstick.
#
#   bench/run.sh                      # 15 s per page
#   DURATION=30 PORT=19000 bench/run.sh
#
# Everything it starts is stopped on exit, and it only ever talks to 127.0.0.1.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

PORT=${PORT:-18080}
NGINX_PORT=${NGINX_PORT:-$((PORT + 1))}
DURATION=${DURATION:-15}
WARMUP=${WARMUP:-5}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-32}
HOST=127.0.0.1

if ! command -v wrk >/dev/null 2>&1; then
  echo "bench: wrk is not installed (on Debian/Ubuntu: apt-get install wrk); nothing was measured." >&2
  exit 1
fi
if ! command -v curl >/dev/null 2>&1; then
  echo "bench: curl is not installed; nothing was measured." >&2
  exit 1
fi

. "$root/bench/lib.sh"

work=$(mktemp -d "${TMPDIR:-/tmp}/lede-bench.XXXXXX")
lede_pid="" nginx_pid="" wrk_pid="" warnings=0

cleanup() {
  set +e
  [ -n "$wrk_pid" ] && kill -TERM "$wrk_pid" 2>/dev/null
  stop "$nginx_pid" nginx
  stop "$lede_pid" lede
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Runs wrk and keeps its report in $work/$label.txt; warns when any request failed.
# Optional: a wrk Lua script, and the thread and connection counts for this run alone.
run_wrk() {
  local label=$1 seconds=$2 url=$3 script=${4:-} threads=${5:-$THREADS} connections=${6:-$CONNECTIONS} out="$work/$1.txt"
  # In the background so that Ctrl-C stops the run at once: bash runs traps only between commands.
  wrk -t"$threads" -c"$connections" -d"${seconds}s" ${script:+-s "$script"} --latency "$url" >"$out" 2>&1 &
  wrk_pid=$!
  if ! wait "$wrk_pid"; then
    echo "bench: wrk failed on $url:" >&2
    cat "$out" >&2
    exit 1
  fi
  wrk_pid=""
  if grep -qE '^ *(Non-2xx or 3xx responses|Socket errors):' "$out"; then
    warnings=$((warnings + 1))
    echo "WARNING: $label ($url) had failed requests: $(grep -E '^ *(Non-2xx or 3xx responses|Socket errors):' "$out" | sed 's/^ *//' | paste -sd ';' -)" >&2
  fi
}

# wrk prints latencies as 812.00us, 1.23ms or 1.02s; the table uses milliseconds throughout.
to_ms() {
  awk -v v="$1" 'BEGIN {
    n = v + 0
    if (v ~ /us$/) n = n / 1000
    else if (v ~ /ms$/) n = n
    else if (v ~ /m$/) n = n * 60000
    else if (v ~ /s$/) n = n * 1000
    printf "%.3f", n
  }'
}

row() {
  local label=$1 url=$2 out="$work/$1.txt" rps p50 p99 bytes
  rps=$(awk '/^Requests\/sec:/ {print $2}' "$out")
  p50=$(to_ms "$(awk '$1 == "50%" {print $2}' "$out")")
  p99=$(to_ms "$(awk '$1 == "99%" {print $2}' "$out")")
  bytes=$(curl -s -o /dev/null -w '%{size_download}' "$url")
  printf '%-14s %12s %10s %10s %10s\n' "$label" "$rps" "$p50" "$p99" "$bytes"
}

if port_busy "$PORT"; then
  echo "bench: something already answers on $HOST:$PORT; stop it or set PORT." >&2
  exit 1
fi

# The launcher rebuilds the jar when the sources are newer, so the numbers are for this tree.
"$root/lede" --help >/dev/null || { echo "bench: ./lede could not be built; see above." >&2; exit 1; }

echo "Starting Lede on $HOST:$PORT with the demo content..."
mkdir -p "$work/data"
"$root/lede" serve --demo --host "$HOST" --port "$PORT" --base-url "http://$HOST:$PORT" \
  --data-dir "$work/data" >"$work/lede.log" 2>&1 &
lede_pid=$!
wait_for "http://$HOST:$PORT/" "$lede_pid" lede "$work/lede.log" 240

base="http://$HOST:$PORT"
story_path=$(curl -fsS "$base/" | grep -oE 'href="/[0-9]{4}/[0-9]{2}/[0-9]{2}/[a-z0-9-]+"' | head -n 1 | sed 's/^href="//; s/"$//' || true)
if [ -z "$story_path" ]; then
  echo "bench: the home page links to no story (/yyyy/mm/dd/slug); is the demo content loaded?" >&2
  exit 1
fi
story_url="$base$story_path"
home_url="$base/"
api_url="$base/api/v1/stories?limit=50"
require_200 "$story_url"
require_200 "$home_url"
require_200 "$api_url"
api_stories=$(curl -fsS "$api_url" | grep -o '"headline":' | wc -l)

nginx_url=""
if command -v nginx >/dev/null 2>&1; then
  if port_busy "$NGINX_PORT"; then
    echo "bench: something already answers on $HOST:$NGINX_PORT; stop it or set NGINX_PORT." >&2
    exit 1
  fi
  mkdir -p "$work/nginx/static" "$work/nginx/tmp"
  curl -fsS -o "$work/nginx/static/story.html" "$story_url"
  # Run as root, nginx's workers drop to an unprivileged user, who must be able to read the page.
  chmod 755 "$work" "$work/nginx" "$work/nginx/static"
  chmod 644 "$work/nginx/static/story.html"
  # Temp paths and logs inside $work: the packaged defaults under /var need root.
  cat >"$work/nginx/nginx.conf" <<EOF
daemon off;
worker_processes auto;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $work/nginx/tmp/body;
  proxy_temp_path $work/nginx/tmp/proxy;
  fastcgi_temp_path $work/nginx/tmp/fastcgi;
  uwsgi_temp_path $work/nginx/tmp/uwsgi;
  scgi_temp_path $work/nginx/tmp/scgi;
  types { text/html html; }
  charset utf-8;
  server {
    listen $HOST:$NGINX_PORT;
    root $work/nginx/static;
  }
}
EOF
  echo "Starting nginx on $HOST:$NGINX_PORT with a saved copy of $story_path..."
  nginx -p "$work/nginx" -c "$work/nginx/nginx.conf" -e "$work/nginx/error.log" >"$work/nginx/out.log" 2>&1 &
  nginx_pid=$!
  wait_for "http://$HOST:$NGINX_PORT/story.html" "$nginx_pid" nginx "$work/nginx/out.log" 40
  nginx_url="http://$HOST:$NGINX_PORT/story.html"
  require_200 "$nginx_url"
fi

echo "Warming up (${WARMUP} s per page)..."
run_wrk warmup-story "$WARMUP" "$story_url"
run_wrk warmup-home "$WARMUP" "$home_url"
run_wrk warmup-api "$WARMUP" "$api_url"
run_wrk warmup-api-uncached "$WARMUP" "$api_url" "$root/bench/api-uncached.lua" 1 1
[ -n "$nginx_url" ] && run_wrk warmup-nginx "$WARMUP" "$nginx_url"

echo "Measuring (${DURATION} s per page, $THREADS threads, $CONNECTIONS connections)..."
run_wrk story "$DURATION" "$story_url"
run_wrk home "$DURATION" "$home_url"
run_wrk api-list "$DURATION" "$api_url"
# One connection: each request's latency is the cost of a miss (query, render, JSON, gzip), not queueing.
run_wrk api-uncached "$DURATION" "$api_url" "$root/bench/api-uncached.lua" 1 1
[ -n "$nginx_url" ] && run_wrk nginx-story "$DURATION" "$nginx_url"

echo
echo "story: $story_path   ($(nproc) cores; wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s)"
printf '%-14s %12s %10s %10s %10s\n' page "requests/s" "p50 ms" "p99 ms" bytes
row story "$story_url"
row home "$home_url"
row api-list "$api_url"
row api-uncached "$api_url"
echo "api: /api/v1/stories?limit=50 lists $api_stories stories; api-uncached is one connection, every request a cache miss"
if [ -n "$nginx_url" ]; then
  row nginx-story "$nginx_url"
else
  echo "nginx: not installed, skipped"
fi
if [ "$warnings" -gt 0 ]; then
  echo "WARNING: $warnings wrk run(s) had failed requests; the numbers above include them." >&2
fi
