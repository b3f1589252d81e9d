#!/usr/bin/env bash
# What a 60-megapixel upload costs (time, peak heap) and a rendition read afterwards; see
# bench/README.md. Arguments: the number of uploads (default 3). HEAP sets -Xmx (default 1g).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
java=$("$root/bin/find-java") || exit 1
export JAVA_HOME=$(dirname "$(dirname "$java")")
cd "$root"
./mvnw -q -B -pl lede-bench -am package -DskipTests || {
  echo "bench: the build failed; run ./mvnw -pl lede-bench -am package to see why." >&2
  exit 1
}
exec "$java" --enable-native-access=ALL-UNNAMED -Djava.awt.headless=true -Xmx"${HEAP:-1g}" \
  -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -cp lede-bench/target/benchmarks.jar org.lede.media.UploadCost "$@"
