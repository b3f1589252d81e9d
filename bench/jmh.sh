#!/usr/bin/env bash
# Builds the JMH benchmarks jar (lede-bench and what it needs, tests skipped) and runs it with a
# JDK 21+. Arguments go to JMH:
#
#   bench/jmh.sh                          # every benchmark, about a minute each class
#   bench/jmh.sh StoryPageRender.renderOnly -prof gc
#   bench/jmh.sh -h                       # JMH's own options
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
java=$("$root/bin/find-java") || exit 1
export JAVA_HOME=$(dirname "$(dirname "$java")")
cd "$root"
./mvnw -q -B -pl lede-bench -am package -DskipTests || {
  echo "bench: the build failed; run ./mvnw -pl lede-bench -am package to see why." >&2
  exit 1
}
exec "$java" -jar lede-bench/target/benchmarks.jar "$@"
