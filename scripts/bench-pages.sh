#!/usr/bin/env bash
# Page benchmark (docs/BENCHMARKS.md, "Pages"): every page of the demo product, server side (first visit, median and
# p90 wall time, CPU time, SQL statements), then with `browser` the settle time in headless Chromium after a restart.
# Usage: scripts/bench-pages.sh [rounds] [browser]      (Chromium needs node with playwright-core: PRIORA_NODE_PATH)
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B test-compile
./mvnw -q -B dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
exec java -Xmx512m -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  dev.priora.bench.PageBenchmark "${1:-30}" "${2:-}"
