#!/usr/bin/env bash
# Backlog health benchmark (docs/BENCHMARKS.md): the health page and API at 100,000 items, server side (p50/p99,
# statements). Usage: scripts/bench-health.sh h2|postgres [items] [runs]
# PostgreSQL is embedded and refuses to run as root: run this as an ordinary user.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B test-compile
./mvnw -q -B dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
exec java -Xmx"${BENCH_HEAP:-512m}" -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  dev.priora.bench.HealthBenchmark "${1:-h2}" "${2:-100000}" "${3:-50}"
