#!/usr/bin/env bash
# What registered webhooks cost a publish: N publishes with no endpoint, then with 10 endpoints
# whose receiver (on this machine) takes RECEIVER_MS to answer; see bench/README.md.
# Arguments: N (default 200), RECEIVER_MS (default 50).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
java=$("$root/bin/find-java") || exit 1
export JAVA_HOME=$(dirname "$(dirname "$java")")
cd "$root"
./mvnw -q -B -pl lede-bench -am package -DskipTests || {
  echo "bench: the build failed; run ./mvnw -pl lede-bench -am package to see why." >&2
  exit 1
}
exec "$java" --enable-native-access=ALL-UNNAMED -Djava.awt.headless=true \
  -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -cp lede-bench/target/benchmarks.jar org.lede.webhook.PublishWithWebhooks "$@"
