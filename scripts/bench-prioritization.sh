#!/usr/bin/env bash
# Order by score over N items and 3N dependencies vs JGraphT, and a 100,000-item score recompute
# (docs/BENCHMARKS.md). Usage: scripts/bench-prioritization.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B test-compile
./mvnw -q -B dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
exec java -Xmx4g -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  dev.priora.bench.PrioritizationBenchmark "${1:-1000000}"
