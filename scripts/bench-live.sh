#!/usr/bin/env bash
# Live updates benchmark (docs/BENCHMARKS.md): [clients] event streams on one node while [rate] changes a second are made
# through the API for [seconds]; delivery latency p50/p95/p99 and heap before/after.
# Usage: [BENCH_HEAP=768m] scripts/bench-live.sh h2|postgres [clients] [rate] [seconds]
# Each stream is two sockets in this one JVM (client and server): the script raises the open-file limit.
# PostgreSQL is embedded and refuses to run as root: run this as an ordinary user.
set -euo pipefail
cd "$(dirname "$0")/.."
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
./mvnw -q -B test-compile
./mvnw -q -B dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
exec java -Xmx"${BENCH_HEAP:-768m}" -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  dev.priora.bench.LiveBenchmark "${1:-h2}" "${2:-1000}" "${3:-50}" "${4:-30}"
