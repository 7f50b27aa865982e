#!/usr/bin/env bash
# Sprint board benchmark (docs/BENCHMARKS.md): 500 cards in one sprint of a product of [items] items; board build,
# card move and board page latency.
# Usage: [BENCH_HEAP=512m] scripts/bench-board.sh h2|postgres [items]
# PostgreSQL is embedded and refuses to run as root: run this as an ordinary user.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B test-compile
./mvnw -q -B dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
exec java -Xmx"${BENCH_HEAP:-512m}" -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  dev.priora.bench.BoardBenchmark "${1:-h2}" "${2:-5000}"
