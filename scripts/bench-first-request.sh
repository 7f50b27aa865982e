#!/usr/bin/env bash
# The first similar-feedback request on a product with N feedback and N items whose vectors are stored: on a node
# without an index, and after a restart (docs/BENCHMARKS.md).
# Usage: scripts/bench-first-request.sh [h2|postgres] [N] [seconds to wait for the index before the restart]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B test-compile
./mvnw -q -B dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
exec java -Xmx3g -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  dev.priora.bench.FirstRequestBenchmark "${1:-h2}" "${2:-100000}" "${3:-2400}"
