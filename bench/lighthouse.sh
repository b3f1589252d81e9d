#!/usr/bin/env bash
# Lighthouse scores of each reader page type on the demo site. Needs Debian's chromium and npm;
# installs lighthouse 12.8.2 (the last release that runs on Node 20) into .tools/ once.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
. "$root/bench/lib.sh"
port=${PORT:-18095}
# A prefix of its own: npm prunes packages it was not asked for, so sharing .tools/ would remove the test tools.
tools="$root/.tools/lighthouse"
lighthouse="$tools/node_modules/.bin/lighthouse"
chrome=${CHROME_PATH:-/usr/bin/chromium}
[ -x "$chrome" ] || { echo "lighthouse.sh: needs Chromium at $chrome (apt-get install chromium)" >&2; exit 1; }
if [ ! -x "$lighthouse" ]; then
  command -v npm >/dev/null || { echo "lighthouse.sh: needs npm to install lighthouse" >&2; exit 1; }
  npm install --no-save --no-audit --no-fund --prefix "$tools" lighthouse@12.8.2 >/dev/null
fi
"$root/lede" --help >/dev/null
data=$(mktemp -d)
"$root/lede" serve --demo --host 127.0.0.1 --port "$port" --data-dir "$data" >"$data/server.log" 2>&1 &
server=$!
# stop() tolerates the TERM status the server exits with; under set -e a bare wait would make it the script's.
trap 'stop "$server" server; rm -rf "$data"' EXIT
for _ in $(seq 1 120); do
  curl -sf "http://127.0.0.1:$port/" >/dev/null && break
  sleep 0.5
done
# The search index follows the outbox in the background: wait until it has read the demo.
for _ in $(seq 1 120); do
  curl -sf "http://127.0.0.1:$port/search?q=Veloria" | grep -q 'class="stream results"' && break
  sleep 0.5
done
home=$(curl -sf "http://127.0.0.1:$port/")
story=$(grep -o 'href="/[0-9]\{4\}/[0-9]\{2\}/[0-9]\{2\}/[a-z0-9-]*"' <<<"$home" | head -1 | cut -d'"' -f2)
topic=$(grep -o 'href="/topics/[a-z0-9-]*"' <<<"$home" | head -1 | cut -d'"' -f2)
# The home stream's second page, as its "Older stories" link names it.
older=$(grep -o 'href="/older/[0-9A-Za-z-]*"' <<<"$home" | head -1 | cut -d'"' -f2)
printf '%-45s %5s %5s %5s %5s\n' page perf a11y best seo
for page in / "$older" "$story" "$topic" /dashboards/storm-idris /authors/nora-lindqvist /about "/search?q=Veloria"; do
  CHROME_PATH="$chrome" "$lighthouse" "http://127.0.0.1:$port$page" --quiet --output=json --output-path="$data/report.json" \
    --chrome-flags="--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --disable-background-networking --disable-component-update --disable-sync --no-first-run" >/dev/null 2>&1
  python3 - "$page" "$data/report.json" <<'PY'
import json, sys
c = json.load(open(sys.argv[2]))["categories"]
score = lambda k: "-" if c[k]["score"] is None else str(round(c[k]["score"] * 100))
print(f"{sys.argv[1]:45} {score('performance'):>5} {score('accessibility'):>5} {score('best-practices'):>5} {score('seo'):>5}")
PY
done
