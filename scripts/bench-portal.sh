#!/usr/bin/env bash
# Customer portal (docs/BENCHMARKS.md): 1,000 ideas and 100,000 votes; the visitor's idea list (trending, top, new,
# search) server side and over HTTP, and a new voter's vote. Usage: scripts/bench-portal.sh [h2|postgres] [ideas] [votes] [trace]
# (trace: print the statements of one vote instead of timing)
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B test-compile
./mvnw -q -B dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
exec java -Xmx"${BENCH_HEAP:-1g}" -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  dev.priora.bench.PortalBenchmark "${1:-h2}" "${2:-1000}" "${3:-100000}" ${4:+"$4"}
