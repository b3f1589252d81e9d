#!/usr/bin/env bash
# How fast `lede import wxr` brings in a WordPress export of N posts without media (default
# 10000), in a heap of HEAP (default 256m); see bench/README.md. Needs bc and /usr/bin/time.
# Prints items per second of wall time and of the import's CPU time.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
java=$("$root/bin/find-java") || exit 1
export JAVA_HOME=$(dirname "$(dirname "$java")")
n=${1:-10000}
heap=${HEAP:-256m}
cd "$root"
./mvnw -q -B -pl lede-bench -am package -DskipTests || {
  echo "bench: the build failed; run ./mvnw -pl lede-bench -am package to see why." >&2
  exit 1
}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$java" -cp lede-bench/target/benchmarks.jar org.lede.importing.WxrGenerator "$n" "$work/export.xml"
echo "export: $n posts, $(du -h "$work/export.xml" | cut -f1)"
status=0
# Wall time and the process's CPU time: on a shared machine the wall time says more about the
# neighbours than about the import, so both are printed.
/usr/bin/time -f '%e %U %S' -o "$work/time" \
  "$java" --enable-native-access=ALL-UNNAMED -Djava.awt.headless=true -Xmx"$heap" \
  -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -jar lede-app/target/lede.jar import wxr "$work/export.xml" --data-dir "$work/data" --report "$work/report.tsv" \
  || status=$?
read -r wall user sys < <(tail -n 1 "$work/time")
printf 'import: exit %d, -Xmx%s: %.1f s wall (%.0f items/s), %.1f s CPU (%.0f items per CPU second); load average %s\n' \
  "$status" "$heap" "$wall" "$(echo "$n / $wall" | bc -l)" "$(echo "$user + $sys" | bc -l)" \
  "$(echo "$n / ($user + $sys)" | bc -l)" "$(cut -d' ' -f1-3 /proc/loadavg)"
exit "$status"
