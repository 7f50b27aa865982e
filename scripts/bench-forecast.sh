#!/usr/bin/env bash
# Monte Carlo forecast speed (docs/BENCHMARKS.md). Usage: scripts/bench-forecast.sh
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B test-compile
./mvnw -q -B dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
exec java -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" dev.priora.bench.ForecastBenchmark
