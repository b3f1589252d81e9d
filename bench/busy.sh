#!/usr/bin/env bash
# The reader site while the newsroom works: starts ./lede serve --demo on loopback with a fresh data
# directory, measures a story page and the home page with wrk while nobody writes ("quiet"), then
# again while the demo writer saves a draft every 0.25 s and the demo editor publishes an update of
# a published story every 5 s ("busy"), and prints busy/quiet for each. Then it times publish to
# visible: the editor publishes a new story and the home page, its topic page and the story page
# are polled until each shows it.
#
#   bench/busy.sh
#   DURATION=30 PORT=19000 bench/busy.sh
#   DATA_DIR=/path/to/archive bench/busy.sh   # an existing data directory (e.g. one bench/archive.sh
#                                             # kept) instead of the demo: adds a writer and an editor
#
# The newsroom is driven through its forms (CSRF tokens and all) by bench/newsroom-client.py.
# Everything it starts is stopped on exit, and it only ever talks to 127.0.0.1.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

PORT=${PORT:-18080}
DURATION=${DURATION:-15}
WARMUP=${WARMUP:-5}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-32}
DRAFT_EVERY=${DRAFT_EVERY:-0.25}
UPDATE_EVERY=${UPDATE_EVERY:-5}
PUBLISH_RUNS=${PUBLISH_RUNS:-3}
HOST=127.0.0.1
base="http://$HOST:$PORT"
client="$root/bench/newsroom-client.py"

for tool in wrk curl python3; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "bench: $tool is not installed (wrk and curl: apt-get install wrk curl); nothing was measured." >&2
    exit 1
  fi
done

. "$root/bench/lib.sh"

work=$(mktemp -d "${TMPDIR:-/tmp}/lede-busy.XXXXXX")
lede_pid="" wrk_pid="" writer_pid="" editor_pid="" warnings=0

