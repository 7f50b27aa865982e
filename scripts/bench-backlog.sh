#!/usr/bin/env bash
# Backlog benchmark (docs/BENCHMARKS.md): 100,000 items, page and move latency, wrk load, heap.
# Usage: [BENCH_HEAP=512m] scripts/bench-backlog.sh h2|postgres [items] [wrk-seconds]
# PostgreSQL is embedded and refuses to run as root: run this as an ordinary user.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B test-compile
./mvnw -q -B dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
exec java -Xmx"${BENCH_HEAP:-512m}" -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  dev.priora.bench.BacklogBenchmark "${1:-h2}" "${2:-100000}" "${3:-20}"
