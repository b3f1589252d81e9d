# Shared by the benchmark scripts: stopping what they started, and checking what they measure.
# Sourced, not run; callers set $HOST.

# Stops a process politely, then firmly: Lede closes its pool and Jetty on TERM, given a moment.
stop() {
  local pid=$1 name=$2
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 50); do
    kill -0 "$pid" 2>/dev/null || { wait "$pid" 2>/dev/null || true; return 0; }
    sleep 0.2
  done
  echo "bench: $name did not stop within 10 s; killing it." >&2
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

# An answer before we start anything means someone else's server would be measured.
port_busy() { curl -s -o /dev/null --max-time 1 "http://$HOST:$1/"; }

wait_for() {
  local url=$1 pid=$2 name=$3 log=$4 tries=$5
  for _ in $(seq 1 "$tries"); do
    if curl -fs -o /dev/null --max-time 2 "$url"; then
      return 0
    fi
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "bench: $name exited before answering; its output:" >&2
      tail -n 20 "$log" >&2
      return 1
    fi
    sleep 0.5
  done
  echo "bench: $name did not answer $url in time; its output:" >&2
  tail -n 20 "$log" >&2
  return 1
}

# wrk counts only statuses >= 400 as errors, so each URL is first checked for exactly 200 here.
require_200() {
  local url=$1 code
  code=$(curl -s -o /dev/null -w '%{http_code}' "$url")
  if [ "$code" != 200 ]; then
    echo "bench: $url answered $code, not 200; refusing to measure it." >&2
    exit 1
  fi
}

# Refuses to measure someone else's server on $PORT, then builds ./lede when its sources changed.
prepare_lede() {
  if port_busy "$PORT"; then
    echo "bench: something already answers on $HOST:$PORT; stop it or set PORT." >&2
    exit 1
  fi
  "$root/lede" --help >/dev/null || { echo "bench: ./lede could not be built; see above." >&2; exit 1; }
}
