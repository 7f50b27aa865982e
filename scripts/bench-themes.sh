#!/usr/bin/env bash
# Feedback themes (docs/BENCHMARKS.md, "Themes"). Usage:
#   scripts/bench-themes.sh duplicates            duplicate pairs in the same theme on ../shared/data/duplicates
#   scripts/bench-themes.sh scale [h2|postgres] [N] [runs]   recompute of N feedback (100,000) and the Insights page
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B test-compile
./mvnw -q -B dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
exec java -Xmx3g -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  dev.priora.bench.ThemesBenchmark "$@"
