#!/usr/bin/env bash
# Similar-suggestion latency with N stored feedback (docs/BENCHMARKS.md). Usage: scripts/bench-similarity.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B test-compile
./mvnw -q -B dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
exec java -Xmx2g -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  dev.priora.bench.SimilarityBenchmark "${1:-100000}"
