#!/usr/bin/env bash
# Palette search benchmark (docs/BENCHMARKS.md): 100,000 items, SearchService p50/p95/p99.
# Usage: [BENCH_HEAP=512m] scripts/bench-search.sh h2|postgres [items]
# PostgreSQL is embedded and refuses to run as root: run this as an ordinary user.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B test-compile
./mvnw -q -B dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
exec java -Xmx"${BENCH_HEAP:-512m}" -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  dev.priora.bench.SearchBenchmark "${1:-h2}" "${2:-100000}"
