#!/usr/bin/env bash
# The release optimizer on every NRP instance at ratios 0.3/0.5/0.7 (docs/BENCHMARKS.md).
# Usage: scripts/bench-nrp.sh [time-limit-seconds]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B test-compile
./mvnw -q -B dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
exec java -Xmx4g -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  dev.priora.bench.NrpBenchmark "${1:-30}" ../shared/data/nrp
