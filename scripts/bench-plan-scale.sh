#!/usr/bin/env bash
# The planner at product scale through the API (docs/BENCHMARKS.md, issue 23): a product of 2,000 items, 300 customers
# with demand links and 4 releases, "Plan for me" with customer value: time to a result, the value after 2 s, its gap.
# Usage: [BENCH_HEAP=2g] scripts/bench-plan-scale.sh h2|postgres [time-limit-seconds] [items] [customers] [releases]
# PostgreSQL is embedded and refuses to run as root: run this as an ordinary user.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B test-compile
./mvnw -q -B dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
exec java -Xmx"${BENCH_HEAP:-2g}" -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  dev.priora.bench.PlanScaleBenchmark "${1:-h2}" "${2:-60}" "${3:-2000}" "${4:-300}" "${5:-4}"