cleanup() {
  set +e
  [ -n "$wrk_pid" ] && kill -TERM "$wrk_pid" 2>/dev/null
  stop "$writer_pid" writer
  stop "$editor_pid" editor
  stop "$lede_pid" lede
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

prepare_lede

writer_email=writer@demo.lede.test editor_email=editor@demo.lede.test
if [ -n "${DATA_DIR:-}" ]; then
  # An archive has no demo accounts: a writer and an editor of this run's own are added to it, with
  # passwords made here, before the server starts.
  [ -d "$DATA_DIR" ] || { echo "bench: DATA_DIR $DATA_DIR is not a directory." >&2; exit 1; }
  data=$DATA_DIR run_id="$(date +%s)-$$"
  writer_email="busy-writer-$run_id@bench.lede.test" editor_email="busy-editor-$run_id@bench.lede.test"
  writer_password=$(head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')
  editor_password=$(head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')
  for role in writer editor; do
    email_var="${role}_email" password_var="${role}_password"
    if ! printf '%s\n' "${!password_var}" | "$root/lede" user add --data-dir "$data" --email "${!email_var}" \
        --role "$role" --password-stdin >"$work/user-$role.log" 2>&1; then
      echo "bench: could not add the $role account to $data:" >&2
      cat "$work/user-$role.log" >&2
      exit 1
    fi
  done
  echo "Starting Lede on $HOST:$PORT with the data directory $data..."
  "$root/lede" serve --host "$HOST" --port "$PORT" --base-url "$base" \
    --data-dir "$data" >"$work/lede.log" 2>&1 &
  lede_pid=$!
  wait_for "$base/" "$lede_pid" lede "$work/lede.log" 600 || exit 1
else
  echo "Starting Lede on $HOST:$PORT with the demo content..."
  mkdir -p "$work/data"
  "$root/lede" serve --demo --host "$HOST" --port "$PORT" --base-url "$base" \
    --data-dir "$work/data" >"$work/lede.log" 2>&1 &
  lede_pid=$!
  wait_for "$base/" "$lede_pid" lede "$work/lede.log" 240 || exit 1

  # The demo accounts' passwords are printed once, when the fresh data directory gets them.
  password() { awk -v role="$1" '$1 == role && $2 ~ /@demo\.lede\.test$/ {print $3}' "$work/lede.log"; }
  writer_password=$(password writer)
  editor_password=$(password editor)
  if [ -z "$writer_password" ] || [ -z "$editor_password" ]; then
    echo "bench: lede printed no demo passwords; its output:" >&2
    cat "$work/lede.log" >&2
    exit 1
  fi
fi

story_path=$(curl -fsS "$base/" | grep -oE 'href="/[0-9]{4}/[0-9]{2}/[0-9]{2}/[a-z0-9-]+"' | head -n 1 | sed 's/^href="//; s/"$//' || true)
if [ -z "$story_path" ]; then
  echo "bench: the home page links to no story (/yyyy/mm/dd/slug); is the demo content loaded?" >&2
  exit 1
fi
for url in "$base$story_path" "$base/"; do
  require_200 "$url"
done

# Quiet: no --latency, only requests per second are compared; a run with failures is flagged.
run_wrk() {
  local label=$1 seconds=$2 url=$3 out="$work/$1.txt"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${seconds}s" "$url" >"$out" 2>&1 &
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
rps() { awk '/^Requests\/sec:/ {print $2}' "$work/$1.txt"; }

echo "Warming up (${WARMUP} s per page)..."
run_wrk warmup-story "$WARMUP" "$base$story_path"
run_wrk warmup-home "$WARMUP" "$base/"

echo "Quiet: measuring (${DURATION} s per page, $THREADS threads, $CONNECTIONS connections)..."
run_wrk quiet-story "$DURATION" "$base$story_path"
run_wrk quiet-home "$DURATION" "$base/"

# Bounded even if this script were killed without its trap: both loops end on their own.
loop_seconds=$((2 * DURATION + 60))
echo "Busy: starting the writer (a draft save every ${DRAFT_EVERY} s) and the editor (an update every ${UPDATE_EVERY} s)..."
# python3 itself in the background, not a function around it, so that $! is the process stop() signals.
python3 "$client" --base "$base" --email "$writer_email" --password "$writer_password" --ready-file "$work/writer.ready" \
  drafts --every "$DRAFT_EVERY" --seconds "$loop_seconds" >"$work/writer.json" 2>"$work/writer.err" &
writer_pid=$!
python3 "$client" --base "$base" --email "$editor_email" --password "$editor_password" --ready-file "$work/editor.ready" \
  updates --every "$UPDATE_EVERY" --seconds "$loop_seconds" --not "$story_path" >"$work/editor.json" 2>"$work/editor.err" &
editor_pid=$!
for i in $(seq 1 120); do
  [ -e "$work/writer.ready" ] && [ -e "$work/editor.ready" ] && break
  for pid in "$writer_pid" "$editor_pid"; do
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "bench: a newsroom loop stopped before it started:" >&2
      cat "$work/writer.err" "$work/editor.err" >&2
      exit 1
    fi
  done
  if [ "$i" = 120 ]; then
    echo "bench: the newsroom loops did not start within 60 s." >&2
    exit 1
  fi
  sleep 0.5
done

echo "Busy: measuring (${DURATION} s per page)..."
run_wrk busy-story "$DURATION" "$base$story_path"
run_wrk busy-home "$DURATION" "$base/"
stop "$writer_pid" writer
stop "$editor_pid" editor
writer_pid="" editor_pid=""
for role in writer editor; do
  if [ ! -s "$work/$role.json" ]; then
    echo "bench: the $role loop reported nothing:" >&2
    cat "$work/$role.err" >&2
    exit 1
  fi
done

echo "Publish to visible: the editor publishes a new story, $PUBLISH_RUNS times..."
python3 "$client" --base "$base" --email "$editor_email" --password "$editor_password" visible --runs "$PUBLISH_RUNS" >"$work/visible.json" 2>"$work/visible.err" || {
  echo "bench: the publish-to-visible run failed:" >&2
  cat "$work/visible.err" >&2
  exit 1
}

echo
echo "story: $story_path   ($(nproc) cores; wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s)"
printf '%-8s %14s %14s %10s\n' page "quiet req/s" "busy req/s" "busy/quiet"
for page in story home; do
  quiet=$(rps "quiet-$page") busy=$(rps "busy-$page")
  printf '%-8s %14s %14s %10s\n' "$page" "$quiet" "$busy" "$(awk -v b="$busy" -v q="$quiet" 'BEGIN {printf "%.2f", b / q}')"
done
python3 - "$work/writer.json" "$work/editor.json" "$work/visible.json" <<'EOF'
import json, sys
writer, editor, visible = (json.load(open(p)) for p in sys.argv[1:])
print(f"while busy: {writer['saves']} draft saves ({writer['failed']} failed), "
      f"{editor['updates']} published updates ({editor['failed']} failed)")
for label, spread in (('draft save', writer['ms']), ('published update', editor['ms'])):
    print(f"  {label} answered in ms: median {spread['p50']}, p95 {spread['p95']}, slowest {spread['max']}")
print()
print(f"{'publish to visible':<20} {'publish ms':>10} {'home ms':>10} {'topic ms':>10} {'story ms':>10}")
ms = lambda v: 'never' if v is None else str(v)
for r in visible['runs']:
    print(f"{'run ' + str(r['run']):<20} {ms(r.get('publish')):>10} {ms(r.get('home')):>10} "
          f"{ms(r.get('topic')):>10} {ms(r.get('story')):>10}")
EOF
if [ "$warnings" -gt 0 ]; then
  echo "WARNING: $warnings wrk run(s) had failed requests; the numbers above include them." >&2
fi
