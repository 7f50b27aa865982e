#!/usr/bin/env bash
# Time to import a generated feedback CSV (docs/BENCHMARKS.md). Usage: scripts/bench-import.sh h2|postgres [rows]
# PostgreSQL is embedded and refuses to run as root: run this as an ordinary user.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B test-compile
./mvnw -q -B dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
exec java -Xmx1g -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  dev.priora.bench.FeedbackImportBenchmark "${1:-h2}" "${2:-100000}"
